// MeetingService (issue 14): the meeting archive (every meeting by year and body, so
// past meetings and their minutes are found) and a case's own page (every agenda item
// the case was on, with each body's decision). Both are built from what the meeting
// pages show the same viewer, so they cannot show more than those pages do.
#include <algorithm>
#include <map>
#include <set>

#include "app/meeting_service.h"

namespace bs {

Result<MeetingArchive> MeetingService::Archive(const Viewer& v, const std::string& body, int year) {
  if (!body.empty()) TRY(FindBody(body));
  auto bodies = TRY(plans_.ListBodies());
  MeetingArchive a;
  a.body = body;
  a.year = year;
  std::map<int, int, std::greater<int>> counts;
  for (const auto& m : TRY(store_.ListMeetings(body, Date{1900, 1, 1}, Date{9999, 12, 31}))) {
    ++counts[m.date.year];
    if (m.date.year == year) a.meetings.push_back(TRY(Summarize(v, m, bodies, false)));
  }
  for (const auto& [y, n] : counts) a.years.push_back({y, n});
  return a;
}

Result<CaseView> MeetingService::CaseHistory(const Viewer& v, const std::string& number) {
  auto parsed = CaseNumber::Parse(number);
  if (!parsed.ok()) return parsed.error();
  // One answer for "no such case" and "none of it is yours to see".
  const Error none = NotFound("Sagen " + parsed->text + " findes ikke, eller du har ikke adgang til den.");
  auto found = store_.FindCase(parsed->text);
  if (!found.ok()) {
    if (found.error().code == ErrorCode::kNotFound) return none;
    return found.error();
  }
  CaseView out;
  out.c = *found;
  bool prepares = v.Has(Role::kAdministrator);
  for (const auto& b : out.c.route) prepares = prepares || Prepares(v, b);
  for (const auto& item : TRY(store_.AgendaItemsOfCase(out.c.id))) {
    auto view = TRY(GetMeeting(v, item.meeting_id));
    if (!view.agenda_visible) continue;
    for (auto& e : view.agenda) {
      if (e.item.id != item.id) continue;
      prepares = prepares || view.may_prepare;
      out.details = out.details || e.content;
      out.appearances.push_back({view.meeting, view.body_name, std::move(e)});
    }
  }
  if (out.appearances.empty() && !prepares) return none;
  out.details = out.details || prepares;
  std::sort(out.appearances.begin(), out.appearances.end(), [](const CaseAppearance& a, const CaseAppearance& b) {
    if (a.meeting.date != b.meeting.date) return a.meeting.date < b.meeting.date;
    return a.meeting.start_minute < b.meeting.start_minute;
  });
  if (!out.details) {
    // A closed case seen only as the public agenda shows it: its number and the agenda
    // item's title, nothing of the case itself.
    out.title = out.appearances.front().entry.item.title;
    out.c = Case{out.c.id, out.c.number, "", "", "", out.c.closed, {}};
    return out;
  }
  out.title = out.c.title;
  for (const auto& a : out.appearances)
    if (!a.entry.kle_title.empty()) out.kle_title = a.entry.kle_title;
  if (out.kle_title.empty() && !out.c.kle.empty()) {
    auto titles = TRY(KleTitles({out.c}));
    if (auto t = titles.find(out.c.kle); t != titles.end()) out.kle_title = t->second;
  }
  // Each plan item once, as the latest meeting saw it.
  std::map<ItemId, size_t> seen;
  for (const auto& a : out.appearances)
    for (const auto& p : a.entry.plan_items) {
      if (auto it = seen.find(p.id); it != seen.end()) out.plan_items[it->second] = p;
      else {
        seen[p.id] = out.plan_items.size();
        out.plan_items.push_back(p);
      }
    }
  return out;
}

}  // namespace bs
