// "Vedhæft en rapport som bilag" on an agenda item (issue 11): a report of a published
// version becomes a frozen attachment with a document number.
#include "app/report_model.h"
#include "web/views/meeting_views.h"

namespace bs::web::views {

void ReportAttachmentForm(Html& h, const MeetingPageModel& model, const AgendaEntry& e) {
  bool any = false;
  for (const auto& src : model.report_sources) any = any || !src.versions.empty();
  if (!any) return;
  const Meeting& m = model.view.meeting;
  std::string id = "rb" + std::to_string(e.item.id);
  h.Raw("<details><summary>Vedhæft en rapport som bilag til punkt ").Text(e.item.position).Raw("</summary>")
      .PostForm("/punkter/" + std::to_string(e.item.id) + "/rapport-bilag", "class=\"stack\"");
  h.Raw("<p class=\"hint\">Rapporten dannes af den valgte offentliggjorte version som offentlig udgave (uden interne "
        "felter) og gemmes som PDF-bilag. Senere ændringer i planen ændrer ikke bilaget.</p>");
  h.Raw("<div class=\"field\"><label for=\"").Text(id).Raw("-k\">Rapport</label><select id=\"").Text(id).Raw("-k\" name=\"art\">");
  for (ReportKind k : kAllReportKinds)
    h.Raw("<option value=\"").Text(Slug(k)).Raw("\"").Raw(k == ReportKind::kHalfYear ? Literal(" selected") : Literal("")).Raw(">").Text(Label(k)).Raw("</option>");
  h.Raw("</select></div><div class=\"field\"><label for=\"").Text(id).Raw("-v\">Version</label><select id=\"").Text(id)
      .Raw("-v\" name=\"kilde\">");
  std::string default_title;
  for (const auto& src : model.report_sources)
    for (const auto& v : src.versions) {
      if (default_title.empty()) default_title = src.plan_name + " - til " + m.body + " " + m.date.Short();
      h.Raw("<option value=\"").Text(std::to_string(src.plan) + ":" + std::to_string(v.id)).Raw("\">").Text(src.plan_name + " – " + v.name)
          .Raw("</option>");
    }
  h.Raw("</select></div><div class=\"field\"><label for=\"").Text(id).Raw("-c\">Udvalg (til udvalgets udsnit)</label><select id=\"")
      .Text(id).Raw("-c\" name=\"udvalg\"><option value=\"\">(ikke relevant)</option>");
  if (!model.report_sources.empty())
    for (const auto& b : model.report_sources.front().committees)
      h.Raw("<option value=\"").Text(b.code).Raw("\"").Raw(b.code == m.body ? Literal(" selected") : Literal("")).Raw(">").Text(b.code + " – " + b.name)
          .Raw("</option>");
  h.Raw("</select></div><div class=\"field\"><label for=\"").Text(id).Raw("-t\">Bilagets titel</label><input id=\"").Text(id)
      .Raw("-t\" name=\"bilagstitel\" required value=\"").Text(default_title).Raw("\"></div><div class=\"field\"><label for=\"").Text(id)
      .Raw("-d\">Bilagets dokumentnummer (fx 52074/25)</label><input id=\"").Text(id).Raw("-d\" name=\"bilagsnummer\"></div>"
           "<label class=\"check\"><input type=\"checkbox\" name=\"bilag_lukket\" value=\"1\"> Rapporten er et lukket bilag</label>"
           "<button type=\"submit\">Vedhæft rapporten</button></form></details>");
}

}  // namespace bs::web::views
