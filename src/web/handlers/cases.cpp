// Cases (issue 6): the list of cases and a new case; a case's own page (issue 14).
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/handlers/meeting_common.h"
#include "web/routes.h"
#include "web/views/meeting_views.h"

namespace bs::web {
namespace {
using namespace meeting_common;

// --- cases -------------------------------------------------------------------------------

Response RenderCases(Services s, const Request& r, views::CasesPageModel m, int status) {
  if (r.viewer.anonymous()) return Denied(r, PermissionDenied("Log ind som sekretær for at se og oprette sager."));
  auto cases = s.meetings.ListCases(r.viewer);
  if (!cases.ok()) return Denied(r, cases.error());
  m.cases = std::move(*cases);
  auto titles = s.meetings.KleTitles(m.cases);
  if (!titles.ok()) return HtmlError(titles.error());
  m.kle_titles = std::move(*titles);
  return Response::Html(status, views::CasesPage(m));
}

Response ShowCases(Services s, const Request& r, const Params&) {
  views::CasesPageModel m;
  if (r.query.find("oprettet=") != std::string::npos) m.notice = "Sagen er oprettet.";
  return RenderCases(s, r, m, 200);
}

Response CreateCase(Services s, const Request& r, const Params&) {
  FormData f = TRY_PAGE(ReadForm(r));
  views::CasesPageModel m;
  m.draft = {f.Get("number"), f.Get("kle"), f.Get("title"), f.Get("officer"), f.Get("route"), f.Get("closed") == "1"};
  auto created = s.meetings.CreateCase(r.viewer, m.draft);
  if (created.ok()) return Response::Redirect("/sager?oprettet=" + PercentEncode(created->number.text));
  if (created.error().fields.empty()) return Denied(r, created.error());
  m.errors = created.error().fields;
  return RenderCases(s, r, m, HttpStatus(created.error().code));
}

// /sager/24/7615: the case's own page, for whoever may see an agenda item it was on.
Response ShowCase(Services s, const Request& r, const Params& p) {
  auto y = p.find("year"), n = p.find("serial");
  std::string number = (y == p.end() ? "" : y->second) + "/" + (n == p.end() ? "" : n->second);
  auto view = s.meetings.CaseHistory(r.viewer, number);
  // A number that is not one is a page that does not exist, not a form error.
  if (!view.ok() && view.error().code == ErrorCode::kInvalidArgument)
    return HtmlError(NotFound("Sagen findes ikke: «" + number.substr(0, 40) + "» er ikke et sagsnummer (fx 24/7615)."));
  if (!view.ok()) return Denied(r, view.error());
  return Response::Html(200, views::CasePage(*view));
}

}  // namespace

void AddCasePages(Router& router, Services s) {
  router.Add("GET", "/sager", Bind(s, ShowCases));
  router.Add("POST", "/sager", Bind(s, CreateCase));
  router.Add("GET", "/sager/{year}/{serial}", Bind(s, ShowCase));
}

}  // namespace bs::web
