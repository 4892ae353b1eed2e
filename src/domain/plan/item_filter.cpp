#include "domain/plan/item_filter.h"

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

bool ItemFilter::Less(const PlanItem& a, const PlanItem& b) const {
  auto key = [this](const PlanItem& i) {
    int primary_int = 0;
    std::string primary_str;
    switch (sort) {
      case ItemSort::kCode: primary_str = i.CodeSortKey(); break;
      case ItemSort::kTitle: primary_str = i.TitleSortKey(); break;
      case ItemSort::kState: primary_int = static_cast<int>(i.data().state); break;
      case ItemSort::kTiming: primary_int = i.data().timing.SortKey(); break;
    }
    return std::make_tuple(primary_int, primary_str, i.CodeSortKey(), i.TitleSortKey(), i.id());
  };
  return descending ? key(b) < key(a) : key(a) < key(b);
}

}  // namespace bs
