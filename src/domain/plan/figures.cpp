#include "domain/plan/figures.h"


namespace bs {

YearFigures FiguresOf(const ItemData& item, int year) {
  YearFigures f;
  if (auto it = item.amounts.find(year); it != item.amounts.end()) f.planned = it->second;
  if (auto it = item.realised.find(year); it != item.realised.end()) f.reported = it->second;
  return f;
}

void FigureSums::Add(const ItemData& item) {
  // The years either map names, in order (both maps are sorted by year).
  auto p = item.amounts.begin(), r = item.realised.begin();
  while (p != item.amounts.end() || r != item.realised.end()) {
    int y = r == item.realised.end() || (p != item.amounts.end() && p->first < r->first) ? p->first : r->first;
    YearFigures f;
    if (p != item.amounts.end() && p->first == y) f.planned = (p++)->second;
    if (r != item.realised.end() && r->first == y) f.reported = (r++)->second;
    planned[y] += f.planned;
    expected[y] += f.expected();
    if (f.reported) ++reported[y];
  }
}

YearFigures FigureSums::Year(int year) const {
  YearFigures f;
  if (auto it = planned.find(year); it != planned.end()) f.planned = it->second;
  auto r = reported.find(year);
  if (r != reported.end() && r->second > 0) {
    auto e = expected.find(year);
    f.reported = e == expected.end() ? Amount() : e->second;
  }
  return f;
}

bool FigureSums::AnyReported() const {
  for (const auto& [y, n] : reported)
    if (n > 0) return true;
  return false;
}

}  // namespace bs
