#include "exporters/report_files.h"

#include "exporters/csv/report_csv.h"
#include "exporters/pdf/report_pdf.h"
#include "exporters/xlsx/report_xlsx.h"

namespace bs {

Result<std::string> ReportFiles::Pdf(const Report& report) const { return pdf::RenderReport(report); }
Result<std::string> ReportFiles::Xlsx(const Report& report) const { return xlsx::RenderReport(report); }
std::string ReportFiles::Csv(const Report& report, char separator) const { return csv::RenderReport(report, separator); }

}  // namespace bs
