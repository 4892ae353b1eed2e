// ReportExporter from the PDF, XLSX and CSV exporters (issue 11).
#pragma once

#include "app/ports/report_exporter.h"

namespace bs {

class ReportFiles final : public ReportExporter {
 public:
  Result<std::string> Pdf(const Report& report) const override;
  Result<std::string> Xlsx(const Report& report) const override;
  std::string Csv(const Report& report, char separator) const override;
};

}  // namespace bs
