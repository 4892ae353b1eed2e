#include "exporters/ical/ical.h"

#include <cstdio>

#include "core/text.h"

namespace bs::ical {
namespace {

std::string Stamp(Date d, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", d.year, d.month, d.day, minute / 60, minute % 60);
  return buf;
}

std::string UtcStamp(int64_t unix) {
  int64_t days = unix >= 0 ? unix / 86400 : (unix - 86399) / 86400;
  int64_t secs = unix - days * 86400;
  Date d = Date::FromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month, d.day, static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return buf;
}

// The Danish rule since 1996 (EU): CEST from the last Sunday of March, CET from the
// last Sunday of October.
constexpr const char* kTimezone =
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

}  // namespace

std::string EscapeText(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string Fold(const std::string& line) {
  std::string out;
  size_t width = 0;
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, len);
    width += len;
    i += len;
  }
  return out + "\r\n";
}

std::string BodyCalendar(const std::vector<MeetingSummary>& meetings, const std::string& base_url) {
  // The UIDs' domain is the configured site's host, never a request's Host header
  // (issue 15: «Host: evil.example» became «UID:moede-30@evil.example»).
  std::string host = base_url.substr(base_url.find("://") == std::string::npos ? 0 : base_url.find("://") + 3);
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//budgetspor//møder//DA\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
  if (!meetings.empty()) out += Fold("X-WR-CALNAME:" + EscapeText(meetings.front().body_name + ": møder"));
  out += kTimezone;
  for (const auto& s : meetings) {
    const Meeting& m = s.meeting;
    out += "BEGIN:VEVENT\r\n";
    out += Fold("UID:moede-" + std::to_string(m.id) + "@" + EscapeText(host));
    // DTSTAMP: when the entry last changed in a way people see; the publication time
    // when there is one, else the meeting day (stable, so feeds do not churn). In UTC
    // with «Z», as RFC 5545 §3.8.7.2 requires (issue 15 #12: it was local time).
    int64_t changed = std::max(m.published_at, m.approved_at);
    out += "DTSTAMP:" + UtcStamp(changed ? changed : int64_t{m.date.ToDays()} * 86400) + "\r\n";
    out += "DTSTART;TZID=Europe/Copenhagen:" + Stamp(m.date, m.start_minute) + "\r\n";
    out += "DTEND;TZID=Europe/Copenhagen:" + Stamp(m.date, m.end_minute) + "\r\n";
    std::string summary = s.body_name + (m.kind == MeetingKind::kTheme ? " – temamøde" : " – møde");
    out += Fold("SUMMARY:" + EscapeText(summary));
    if (!m.place.empty()) out += Fold("LOCATION:" + EscapeText(m.place));
    std::string description = std::string(Label(m.kind)) + ".";
    if (!s.titles.empty()) description += "\nDagsorden:\n" + text::Join(s.titles, "\n");
    out += Fold("DESCRIPTION:" + EscapeText(description));
    out += Fold("URL:" + base_url + "/moeder/" + std::to_string(m.id));
    out += std::string("STATUS:") + (m.cancelled ? "CANCELLED" : "CONFIRMED") + "\r\n";
    out += "END:VEVENT\r\n";
  }
  out += "END:VCALENDAR\r\n";
  return out;
}

}  // namespace bs::ical
