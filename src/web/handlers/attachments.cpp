// Attachments of agenda items (issue 6): upload (multipart), download, removal.
#include "web/multipart.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/handlers/meeting_common.h"
#include "web/routes.h"
#include "web/views/meeting_views.h"

namespace bs::web {
namespace {
using namespace meeting_common;

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

}  // namespace

void AddAttachmentPages(Router& router, Services s) {
  router.Add("POST", "/punkter/{id}/bilag", Bind(s, Upload));
  router.Add("GET", "/bilag/{id}", Bind(s, Download));
  router.Add("GET", "/bilag/{id}/fjern", Bind(s, ConfirmRemoveAttachment));
  router.Add("POST", "/bilag/{id}/fjern", Bind(s, RemoveAttachment));
}

}  // namespace bs::web
