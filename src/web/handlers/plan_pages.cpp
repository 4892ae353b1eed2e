// The plan register's pages: plans, the plan, a committee's extract, items and their
// forms. Forms post back here; errors re-render the form with the input kept.
#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/list_query.h"
#include "web/routes.h"
#include "web/views/plan_views.h"
#include "web/views/start_views.h"

namespace bs::web {
namespace {

ItemDraft DraftFromForm(const FormData& form, const Plan& plan) {
  ItemDraft d;
  d.category = form.Get("category");
  d.committee = form.Get("committee");
  d.theme = form.Get("theme");
  d.code = form.Get("code");
  d.title = form.Get("title");
  d.process = form.Get("process");
  d.status_text = form.Get("status_text");
  d.state = form.Get("state");
  d.traffic_light = form.Get("traffic_light");
  d.responsible = form.Get("responsible");
  d.director = form.Get("director");
  d.timing = form.Get("timing");
  d.political_treatment = form.Get("political_treatment");
  d.directors_role = form.Get("directors_role");
  d.obs_note = form.Get("obs_note");
  d.case_numbers = form.Get("case_numbers");
  d.external_keys = form.Get("external_keys");
  d.strategies = form.Get("strategies");
  d.sdgs = form.Get("sdgs");
  d.strategic_line = form.Get("strategic_line");
  d.cross_cutting = form.Get("cross_cutting") == "1";
  d.strategic = form.Get("strategic") == "1";
  d.obs = form.Get("obs") == "1";
  d.demo = form.Get("demo") == "1";
  for (const auto& [key, value] : form.all())
    if (key.rfind("amount_", 0) == 0) d.amounts[key.substr(7)] = value;
  for (int y : plan.Years()) d.amounts.try_emplace(std::to_string(y), "");
  return d;
}

Response FormError(const views::ItemFormModel& m, int status) {
  return Response::Html(status, views::ItemFormPage(m));
}

// A save that failed for a reason other than the input (busy or broken database):
// show the form again with everything typed kept, so nothing is lost.
bool KeepsInput(const Error& e) { return e.code == ErrorCode::kUnavailable || e.code == ErrorCode::kInternal; }
std::string SaveFailedMessage(const Error& e) {
  return e.code == ErrorCode::kUnavailable ? "Punktet er ikke gemt: " + e.message
                                           : "Punktet er ikke gemt på grund af en intern fejl. Dine indtastninger står herunder; prøv at gemme igen.";
}

Response RenderPlan(Services s, const Request& r, PlanId id);

// The other person's saved value beside the user's input, for each field changed since
// the revision the user's edit was based on.
std::vector<views::ConflictRow> ConflictRows(Services s, const Request& r, ItemId id, int64_t base,
                                             const ItemDraft& draft, const PlanContext& ctx) {
  std::vector<views::ConflictRow> rows;
  auto conflict = s.plans.ConflictWith(r.viewer, id, base);
  if (!conflict.ok()) return rows;
  std::map<std::string, std::string> yours;
  auto mine = PlanItem::Validate(draft, ctx.validation);
  if (mine.ok())
    for (const auto& f : DiffItems(conflict->base.item.data(), *mine, ctx.themes, ctx.strategic_lines)) yours[f.field] = f.after;
  for (const auto& f : conflict->changed) {
    auto it = yours.find(f.field);
    rows.push_back({f.label, f.after.empty() ? "(tom)" : f.after,
                    it != yours.end() ? (it->second.empty() ? "(tom)" : it->second) : f.before + " (uændret af dig)"});
  }
  return rows;
}

}  // namespace

// Shared with handlers/history_pages.cpp: the item page with its status and history.
Response RenderItemPage(Services s, const Request& r, ItemId id, const std::string& notice,
                        const views::StatusFormModel& form, int status) {
  ItemPageRead page = TRY_ALLOWED(r, s.plans.ReadItemPage(r.viewer, id));
  views::ItemPageModel m{&page.ctx, &page.item, notice, std::move(page.updates), std::move(page.history), form, page.caps, {}};
  m.status_form.show_form = page.may_report_status;
  m.status_form.obs_fields = page.may_handle_obs;
  const PlanContext& ctx = page.ctx;
  if (m.status_form.draft.as_of.empty()) m.status_form.draft.as_of = s.plans.Today().Short();
  auto treatments = s.meetings.TreatmentsOf(r.viewer, id);
  if (!treatments.ok()) return HtmlError(treatments.error());
  m.treatments = std::move(*treatments);
  auto round = s.rounds.OpenRoundMark(ctx.plan.id());
  if (!round.ok()) return HtmlError(round.error());
  m.round = *round ? &**round : nullptr;
  return Response::Html(status, views::ItemPage(m));
}

namespace {

Response ShowPlan(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  auto stamp = s.plans.LiveStamp(r.viewer, id);
  if (!stamp.ok()) return Denied(r, stamp.error());
  return CachedByStamp(s, stamp, r, [&] { return RenderPlan(s, r, id); });
}

Response RenderPlan(Services s, const Request& r, PlanId id) {
  PlanRead plan = TRY_ALLOWED(r, s.plans.ReadPlan(r.viewer, id));
  ListQuery q = ParseListQuery(r.query, plan.ctx, false);
  PlanOverview ov = TRY_PAGE(s.plans.Overview(r.viewer, plan, q.filter, q.separate_done));
  auto round = TRY_PAGE(s.rounds.OpenRoundMark(id));
  return Response::Html(q.errors.empty() ? 200 : 400,
                        views::PlanPage(plan.ctx, ov, q, nullptr, plan.caps, round ? &*round : nullptr));
}

Response NewItemForm(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.PlanForEditing(r.viewer, id));
  views::ItemFormModel m;
  m.ctx = &plan.ctx;
  FormData query;
  if (FormData::Parse(r.query, &query)) m.draft.committee = query.Get("committee");
  m.request_key = RandomToken();
  return Response::Html(200, views::ItemFormPage(m));
}

Response CreateItem(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.PlanForEditing(r.viewer, id));
  FormData form = TRY_PAGE(ReadForm(r));
  views::ItemFormModel m;
  m.ctx = &plan.ctx;
  m.draft = DraftFromForm(form, plan.ctx.plan);
  m.request_key = text::Trim(form.Get("request_key")).substr(0, 64);
  auto created = s.plans.CreateItem(r.viewer, id, m.draft, "form", m.request_key);
  if (!created.ok()) {
    if (KeepsInput(created.error())) {
      m.message = SaveFailedMessage(created.error());
      return FormError(m, HttpStatus(created.error().code));
    }
    if (created.error().fields.empty()) return HtmlError(created.error());
    m.errors = created.error().fields;
    return FormError(m, 400);
  }
  return Response::Redirect("/emner/" + std::to_string(created->id()) + "?gemt=1");
}

