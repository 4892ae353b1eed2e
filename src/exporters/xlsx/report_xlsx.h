// XLSX of a report (issue 11) with libxlsxwriter, the only place that includes it. Every
// table that names a sheet becomes one (the whole plan, one per committee, the lists
// of the half-yearly status ...): header row frozen and filtered, a budget year as
// three number columns in 1.000 kr. (number format "#,##0"), column widths fitted to
// their text, sums below the data after an empty row; last a sheet "Oplysninger" with
// the municipality, the report, its basis and date.
#pragma once

#include <string>

#include "app/report_model.h"
#include "core/result.h"

namespace bs::xlsx {

// Internal when the file cannot be written (a full temporary directory).
Result<std::string> RenderReport(const Report& report);

}  // namespace bs::xlsx
