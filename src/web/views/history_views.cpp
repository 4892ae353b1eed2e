#include "web/views/history_views.h"

#include "core/date.h"
#include "core/text.h"
#include "web/views/figures.h"
#include "web/views/form_fields.h"
#include "web/views/layout.h"
#include "web/views/plan_views.h"

namespace bs::web::views {
namespace {

std::string When(int64_t unix) { return DanishTime::FromUnix(unix).Short(); }

const char* SourceLabel(const std::string& s) {
  if (s == "form") return "formular";
  if (s == "api") return "API";
  if (s == "import") return "import";
  if (s == "restore") return "gendannelse";
  if (s == "status") return "statusopdatering";
  if (s == "demo") return "demodata";
  return "ukendt";
}
const char* ActionLabel(const std::string& a) {
  if (a == "create") return "Oprettet";
  if (a == "update") return "Ændret";
  if (a == "status") return "Status opdateret";
  if (a == "delete") return "Slettet";
  return "Ændret";
}

void Changes(Html& h, const std::vector<FieldChange>& changes) {
  if (changes.empty()) { h.Raw("<p class=\"none\">Ingen feltændringer.</p>"); return; }
  h.Raw("<ul class=\"changes\">");
  for (const auto& c : changes) {
    h.Raw("<li><strong>").Text(c.label).Raw(":</strong> ");
    if (c.is_text) {
      Segments(h, WordDiff(c.before, c.after));
    } else {
      h.Raw("<del><span class=\"visually-hidden\">før: </span>").Text(c.before.empty() ? "(tom)" : c.before)
          .Raw("</del> → <ins><span class=\"visually-hidden\">nu: </span>").Text(c.after.empty() ? "(tom)" : c.after).Raw("</ins>");
    }
    h.Raw("</li>");
  }
  h.Raw("</ul>");
}

}  // namespace

void Segments(Html& h, const std::vector<Segment>& segments) {
  for (const auto& s : segments) {
    switch (s.kind) {
      case SegmentKind::kEqual: h.Text(s.text); break;
      case SegmentKind::kInsert:
        h.Raw("<ins><span class=\"visually-hidden\">[indsat: </span>").Text(s.text).Raw("<span class=\"visually-hidden\">]</span></ins>");
        break;
      case SegmentKind::kDelete:
        h.Raw("<del><span class=\"visually-hidden\">[slettet: </span>").Text(s.text).Raw("<span class=\"visually-hidden\">]</span></del>");
        break;
    }
  }
}

void StatusForm(Html& h, const PlanContext& ctx, const PlanItem& item, const StatusFormModel& form);
void StatusList(Html& h, const std::vector<StatusUpdate>& updates);

void StatusSection(Html& h, const PlanContext& ctx, const PlanItem& item, const std::vector<StatusUpdate>& updates,
                   const StatusFormModel& form) {
  const ItemData& d = item.data();
  h.Raw("<section class=\"status\" aria-labelledby=\"status-h\"><h2 id=\"status-h\">Status</h2>");
  // Planned vs expected realised: the item carries the latest figures each year got.
  const StatusUpdate* latest_figures = nullptr;
  for (const auto& u : updates) if (!u.realised.empty()) { latest_figures = &u; break; }
  FigureSums sums;
  sums.Add(d);
  std::string caption = "Planlagt og forventet realiseret effekt";
  if (latest_figures) caption += " (seneste tal " + latest_figures->as_of.Short() + ")";
  FiguresTable(h, ctx.plan.Years(), sums, caption);
  if (!sums.AnyReported()) h.Raw("<p class=\"none\">Ingen forventet realiseret effekt er rapporteret endnu.</p>");

  if (form.show_form) StatusForm(h, ctx, item, form);
  StatusList(h, updates);
}

void StatusForm(Html& h, const PlanContext& ctx, const PlanItem& item, const StatusFormModel& form) {
  const ItemData& d = item.data();
  h.Raw("<details class=\"no-print\"").Raw(form.errors.empty() && form.message.empty() ? Literal("") : Literal(" open"))
      .Raw(" id=\"ny-status\"><summary>Ny statusopdatering</summary>");
  if (!form.message.empty()) h.Raw("<div class=\"conflict\" role=\"alert\"><p>").Text(form.message).Raw("</p></div>");
  if (!form.errors.empty()) {
    h.Raw("<div class=\"error-summary\" role=\"alert\"><h3>Statusopdateringen er ikke gemt</h3><ul>");
    for (const auto& e : form.errors) h.Raw("<li><a href=\"#s-").Text(e.field).Raw("\">").Text(e.message).Raw("</a></li>");
    h.Raw("</ul></div>");
  }
  const StatusDraft& f = form.draft;
  h.PostForm("/emner/" + std::to_string(item.id()) + "/status", "class=\"item-form\"").Raw(
        "<input type=\"hidden\" name=\"revision\" value=\"").Text(item.revision()).Raw("\">");
  FormFields fields(h, form.errors);  // ids "s-<name>", which the summary above links to
  auto input = [&](const std::string& name, std::string_view label, const std::string& value, Literal extra = "") {
    fields.Input({"s-" + name, name, label, {}, false, extra}, value);
  };
  auto select = [&](const std::string& name, std::string_view label, const std::string& value, const FieldOptions& options) {
    fields.Select({"s-" + name, name, label}, value, options);
  };
  input("as_of", "Statusdato (dd-mm-åååå)", f.as_of, " inputmode=\"numeric\"");
  // Signed by the signed-in person (PlanService::AddStatus); the field is whom it is for.
  fields.Input({"s-author", "author", "På vegne af (valgfrit)", "Statusopdateringen underskrives med dit navn. Skriv et navn her, "
                "hvis du giver status for en anden; det står ved siden af dit."}, f.author);
  fields.TextArea({"s-status_text", "status_text", "Status"}, f.status_text, 3);
  std::vector<std::pair<std::string, std::string>> states, lights;
  for (ProgressState s : kAllStates) states.emplace_back(std::string(Slug(s)), std::string(Label(s)));
  for (TrafficLight l : kAllLights) lights.emplace_back(std::string(Slug(l)), std::string(Label(l)));
  select("state", "Fremdrift", f.state.empty() ? std::string(Slug(d.state)) : f.state, states);
  // Like the state, the light starts at the item's own, so a text-only update keeps it.
  select("traffic_light", "Trafiklys", f.traffic_light.empty() && f.status_text.empty() ? std::string(Slug(d.traffic_light)) : f.traffic_light,
         lights);
  h.Raw("<fieldset><legend>Forventet realiseret effekt (1.000 kr.; et tomt felt lader året være, som det er)</legend><div class=\"amounts\">");
  for (int y : ctx.plan.Years()) {
    std::string key = std::to_string(y);
    auto it = f.realised.find(key);
    std::string name = "realised_" + key;
    // Prefilled with the figures the item has; an empty field leaves that year as it is.
    std::string value = it != f.realised.end() ? it->second : "";
    if (it == f.realised.end())
      if (auto r = d.realised.find(y); r != d.realised.end()) value = r->second.FormatTkr();
    input(name, key, value, " inputmode=\"decimal\"");
  }
  h.Raw("</div></fieldset>");
  if (form.obs_fields) {
  select("obs_action", "OBS-punkt", f.obs_action,
         {{"", d.obs ? "Behold OBS-punktet" : "Intet OBS-punkt"}, {"raise", "Rejs OBS-punkt"}, {"resolve", "Løs OBS-punktet"}});
    fields.TextArea({"s-obs_note", "obs_note", "OBS-note (når et OBS-punkt rejses)"}, f.obs_note, 2);
  }
  h.Raw("<div class=\"actions\"><button type=\"submit\">Gem statusopdatering</button></div></form></details>");
}

void StatusList(Html& h, const std::vector<StatusUpdate>& updates) {
  if (updates.empty()) h.Raw("<p class=\"none\">Ingen statusopdateringer endnu.</p>");
  else {
    h.Raw("<ol class=\"timeline\" reversed>");
    for (const auto& u : updates) {
      h.Raw("<li><p class=\"meta\"><strong>").Text(u.as_of.Long()).Raw("</strong> · ").Text(u.author).Raw(" · ")
          .Text(Label(u.state));
      if (u.traffic_light != TrafficLight::kNone)
        h.Raw(" · <span class=\"light light-").Text(Slug(u.traffic_light)).Raw("\"><span class=\"dot\" aria-hidden=\"true\"></span>")
            .Text(Label(u.traffic_light)).Raw("</span>");
      h.Raw("</p><p>").Multiline(u.status_text).Raw("</p>");
      if (u.obs_action == ObsAction::kRaise) {  // the note is internal: emptied for politicians and the public
        if (u.obs_note.empty()) h.Raw("<p><strong class=\"obs-label\">OBS-punkt rejst.</strong></p>");
        else h.Raw("<p><strong class=\"obs-label\">OBS-punkt rejst:</strong> ").Text(u.obs_note).Raw("</p>");
      }
      if (u.obs_action == ObsAction::kResolve) h.Raw("<p><strong>OBS-punkt løst.</strong></p>");
      if (!u.realised.empty()) {
        h.Raw("<p>Forventet realiseret: ");
        bool first = true;
        for (const auto& [y, a] : u.realised) {
          h.Raw(first ? Literal("") : Literal(", ")).Text(y).Raw(": ").Text(a.FormatTkrTypographic());
          first = false;
        }
        h.Raw(" (1.000 kr.)</p>");
      }
      h.Raw("</li>");
    }
    h.Raw("</ol>");
  }
  h.Raw("</section>");
}

void HistoryTimeline(Html& h, const PlanContext& ctx, const PlanItem& item, const std::vector<HistoryEntry>& history,
                     size_t limit) {
  h.Raw("<ol class=\"timeline history\">");
  size_t shown = 0;
  for (size_t k = history.size(); k-- > 0;) {
    if (limit && shown++ >= limit) break;
    const HistoryEntry& e = history[k];
    h.Raw("<li><p class=\"meta\"><strong>").Text(ActionLabel(e.action)).Raw("</strong> · version ").Text(e.revision)
        .Raw(" · ").Text(When(e.at)).Raw(" · ").Text(e.author).Raw(" · via ").Text(SourceLabel(e.source)).Raw("</p>");
    if (!e.comment.empty()) h.Raw("<p class=\"comment\">").Text(e.comment).Raw("</p>");
    if (k > 0) Changes(h, DiffItems(history[k - 1].item.data(), e.item.data(), ctx.themes, ctx.strategic_lines));
    if (e.revision != item.revision() && e.action != "delete") {
      h.PostForm("/emner/" + std::to_string(item.id()) + "/gendan", "class=\"no-print inline\"").Raw(
            "<input type=\"hidden\" name=\"revision\" value=\"").Text(e.revision)
          .Raw("\"><input type=\"hidden\" name=\"base\" value=\"").Text(item.revision())
          .Raw("\"><button type=\"submit\" class=\"secondary\">Gendan version ").Text(e.revision).Raw("</button></form>");
    }
    h.Raw("</li>");
  }
  h.Raw("</ol>");
}

std::string HistoryPage(const PlanContext& ctx, const PlanItem& item, const std::vector<HistoryEntry>& history) {
  Html h;
  const std::string plan_href = "/planer/" + std::to_string(ctx.plan.id());
  PageStart(h, "Historik: " + item.data().title,
            {{"Planer", "/planer"}, {ctx.plan.name(), plan_href}, {item.data().title, "/emner/" + std::to_string(item.id())},
             {"Historik", ""}});
  h.Raw("<h1>Historik: ").Text(item.data().title).Raw("</h1><p class=\"lead\">").Text(static_cast<long long>(history.size()))
      .Raw(" versioner, nyeste først. Historikken kan ikke ændres; en gendannelse bliver en ny version.</p>");
  HistoryTimeline(h, ctx, item, history, 0);
  PageEnd(h);
  return h.Take();
}

std::string VersionsPage(const PlanContext& ctx, const std::vector<Version>& versions, const VersionDraft& draft,
                         const std::vector<FieldError>& errors, const std::vector<PlanEvent>& events,
                         const Capabilities& caps) {
  Html h;
  const std::string base = "/planer/" + std::to_string(ctx.plan.id());
  // The public reads the plan through this page: its crumb does not lead to a sign-in.
  PageStart(h, "Versioner – " + ctx.plan.name(), {{"Planer", "/planer"}, {ctx.plan.name(), caps.live ? base : base + "/versioner"}, {"Versioner", ""}});
  h.Raw("<h1>Offentliggjorte versioner</h1><p class=\"lead\">En version er et uforanderligt øjebliksbillede af hele planen, "
        "fx til halvårsstatus til ØK. Redline viser ændringerne mellem to versioner eller fra en version til nu.</p>");
  if (versions.empty()) h.Raw("<p>Der er ingen versioner endnu.</p>");
  else {
    h.Raw("<table class=\"versions stack-narrow\"><caption class=\"visually-hidden\">Versioner</caption><thead><tr><th scope=\"col\">Navn</th>"
          "<th scope=\"col\">Pr.</th><th scope=\"col\">Opfølgningsrunde</th><th scope=\"col\">Offentliggjort</th>"
          "<th scope=\"col\" class=\"num\">Punkter</th><th scope=\"col\">Redline</th></tr></thead><tbody>");
    for (size_t i = 0; i < versions.size(); ++i) {
      const Version& v = versions[i];
      std::string vhref = base + "/versioner/" + std::to_string(v.id);
      h.Raw("<tr><th scope=\"row\"><a href=\"").Text(vhref).Raw("\">").Text(v.name).Raw("</a></th><td data-label=\"Pr.\">").Text(v.as_of.Short())
          .Raw("</td><td data-label=\"Opfølgningsrunde\">").Text(v.reporting_round).Raw("</td><td data-label=\"Offentliggjort\">")
          .Text(When(v.published_at)).Raw(", ").Text(v.published_by)
          .Raw("</td><td class=\"num\" data-label=\"Punkter\">").Text(v.item_count).Raw("</td><td data-label=\"Redline\">");
      if (caps.live) h.Raw("<a href=\"").Text(base).Raw("/aendringer?from=").Text(v.id).Raw("&amp;to=now\">til nu</a>");
      if (caps.live && i + 1 < versions.size()) h.Raw(" · ");
      if (i + 1 < versions.size())
        h.Raw("<a href=\"").Text(base).Raw("/aendringer?from=").Text(versions[i + 1].id).Raw("&amp;to=").Text(v.id)
            .Raw("\">fra forrige</a>");
      h.Raw("</td></tr>");
    }
    h.Raw("</tbody></table>");
  }
  if (caps.publish) {
  h.Raw("<section class=\"no-print\"><h2>Offentliggør en ny version</h2>");
  if (!errors.empty()) {
    h.Raw("<div class=\"error-summary\" role=\"alert\"><p>Versionen er ikke offentliggjort:</p><ul>");
    for (const auto& e : errors) h.Raw("<li>").Text(e.message).Raw("</li>");
    h.Raw("</ul></div>");
  }
  h.PostForm(base + "/versioner", "class=\"stack\"").Raw(
        "<div class=\"field\"><label for=\"v-name\">Navn</label><input id=\"v-name\" name=\"name\" placeholder=\"Status pr. ultimo maj 2025\" value=\"")
      .Text(draft.name).Raw("\"></div><div class=\"field\"><label for=\"v-asof\">Pr. dato (dd-mm-åååå)</label><input id=\"v-asof\" name=\"as_of\" value=\"")
      .Text(draft.as_of).Raw("\"></div><div class=\"field\"><label for=\"v-round\">Opfølgningsrunde (valgfri)</label><input id=\"v-round\" name=\"reporting_round\" placeholder=\"Budgetopfølgning 2 pr. 31.05.2025\" value=\"")
      .Text(draft.reporting_round).Raw("\"></div><div class=\"actions\"><button type=\"submit\">Offentliggør version</button></div></form></section>");
  }
  if (caps.history) {
  h.Raw("<section><h2>Planens historik</h2><p class=\"lead\">Ændringer af selve planen og kommunens udvalg; "
        "punkternes ændringer står på hvert punkt.</p><ol class=\"timeline\">");
  for (const auto& e : events)
    h.Raw("<li><p class=\"meta\"><strong>").Text(PlanEventLabel(e.action)).Raw("</strong> · ").Text(When(e.at)).Raw(" · ")
        .Text(e.author).Raw("</p><p>").Text(e.detail).Raw("</p></li>");
  h.Raw("</ol></section>");
  }
  PageEnd(h);
  return h.Take();
}

std::string RedlinePage(const PlanContext& ctx, const RedlineView& view, const std::vector<Version>& versions,
                        const Capabilities& caps) {
  Html h;
  const std::string base = "/planer/" + std::to_string(ctx.plan.id());
  const Redline& r = view.redline;
  std::string to_label = view.to ? view.to->name : "nu";
  PageStart(h, "Redline – " + ctx.plan.name(),
            {{"Planer", "/planer"}, {ctx.plan.name(), caps.live ? base : base + "/versioner"}, {"Versioner", base + "/versioner"}, {"Redline", ""}});
  h.Raw("<h1>Ændringer i ").Text(ctx.plan.name()).Raw("</h1><p class=\"lead\">Fra «").Text(view.from.name).Raw("» (pr. ")
      .Text(view.from.as_of.Short()).Raw(") til ").Text(view.to ? "«" + to_label + "» (pr. " + view.to->as_of.Short() + ")" : "planen, som den er nu")
      .Raw(". Ny tekst er <ins>understreget med rødt</ins>, fjernet tekst er <del>overstreget</del>.</p>");
  h.Raw("<form method=\"get\" action=\"").Text(base).Raw("/aendringer\" class=\"filters no-print\"><div class=\"field\"><label for=\"r-from\">Fra</label><select id=\"r-from\" name=\"from\">");
  for (const auto& v : versions)
    h.Raw("<option value=\"").Text(v.id).Raw("\"").Raw(v.id == view.from.id ? Literal(" selected") : Literal("")).Raw(">").Text(v.name).Raw("</option>");
  h.Raw("</select></div><div class=\"field\"><label for=\"r-to\">Til</label><select id=\"r-to\" name=\"to\">");
  if (caps.live) h.Raw("<option value=\"now\">Nu</option>");
  for (const auto& v : versions)
    h.Raw("<option value=\"").Text(v.id).Raw("\"").Raw(view.to && v.id == view.to->id ? Literal(" selected") : Literal("")).Raw(">").Text(v.name).Raw("</option>");
  h.Raw("</select></div><div class=\"actions\"><button type=\"submit\">Sammenlign</button></div></form>");
  h.Raw("<ul class=\"redline-summary\"><li>").Text(static_cast<long long>(r.added.size())).Raw(" nye punkter</li><li>")
      .Text(static_cast<long long>(r.removed.size())).Raw(" fjernede punkter</li><li>").Text(static_cast<long long>(r.changed.size()))
      .Raw(" ændrede punkter</li><li>").Text(r.completed).Raw(" afsluttet siden</li><li>").Text(r.obs_raised)
      .Raw(" OBS-punkter rejst</li><li>").Text(r.obs_resolved).Raw(" OBS-punkter løst</li></ul>");
  auto item_link = [&](const PlanItem& i) {
    if (caps.live) h.Raw("<a href=\"/emner/").Text(i.id()).Raw("\">");
    if (i.data().code) h.Text(i.data().code->text()).Raw(" ");
    h.Text(i.data().title).Raw(caps.live ? Literal("</a>") : Literal(""));
  };
  if (!r.added.empty()) {
    h.Raw("<section><h2>Nye punkter</h2><ul class=\"redline-items\">");
    for (const auto& i : r.added) {
      h.Raw("<li class=\"new\"><ins><span class=\"visually-hidden\">[nyt punkt: </span>");
      item_link(i);
      h.Raw("<span class=\"visually-hidden\">]</span></ins> <span class=\"tag\">Nyt</span> – ").Text(Label(i.data().category));
      if (!i.data().committee.empty()) h.Raw(", ").Text(i.data().committee);
      if (i.data().obs) h.Raw(" <strong class=\"obs-label\">OBS-punkt:</strong> ").Text(i.data().obs_note);
      h.Raw("</li>");
    }
    h.Raw("</ul></section>");
  }
  if (!r.removed.empty()) {
    h.Raw("<section><h2>Fjernede punkter</h2><ul class=\"redline-items\">");
    for (const auto& i : r.removed) {
      h.Raw("<li><del><span class=\"visually-hidden\">[fjernet punkt: </span>");
      if (i.data().code) h.Text(i.data().code->text()).Raw(" ");
      h.Text(i.data().title).Raw("<span class=\"visually-hidden\">]</span></del> <span class=\"tag\">Fjernet</span></li>");
    }
    h.Raw("</ul></section>");
  }
  if (!r.changed.empty()) {
    h.Raw("<section><h2>Ændrede punkter</h2>");
    for (const auto& c : r.changed) {
      h.Raw("<article class=\"redline-item\"><h3>");
      item_link(c.after);
      h.Raw("</h3><p>");
      if (c.completed) h.Raw("<span class=\"tag\">X Afsluttet siden</span> ");
      if (c.obs_raised) h.Raw("<strong class=\"obs-label\">OBS-punkt rejst</strong> ");
      if (c.obs_resolved) h.Raw("<span class=\"tag\">OBS-punkt løst</span> ");
      h.Raw("</p><dl class=\"fields\">");
      for (const auto& t : c.texts) {
        h.Raw("<div class=\"row\"><dt>").Text(t.field.label).Raw("</dt><dd>");
        Segments(h, t.segments);
        h.Raw("</dd></div>");
      }
      for (const auto& f : c.fields) {
        h.Raw("<div class=\"row\"><dt>").Text(f.label).Raw("</dt><dd><del><span class=\"visually-hidden\">før: </span>")
            .Text(f.before.empty() ? "(tom)" : f.before).Raw("</del> → <ins><span class=\"visually-hidden\">nu: </span>")
            .Text(f.after.empty() ? "(tom)" : f.after).Raw("</ins></dd></div>");
      }
      h.Raw("</dl></article>");
    }
    h.Raw("</section>");
  }
  if (r.added.empty() && r.removed.empty() && r.changed.empty()) h.Raw("<p>Ingen ændringer.</p>");
  PageEnd(h);
  return h.Take();
}

void ConflictTable(Html& h, const std::vector<ConflictRow>& rows) {
  if (rows.empty()) return;
  h.Raw("<table class=\"conflict-table\"><caption>Felter, som den anden har ændret</caption><thead><tr><th scope=\"col\">Felt</th>"
        "<th scope=\"col\">Gemt af den anden (nu)</th><th scope=\"col\">Din indtastning</th></tr></thead><tbody>");
  for (const auto& r : rows)
    h.Raw("<tr><th scope=\"row\">").Text(r.label).Raw("</th><td>").Multiline(r.theirs).Raw("</td><td>").Multiline(r.yours).Raw("</td></tr>");
  h.Raw("</tbody></table>");
}

std::string ConfirmVersionPage(const ConfirmVersionModel& m) {
  const PlanContext& ctx = *m.ctx;
  const std::string base = "/planer/" + std::to_string(ctx.plan.id());
  Html h;
  PageStart(h, "Offentliggør version – " + ctx.plan.name(),
            {{"Planer", "/planer"}, {ctx.plan.name(), base}, {"Versioner", base + "/versioner"}, {"Offentliggør", ""}});
  h.Raw("<h1>Offentliggør versionen «").Text(text::Trim(m.draft.name)).Raw("»?</h1>");
  h.Raw("<p>Planen offentliggøres, som den er nu, pr. ").Text(Date::Parse(m.draft.as_of)->Short()).Raw(": ")
      .Text(m.items).Raw(m.items == 1 ? Literal(" punkt") : Literal(" punkter"))
      .Raw(". Versionen kan ses af alle, også offentligheden (uden interne felter), og kan ikke ændres bagefter.</p>");
  if (!text::Trim(m.draft.reporting_round).empty())
    h.Raw("<p>Opfølgningsrunde: ").Text(text::Trim(m.draft.reporting_round)).Raw("</p>");
  if (m.open_round && m.awaiting > 0) {
    h.Raw("<div class=\"obs-box\" role=\"note\"><p><strong>Se efter, før du offentliggør:</strong> ").Text(static_cast<long long>(m.awaiting))
        .Raw(m.awaiting == 1 ? Literal(" punkt har") : Literal(" punkter har")).Raw(" ikke givet status i den åbne statusrunde «")
        .Text(m.open_round->name).Raw("». <a href=\"/statusrunder/").Text(m.open_round->id)
        .Raw("\">Se runden</a>; en runde offentliggør sin version, når den lukkes.</p></div>");
  }
  h.PostForm(base + "/versioner", "class=\"stack\"")
      .Raw("<input type=\"hidden\" name=\"name\" value=\"").Text(m.draft.name).Raw("\">")
      .Raw("<input type=\"hidden\" name=\"as_of\" value=\"").Text(m.draft.as_of).Raw("\">")
      .Raw("<input type=\"hidden\" name=\"reporting_round\" value=\"").Text(m.draft.reporting_round).Raw("\">")
      .Raw("<input type=\"hidden\" name=\"bekraeft\" value=\"1\">")
      .Raw("<div class=\"actions\"><button type=\"submit\">Ja, offentliggør versionen</button> <a href=\"").Text(base)
      .Raw("/versioner\">Fortryd</a></div></form>");
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
