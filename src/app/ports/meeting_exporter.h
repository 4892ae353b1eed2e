// The port through which pages ask for a meeting's documents (issue 6): the agenda or
// the minutes as PDF, and a body's meetings as an iCalendar feed. Implemented in
// exporters/ (pdf with cairo + pango, ical by hand); the web layer sees only this.
// The views passed in are already redacted for the viewer (MeetingService).
#pragma once

#include <string>
#include <vector>

#include "app/meeting_read_models.h"
#include "core/result.h"

namespace bs {

enum class MeetingDocument { kAgenda, kMinutes };

class MeetingExporter {
 public:
  virtual ~MeetingExporter() = default;
  // Internal when the PDF cannot be drawn.
  virtual Result<std::string> Pdf(const MeetingView& view, MeetingDocument kind) const = 0;
  // `host` names the site in UIDs and URLs.
  virtual std::string Calendar(const std::vector<MeetingSummary>& meetings, const std::string& base_url) const = 0;
};

}  // namespace bs
