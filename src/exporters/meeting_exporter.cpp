#include "exporters/meeting_exporter.h"

#include "exporters/ical/ical.h"
#include "exporters/pdf/agenda_pdf.h"

namespace bs {

Result<std::string> DocumentExporter::Pdf(const MeetingView& view, MeetingDocument kind) const {
  return pdf::RenderMeeting(view, kind);
}

std::string DocumentExporter::Calendar(const std::vector<MeetingSummary>& meetings, const std::string& host) const {
  return ical::BodyCalendar(meetings, host);
}

}  // namespace bs
