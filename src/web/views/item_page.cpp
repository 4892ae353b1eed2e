#include "web/views/plan_views.h"

#include "core/date.h"
#include "core/text.h"
#include "web/form.h"
#include "web/views/form_fields.h"
#include "web/views/layout.h"

namespace bs::web::views {
namespace {

std::string DateTime(int64_t unix) { return DanishTime::FromUnix(unix).date.Short(); }

void Row(Html& h, std::string_view label, const std::string& value, bool multiline = false) {
  h.Raw("<div class=\"row\"><dt>").Text(label).Raw("</dt><dd>");
  if (value.empty()) h.Raw("<span class=\"none\">–</span>");
  else if (multiline) h.Multiline(value);
  else h.Text(value);
  h.Raw("</dd></div>");
}

// The item form's fields (ids "i-<name>", which the error summary links to), written by
// the one form-field component.
struct FieldWriter {
  FormFields fields;

  void Input(const std::string& name, std::string_view label, const std::string& value, std::string_view hint = "",
             bool required = false, Literal extra = "") {
    fields.Input({"i-" + name, name, label, hint, required, extra}, value);
  }
  void Area(const std::string& name, std::string_view label, const std::string& value, std::string_view hint = "", int rows = 3) {
    fields.TextArea({"i-" + name, name, label, hint}, value, rows);
  }
  void Choice(const std::string& name, std::string_view label, const std::string& value, const FieldOptions& options,
              bool required = false) {
    fields.Select({"i-" + name, name, label, {}, required}, value, options);
  }
  void Checkbox(const std::string& name, std::string_view label, bool checked) { fields.Checkbox(name, label, checked); }
};

}  // namespace

std::string ItemPage(const ItemPageModel& model) {
  const PlanContext& ctx = *model.ctx;
  const PlanItem& item = *model.item;
  const std::string& notice = model.notice;
  const ItemData& d = item.data();
  const std::string plan_href = "/planer/" + std::to_string(ctx.plan.id());
  Html h;
  PageStart(h, d.title, {{"Planer", "/planer"}, {ctx.plan.name(), plan_href}, {d.code ? d.code->text() : d.title, ""}});
  if (!notice.empty()) h.Raw("<p class=\"notice\" role=\"status\">").Text(notice).Raw("</p>");
  h.Raw("<h1>");
  if (d.code) h.Raw("<span class=\"code\">").Text(d.code->text()).Raw("</span> ");
  h.Text(d.title).Raw("</h1><p class=\"lead\">").Text(Label(d.category));
  if (!d.committee.empty()) {
    const Body* b = ctx.FindBody(d.committee);
    h.Raw(" · <a href=\"").Text(plan_href).Raw("/udvalg/").Text(PercentEncode(d.committee)).Raw("\">")
        .Text(b ? b->name : d.committee).Raw("</a>");
  }
  if (const Theme* t = ctx.FindTheme(d.theme_id)) h.Raw(" · Tema: ").Text(t->name);
  if (d.cross_cutting) h.Raw(" · <span class=\"tag\">Tværgående</span>");
  if (d.strategic) h.Raw(" · <span class=\"tag\">Strategisk</span>");
  if (d.demo) h.Raw(" · <span class=\"tag demo\">Demo</span>");
  h.Raw("</p>");
  if (d.obs) {
    h.Raw("<div class=\"obs-box\" role=\"note\"><strong class=\"obs-label\">OBS-punkt").Raw(d.obs_note.empty() ? Literal("") : Literal(":"))
        .Raw("</strong> ").Multiline(d.obs_note).Raw("</div>");
  }
  if (model.caps.edit)
    h.Raw("<p class=\"no-print\"><a class=\"button\" href=\"/emner/").Text(item.id()).Raw("/rediger\">Redigér</a> "
          "<a class=\"button secondary\" href=\"/emner/").Text(item.id()).Raw("/slet\">Slet</a></p>");
  // In an open round an item without status is "afventer status", not last round's light.
  const bool awaiting = model.round && model.round->awaiting.count(item.id());
  if (awaiting)
    h.Raw("<p class=\"round-banner\" role=\"note\"><strong>Afventer status</strong> i statusrunden «").Text(model.round->round.name)
        .Raw("» (frist ").Text(model.round->round.cutoff.Short()).Raw("). <a href=\"#ny-status\">Giv status</a> under «Ny statusopdatering».</p>");
  else if (model.round && model.round->reported_items.count(item.id()))
    h.Raw("<p class=\"notice\">Status givet i statusrunden «").Text(model.round->round.name).Raw("».</p>");
  h.Raw("<dl class=\"fields\">");
  Row(h, "Fremdrift", std::string(Label(d.state)) + (d.state == ProgressState::kDone ? " (X)" : ""));
  Row(h, "Trafiklys", awaiting ? "Afventer status (sidst: " + std::string(Label(d.traffic_light)) + ")"
                               : std::string(Label(d.traffic_light)));
  Row(h, "Status", d.status_text, true);
  Row(h, "Proces", d.process, true);
  Row(h, "Ansvarlig", d.responsible);
  Row(h, "Direktør", d.director);
  Row(h, "Tidspunkt (vejledende)", d.timing.Display());
  Row(h, "Politisk behandling", d.treatment.Summary());
  // An internal field the viewer may not see is left out, not shown as an empty «–».
  if (model.caps.internal_fields) Row(h, "Direktionens rolle", d.directors_role, true);
  std::string line;
  for (const auto& l : ctx.strategic_lines) if (l.id == d.strategic_line_id) line = l.title;
  Row(h, "Strategisk linje", line);
  Row(h, "Sager", text::Join(d.case_numbers, ", "));
  Row(h, "Nøgler i økonomisystemet", text::Join(d.external_keys, ", "));
  Row(h, "Strategier", text::Join(d.strategies, "; "));
  std::string sdgs;
  for (int g : d.sdgs) sdgs += (sdgs.empty() ? "Verdensmål " : ", ") + std::to_string(g);
  Row(h, "FN's verdensmål", sdgs);
  h.Raw("</dl>");
  h.Raw("<table class=\"sum\"><caption>Budgetvirkning (1.000 kr.)</caption><thead><tr>");
  for (int y : ctx.plan.Years()) h.Raw("<th scope=\"col\" class=\"num\">").Text(y).Raw("</th>");
  h.Raw("</tr></thead><tbody><tr>");
  for (int y : ctx.plan.Years()) h.Raw("<td class=\"num\">").Text(FormatAmountCell(d.amounts, y)).Raw("</td>");
  h.Raw("</tr></tbody></table>");
  h.Raw("<p class=\"meta\">Version ").Text(item.revision()).Raw(" · oprettet ").Text(DateTime(item.created_at()))
      .Raw(" · sidst ændret ").Text(DateTime(item.updated_at())).Raw("</p>");
  StatusSection(h, ctx, item, model.updates, model.status_form);
  h.Raw("<section class=\"treatments\" aria-labelledby=\"treat-h\"><h2 id=\"treat-h\">Behandlet i møder</h2>");
  if (model.treatments.empty()) h.Raw("<p class=\"none\">Punktet har ikke været på en dagsorden endnu.</p>");
  else {
    h.Raw("<ul>");
    for (const auto& t : model.treatments) {
      h.Raw("<li><a href=\"/moeder/").Text(t.meeting_id).Raw("#punkt-").Text(t.position).Raw("\">").Text(t.body_name).Raw(" ")
          .Text(t.date.Short()).Raw(", punkt ").Text(t.position).Raw(": ").Text(t.title).Raw("</a>");
      if (!t.decision.empty()) h.Raw("<br><span class=\"meta\">Beslutning:</span> ").Text(t.decision);
      h.Raw("</li>");
    }
    h.Raw("</ul>");
  }
  h.Raw("</section>");
  if (model.caps.history) {
    h.Raw("<section class=\"history\" aria-labelledby=\"hist-h\"><h2 id=\"hist-h\">Historik</h2>");
    HistoryTimeline(h, ctx, item, model.history, 10);
    h.Raw("<p><a href=\"/emner/").Text(item.id()).Raw("/historik\">Se hele historikken (").Text(item.revision())
        .Raw(item.revision() == 1 ? Literal(" version)") : Literal(" versioner)")).Raw("</a></p></section>");
  }
  PageEnd(h);
  return h.Take();
}

std::string ItemFormPage(const ItemFormModel& m) {
  const PlanContext& ctx = *m.ctx;
  const ItemDraft& d = m.draft;
  const bool is_new = m.item_id == 0;
  const std::string plan_href = "/planer/" + std::to_string(ctx.plan.id());
  Html h;
  std::string title = is_new ? "Nyt punkt" : "Redigér punkt";
  PageStart(h, (m.errors.empty() ? "" : "Fejl: ") + title, {{"Planer", "/planer"}, {ctx.plan.name(), plan_href}, {title, ""}});
  h.Raw("<h1>").Text(title).Raw("</h1>");
  if (!m.message.empty()) {
    h.Raw("<div class=\"conflict\" role=\"alert\"><p>").Text(m.message).Raw("</p>");
    ConflictTable(h, m.conflicts);
    h.Raw("</div>");
  }
  if (!m.errors.empty()) {
    h.Raw("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"fejl\"><h2>Punktet er ikke gemt</h2><p>Ret disse felter:</p><ul>");
    for (const auto& e : m.errors)
      h.Raw("<li><a href=\"#i-").Text(e.field).Raw("\">").Text(e.message).Raw("</a></li>");
    h.Raw("</ul></div>");
  }
  std::string action = is_new ? plan_href + "/emner" : "/emner/" + std::to_string(m.item_id);
  h.PostForm(action, "class=\"item-form\" novalidate");
  if (is_new) h.Raw("<input type=\"hidden\" name=\"request_key\" value=\"").Text(m.request_key).Raw("\">");
  else h.Raw("<input type=\"hidden\" name=\"revision\" value=\"").Text(m.revision).Raw("\">");
  FieldWriter f{FormFields(h, m.errors)};

  std::vector<std::pair<std::string, std::string>> categories, committees{{"", "(intet udvalg)"}}, themes{{"", "(intet tema)"}},
      states, lights, lines{{"", "(ingen)"}};
  for (Category c : kAllCategories) categories.emplace_back(std::string(Slug(c)), std::string(Label(c)));
  for (const auto& b : ctx.committees) committees.emplace_back(b.code, b.code + " – " + b.name);
  for (const auto& t : ctx.themes) themes.emplace_back(t.name, t.name);
  for (ProgressState s : kAllStates) states.emplace_back(std::string(Slug(s)), std::string(Label(s)));
  for (TrafficLight l : kAllLights) lights.emplace_back(std::string(Slug(l)), std::string(Label(l)));
  for (const auto& l : ctx.strategic_lines) lines.emplace_back(std::to_string(l.id), l.title);

  h.Raw("<fieldset><legend>Placering i planen</legend>");
  f.Choice("category", "Kategori", d.category.empty() ? "operating" : d.category, categories, true);
  f.Choice("committee", "Udvalg", d.committee, committees);
  f.Choice("theme", "Tema (hensigtserklæringer)", d.theme, themes);
  f.Input("code", "Forslagskode", d.code, "Som i kataloget, fx R307(B), R001(I)(B) eller R101 (I)(B).");
  h.Raw("</fieldset><fieldset><legend>Indhold</legend>");
  f.Input("title", "Titel", d.title, "", true, " maxlength=\"300\"");
  f.Area("process", "Proces", d.process, "", 4);
  f.Area("status_text", "Status", d.status_text, "", 4);
  f.Choice("state", "Fremdrift", d.state.empty() ? "not_started" : d.state, states);
  f.Choice("traffic_light", "Trafiklys", d.traffic_light, lights);
  f.Input("responsible", "Ansvarlig", d.responsible);
  f.Input("director", "Direktør", d.director);
  f.Input("timing", "Tidspunkt (vejledende)", d.timing, "Fx «juni 2025», «2. kvartal 2025» eller fri tekst.");
  f.Area("political_treatment", "Politisk behandling", d.political_treatment,
         "Én behandling pr. linje, fx «ØK: juni 2025», eller «ordinær drift».", 3);
  f.Area("directors_role", "Direktionens rolle", d.directors_role, "", 3);
  h.Raw("</fieldset><fieldset><legend>Budgetvirkning i 1.000 kr. (besparelser negative)</legend><div class=\"amounts\">");
  for (int y : ctx.plan.Years()) {
    std::string key = std::to_string(y);
    auto it = d.amounts.find(key);
    f.Input("amount_" + key, key, it == d.amounts.end() ? "" : it->second, "", false, " inputmode=\"decimal\"");
  }
  h.Raw("</div></fieldset><fieldset><legend>Markeringer</legend>");
  f.Checkbox("cross_cutting", "Tværgående (månedlig status i direktionen)", d.cross_cutting);
  f.Checkbox("strategic", "Strategisk", d.strategic);
  f.Choice("strategic_line", "Strategisk linje", d.strategic_line, lines);
  f.Checkbox("obs", "OBS-punkt (kræver direktionens hjælp eller en beslutning)", d.obs);
  f.Area("obs_note", "OBS-note", d.obs_note, "Skal udfyldes når punktet har et OBS-punkt.", 2);
  h.Raw("</fieldset><fieldset><legend>Sammenhænge</legend>");
  f.Input("case_numbers", "Sagsnumre", d.case_numbers, "Adskilt med komma, fx 24/7615, 22/291.");
  f.Input("external_keys", "Nøgler i økonomisystemet", d.external_keys,
          "Konti eller projektnumre adskilt med komma; realiserede beløb importeres til punktet efter dem.");
  f.Area("strategies", "Strategier", d.strategies, "Én pr. linje, fx Plan- og Udviklingsstrategi.", 2);
  f.Input("sdgs", "FN's verdensmål", d.sdgs, "Numre 1-17 adskilt med komma.");
  h.Raw("</fieldset><div class=\"actions\"><button type=\"submit\">Gem</button> <a href=\"")
      .Text(is_new ? plan_href : "/emner/" + std::to_string(m.item_id)).Raw("\">Annullér</a></div></form>");
  PageEnd(h);
  return h.Take();
}

std::string DeleteConfirmPage(const PlanContext& ctx, const PlanItem& item) {
  Html h;
  const std::string plan_href = "/planer/" + std::to_string(ctx.plan.id());
  PageStart(h, "Slet punkt", {{"Planer", "/planer"}, {ctx.plan.name(), plan_href}, {"Slet punkt", ""}});
  h.Raw("<h1>Slet punktet?</h1><p>Vil du slette «").Text(item.data().title)
      .Raw("»? Punktet forsvinder fra planen og dens udsnit, men bevares i databasen.</p>");
  h.PostForm("/emner/" + std::to_string(item.id()) + "/slet").Raw("<input type=\"hidden\" name=\"revision\" value=\"")
      .Text(item.revision()).Raw("\"><button type=\"submit\" class=\"danger\">Ja, slet punktet</button> <a href=\"/emner/")
      .Text(item.id()).Raw("\">Nej, behold det</a></form>");
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
