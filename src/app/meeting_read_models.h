// What the meeting use cases return (issue 6), already redacted for the viewer they
// were asked for: meeting pages, agendas, overviews, the portfolio, the year wheel and
// where a plan item was treated. Apart from app/meeting_service.h (the use cases), so
// the exporters that turn them into PDF and iCalendar compile against the read models
// only (issue 12).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/meetings/agenda.h"
#include "domain/meetings/meeting.h"
#include "domain/people/people.h"
#include "domain/plan/plan.h"
#include "domain/plan/plan_item.h"

namespace bs {

// A decision taken earlier on the case's route, shown on a later body's agenda item.
struct EarlierDecision {
  std::string heading;  // "Beslutning i Økonomiudvalget den 10-06-2025"
  std::string text;
  MeetingId meeting_id = 0;
};

// A plan item an agenda item concerns, as a link, with its status as the meeting saw
// it (issue 11: the directors' monthly status item shows status, light and OBS of its
// items): for a meeting held, the latest status given on or before its day; otherwise
// the item as it is now. Internal notes are emptied for those not entitled.
struct PlanLink {
  ItemId id = 0;
  std::string code;   // "R307(B)" or ""
  std::string title;
  std::string status_text;
  ProgressState state = ProgressState::kNotStarted;
  TrafficLight light = TrafficLight::kNone;
  bool obs = false;
  std::string obs_note;      // internal: "" for politicians and the public
  Date status_date;          // of the status update shown; year 0 when none
  std::string status_author; // who gave it
};

// One agenda item as this viewer may see it. When `content` is false (a closed item
// the viewer is not entitled to) only the number and title are filled.
struct AgendaEntry {
  AgendaItem item;
  Case c;
  std::string kle_title;  // the KLE list's titles of c.kle ("Budgetlægning, Styring"), "" when unknown
  bool content = false;
  bool decision_visible = false;  // minutes approved, or the viewer prepares them
  std::vector<Attachment> attachments;  // every one; closed ones the viewer may not open have `title` emptied
  std::vector<bool> may_open;           // per attachment
  std::vector<EarlierDecision> earlier;
  std::vector<PlanLink> plan_items;
  std::vector<AgendaRevision> revisions;
  // Who did not take part in the item, printed (issue 14): "Jens Meilvang (I) deltog ikke
  // under behandling af punktet."; shown where the decision is.
  std::vector<std::string> absence_lines;
  std::optional<std::string> next_body;  // on the route after this meeting's body
};

struct MeetingView {
  Meeting meeting;
  std::string body_name;
  bool may_prepare = false;     // the viewer edits this meeting (buttons, forms)
  bool agenda_visible = false;  // published, or the viewer prepares it
  bool members_edition = false; // the viewer sees closed items' content (some or all)
  std::vector<AgendaEntry> agenda;
  std::vector<Seat> seated;      // members who sat in the body on the day
  std::vector<std::string> absent, apologies, present;  // names
  std::vector<ScheduleRow> schedule;
};

// A meeting in lists (overview, portfolio, workplan, calendar).
struct MeetingSummary {
  Meeting meeting;
  std::string body_name;
  std::vector<std::string> titles;  // "1. Status på udmøntningsplan" (visible items only)
  std::vector<std::string> planned; // recurring topics due (workplan)
};

// A case on its way: decided at one body, the next body on its route not yet booked.
struct CaseOnItsWay {
  Case c;
  std::string from_body, next_body;
  Date decided_on;
};

struct Overview {
  Date from, to;
  std::vector<MeetingSummary> meetings;
  std::vector<CaseOnItsWay> on_the_way;
};

struct Portfolio {
  Body body;
  std::vector<MeetingSummary> next_meetings;  // at most three
  std::vector<PlanLink> waiting;               // plan items due for this body's treatment
  std::vector<std::string> waiting_when;       // "juni 2025", per waiting item
};

// Where a plan item was treated (the plan item's page).
struct Treatment {
  MeetingId meeting_id = 0;
  AgendaItemId agenda_item_id = 0;
  std::string body_name;
  Date date;
  int position = 0;
  std::string title;
  std::string decision;  // empty when not decided or not visible
};

// The meeting archive (issue 14): every meeting of one year, and the years that have
// meetings, so a 2025 meeting's minutes are found long after it was held.
struct ArchiveYear {
  int year = 0;
  int meetings = 0;
};
struct MeetingArchive {
  std::string body;                      // code, "" for every body
  int year = 0;
  std::vector<ArchiveYear> years;        // newest first
  std::vector<MeetingSummary> meetings;  // of `year`, by date; titles not filled
};

// A case's own page (issue 14): every agenda item it was on that the viewer may see,
// each as that meeting's page shows it (so closed content is redacted the same way).
struct CaseAppearance {
  Meeting meeting;
  std::string body_name;
  AgendaEntry entry;
};
struct CaseView {
  Case c;              // number always; the rest only when `details`
  bool details = false;  // an open case, or one whose content the viewer may read
  std::string title;   // the case's title, or the agenda item's title when !details
  std::string kle_title;
  std::vector<CaseAppearance> appearances;  // by date
  std::vector<PlanLink> plan_items;          // every plan item any of them concerns, once
};

struct Workplan {
  Body body;
  int year = 0;
  std::vector<RecurringTopic> topics;
  std::vector<MeetingSummary> meetings;  // with `planned` filled
};

}  // namespace bs
