// Agenda items (issue 6): the item form, moving and removing an item, the decision and
// sending a case on along its route.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/handlers/meeting_common.h"
#include "web/routes.h"
#include "web/views/meeting_views.h"

namespace bs::web {
namespace {
using namespace meeting_common;

// --- agenda items ----------------------------------------------------------------------

AgendaItemDraft DraftFromItem(const AgendaItem& item) {
  AgendaItemDraft d;
  d.title = item.title;
  d.sections = item.sections;
  d.slot_start = item.slot_start >= 0 ? FormatClock(item.slot_start) : "";
  d.slot_end = item.slot_end >= 0 ? FormatClock(item.slot_end) : "";
  d.participants = item.participants;
  d.plan_items = item.plan_items;
  d.closed = item.closed;
  return d;
}

std::string ItemLabel(const PlanItem& item) {
  return (item.data().code ? item.data().code->text() + " " : std::string()) + item.data().title;
}

// The live plan items matching `term` (code or words of the title) in the plans the
// viewer reads, at most 20, leaving out those already chosen.
std::vector<std::pair<ItemId, std::string>> FindPlanItems(Services s, const Request& r, const std::string& term,
                                                          const std::vector<ItemId>& chosen) {
  std::vector<std::pair<ItemId, std::string>> out;
  auto plans = s.plans.VisiblePlans(r.viewer);
  if (!plans.ok()) return out;
  for (const auto& vp : *plans) {
    auto plan = s.plans.ReadPlan(r.viewer, vp.plan.id());
    if (!plan.ok()) continue;
    ItemFilter f;
    f.query = term;
    f.limit = 20;
    auto page = s.plans.ListItems(r.viewer, *plan, f);
    if (!page.ok()) continue;
    for (const auto& item : page->items) {
      if (std::find(chosen.begin(), chosen.end(), item.id()) != chosen.end() || out.size() >= 20) continue;
      out.emplace_back(item.id(), ItemLabel(item) + (plans->size() > 1 ? " (" + vp.plan.name() + ")" : ""));
    }
  }
  return out;
}

std::string PlanIdsText(const std::vector<ItemId>& ids) {
  std::string s;
  for (ItemId id : ids) s += (s.empty() ? "" : ", ") + std::to_string(id);
  return s;
}

Response RenderItemForm(Services s, const Request& r, int64_t id, views::AgendaItemFormModel m, bool fresh, int status) {
  auto e = s.meetings.AgendaItemFor(r.viewer, id);
  if (!e.ok()) return Denied(r, e.error());
  auto view = s.meetings.GetMeeting(r.viewer, e->meeting.id);
  if (!view.ok()) return Denied(r, view.error());
  // Only those who prepare the meeting get the form (and its plan item search): before,
  // anyone who could read the item got it and was refused only on saving (issue 15, #9).
  if (!view->may_prepare)
    return Denied(r, PermissionDenied(r.viewer.anonymous() ? "Log ind som sekretær for organet for at redigere punktet."
                                                           : "Kun organets sekretærer og administratorer kan redigere punktet."));
  m.view = std::move(*view);
  for (const auto& entry : m.view.agenda)
    if (entry.item.id == id) m.entry = entry;
  if (fresh) {
    m.draft = DraftFromItem(m.entry.item);
    m.plan_items = PlanIdsText(m.entry.item.plan_items);
  }
  // The linked plan items by code and title, as this viewer may read them.
  for (ItemId pid : m.draft.plan_items) {
    auto read = s.plans.ReadItem(r.viewer, pid);
    m.chosen.emplace_back(pid, read.ok() ? ItemLabel(read->item) : "Planpunkt " + std::to_string(pid));
  }
  return Response::Html(status, views::AgendaItemForm(m));
}

Response EditItem(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Dagsordenspunktet findes ikke."));
  return RenderItemForm(s, r, id, {}, true, 200);
}

Response UpdateItem(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Dagsordenspunktet findes ikke."));
  FormData f = TRY_PAGE(ReadForm(r));
  views::AgendaItemFormModel m;
  m.draft.title = f.Get("titel");
  for (const auto& field : SectionFields()) m.draft.sections.*field.member = f.Get(field.slug);
  m.draft.slot_start = f.Get("tid_fra");
  m.draft.slot_end = f.Get("tid_til");
  m.draft.participants = f.Get("deltagere");
  m.draft.closed = f.Get("lukket") == "1";
  m.plan_items = f.Get("planpunkter");
  m.reason = f.Get("begrundelse");
  // The ticked boxes (planpunkt=12&planpunkt=14) and the older text field, together.
  std::string ids = m.plan_items;
  for (const auto& [key, value] : f.all())
    if (key == "planpunkt" && !value.empty()) ids += (ids.empty() ? "" : ",") + value;
  m.draft.plan_items_text = ids;  // read and checked with the other fields
  if (f.Get("handling") == "soeg") {
    // «Søg»: nothing is saved; the form comes back with its input and what was found.
    m.draft.plan_items = ReadItemIds(ids);
    m.search = text::Trim(f.Get("soeg_plan"));
    m.searched = !m.search.empty();
    if (m.searched) m.found = FindPlanItems(s, r, m.search, m.draft.plan_items);
    return RenderItemForm(s, r, id, m, false, 200);
  }
  auto updated = s.meetings.UpdateAgendaItem(r.viewer, id, m.draft, m.reason);
  if (updated.ok())
    return Response::Redirect("/moeder/" + std::to_string(updated->meeting_id) + "?gemt=1#punkt-" + std::to_string(updated->position));
  if (updated.error().fields.empty()) return Denied(r, updated.error());
  m.errors = updated.error().fields;
  m.draft.plan_items = ReadItemIds(ids);
  return RenderItemForm(s, r, id, m, false, HttpStatus(updated.error().code));
}

Response MoveItem(Services s, const Request& r, const Params& p, int delta) {
  auto [id, meeting, refusal] = TargetItem(s, r, p);
  if (refusal) return *refusal;
  return AfterMeetingChange(s, r, meeting, s.meetings.MoveAgendaItem(r.viewer, id, delta), "#p" + std::to_string(id));
}
Response MoveUp(Services s, const Request& r, const Params& p) { return MoveItem(s, r, p, -1); }
Response MoveDown(Services s, const Request& r, const Params& p) { return MoveItem(s, r, p, +1); }


Response ConfirmRemove(Services s, const Request& r, const Params& p) {
  auto [id, meeting, refusal] = TargetItem(s, r, p);
  if (refusal) return *refusal;
  auto view = PreparerView(s, r, meeting);
  if (!view.ok()) return Denied(r, view.error());
  for (const auto& entry : view->agenda)
    if (entry.item.id == id) return Response::Html(200, views::ConfirmRemovePage(*view, entry));
  return HtmlError(404, "Dagsordenspunktet findes ikke.");
}

Response RemoveItem(Services s, const Request& r, const Params& p) {
  auto [id, meeting, refusal] = TargetItem(s, r, p);
  if (refusal) return *refusal;
  return AfterMeetingChange(s, r, meeting, s.meetings.RemoveAgendaItem(r.viewer, id), "");
}

Response Decide_(Services s, const Request& r, const Params& p) {
  auto [id, meeting, refusal] = TargetItem(s, r, p);
  if (refusal) return *refusal;
  FormData f = TRY_PAGE(ReadForm(r));
  // A preset fills the decision unless free text was written.
  std::string decision = text::Trim(f.Get("beslutning")).empty() ? f.Get("standard") : f.Get("beslutning");
  // Who did not take part (issue 14): "i<user id>" = "ude" or "inhabil"; "" took part.
  std::optional<std::vector<ItemAbsence>> absences;
  if (f.Has("deltagelse")) {
    absences.emplace();
    for (const auto& [key, value] : f.all()) {
      if (key.size() < 2 || key[0] != 'i') continue;
      std::map<std::string, std::string> one{{"id", key.substr(1)}};
      int64_t uid;
      if (!ParseId(one, "id", &uid) || (value != "" && value != "ude" && value != "inhabil"))
        return HtmlError(400, "Deltagelsen i punktet kunne ikke læses.");
      if (!value.empty()) absences->push_back({uid, value == "inhabil"});
      if (absences->size() > 500) return HtmlError(400, "Deltagelsen i punktet kunne ikke læses.");
    }
  }
  auto decided = s.meetings.RecordDecision(r.viewer, id, decision, f.Get("protokol"), f.Get("begrundelse"), absences);
  views::MeetingPageModel m;
  m.error_heading = "Beslutningen er ikke gemt:";
  if (decided.ok()) return AfterMeetingChange(s, r, meeting, OkStatus(), "#punkt-" + std::to_string(decided->position));
  return AfterMeetingChange(s, r, meeting, decided.error(), "", m);
}

Response SendOn(Services s, const Request& r, const Params& p) {
  auto [id, meeting, refusal] = TargetItem(s, r, p);
  if (refusal) return *refusal;
  auto sent = s.meetings.SendOn(r.viewer, id);
  if (sent.ok()) return Response::Redirect("/moeder/" + std::to_string(sent->meeting_id) + "?gemt=1#punkt-" + std::to_string(sent->position));
  views::MeetingPageModel m;
  m.error_heading = "Sagen er ikke sendt videre:";
  return AfterMeetingChange(s, r, meeting, sent.error(), "", m);
}

}  // namespace

void AddAgendaItemPages(Router& router, Services s) {
  router.Add("GET", "/punkter/{id}/rediger", Bind(s, EditItem));
  router.Add("POST", "/punkter/{id}", Bind(s, UpdateItem));
  router.Add("POST", "/punkter/{id}/op", Bind(s, MoveUp));
  router.Add("POST", "/punkter/{id}/ned", Bind(s, MoveDown));
  router.Add("GET", "/punkter/{id}/fjern", Bind(s, ConfirmRemove));
  router.Add("POST", "/punkter/{id}/fjern", Bind(s, RemoveItem));
  router.Add("POST", "/punkter/{id}/beslutning", Bind(s, Decide_));
  router.Add("POST", "/punkter/{id}/send-videre", Bind(s, SendOn));
}

}  // namespace bs::web
