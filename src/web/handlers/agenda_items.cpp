// Agenda items (issue 6): the item form, moving and removing an item, the decision and
// sending a case on along its route.
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
  m.view = std::move(*view);
  for (const auto& entry : m.view.agenda)
    if (entry.item.id == id) m.entry = entry;
  if (fresh) {
    m.draft = DraftFromItem(m.entry.item);
    m.plan_items = PlanIdsText(m.entry.item.plan_items);
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
  m.draft.plan_items_text = m.plan_items;  // read and checked with the other fields
  auto updated = s.meetings.UpdateAgendaItem(r.viewer, id, m.draft, m.reason);
  if (updated.ok())
    return Response::Redirect("/moeder/" + std::to_string(updated->meeting_id) + "?gemt=1#punkt-" + std::to_string(updated->position));
  if (updated.error().fields.empty()) return Denied(r, updated.error());
  m.errors = updated.error().fields;
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
  auto decided = s.meetings.RecordDecision(r.viewer, id, decision, f.Get("protokol"), f.Get("begrundelse"));
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
