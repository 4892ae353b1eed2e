// Across meetings (issue 6): the overview, a body's portfolio and workplan with the year
// wheel's topics, and a body's meetings as iCalendar.
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/handlers/meeting_common.h"
#include "web/routes.h"
#include "web/views/meeting_views.h"

namespace bs::web {
namespace {
using namespace meeting_common;

// --- overviews, iCalendar, PDF -------------------------------------------------------------

Response ShowOverview(Services s, const Request& r, const Params&) {
  Date from = s.meetings.Today();
  std::string fra = QueryValue(r, "fra");
  if (!fra.empty()) {
    auto d = Date::Parse(fra);
    if (!d.ok()) return HtmlError(400, "Datoen i «fra» skal skrives som 02-06-2025.");
    from = *d;
  }
  auto o = s.meetings.RollingOverview(r.viewer, from, 21);
  if (!o.ok()) return Denied(r, o.error());
  return Response::Html(200, views::OverviewPage(*o));
}

Response ShowPortfolio(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  auto portfolio = s.meetings.BodyPortfolio(r.viewer, code);
  if (!portfolio.ok()) return Denied(r, portfolio.error());
  return Response::Html(200, views::PortfolioPage(*portfolio));
}

Response RenderWorkplan(Services s, const Request& r, const std::string& code, views::WorkplanPageModel m, int status) {
  int year = s.meetings.Today().year;
  std::string aar = QueryValue(r, "aar");
  if (!aar.empty()) {
    if (aar.size() != 4 || aar.find_first_not_of("0123456789") != std::string::npos) return HtmlError(400, "Året skrives med fire cifre, fx 2025.");
    year = std::stoi(aar);
  }
  auto plan = s.meetings.BodyWorkplan(r.viewer, code, year);
  if (!plan.ok()) return Denied(r, plan.error());
  m.plan = std::move(*plan);
  m.may_prepare = s.meetings.Prepares(r.viewer, code);
  return Response::Html(status, views::WorkplanPage(m));
}

Response ShowWorkplan(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  views::WorkplanPageModel m;
  if (r.query.find("gemt=1") != std::string::npos) m.notice = "Gemt.";
  return RenderWorkplan(s, r, code, m, 200);
}

Response AddTopic(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  FormData f = TRY_PAGE(ReadForm(r));
  views::WorkplanPageModel m;
  m.draft = {code, f.Get("titel"), f.Get("maaneder"), f.Get("sag")};
  auto added = s.meetings.AddTopic(r.viewer, m.draft);
  if (added.ok()) return Response::Redirect("/organer/" + PercentEncode(code) + "/arbejdsplan?gemt=1");
  if (added.error().fields.empty()) return Denied(r, added.error());
  m.errors = added.error().fields;
  return RenderWorkplan(s, r, code, m, HttpStatus(added.error().code));
}

Response RemoveTopic(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Emnet findes ikke."));
  auto removed = s.meetings.RemoveTopic(r.viewer, id);
  if (!removed.ok()) return Denied(r, removed.error());
  // Back to the body's workplan, named by the topic itself: never by the Referer
  // (issue 15 #6: one without "/organer/" answered 500 after deleting).
  return Response::Redirect("/organer/" + PercentEncode(removed->body) + "/arbejdsplan");
}

Response Calendar(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  Date today = s.meetings.Today();
  auto list = s.meetings.BodyMeetings(r.viewer, code, Date::FromDays(today.ToDays() - 366), Date::FromDays(today.ToDays() + 731));
  if (!list.ok()) return Denied(r, list.error());
  Response res;
  res.content_type = "text/calendar; charset=utf-8";
  res.body = s.exports.Calendar(*list, r.base_url);
  return res;
}

}  // namespace

void AddMeetingOverviewPages(Router& router, Services s) {
  router.Add("GET", "/overblik", Bind(s, ShowOverview));
  router.Add("GET", "/organer/{code}/portefoelje", Bind(s, ShowPortfolio));
  router.Add("GET", "/organer/{code}/arbejdsplan", Bind(s, ShowWorkplan));
  router.Add("POST", "/organer/{code}/aarshjul", Bind(s, AddTopic));
  router.Add("POST", "/aarshjul/{id}/fjern", Bind(s, RemoveTopic));
  router.Add("GET", "/organer/{code}/moeder.ics", Bind(s, Calendar));
}

}  // namespace bs::web
