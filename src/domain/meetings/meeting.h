// Meetings, cases and their agenda (issue 6): the pure model and its rules. Groundwork:
// storage, use cases and pages come next; the access rule (app/access.h) already
// decides open and closed meeting material.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace bs {

// Ids of the meeting side, as PlanId and ItemId are for the plan (issue 12).
using MeetingId = int64_t;
using CaseId = int64_t;
using AgendaItemId = int64_t;
using AttachmentId = int64_t;

// A case number as municipalities write it: two-digit year, slash, serial: "24/7615".
// Unique per municipality (the store enforces it).
struct CaseNumber {
  int year = 0;         // 24 (two digits as written)
  int64_t serial = 0;   // 7615
  std::string text;     // "24/7615", normalised (spaces removed)
  static Result<CaseNumber> Parse(std::string_view text);
};

// A KLE journal number with optional handling facet, e.g. "00.30.10.S00" or "00.30.10":
// main group, group, subject (two digits each), then optionally a facet letter and two
// digits. Only the shape is checked; it is stored as written (trimmed).
Result<std::string> ValidateKle(std::string_view text);

enum class MeetingKind { kOrdinary, kExtraordinary, kTheme };
const char* Slug(MeetingKind kind);   // "ordinaer", "ekstraordinaer", "temamoede"
const char* Label(MeetingKind kind);  // "Ordinært møde", "Ekstraordinært møde", "Temamøde"
std::optional<MeetingKind> MeetingKindFromSlug(std::string_view slug);

// A break in the time schedule (seed 004: "10.45 Pause").
struct ScheduleBreak {
  int start = 0, end = 0;
  std::string label;  // "Pause", "Frokost"
  bool operator==(const ScheduleBreak&) const = default;
};

struct Meeting {
  MeetingId id = 0;
  std::string body;   // body code, e.g. "ØK"
  Date date;
  int start_minute = 0;  // minutes after midnight, Danish local time
  int end_minute = 0;
  std::string place;
  MeetingKind kind = MeetingKind::kOrdinary;
  bool cancelled = false;
  // State after creation (MeetingService): the agenda published (visible to members, its
  // open items to the public) and the minutes approved; unix seconds, 0 for not yet.
  int64_t published_at = 0;
  int64_t approved_at = 0;
  std::vector<ScheduleBreak> breaks;
  // Attendance (user ids); everyone else seated that day was present.
  std::vector<int64_t> absent, apologies;
  // Changes to the meeting itself after publishing, one line each: when, who, what, why.
  std::string change_log;

  bool published() const { return published_at != 0; }
  bool approved() const { return approved_at != 0; }
};

struct MeetingDraft {
  std::string body, date, start, end, place, kind;  // date "10-06-2025", times "14:00"
  bool cancelled = false;
};
// Every wrong field reported (body, date, start, end, place, kind); end after start.
Result<Meeting> ValidateMeeting(const MeetingDraft& draft, const std::set<std::string>& bodies);

// "14:00" or "14.00" -> minutes after midnight.
Result<int> ParseClock(std::string_view text);
std::string FormatClock(int minute);  // "14:00"

struct Case {
  CaseId id = 0;
  CaseNumber number;
  std::string kle;          // as written
  std::string title;
  std::string officer;      // sagsansvarlig
  bool closed = false;      // Lukket sag
  std::vector<std::string> route;  // sagsgang: body codes in order, e.g. DIR, ØK, KB
};

struct CaseDraft {
  std::string number, kle, title, officer, route;  // route "DIR → ØK → KB" or "ØK, KB"
  bool closed = false;
};
Result<Case> ValidateCase(const CaseDraft& draft, const std::set<std::string>& bodies);

// The body after `body` on the case's route, if any ("sending on" goes there).
std::optional<std::string> NextOnRoute(const Case& c, const std::string& body);

// Agenda order: moves `id` by `delta` places (-1 up, +1 down) within `order`, clamped
// at the ends. NotFound when `id` is not on the agenda.
Result<std::vector<int64_t>> MoveInOrder(std::vector<int64_t> order, int64_t id, int delta);

// The preset decision texts (Beslutning): Godkendt, Tiltrådt, Taget til efterretning,
// Anbefales, Oversendes. Free text is allowed besides.
const std::vector<std::string>& DecisionPresets();

// Attendance at a meeting: everyone who sat in the body that day is present unless
// marked absent (Fraværende) or as having sent apologies (Afbud). Marking someone who
// did not sit in the body that day is InvalidArgument naming them.
struct Attendance {
  std::vector<int64_t> present, absent, apologies;  // user ids
};
// One wrong mark, with the person's id as a field: the domain knows only ids, so the
// use case puts the name in (Message) without reading it back out of the text.
struct AttendanceProblem {
  enum class Kind { kNotSeated, kAbsentAndApologies };
  std::string field;  // "absent" or "apologies", the form field
  int64_t person = 0;
  Kind kind = Kind::kNotSeated;
  // "<who> sad ikke i organet på mødedagen." / "<who> står både som fraværende og med afbud."
  std::string Message(const std::string& who) const;
  bool operator==(const AttendanceProblem&) const = default;
};
// Every wrong mark, in the order absent, then apologies; empty when all is well.
std::vector<AttendanceProblem> AttendanceProblems(const std::set<int64_t>& seated_that_day,
                                                  const std::set<int64_t>& absent, const std::set<int64_t>& apologies);
// The problems' messages name people "Person <id>".
Result<Attendance> ValidateAttendance(const std::set<int64_t>& seated_that_day, const std::set<int64_t>& absent,
                                      const std::set<int64_t>& apologies);

}  // namespace bs
