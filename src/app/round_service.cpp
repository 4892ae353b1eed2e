#include "app/round_service.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace bs {
namespace {

using K = Resource::Kind;

Error NoRound(RoundId id) { return NotFound("Statusrunde " + std::to_string(id) + " findes ikke."); }

std::string CommitteeLabel(const PlanContext& ctx, const ItemData& d) {
  if (d.category == Category::kIntent) {
    const Theme* t = ctx.FindTheme(d.theme_id);
    return "Hensigtserklæringer" + (t ? " – " + t->name : std::string());
  }
  const Body* b = ctx.FindBody(d.committee);
  return b ? b->name + " (" + b->code + ")" : (d.committee.empty() ? "Uden udvalg" : d.committee);
}

void Count(std::map<std::string, RoundTally>& tallies, const std::string& key, const std::string& label, bool reported) {
  RoundTally& t = tallies[key];
  t.key = key;
  t.label = label;
  ++t.items;
  if (reported) ++t.reported;
}

std::vector<RoundTally> Sorted(std::map<std::string, RoundTally> tallies) {
  std::vector<RoundTally> out;
  for (auto& [k, t] : tallies) out.push_back(std::move(t));
  std::stable_sort(out.begin(), out.end(), [](const RoundTally& a, const RoundTally& b) {
    return text::DanishLess(a.label, b.label);
  });
  return out;
}

}  // namespace

Result<ReportingRound> RoundService::Authorized(const Viewer& v, RoundId id, Action action) {
  auto round = store_.GetRound(id);
  if (!round.ok()) {
    if (round.error().code == ErrorCode::kNotFound) return NoRound(id);
    return round.error();
  }
  bool published = TRY(plans_.IsPublished(round->plan_id));
  auto st = Check(v, action, Resource::Of(K::kRound, published), "statusrunden");
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kNotFound) return NoRound(id);
    if (action == Action::kHighlight && !v.anonymous())
      return PermissionDenied("Kun direktionen kan fremhæve punkter for ØK.");
    return st.error();
  }
  return *round;
}

Result<ReportingRound> RoundService::Open(const Viewer& v, PlanId plan, const RoundDraft& draft) {
  bool published = TRY(plans_.IsPublished(plan));
  auto st = Check(v, Action::kPublish, Resource::Of(K::kRound, published), "statusrunder");
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kNotFound) return NotFound("Plan " + std::to_string(plan) + " findes ikke.");
    return st.error();
  }
  ReportingRound round = TRY(ValidateRound(draft, plan));
  auto items = TRY(plans_.ListItems(plan, ItemFilter{})).items;
  bool any = std::any_of(items.begin(), items.end(), [](const PlanItem& i) { return TakesPart(i.data(), false); });
  if (!any)
    return Conflict("Runden har ingen punkter: planen har ingen punkter, der mangler at blive gennemført. "
                    "Opret punkter, før en statusrunde åbnes.");
  return store_.OpenRound(round, plans_.Meta(v.AuthorName(), "form"));
}

Result<ReportingRound> RoundService::Close(const Viewer& v, RoundId id, bool publish) {
  ReportingRound round = TRY(Authorized(v, id, Action::kPublish));
  if (!round.open()) return Conflict("Statusrunden «" + round.name + "» er allerede lukket.");
  auto reported = TRY(store_.ReportedInRound(id));
  int64_t items = 0, done = 0;
  for (const auto& item : TRY(plans_.ListItems(round.plan_id, ItemFilter{})).items) {
    bool r = reported.count(item.id()) > 0;
    if (!TakesPart(item.data(), r)) continue;
    ++items;
    if (r) ++done;
  }
  std::optional<Version> version;
  if (publish) version = TRY(ValidateVersion(VersionForRound(round), round.plan_id));
  auto closed = store_.CloseRound(id, done, items, version, plans_.Meta(v.AuthorName(), "form"));
  if (!closed.ok() && closed.error().code == ErrorCode::kAlreadyExists)
    return AlreadyExists("Planen har allerede en version med navnet «" + round.name +
                         "». Luk runden uden at offentliggøre, eller offentliggør versionen under et andet navn.");
  return closed;
}

Status RoundService::SetHighlight(const Viewer& v, RoundId id, ItemId item, const std::string& reason, bool internal) {
  ReportingRound round = TRY(Authorized(v, id, Action::kHighlight));
  if (!round.open()) return Conflict("Statusrunden «" + round.name + "» er lukket; fremhævninger kan ikke ændres.");
  Highlight h = TRY(ValidateHighlight(id, item, reason, internal));
  return store_.SetHighlight(h, plans_.Meta(v.AuthorName(), "form"));
}

Status RoundService::RemoveHighlight(const Viewer& v, RoundId id, ItemId item) {
  ReportingRound round = TRY(Authorized(v, id, Action::kHighlight));
  if (!round.open()) return Conflict("Statusrunden «" + round.name + "» er lukket; fremhævninger kan ikke ændres.");
  return store_.RemoveHighlight(id, item, plans_.Meta(v.AuthorName(), "form"));
}

