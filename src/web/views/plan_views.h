// HTML for the plan register: plans, the plan page, a committee's extract, an item,
// the item form. Views get view models and return markup; they never touch storage
// and never decide access.
#pragma once

#include <string>
#include <vector>

#include "app/plan_service.h"
#include "web/list_query.h"

namespace bs::web::views {

std::string PlansPage(const std::vector<Plan>& plans, const PlanDraft& draft, const std::vector<FieldError>& errors);
std::string PlanPage(const PlanContext& ctx, const PlanOverview& overview, const ListQuery& query);
std::string CommitteePage(const PlanContext& ctx, const Body& committee, const PlanOverview& overview);
std::string ItemPage(const PlanContext& ctx, const PlanItem& item, const std::string& notice);

struct ItemFormModel {
  const PlanContext* ctx = nullptr;
  ItemDraft draft;
  std::vector<FieldError> errors;
  ItemId item_id = 0;         // 0: new item
  int64_t revision = 0;       // the revision the edit is based on
  std::string request_key;    // new items: de-duplicates a double submit
  std::string message;        // e.g. the conflict explanation
};
std::string ItemFormPage(const ItemFormModel& model);
std::string DeleteConfirmPage(const PlanContext& ctx, const PlanItem& item);

// Shared cell formats.
std::string FormatAmountCell(const std::map<int, Amount>& amounts, int year);

}  // namespace bs::web::views
