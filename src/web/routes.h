// Wires every route of the site and the API to its handler.
#pragma once

#include "app/plan_service.h"
#include "web/render_cache.h"
#include "web/router.h"
#include "web/views/history_views.h"

namespace bs::web {

struct Services {
  PlanService& plans;
  RenderCache& cache;
};

// Answers from the cache when the plan is unchanged since `key` was rendered;
// otherwise calls render() and caches a 200 answer under the plan's revision.
Response CachedByPlan(Services s, PlanId plan, const std::string& key, const std::function<Response()>& render);

// Builds the router: pages, API, static files and the error handlers.
Router BuildRouter(Services services);

// Route groups, one file each under handlers/.
void AddPlanPages(Router& router, Services services);
void AddItemsApi(Router& router, Services services);
void AddStatic(Router& router);

void AddHistoryPages(Router& router, Services services);
void AddHistoryApi(Router& router, Services services);
void AddSetup(Router& router, Services services);

// Helpers the handlers share.
bool ParseId(const Params& params, const char* name, int64_t* out);  // digits only, > 0
std::string RandomToken();
bool WantsJson(const Request& request);
// The item page with its status section and recent history (handlers/plan_pages.cpp).
Response RenderItemPage(Services s, ItemId id, const std::string& notice, const views::StatusFormModel& form, int status);

}  // namespace bs::web
