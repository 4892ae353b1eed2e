// The agenda item form and the confirmation of removing an item (issue 6).
#include "core/text.h"
#include "web/form.h"
#include "web/html.h"
#include "web/views/layout.h"
#include "web/views/meeting_parts.h"
#include "web/views/meeting_views.h"

namespace bs::web::views {
using namespace meeting_parts;

std::string AgendaItemForm(const AgendaItemFormModel& m) {
  const Meeting& meeting = m.view.meeting;
  const AgendaItem& item = m.entry.item;
  Html h;
  std::string title = "Rediger punkt " + std::to_string(item.position);
  PageStart(h, title, {{"Møder", "/moeder"}, {m.view.body_name + " " + meeting.date.Short(), MeetingUrl(meeting)}, {title, ""}});
  h.Raw("<h1>").Text(title).Raw(": ").Text(item.title).Raw("</h1><p class=\"lead\">Sag ");
  CaseLink(h, m.entry.c.number);
  h.Raw(" på ")
      .Text(m.view.body_name).Raw("s møde ").Text(meeting.date.Long()).Raw(".</p>");
  ErrorSummary(h, "Punktet er ikke gemt:", m.errors);
  h.PostForm("/punkter/" + std::to_string(item.id), "class=\"item-form\"");
  if (meeting.published()) {
    h.Raw("<p class=\"obs-box\">Dagsordenen er offentliggjort. Ændringen vises som en rettelse med din begrundelse.</p>");
    Field(h, "a-reason", "begrundelse", "Begrundelse for ændringen (kræves)", m.reason, m.errors);
  }
  Field(h, "a-title", "titel", "Overskrift", m.draft.title, m.errors);
  h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"lukket\" value=\"1\"").Raw(m.draft.closed ? Literal(" checked") : Literal(""))
      .Raw("> Lukket punkt (kun medlemmer ser indholdet)</label>");
  int n = 0;
  for (const auto& f : SectionFields()) {
    std::string id = "a-s" + std::to_string(n++);
    Field(h, id.c_str(), f.slug, f.label, m.draft.sections.*f.member, m.errors,
          f.member == &AgendaSections::recommended_by ? "text" : "textarea");
  }
  h.Raw("<fieldset><legend>Tidsplan</legend>");
  Field(h, "a-from", "tid_fra", "Fra (fx 10:30)", m.draft.slot_start, m.errors);
  Field(h, "a-to", "tid_til", "Til (fx 10:45)", m.draft.slot_end, m.errors);
  Field(h, "a-who", "deltagere", "Deltager under behandlingen", m.draft.participants, m.errors, "textarea");
  h.Raw("</fieldset>");
  // Plan items are picked by searching code or title (issue 14): «Søg» sends the form
  // without saving it and comes back with what it found as boxes to tick; no JavaScript.
  bool plan_error = false;
  for (const auto& e : m.errors) plan_error = plan_error || e.field == "planpunkter";
  h.Raw("<fieldset class=\"plan-pick").Raw(plan_error ? Literal(" has-error") : Literal("")).Raw("\" id=\"a-plan\"><legend>Planpunkter, som punktet vedrører</legend>");
  for (const auto& e : m.errors)
    if (e.field == "planpunkter") h.Raw("<p class=\"field-error\">").Text(e.message).Raw("</p>");
  if (m.chosen.empty()) h.Raw("<p class=\"none\">Ingen planpunkter endnu.</p>");
  for (const auto& [pid, label] : m.chosen)
    h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"planpunkt\" value=\"").Text(pid).Raw("\" checked> ").Text(label).Raw("</label>");
  h.Raw("<div class=\"field\"><label for=\"a-plan-q\">Søg planpunkt (kode eller ord fra titlen)</label><input id=\"a-plan-q\" "
        "type=\"search\" name=\"soeg_plan\" value=\"").Text(m.search).Raw("\"></div>"
        "<button type=\"submit\" name=\"handling\" value=\"soeg\" class=\"secondary\">Søg</button>");
  if (m.searched) {
    if (m.found.empty()) h.Raw("<p class=\"none\" role=\"status\">Ingen planpunkter matcher «").Text(m.search).Raw("».</p>");
    else {
      h.Raw("<p role=\"status\">").Text(static_cast<long long>(m.found.size()))
          .Raw(m.found.size() == 1 ? Literal(" planpunkt matcher") : Literal(" planpunkter matcher")).Raw("; sæt flueben, og gem punktet:</p>");
      for (const auto& [pid, label] : m.found)
        h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"planpunkt\" value=\"").Text(pid).Raw("\"> ").Text(label).Raw("</label>");
    }
  }
  h.Raw("</fieldset>");
  h.Raw("<button type=\"submit\">Gem punktet</button> <a href=\"").Text(MeetingUrl(meeting)).Raw("#punkt-").Text(item.position)
      .Raw("\">Fortryd</a></form>");
  PageEnd(h);
  return h.Take();
}

