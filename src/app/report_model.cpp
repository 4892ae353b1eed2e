#include "app/report_model.h"

namespace bs {

std::string_view Slug(ReportKind kind) {
  switch (kind) {
    case ReportKind::kPlan: return "plan";
    case ReportKind::kExtract: return "extract";
    case ReportKind::kHalfYear: return "half-year";
    case ReportKind::kMonthly: return "monthly";
  }
  return "plan";
}

std::string_view Slug(ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml: return "html";
    case ReportFormat::kPdf: return "pdf";
    case ReportFormat::kXlsx: return "xlsx";
    case ReportFormat::kCsv: return "csv";
  }
  return "html";
}

std::string_view Label(ReportKind kind) {
  switch (kind) {
    case ReportKind::kPlan: return "Udmøntningsplanen";
    case ReportKind::kExtract: return "Udvalgets udsnit";
    case ReportKind::kHalfYear: return "Halvårsstatus til ØK";
    case ReportKind::kMonthly: return "Direktionens månedlige status";
  }
  return "";
}

std::optional<ReportKind> ParseReportKind(std::string_view slug) {
  for (ReportKind k : kAllReportKinds)
    if (Slug(k) == slug) return k;
  return std::nullopt;
}

std::optional<ReportFormat> ParseReportFormat(std::string_view slug) {
  for (ReportFormat f : kAllReportFormats)
    if (Slug(f) == slug) return f;
  return std::nullopt;
}

std::string ValidReportKinds() {
  std::string s;
  for (ReportKind k : kAllReportKinds) s += (s.empty() ? "" : ", ") + std::string(Slug(k));
  return s;
}

std::string ValidReportFormats() {
  std::string s;
  for (ReportFormat f : kAllReportFormats) s += (s.empty() ? "" : ", ") + std::string(Slug(f));
  return s;
}

std::string PlainText(const Runs& runs) {
  std::string s;
  for (const auto& r : runs) s += r.text;
  return s;
}

ReportParts PartsFor(ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml:
    case ReportFormat::kPdf: return ReportParts::kPage;
    case ReportFormat::kCsv: return ReportParts::kPrimary;
    case ReportFormat::kXlsx: return ReportParts::kAll;
  }
  return ReportParts::kAll;
}

const Table* Report::PrimaryTable() const {
  for (const auto& b : blocks)
    if (b.kind == Block::Kind::kTable && b.table.primary) return &b.table;
  return nullptr;
}

}  // namespace bs
