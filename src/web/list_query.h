// The list filters of the plan page and the API, parsed from a query string and
// written back, so a filtered view can be bookmarked and shared.
#pragma once

#include <string>
#include <vector>

#include "app/plan_register.h"
#include "core/result.h"
#include "domain/plan/item_filter.h"

namespace bs::web {

struct ListQuery {
  ItemFilter filter;
  bool separate_done = false;
  std::vector<FieldError> errors;
  // Raw values as given, for re-rendering the filter form.
  std::string committee, category, state, cross, obs, responsible, q, sort, dir, done, limit, offset;

  // The query string for these filters, with `key` replaced by `value` ("" drops it).
  std::string QueryString(const std::string& key = "", const std::string& value = "") const;
  bool Any() const;
};

// Parses filters; unknown values become errors naming the parameter. `paging` reads
// limit (1-500, default 100) and offset as the API does.
ListQuery ParseListQuery(const std::string& raw_query, const PlanContext& context, bool paging);

}  // namespace bs::web