Response ShowItem(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  // The confirmation says what was done (issue 14).
  std::string notice = r.query.find("gemt=1") != std::string::npos         ? "Punktet er gemt."
                       : r.query.find("status=gemt") != std::string::npos  ? "Status er gemt."
                       : r.query.find("gendannet=1") != std::string::npos  ? "Versionen er gendannet."
                                                                           : "";
  return RenderItemPage(s, r, id, notice, {}, 200);
}

Response EditItemForm(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  auto [item, ctx] = TRY_ALLOWED(r, s.plans.ItemForEditing(r.viewer, id));
  views::ItemFormModel m;
  m.ctx = &ctx;
  m.item_id = id;
  m.revision = item.revision();
  m.draft = ItemDraft::From(item.data(), ctx.themes);
  return Response::Html(200, views::ItemFormPage(m));
}

Response UpdateItem(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  auto [item, ctx] = TRY_ALLOWED(r, s.plans.ItemForEditing(r.viewer, id));
  FormData form = TRY_PAGE(ReadForm(r));
  views::ItemFormModel m;
  m.ctx = &ctx;
  m.item_id = id;
  m.draft = DraftFromForm(form, ctx.plan);
  std::string rev = text::Trim(form.Get("revision"));
  if (rev.empty() || rev.size() > 18 || rev.find_first_not_of("0123456789") != std::string::npos)
    return HtmlError(400, "Formularen mangler den version, ændringen bygger på. Hent siden igen.");
  m.revision = std::stoll(rev);
  auto updated = s.plans.UpdateItem(r.viewer, id, m.draft, m.revision, "form");
  if (!updated.ok()) {
    const Error& e = updated.error();
    if (e.code == ErrorCode::kConflict) {
      // Keep the user's input; show that someone else saved first.
      auto now = s.plans.ItemForEditing(r.viewer, id);
      if (now.ok()) item = std::move(now->item);
      m.message = "En anden har gemt punktet, mens du redigerede (nu version " + std::to_string(item.revision()) +
                  "). Dine ændringer er ikke gemt, men står i formularen herunder. Tabellen viser den andens ændringer "
                  "ved siden af dine; ret til og gem igen for at lægge dine ændringer oven på.";
      m.conflicts = ConflictRows(s, r, id, m.revision, m.draft, ctx);
      m.revision = item.revision();
      return FormError(m, 409);
    }
    if (KeepsInput(e)) {
      m.message = SaveFailedMessage(e);
      return FormError(m, HttpStatus(e.code));
    }
    if (e.fields.empty()) return HtmlError(e);
    m.errors = e.fields;
    return FormError(m, 400);
  }
  return Response::Redirect("/emner/" + std::to_string(id) + "?gemt=1");
}

