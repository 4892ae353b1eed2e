// MeetingService beyond one meeting (issue 6): the directors' rolling overview, a
// body's portfolio, where a plan item was treated, the data stamp pages are cached
// against, and the year wheel (recurring topics, workplans, putting them on an agenda).
// Preparing and reading one meeting is in meeting_service.cpp.
#include <algorithm>
#include <set>

#include "app/meeting_service.h"
#include "core/text.h"

namespace bs {
namespace {

using K = Resource::Kind;

// A month-granular "due by" for a treatment step: the first month its timing covers.
int DueMonthKey(const Timing& t) {
  switch (t.kind()) {
    case Timing::Kind::kMonth: return t.year() * 12 + t.month() - 1;
    case Timing::Kind::kQuarter: return t.year() * 12 + (t.quarter() - 1) * 3;
    case Timing::Kind::kYear: return t.year() * 12;
    default: return -1;  // free text or none: not dated, so never "due"
  }
}

// A refusal (not found, no access) leaves a plan or item out of a portfolio; a busy or
// broken store is an error for the whole page, not a shorter list.
bool Refused(const Error& e) { return e.code == ErrorCode::kNotFound || e.code == ErrorCode::kPermissionDenied; }

}  // namespace

// --- overviews -----------------------------------------------------------------------

Result<Overview> MeetingService::RollingOverview(const Viewer& v, Date from, int days) {
  Overview o;
  o.from = from;
  o.to = Date::FromDays(from.ToDays() + days - 1);
  auto bodies = TRY(plans_.ListBodies());
  for (const auto& m : TRY(store_.ListMeetings("", o.from, o.to))) o.meetings.push_back(TRY(Summarize(v, m, bodies)));
  // Cases on their way: decided (or on a held agenda) recently at one body, with a next
  // body on the route that has no agenda item for them on or after that day.
  std::map<int64_t, CaseOnItsWay> way;
  for (const auto& m : TRY(store_.ListMeetings("", Date::FromDays(from.ToDays() - 60), o.to))) {
    if (!(m.published() || Prepares(v, m.body))) continue;
    for (const auto& item : TRY(store_.AgendaOf(m.id))) {
      if (Decide(v, Action::kRead, Resource::Meeting(K::kAgendaItem, m.body, item.closed, m.published())) !=
          Decision::kAllow)
        continue;
      auto c = TRY(store_.GetCase(item.case_id));
      auto next = NextOnRoute(c, m.body);
      if (!next) continue;
      bool booked = false;
      for (const auto& later : TRY(store_.AgendaItemsOfCase(c.id))) {
        auto lm = TRY(store_.GetMeeting(later.meeting_id));
        if (lm.body == *next && lm.date >= m.date) booked = true;
      }
      if (!booked) way[c.id] = {c, m.body, *next, m.date};
    }
  }
  for (auto& [id, w] : way) o.on_the_way.push_back(w);
  std::sort(o.on_the_way.begin(), o.on_the_way.end(), [](const auto& a, const auto& b) { return a.decided_on < b.decided_on; });
  return o;
}

Result<Portfolio> MeetingService::BodyPortfolio(const Viewer& v, const std::string& code) {
  Portfolio p;
  p.body = TRY(FindBody(code));
  auto bodies = TRY(plans_.ListBodies());
  Date today = clock_.Today();
  for (const auto& m : TRY(store_.ListMeetings(code, today, Date::FromDays(today.ToDays() + 400)))) {
    if (m.cancelled) continue;
    p.next_meetings.push_back(TRY(Summarize(v, m, bodies)));
    if (p.next_meetings.size() == 3) break;
  }
  // Due: a treatment step naming this body whose timing begins no later than the month
  // of the third coming meeting (or three months ahead), and not yet treated there.
  Date horizon = p.next_meetings.empty() ? Date::FromDays(today.ToDays() + 90) : p.next_meetings.back().meeting.date;
  int horizon_key = horizon.year * 12 + horizon.month - 1;
  std::set<ItemId> treated;
  for (const auto& m : TRY(store_.ListMeetings(code, Date{2000, 1, 1}, Date{2100, 12, 31})))
    for (const auto& item : TRY(store_.AgendaOf(m.id)))
      for (ItemId id : item.plan_items) treated.insert(id);
  for (const auto& vp : TRY(plans_.VisiblePlans(v))) {
    auto ctx = plans_.Context(vp.plan.id());
    if (!ctx.ok() && !Refused(ctx.error())) return ctx.error();
    if (!ctx.ok()) continue;
    auto may = plans_.Authorize(v, vp.plan.id(), Action::kRead, vp.published ? Resource::Kind::kVersion : Resource::Kind::kPlan);
    if (!may.ok() && !Refused(may.error())) return may.error();
    if (!may.ok()) continue;
    auto page = TRY(plans_.ListItems(vp.plan.id(), ItemFilter{}));
    for (const auto& item : page.items) {
      if (treated.count(item.id())) continue;
      auto may_item = plans_.AuthorizeItem(v, item, Action::kRead);
      if (!may_item.ok() && !Refused(may_item.error())) return may_item.error();
      if (!may_item.ok()) continue;
      if (item.data().state == ProgressState::kDone || item.data().state == ProgressState::kDropped) continue;
      for (const auto& step : item.data().treatment.steps) {
        int key = DueMonthKey(step.when);
        if (step.body != code || key < 0 || key > horizon_key) continue;
        PlanLink link;
        link.id = item.id();
        link.code = item.data().code ? item.data().code->text() : "";
        link.title = item.data().title;
        p.waiting.push_back(std::move(link));
        p.waiting_when.push_back(step.when.Display());
        break;
      }
    }
  }
  return p;
}

Result<std::vector<Treatment>> MeetingService::TreatmentsOf(const Viewer& v, ItemId item) {
  std::vector<Treatment> out;
  auto items = TRY(store_.AgendaItemsForPlanItem(item));
  if (items.empty()) return out;  // most items: one query on the item page, not two
  auto bodies = TRY(plans_.ListBodies());
  for (const auto& [a, m] : items) {
    if (Decide(v, Action::kRead, Resource::Meeting(K::kAgendaItem, m.body, a.closed, m.published())) != Decision::kAllow)
      continue;
    Treatment t{m.id, a.id, m.body, m.date, a.position, a.title, ""};
    for (const auto& b : bodies)
      if (b.code == m.body) t.body_name = b.name;
    if (m.approved() || Prepares(v, m.body)) t.decision = a.decision;
    out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const Treatment& a, const Treatment& b) { return a.date < b.date; });
  return out;
}

