#include "exporters/meeting_files.h"

#include "exporters/ical/ical.h"
#include "exporters/pdf/agenda_pdf.h"

namespace bs {

Result<std::string> MeetingFiles::Pdf(const MeetingView& view, MeetingDocument kind) const {
  return pdf::RenderMeeting(view, kind);
}

std::string MeetingFiles::Calendar(const std::vector<MeetingSummary>& meetings, const std::string& base_url) const {
  return ical::BodyCalendar(meetings, base_url);
}

}  // namespace bs
