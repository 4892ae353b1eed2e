// Reporting rounds (issue 11): /planer/{id}/statusrunder (list, open), /statusrunder/{id}
// (progress, mine, highlights), /statusrunder/{id}/fremhaev[/{item}/fjern] (directors),
// /statusrunder/{id}/luk (confirmation, then close and publish). The round service
// decides who may do what; these only read forms and choose the page.
#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/routes.h"
#include "web/views/round_views.h"

namespace bs::web {
namespace {


Response RenderRounds(Services s, const Request& r, PlanId plan, const RoundDraft& draft, const Error* error, int status) {
  auto rounds = s.rounds.Rounds(r.viewer, plan);
  if (!rounds.ok()) return Denied(r, rounds.error());
  auto read = s.plans.ReadPublished(r.viewer, plan);  // Rounds() above decided who may follow them
  if (!read.ok()) return Denied(r, read.error());
  views::RoundsPageModel m;
  m.ctx = &read->ctx;
  m.rounds = std::move(*rounds);
  auto open = s.rounds.OpenRoundMark(plan);
  if (!open.ok()) return HtmlError(open.error());
  m.open = std::move(*open);
  m.may_open = read->caps.publish;
  m.draft = draft;
  if (!error && m.draft.cutoff.empty()) m.draft.cutoff = s.plans.Today().Short();  // a fresh form only
  if (error) {
    m.errors = error->fields;
    if (m.errors.empty()) m.message = error->code == ErrorCode::kInternal ? "Der opstod en intern fejl." : error->message;
  }
  return Response::Html(status, views::RoundsPage(m));
}

Response ShowRounds(Services s, const Request& r, const Params& p) {
  PlanId plan = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  return RenderRounds(s, r, plan, {}, nullptr, 200);
}

Response OpenRound(Services s, const Request& r, const Params& p) {
  PlanId plan = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  RoundDraft d{form.Get("name"), form.Get("cutoff"), form.Get("followup")};
  auto opened = s.rounds.Open(r.viewer, plan, d);
  if (opened.ok()) return Response::Redirect("/statusrunder/" + std::to_string(opened->id) + "?aabnet=1");
  const Error& e = opened.error();
  if (e.code == ErrorCode::kPermissionDenied || e.code == ErrorCode::kNotFound) return Denied(r, e);
  return RenderRounds(s, r, plan, d, &e, HttpStatus(e.code));
}

Response RenderRound(Services s, const Request& r, RoundId id, views::RoundPageModel m, int status) {
  auto view = s.rounds.View(r.viewer, id);
  if (!view.ok()) return Denied(r, view.error());
  m.view = &*view;
  return Response::Html(status, views::RoundPage(m));
}

Response ShowRound(Services s, const Request& r, const Params& p) {
  RoundId id = TRY_PAGE(PathId(p, "id", "Statusrunden findes ikke."));
  views::RoundPageModel m;
  if (r.query.find("aabnet=1") != std::string::npos) m.notice = "Statusrunden er åbnet.";
  if (r.query.find("fremhaevet=1") != std::string::npos) m.notice = "Punktet er fremhævet for ØK.";
  if (r.query.find("fjernet=1") != std::string::npos) m.notice = "Fremhævningen er fjernet.";
  if (r.query.find("lukket=1") != std::string::npos) m.notice = "Statusrunden er lukket.";
  return RenderRound(s, r, id, m, 200);
}

Response Highlight(Services s, const Request& r, const Params& p) {
  RoundId id = TRY_PAGE(PathId(p, "id", "Statusrunden findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  views::RoundPageModel m;
  m.reason = form.Get("reason");
  m.internal = form.Get("internal") == "1";
  Params item{{"item", text::Trim(form.Get("item"))}};
  if (!ParseId(item, "item", &m.item)) {
    m.errors.push_back({"item", "Vælg det punkt, der skal fremhæves."});
    return RenderRound(s, r, id, m, 400);
  }
  auto st = s.rounds.SetHighlight(r.viewer, id, m.item, m.reason, m.internal);
  if (st.ok()) return Response::Redirect("/statusrunder/" + std::to_string(id) + "?fremhaevet=1");
  const Error& e = st.error();
  if (e.code == ErrorCode::kPermissionDenied || (e.code == ErrorCode::kNotFound && e.fields.empty())) return Denied(r, e);
  m.errors = e.fields;
  if (m.errors.empty()) m.errors.push_back({"reason", e.code == ErrorCode::kInternal ? "Der opstod en intern fejl." : e.message});
  return RenderRound(s, r, id, m, HttpStatus(e.code));
}

Response RemoveHighlight(Services s, const Request& r, const Params& p) {
  RoundId id = TRY_PAGE(PathId(p, "id", "Fremhævningen findes ikke."));
  ItemId item = TRY_PAGE(PathId(p, "item", "Fremhævningen findes ikke."));
  auto st = s.rounds.RemoveHighlight(r.viewer, id, item);
  if (!st.ok()) return Denied(r, st.error());
  return Response::Redirect("/statusrunder/" + std::to_string(id) + "?fjernet=1");
}

Response ConfirmClose(Services s, const Request& r, const Params& p) {
  RoundId id = TRY_PAGE(PathId(p, "id", "Statusrunden findes ikke."));
  auto view = s.rounds.View(r.viewer, id);
  if (!view.ok()) return Denied(r, view.error());
  if (!view->round.open()) return HtmlError(409, "Statusrunden «" + view->round.name + "» er allerede lukket.");
  if (!view->may_close) return HtmlError(403, "Din rolle giver ikke adgang til at lukke statusrunder.");
  return Response::Html(200, views::CloseRoundPage(*view, ""));
}

Response Close(Services s, const Request& r, const Params& p) {
  RoundId id = TRY_PAGE(PathId(p, "id", "Statusrunden findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  auto closed = s.rounds.Close(r.viewer, id, form.Get("publish") == "1");
  if (closed.ok()) return Response::Redirect("/statusrunder/" + std::to_string(id) + "?lukket=1");
  const Error& e = closed.error();
  if (e.code == ErrorCode::kPermissionDenied || e.code == ErrorCode::kNotFound) return Denied(r, e);
  auto view = s.rounds.View(r.viewer, id);
  if (!view.ok()) return HtmlError(e);
  return Response::Html(HttpStatus(e.code), views::CloseRoundPage(*view, e.code == ErrorCode::kInternal ? "Der opstod en intern fejl." : e.message));
}

}  // namespace

void AddRoundPages(Router& router, Services s) {
  router.Add("GET", "/planer/{id}/statusrunder", Bind(s, ShowRounds));
  router.Add("POST", "/planer/{id}/statusrunder", Bind(s, OpenRound));
  router.Add("GET", "/statusrunder/{id}", Bind(s, ShowRound));
  router.Add("POST", "/statusrunder/{id}/fremhaev", Bind(s, Highlight));
  router.Add("POST", "/statusrunder/{id}/fremhaev/{item}/fjern", Bind(s, RemoveHighlight));
  router.Add("GET", "/statusrunder/{id}/luk", Bind(s, ConfirmClose));
  router.Add("POST", "/statusrunder/{id}/luk", Bind(s, Close));
}

}  // namespace bs::web
