#include "web/views/meeting_parts.h"

#include "core/text.h"
#include "web/form.h"
#include "web/views/form_fields.h"

namespace bs::web::views::meeting_parts {

std::string Id(int64_t id) { return std::to_string(id); }

std::string MeetingTitle(const std::string& body_name, const Meeting& m) {
  return body_name + " – " + std::string(m.kind == MeetingKind::kTheme ? "temamøde" : "møde") + " " + m.date.Long();
}

std::string MeetingUrl(const Meeting& m) { return "/moeder/" + Id(m.id); }

SafeHtml Paragraphs(const std::string& s) {
  Html h;
  bool in_list = false;
  for (const auto& b : TextBlocks(s)) {
    if (b.bullet != in_list) h.Raw(b.bullet ? Literal("<ul>") : Literal("</ul>"));
    in_list = b.bullet;
    h.Raw(b.bullet ? Literal("<li>") : Literal("<p>")).Text(b.text).Raw(b.bullet ? Literal("</li>") : Literal("</p>"));
  }
  if (in_list) h.Raw("</ul>");
  return h.Fragment();
}

void Field(Html& h, const char* id, const char* name, std::string_view label, const std::string& value,
           const std::vector<FieldError>& errors, const char* type, std::string_view hint) {
  FormFields fields(h, errors);
  if (std::string_view(type) == "textarea") fields.TextArea({id, name, label, hint}, value, 5);
  else fields.Input({id, name, label, hint}, value);
}

void PostButton(Html& h, const std::string& action, std::string_view label, Literal css,
                const std::string& aria) {
  h.PostForm(action, "class=\"inline\"").Raw("<button type=\"submit\" class=\"").Raw(css).Raw("\"");
  if (!aria.empty()) h.Raw(" aria-label=\"").Text(aria).Raw("\"");
  h.Raw(">").Text(label).Raw("</button></form> ");
}

void MeetingLine(Html& h, const MeetingSummary& s, bool with_body) {
  const Meeting& m = s.meeting;
  h.Raw("<li><a href=\"").Text(MeetingUrl(m)).Raw("\">");
  if (with_body) h.Text(s.body_name).Raw(" ");
  h.Text(m.date.Long()).Raw("</a> kl. ").Text(FormatClock(m.start_minute));
  if (m.kind != MeetingKind::kOrdinary) h.Raw(" · ").Text(Label(m.kind));
  if (m.cancelled) h.Raw(" <strong class=\"tag\">Aflyst</strong>");
  if (!s.titles.empty()) {
    h.Raw("<ul class=\"titles\">");
    for (const auto& t : s.titles) h.Raw("<li>").Text(t).Raw("</li>");
    h.Raw("</ul>");
  }
  if (!s.planned.empty()) {
    h.Raw("<p class=\"meta\">Årshjul: ").Text(text::Join(s.planned, "; ")).Raw("</p>");
  }
  h.Raw("</li>");
}

std::string AttachmentLabel(const Attachment& a) {
  std::string s = Id(a.number) + ". " + a.title;
  if (!a.document_number.empty()) s += " (" + a.document_number + ")";
  return s;
}

void AttachmentList(Html& h, const AgendaEntry& e, bool removable) {
  if (e.attachments.empty()) return;
  h.Raw("<h4>Bilag</h4><ul class=\"attachments\">");
  for (size_t i = 0; i < e.attachments.size(); ++i) {
    const auto& a = e.attachments[i];
    h.Raw("<li>");
    if (!e.may_open[i]) {
      h.Text(a.number).Raw(". (Lukket bilag)");
    } else {
      h.Raw("<a href=\"/bilag/").Text(a.id).Raw("\">").Text(AttachmentLabel(a)).Raw("</a>");
      if (a.closed) h.Raw(" <span class=\"tag closed\">Lukket bilag</span>");
      if (removable)
        h.Raw(" <a class=\"no-print\" href=\"/bilag/").Text(a.id).Raw("/fjern\" aria-label=\"Fjern bilag ").Text(AttachmentLabel(a))
            .Raw("\">Fjern</a>");
    }
    h.Raw("</li>");
  }
  h.Raw("</ul>");
}

// The normalised number is digits, a slash and digits (CaseNumber::Parse).
std::string CaseUrl(const CaseNumber& n) { return "/sager/" + n.text; }

void CaseLink(Html& h, const CaseNumber& n) {
  h.Raw("<a class=\"code\" href=\"").Text(CaseUrl(n)).Raw("\">").Text(n.text).Raw("</a>");
}

}  // namespace bs::web::views::meeting_parts
