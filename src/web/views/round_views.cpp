#include "web/views/round_views.h"

#include "core/date.h"
#include "web/views/form_fields.h"
#include "web/views/layout.h"

namespace bs::web::views {
namespace {

std::string When(int64_t unix) { return DanishTime::FromUnix(unix).Short(); }

std::string Percent(int part, int whole) {
  return whole <= 0 ? "0 %" : std::to_string((part * 100 + whole / 2) / whole) + " %";
}

void Progress(Html& h, int reported, int items, const std::string& label) {
  h.Raw("<div class=\"progress\"><progress max=\"").Text(items > 0 ? items : 1).Raw("\" value=\"").Text(reported)
      .Raw("\" aria-label=\"").Text(label).Raw("\"></progress> <span>").Text(reported).Raw(" af ").Text(items)
      .Raw(" har givet status (").Text(Percent(reported, items)).Raw(")</span></div>");
}

void ItemLink(Html& h, const PlanItem& i) {
  h.Raw("<a href=\"/emner/").Text(i.id()).Raw("\">");
  if (i.data().code) h.Text(i.data().code->text()).Raw(" ");
  h.Text(i.data().title).Raw("</a>");
}

std::string RoundHref(const ReportingRound& r) { return "/statusrunder/" + std::to_string(r.id); }

// A labelled input with its hint and its error beside it (ids "r-<name>").
void Field(Html& h, const std::vector<FieldError>& errors, const char* name, std::string_view label, const std::string& value,
           std::string_view hint = "") {
  FormFields(h, errors).Input({std::string("r-") + name, name, label, hint}, value);
}

// Tables scroll inside their own region on a narrow screen, never the page.
void WrapOpen(Html& h, const std::string& label) {
  h.Raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"").Text(label).Raw("\">");
}

void Tallies(Html& h, const char* caption, const char* head, const std::vector<RoundTally>& tallies) {
  WrapOpen(h, caption);
  h.Raw("<table class=\"tally\"><caption>").Text(caption).Raw("</caption><thead><tr><th scope=\"col\">").Text(head)
      .Raw("</th><th scope=\"col\" class=\"num\">Punkter</th><th scope=\"col\" class=\"num\">Givet status</th>"
           "<th scope=\"col\">Fremdrift i runden</th></tr></thead><tbody>");
  for (const auto& t : tallies) {
    h.Raw("<tr><th scope=\"row\">").Text(t.label).Raw("</th><td class=\"num\">").Text(t.items).Raw("</td><td class=\"num\">")
        .Text(t.reported).Raw("</td><td><progress max=\"").Text(t.items).Raw("\" value=\"").Text(t.reported).Raw("\" aria-label=\"")
        .Text(t.label + ": " + std::to_string(t.reported) + " af " + std::to_string(t.items)).Raw("\"></progress> ")
        .Text(Percent(t.reported, t.items)).Raw("</td></tr>");
  }
  h.Raw("</tbody></table></div>");
}

}  // namespace

