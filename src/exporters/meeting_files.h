// MeetingExporter from the PDF and iCalendar exporters (issue 6): the files of a meeting
// (agenda and minutes as PDF) and a body's iCalendar feed, as ReportFiles is for reports.
#pragma once

#include "app/ports/meeting_exporter.h"

namespace bs {

class MeetingFiles final : public MeetingExporter {
 public:
  Result<std::string> Pdf(const MeetingView& view, MeetingDocument kind) const override;
  std::string Calendar(const std::vector<MeetingSummary>& meetings, const std::string& base_url) const override;
};

}  // namespace bs
