// MeetingExporter from the PDF and iCalendar exporters.
#pragma once

#include "app/ports/meeting_exporter.h"

namespace bs {

class DocumentExporter final : public MeetingExporter {
 public:
  Result<std::string> Pdf(const MeetingView& view, MeetingDocument kind) const override;
  std::string Calendar(const std::vector<MeetingSummary>& meetings, const std::string& host) const override;
};

}  // namespace bs