std::string RoundsPage(const RoundsPageModel& m) {
  Html h;
  const Plan& plan = m.ctx->plan;
  std::string base = "/planer/" + std::to_string(plan.id());
  PageStart(h, "Statusrunder – " + plan.name(), {{"Planer", "/planer"}, {plan.name(), base}, {"Statusrunder", ""}});
  h.Raw("<h1>Statusrunder</h1><p class=\"lead\">I en statusrunde giver hver ansvarlig status på sine punkter inden fristen. "
        "Et punkt uden status i runden står som «Afventer status». Direktionen fremhæver emner for ØK, og når runden lukkes, "
        "offentliggøres en version med rundens navn.</p>");
  if (!m.message.empty()) h.Raw("<div class=\"error-summary\" role=\"alert\"><p>").Text(m.message).Raw("</p></div>");
  if (m.open) {
    h.Raw("<section class=\"round-box\" aria-labelledby=\"open-h\"><h2 id=\"open-h\">Åben runde: ").Text(m.open->round.name)
        .Raw("</h2><p>Frist ").Text(m.open->round.cutoff.Short()).Raw(".</p>");
    Progress(h, m.open->reported, m.open->items, "Rundens fremdrift");
    h.Raw("<p><a class=\"button\" href=\"").Text(RoundHref(m.open->round)).Raw("\">Se runden</a></p>");
    if (m.may_open) h.Raw("<p class=\"hint\">En ny runde kan åbnes, når denne er lukket.</p>");
    h.Raw("</section>");
  }
  h.Raw("<h2>Alle runder</h2>");
  if (m.rounds.empty()) h.Raw("<p class=\"none\">Der har ikke været nogen statusrunder endnu.</p>");
  else {
    WrapOpen(h, "Statusrunder");
    h.Raw("<table class=\"rounds stack-narrow\"><caption class=\"visually-hidden\">Statusrunder</caption><thead><tr><th scope=\"col\">Runde</th>"
          "<th scope=\"col\">Frist</th><th scope=\"col\">Åbnet</th><th scope=\"col\">Lukket</th><th scope=\"col\">Fuldstændighed</th>"
          "<th scope=\"col\">Version</th></tr></thead><tbody>");
    for (const auto& r : m.rounds) {
      h.Raw("<tr><th scope=\"row\"><a href=\"").Text(RoundHref(r)).Raw("\">").Text(r.name).Raw("</a>");
      if (!r.followup.empty()) h.Raw("<br><span class=\"meta\">").Text(r.followup).Raw("</span>");
      h.Raw("</th><td data-label=\"Frist\">").Text(r.cutoff.Short()).Raw("</td><td data-label=\"Åbnet\">").Text(When(r.opened_at) + ", " + r.opened_by)
          .Raw("</td><td data-label=\"Lukket\">");
      if (r.open()) h.Raw("<strong>Åben</strong>");
      else h.Text(When(r.closed_at) + ", " + r.closed_by);
      h.Raw("</td><td data-label=\"Fuldstændighed\">");
      if (r.open() && m.open && m.open->round.id == r.id) h.Text(m.open->reported).Raw(" af ").Text(m.open->items).Raw(" (i gang)");
      else if (!r.open()) h.Text(r.reported_count).Raw(" af ").Text(r.item_count).Raw(" (").Text(Percent(static_cast<int>(r.reported_count), static_cast<int>(r.item_count))).Raw(")");
      h.Raw("</td><td data-label=\"Version\">");
      if (r.version_id) h.Raw("<a href=\"").Text(base + "/versioner/" + std::to_string(r.version_id)).Raw("\">").Text(r.name).Raw("</a>");
      h.Raw("</td></tr>");
    }
    h.Raw("</tbody></table></div>");
  }
  if (m.may_open && !m.open) {
    h.Raw("<section class=\"no-print\"><h2>Åbn en ny statusrunde</h2>");
    ErrorSummary(h, "Runden er ikke åbnet:", m.errors);
    h.PostForm(base + "/statusrunder", "class=\"item-form\"");
    h.Raw("<p class=\"hint\">Der kan være én åben runde ad gangen.</p>");
    Field(h, m.errors, "name", "Navn", m.draft.name, "Fx «Halvårsstatus juni 2025». Versionen, der offentliggøres, får samme navn.");
    Field(h, m.errors, "cutoff", "Frist (dd-mm-åååå)", m.draft.cutoff);
    Field(h, m.errors, "followup", "Budgetopfølgning (valgfri)", m.draft.followup, "Fx «Budgetopfølgning 2 pr. 31.05.2025».");
    h.Raw("<div class=\"actions\"><button type=\"submit\">Åbn statusrunde</button></div></form></section>");
  }
  PageEnd(h);
  return h.Take();
}

