// Meetings (issue 6): the list and a new meeting, the meeting page and its changes
// (details, publishing, approving the minutes, attendance, the year wheel's topics, a
// case onto the agenda) and the agenda and minutes as PDF. MeetingService asks the access
// rule; refusals go through Denied() (403 or 404 as docs/access.md says).
#include <algorithm>
#include <set>

#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/handlers/meeting_common.h"
#include "web/routes.h"
#include "web/views/meeting_views.h"

namespace bs::web {
namespace {
using namespace meeting_common;

// --- lists ---------------------------------------------------------------------------

// ?aar=2025: the archive's year; 0 when absent. InvalidArgument for anything but a year.
Result<int> ArchiveYearParam(const Request& r) {
  std::string y = QueryValue(r, "aar");
  if (y.empty()) return 0;
  bool digits = y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || y < "1900")
    return InvalidArgument("Året «" + (y.size() > 12 ? y.substr(0, 12) + "…" : y) + "» er ikke et årstal. Skriv fx aar=2025.");
  return std::stoi(y);
}

Response ListMeetings(Services s, const Request& r, views::MeetingsPageModel m, int status) {
  // A query that does not decode is said, not read as "no filter" (found by an attack).
  if (FormData q; !r.query.empty() && !FormData::Parse(r.query, &q))
    return HtmlError(InvalidArgument("Adressens parametre kunne ikke læses (ugyldig kodning)."));
  if (m.body.empty()) m.body = QueryValue(r, "organ");
  int year = TRY_PAGE(ArchiveYearParam(r));
  auto bodies = s.meetings.Bodies();
  if (!bodies.ok()) return HtmlError(bodies.error());
  m.bodies = *bodies;
  m.title = "Møder";
  bool known = m.body.empty();
  for (const auto& b : m.bodies) {
    if (b.code == m.body) {
      m.title = b.name + ": møder";
      known = true;
    }
    if (s.meetings.Prepares(r.viewer, b.code)) m.preparable.push_back(b);
  }
  // An unknown filter value is said, not silently shown as "every body".
  if (!known) return HtmlError(NotFound("Organet «" + m.body.substr(0, 60) + "» findes ikke. Vælg et organ på listen."));
  auto archive = s.meetings.Archive(r.viewer, m.body, year);
  if (!archive.ok()) return Denied(r, archive.error());
  m.archive = std::move(*archive);
  if (year != 0) {
    m.title += " " + std::to_string(year);
  } else {
    Date today = s.meetings.Today();
    Date from = Date::FromDays(today.ToDays() - 120), to = Date::FromDays(today.ToDays() + 365);
    auto meetings = s.meetings.BodyMeetings(r.viewer, m.body, from, to);
    if (!meetings.ok()) return Denied(r, meetings.error());
    m.meetings = std::move(*meetings);
  }
  m.today = s.meetings.Today();
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
  if (r.query.find("offentliggjort=1") != std::string::npos) m.notice = "Dagsordenen er offentliggjort.";
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

// GET: the confirmation page (preparers only: the same view the preparer's panel uses).
Response ConfirmPublish(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  auto view = PreparerView(s, r, id);
  if (!view.ok()) return Denied(r, view.error());
  return Response::Html(200, views::ConfirmPublishPage(*view));
}
// POST: publishes. Sent twice (a reload, a double click), the second finds it published
// and goes back to the meeting saying so, instead of an error.
Response Publish(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  auto st = s.meetings.PublishAgenda(r.viewer, id);
  if (st.ok()) return Response::Redirect("/moeder/" + std::to_string(id) + "?offentliggjort=1");
  if (st.error().code == ErrorCode::kConflict) {
    auto view = s.meetings.GetMeeting(r.viewer, id);
    if (view.ok() && view->may_prepare && view->meeting.published())
      return Response::Redirect("/moeder/" + std::to_string(id) + "?offentliggjort=1");
  }
  views::MeetingPageModel m;
  m.error_heading = "Dagsordenen er ikke offentliggjort:";
  return AfterMeetingChange(s, r, id, st, "", m);
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
  // The other resources of issue 6, one file each.
  AddAgendaItemPages(router, s);
  AddAttachmentPages(router, s);
  AddCasePages(router, s);
  AddMeetingOverviewPages(router, s);
  AddAgendaImportPages(router, s);
  router.Add("GET", "/moeder", Bind(s, ShowMeetings));
  router.Add("POST", "/moeder", Bind(s, CreateMeeting));
  router.Add("GET", "/moeder/{id}", Bind(s, ShowMeeting));
  router.Add("POST", "/moeder/{id}", Bind(s, UpdateMeeting));
  router.Add("GET", "/moeder/{id}/dagsorden.pdf", Bind(s, AgendaPdf));
  router.Add("GET", "/moeder/{id}/protokol.pdf", Bind(s, MinutesPdf));
  router.Add("POST", "/moeder/{id}/punkter", Bind(s, AddToAgenda));
  router.Add("GET", "/moeder/{id}/offentliggoer", Bind(s, ConfirmPublish));
  router.Add("POST", "/moeder/{id}/offentliggoer", Bind(s, Publish));
  router.Add("POST", "/moeder/{id}/godkend", Bind(s, Approve));
  router.Add("POST", "/moeder/{id}/fremmoede", Bind(s, Attendance));
  router.Add("POST", "/moeder/{id}/aarshjul", Bind(s, ApplyTopics));
}

}  // namespace bs::web
