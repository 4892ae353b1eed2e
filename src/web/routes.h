// Wires every route of the site and the API to its handler.
#pragma once

#include "app/agenda_import.h"
#include "app/meeting_service.h"
#include "app/people_service.h"
#include "app/ports/meeting_exporter.h"
#include "app/plan_import.h"
#include "app/plan_service.h"
#include "app/ports/report_exporter.h"
#include "app/report_attachments.h"
#include "app/report_service.h"
#include "app/round_service.h"
#include "app/start_page.h"
#include "web/render_cache.h"
#include "web/handler_helpers.h"
#include "web/router.h"
#include "web/views/history_views.h"

namespace bs::web {

struct Services {
  PlanService& plans;       // the plan register as the viewer may use it (app/plan_service.h)
  RenderCache& cache;
  PeopleService& people;
  MeetingService& meetings;
  const MeetingExporter& exports;
  RoundService& rounds;           // issue 11: reporting rounds
  ReportService& reports;         // issue 11: the generated reports
  const ReportExporter& report_files;
  ReportAttachments& report_attachments;
  PlanImportService& imports;     // issue 13: sheet and finance-system imports
  AgendaImportService& agenda_imports;  // issue 13: agenda texts into a meeting
  StartPageService& start;        // issue 14: "Mit overblik" and the public home page
};

// Answers from the cache when the plan is unchanged since this request (path, query
// and the viewer's access class) was rendered; otherwise calls render() and caches a
// 200 answer under the plan's revision. Per-session details (CSRF tokens, the name in
// the header) are added after the cache by the Site, so they are never cached.
// The plan must be one the viewer was allowed (a PlanService read or stamp came first).
Response CachedByPlan(Services s, PlanId plan, const Request& request, const std::function<Response()>& render);
// The same for any data stamp (MeetingService::ContentStamp for meeting pages and PDFs);
// the content type and headers of the answer are kept with it.
Response CachedByStamp(Services s, Result<int64_t> stamp, const Request& request, const std::function<Response()>& render);

// Access (issue 5). The response for a refused request: 404 when the thing's existence
// is not public, 403 otherwise (a page with a way to sign in for the public); a session
// that expired goes to the sign-in page and back. JSON under /api/.
Response Denied(const Request& request, const Error& error);
// For the use cases' access errors: Denied(request, error) as a function.
inline auto DeniedFor(const Request& request) {
  return [&request](const Error& e) { return Denied(request, e); };
}

// A handler that needs the services, bound into a router Handler.
using ServiceHandler = Response (*)(Services, const Request&, const Params&);
inline Handler Bind(Services s, ServiceHandler fn) {
  return [s, fn](const Request& r, const Params& p) { return fn(s, r, p); };
}

// Builds the router: pages, API, static files, the moved pages and the error handlers.
Router BuildRouter(Services services);
// Issue 12: the page paths that were English (old pattern -> new pattern). Old
// bookmarks get 301 (GET/HEAD) or 308 (POST) to the new path, query kept; /api/v1
// keeps its documented paths and is not in here.
const std::vector<std::pair<std::string, std::string>>& MovedPages();

// Route groups, one file each under handlers/.
void AddPlanPages(Router& router, Services services);
void AddItemsApi(Router& router, Services services);
void AddStatic(Router& router);

void AddHistoryPages(Router& router, Services services);
void AddHistoryApi(Router& router, Services services);
void AddSetup(Router& router, Services services);
void AddSessionPages(Router& router, Services services);
void AddAdminPages(Router& router, Services services);
void AddMeetingPages(Router& router, Services services);
void AddReportPages(Router& router, Services services);
void AddRoundPages(Router& router, Services services);
void AddImportPages(Router& router, Services services);

// Helpers the handlers share.
bool ParseId(const Params& params, const char* name, int64_t* out);  // digits only, > 0
std::string RandomToken();  // request keys for forms (not secrets)
bool WantsJson(const Request& request);
// Content-Disposition with the file name in both forms (RFC 6266): ASCII fallback and
// UTF-8; `inline_` for documents a browser shows (PDF), else a download.
std::string ContentDisposition(const std::string& filename, bool inline_ = false);
// The item page with its status section and recent history (handlers/plan_pages.cpp).
Response RenderItemPage(Services s, const Request& r, ItemId id, const std::string& notice,
                        const views::StatusFormModel& form, int status);

}  // namespace bs::web

// TRY_ALLOWED(r, expr): a use case's Result; a refusal or failure answers as Denied(r, e)
// (403 with a way to sign in for the public, 404 for what is not public, JSON under /api/).
#define TRY_ALLOWED(r, expr) BS_TRY_RESPOND(expr, ::bs::web::DeniedFor(r))
