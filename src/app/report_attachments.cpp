#include "app/report_attachments.h"

#include "core/text.h"

namespace bs {

Result<Attachment> ReportAttachments::Attach(const Viewer& v, int64_t agenda_item, ReportRequest request,
                                             const std::string& title, const std::string& document_number, bool closed) {
  // Who may add attachments is the meeting's rule; ask it before any work is done.
  auto located = TRY(meetings_.AgendaItemFor(v, agenda_item));
  if (!meetings_.Prepares(v, located.meeting.body))
    return PermissionDenied("Kun mødets sekretær kan vedhæfte bilag til punktet.");
  if (request.basis != ReportRequest::Basis::kVersion && request.basis != ReportRequest::Basis::kLatest)
    return FieldErrors({{"version", "Et bilag dannes af en offentliggjort version; vælg versionen."}});
  std::string name = text::IsValidUtf8(title) ? text::Trim(text::CleanSingleLine(title)) : "";
  if (name.empty()) return FieldErrors({{"title", "Giv bilaget en titel, fx «Udmøntningsplan 2025-2028 - til DIR 04-06-2025»."}});
  request.public_edition = true;
  request.parts = ReportParts::kPage;  // a PDF
  Report report = TRY(reports_.Build(v, request));
  std::string pdf = TRY(files_.Pdf(report));
  return meetings_.AddAttachment(v, agenda_item, name, closed, document_number, report.filename + ".pdf", "application/pdf",
                                 pdf);
}

}  // namespace bs
