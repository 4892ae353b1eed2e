#include "web/handlers/meeting_common.h"

#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/views/meeting_views.h"

namespace bs::web::meeting_common {

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
        auto versions = s.plans.Versions(r.viewer, p.plan.id());
        auto read = s.plans.ReadPublished(r.viewer, p.plan.id());
        if (versions.ok() && read.ok()) m.report_sources.push_back({p.plan.id(), p.plan.name(), *versions, read->ctx.committees});
      }
  }
  // A preparer looking at the public edition keeps the way back to their own.
  if (public_edition) m.view.may_prepare = s.meetings.Prepares(r.viewer, m.view.meeting.body);
  return Response::Html(status, views::MeetingPage(m));
}

// After a change on a meeting page: back to it (and to the item), or the page with the
// errors shown and the status of the error.
Response AfterMeetingChange(Services s, const Request& r, int64_t meeting, const Status& st, const std::string& anchor,
                            views::MeetingPageModel m) {
  if (st.ok()) return Response::Redirect("/moeder/" + std::to_string(meeting) + "?gemt=1" + anchor);
  if (st.error().code == ErrorCode::kPermissionDenied || st.error().code == ErrorCode::kNotFound) return Denied(r, st.error());
  m.errors = st.error().fields;
  if (m.errors.empty()) m.errors.push_back({"", st.error().message});
  return RenderMeeting(s, r, meeting, m, HttpStatus(st.error().code));
}

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

// The meeting as its preparer sees it, for the confirmation pages; PermissionDenied for
// anyone who may not change it.
Result<MeetingView> PreparerView(Services s, const Request& r, int64_t meeting) {
  auto view = TRY(s.meetings.GetMeeting(r.viewer, meeting));
  if (!view.may_prepare) return PermissionDenied("Kun organets sekretærer og administratorer kan ændre mødet.");
  return view;
}

}  // namespace bs::web::meeting_common
