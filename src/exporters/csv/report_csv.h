// CSV of a report (issue 11): RFC 4180 (CRLF line ends, fields with the separator, a
// quote or a line break in double quotes, quotes doubled), UTF-8 with a byte order mark
// so that Excel reads æ, ø and å right. The primary table's data rows; a budget year
// becomes three columns (planned, expected realised, deviation) in 1.000 kr.
#pragma once

#include <string>

#include "app/report_model.h"

namespace bs::csv {

// `separator` ',' writes amounts with a decimal point; ';' with a decimal comma (the
// Danish Excel default). A table without data rows still gets its header row.
std::string RenderReport(const Report& report, char separator);

// The header labels of a table as sheets and CSV files spell them (shared with XLSX).
std::vector<std::string> SheetHeaders(const Table& table);

}  // namespace bs::csv
