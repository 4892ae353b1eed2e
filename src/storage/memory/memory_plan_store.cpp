#include "storage/memory/memory_plan_store.h"

#include <algorithm>

namespace bs {
namespace {
Error ItemNotFound(ItemId id) { return NotFound("Punkt " + std::to_string(id) + " findes ikke."); }
Error PlanNotFound(PlanId id) { return NotFound("Plan " + std::to_string(id) + " findes ikke."); }
Error NoAuthor() { return InvalidArgument("En ændring skal have en afsender; den er ikke gemt."); }
}  // namespace

Plan MemoryPlanStore::WithRevision(const Plan& p) const {
  return Plan::Restore(p.id(), p.name(), p.budget_name(), p.first_year(), p.last_year(), p.description(),
                       plan_revisions_.at(p.id()));
}

Result<int64_t> MemoryPlanStore::PlanRevision(PlanId id) {
  std::lock_guard lock(mu_);
  auto it = plan_revisions_.find(id);
  if (it == plan_revisions_.end()) return PlanNotFound(id);
  return it->second;
}

Status MemoryPlanStore::UpsertBody(const Body& body, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  bodies_[body.code] = body;
  Event(0, meta, "body_changed", body.code + " – " + body.name);
  for (auto& [id, rev] : plan_revisions_) ++rev;
  return OkStatus();
}

Result<std::vector<Body>> MemoryPlanStore::ListBodies() {
  std::lock_guard lock(mu_);
  std::vector<Body> out;
  for (const auto& [code, b] : bodies_) out.push_back(b);
  std::stable_sort(out.begin(), out.end(), [](const Body& a, const Body& b) {
    return std::tie(a.sort_order, a.code) < std::tie(b.sort_order, b.code);
  });
  return out;
}

Result<Plan> MemoryPlanStore::CreatePlan(const Plan& plan, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  for (const auto& [id, p] : plans_)
    if (p.name() == plan.name()) return AlreadyExists("Der findes allerede en plan med navnet «" + plan.name() + "».");
  PlanId id = next_id_++;
  Plan stored = Plan::Restore(id, plan.name(), plan.budget_name(), plan.first_year(), plan.last_year(),
                              plan.description(), 1);
  plans_.emplace(id, stored);
  plan_revisions_[id] = 1;
  Event(id, meta, "plan_created", plan.name());
  return stored;
}

Result<std::vector<Plan>> MemoryPlanStore::ListPlans() {
  std::lock_guard lock(mu_);
  std::vector<Plan> out;
  for (const auto& [id, p] : plans_) out.push_back(WithRevision(p));
  std::stable_sort(out.begin(), out.end(), [](const Plan& a, const Plan& b) {
    return std::make_tuple(-a.first_year(), a.id()) < std::make_tuple(-b.first_year(), b.id());
  });
  return out;
}

Result<Plan> MemoryPlanStore::GetPlan(PlanId id) {
  std::lock_guard lock(mu_);
  auto it = plans_.find(id);
  if (it == plans_.end()) return PlanNotFound(id);
  return WithRevision(it->second);
}

Result<Theme> MemoryPlanStore::AddTheme(PlanId plan, const std::string& name, int sort_order, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  if (!plans_.count(plan)) return PlanNotFound(plan);
  for (const auto& t : themes_)
    if (t.plan_id == plan && t.name == name) return AlreadyExists("Temaet «" + name + "» findes allerede i planen.");
  Theme t{next_id_++, plan, name, sort_order};
  themes_.push_back(t);
  Event(plan, meta, "theme_added", name);
  Bump(plan);
  return t;
}

Result<std::vector<Theme>> MemoryPlanStore::ListThemes(PlanId plan) {
  std::lock_guard lock(mu_);
  std::vector<Theme> out;
  for (const auto& t : themes_) if (t.plan_id == plan) out.push_back(t);
  std::stable_sort(out.begin(), out.end(), [](const Theme& a, const Theme& b) {
    return std::tie(a.sort_order, a.id) < std::tie(b.sort_order, b.id);
  });
  return out;
}

Result<StrategicLine> MemoryPlanStore::AddStrategicLine(PlanId plan, const std::string& title,
                                                        const std::string& description, int sort_order,
                                                        const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  if (!plans_.count(plan)) return PlanNotFound(plan);
  for (const auto& l : lines_)
    if (l.plan_id == plan && l.title == title) return AlreadyExists("Den strategiske linje «" + title + "» findes allerede.");
  StrategicLine l{next_id_++, plan, title, description, sort_order};
  lines_.push_back(l);
  Event(plan, meta, "strategic_line_added", title);
  Bump(plan);
  return l;
}

Result<std::vector<StrategicLine>> MemoryPlanStore::ListStrategicLines(PlanId plan) {
  std::lock_guard lock(mu_);
  std::vector<StrategicLine> out;
  for (const auto& l : lines_) if (l.plan_id == plan) out.push_back(l);
  std::stable_sort(out.begin(), out.end(), [](const StrategicLine& a, const StrategicLine& b) {
    return std::tie(a.sort_order, a.id) < std::tie(b.sort_order, b.id);
  });
  return out;
}

void MemoryPlanStore::Record(const PlanItem& item, const WriteMeta& meta, const char* action) {
  history_[item.id()].push_back(HistoryEntry{item.id(), item.revision(), meta.now, meta.author, meta.source, action,
                                             meta.comment, item});
}

Result<PlanItem> MemoryPlanStore::CreateItem(const PlanItem& item, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  if (!plans_.count(item.plan_id())) return PlanNotFound(item.plan_id());
  if (!meta.request_key.empty()) {
    auto it = request_keys_.find({item.plan_id(), meta.request_key});
    if (it != request_keys_.end()) return items_.at(it->second).item;
  }
  ItemId id = next_id_++;
  PlanItem stored = PlanItem::Restore(id, item.plan_id(), item.data(), 1, meta.now, meta.now);
  items_.emplace(id, StoredItem{stored, false});
  Record(stored, meta, "create");
  Bump(item.plan_id());
  if (!meta.request_key.empty()) request_keys_[{item.plan_id(), meta.request_key}] = id;
  return stored;
}

Result<PlanItem> MemoryPlanStore::GetItem(ItemId id) {
  std::lock_guard lock(mu_);
  auto it = items_.find(id);
  if (it == items_.end() || it->second.deleted) return ItemNotFound(id);
  return it->second.item;
}

Result<PlanItem> MemoryPlanStore::UpdateItem(ItemId id, const ItemData& data, int64_t expected_revision,
                                             const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  return Update(id, data, expected_revision, meta, "update");
}

Result<PlanItem> MemoryPlanStore::Update(ItemId id, const ItemData& data, int64_t expected_revision,
                                         const WriteMeta& meta, const char* action) {
  if (meta.author.empty()) return NoAuthor();
  auto it = items_.find(id);
  if (it == items_.end() || it->second.deleted) return ItemNotFound(id);
  const PlanItem& cur = it->second.item;
  if (cur.revision() != expected_revision)
    return Conflict("Punktet er ændret af en anden, siden du hentede det (version " +
                    std::to_string(expected_revision) + ", nu " + std::to_string(cur.revision()) + ").");
  it->second.item = PlanItem::Restore(id, cur.plan_id(), data, cur.revision() + 1, cur.created_at(), meta.now);
  Record(it->second.item, meta, action);
  Bump(it->second.item.plan_id());
  return it->second.item;
}

Status MemoryPlanStore::DeleteItem(ItemId id, int64_t expected_revision, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  auto it = items_.find(id);
  if (it == items_.end() || it->second.deleted) return ItemNotFound(id);
  if (expected_revision && it->second.item.revision() != expected_revision)
    return Conflict("Punktet er ændret af en anden, siden du hentede det.");
  it->second.deleted = true;
  const PlanItem& cur = it->second.item;
  it->second.item = PlanItem::Restore(id, cur.plan_id(), cur.data(), cur.revision() + 1, cur.created_at(), meta.now);
  Record(it->second.item, meta, "delete");
  Bump(it->second.item.plan_id());
  return OkStatus();
}

Result<ItemPage> MemoryPlanStore::ListItems(PlanId plan, const ItemFilter& filter) {
  std::lock_guard lock(mu_);
  if (!plans_.count(plan)) return PlanNotFound(plan);
  std::vector<PlanItem> matched;
  for (const auto& [id, s] : items_)
    if (!s.deleted && s.item.plan_id() == plan && filter.Matches(s.item)) matched.push_back(s.item);
  filter.Sort(matched);
  ItemPage page;
  page.total = static_cast<int64_t>(matched.size());
  size_t begin = std::min(matched.size(), static_cast<size_t>(std::max(0, filter.offset)));
  size_t end = filter.limit > 0 ? std::min(matched.size(), begin + filter.limit) : matched.size();
  page.items.assign(matched.begin() + begin, matched.begin() + end);
  return page;
}

Result<std::vector<HistoryEntry>> MemoryPlanStore::ItemHistory(ItemId id, int limit) {
  std::lock_guard lock(mu_);
  auto it = history_.find(id);
  if (it == history_.end()) return ItemNotFound(id);
  const auto& all = it->second;
  size_t from = limit > 0 && all.size() > static_cast<size_t>(limit) ? all.size() - limit : 0;
  return std::vector<HistoryEntry>(all.begin() + from, all.end());
}

Result<HistoryEntry> MemoryPlanStore::ItemRevision(ItemId id, int64_t revision) {
  std::lock_guard lock(mu_);
  auto it = history_.find(id);
  if (it != history_.end())
    for (const auto& e : it->second) if (e.revision == revision) return e;
  return NotFound("Punkt " + std::to_string(id) + " har ingen version " + std::to_string(revision) + ".");
}

Result<PlanItem> MemoryPlanStore::AddStatusUpdate(ItemId id, const StatusUpdate& update, const ItemData& data,
                                                  int64_t expected_revision, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  auto item = TRY(Update(id, data, expected_revision, meta, "status"));
  StatusUpdate stored = update;
  stored.id = next_id_++;
  stored.item_id = id;
  stored.item_revision = item.revision();
  stored.created_at = meta.now;
  stored.round_id = 0;
  for (const auto& r : rounds_)
    if (r.plan_id == item.plan_id() && r.open()) stored.round_id = r.id;
  status_[id].insert(status_[id].begin(), stored);
  return item;
}

Result<std::vector<StatusUpdate>> MemoryPlanStore::ListStatusUpdates(ItemId id) {
  std::lock_guard lock(mu_);
  auto it = items_.find(id);
  if (it == items_.end() || it->second.deleted) return ItemNotFound(id);
  auto s = status_.find(id);
  return s == status_.end() ? std::vector<StatusUpdate>{} : s->second;
}

Result<Version> MemoryPlanStore::PublishVersion(const Version& version, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  return Publish(version, meta);
}

Result<Version> MemoryPlanStore::Publish(const Version& version, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  if (!plans_.count(version.plan_id)) return PlanNotFound(version.plan_id);
  for (const auto& v : versions_)
    if (v.plan_id == version.plan_id && v.name == version.name)
      return AlreadyExists("Planen har allerede en version med navnet «" + version.name + "».");
  Version stored = version;
  stored.id = next_id_++;
  stored.published_at = meta.now;
  stored.published_by = meta.author;
  auto& list = version_items_[stored.id];
  for (const auto& [id, s] : items_)
    if (!s.deleted && s.item.plan_id() == version.plan_id) list.emplace_back(id, s.item.revision());
  stored.item_count = static_cast<int64_t>(list.size());
  versions_.push_back(stored);
  Event(version.plan_id, meta, "version_published", version.name);
  Bump(version.plan_id);
  return stored;
}

Result<std::vector<PlanEvent>> MemoryPlanStore::PlanEvents(PlanId plan) {
  std::lock_guard lock(mu_);
  if (!plans_.count(plan)) return PlanNotFound(plan);
  std::vector<PlanEvent> out;
  for (auto it = events_.rbegin(); it != events_.rend(); ++it)
    if (it->plan_id == plan || it->plan_id == 0) out.push_back(*it);
  return out;
}

Result<std::vector<Version>> MemoryPlanStore::ListVersions(PlanId plan) {
  std::lock_guard lock(mu_);
  if (!plans_.count(plan)) return PlanNotFound(plan);
  std::vector<Version> out;
  for (auto it = versions_.rbegin(); it != versions_.rend(); ++it) if (it->plan_id == plan) out.push_back(*it);
  return out;
}

Result<Version> MemoryPlanStore::GetVersion(VersionId id) {
  std::lock_guard lock(mu_);
  for (const auto& v : versions_) if (v.id == id) return v;
  return NotFound("Version " + std::to_string(id) + " findes ikke.");
}

Result<std::vector<PlanItem>> MemoryPlanStore::VersionItems(VersionId id) {
  std::lock_guard lock(mu_);
  auto it = version_items_.find(id);
  if (it == version_items_.end()) return NotFound("Version " + std::to_string(id) + " findes ikke.");
  std::vector<PlanItem> out;
  for (const auto& [item, revision] : it->second)
    for (const auto& e : history_.at(item)) if (e.revision == revision) out.push_back(e.item);
  ItemFilter().Sort(out);
  return out;
}

// ---- Reporting rounds (issue 11) ----

namespace {
Error RoundNotFound(RoundId id) { return NotFound("Statusrunde " + std::to_string(id) + " findes ikke."); }
Error RoundClosed() { return Conflict("Statusrunden er lukket; dens fremhævninger kan ikke ændres."); }
}  // namespace

ReportingRound* MemoryPlanStore::FindRound(RoundId id) {
  for (auto& r : rounds_) if (r.id == id) return &r;
  return nullptr;
}

Result<ReportingRound> MemoryPlanStore::OpenRound(const ReportingRound& round, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  if (!plans_.count(round.plan_id)) return PlanNotFound(round.plan_id);
  for (const auto& r : rounds_) {
    if (r.plan_id != round.plan_id) continue;
    if (r.open()) return Conflict("Statusrunden «" + r.name + "» er allerede åben. Luk den, før en ny åbnes.");
    if (r.name == round.name) return AlreadyExists("Planen har allerede haft en statusrunde med navnet «" + round.name + "».");
  }
  ReportingRound stored = round;
  stored.id = next_id_++;
  stored.opened_at = meta.now;
  stored.opened_by = meta.author;
  stored.closed_at = 0;
  stored.closed_by.clear();
  stored.version_id = 0;
  rounds_.push_back(stored);
  Event(round.plan_id, meta, "round_opened", round.name);
  Bump(round.plan_id);
  return stored;
}

Result<std::vector<ReportingRound>> MemoryPlanStore::ListRounds(PlanId plan) {
  std::lock_guard lock(mu_);
  if (!plans_.count(plan)) return PlanNotFound(plan);
  std::vector<ReportingRound> out;
  for (auto it = rounds_.rbegin(); it != rounds_.rend(); ++it) if (it->plan_id == plan) out.push_back(*it);
  return out;
}

Result<ReportingRound> MemoryPlanStore::GetRound(RoundId id) {
  std::lock_guard lock(mu_);
  if (ReportingRound* r = FindRound(id)) return *r;
  return RoundNotFound(id);
}

Result<ReportingRound> MemoryPlanStore::CloseRound(RoundId id, int64_t reported, int64_t items,
                                                   const std::optional<Version>& publish, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  ReportingRound* r = FindRound(id);
  if (!r) return RoundNotFound(id);
  if (!r->open()) return Conflict("Statusrunden «" + r->name + "» er allerede lukket.");
  VersionId version = 0;
  if (publish) version = TRY(Publish(*publish, meta)).id;
  r->closed_at = meta.now;
  r->closed_by = meta.author;
  r->version_id = version;
  r->reported_count = reported;
  r->item_count = items;
  Event(r->plan_id, meta, "round_closed", r->name);
  Bump(r->plan_id);
  return *r;
}

Result<std::set<ItemId>> MemoryPlanStore::ReportedInRound(RoundId id) {
  std::lock_guard lock(mu_);
  if (!FindRound(id)) return RoundNotFound(id);
  std::set<ItemId> out;
  for (const auto& [item, updates] : status_)
    for (const auto& u : updates) if (u.round_id == id) out.insert(item);
  return out;
}

Status MemoryPlanStore::SetHighlight(const Highlight& h, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  ReportingRound* r = FindRound(h.round_id);
  if (!r) return RoundNotFound(h.round_id);
  if (!r->open()) return RoundClosed();
  auto item = items_.find(h.item_id);
  if (item == items_.end() || item->second.deleted || item->second.item.plan_id() != r->plan_id) return ItemNotFound(h.item_id);
  Highlight stored = h;
  stored.by = meta.author;
  stored.at = meta.now;
  auto& list = highlights_[h.round_id];
  auto it = std::find_if(list.begin(), list.end(), [&](const Highlight& x) { return x.item_id == h.item_id; });
  if (it != list.end()) *it = stored;
  else list.push_back(stored);
  Event(r->plan_id, meta, "highlight_set", item->second.item.data().title);
  Bump(r->plan_id);
  return OkStatus();
}

Status MemoryPlanStore::RemoveHighlight(RoundId round, ItemId item, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  ReportingRound* r = FindRound(round);
  if (!r) return RoundNotFound(round);
  if (!r->open()) return RoundClosed();
  auto& list = highlights_[round];
  auto it = std::find_if(list.begin(), list.end(), [&](const Highlight& x) { return x.item_id == item; });
  if (it == list.end()) return NotFound("Punktet er ikke fremhævet i runden.");
  list.erase(it);
  auto stored = items_.find(item);
  Event(r->plan_id, meta, "highlight_removed", stored == items_.end() ? std::to_string(item) : stored->second.item.data().title);
  Bump(r->plan_id);
  return OkStatus();
}

Result<std::vector<Highlight>> MemoryPlanStore::ListHighlights(RoundId round) {
  std::lock_guard lock(mu_);
  if (!FindRound(round)) return RoundNotFound(round);
  auto it = highlights_.find(round);
  return it == highlights_.end() ? std::vector<Highlight>{} : it->second;
}

Result<std::vector<StatusUpdate>> MemoryPlanStore::PlanStatusUpdates(PlanId plan, Date from, Date to) {
  std::lock_guard lock(mu_);
  if (!plans_.count(plan)) return PlanNotFound(plan);
  std::vector<StatusUpdate> out;
  for (const auto& [item, updates] : status_) {
    auto stored = items_.find(item);
    if (stored == items_.end() || stored->second.item.plan_id() != plan) continue;
    for (const auto& u : updates)
      if (u.as_of >= from && u.as_of <= to) out.push_back(u);
  }
  std::sort(out.begin(), out.end(), [](const StatusUpdate& a, const StatusUpdate& b) {
    return std::tie(b.as_of, b.id) < std::tie(a.as_of, a.id);
  });
  return out;
}

Result<std::string> MemoryPlanStore::MunicipalityName() {
  std::lock_guard lock(mu_);
  return municipality_;
}

Status MemoryPlanStore::SetMunicipalityName(const std::string& name, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  municipality_ = name;
  for (auto& [id, rev] : plan_revisions_) ++rev;
  return OkStatus();
}

// ---- Imports (issue 13) ----

Result<ImportApplied> MemoryPlanStore::ApplyImport(const ImportBatch& batch, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  if (!plans_.count(batch.plan)) return PlanNotFound(batch.plan);
  // Every precondition first, so that a refusal writes nothing.
  auto check = [&](ItemId id, int64_t expected) -> Status {
    auto it = items_.find(id);
    if (it == items_.end() || it->second.deleted || it->second.item.plan_id() != batch.plan) return ItemNotFound(id);
    if (it->second.item.revision() != expected)
      return Conflict("Punkt " + std::to_string(id) + " er ændret af en anden, siden importen blev forberedt.");
    return OkStatus();
  };
  for (const auto& c : batch.creates)
    if (c.plan_id() != batch.plan) return PlanNotFound(c.plan_id());
  for (const auto& u : batch.updates) RETURN_IF_ERROR(check(u.id, u.expected_revision));
  for (const auto& u : batch.statuses) RETURN_IF_ERROR(check(u.id, u.expected_revision));
  ImportApplied out;
  for (const auto& b : batch.new_bodies) {
    bodies_[b.code] = b;
    Event(0, meta, "body_changed", b.code + " – " + b.name);
    for (auto& [id, rev] : plan_revisions_) ++rev;
  }
  for (const auto& c : batch.creates) {
    ItemId id = next_id_++;
    PlanItem stored = PlanItem::Restore(id, batch.plan, c.data(), 1, meta.now, meta.now);
    items_.emplace(id, StoredItem{stored, false});
    Record(stored, meta, "create");
    out.created.push_back(stored);
  }
  for (const auto& u : batch.updates) out.updated.push_back(*Update(u.id, u.data, u.expected_revision, meta, "update"));
  for (const auto& w : batch.statuses) {
    PlanItem item = *Update(w.id, w.data, w.expected_revision, meta, "status");
    StatusUpdate stored = w.update;
    stored.id = next_id_++;
    stored.item_id = w.id;
    stored.item_revision = item.revision();
    stored.created_at = meta.now;
    stored.round_id = 0;
    for (const auto& r : rounds_)
      if (r.plan_id == batch.plan && r.open()) stored.round_id = r.id;
    status_[w.id].insert(status_[w.id].begin(), stored);
    out.updated.push_back(item);
  }
  Bump(batch.plan);
  return out;
}

Result<std::optional<std::string>> MemoryPlanStore::ImportMapping(const std::string& layout_key) {
  std::lock_guard lock(mu_);
  auto it = import_mappings_.find(layout_key);
  if (it == import_mappings_.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Status MemoryPlanStore::SaveImportMapping(const std::string& layout_key, const std::string& mapping,
                                          const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  import_mappings_[layout_key] = mapping;
  return OkStatus();
}

Result<int64_t> MemoryPlanStore::SaveImportUpload(const ImportUpload& upload, const WriteMeta& meta) {
  std::lock_guard lock(mu_);
  if (meta.author.empty()) return NoAuthor();
  if (!plans_.count(upload.plan)) return PlanNotFound(upload.plan);
  std::erase_if(import_uploads_, [&](const auto& e) { return e.second.uploaded_at < meta.now - 86400; });
  ImportUpload stored = upload;
  stored.id = next_id_++;
  stored.uploaded_at = meta.now;
  stored.uploaded_by = meta.author;
  import_uploads_[stored.id] = stored;
  return stored.id;
}

Result<ImportUpload> MemoryPlanStore::GetImportUpload(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = import_uploads_.find(id);
  if (it == import_uploads_.end()) return NotFound("Den uploadede fil findes ikke længere; upload den igen.");
  return it->second;
}

}  // namespace bs
