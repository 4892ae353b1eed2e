// StartPageService (issue 14): each part of a start page is one use case's answer for
// the viewer, so the page cannot show what the viewer's own pages would not.
#include "app/start_page.h"

#include <algorithm>
#include <set>

namespace bs {
namespace {

constexpr int kStaleDays = 90;       // "uden status i over tre måneder"
constexpr int kComingDays = 60;      // the coming meetings shown
constexpr size_t kLatestMinutes = 5;

bool Open(const PlanItem& item) {
  auto s = item.data().state;
  return s != ProgressState::kDone && s != ProgressState::kDropped;
}

}  // namespace

Result<StartPage> StartPageService::For(const Viewer& v) {
  StartPage p;
  p.today = meetings_.Today();
  p.municipality = TRY(plans_.MunicipalityName());
  p.signed_in = !v.anonymous();
  if (p.signed_in) {
    p.name = v.user->name;
    p.finance = v.Has(Role::kFinance) || v.Has(Role::kAdministrator);
    p.head = v.Has(Role::kDepartmentHead);
    p.director = v.Has(Role::kDirector);
    p.politician = v.Has(Role::kPolitician);
    p.secretary = v.Has(Role::kSecretary);
    for (const auto& m : v.memberships) p.secretary = p.secretary || !m.Sits();
    p.departments = v.user->departments;
  }
  RETURN_IF_ERROR(FillPlan(v, p));
  RETURN_IF_ERROR(FillMeetings(v, p));
  return p;
}

Result<int64_t> StartPageService::Stamp() {
  uint64_t h = static_cast<uint64_t>(TRY(meetings_.ContentStamp()));
  for (unsigned char c : TRY(plans_.MunicipalityName())) h = h * 131 + c;
  h = h * 1'000'003 + static_cast<uint64_t>(meetings_.Today().ToDays());
  return static_cast<int64_t>(h);
}

Status StartPageService::FillPlan(const Viewer& v, StartPage& p) {
  auto visible = TRY(plans_.VisiblePlans(v));
  const PlanRegister::VisiblePlan* chosen = nullptr;
  for (const auto& vp : visible) {
    bool live = plans_.CapabilitiesFor(v, vp.plan.id()).live;
    if (live || vp.published) { chosen = &vp; break; }
  }
  if (!chosen) return OkStatus();
  PlanId id = chosen->plan.id();
  bool live = plans_.CapabilitiesFor(v, id).live;
  p.plan = live ? TRY(plans_.ReadPlan(v, id)) : TRY(plans_.ReadPublished(v, id));
  if (chosen->published) {
    for (auto& version : TRY(plans_.Versions(v, id)))
      if (!p.latest_version || version.id > p.latest_version->id) p.latest_version = version;
  }
  if (!live || !p.signed_in) return OkStatus();

  // Redacted as the plan page shows them to this viewer.
  auto items = TRY(plans_.ListItems(v, *p.plan, ItemFilter{})).items;
  p.items = static_cast<int>(items.size());
  p.open_round = TRY(rounds_.OpenRoundMark(id));
  for (const auto& item : items) {
    const ItemData& d = item.data();
    ++p.by_state[d.state];
    ++p.by_light[d.traffic_light];
    if (d.obs) ++p.obs;
    if (p.director && d.obs) p.obs_items.push_back(item);
    if (p.director && d.cross_cutting && Open(item)) p.cross_cutting.push_back(item);
    if (p.head && ResponsibleFor(v, item)) p.mine.push_back(item);
  }
  if (p.open_round) {
    const auto& awaiting = p.open_round->awaiting;
    std::stable_partition(p.mine.begin(), p.mine.end(), [&](const PlanItem& i) { return awaiting.count(i.id()) > 0; });
  }
  if (p.finance) {
    p.last_status = TRY(plans_.LatestStatusDates(v, *p.plan));
    Date limit = Date::FromDays(p.today.ToDays() - kStaleDays);
    for (const auto& item : items) {
      if (!Open(item)) continue;
      auto it = p.last_status.find(item.id());
      if (it == p.last_status.end() || it->second < limit) p.stale.push_back(item);
    }
    std::stable_sort(p.stale.begin(), p.stale.end(), [&](const PlanItem& a, const PlanItem& b) {
      auto da = p.last_status.find(a.id()), db = p.last_status.find(b.id());
      Date x = da == p.last_status.end() ? Date{} : da->second, y = db == p.last_status.end() ? Date{} : db->second;
      return x < y;
    });
  }
  if (p.director || p.finance) {
    auto rounds = TRY(rounds_.Rounds(v, id));
    for (const auto& r : rounds)
      if (!p.highlight_round || r.id > p.highlight_round->id) p.highlight_round = r;
    if (p.highlight_round) p.highlights = TRY(rounds_.Highlights(v, *p.highlight_round));
  }
  return OkStatus();
}

Status StartPageService::FillMeetings(const Viewer& v, StartPage& p) {
  Date today = p.today;
  Date ahead = Date::FromDays(today.ToDays() + kComingDays);
  for (auto& s : TRY(meetings_.BodyMeetings(v, "", today, ahead)))
    if (s.meeting.published() && !s.meeting.cancelled) p.coming.push_back(std::move(s));

  // The latest decisions: the newest approved minutes, however old, each item's decision
  // as the meeting page shows this viewer (closed ones not at all).
  const Date ever{1900, 1, 1};
  auto past = TRY(meetings_.BodyMeetings(v, "", ever, today, false));
  std::reverse(past.begin(), past.end());
  size_t shown = 0;
  for (const auto& s : past) {
    if (!s.meeting.approved() || shown == 3) continue;
    auto view = TRY(meetings_.GetMeeting(v, s.meeting.id));
    bool any = false;
    for (const auto& e : view.agenda) {
      if (!e.content || !e.decision_visible || e.item.decision.empty()) continue;
      p.decisions.push_back({s, e.item.position, e.item.title, e.item.decision});
      any = true;
    }
    if (any) ++shown;
  }
  if (!p.signed_in) return OkStatus();

  std::set<std::string> sits, prepares;
  for (const auto& m : v.memberships) (m.Sits() ? sits : prepares).insert(m.body);
  for (const auto& b : TRY(meetings_.Bodies())) {
    if (sits.count(b.code)) p.bodies.push_back(b);
    if (meetings_.Prepares(v, b.code) && !v.Has(Role::kAdministrator)) prepares.insert(b.code);
  }
  if (p.secretary) {
    for (const auto& code : prepares)
      for (auto& s : TRY(meetings_.BodyMeetings(v, code, today, Date::FromDays(today.ToDays() + 120))))
        if (!s.meeting.published() && !s.meeting.cancelled) p.preparing.push_back(std::move(s));
    std::sort(p.preparing.begin(), p.preparing.end(),
              [](const MeetingSummary& a, const MeetingSummary& b) { return a.meeting.date < b.meeting.date; });
    for (auto& w : TRY(meetings_.RollingOverview(v, today, 21)).on_the_way)
      if (prepares.count(w.next_body)) p.on_the_way.push_back(std::move(w));
  }
  if (!sits.empty()) {
    for (const auto& code : sits) {
      for (auto& s : TRY(meetings_.BodyMeetings(v, code, today, ahead)))
        if (!s.meeting.cancelled) p.next_meetings.push_back(std::move(s));
      auto held = TRY(meetings_.BodyMeetings(v, code, ever, today, false));
      for (auto& s : held)
        if (s.meeting.approved()) p.latest_minutes.push_back(std::move(s));
    }
    auto by_date = [](const MeetingSummary& a, const MeetingSummary& b) { return a.meeting.date < b.meeting.date; };
    std::sort(p.next_meetings.begin(), p.next_meetings.end(), by_date);
    std::sort(p.latest_minutes.begin(), p.latest_minutes.end(), [&](const auto& a, const auto& b) { return by_date(b, a); });
    if (p.latest_minutes.size() > kLatestMinutes) p.latest_minutes.resize(kLatestMinutes);
  }
  return OkStatus();
}

}  // namespace bs