std::string ConfirmRemovePage(const MeetingView& view, const AgendaEntry& entry) {
  Html h;
  std::string title = "Fjern punkt " + std::to_string(entry.item.position);
  PageStart(h, title, {{"Møder", "/moeder"}, {view.body_name + " " + view.meeting.date.Short(), MeetingUrl(view.meeting)}, {title, ""}});
  h.Raw("<h1>").Text(title).Raw("?</h1><p>«").Text(entry.item.title).Raw("» (sag ").Text(entry.c.number.text)
      .Raw(") fjernes fra dagsordenen sammen med punktets bilag. Sagen bliver ved med at findes.</p>")
      .PostForm("/punkter/" + std::to_string(entry.item.id) + "/fjern").Raw("<button type=\"submit\" class=\"danger\">Fjern punktet</button> <a href=\"")
      .Text(MeetingUrl(view.meeting)).Raw("\">Fortryd</a></form>");
  PageEnd(h);
  return h.Take();
}

std::string ConfirmPublishPage(const MeetingView& view) {
  Html h;
  const Meeting& m = view.meeting;
  std::string title = "Offentliggør dagsordenen";
  PageStart(h, title, {{"Møder", "/moeder"}, {view.body_name + " " + m.date.Short(), MeetingUrl(m)}, {title, ""}});
  h.Raw("<h1>Offentliggør dagsordenen til ").Text(MeetingTitle(view.body_name, m)).Raw("?</h1>");
  if (m.published()) {
    h.Raw("<p class=\"notice\">Dagsordenen er allerede offentliggjort.</p><p><a href=\"").Text(MeetingUrl(m)).Raw("\">Til mødet</a></p>");
    PageEnd(h);
    return h.Take();
  }
  h.Raw("<p>Medlemmerne får hele dagsordenen; offentligheden får de åbne punkter og de lukkede punkters nummer og titel. "
        "Efter offentliggørelsen skal hver ændring begrundes, og begrundelsen vises ved punktet.</p>");
  std::vector<std::string> warnings;
  h.Raw("<ol class=\"publish-list\">");
  for (const auto& e : view.agenda) {
    const AgendaItem& item = e.item;
    bool text = false;
    for (const auto& f : SectionFields()) text = text || !(item.sections.*f.member).empty();
    h.Raw("<li>").Text(item.title);
    if (item.closed) h.Raw(" <span class=\"tag closed\">Lukket punkt</span>");
    if (!e.attachments.empty())
      h.Raw(" <span class=\"meta\">(").Text(static_cast<long long>(e.attachments.size())).Raw(" bilag)</span>");
    h.Raw("</li>");
    if (!text) warnings.push_back("Punkt " + std::to_string(item.position) + " «" + item.title + "» har ingen tekst (hverken sagsfremstilling, indstilling eller andre afsnit).");
  }
  h.Raw("</ol>");
  if (view.agenda.empty()) warnings.push_back("Dagsordenen er tom; den kan ikke offentliggøres, før der er sat en sag på.");
  if (!warnings.empty()) {
    h.Raw("<div class=\"obs-box\" role=\"note\"><p><strong>Se efter, før du offentliggør:</strong></p><ul>");
    for (const auto& w : warnings) h.Raw("<li>").Text(w).Raw("</li>");
    h.Raw("</ul></div>");
  }
  h.PostForm(MeetingUrl(m) + "/offentliggoer").Raw("<button type=\"submit\">Ja, offentliggør dagsordenen</button> <a href=\"")
      .Text(MeetingUrl(m)).Raw("\">Fortryd</a></form>");
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
