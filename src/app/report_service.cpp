#include "app/report_service.h"

#include <algorithm>
#include <unordered_map>

#include "app/report_builders.h"
#include "app/report_tables.h"
#include "core/text.h"

namespace bs {

struct ReportService::Basis : report::Basis {};

namespace {
const Viewer kPublic = Viewer::Anonymous();
}  // namespace

namespace report {

Report StartReport(const Basis& basis, ReportKind kind, std::string title) {
  Report r;
  r.kind = kind;
  r.municipality = basis.municipality.empty() ? "Kommunen" : basis.municipality;
  r.title = std::move(title);
  r.plan_name = basis.ctx.plan.name();
  r.draft = !basis.version;
  r.as_of = basis.as_of;
  r.internal = basis.internal;
  if (basis.version)
    r.basis = basis.version->name + " (pr. " + basis.version->as_of.Short() + ")";
  else
    r.basis = "Kladde: planen, som den er nu (" + basis.today.Short() + ")";
  r.filename = FileSlug(std::string(Label(kind)) + " " + basis.ctx.plan.name() + " " + basis.as_of.Iso());
  return r;
}

namespace {
// Year * 12 + month - 1: months in one line.
int MonthIndex(int year, int month) { return year * 12 + month - 1; }

// The first and last month a timing covers, or nullopt when it names no period.
std::optional<std::pair<int, int>> Months(const Timing& t) {
  switch (t.kind()) {
    case Timing::Kind::kMonth: return std::pair{MonthIndex(t.year(), t.month()), MonthIndex(t.year(), t.month())};
    case Timing::Kind::kQuarter:
      return std::pair{MonthIndex(t.year(), t.quarter() * 3 - 2), MonthIndex(t.year(), t.quarter() * 3)};
    case Timing::Kind::kYear: return std::pair{MonthIndex(t.year(), 1), MonthIndex(t.year(), 12)};
    default: return std::nullopt;
  }
}
}  // namespace

bool IsComing(const Timing& when, const Date& as_of) {
  auto m = Months(when);
  if (!m) return false;
  // After the month of the status, and at most six months on.
  int now = MonthIndex(as_of.year, as_of.month);
  return m->second > now && m->first <= now + 6;
}

bool IsOverdue(const ItemData& item, const Date& as_of) {
  if (item.state == ProgressState::kDone || item.state == ProgressState::kDropped) return false;
  auto m = Months(item.timing);
  return m && m->second < MonthIndex(as_of.year, as_of.month);
}

namespace {
Block Facts(const Basis& basis, const Report& r) {
  Block b;
  b.kind = Block::Kind::kFacts;
  b.facts.push_back({"Plan", basis.ctx.plan.name() + " (" + basis.ctx.plan.budget_name() + ")"});
  b.facts.push_back({"Grundlag", r.basis});
  b.facts.push_back({"Beløb", "1.000 kr.; negative beløb er besparelser. Tidspunkterne er vejledende."});
  return b;
}

}  // namespace

void DraftNote(const Basis& basis, Report& r) {
  if (r.draft)
    r.blocks.push_back(Text("Kladde: rapporten er dannet af planen, som den er nu, og er ikke en offentliggjort version.",
                            RunStyle::kEmphasis));
  if (basis.open_round && basis.open_round->round.open())
    r.blocks.push_back(Text("Statusrunden «" + basis.open_round->round.name + "» er åben (frist " +
                                basis.open_round->round.cutoff.Short() + "): " + std::to_string(basis.open_round->reported) +
                                " af " + std::to_string(basis.open_round->items) +
                                " punkter har givet status. Punkter uden status i runden står som «Afventer status».",
                            RunStyle::kEmphasis));
  else if (basis.open_round)
    r.blocks.push_back(Text("Versionen er offentliggjort af statusrunden «" + basis.open_round->round.name + "» (frist " +
                                basis.open_round->round.cutoff.Short() + "): " + std::to_string(basis.open_round->reported) +
                                " af " + std::to_string(basis.open_round->items) +
                                " punkter gav status. Punkter uden status i runden står som «Ingen status i runden».",
                            RunStyle::kEmphasis));
}

namespace {
ItemMarks Marks(const Basis& basis) {
  ItemMarks m;
  if (basis.open_round) {
    m.awaiting = &basis.open_round->awaiting;
    m.closed = !basis.open_round->round.open();
  }
  return m;
}

// One sheet per committee (their own items), as the XLSX export promises.
void CommitteeSheets(const Basis& basis, Report& r) {
  for (const auto& body : basis.ctx.committees) {
    std::vector<PlanItem> own;
    for (const auto& i : basis.items)
      if (i.data().committee == body.code) own.push_back(i);
    Table t = FlatItemTable("udvalg-" + FileSlug(body.code), body.name + " (" + body.code + ")", SheetName(body.code),
                            basis.ctx, own, Marks(basis));
    r.blocks.push_back(TableBlock(std::move(t)));
  }
}
}  // namespace

Report PlanReport(const Basis& basis, bool filtered) {
  Report r = StartReport(basis, ReportKind::kPlan, basis.ctx.plan.name());
  r.blocks.push_back(Facts(basis, r));
  if (filtered) r.blocks.push_back(Text("Udtrækket viser de punkter, der matcher filteret.", RunStyle::kEmphasis));
  DraftNote(basis, r);
  size_t obs = std::count_if(basis.items.begin(), basis.items.end(), [](const PlanItem& i) { return i.data().obs; });
  r.blocks.push_back(Text(std::to_string(basis.items.size()) + (basis.items.size() == 1 ? " punkt" : " punkter") +
                          ", heraf " + std::to_string(obs) + " med OBS-punkt. Afsluttede punkter er markeret med X."));
  r.blocks.push_back(Heading("Hele planen", "hele-planen"));
  if (basis.Page()) {
    Table all = GroupedItemTable("hele-planen", "Hele planen", "", basis.ctx, basis.items, "", Marks(basis));
    all.empty_text = filtered ? "Ingen punkter matcher filteret." : "Planen har ingen punkter endnu.";
    r.blocks.push_back(TableBlock(std::move(all)));
  }
  if (basis.Primary()) {
    Table flat = FlatItemTable("alle-punkter", "Hele planen", "Hele planen", basis.ctx, basis.items, Marks(basis));
    flat.primary = true;
    r.blocks.push_back(TableBlock(std::move(flat)));
  }
  if (basis.Sheets()) CommitteeSheets(basis, r);
  return r;
}

Report ExtractReport(const Basis& basis, const Body& committee) {
  // Seed 003: the committee's own items, the cross-cutting ones, and the declarations of
  // intent of the budget agreement grouped by theme.
  std::vector<PlanItem> items;
  for (const auto& i : basis.items)
    if (i.data().committee == committee.code || i.data().cross_cutting || i.data().category == Category::kIntent)
      items.push_back(i);
  std::string label = committee.name + " (" + committee.code + ")";
  Report r = StartReport(basis, ReportKind::kExtract, label + " – udsnit af " + basis.ctx.plan.name());
  r.filename = FileSlug("udsnit " + committee.code + " " + basis.ctx.plan.name() + " " + basis.as_of.Iso());
  r.blocks.push_back(Facts(basis, r));
  DraftNote(basis, r);
  r.blocks.push_back(Text("Udsnittet rummer udvalgets egne punkter, de tværgående punkter, som går på tværs af udvalgene, "
                          "og budgetaftalens hensigtserklæringer grupperet efter tema."));
  r.blocks.push_back(Heading("Udvalgets udsnit", "udsnit"));
  if (basis.Page()) {
    Table t = GroupedItemTable("udsnit", label, "", basis.ctx, items, committee.code, Marks(basis));
    t.empty_text = "Udvalget har ingen punkter i planen.";
    r.blocks.push_back(TableBlock(std::move(t)));
  }
  if (basis.Primary()) {
    Table flat = FlatItemTable("udsnit-data", label, SheetName(committee.code + " udsnit"), basis.ctx, items, Marks(basis));
    flat.primary = true;
    r.blocks.push_back(TableBlock(std::move(flat)));
  }
  return r;
}

}  // namespace report

Result<ReportService::Basis> ReportService::LoadBasis(const Viewer& v, const ReportRequest& req) {
  auto ctx = plans_.Context(req.plan);
  if (!ctx.ok()) return ctx.error();
  bool published = TRY(plans_.IsPublished(req.plan));
  // The plan's existence: a never-published plan is unknown to those who read no live plan.
  {
    auto st = Check(v, Action::kRead, Resource::Of(Resource::Kind::kVersion, published), "planen");
    if (!st.ok()) return NotFound("Plan " + std::to_string(req.plan) + " findes ikke.");
  }
  std::vector<Version> versions = TRY(plans_.ListVersions(req.plan));
  Basis b;
  b.ctx = std::move(*ctx);
  b.today = clock_.Today();
  b.parts = req.parts;
  const Viewer& reader = req.public_edition ? kPublic : v;  // whose eyes the content is redacted for
  b.internal = MaySeeField(reader, ItemField::kDirectorsRole);
  b.municipality = TRY(store_.MunicipalityName());
  ReportRequest::Basis basis = req.basis;
  bool reads_live = Decide(v, Action::kRead, Resource::Of(Resource::Kind::kReport, published)) == Decision::kAllow;
  if (basis == ReportRequest::Basis::kDefault) basis = versions.empty() && reads_live ? ReportRequest::Basis::kLive
                                                                                     : ReportRequest::Basis::kLatest;
  if (basis == ReportRequest::Basis::kLive) {
    RETURN_IF_ERROR(Check(v, Action::kRead, Resource::Of(Resource::Kind::kReport, published), "kladden af planen"));
    ItemFilter all = req.filter;
    all.limit = 0;
    all.offset = 0;
    b.items = TRY(plans_.ListItems(req.plan, all)).items;
    b.as_of = b.today;
    // Everyone who reads the live plan sees what awaits status (an old light is never
    // shown as if it were current); who reported, person by person, is the round page's.
    b.open_round = TRY(rounds_.OpenRoundMark(req.plan));
  } else {
    if (versions.empty())
      return Conflict("Planen har ingen offentliggjort version endnu, så der er ingen rapport at vise." +
                      std::string(reads_live ? " Vælg «Kladde» for at se planen, som den er nu." : ""));
    if (basis == ReportRequest::Basis::kLatest) {
      b.version = versions.front();
    } else {
      auto it = std::find_if(versions.begin(), versions.end(), [&](const Version& x) { return x.id == req.version; });
      if (it == versions.end()) return NotFound("Version " + std::to_string(req.version) + " findes ikke i denne plan.");
      b.version = *it;
    }
    auto version_items = TRY(store_.SharedVersionItems(b.version->id));
    for (const auto& item : *version_items)
      if (req.filter.Matches(item)) b.items.push_back(item);
    if (!req.filter.DefaultOrder()) req.filter.Sort(b.items);  // the store's order is the default
    b.as_of = b.version->as_of;
    // A version a round published marks the items that gave no status in it.
    b.open_round = TRY(rounds_.VersionMark(req.plan, b.version->id));
  }
  RedactAll(reader, b.items);
  return b;
}

Result<Report> ReportService::Build(const Viewer& v, const ReportRequest& req) {
  Basis b = TRY(LoadBasis(v, req));
  const Viewer& reader = req.public_edition ? kPublic : v;
  switch (req.kind) {
    case ReportKind::kPlan: return report::PlanReport(b, req.filtered);
    case ReportKind::kExtract: {
      const Body* body = b.ctx.FindBody(req.committee);
      if (!body || !body->owns_items) {
        std::vector<std::string> codes;
        for (const auto& c : b.ctx.committees) codes.push_back(c.code);
        return InvalidArgument((req.committee.empty() ? std::string("Vælg det udvalg, udsnittet skal vise")
                                                      : "Udvalget «" + text::Truncate(req.committee, 20) + "» findes ikke i planen") +
                               ". Vælg et af: " + text::Join(codes, ", ") + ".");
      }
      return report::ExtractReport(b, *body);
    }
    case ReportKind::kHalfYear: {
      report::HalfYearData d;
      std::vector<Version> versions = TRY(plans_.ListVersions(req.plan));  // newest first
      if (b.version) {
        d.round = TRY(rounds_.RoundOfVersion(req.plan, b.version->id));
        for (size_t i = 0; i + 1 < versions.size(); ++i)
          if (versions[i].id == b.version->id) d.previous = versions[i + 1];
      } else {
        if (auto open = TRY(rounds_.OpenRoundMark(req.plan))) d.round = open->round;
        if (!versions.empty()) d.previous = versions.front();
      }
      if (d.previous && b.Page()) {  // for the redline
        d.previous_items = TRY(store_.SharedVersionItems(d.previous->id));
        if (!reader.IsStaff()) {  // RedactAll leaves staff's items as they are
          auto redacted = *d.previous_items;
          RedactAll(reader, redacted);
          d.previous_items = std::make_shared<const std::vector<PlanItem>>(std::move(redacted));
        }
      }
      bool published_plan = !versions.empty();
      d.staff = Decide(reader, Action::kRead, Resource::Of(Resource::Kind::kRound, published_plan)) == Decision::kAllow;
      if (d.round) {
        // The highlighted items as the report's basis has them (a version's items, not
        // today's): an item not in the basis is not shown.
        std::unordered_map<ItemId, const PlanItem*> in_basis;
        for (const auto& i : b.items) in_basis[i.id()] = &i;
        for (auto& h : TRY(rounds_.Highlights(reader, *d.round))) {
          auto it = in_basis.find(h.highlight.item_id);
          if (it == in_basis.end()) continue;
          h.item = *it->second;
          d.highlights.push_back(std::move(h));
        }
        if (d.round->open() && b.open_round) {
          d.round_items = b.open_round->items;
          d.round_reported = b.open_round->reported;
        } else {
          d.round_items = static_cast<int>(d.round->item_count);
          d.round_reported = static_cast<int>(d.round->reported_count);
        }
      }
      return report::HalfYearReport(b, d);
    }
    case ReportKind::kMonthly: {
      report::MonthlyData d;
      Date any = req.month ? *req.month : b.as_of;
      d.month = Date{any.year, any.month, 1};
      Date next = any.month == 12 ? Date{any.year + 1, 1, 1} : Date{any.year, any.month + 1, 1};
      Date end = Date::FromDays(next.ToDays() - 1);
      for (auto& u : TRY(store_.PlanStatusUpdates(req.plan, Date{2000, 1, 1}, end))) {
        // A version shows what was known when it was published.
        if (b.version && u.created_at > b.version->published_at) continue;
        d.updates.push_back(std::move(u));
      }
      RedactAll(reader, d.updates);
      d.show_authors = Decide(reader, Action::kRead, Resource::Of(Resource::Kind::kStatusEntry, true)) == Decision::kAllow;
      return report::MonthlyReport(b, d);
    }
  }
  return InvalidArgument("Ukendt rapport.");
}

Result<ReportChoices> ReportService::Choices(const Viewer& v, PlanId plan) {
  ReportChoices c;
  bool published = TRY(plans_.IsPublished(plan));
  c.live = Decide(v, Action::kRead, Resource::Of(Resource::Kind::kReport, published)) == Decision::kAllow;
  c.versions = TRY(plans_.ListVersions(plan));
  PlanContext ctx = TRY(plans_.Context(plan));
  c.committees = ctx.committees;
  return c;
}

}  // namespace bs
