// HTML for the plan register: plans, the plan page, a committee's extract, an item,
// the item form. Views get view models and return markup; they never touch storage
// and never decide access.
#pragma once

#include <string>
#include <vector>

#include "app/meeting_read_models.h"
#include "app/plan_register.h"
#include "app/round_service.h"
#include "web/list_query.h"
#include "web/views/history_views.h"

namespace bs::web::views {

// caps.live: plans link to their live pages, else to their published versions;
// caps.setup: the form for a new plan.
std::string PlansPage(const std::vector<Plan>& plans, const PlanDraft& draft, const std::vector<FieldError>& errors,
                      const Capabilities& caps);
// With `version`, the plan as it was in that published version. caps: which buttons
// and links to live pages to offer. `round`: the plan's open reporting round (live plan
// only): a banner, and items still without status marked "Afventer status".
std::string PlanPage(const PlanContext& ctx, const PlanOverview& overview, const ListQuery& query,
                     const Version* version, const Capabilities& caps, const RoundMark* round = nullptr);
struct ItemPageModel {
  const PlanContext* ctx = nullptr;
  const PlanItem* item = nullptr;
  std::string notice;
  std::vector<StatusUpdate> updates;
  std::vector<HistoryEntry> history;
  StatusFormModel status_form;
  Capabilities caps;
  std::vector<Treatment> treatments;  // meetings that treated the item (issue 6)
  const RoundMark* round = nullptr;   // the plan's open reporting round (issue 11)
};
std::string ItemPage(const ItemPageModel& model);

struct ItemFormModel {
  const PlanContext* ctx = nullptr;
  ItemDraft draft;
  std::vector<FieldError> errors;
  ItemId item_id = 0;         // 0: new item
  int64_t revision = 0;       // the revision the edit is based on
  std::string request_key;    // new items: de-duplicates a double submit
  std::string message;        // e.g. the conflict explanation
  std::vector<ConflictRow> conflicts;  // on a 409: their saved value beside the input
};
std::string ItemFormPage(const ItemFormModel& model);
std::string DeleteConfirmPage(const PlanContext& ctx, const PlanItem& item);

// Shared cell formats.
std::string FormatAmountCell(const std::map<int, Amount>& amounts, int year);

}  // namespace bs::web::views
