// A report as a frozen attachment of an agenda item (issue 11): "Bilag: Udmøntningsplan
// 2025-2028 - til DIR 04-06-2025" generated from a published version, never typed. The
// attachment is the public edition of the report (no internal fields), as a PDF, added
// through MeetingService, which decides that the viewer prepares the meeting. Later
// edits of the plan do not touch it: it is the version as it was.
#pragma once

#include <string>

#include "app/meeting_service.h"
#include "app/ports/report_exporter.h"
#include "app/report_service.h"

namespace bs {

class ReportAttachments {
 public:
  ReportAttachments(MeetingService& meetings, ReportService& reports, const ReportExporter& files)
      : meetings_(meetings), reports_(reports), files_(files) {}

  // InvalidArgument (field "version") unless the request names a published version (or
  // the latest); FieldErrors for an empty title; the meeting service's errors otherwise.
  Result<Attachment> Attach(const Viewer& v, int64_t agenda_item, ReportRequest request, const std::string& title,
                            const std::string& document_number, bool closed);

 private:
  MeetingService& meetings_;
  ReportService& reports_;
  const ReportExporter& files_;
};

}  // namespace bs
