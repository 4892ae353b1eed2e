// What the meeting views (issue 6) share: meeting_page.cpp, agenda_item_views.cpp,
// attachment_views.cpp, case_views.cpp, meeting_overview_views.cpp and
// report_attachment_form.cpp. Internal to views/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/meeting_read_models.h"
#include "web/html.h"

namespace bs::web::views::meeting_parts {

std::string Id(int64_t id);
// "Økonomiudvalgets møde 10-06-2025" and the like.
std::string MeetingTitle(const std::string& body_name, const Meeting& m);
std::string MeetingUrl(const Meeting& m);
// Text with blank-line paragraphs as <p>s.
SafeHtml Paragraphs(const std::string& s);
// A labelled text input (type "textarea": a textarea) through FormFields.
void Field(Html& h, const char* id, const char* name, std::string_view label, const std::string& value,
           const std::vector<FieldError>& errors, const char* type = "text", std::string_view hint = {});
// A one-button POST form.
void PostButton(Html& h, const std::string& action, std::string_view label, Literal css = "secondary",
                const std::string& aria = "");
// A meeting in a list: date, body, kind, state.
void MeetingLine(Html& h, const MeetingSummary& s, bool with_body);
std::string AttachmentLabel(const Attachment& a);
// An agenda entry's attachments under «Bilag»: links to those the viewer may open (closed
// ones marked), «(Lukket bilag)» by number for the rest; with `removable` a «Fjern» link.
// Nothing when there are none.
void AttachmentList(Html& h, const AgendaEntry& e, bool removable);
// "/sager/24/7615": a case's own page (issue 14).
std::string CaseUrl(const CaseNumber& n);
// The case number as a link to its page.
void CaseLink(Html& h, const CaseNumber& n);

}  // namespace bs::web::views::meeting_parts
