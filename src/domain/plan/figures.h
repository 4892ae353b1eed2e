// Planned against realised (issue 11): per budget year the planned effect, the expected
// realised effect from the latest status, and the deviation between them.
//
// An item that has not reported an expected effect for a year counts with its planned
// amount in the expected sum (budget follow-up practice: no news is "as budgeted"), so
// that sums add up: expected sum - planned sum = the sum of reported deviations.
#pragma once

#include <map>
#include <optional>

#include "core/money.h"
#include "domain/plan/plan_item.h"

namespace bs {

struct YearFigures {
  Amount planned;
  std::optional<Amount> reported;  // the expected realised effect, when the status gave one

  Amount expected() const { return reported ? *reported : planned; }
  // Expected minus planned: positive when the effect is larger (more spent, less saved).
  Amount deviation() const { return expected() - planned; }
  bool has_deviation() const { return reported && !(*reported == planned); }
};

// The figures of one item for one year.
YearFigures FiguresOf(const ItemData& item, int year);

// Sums of planned and expected per year over a set of items.
struct FigureSums {
  std::map<int, Amount> planned;
  std::map<int, Amount> expected;
  std::map<int, int> reported;  // items with a reported expected effect that year

  void Add(const ItemData& item);
  YearFigures Year(int year) const;  // reported is set when any item reported that year
  bool AnyReported() const;
};

}  // namespace bs
