// What the meeting handlers (issue 6) share: meetings.cpp, agenda_items.cpp,
// attachments.cpp, cases.cpp and meeting_overviews.cpp, one file per resource. Internal
// to handlers/.
#pragma once

#include <optional>
#include <string>

#include "app/meeting_service.h"
#include "web/routes.h"
#include "web/views/meeting_views.h"

namespace bs::web {

// The resources' routes; AddMeetingPages (meetings.cpp) adds them all.
void AddAgendaItemPages(Router& router, Services s);
void AddAttachmentPages(Router& router, Services s);
void AddCasePages(Router& router, Services s);
void AddMeetingOverviewPages(Router& router, Services s);
void AddAgendaImportPages(Router& router, Services s);  // agenda_import_pages.cpp (issue 13)

namespace meeting_common {

// A query parameter, "" when absent or not decodable.
std::string QueryValue(const Request& r, const std::string& key);
// ?udgave=offentlig: the meeting as the public sees it.
bool PublicEdition(const Request& r);
// The body code from the URL (percent-encoded: "%C3%98K").
bool BodyParam(const Params& p, std::string* code);
// The viewer as the public sees the site (the "public edition" of a meeting).
Viewer Public();
// The meeting page with `m`'s notice and errors, answered with `status`.
Response RenderMeeting(Services s, const Request& r, int64_t id, views::MeetingPageModel m, int status);
// After a change on a meeting page: back to it (and to the item), or the page with the
// errors shown and the status of the error.
Response AfterMeetingChange(Services s, const Request& r, int64_t meeting, const Status& st, const std::string& anchor,
                            views::MeetingPageModel m = {});

// The agenda item named in the URL and its meeting, through the service so that an item
// the viewer may not know of is "not found"; on failure the response to send.
struct ItemTarget {
  int64_t id = 0;
  int64_t meeting = 0;
  std::optional<Response> refusal;
};
ItemTarget TargetItem(Services s, const Request& r, const Params& p);
// The meeting as its preparer sees it, for the confirmation pages; PermissionDenied for
// anyone who may not change it.
Result<MeetingView> PreparerView(Services s, const Request& r, int64_t meeting);

}  // namespace meeting_common
}  // namespace bs::web
