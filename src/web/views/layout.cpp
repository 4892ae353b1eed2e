#include "web/views/layout.h"

namespace bs::web::views {

void PageStart(Html& h, const std::string& title, const Crumbs& crumbs) {
  h.Raw("<!doctype html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>").Text(title).Raw(" – budgetspor</title>"
        "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body>"
        "<a class=\"skip\" href=\"#indhold\">Gå til indhold</a>"
        "<header class=\"site\"><a class=\"brand\" href=\"/\">budgetspor</a>"
        // Desktop: the menu in a row. Phones: the same links behind «Menu», a <details>
        // that opens without JavaScript; only one of the two is displayed at a width.
        "<nav class=\"wide\" aria-label=\"Hovedmenu\"><ul><li><a href=\"/planer\">Planer</a></li>"
        "<li><a href=\"/moeder\">Møder</a></li>").Raw(kUserBarSlot).Raw("</ul></nav>"
        "<details class=\"menu\"><summary>Menu</summary><nav aria-label=\"Hovedmenu\"><ul><li><a href=\"/planer\">Planer</a></li>"
        "<li><a href=\"/moeder\">Møder</a></li>").Raw(kUserBarSlot).Raw("</ul></nav></details></header>");
  if (!crumbs.empty()) {
    h.Raw("<nav class=\"crumbs\" aria-label=\"Brødkrummesti\"><ol>");
    for (size_t i = 0; i < crumbs.size(); ++i) {
      if (i + 1 == crumbs.size()) {
        h.Raw("<li aria-current=\"page\">").Text(crumbs[i].first).Raw("</li>");
      } else {
        h.Raw("<li><a href=\"").Text(crumbs[i].second).Raw("\">").Text(crumbs[i].first).Raw("</a></li>");
      }
    }
    h.Raw("</ol></nav>");
  }
  h.Raw("<main id=\"indhold\">");
}

void PageEnd(Html& h) {
  h.Raw("</main><footer class=\"site\"><p>budgetspor – udmøntningsplanen som én kilde. "
        "Beløb i 1.000 kr.; negative beløb er besparelser.</p><p><a href=\"/dokumentation/api\">API</a> · "
        "<a href=\"/dokumentation/adgang\">Hvem ser hvad</a></p></footer></body></html>\n");
}

void Notice(Html& h, const std::string& notice) {
  if (!notice.empty()) h.Raw("<p class=\"notice\" role=\"status\">").Text(notice).Raw("</p>");
}

}  // namespace bs::web::views
