// Planned against expected realised per budget year (issue 11), the way every page
// shows it: a year cell holds the planned amount and, when a status gave an expected
// effect, the expected amount and the deviation below it; sums get a row each.
#pragma once

#include <string>
#include <vector>

#include "domain/plan/figures.h"
#include "web/html.h"

namespace bs::web::views {

// <td class="num">: planned; "forv." and "afv." lines when an expected effect is reported.
// `year`: the cell's label when the table stacks on a phone (data-label), 0 for none.
void YearCell(Html& h, const YearFigures& f, int year = 0);
// <tfoot> rows for a table with `leading` columns before the years: the planned sum, and
// when any item reported, the expected sum and the deviation.
void SumRows(Html& h, const std::vector<int>& years, const FigureSums& sums, const std::string& label, int leading);
// A small table of the sums per year: Planlagt, Forventet, Afvigelse.
void FiguresTable(Html& h, const std::vector<int>& years, const FigureSums& sums, const std::string& caption);

}  // namespace bs::web::views
