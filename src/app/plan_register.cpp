#include "app/plan_register.h"

#include <algorithm>
#include <unordered_map>

#include "core/text.h"

namespace bs {

const Body* PlanContext::FindBody(const std::string& code) const {
  for (const auto& b : bodies) if (b.code == code) return &b;
  return nullptr;
}

const Theme* PlanContext::FindTheme(ThemeId id) const {
  for (const auto& t : themes) if (t.id == id) return &t;
  return nullptr;
}

WriteMeta PlanRegister::Meta(std::string author, std::string source, std::string request_key) const {
  return WriteMeta{clock_.NowUnix(), std::move(author), std::move(source), std::move(request_key), ""};
}

Result<std::vector<Plan>> PlanRegister::ListPlans() { return store_.ListPlans(); }
Result<Plan> PlanRegister::GetPlan(PlanId id) { return store_.GetPlan(id); }

Result<Plan> PlanRegister::CreatePlan(const PlanDraft& draft, const std::string& author, const std::string& source) {
  Plan plan = TRY(Plan::Create(draft));
  return store_.CreatePlan(plan, Meta(author, source));
}

Result<PlanContext> PlanRegister::Context(PlanId id) {
  Plan plan = TRY(store_.GetPlan(id));
  PlanContext ctx{plan, TRY(store_.ListBodies()), {}, TRY(store_.ListThemes(id)), TRY(store_.ListStrategicLines(id)), {}};
  ctx.validation.first_year = plan.first_year();
  ctx.validation.last_year = plan.last_year();
  for (const auto& b : ctx.bodies) {
    ctx.validation.all_bodies.insert(b.code);
    if (b.owns_items) {
      ctx.committees.push_back(b);
      ctx.validation.committees.insert(b.code);
    }
  }
  ctx.validation.themes = ctx.themes;
  for (const auto& l : ctx.strategic_lines) ctx.validation.strategic_lines.insert(l.id);
  return ctx;
}

Result<int64_t> PlanRegister::PlanRevision(PlanId id) { return store_.PlanRevision(id); }

Status PlanRegister::UpsertBody(const Body& body, const std::string& author) {
  return store_.UpsertBody(body, Meta(author, "form"));
}
Result<std::vector<PlanEvent>> PlanRegister::PlanEvents(PlanId plan) { return store_.PlanEvents(plan); }
Result<std::string> PlanRegister::MunicipalityName() { return store_.MunicipalityName(); }

Status PlanRegister::SetMunicipalityName(const std::string& name, const std::string& author) {
  std::string n = text::IsValidUtf8(name) ? text::Trim(text::CleanSingleLine(name)) : "";
  if (n.empty()) return FieldErrors({{"municipality", "Skriv kommunens navn, fx «Norddjurs Kommune»."}});
  if (text::CodePointCount(n) > 100) return FieldErrors({{"municipality", "Navnet må højst være 100 tegn."}});
  return store_.SetMunicipalityName(n, Meta(author, "form"));
}
Result<std::vector<Body>> PlanRegister::ListBodies() { return store_.ListBodies(); }

Result<Theme> PlanRegister::AddTheme(PlanId plan, const std::string& name, int sort_order, const std::string& author) {
  return store_.AddTheme(plan, name, sort_order, Meta(author, "form"));
}

Result<StrategicLine> PlanRegister::AddStrategicLine(PlanId plan, const std::string& title,
                                                    const std::string& description, int sort_order,
                                                    const std::string& author) {
  return store_.AddStrategicLine(plan, title, description, sort_order, Meta(author, "form"));
}

Result<PlanItem> PlanRegister::GetItem(ItemId id) { return store_.GetItem(id); }

namespace {
// Filters the store can answer from its index and text columns faster than testing
// every item here (PlanItem::SearchText folds case on each call).
bool NeedsTextSearch(const ItemFilter& f) { return !f.query.empty() || !f.responsible.empty(); }
}  // namespace

Result<PlanRegister::Selection> PlanRegister::Select(PlanId plan, const ItemFilter& filter) {
  Selection sel;
  sel.all = TRY(store_.LiveItems(plan));
  for (const auto& item : *sel.all)
    if (filter.Matches(item)) sel.items.push_back(&item);
  if (!filter.DefaultOrder()) filter.Sort(sel.items);  // the store's order is the default
  return sel;
}

Result<ItemPage> PlanRegister::ListItems(PlanId plan, const ItemFilter& filter) {
  if (NeedsTextSearch(filter)) return store_.ListItems(plan, filter);
  Selection sel = TRY(Select(plan, filter));
  ItemPage page;
  page.total = static_cast<int64_t>(sel.items.size());
  size_t from = std::min(sel.items.size(), static_cast<size_t>(std::max(0, filter.offset)));
  size_t to = filter.limit > 0 ? std::min(sel.items.size(), from + static_cast<size_t>(filter.limit)) : sel.items.size();
  page.items.reserve(to - from);
  for (size_t i = from; i < to; ++i) page.items.push_back(*sel.items[i]);
  return page;
}

Result<PlanItem> PlanRegister::CreateItem(PlanId plan, const ItemDraft& draft, const WriteMeta& meta) {
  PlanContext ctx = TRY(Context(plan));
  return CreateItem(ctx, draft, meta);
}

Result<PlanItem> PlanRegister::CreateItem(const PlanContext& ctx, const ItemDraft& draft, const WriteMeta& meta) {
  PlanItem item = TRY(PlanItem::Create(ctx.plan.id(), draft, ctx.validation));
  return store_.CreateItem(item, meta);
}

bool SameData(const ItemData& a, const ItemData& b) {
  auto code = [](const ItemData& d) { return d.code ? d.code->text() : std::string(); };
  return a.category == b.category && a.committee == b.committee && a.theme_id == b.theme_id &&
         code(a) == code(b) && a.title == b.title && a.process == b.process && a.status_text == b.status_text &&
         a.state == b.state && a.traffic_light == b.traffic_light && a.responsible == b.responsible &&
         a.director == b.director && a.timing == b.timing && a.treatment == b.treatment &&
         a.directors_role == b.directors_role && a.amounts == b.amounts && a.realised == b.realised && a.cross_cutting == b.cross_cutting &&
         a.strategic == b.strategic && a.strategic_line_id == b.strategic_line_id && a.obs == b.obs &&
         a.obs_note == b.obs_note && a.case_numbers == b.case_numbers && a.external_keys == b.external_keys && a.strategies == b.strategies &&
         a.sdgs == b.sdgs && a.demo == b.demo;
}

Result<PlanItem> PlanRegister::UpdateItem(ItemId id, const ItemDraft& draft, int64_t base_revision,
                                         const WriteMeta& meta) {
  PlanItem current = TRY(store_.GetItem(id));
  PlanContext ctx = TRY(Context(current.plan_id()));
  ItemData data = TRY(PlanItem::Validate(draft, ctx.validation));
  data.realised = current.data().realised;  // reported through status updates, not the form
  auto updated = store_.UpdateItem(id, data, base_revision, meta);
  if (!updated.ok() && updated.error().code == ErrorCode::kConflict) {
    // The same form sent twice at once: the first landed and the second finds the item
    // already as it wants it. Nothing was lost, so it is not a conflict.
    PlanItem now = TRY(store_.GetItem(id));
    if (SameData(now.data(), data)) return now;
  }
  return updated;
}

Status PlanRegister::DeleteItem(ItemId id, int64_t base_revision, const WriteMeta& meta) {
  return store_.DeleteItem(id, base_revision, meta);
}

namespace {
void AddAmounts(FigureSums& into, const PlanItem& item) { into.Add(item.data()); }
}  // namespace

Result<PlanOverview> PlanRegister::Overview(const PlanContext& ctx, const ItemFilter& filter, bool separate_completed) {
  return SharedOverview(ctx, filter, separate_completed, nullptr);
}

// The overview over the store's shared live items (no copy), or over redacted copies
// for a viewer who may not see every field.
Result<PlanOverview> PlanRegister::SharedOverview(const PlanContext& ctx, const ItemFilter& filter,
                                                 bool separate_completed, const Viewer* viewer) {
  ItemFilter all = filter;
  all.limit = 0;
  all.offset = 0;
  if (NeedsTextSearch(all) || (viewer && !SeesEveryItemField(*viewer))) {
    // The store's free-text search never reads internal fields (PlanItem::SearchText).
    std::vector<PlanItem> items = TRY(ListItems(ctx.plan.id(), all)).items;
    if (viewer) RedactAll(*viewer, items);
    return OwningOverview(ctx, std::move(items), separate_completed);
  }
  Selection sel = TRY(Select(ctx.plan.id(), all));
  PlanOverview out = BuildOverview(ctx, sel.items, separate_completed);
  out.source = std::move(sel.all);
  return out;
}

Result<PlanOverview> PlanRegister::VersionOverview(const PlanContext& ctx, VersionId version, const ItemFilter& filter,
                                                  bool separate_completed) {
  return VersionOverview(Viewer{}, ctx, version, filter, separate_completed, false);
}

Result<PlanOverview> PlanRegister::VersionOverview(const Viewer& viewer, const PlanContext& ctx, VersionId version,
                                                  const ItemFilter& filter, bool separate_completed) {
  return VersionOverview(viewer, ctx, version, filter, separate_completed, true);
}

Result<PlanOverview> PlanRegister::VersionOverview(const Viewer& viewer, const PlanContext& ctx, VersionId version,
                                                  const ItemFilter& filter, bool separate_completed, bool redact) {
  Version v = TRY(store_.GetVersion(version));
  if (v.plan_id != ctx.plan.id()) return NotFound("Versionen hører ikke til denne plan.");
  std::vector<PlanItem> items;
  for (auto& item : TRY(store_.VersionItems(version)))
    if (filter.Matches(item)) items.push_back(redact ? Redact(viewer, item) : std::move(item));
  if (!filter.DefaultOrder()) filter.Sort(items);  // the store's order is the default
  return OwningOverview(ctx, std::move(items), separate_completed);
}

PlanOverview OwningOverview(const PlanContext& ctx, std::vector<PlanItem> items, bool separate_completed) {
  auto source = std::make_shared<const std::vector<PlanItem>>(std::move(items));
  PlanOverview out = BuildOverview(ctx, *source, separate_completed);
  out.source = std::move(source);
  return out;
}

PlanOverview BuildOverview(const PlanContext& ctx, const std::vector<PlanItem>& items, bool separate_completed) {
  std::vector<const PlanItem*> pointers;
  pointers.reserve(items.size());
  for (const auto& item : items) pointers.push_back(&item);
  return BuildOverview(ctx, pointers, separate_completed);
}

PlanOverview BuildOverview(const PlanContext& ctx, const std::vector<const PlanItem*>& items, bool separate_completed) {
  PlanOverview out;
  // One section per category, groups in the order of the bodies (or themes), items in
  // the given order; an item whose committee or theme the plan no longer has is left out.
  std::vector<CategorySection> sections;
  std::unordered_map<std::string, size_t> committee_group;  // code -> group index (not intents)
  std::unordered_map<ThemeId, size_t> theme_group;
  for (Category cat : kAllCategories) {
    CategorySection section{cat, {}, {}, 0};
    if (cat == Category::kIntent) {
      for (size_t t = 0; t < ctx.themes.size(); ++t) {
        section.groups.push_back({std::to_string(ctx.themes[t].id), ctx.themes[t].name, {}, {}});
        theme_group[ctx.themes[t].id] = t;
      }
      section.groups.push_back({"", "Uden tema", {}, {}});
      theme_group[0] = ctx.themes.size();
    } else {
      for (size_t b = 0; b < ctx.committees.size(); ++b) {
        const Body& body = ctx.committees[b];
        section.groups.push_back({body.code, body.name + " (" + body.code + ")", {}, {}});
        committee_group.emplace(body.code, b);
      }
    }
    sections.push_back(std::move(section));
  }
  for (const PlanItem* item_ptr : items) {
    const PlanItem& item = *item_ptr;
    const ItemData& d = item.data();
    if (d.obs) ++out.obs_count;
    if (separate_completed && d.state == ProgressState::kDone) {
      out.completed.push_back(&item);
      AddAmounts(out.totals, item);
      ++out.count;
      continue;
    }
    size_t cat = 0;
    while (cat < std::size(kAllCategories) && kAllCategories[cat] != d.category) ++cat;
    if (cat == std::size(kAllCategories)) continue;
    size_t group;
    if (d.category == Category::kIntent) {
      auto it = theme_group.find(d.theme_id);
      if (it == theme_group.end()) continue;
      group = it->second;
    } else {
      auto it = committee_group.find(d.committee);
      if (it == committee_group.end()) continue;
      group = it->second;
    }
    CategorySection& section = sections[cat];
    ItemGroup& g = section.groups[group];
    g.items.push_back(&item);
    AddAmounts(g.sums, item);
    AddAmounts(section.sums, item);
    AddAmounts(out.totals, item);
    ++section.count;
    ++out.count;
  }
  for (auto& section : sections) {
    if (!section.count) continue;
    std::erase_if(section.groups, [](const ItemGroup& g) { return g.items.empty(); });
    out.sections.push_back(std::move(section));
  }
  return out;
}

Result<std::vector<HistoryEntry>> PlanRegister::History(ItemId id, int limit) { return store_.ItemHistory(id, limit); }
Result<HistoryEntry> PlanRegister::Revision(ItemId id, int64_t revision) { return store_.ItemRevision(id, revision); }

Result<std::vector<FieldChange>> PlanRegister::ChangedSince(ItemId id, int64_t base_revision) {
  HistoryEntry base = TRY(store_.ItemRevision(id, base_revision));
  PlanItem now = TRY(store_.GetItem(id));
  PlanContext ctx = TRY(Context(now.plan_id()));
  return DiffItems(base.item.data(), now.data(), ctx.themes, ctx.strategic_lines);
}

Result<PlanItem> PlanRegister::RestoreItem(ItemId id, int64_t revision, int64_t base_revision, const WriteMeta& meta) {
  HistoryEntry old = TRY(store_.ItemRevision(id, revision));
  PlanItem now = TRY(store_.GetItem(id));
  PlanContext ctx = TRY(Context(now.plan_id()));
  // The old state is validated against today's plan: a committee or theme that no
  // longer exists must be fixed by an edit, not brought back silently.
  ItemData data = TRY(PlanItem::Validate(ItemDraft::From(old.item.data(), ctx.themes), ctx.validation));
  // The expected realised effect comes from status updates: a restore of the item's
  // text and fields does not take back what was reported since.
  data.realised = now.data().realised;
  WriteMeta m = meta;
  m.source = "restore";
  if (m.comment.empty()) m.comment = "Gendannet fra version " + std::to_string(revision) + ".";
  return store_.UpdateItem(id, data, base_revision, m);
}

Result<std::vector<StatusUpdate>> PlanRegister::StatusUpdates(ItemId id) { return store_.ListStatusUpdates(id); }

Result<std::vector<StatusUpdate>> PlanRegister::StatusUpdatesUntil(PlanId plan, Date day) {
  return store_.PlanStatusUpdates(plan, Date{2000, 1, 1}, day);
}

Result<PlanItem> PlanRegister::AddStatus(ItemId id, const StatusDraft& draft, int64_t base_revision, const WriteMeta& meta) {
  // Each retry follows a write that landed, so the writers as a whole progress; the
  // bound only keeps one request from spinning behind an endless stream of others.
  for (int attempt = 0;; ++attempt) {
    PlanItem item = TRY(store_.GetItem(id));
    Plan plan = TRY(store_.GetPlan(item.plan_id()));
    StatusUpdate update = TRY(ValidateStatus(draft, item.data(), plan.first_year(), plan.last_year()));
    WriteMeta m = meta;
    m.source = "status";
    if (m.author.empty()) m.author = update.author;
    bool any = base_revision == kAnyRevision;
    auto added = store_.AddStatusUpdate(id, update, ApplyStatus(item.data(), update), any ? item.revision() : base_revision, m);
    if (any && !added.ok() && added.error().code == ErrorCode::kConflict && attempt < 200) continue;
    return added;
  }
}

Status PlanRegister::CheckVersion(PlanId plan, const VersionDraft& draft) {
  // Every problem at once (issue 14): a name used before is said beside a bad date, not
  // only after the date is put right.
  auto v = ValidateVersion(draft, plan);
  std::vector<FieldError> errors;
  if (!v.ok()) {
    if (v.error().fields.empty()) return v.error();
    errors = v.error().fields;
  }
  std::string name = text::Trim(text::CleanSingleLine(draft.name));
  bool name_wrong = std::any_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "name"; });
  // Names that differ only in case or spacing (a no-break space) are the same name: the
  // list would show them alike (found by an attack: «RR999», «rr999», «RR 999»).
  auto same = [](std::string a) {
    std::string out;
    for (size_t i = 0; i < a.size(); ++i) {
      bool space = a[i] == ' ' || (a.compare(i, 2, "\xC2\xA0") == 0 && ++i);
      if (space) { if (!out.empty() && out.back() != ' ') out += ' '; continue; }
      out += a[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return text::FoldCase(out);
  };
  bool taken = false;
  std::string key = same(name);
  if (!name_wrong && !name.empty())
    for (const auto& existing : TRY(store_.ListVersions(plan))) taken = taken || same(existing.name) == key;
  std::string taken_message = "Planen har allerede en version med navnet «" + name + "».";
  if (taken && errors.empty()) return AlreadyExists(taken_message);  // alone: the API's 409
  if (taken) errors.push_back({"name", taken_message});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return OkStatus();
}

Result<Version> PlanRegister::PublishVersion(PlanId plan, const VersionDraft& draft, const std::string& author) {
  RETURN_IF_ERROR(CheckVersion(plan, draft));
  // The store refuses a duplicate too (two at once).
  return store_.PublishVersion(TRY(ValidateVersion(draft, plan)), Meta(author, "form"));
}

Result<std::vector<Version>> PlanRegister::ListVersions(PlanId plan) { return store_.ListVersions(plan); }
Result<Version> PlanRegister::GetVersion(VersionId id) { return store_.GetVersion(id); }

Result<RedlineView> PlanRegister::RedlineBetween(const PlanContext& ctx, VersionId from, VersionId to) {
  return RedlineBetween(nullptr, ctx, from, to);
}

Result<RedlineView> PlanRegister::RedlineBetween(const Viewer& viewer, const PlanContext& ctx, VersionId from,
                                                             VersionId to) {
  return RedlineBetween(&viewer, ctx, from, to);
}

Result<RedlineView> PlanRegister::RedlineBetween(const Viewer* viewer, const PlanContext& ctx, VersionId from,
                                                             VersionId to) {
  RedlineView view;
  view.from = TRY(store_.GetVersion(from));
  if (view.from.plan_id != ctx.plan.id())
    return InvalidArgument("Versionerne hører ikke til samme plan og kan ikke sammenlignes.");
  std::vector<PlanItem> before = TRY(store_.VersionItems(from));
  std::vector<PlanItem> after;
  if (to) {
    view.to = TRY(store_.GetVersion(to));
    if (view.to->plan_id != ctx.plan.id())
      return InvalidArgument("Versionerne hører ikke til samme plan og kan ikke sammenlignes.");
    after = TRY(store_.VersionItems(to));
  } else {
    after = TRY(store_.ListItems(ctx.plan.id(), ItemFilter{})).items;
  }
  if (viewer) {
    RedactAll(*viewer, before);
    RedactAll(*viewer, after);
  }
  view.redline = CompareItems(before, after, ctx.themes, ctx.strategic_lines);
  return view;
}

Result<bool> PlanRegister::IsPublished(PlanId plan) { return !TRY(store_.ListVersions(plan)).empty(); }

// A refusal whose existence is not public reads exactly like an unknown id (the
// stores' own NotFound message), so guessing ids tells nothing.
Status PlanRegister::Authorize(const Viewer& viewer, PlanId plan, Action action, Resource::Kind kind) {
  bool published = TRY(IsPublished(plan));
  auto st = Check(viewer, action, Resource::Of(kind, published), "planen");
  if (!st.ok() && st.error().code == ErrorCode::kNotFound) return NotFound("Plan " + std::to_string(plan) + " findes ikke.");
  return st;
}

Status PlanRegister::AuthorizeItem(const Viewer& viewer, const PlanItem& item, Action action, Resource::Kind kind) {
  bool published = TRY(IsPublished(item.plan_id()));
  Resource r = Resource::Item(published, item);
  r.kind = kind;
  auto st = Check(viewer, action, r, kind == Resource::Kind::kHistory ? "punktets historik" : "punktet");
  if (!st.ok() && st.error().code == ErrorCode::kNotFound) return NotFound("Punkt " + std::to_string(item.id()) + " findes ikke.");
  return st;
}

Result<std::vector<PlanRegister::VisiblePlan>> PlanRegister::VisiblePlans(const Viewer& viewer) {
  std::vector<VisiblePlan> out;
  for (auto& p : TRY(store_.ListPlans())) {
    bool published = TRY(IsPublished(p.id()));
    if (Decide(viewer, Action::kRead, Resource::Of(Resource::Kind::kVersion, published)) == Decision::kAllow)
      out.push_back({std::move(p), published});
  }
  return out;
}

Capabilities PlanRegister::CapabilitiesFor(const Viewer& viewer, PlanId plan) {
  auto published = IsPublished(plan);
  return CapabilitiesOf(viewer, published.ok() && *published);
}

Result<PlanOverview> PlanRegister::Overview(const Viewer& viewer, const PlanContext& ctx, const ItemFilter& filter,
                                           bool separate_completed) {
  return SharedOverview(ctx, filter, separate_completed, &viewer);
}

Result<std::vector<StatusUpdate>> PlanRegister::StatusUpdates(const Viewer& viewer, ItemId id) {
  auto updates = TRY(StatusUpdates(id));
  RedactAll(viewer, updates);
  return updates;
}

}  // namespace bs