Response DeleteConfirm(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  auto [item, ctx] = TRY_ALLOWED(r, s.plans.ItemForEditing(r.viewer, id));
  return Response::Html(200, views::DeleteConfirmPage(ctx, item));
}

Response DeleteItem(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  auto [item, ctx] = TRY_ALLOWED(r, s.plans.ItemForEditing(r.viewer, id));
  FormData form = TRY_PAGE(ReadForm(r));
  std::string rev = text::Trim(form.Get("revision"));
  int64_t revision = (!rev.empty() && rev.size() < 18 && rev.find_first_not_of("0123456789") == std::string::npos) ? std::stoll(rev) : 0;
  if (!revision) return HtmlError(400, "Formularen mangler den version, sletningen bygger på. Hent siden igen.");
  auto st = s.plans.DeleteItem(r.viewer, id, revision, "form");
  if (!st.ok()) return HtmlError(st.error());
  return Response::Redirect("/planer/" + std::to_string(item.plan_id()));
}

Result<std::vector<Plan>> VisiblePlans(Services s, const Viewer& viewer) {
  std::vector<Plan> out;
  for (auto& v : TRY(s.plans.VisiblePlans(viewer))) out.push_back(std::move(v.plan));
  return out;
}

Response ListPlans(Services s, const Request& r, const Params&) {
  auto plans = VisiblePlans(s, r.viewer);
  if (!plans.ok()) return HtmlError(plans.error());
  return Response::Html(200, views::PlansPage(*plans, {}, {}, s.plans.CapabilitiesFor(r.viewer)));
}

Response CreatePlan(Services s, const Request& r, const Params&) {
  FormData form = TRY_PAGE(ReadForm(r));
  PlanDraft d{form.Get("name"), form.Get("budget_name"), form.Get("first_year"), form.Get("last_year"), form.Get("description")};
  auto plan = s.plans.CreatePlan(r.viewer, d, "form");
  if (!plan.ok()) {
    if (plan.error().code == ErrorCode::kPermissionDenied) return Denied(r, plan.error());
    auto plans = VisiblePlans(s, r.viewer);
    std::vector<FieldError> errors = plan.error().fields;
    if (errors.empty()) errors.push_back({"name", plan.error().message});
    return Response::Html(HttpStatus(plan.error().code), views::PlansPage(plans.ok() ? *plans : std::vector<Plan>{}, d, errors, s.plans.CapabilitiesFor(r.viewer)));
  }
  return Response::Redirect("/planer/" + std::to_string(plan->id()));
}

// The start page (issue 14): "Mit overblik" for the signed-in, the home page for the public.
// Cached per access class (which holds the person's name and departments) until
// anything on it changes or the day does.
Response Home(Services s, const Request& r, const Params&) {
  return CachedByStamp(s, s.start.Stamp(), r, [&] {
    auto page = s.start.For(r.viewer);
    if (!page.ok()) return HtmlError(page.error());
    return Response::Html(200, views::StartPageView(*page));
  });
}

}  // namespace

void AddPlanPages(Router& router, Services s) {
  auto bind = [s](ServiceHandler fn) { return Bind(s, fn); };
  router.Add("GET", "/", bind(Home));
  router.Add("GET", "/planer", bind(ListPlans));
  router.Add("POST", "/planer", bind(CreatePlan));
  router.Add("GET", "/planer/{id}", bind(ShowPlan));
  router.Add("GET", "/planer/{id}/emner/ny", bind(NewItemForm));
  router.Add("POST", "/planer/{id}/emner", bind(CreateItem));
  router.Add("GET", "/emner/{id}", bind(ShowItem));
  router.Add("POST", "/emner/{id}", bind(UpdateItem));
  router.Add("GET", "/emner/{id}/rediger", bind(EditItemForm));
  router.Add("GET", "/emner/{id}/slet", bind(DeleteConfirm));
  router.Add("POST", "/emner/{id}/slet", bind(DeleteItem));
}

}  // namespace bs::web
