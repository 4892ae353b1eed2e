// The start pages (issue 14): the first page after signing in ("Mit overblik"), one per
// role's work, and the public home page. Composed from the use cases the pages already
// use (plans, meetings, rounds), each asked as the viewer, so a start page shows
// nothing its own pages would not: it is a view of them, not a read path of its own.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/meeting_service.h"
#include "app/plan_service.h"
#include "app/round_service.h"

namespace bs {

// A decision in the latest approved minutes, for the home page.
struct LatestDecision {
  MeetingSummary meeting;
  int position = 0;
  std::string title;
  std::string decision;
};

struct StartPage {
  std::string municipality;  // "Norddjurs Kommune", or "" when not set up
  Date today;
  bool signed_in = false;
  std::string name;          // the signed-in person
  bool finance = false, head = false, director = false, secretary = false, politician = false;

  // The plan the pages lead to: the newest visible one; for the public its latest
  // published version.
  std::optional<PlanRead> plan;
  std::optional<Version> latest_version;

  // Økonomi (and administrators): the plan at a glance.
  int items = 0;
  std::map<ProgressState, int> by_state;
  std::map<TrafficLight, int> by_light;
  int obs = 0;
  std::vector<PlanItem> stale;  // no status update for over 90 days (or none at all), oldest first
  std::map<ItemId, Date> last_status;
  std::optional<RoundMark> open_round;

  // Fagchef: the items of their departments (committees) or with them as responsible;
  // those awaiting status in the open round first.
  std::vector<std::string> departments;
  std::vector<PlanItem> mine;

  // Direktion: open OBS points, the cross-cutting items, and the newest round's
  // highlights for ØK.
  std::vector<PlanItem> obs_items, cross_cutting;
  std::optional<ReportingRound> highlight_round;
  std::vector<HighlightView> highlights;

  // Sekretær: the meetings of the bodies they prepare that are not published yet, and
  // the cases on their way to a next body.
  std::vector<MeetingSummary> preparing;
  std::vector<CaseOnItsWay> on_the_way;

  // Politiker: their bodies, their next meetings and latest minutes; the committees
  // among them have an extract of the plan.
  std::vector<Body> bodies;
  std::vector<MeetingSummary> next_meetings;
  std::vector<MeetingSummary> latest_minutes;

  // Everyone (the public home page; signed-in pages too): the coming published meetings
  // and the latest decisions.
  std::vector<MeetingSummary> coming;
  std::vector<LatestDecision> decisions;
};

class StartPageService {
 public:
  StartPageService(PlanService& plans, MeetingService& meetings, RoundService& rounds)
      : plans_(plans), meetings_(meetings), rounds_(rounds) {}

  // The start page for the viewer (the public when anonymous).
  Result<StartPage> For(const Viewer& v);
  // Changes whenever a start page may have: plans (rounds included), meetings, people
  // (MeetingService::ContentStamp), the municipality's name and the day. A cache key
  // for pages already keyed by the viewer's access class.
  Result<int64_t> Stamp();

 private:
  Status FillPlan(const Viewer& v, StartPage& p);
  Status FillMeetings(const Viewer& v, StartPage& p);

  PlanService& plans_;
  MeetingService& meetings_;
  RoundService& rounds_;
};

}  // namespace bs
