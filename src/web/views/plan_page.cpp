#include "web/views/plan_views.h"

#include <algorithm>

#include "core/date.h"
#include "core/text.h"
#include "web/form.h"
#include "web/views/figures.h"
#include "web/views/layout.h"

namespace bs::web::views {

std::string FormatAmountCell(const std::map<int, Amount>& amounts, int year) {
  auto it = amounts.find(year);
  return it == amounts.end() ? std::string() : it->second.FormatTkrTypographic();
}

namespace {

std::string PlanHref(const Plan& p) { return "/planer/" + std::to_string(p.id()); }

void Select(Html& h, const char* name, const char* label, const std::string& current,
            const std::vector<std::pair<std::string, std::string>>& options, const char* all_label) {
  h.Raw("<div class=\"field\"><label for=\"f-").Text(name).Raw("\">").Text(label).Raw("</label><select id=\"f-")
      .Text(name).Raw("\" name=\"").Text(name).Raw("\"><option value=\"\">").Text(all_label).Raw("</option>");
  for (const auto& [value, text] : options) {
    h.Raw("<option value=\"").Text(value).Raw("\"").Raw(value == current ? Literal(" selected") : Literal("")).Raw(">").Text(text).Raw("</option>");
  }
  h.Raw("</select></div>");
}

void FilterForm(Html& h, const PlanContext& ctx, const ListQuery& q, const std::string& action) {
  h.Raw("<form class=\"filters no-print\" method=\"get\" action=\"").Text(action).Raw("\" role=\"search\" aria-label=\"Filtrér punkter\">");
  if (!q.errors.empty()) {
    h.Raw("<div class=\"error-summary\" role=\"alert\"><p>Filteret kunne ikke bruges:</p><ul>");
    for (const auto& e : q.errors) h.Raw("<li>").Text(e.message).Raw("</li>");
    h.Raw("</ul></div>");
  }
  h.Raw("<div class=\"field\"><label for=\"f-q\">Fritekst</label><input type=\"search\" id=\"f-q\" name=\"q\" value=\"")
      .Text(q.q).Raw("\"></div>");
  std::vector<std::pair<std::string, std::string>> committees, categories, states, sorts;
  for (const auto& b : ctx.committees) committees.emplace_back(b.code, b.code + " – " + b.name);
  for (Category c : kAllCategories) categories.emplace_back(std::string(Slug(c)), std::string(Label(c)));
  for (ProgressState s : kAllStates) states.emplace_back(std::string(Slug(s)), std::string(Label(s)));
  sorts = {{"code", "Kode"}, {"title", "Titel"}, {"state", "Fremdrift"}, {"timing", "Tidspunkt"}};
  Select(h, "committee", "Udvalg", q.committee, committees, "Alle udvalg");
  Select(h, "category", "Kategori", q.category, categories, "Alle kategorier");
  Select(h, "state", "Fremdrift", q.state, states, "Alle");
  h.Raw("<div class=\"field\"><label for=\"f-responsible\">Ansvarlig</label><input id=\"f-responsible\" name=\"responsible\" value=\"")
      .Text(q.responsible).Raw("\"></div>");
  Select(h, "sort", "Sortér efter", q.sort, sorts, "Kode");
  h.Raw("<fieldset class=\"checks\"><legend>Vis kun</legend>");
  h.Raw("<label><input type=\"checkbox\" name=\"cross_cutting\" value=\"1\"").Raw(q.cross == "1" ? Literal(" checked") : Literal(""))
      .Raw("> Tværgående</label>");
  h.Raw("<label><input type=\"checkbox\" name=\"obs\" value=\"1\"").Raw(q.obs == "1" ? Literal(" checked") : Literal(""))
      .Raw("> Med OBS-punkt</label>");
  h.Raw("<label><input type=\"checkbox\" name=\"done\" value=\"separate\"").Raw(q.done == "separate" ? Literal(" checked") : Literal(""))
      .Raw("> Afsluttede punkter for sig til sidst</label></fieldset>");
  h.Raw("<div class=\"actions\"><button type=\"submit\">Filtrér</button> <a href=\"").Text(action).Raw("\">Nulstil</a></div></form>");
}

// `awaiting`: the open round still waits for this item's status, so its light is last
// round's, not a current assessment (issue 11).
void StateCell(Html& h, const ItemData& d, bool awaiting, bool round_closed) {
  bool done = d.state == ProgressState::kDone;
  h.Raw("<td class=\"state state-").Text(Slug(d.state)).Raw("\" data-label=\"Fremdrift\">");
  if (done) h.Raw("<span class=\"done-mark\" aria-hidden=\"true\">X</span> ");
  h.Text(Label(d.state));
  if (awaiting) {
    h.Raw("<br><strong class=\"awaiting\">").Raw(round_closed ? Literal("Ingen status i runden") : Literal("Afventer status")).Raw("</strong>");
    if (d.traffic_light != TrafficLight::kNone)
      h.Raw(" <span class=\"meta\">(sidst: ").Text(Label(d.traffic_light)).Raw(")</span>");
  } else if (d.traffic_light != TrafficLight::kNone) {
    h.Raw("<br><span class=\"light light-").Text(Slug(d.traffic_light)).Raw("\"><span class=\"dot\" aria-hidden=\"true\"></span>")
        .Text(Label(d.traffic_light)).Raw("</span>");
  }
  h.Raw("</td>");
}

// link_items: titles link to the live item pages (not for the public on a version).
void ItemsTable(Html& h, const PlanContext& ctx, const std::vector<const PlanItem*>& items, const std::string& caption,
                const FigureSums* sums, const std::string& sum_label, bool link_items, const RoundMark* round) {
  auto years = ctx.plan.Years();
  // On a phone every item is a block of label: value lines (table.stack-narrow).
  h.Raw("<table class=\"items stack-narrow\"><caption class=\"visually-hidden\">").Text(caption).Raw("</caption>"
        "<colgroup><col class=\"c-code\"><col class=\"c-title\"><col class=\"c-resp\"><col class=\"c-time\">"
        "<col class=\"c-treat\"><col class=\"c-state\">");
  for (size_t i = 0; i < years.size(); ++i) h.Raw("<col class=\"c-year\">");
  h.Raw("</colgroup><thead><tr>"
        "<th scope=\"col\">Kode</th><th scope=\"col\">Titel</th><th scope=\"col\">Ansvarlig</th>"
        "<th scope=\"col\">Tidspunkt</th><th scope=\"col\">Politisk behandling</th><th scope=\"col\">Fremdrift</th>");
  for (int y : years) h.Raw("<th scope=\"col\" class=\"num\">").Text(y).Raw("</th>");
  h.Raw("</tr></thead><tbody>");
  const size_t cols = 6 + years.size();
  for (const PlanItem* item_ptr : items) {
    const PlanItem& item = *item_ptr;
    const ItemData& d = item.data();
    std::string cls = d.state == ProgressState::kDone ? "done" : "";
    if (d.obs) cls += cls.empty() ? "has-obs" : " has-obs";
    h.Raw("<tr").Raw(cls.empty() ? Literal("") : Literal(" class=\"")).Text(cls).Raw(cls.empty() ? Literal("") : Literal("\"")).Raw(">");
    h.Raw("<td class=\"code\" data-label=\"Kode\">").Text(d.code ? d.code->text() : "").Raw("</td>");
    h.Raw("<th scope=\"row\" class=\"title\">");
    if (link_items) h.Raw("<a href=\"/emner/").Text(item.id()).Raw("\">").Text(d.title).Raw("</a>");
    else h.Text(d.title);
    if (d.cross_cutting) h.Raw(" <span class=\"tag\">Tværgående</span>");
    if (d.demo) h.Raw(" <span class=\"tag demo\">Demo</span>");
    if (!d.status_text.empty()) h.Raw("<span class=\"status-line\">").Text(text::Truncate(d.status_text, 160)).Raw("</span>");
    h.Raw("</th><td data-label=\"Ansvarlig\">").Text(d.responsible).Raw("</td><td data-label=\"Tidspunkt\">").Text(d.timing.Display())
        .Raw("</td><td data-label=\"Politisk behandling\">").Text(d.treatment.Summary()).Raw("</td>");
    StateCell(h, d, round && round->awaiting.count(item.id()), round && !round->round.open());
    for (int y : years) YearCell(h, FiguresOf(d, y), y);
    h.Raw("</tr>");
    if (d.obs) {
      h.Raw("<tr class=\"obs-row\"><td></td><td colspan=\"").Text(static_cast<long long>(cols - 1))
          .Raw("\"><strong class=\"obs-label\">OBS-punkt").Raw(d.obs_note.empty() ? Literal("") : Literal(":")).Raw("</strong> ")
          .Text(d.obs_note).Raw("</td></tr>");  // the note may be internal (emptied for the public)
    }
  }
  h.Raw("</tbody>");
  if (sums) SumRows(h, years, *sums, sum_label, 6);
  h.Raw("</table>");
}

void SumTable(Html& h, const PlanContext& ctx, const FigureSums& sums, const std::string& label) {
  FiguresTable(h, ctx.plan.Years(), sums, label);
}

void Sections(Html& h, const PlanContext& ctx, const PlanOverview& input, const std::string& own_committee,
              bool link_items, const RoundMark* round) {
  PlanOverview ov = input;
  // A committee's extract shows its own items first, then the cross-cutting ones.
  if (!own_committee.empty())
    for (auto& sec : ov.sections)
      std::stable_partition(sec.groups.begin(), sec.groups.end(), [&](const ItemGroup& g) { return g.key == own_committee; });
  for (const auto& s : ov.sections) {
    h.Raw("<section class=\"category\"><h2 id=\"").Text(Slug(s.category)).Raw("\">").Text(PluralLabel(s.category))
        .Raw(" <span class=\"count\">(").Text(static_cast<long long>(s.count)).Raw(")</span></h2>");
    for (const auto& g : s.groups) {
      std::string label = g.label;
      if (!own_committee.empty() && s.category != Category::kIntent && g.key != own_committee) label += " – tværgående";
      h.Raw("<h3>").Text(label).Raw("</h3>");
      ItemsTable(h, ctx, g.items, std::string(PluralLabel(s.category)) + ", " + label, &g.sums, "I alt " + g.label, link_items,
                 round);
    }
    SumTable(h, ctx, s.sums, "I alt " + std::string(PluralLabel(s.category)).insert(0, ""));
    h.Raw("</section>");
  }
  if (!ov.completed.empty()) {
    h.Raw("<section class=\"completed\"><h2 id=\"afsluttede\">Afsluttede punkter <span class=\"count\">(")
        .Text(static_cast<long long>(ov.completed.size())).Raw(")</span></h2>");
    ItemsTable(h, ctx, ov.completed, "Afsluttede punkter", nullptr, "", link_items, round);
    h.Raw("</section>");
  }
}

// The strategic part: the overarching lines and the items they group. Under a filter a
// line without items in the view is left out (and the part when all are), instead of a
// row of «Ingen punkter i visningen.» (issue 14).
void StrategicPart(Html& h, const PlanContext& ctx, const PlanOverview& ov, bool link_items, bool filtered) {
  if (ctx.strategic_lines.empty()) return;
  std::vector<std::vector<const PlanItem*>> per_line;
  bool any = false;
  for (const auto& line : ctx.strategic_lines) {
    std::vector<const PlanItem*> items;
    for (const auto& sec : ov.sections)
      for (const auto& g : sec.groups)
        for (const PlanItem* i : g.items) if (i->data().strategic_line_id == line.id) items.push_back(i);
    for (const PlanItem* i : ov.completed) if (i->data().strategic_line_id == line.id) items.push_back(i);
    any = any || !items.empty();
    per_line.push_back(std::move(items));
  }
  if (filtered && !any) return;
  h.Raw("<section class=\"strategic\"><h2 id=\"strategisk\">Strategisk del</h2><p class=\"lead\">"
        "De overordnede linjer og de punkter, der hører til dem.</p>");
  for (size_t n = 0; n < ctx.strategic_lines.size(); ++n) {
    const auto& line = ctx.strategic_lines[n];
    const auto& items = per_line[n];
    if (filtered && items.empty()) continue;
    h.Raw("<h3>").Text(line.title).Raw("</h3>");
    if (!line.description.empty()) h.Raw("<p>").Text(line.description).Raw("</p>");
    if (items.empty()) { h.Raw("<p class=\"none\">Ingen punkter under linjen endnu.</p>"); continue; }
    h.Raw("<ul>");
    for (const PlanItem* i : items) {
      h.Raw(link_items ? Literal("<li><a href=\"/emner/") : Literal("<li><span data-item=\"")).Text(i->id()).Raw("\">");
      if (i->data().code) h.Text(i->data().code->text()).Raw(" ");
      h.Text(i->data().title).Raw(link_items ? Literal("</a> – ") : Literal("</span> – ")).Text(Label(i->data().state)).Raw("</li>");
    }
    h.Raw("</ul>");
  }
  h.Raw("</section>");
}

}  // namespace

std::string PlansPage(const std::vector<Plan>& plans, const PlanDraft& draft, const std::vector<FieldError>& errors,
                      const Capabilities& caps) {
  Html h;
  PageStart(h, "Udmøntningsplaner", {{"Planer", "/planer"}});
  h.Raw("<h1>Udmøntningsplaner</h1>");
  if (plans.empty()) h.Raw("<p>Der er endnu ingen planer.</p>");
  else {
    h.Raw("<ul class=\"plans\">");
    for (const auto& p : plans) {
      h.Raw("<li><a href=\"").Text(caps.live ? PlanHref(p) : PlanHref(p) + "/versioner").Raw("\">").Text(p.name()).Raw("</a> – ").Text(p.budget_name())
          .Raw(" (").Text(p.first_year()).Raw("–").Text(p.last_year()).Raw(")</li>");
    }
    h.Raw("</ul>");
  }
  if (!caps.live) h.Raw("<p class=\"lead\">Her vises planernes offentliggjorte versioner. Medarbejdere og politikere "
                        "logger ind for at se den aktuelle plan.</p>");
  if (!caps.setup) {
    PageEnd(h);
    return h.Take();
  }
  h.Raw("<section class=\"no-print\"><h2>Ny plan</h2>");
  if (!errors.empty()) {
    h.Raw("<div class=\"error-summary\" role=\"alert\"><p>Planen blev ikke oprettet:</p><ul>");
    for (const auto& e : errors) h.Raw("<li>").Text(e.message).Raw("</li>");
    h.Raw("</ul></div>");
  }
  h.PostForm("/planer", "class=\"stack\"").Raw(
        "<div class=\"field\"><label for=\"p-name\">Navn</label><input id=\"p-name\" name=\"name\" required placeholder=\"Udmøntningsplan 2026-2029\" value=\"")
      .Text(draft.name).Raw("\"></div><div class=\"field\"><label for=\"p-budget\">Budget</label><input id=\"p-budget\" name=\"budget_name\" required placeholder=\"Budget 2026-2029\" value=\"")
      .Text(draft.budget_name).Raw("\"></div><div class=\"field\"><label for=\"p-first\">Første år</label><input id=\"p-first\" name=\"first_year\" inputmode=\"numeric\" required value=\"")
      .Text(draft.first_year).Raw("\"></div><div class=\"field\"><label for=\"p-last\">Sidste år</label><input id=\"p-last\" name=\"last_year\" inputmode=\"numeric\" required value=\"")
      .Text(draft.last_year).Raw("\"></div><div class=\"actions\"><button type=\"submit\">Opret plan</button></div></form></section>");
  PageEnd(h);
  return h.Take();
}

std::string PlanPage(const PlanContext& ctx, const PlanOverview& ov, const ListQuery& q, const Version* version,
                     const Capabilities& caps, const RoundMark* round) {
  Html h;
  const std::string base = PlanHref(ctx.plan);
  const std::string here = version ? base + "/versioner/" + std::to_string(version->id) : base;
  // The public reads the plan through its versions: the crumb goes there, not to a page
  // that asks them to sign in.
  const std::string plan_crumb = caps.live ? base : base + "/versioner";
  if (version)
    PageStart(h, version->name + " – " + ctx.plan.name(),
              {{"Planer", "/planer"}, {ctx.plan.name(), plan_crumb}, {"Versioner", base + "/versioner"}, {version->name, ""}});
  else
    PageStart(h, ctx.plan.name(), {{"Planer", "/planer"}, {ctx.plan.name(), base}});
  h.Raw("<div class=\"page-head\"><h1>").Text(ctx.plan.name());
  if (version) h.Raw(" – ").Text(version->name);
  h.Raw("</h1><p class=\"lead\">").Text(ctx.plan.budget_name()).Raw(". Tidspunkterne er vejledende. Beløb i 1.000 kr.</p>");
  if (version) {
    h.Raw("<p class=\"notice\">Offentliggjort version pr. ").Text(version->as_of.Short());
    if (!version->reporting_round.empty()) h.Raw(" (").Text(version->reporting_round).Raw(")");
    h.Raw(". Sådan så planen ud; den kan ikke ændres.");
    if (caps.live) h.Raw(" <a href=\"").Text(base).Raw("/aendringer?from=").Text(version->id).Raw("&amp;to=now\">Se ændringerne siden</a>.");
    h.Raw("</p>");
  }
  if (round && round->round.open()) {
    h.Raw("<p class=\"round-banner\">Statusrunden ");
    if (caps.history) h.Raw("<a href=\"/statusrunder/").Text(round->round.id).Raw("\">«").Text(round->round.name).Raw("»</a>");
    else h.Raw("«").Text(round->round.name).Raw("»");
    h.Raw(" er åben med frist ").Text(round->round.cutoff.Short()).Raw(": ").Text(round->reported).Raw(" af ").Text(round->items)
        .Raw(" punkter, der skal give status, har gjort det. Punkter uden status i runden står som «Afventer status».</p>");
  } else if (round) {
    h.Raw("<p class=\"round-banner\">Versionen er offentliggjort af statusrunden «").Text(round->round.name).Raw("» (frist ")
        .Text(round->round.cutoff.Short()).Raw("): ").Text(round->reported).Raw(" af ").Text(round->items)
        .Raw(" punkter gav status. Punkter uden status i runden står som «Ingen status i runden».</p>");
  }
  h.Raw("<p class=\"no-print\">");
  if (!version && caps.edit) h.Raw("<a class=\"button\" href=\"").Text(base).Raw("/emner/ny\">Nyt punkt</a> ");
  h.Raw("<a href=\"").Text(base).Raw("/versioner\">Versioner og redline</a> · <a href=\"").Text(base).Raw("/rapporter\">Rapporter</a>");
  if (caps.history) h.Raw(" · <a href=\"").Text(base).Raw("/statusrunder\">Statusrunder</a>");
  if (!version && caps.setup) h.Raw(" · <a href=\"").Text(base).Raw("/opsaetning\">Opsætning</a>");
  h.Raw(" · Udvalgenes udsnit: ");
  for (size_t i = 0; i < ctx.committees.size(); ++i) {
    std::string href = version ? here + "/udvalg/" + PercentEncode(ctx.committees[i].code)
                               : base + "/udvalg/" + PercentEncode(ctx.committees[i].code);
    h.Raw(i ? Literal(", ") : Literal("")).Raw("<a href=\"").Text(href).Raw("\">").Text(ctx.committees[i].code).Raw("</a>");
  }
  h.Raw("</p></div>");
  FilterForm(h, ctx, q, here);
  // Exports of exactly this view: the same filter, this version or the live plan.
  std::string query = q.QueryString();
  if (!query.empty() && query[0] == '?') query.erase(0, 1);
  std::string export_base = base + "/rapporter/plan?version=" + (version ? std::to_string(version->id) : std::string("live")) +
                            (query.empty() ? "" : "&" + query) + "&format=";
  h.Raw("<p class=\"downloads no-print\">Hent ").Raw(q.Any() ? Literal("de viste punkter") : Literal("planen")).Raw(" som: <a href=\"")
      .Text(export_base + "pdf").Raw("\">PDF</a> · <a href=\"").Text(export_base + "xlsx").Raw("\">Excel (XLSX)</a> · <a href=\"")
      .Text(export_base + "csv").Raw("\">CSV</a> · <a href=\"").Text(export_base + "csv&sep=semicolon")
      .Raw("\">CSV med semikolon</a></p>");
  if (ov.count == 0) {
    h.Raw("<p class=\"summary\" role=\"status\">").Raw(q.Any() ? Literal("Ingen punkter matcher filteret.") : Literal("Planen har ingen punkter endnu."))
        .Raw("</p>");
    if (q.Any()) h.Raw("<p><a href=\"").Text(here).Raw("\">Vis alle punkter</a>.</p>");
  } else {
    h.Raw("<p class=\"summary\" role=\"status\">").Text(static_cast<long long>(ov.count)).Raw(ov.count == 1 ? Literal(" punkt") : Literal(" punkter"));
    if (q.Any()) h.Raw(" matcher filteret");
    if (ov.obs_count > 0) h.Raw(", heraf ").Text(static_cast<long long>(ov.obs_count)).Raw(" med OBS-punkt");
    h.Raw(".</p>");
  }
  Sections(h, ctx, ov, "", caps.live, round);
  if (ov.count) SumTable(h, ctx, ov.totals, q.Any() ? "I alt for de viste punkter" : "I alt for planen");
  StrategicPart(h, ctx, ov, caps.live, q.Any());
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
