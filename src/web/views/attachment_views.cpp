// The confirmation of removing an attachment (issue 6).
#include "core/text.h"
#include "web/html.h"
#include "web/views/layout.h"
#include "web/views/meeting_parts.h"
#include "web/views/meeting_views.h"

namespace bs::web::views {
using namespace meeting_parts;

std::string ConfirmRemoveAttachmentPage(const MeetingView& view, const AgendaEntry& entry, const Attachment& attachment) {
  Html h;
  std::string title = "Fjern bilag";
  PageStart(h, title, {{"Møder", "/moeder"}, {view.body_name + " " + view.meeting.date.Short(), MeetingUrl(view.meeting)}, {title, ""}});
  h.Raw("<h1>Fjern bilag?</h1><p>Bilag «").Text(AttachmentLabel(attachment)).Raw("» fjernes fra punkt ").Text(entry.item.position)
      .Raw(" «").Text(entry.item.title).Raw("», og filen slettes.</p>").PostForm("/bilag/" + std::to_string(attachment.id) + "/fjern").Raw("<button type=\"submit\" class=\"danger\">Fjern bilaget</button> <a href=\"").Text(MeetingUrl(view.meeting))
      .Raw("#punkt-").Text(entry.item.position).Raw("\">Fortryd</a></form>");
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
