// The agenda and the decision minutes of a meeting as PDF (issue 6), drawn with cairo
// and pango (DejaVu fonts: Danish letters as they are). The only place that includes
// cairo or pango. The view comes from MeetingService already redacted for the viewer,
// so the members' edition and the public edition are the same code: closed items the
// viewer may not see arrive with number and title only, and attachments are listed,
// never embedded.
#pragma once

#include <string>

#include "app/meeting_read_models.h"
#include "app/ports/meeting_exporter.h"
#include "core/result.h"

namespace bs::pdf {

// A4 pages with a running header (body, date, document, edition), "Side N af M",
// a title block, contents with page numbers, the time schedule, every item with its
// sections (minutes: decisions, attendance, protocol notes), the attachment list and
// a signature page. Internal when cairo fails.
Result<std::string> RenderMeeting(const MeetingView& view, MeetingDocument kind);

}  // namespace bs::pdf
