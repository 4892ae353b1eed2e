#include "domain/plan/item_filter.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace bs {

std::string_view Slug(ItemSort s) {
  switch (s) {
    case ItemSort::kCode: return "code";
    case ItemSort::kTitle: return "title";
    case ItemSort::kState: return "state";
    case ItemSort::kTiming: return "timing";
  }
  return "code";
}

std::optional<ItemSort> ParseItemSort(std::string_view s) {
  for (ItemSort v : {ItemSort::kCode, ItemSort::kTitle, ItemSort::kState, ItemSort::kTiming})
    if (Slug(v) == s) return v;
  return std::nullopt;
}

bool ItemFilter::Matches(const PlanItem& item) const {
  const ItemData& d = item.data();
  if (!committee.empty() && d.committee != committee && !(include_cross_cutting && d.cross_cutting)) return false;
  if (category && d.category != *category) return false;
  if (state && d.state != *state) return false;
  if (cross_cutting && d.cross_cutting != *cross_cutting) return false;
  if (obs && d.obs != *obs) return false;
  if (theme_id && d.theme_id != theme_id) return false;
  if (!responsible.empty() && text::FoldCase(d.responsible).find(text::FoldCase(responsible)) == std::string::npos)
    return false;
  if (!query.empty() && item.SearchText().find(text::FoldCase(query)) == std::string::npos) return false;
  return true;
}

namespace {
using SortKey = std::tuple<int, std::string, std::string, std::string, ItemId>;

// The one definition of the list order: the chosen sort first, then code, title, id.
SortKey KeyOf(const PlanItem& item, ItemSort sort) {
  int primary_int = 0;
  std::string primary_str;
  std::string code = item.CodeSortKey(), title = item.TitleSortKey();
  switch (sort) {
    case ItemSort::kCode: primary_str = code; break;
    case ItemSort::kTitle: primary_str = title; break;
    case ItemSort::kState: primary_int = static_cast<int>(item.data().state); break;
    case ItemSort::kTiming: primary_int = item.data().timing.SortKey(); break;
  }
  return SortKey(primary_int, std::move(primary_str), std::move(code), std::move(title), item.id());
}
}  // namespace

bool ItemFilter::Less(const PlanItem& a, const PlanItem& b) const {
  return descending ? KeyOf(b, sort) < KeyOf(a, sort) : KeyOf(a, sort) < KeyOf(b, sort);
}

namespace {
// The positions of `items` in the filter's order, each key computed once.
template <typename Get>
std::vector<size_t> SortedPositions(size_t n, Get get, ItemSort sort, bool descending) {
  std::vector<std::pair<SortKey, size_t>> keys;
  keys.reserve(n);
  for (size_t i = 0; i < n; ++i) keys.push_back({KeyOf(get(i), sort), i});
  std::sort(keys.begin(), keys.end(), [descending](const auto& a, const auto& b) {
    return descending ? b.first < a.first : a.first < b.first;
  });
  std::vector<size_t> out;
  out.reserve(n);
  for (const auto& k : keys) out.push_back(k.second);
  return out;
}
}  // namespace

void ItemFilter::Sort(std::vector<PlanItem>& items) const {
  std::vector<PlanItem> sorted;
  sorted.reserve(items.size());
  for (size_t i : SortedPositions(items.size(), [&](size_t i) -> const PlanItem& { return items[i]; }, sort, descending))
    sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

void ItemFilter::Sort(std::vector<const PlanItem*>& items) const {
  std::vector<const PlanItem*> sorted;
  sorted.reserve(items.size());
  for (size_t i : SortedPositions(items.size(), [&](size_t i) -> const PlanItem& { return *items[i]; }, sort, descending))
    sorted.push_back(items[i]);
  items = std::move(sorted);
}

}  // namespace bs
