// Meetings, cases, agendas, decisions, minutes, attachments, the iCalendar feed and the
// overviews (issue 6). MeetingService asks the access rule; these handlers read forms,
// call it and render. Refusals go through Denied() (403 or 404 as docs/access.md says).
#include <set>

#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/multipart.h"
#include "web/routes.h"
#include "web/views/meeting_views.h"

namespace bs::web {
namespace {


std::string QueryValue(const Request& r, const std::string& key) {
  FormData q;
  if (!FormData::Parse(r.query, &q)) return "";
  return q.Get(key);
}

bool PublicEdition(const Request& r) { return QueryValue(r, "udgave") == "offentlig"; }

// The body code from the URL (percent-encoded: "%C3%98K").
bool BodyParam(const Params& p, std::string* code) {
  auto it = p.find("code");
  if (it == p.end()) return false;
  return PercentDecode(it->second, false, code) && !code->empty() && code->size() <= 60;
}

// The viewer as the public sees the site (the "public edition" of a meeting).
Viewer Public() { return Viewer::Anonymous(); }

Response RenderMeeting(Services s, const Request& r, int64_t id, views::MeetingPageModel m, int status) {
  bool public_edition = PublicEdition(r);
  auto view = s.meetings.GetMeeting(public_edition ? Public() : r.viewer, id);
  if (!view.ok()) return Denied(r, view.error());
  m.view = std::move(*view);
  m.public_edition = public_edition;
  if (!public_edition && m.view.may_prepare) {
    auto cases = s.meetings.ListCases(r.viewer);
    if (cases.ok()) m.cases = std::move(*cases);
    // Published versions a report attachment can be made from (issue 11).
    auto plans = s.plans.VisiblePlans(r.viewer);
    if (plans.ok())
      for (const auto& p : *plans) {
        if (!p.published) continue;
        auto versions = s.plans.ListVersions(p.plan.id());
        auto ctx = s.plans.Context(p.plan.id());
        if (versions.ok() && ctx.ok()) m.report_sources.push_back({p.plan.id(), p.plan.name(), *versions, ctx->committees});
      }
  }
  // A preparer looking at the public edition keeps the way back to their own.
  if (public_edition) m.view.may_prepare = s.meetings.Prepares(r.viewer, m.view.meeting.body);
  return Response::Html(status, views::MeetingPage(m));
}

// After a change on a meeting page: back to it (and to the item), or the page with the
// errors shown and the status of the error.
Response AfterMeetingChange(Services s, const Request& r, int64_t meeting, const Status& st, const std::string& anchor,
                            views::MeetingPageModel m = {}) {
  if (st.ok()) return Response::Redirect("/moeder/" + std::to_string(meeting) + "?gemt=1" + anchor);
  if (st.error().code == ErrorCode::kPermissionDenied || st.error().code == ErrorCode::kNotFound) return Denied(r, st.error());
  m.errors = st.error().fields;
  if (m.errors.empty()) m.errors.push_back({"", st.error().message});
  return RenderMeeting(s, r, meeting, m, HttpStatus(st.error().code));
}

// The agenda item named in the URL and its meeting, through the service so that an item
// the viewer may not know of is "not found"; on failure the response to send.
struct ItemTarget {
  int64_t id = 0;
  int64_t meeting = 0;
  std::optional<Response> refusal;
};
ItemTarget TargetItem(Services s, const Request& r, const Params& p) {
  ItemTarget t;
  auto id = PathId(p, "id", "Dagsordenspunktet findes ikke.");
  if (!id.ok()) {
    t.refusal = HtmlError(id.error());
    return t;
  }
  t.id = *id;
  auto e = s.meetings.AgendaItemFor(r.viewer, t.id);
  if (!e.ok()) t.refusal = Denied(r, e.error());
  else t.meeting = e->meeting.id;
  return t;
}

// --- lists ---------------------------------------------------------------------------

Response ListMeetings(Services s, const Request& r, views::MeetingsPageModel m, int status) {
  if (m.body.empty()) m.body = QueryValue(r, "organ");
  Date today = s.meetings.Today();
  Date from = Date::FromDays(today.ToDays() - 120), to = Date::FromDays(today.ToDays() + 365);
  auto meetings = s.meetings.BodyMeetings(r.viewer, m.body, from, to);
  if (!meetings.ok()) return Denied(r, meetings.error());
  m.meetings = std::move(*meetings);
  auto bodies = s.meetings.Bodies();
  if (!bodies.ok()) return HtmlError(bodies.error());
  m.bodies = *bodies;
  m.title = "Møder";
  for (const auto& b : m.bodies) {
    if (b.code == m.body) m.title = b.name + ": møder";
    if (s.meetings.Prepares(r.viewer, b.code))
      m.preparable.push_back(b);
  }
  return Response::Html(status, views::MeetingsPage(m));
}

Response ShowMeetings(Services s, const Request& r, const Params&) {
  views::MeetingsPageModel m;
  return ListMeetings(s, r, m, 200);
}

Response CreateMeeting(Services s, const Request& r, const Params&) {
  FormData f = TRY_PAGE(ReadForm(r));
  MeetingDraft d{f.Get("body"), f.Get("date"), f.Get("start"), f.Get("end"), f.Get("place"), f.Get("kind"), false};
  auto created = s.meetings.CreateMeeting(r.viewer, d);
  if (created.ok()) return Response::Redirect("/moeder/" + std::to_string(created->id) + "?oprettet=1");
  if (created.error().fields.empty()) return Denied(r, created.error());
  views::MeetingsPageModel m;
  m.draft = d;
  m.errors = created.error().fields;
  return ListMeetings(s, r, m, HttpStatus(created.error().code));
}

Response ShowMeeting(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  views::MeetingPageModel m;
  if (r.query.find("gemt=1") != std::string::npos) m.notice = "Gemt.";
  if (r.query.find("oprettet=1") != std::string::npos) m.notice = "Mødet er oprettet. Sæt sager på dagsordenen nedenfor.";
  return CachedByStamp(s, s.meetings.ContentStamp(), r, [&] { return RenderMeeting(s, r, id, m, 200); });
}

Response UpdateMeeting(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  FormData f = TRY_PAGE(ReadForm(r));
  MeetingDraft d{"", f.Get("date"), f.Get("start"), f.Get("end"), f.Get("place"), f.Get("kind"), f.Get("cancelled") == "1"};
  auto updated = s.meetings.UpdateMeeting(r.viewer, id, d, f.Get("pauser"), f.Get("begrundelse"));
  return AfterMeetingChange(s, r, id, updated.ok() ? OkStatus() : Status(updated.error()), "");
}

using MeetingAction = Status (MeetingService::*)(const Viewer&, int64_t);

Response OnMeeting(Services s, const Request& r, const Params& p, MeetingAction action, const char* notice) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  auto st = (s.meetings.*action)(r.viewer, id);
  if (st.ok()) return Response::Redirect("/moeder/" + std::to_string(id) + "?gemt=1");
  views::MeetingPageModel m;
  m.error_heading = notice;
  return AfterMeetingChange(s, r, id, st, "", m);
}

Response Publish(Services s, const Request& r, const Params& p) {
  return OnMeeting(s, r, p, &MeetingService::PublishAgenda, "Dagsordenen er ikke offentliggjort:");
}
Response Approve(Services s, const Request& r, const Params& p) {
  return OnMeeting(s, r, p, &MeetingService::ApproveMinutes, "Protokollen er ikke godkendt:");
}

Response ApplyTopics(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  auto added = s.meetings.ApplyTopics(r.viewer, id);
  return AfterMeetingChange(s, r, id, added.ok() ? OkStatus() : Status(added.error()), "");
}

Response Attendance(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  FormData f = TRY_PAGE(ReadForm(r));
  std::set<int64_t> absent, apologies;
  for (const auto& [key, value] : f.all()) {
    if (key.size() < 2 || key[0] != 'p') continue;
    std::map<std::string, std::string> one{{"id", key.substr(1)}};
    int64_t uid;
    if (!ParseId(one, "id", &uid)) return HtmlError(400, "Fremmødet kunne ikke læses.");
    if (value == "fravaer") absent.insert(uid);
    else if (value == "afbud") apologies.insert(uid);
    else if (!value.empty()) return HtmlError(400, "Fremmødet kunne ikke læses.");
  }
  return AfterMeetingChange(s, r, id, s.meetings.RecordAttendance(r.viewer, id, absent, apologies), "");
}

Response AddToAgenda(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  FormData f = TRY_PAGE(ReadForm(r));
  auto added = s.meetings.AddToAgenda(r.viewer, id, f.Get("sag"), f.Get("begrundelse"));
  views::MeetingPageModel m;
  m.add_case = f.Get("sag");
  m.error_heading = "Sagen er ikke sat på:";
  if (added.ok()) return Response::Redirect("/moeder/" + std::to_string(id) + "?gemt=1#punkt-" + std::to_string(added->position));
  return AfterMeetingChange(s, r, id, added.error(), "", m);
}

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
  for (const auto& part : text::SplitTrimmed(m.plan_items, ',')) {
    if (part.empty()) continue;
    std::map<std::string, std::string> one{{"id", part}};
    int64_t pid;
    if (!ParseId(one, "id", &pid)) {
      m.errors.push_back({"planpunkter", "Planpunkter skrives som tal adskilt af komma, fx 12, 14."});
      return RenderItemForm(s, r, id, m, false, 400);
    }
    m.draft.plan_items.push_back(pid);
  }
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

// The meeting as its preparer sees it, for the confirmation pages; PermissionDenied for
// anyone who may not change it.
Result<MeetingView> PreparerView(Services s, const Request& r, int64_t meeting) {
  auto view = TRY(s.meetings.GetMeeting(r.viewer, meeting));
  if (!view.may_prepare) return PermissionDenied("Kun organets sekretærer og administratorer kan ændre mødet.");
  return view;
}

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

// --- attachments -----------------------------------------------------------------------

Response Upload(Services s, const Request& r, const Params& p) {
  auto [id, meeting, refusal] = TargetItem(s, r, p);
  if (refusal) return *refusal;
  auto form = Multipart::Parse(r.Header("content-type"), r.body);
  if (!form) return HtmlError(400, "Bilaget kunne ikke læses: formularen skal sendes som multipart/form-data.");
  const Part* file = form->Find("fil");
  views::MeetingPageModel m;
  m.error_heading = "Bilaget er ikke gemt:";
  if (!file || !file->is_file) return AfterMeetingChange(s, r, meeting, FieldErrors({{"fil", "Vælg en fil."}}), "", m);
  auto added = s.meetings.AddAttachment(r.viewer, id, form->Get("titel"), form->Get("lukket") == "1", form->Get("dokumentnummer"),
                                        file->filename, file->content_type, file->data);
  return AfterMeetingChange(s, r, meeting, added.ok() ? OkStatus() : Status(added.error()), "#p" + std::to_string(id), m);
}


Response Download(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Bilaget findes ikke."));
  auto file = s.meetings.OpenAttachment(r.viewer, id);
  if (!file.ok()) return Denied(r, file.error());
  Response res;
  res.status = 200;
  res.content_type = file->meta.content_type;
  res.body = std::move(file->bytes);
  res.headers.emplace_back("Content-Disposition", ContentDisposition(file->meta.filename));
  // Closed attachments must not sit in shared caches; open ones may be cached privately.
  res.headers.emplace_back("Cache-Control", file->meta.closed ? "private, no-store" : "private, max-age=300");
  return res;
}

Response ConfirmRemoveAttachment(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Bilaget findes ikke."));
  auto a = s.meetings.AttachmentFor(r.viewer, id);
  if (!a.ok()) return Denied(r, a.error());
  auto view = PreparerView(s, r, a->meeting.id);
  if (!view.ok()) return Denied(r, view.error());
  for (const auto& entry : view->agenda)
    for (const auto& attachment : entry.attachments)
      if (attachment.id == id) return Response::Html(200, views::ConfirmRemoveAttachmentPage(*view, entry, attachment));
  return HtmlError(404, "Bilaget findes ikke.");
}

Response RemoveAttachment(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Bilaget findes ikke."));
  auto a = s.meetings.AttachmentFor(r.viewer, id);
  if (!a.ok()) return Denied(r, a.error());
  return AfterMeetingChange(s, r, a->meeting.id, s.meetings.RemoveAttachment(r.viewer, id), "");
}

// --- cases -------------------------------------------------------------------------------

Response RenderCases(Services s, const Request& r, views::CasesPageModel m, int status) {
  if (r.viewer.anonymous()) return Denied(r, PermissionDenied("Log ind som sekretær for at se og oprette sager."));
  auto cases = s.meetings.ListCases(r.viewer);
  if (!cases.ok()) return Denied(r, cases.error());
  m.cases = std::move(*cases);
  return Response::Html(status, views::CasesPage(m));
}

Response ShowCases(Services s, const Request& r, const Params&) {
  views::CasesPageModel m;
  if (r.query.find("oprettet=") != std::string::npos) m.notice = "Sagen er oprettet.";
  return RenderCases(s, r, m, 200);
}

Response CreateCase(Services s, const Request& r, const Params&) {
  FormData f = TRY_PAGE(ReadForm(r));
  views::CasesPageModel m;
  m.draft = {f.Get("number"), f.Get("kle"), f.Get("title"), f.Get("officer"), f.Get("route"), f.Get("closed") == "1"};
  auto created = s.meetings.CreateCase(r.viewer, m.draft);
  if (created.ok()) return Response::Redirect("/sager?oprettet=" + PercentEncode(created->number.text));
  if (created.error().fields.empty()) return Denied(r, created.error());
  m.errors = created.error().fields;
  return RenderCases(s, r, m, HttpStatus(created.error().code));
}

// --- overviews, iCalendar, PDF -------------------------------------------------------------

Response ShowOverview(Services s, const Request& r, const Params&) {
  Date from = s.meetings.Today();
  std::string fra = QueryValue(r, "fra");
  if (!fra.empty()) {
    auto d = Date::Parse(fra);
    if (!d.ok()) return HtmlError(400, "Datoen i «fra» skal skrives som 02-06-2025.");
    from = *d;
  }
  auto o = s.meetings.RollingOverview(r.viewer, from, 21);
  if (!o.ok()) return Denied(r, o.error());
  return Response::Html(200, views::OverviewPage(*o));
}

Response ShowPortfolio(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  auto portfolio = s.meetings.BodyPortfolio(r.viewer, code);
  if (!portfolio.ok()) return Denied(r, portfolio.error());
  return Response::Html(200, views::PortfolioPage(*portfolio));
}

Response RenderWorkplan(Services s, const Request& r, const std::string& code, views::WorkplanPageModel m, int status) {
  int year = s.meetings.Today().year;
  std::string aar = QueryValue(r, "aar");
  if (!aar.empty()) {
    if (aar.size() != 4 || aar.find_first_not_of("0123456789") != std::string::npos) return HtmlError(400, "Året skrives med fire cifre, fx 2025.");
    year = std::stoi(aar);
  }
  auto plan = s.meetings.BodyWorkplan(r.viewer, code, year);
  if (!plan.ok()) return Denied(r, plan.error());
  m.plan = std::move(*plan);
  m.may_prepare = s.meetings.Prepares(r.viewer, code);
  return Response::Html(status, views::WorkplanPage(m));
}

Response ShowWorkplan(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  views::WorkplanPageModel m;
  if (r.query.find("gemt=1") != std::string::npos) m.notice = "Gemt.";
  return RenderWorkplan(s, r, code, m, 200);
}

Response AddTopic(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  FormData f = TRY_PAGE(ReadForm(r));
  views::WorkplanPageModel m;
  m.draft = {code, f.Get("titel"), f.Get("maaneder"), f.Get("sag")};
  auto added = s.meetings.AddTopic(r.viewer, m.draft);
  if (added.ok()) return Response::Redirect("/organer/" + PercentEncode(code) + "/arbejdsplan?gemt=1");
  if (added.error().fields.empty()) return Denied(r, added.error());
  m.errors = added.error().fields;
  return RenderWorkplan(s, r, code, m, HttpStatus(added.error().code));
}

Response RemoveTopic(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Emnet findes ikke."));
  auto st = s.meetings.RemoveTopic(r.viewer, id);
  if (!st.ok()) return Denied(r, st.error());
  std::string back = r.Header("referer");
  return Response::Redirect(back.find("/arbejdsplan") != std::string::npos ? back.substr(back.find("/organer/")) : "/moeder");
}

Response Calendar(Services s, const Request& r, const Params& p) {
  std::string code;
  if (!BodyParam(p, &code)) return HtmlError(404, "Organet findes ikke.");
  Date today = s.meetings.Today();
  auto list = s.meetings.BodyMeetings(r.viewer, code, Date::FromDays(today.ToDays() - 366), Date::FromDays(today.ToDays() + 731));
  if (!list.ok()) return Denied(r, list.error());
  Response res;
  res.content_type = "text/calendar; charset=utf-8";
  std::string host = r.Header("host").empty() ? "budgetspor" : r.Header("host");
  res.body = s.exports.Calendar(*list, host);
  return res;
}

Response Pdf(Services s, const Request& r, const Params& p, MeetingDocument kind) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  auto view = s.meetings.GetMeeting(PublicEdition(r) ? Public() : r.viewer, id);
  if (!view.ok()) return Denied(r, view.error());
  if (!view->agenda_visible) return HtmlError(404, "Dagsordenen er ikke offentliggjort endnu.");
  if (kind == MeetingDocument::kMinutes && !view->meeting.approved() && !view->may_prepare)
    return HtmlError(404, "Beslutningsprotokollen er ikke godkendt endnu.");
  auto bytes = s.exports.Pdf(*view, kind);
  if (!bytes.ok()) return HtmlError(bytes.error());
  Response res;
  res.content_type = "application/pdf";
  res.body = std::move(*bytes);
  std::string name = std::string(kind == MeetingDocument::kAgenda ? "dagsorden" : "protokol") + "-" + view->meeting.body + "-" +
                     view->meeting.date.Iso() + (view->members_edition ? "-medlemsudgave" : "") + ".pdf";
  res.headers.emplace_back("Content-Disposition", ContentDisposition(name, true));
  return res;
}
Response AgendaPdf(Services s, const Request& r, const Params& p) {
  return CachedByStamp(s, s.meetings.ContentStamp(), r, [&] { return Pdf(s, r, p, MeetingDocument::kAgenda); });
}
Response MinutesPdf(Services s, const Request& r, const Params& p) {
  return CachedByStamp(s, s.meetings.ContentStamp(), r, [&] { return Pdf(s, r, p, MeetingDocument::kMinutes); });
}

}  // namespace

