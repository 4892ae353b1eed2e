// Which items a list shows and in what order. Every storage backend must give the
// same answer as Matches() and Less() here; the storage contract suite checks that.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/plan/plan_item.h"

namespace bs {

enum class ItemSort { kCode, kTitle, kState, kTiming };
std::string_view Slug(ItemSort s);
std::optional<ItemSort> ParseItemSort(std::string_view slug);

struct ItemFilter {
  std::string committee;  // owning body code; empty = every committee
  // With a committee: also the cross-cutting items of other committees (the
  // committee's extract: "its own items plus the cross-cutting ones").
  bool include_cross_cutting = false;
  std::optional<Category> category;
  std::optional<ProgressState> state;
  std::optional<bool> cross_cutting;
  std::optional<bool> obs;
  ThemeId theme_id = 0;
  std::string responsible;  // case-folded substring of the responsible officer
  std::string query;        // case-folded substring of the item's search text
  ItemSort sort = ItemSort::kCode;
  bool descending = false;
  int limit = 0;  // 0: all
  int offset = 0;

  bool Matches(const PlanItem& item) const;
  // Strict weak order for the chosen sort; ties broken by code, then id.
  bool Less(const PlanItem& a, const PlanItem& b) const;
  // Sorts in Less order, computing each item's sort key once (Less builds keys on
  // every comparison, which dominates for thousands of items).
  void Sort(std::vector<PlanItem>& items) const;
  void Sort(std::vector<const PlanItem*>& items) const;
  // The order a version's items come in from the store (PlanStore::VersionItems).
  bool DefaultOrder() const { return sort == ItemSort::kCode && !descending; }
};

}  // namespace bs
