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
    h.Raw("<tr><td class=\"code\">").Text(c.number.text).Raw("</td><td>").Text(c.title).Raw("</td><td><span class=\"code\">").Text(c.kle)
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

}  // namespace bs::web::views