Result<int64_t> MeetingService::ContentStamp() {
  uint64_t h = static_cast<uint64_t>(TRY(store_.Revision()));
  for (const auto& p : TRY(plans_.ListPlans())) h = h * 1'000'003 + static_cast<uint64_t>(TRY(plans_.PlanRevision(p.id())));
  h = h * 1'000'003 + static_cast<uint64_t>(TRY(people_.ChangeStamp()));
  return static_cast<int64_t>(h);
}

// --- year wheel ----------------------------------------------------------------------

Result<RecurringTopic> MeetingService::AddTopic(const Viewer& v, const TopicDraft& d) {
  RETURN_IF_ERROR(MayPrepareDraft(v, d.body));
  std::vector<FieldError> errors;
  RecurringTopic t;
  t.body = text::Trim(d.body);
  auto body = FindBody(t.body);
  if (!body.ok() && body.error().code != ErrorCode::kNotFound) return body.error();
  if (!body.ok()) errors.push_back({"organ", "Vælg et organ, der findes."});
  t.title = text::IsValidUtf8(d.title) ? text::Trim(text::CleanSingleLine(d.title)) : "";
  if (t.title.empty() || text::CodePointCount(t.title) > 200) errors.push_back({"titel", "Skriv emnets titel (højst 200 tegn)."});
  auto months = ParseMonths(d.months);
  if (!months.ok()) errors.push_back({"maaneder", months.error().message});
  else t.months = *months;
  auto number = CaseNumber::Parse(d.case_number);
  if (!number.ok()) errors.push_back({"sag", number.error().message});
  else {
    auto c = store_.FindCase(number->text);
    if (!c.ok() && c.error().code != ErrorCode::kNotFound) return c.error();
    if (!c.ok()) errors.push_back({"sag", "Sag " + number->text + " findes ikke. Opret sagen først."});
    else t.case_id = c->id;
  }
  if (!errors.empty()) return FieldErrors(std::move(errors));
  RETURN_IF_ERROR(MayPrepare(v, t.body));
  return store_.AddTopic(t);
}

Result<RecurringTopic> MeetingService::RemoveTopic(const Viewer& v, int64_t id) {
  for (const auto& t : TRY(store_.Topics(""))) {
    if (t.id != id) continue;
    RETURN_IF_ERROR(MayPrepare(v, t.body));
    RETURN_IF_ERROR(store_.RemoveTopic(id));
    return t;
  }
  return NotFound("Emnet findes ikke.");
}

Result<Workplan> MeetingService::BodyWorkplan(const Viewer& v, const std::string& code, int year) {
  Workplan w;
  w.body = TRY(FindBody(code));
  w.year = year;
  w.topics = TRY(store_.Topics(code));
  auto bodies = TRY(plans_.ListBodies());
  for (const auto& m : TRY(store_.ListMeetings(code, Date{year, 1, 1}, Date{year, 12, 31}))) {
    auto s = TRY(Summarize(v, m, bodies));
    for (const auto& t : w.topics)
      if (std::find(t.months.begin(), t.months.end(), m.date.month) != t.months.end()) s.planned.push_back(t.title);
    w.meetings.push_back(std::move(s));
  }
  return w;
}

Result<int> MeetingService::ApplyTopics(const Viewer& v, int64_t meeting) {
  auto m = store_.GetMeeting(meeting);
  if (!m.ok()) return NotFoundAs(m.error(), "Mødet findes ikke.");
  RETURN_IF_ERROR(MayPrepare(v, m->body));
  if (m->published()) return Conflict("Dagsordenen er offentliggjort; årshjulets punkter sættes på før offentliggørelsen.");
  std::set<int64_t> present;
  for (const auto& item : TRY(store_.AgendaOf(meeting))) present.insert(item.case_id);
  int added = 0;
  for (const auto& t : TRY(store_.Topics(m->body))) {
    if (std::find(t.months.begin(), t.months.end(), m->date.month) == t.months.end() || present.count(t.case_id)) continue;
    auto c = TRY(store_.GetCase(t.case_id));
    AgendaItem item;
    item.meeting_id = meeting;
    item.case_id = c.id;
    item.title = t.title;
    item.closed = c.closed;
    TRY(store_.AddAgendaItem(item));
    present.insert(c.id);
    ++added;
  }
  return added;
}

}  // namespace bs
