// The list of cases and the form for a new case (issue 6).
#include "core/text.h"
#include "web/html.h"
#include "web/views/layout.h"
#include "web/views/meeting_parts.h"
#include "web/views/meeting_views.h"

namespace bs::web::views {
using namespace meeting_parts;

std::string CasesPage(const CasesPageModel& m) {
  Html h;
  PageStart(h, "Sager", {{"Møder", "/moeder"}, {"Sager", ""}});
  h.Raw("<h1>Sager</h1>");
  Notice(h, m.notice);
  h.Raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Sager\"><table><thead><tr><th scope=\"col\">Sagsnr.</th><th scope=\"col\">Titel</th><th scope=\"col\">KLE</th><th scope=\"col\">Sagsgang</th>"
        "<th scope=\"col\">Sagsansvarlig</th><th scope=\"col\">Åben/lukket</th></tr></thead><tbody>");
  for (const auto& c : m.cases) {
    h.Raw("<tr><td>");
    CaseLink(h, c.number);
    h.Raw("</td><td>").Text(c.title).Raw("</td><td><span class=\"code\">").Text(c.kle)
        .Raw("</span>");
    if (auto t = m.kle_titles.find(c.kle); t != m.kle_titles.end()) h.Raw(" ").Text(t->second);
    h.Raw("</td><td>").Text(text::Join(c.route, " → ")).Raw("</td><td>").Text(c.officer).Raw("</td><td>").Raw(c.closed ? Literal("Lukket") : Literal("Åben"))
        .Raw("</td></tr>");
  }
  h.Raw("</tbody></table></div><h2>Ny sag</h2>");
  ErrorSummary(h, "Sagen er ikke oprettet:", m.errors);
  h.PostForm("/sager", "class=\"stack\"");
  Field(h, "c-number", "number", "Sagsnummer (fx 24/7615)", m.draft.number, m.errors);
  Field(h, "c-kle", "kle", "KLE-nummer (fx 00.30.10.S00)", m.draft.kle, m.errors);
  Field(h, "c-title", "title", "Titel", m.draft.title, m.errors);
  Field(h, "c-officer", "officer", "Sagsansvarlig", m.draft.officer, m.errors);
  Field(h, "c-route", "route", "Sagsgang (fx DIR → ØK → KB)", m.draft.route, m.errors);
  h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"closed\" value=\"1\"").Raw(m.draft.closed ? Literal(" checked") : Literal(""))
      .Raw("> Lukket sag</label><button type=\"submit\">Opret sag</button></form>");
  PageEnd(h);
  return h.Take();
}

std::string CasePage(const CaseView& v) {
  const Case& c = v.c;
  std::string title = "Sag " + c.number.text;
  Html h;
  PageStart(h, title, {{"Møder", "/moeder"}, {title, ""}});
  h.Raw("<h1>").Text(title).Raw(": ").Text(v.title).Raw("</h1>");
  if (!v.details) {
    h.Raw("<p class=\"meta\">Lukket sag. Indholdet er ikke offentligt (Styrelseslovens § 10).</p>");
  } else {
    h.Raw("<dl class=\"facts\"><dt>Sagsnummer</dt><dd>").Text(c.number.text).Raw("</dd>");
    if (!c.kle.empty()) {
      h.Raw("<dt>KLE</dt><dd><span class=\"code\">").Text(c.kle).Raw("</span>");
      if (!v.kle_title.empty()) h.Raw(" ").Text(v.kle_title);
      h.Raw("</dd>");
    }
    h.Raw("<dt>Åben eller lukket</dt><dd>").Raw(c.closed ? Literal("Lukket sag") : Literal("Åben sag")).Raw("</dd>");
    if (!c.route.empty()) h.Raw("<dt>Sagsgang</dt><dd>").Text(text::Join(c.route, " → ")).Raw("</dd>");
    if (!c.officer.empty()) h.Raw("<dt>Sagsansvarlig</dt><dd>").Text(c.officer).Raw("</dd>");
    h.Raw("</dl>");
  }
  h.Raw("<h2>Behandlet på møder</h2>");
  if (v.appearances.empty()) h.Raw("<p class=\"none\">Sagen har ikke været på en dagsorden endnu.</p>");
  for (const auto& a : v.appearances) {
    const AgendaItem& item = a.entry.item;
    std::string url = MeetingUrl(a.meeting) + "#punkt-" + Id(item.position);
    h.Raw("<section class=\"case-step\"><h3><a href=\"").Text(url).Raw("\">").Text(MeetingTitle(a.body_name, a.meeting)).Raw(", punkt ")
        .Text(item.position).Raw("</a></h3><p>");
    if (item.closed) h.Raw("<span class=\"tag closed\">Lukket punkt</span> ");
    h.Text(item.title).Raw("</p>");
    if (a.meeting.cancelled) h.Raw("<p class=\"meta\">Mødet blev aflyst.</p>");
    if (!a.entry.content) {
      h.Raw("<p class=\"meta\">Lukket punkt. Indholdet er ikke offentligt.</p>");
    } else if (a.entry.decision_visible && !item.decision.empty()) {
      h.Raw("<div class=\"decision\"><h4>").Text(DecisionHeading(a.body_name, a.meeting.date)).Raw("</h4>").Append(Paragraphs(item.decision));
      for (const auto& line : a.entry.absence_lines) h.Raw("<p class=\"item-absence\">").Text(line).Raw("</p>");
      h.Raw("</div>");
    } else {
      h.Raw("<p class=\"meta\">").Raw(a.meeting.approved() ? Literal("Ingen beslutning ført til protokol.")
                                                            : Literal("Ingen beslutning endnu (protokollen er ikke godkendt)."))
          .Raw("</p>");
    }
    AttachmentList(h, a.entry, false);
    h.Raw("</section>");
  }
  if (!v.plan_items.empty()) {
    h.Raw("<h2>Vedrører planpunkter</h2><ul class=\"plan-links\">");
    for (const auto& p : v.plan_items) {
      h.Raw("<li><a href=\"/emner/").Text(p.id).Raw("\">");
      if (!p.code.empty()) h.Text(p.code).Raw(" ");
      h.Text(p.title).Raw("</a> <span class=\"meta\">– ").Text(Label(p.state)).Raw("</span></li>");
    }
    h.Raw("</ul>");
  }
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
