// iCalendar (RFC 5545) feeds of a body's meetings (issue 6). Pure text; the meetings
// come from MeetingService already limited to what the viewer may see.
#pragma once

#include <string>
#include <vector>

#include "app/meeting_read_models.h"

namespace bs::ical {

// A VCALENDAR with one VEVENT per meeting (cancelled ones STATUS:CANCELLED), times in
// Europe/Copenhagen (VTIMEZONE included), the agenda titles as description, CRLF
// line ends and lines folded at 75 octets without splitting a UTF-8 character.
// `host` names the site in UIDs and URLs.
std::string BodyCalendar(const std::vector<MeetingSummary>& meetings, const std::string& base_url);

// TEXT value escaping: backslash, semicolon, comma and newline.
std::string EscapeText(const std::string& s);
// Folds one content line (without its CRLF) into 75-octet pieces.
std::string Fold(const std::string& line);

}  // namespace bs::ical