void AddMeetingPages(Router& router, Services s) {
  router.Add("GET", "/moeder", Bind(s, ShowMeetings));
  router.Add("POST", "/moeder", Bind(s, CreateMeeting));
  router.Add("GET", "/moeder/{id}", Bind(s, ShowMeeting));
  router.Add("POST", "/moeder/{id}", Bind(s, UpdateMeeting));
  router.Add("GET", "/moeder/{id}/dagsorden.pdf", Bind(s, AgendaPdf));
  router.Add("GET", "/moeder/{id}/protokol.pdf", Bind(s, MinutesPdf));
  router.Add("POST", "/moeder/{id}/punkter", Bind(s, AddToAgenda));
  router.Add("POST", "/moeder/{id}/offentliggoer", Bind(s, Publish));
  router.Add("POST", "/moeder/{id}/godkend", Bind(s, Approve));
  router.Add("POST", "/moeder/{id}/fremmoede", Bind(s, Attendance));
  router.Add("POST", "/moeder/{id}/aarshjul", Bind(s, ApplyTopics));
  router.Add("GET", "/punkter/{id}/rediger", Bind(s, EditItem));
  router.Add("POST", "/punkter/{id}", Bind(s, UpdateItem));
  router.Add("POST", "/punkter/{id}/op", Bind(s, MoveUp));
  router.Add("POST", "/punkter/{id}/ned", Bind(s, MoveDown));
  router.Add("GET", "/punkter/{id}/fjern", Bind(s, ConfirmRemove));
  router.Add("POST", "/punkter/{id}/fjern", Bind(s, RemoveItem));
  router.Add("POST", "/punkter/{id}/beslutning", Bind(s, Decide_));
  router.Add("POST", "/punkter/{id}/send-videre", Bind(s, SendOn));
  router.Add("POST", "/punkter/{id}/bilag", Bind(s, Upload));
  router.Add("GET", "/bilag/{id}", Bind(s, Download));
  router.Add("GET", "/bilag/{id}/fjern", Bind(s, ConfirmRemoveAttachment));
  router.Add("POST", "/bilag/{id}/fjern", Bind(s, RemoveAttachment));
  router.Add("GET", "/sager", Bind(s, ShowCases));
  router.Add("POST", "/sager", Bind(s, CreateCase));
  router.Add("GET", "/overblik", Bind(s, ShowOverview));
  router.Add("GET", "/organer/{code}/portefoelje", Bind(s, ShowPortfolio));
  router.Add("GET", "/organer/{code}/arbejdsplan", Bind(s, ShowWorkplan));
  router.Add("POST", "/organer/{code}/aarshjul", Bind(s, AddTopic));
  router.Add("POST", "/aarshjul/{id}/fjern", Bind(s, RemoveTopic));
  router.Add("GET", "/organer/{code}/moeder.ics", Bind(s, Calendar));
}

}  // namespace bs::web