std::string RoundPage(const RoundPageModel& m) {
  const RoundView& v = *m.view;
  Html h;
  std::string base = "/planer/" + std::to_string(v.plan.id());
  PageStart(h, v.round.name, {{"Planer", "/planer"}, {v.plan.name(), base}, {"Statusrunder", base + "/statusrunder"}, {v.round.name, ""}});
  h.Raw("<h1>").Text(v.round.name).Raw("</h1>");
  Notice(h, m.notice);
  // The highlight form is far down the page: its errors are said at the top too.
  if (!m.errors.empty())
    h.Raw("<div class=\"error-summary\" role=\"alert\"><p>Punktet er ikke fremhævet: ").Text(m.errors.front().message)
        .Raw(" <a href=\"#h-reason\">Til formularen</a></p></div>");
  h.Raw("<dl class=\"fields\"><div class=\"row\"><dt>Plan</dt><dd>").Text(v.plan.name()).Raw("</dd></div><div class=\"row\"><dt>Frist</dt><dd>")
      .Text(v.round.cutoff.Long()).Raw("</dd></div>");
  if (!v.round.followup.empty()) h.Raw("<div class=\"row\"><dt>Budgetopfølgning</dt><dd>").Text(v.round.followup).Raw("</dd></div>");
  h.Raw("<div class=\"row\"><dt>Åbnet</dt><dd>").Text(When(v.round.opened_at) + " af " + v.round.opened_by).Raw("</dd></div>");
  h.Raw("<div class=\"row\"><dt>Status</dt><dd>");
  if (v.round.open()) h.Raw("<strong>Åben</strong>");
  else h.Text("Lukket " + When(v.round.closed_at) + " af " + v.round.closed_by);
  h.Raw("</dd></div>");
  if (v.version)
    h.Raw("<div class=\"row\"><dt>Version</dt><dd><a href=\"").Text(base + "/versioner/" + std::to_string(v.version->id)).Raw("\">")
        .Text(v.version->name).Raw("</a> · <a href=\"").Text(base + "/rapporter/half-year?version=" + std::to_string(v.version->id))
        .Raw("\">Halvårsstatus til ØK</a></dd></div>");
  h.Raw("</dl>");
  if (v.items == 0) h.Raw("<p class=\"notice\">Runden har ingen punkter: alle planens punkter er afsluttet eller udgået.</p>");
  Progress(h, v.reported, v.items, "Rundens fremdrift");
  if (v.may_close)
    h.Raw("<p class=\"no-print\"><a class=\"button\" href=\"").Text(RoundHref(v.round)).Raw("/luk\">Luk runden …</a></p>");

  h.Raw("<section aria-labelledby=\"mine-h\"><h2 id=\"mine-h\">Mine punkter i runden</h2>");
  if (v.mine.empty()) h.Raw("<p class=\"none\">Du er ikke ansvarlig for punkter i runden.</p>");
  else {
    h.Raw("<ul class=\"mine\">");
    for (const auto& i : v.mine) {
      bool done = v.reported_items.count(i.id()) > 0;
      h.Raw("<li>");
      ItemLink(h, i);
      h.Raw(done ? Literal(" – <span class=\"reported\">status givet</span>") : Literal(" – <strong class=\"awaiting\">afventer status</strong>"));
      h.Raw("</li>");
    }
    h.Raw("</ul><p class=\"hint\">Giv status på punktets side under «Ny statusopdatering».</p>");
  }
  h.Raw("</section>");

  h.Raw("<section aria-labelledby=\"tal-h\"><h2 id=\"tal-h\">Fremdrift pr. udvalg og ansvarlig</h2>");
  Tallies(h, "Pr. udvalg eller tema", "Udvalg", v.by_committee);
  Tallies(h, "Pr. ansvarlig", "Ansvarlig", v.by_responsible);
  h.Raw("</section>");

  h.Raw("<section aria-labelledby=\"mangler-h\"><h2 id=\"mangler-h\">Mangler status <span class=\"count\">(").Text(static_cast<long long>(v.missing.size()))
      .Raw(")</span></h2>");
  if (v.missing.empty()) h.Raw("<p class=\"none\">Alle punkter i runden har givet status.</p>");
  else {
    WrapOpen(h, "Punkter uden status i runden");
    h.Raw("<table><caption class=\"visually-hidden\">Punkter uden status i runden</caption><thead><tr><th scope=\"col\">Punkt</th>"
          "<th scope=\"col\">Udvalg</th><th scope=\"col\">Ansvarlig</th></tr></thead><tbody>");
    for (const auto& i : v.missing) {
      h.Raw("<tr><th scope=\"row\">");
      ItemLink(h, i);
      h.Raw("</th><td>").Text(i.data().committee).Raw("</td><td>").Text(i.data().responsible).Raw("</td></tr>");
    }
    h.Raw("</tbody></table></div>");
  }
  h.Raw("</section>");

  h.Raw("<section aria-labelledby=\"fremh-h\"><h2 id=\"fremh-h\">Fremhæves for ØK</h2>");
  if (v.highlights.empty()) h.Raw("<p class=\"none\">Direktionen har ikke fremhævet nogen punkter endnu.</p>");
  else {
    WrapOpen(h, "Fremhævede punkter");
    h.Raw("<table><caption class=\"visually-hidden\">Fremhævede punkter</caption><thead><tr><th scope=\"col\">Punkt</th>"
          "<th scope=\"col\">Begrundelse</th><th scope=\"col\">Fremhævet af</th>").Raw(v.may_highlight ? Literal("<th scope=\"col\"><span class=\"visually-hidden\">Handling</span></th>") : Literal(""))
        .Raw("</tr></thead><tbody>");
    for (const auto& hv : v.highlights) {
      h.Raw("<tr><th scope=\"row\">");
      ItemLink(h, hv.item);
      h.Raw("</th><td>");
      if (hv.reason_hidden) h.Raw("<span class=\"none\">(intern begrundelse)</span>");
      else h.Text(hv.highlight.reason);
      if (hv.highlight.internal && !hv.reason_hidden) h.Raw(" <span class=\"tag\">Intern</span>");
      h.Raw("</td><td>").Text(hv.highlight.by).Raw("</td>");
      if (v.may_highlight)
        h.Raw("<td>").PostForm(RoundHref(v.round) + "/fremhaev/" + std::to_string(hv.item.id()) + "/fjern", "class=\"inline\"").Raw("<button type=\"submit\" class=\"secondary\">Fjern fremhævning</button></form></td>");
      h.Raw("</tr>");
    }
    h.Raw("</tbody></table></div>");
  }
  if (v.may_highlight) {
    h.Raw("<h3>Fremhæv et punkt</h3>");
    ErrorSummary(h, "Punktet er ikke fremhævet:", m.errors);
    h.PostForm(RoundHref(v.round) + "/fremhaev", "class=\"item-form\"").Raw("<div class=\"field\">"
          "<label for=\"h-item\">Punkt</label><select id=\"h-item\" name=\"item\" required><option value=\"\">Vælg punkt</option>");
    for (const auto& i : v.candidates) {
      h.Raw("<option value=\"").Text(i.id()).Raw("\"").Raw(i.id() == m.item ? Literal(" selected") : Literal("")).Raw(">");
      if (i.data().code) h.Text(i.data().code->text()).Raw(" ");
      h.Text(i.data().title).Raw("</option>");
    }
    h.Raw("</select></div>");
    const std::string* e = ErrorFor(m.errors, "reason");
    h.Raw("<div class=\"field").Raw(e ? Literal(" has-error") : Literal("")).Raw("\"><label for=\"h-reason\">Kort begrundelse</label>");
    if (e) h.Raw("<p class=\"field-error\" id=\"e-h-reason\"><span class=\"visually-hidden\">Fejl: </span>").Text(*e).Raw("</p>");
    h.Raw("<input id=\"h-reason\" name=\"reason\" maxlength=\"500\" required value=\"").Text(m.reason).Raw("\"")
        .Raw(e ? Literal(" aria-invalid=\"true\" aria-describedby=\"e-h-reason\"") : Literal("")).Raw("></div>");
    h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"internal\" value=\"1\"").Raw(m.internal ? Literal(" checked") : Literal(""))
        .Raw("> Begrundelsen er intern (vises kun for medarbejdere, ikke i den offentlige rapport)</label>");
    h.Raw("<div class=\"actions\"><button type=\"submit\">Fremhæv for ØK</button></div></form>");
  }
  h.Raw("</section>");
  PageEnd(h);
  return h.Take();
}