Result<std::vector<HighlightView>> RoundService::Highlights(const Viewer& v, const ReportingRound& round) {
  std::vector<HighlightView> out;
  for (auto& h : TRY(store_.ListHighlights(round.id))) {
    auto item = plans_.GetItem(h.item_id);
    if (!item.ok()) {
      if (item.error().code == ErrorCode::kNotFound) continue;  // deleted since
      return item.error();
    }
    HighlightView view{h, Redact(v, *item), false};
    if (h.internal && !MaySeeField(v, ItemField::kInternalHighlightReason)) {
      view.highlight.reason.clear();
      view.reason_hidden = true;
    }
    out.push_back(std::move(view));
  }
  return out;
}

Result<RoundView> RoundService::View(const Viewer& v, RoundId id) {
  RoundView view;
  view.round = TRY(Authorized(v, id, Action::kRead));
  PlanContext ctx = TRY(plans_.Context(view.round.plan_id));
  view.plan = ctx.plan;
  if (view.round.version_id) view.version = TRY(plans_.GetVersion(view.round.version_id));
  view.reported_items = TRY(store_.ReportedInRound(id));
  std::map<std::string, RoundTally> committees, people;
  for (auto& item : TRY(plans_.ListItems(view.round.plan_id, ItemFilter{})).items) {
    bool reported = view.reported_items.count(item.id()) > 0;
    if (!TakesPart(item.data(), reported)) continue;
    ++view.items;
    if (reported) ++view.reported;
    Count(committees, item.data().category == Category::kIntent ? "tema:" + std::to_string(item.data().theme_id)
                                                                 : item.data().committee,
          CommitteeLabel(ctx, item.data()), reported);
    Count(people, item.data().responsible,
          item.data().responsible.empty() ? "Uden ansvarlig" : item.data().responsible, reported);
    PlanItem shown = Redact(v, item);
    if (!reported) view.missing.push_back(shown);
    if (ResponsibleFor(v, item)) view.mine.push_back(shown);
    view.candidates.push_back(std::move(shown));
  }
  if (!view.round.open()) {
    // Completeness is history once the round closed: what it was then.
    view.items = static_cast<int>(view.round.item_count);
    view.reported = static_cast<int>(view.round.reported_count);
  }
  view.by_committee = Sorted(std::move(committees));
  view.by_responsible = Sorted(std::move(people));
  view.highlights = TRY(Highlights(v, view.round));
  bool published = TRY(plans_.IsPublished(view.round.plan_id));
  view.may_close = view.round.open() &&
                   Decide(v, Action::kPublish, Resource::Of(K::kRound, published)) == Decision::kAllow;
  view.may_highlight = view.round.open() &&
                       Decide(v, Action::kHighlight, Resource::Of(K::kRound, published)) == Decision::kAllow;
  return view;
}

Result<std::vector<ReportingRound>> RoundService::Rounds(const Viewer& v, PlanId plan) {
  bool published = TRY(plans_.IsPublished(plan));
  auto st = Check(v, Action::kRead, Resource::Of(K::kRound, published), "statusrunderne");
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kNotFound) return NotFound("Plan " + std::to_string(plan) + " findes ikke.");
    return st.error();
  }
  return store_.ListRounds(plan);
}

namespace {
// Who takes part in the round among `items`, who has reported and who is awaited.
RoundMark Mark(const ReportingRound& round, const std::set<ItemId>& reported, const std::vector<PlanItem>& items) {
  RoundMark mark{round, {}, {}, 0, 0};
  for (const auto& item : items) {
    bool done = reported.count(item.id()) > 0;
    if (!TakesPart(item.data(), done)) continue;
    ++mark.items;
    if (done) {
      ++mark.reported;
      mark.reported_items.insert(item.id());
    } else {
      mark.awaiting.insert(item.id());
    }
  }
  return mark;
}
}  // namespace

Result<std::optional<RoundMark>> RoundService::OpenRoundMark(PlanId plan) {
  for (const auto& r : TRY(store_.ListRounds(plan))) {
    if (!r.open()) continue;
    auto reported = TRY(store_.ReportedInRound(r.id));
    auto live = TRY(plans_.LiveItems(plan));
    return std::optional<RoundMark>(Mark(r, reported, *live));
  }
  return std::optional<RoundMark>();
}

Result<std::optional<RoundMark>> RoundService::VersionMark(PlanId plan, VersionId version) {
  auto round = TRY(RoundOfVersion(plan, version));
  if (!round) return std::optional<RoundMark>();
  auto reported = TRY(store_.ReportedInRound(round->id));
  return std::optional<RoundMark>(Mark(*round, reported, *TRY(store_.SharedVersionItems(version))));
}

Result<std::optional<ReportingRound>> RoundService::RoundOfVersion(PlanId plan, VersionId version) {
  for (auto& r : TRY(store_.ListRounds(plan)))
    if (r.version_id == version) return std::optional<ReportingRound>(std::move(r));
  return std::optional<ReportingRound>();
}

}  // namespace bs
