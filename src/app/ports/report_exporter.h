// The port through which pages and the command line turn a Report (app/report_model.h)
// into files (issue 11): PDF (cairo + pango), XLSX (libxlsxwriter) and CSV. Implemented
// in exporters/; the Report comes from ReportService already redacted for the viewer,
// so every format holds exactly what the page holds.
#pragma once

#include <string>

#include "app/report_model.h"
#include "core/result.h"

namespace bs {

class ReportExporter {
 public:
  virtual ~ReportExporter() = default;
  // A4 landscape, running header, "Side N af M", contents, outline, tagged, lang da-DK.
  // Internal when cairo fails.
  virtual Result<std::string> Pdf(const Report& report) const = 0;
  // A sheet per table that names one, frozen header row, autofilter, amounts in
  // 1.000 kr. as numbers. Internal when the file cannot be written.
  virtual Result<std::string> Xlsx(const Report& report) const = 0;
  // RFC 4180 with a UTF-8 byte order mark: the report's primary table, data rows only.
  // `separator` ',' (decimal point) or ';' (decimal comma, for Danish Excel).
  virtual std::string Csv(const Report& report, char separator) const = 0;
};

}  // namespace bs