std::string CloseRoundPage(const RoundView& v, const std::string& message) {
  Html h;
  std::string base = "/planer/" + std::to_string(v.plan.id());
  PageStart(h, "Luk " + v.round.name, {{"Planer", "/planer"}, {v.plan.name(), base}, {"Statusrunder", base + "/statusrunder"},
                                       {v.round.name, RoundHref(v.round)}, {"Luk runden", ""}});
  h.Raw("<h1>Luk «").Text(v.round.name).Raw("»?</h1>");
  if (!message.empty()) h.Raw("<div class=\"error-summary\" role=\"alert\"><p>").Text(message).Raw("</p></div>");
  Progress(h, v.reported, v.items, "Rundens fremdrift");
  if (!v.missing.empty())
    h.Raw("<p class=\"obs-box\">").Text(static_cast<long long>(v.missing.size()))
        .Raw(" punkter har ikke givet status. De står som «afventer status» i rundens historik.</p>");
  h.Raw("<p>Når runden lukkes, kan der ikke længere gives status eller fremhæves i den; dens fuldstændighed gemmes.</p>")
      .PostForm(RoundHref(v.round) + "/luk", "class=\"item-form\"").Raw("<label class=\"check\"><input type=\"checkbox\" name=\"publish\" value=\"1\" checked> Offentliggør versionen «")
      .Text(v.round.name).Raw("» pr. ").Text(v.round.cutoff.Short()).Raw("</label><div class=\"actions\"><button type=\"submit\">Luk runden</button> "
        "<a href=\"").Text(RoundHref(v.round)).Raw("\">Fortryd</a></div></form>");
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
