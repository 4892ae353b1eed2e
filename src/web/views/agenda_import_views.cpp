#include "web/views/agenda_import_views.h"

#include "core/text.h"
#include "web/views/form_fields.h"
#include "web/views/layout.h"

namespace bs::web::views {
namespace {

using ItemAction = AgendaImportItem::Action;

std::string Base(const Meeting& m) { return "/moeder/" + std::to_string(m.id); }

void WrapOpen(Html& h, const std::string& label) {
  h.Raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"").Text(label).Raw("\">");
}

void Problems(Html& h, const std::vector<AgendaImportProblem>& problems) {
  if (problems.empty()) return;
  h.Raw("<div class=\"error-summary\" role=\"alert\" id=\"problemer\" tabindex=\"-1\"><p>Teksten har ")
      .Text(static_cast<long long>(problems.size())).Raw(problems.size() == 1 ? Literal(" problem") : Literal(" problemer"))
      .Raw(". Intet gemmes, før de er rettet i teksten herunder.</p><ul>");
  for (const auto& p : problems) h.Raw("<li>").Text(p.Located()).Raw("</li>");
  h.Raw("</ul></div>");
}

void Items(Html& h, const AgendaImportResult& r) {
  h.Raw("<h2>Punkterne</h2><p class=\"import-summary\"><strong>").Text(static_cast<long long>(r.added))
      .Raw("</strong> sættes på dagsordenen, <strong>").Text(static_cast<long long>(r.new_cases)).Raw("</strong> nye sager, <strong>")
      .Text(static_cast<long long>(r.decisions)).Raw("</strong> beslutninger, <strong>").Text(static_cast<long long>(r.skipped))
      .Raw("</strong> springes over.</p>");
  if (r.items.empty()) { h.Raw("<p class=\"none\">Teksten har ingen punkter, budgetspor kan genkende.</p>"); return; }
  WrapOpen(h, "Punkterne");
  h.Raw("<table class=\"import-rows stack-narrow\"><caption class=\"visually-hidden\">Hvad der sker med hvert punkt</caption><thead><tr>"
        "<th scope=\"col\" class=\"num\">Nr.</th><th scope=\"col\">Punkt</th><th scope=\"col\">Sag</th>"
        "<th scope=\"col\">Afsnit</th><th scope=\"col\">Beslutning</th><th scope=\"col\">Planpunkter</th>"
        "<th scope=\"col\">Bemærkninger</th></tr></thead><tbody>");
  for (const auto& i : r.items) {
    const AgendaTextItem& s = i.source;
    h.Raw("<tr><td class=\"num\" data-label=\"Nr.\">");
    if (s.number) h.Text(*s.number);
    h.Raw("</td><td data-label=\"Punkt\">");
    if (s.closed.value_or(false)) h.Raw("<span class=\"tag closed\">Lukket</span> ");
    h.Text(s.title).Raw("<br><span class=\"meta\">linje ").Text(s.line).Raw("</span></td><td data-label=\"Sag\"><strong>").Text(Label(i.action))
        .Raw("</strong>");
    if (!i.c.number.text.empty() || !s.case_number.empty())
      h.Raw("<br><span class=\"code\">").Text(i.c.number.text.empty() ? s.case_number : i.c.number.text).Raw("</span>");
    std::string kle = i.c.kle.empty() ? s.journal_number : i.c.kle;
    if (!kle.empty()) {
      h.Raw("<br>KLE <span class=\"code\">").Text(kle).Raw("</span>");
      if (!i.kle_title.empty()) h.Raw(" ").Text(i.kle_title);
    }
    if (!i.c.route.empty()) h.Raw("<br>Sagsgang ").Text(text::Join(i.c.route, " → "));
    h.Raw("</td><td data-label=\"Afsnit\">");
    if (!s.sections.empty()) {
      h.Raw("<ul class=\"changes\">");
      for (const auto& section : s.sections)
        h.Raw("<li>").Text(section.heading).RawIf(section.field.empty(), " (under Sagsfremstilling)").Raw("</li>");
      h.Raw("</ul>");
    }
    h.Raw("</td><td data-label=\"Beslutning\">").Text(text::Truncate(i.item.decision, 200)).Raw("</td><td data-label=\"Planpunkter\">");
    for (const auto& p : i.plan_items)
      h.Raw("<a href=\"/emner/").Text(p.id).Raw("\">").Text(p.code).Raw("</a> ").Text(text::Truncate(p.title, 60)).Raw("<br>");
    h.Raw("</td><td data-label=\"Bemærkninger\">");
    for (const auto& n : i.notes) h.Text(n.message).Raw("<br>");
    h.Raw("</td></tr>");
  }
  h.Raw("</tbody></table></div>");
}

void Unrecognised(Html& h, const AgendaText& t) {
  h.Raw("<h2>Linjer, der ikke blev genkendt</h2>");
  if (t.unrecognised.empty()) { h.Raw("<p class=\"none\">Alle linjer blev genkendt.</p>"); return; }
  h.Raw("<p>Disse linjer kom ikke med. Ret dem i teksten, hvis de skal med.</p>");
  WrapOpen(h, "Linjer, der ikke blev genkendt");
  h.Raw("<table class=\"stack-narrow\"><thead><tr><th scope=\"col\" class=\"num\">Linje</th><th scope=\"col\">Tekst</th><th scope=\"col\">Hvorfor</th>"
        "</tr></thead><tbody>");
  for (const auto& u : t.unrecognised)
    h.Raw("<tr><td class=\"num\" data-label=\"Linje\">").Text(u.line).Raw("</td><td data-label=\"Tekst\">").Text(text::Truncate(u.text, 200))
        .Raw("</td><td data-label=\"Hvorfor\">").Text(u.reason)
        .Raw("</td></tr>");
  h.Raw("</tbody></table></div>");
}

void Form(Html& h, const AgendaImportModel& m) {
  bool review = m.result != nullptr;
  h.PostForm(Base(m.meeting) + "/import", "class=\"stack\" enctype=\"multipart/form-data\"");
  FormFields f(h, m.errors);
  FieldOptions layouts{{"", "Find selv layoutet"}};
  for (const auto& l : m.layouts) layouts.emplace_back(l, l);
  f.Select({"ai-layout", "layout", "Layout"}, m.layout, layouts);
  f.TextArea({"ai-tekst", "tekst", "Dagsordentekst", "Teksten fra dagsordenens eller protokollens PDF (kopiér alt og indsæt)."},
             m.text, review ? 12 : 16);
  if (!review) f.Input({"ai-fil", "fil", "Eller upload teksten som fil", "En .txt-fil i UTF-8.", false, " type=\"file\" accept=\".txt,text/plain\""}, "");
  h.Raw("<input type=\"hidden\" name=\"kilde\" value=\"").Text(m.source).Raw("\">");
  h.Raw("<p><button type=\"submit\" name=\"handling\" value=\"vis\"")
      .RawIf(review, " class=\"secondary\"").Raw(review ? Literal(">Læs teksten igen</button>") : Literal(">Læs teksten</button>"));
  if (review && m.result->problems.empty() && m.result->added > 0)
    h.Raw(" <button type=\"submit\" name=\"handling\" value=\"gem\">Gem i mødet</button>");
  h.Raw("</p></form>");
}

}  // namespace

std::string AgendaImportPage(const AgendaImportModel& m) {
  Html h;
  std::string title = "Importér dagsorden: " + m.body_name + " " + m.meeting.date.Short();
  PageStart(h, title, {{"Møder", "/moeder"}, {m.body_name + " " + m.meeting.date.Short(), Base(m.meeting)}, {"Importér dagsorden", ""}});
  h.Raw("<h1>").Text(title).Raw("</h1>");
  if (!m.message.empty()) h.Raw("<div class=\"error-summary\" role=\"alert\" id=\"fejl\" tabindex=\"-1\"><p>").Text(m.message).Raw("</p></div>");
  ErrorSummary(h, "Teksten er ikke læst:", m.errors);
  if (!m.result) {
    h.Raw("<p>Indsæt teksten fra en dagsorden eller protokol. Først vises, hvad der vil ske med hvert punkt; "
          "intet gemmes, før du trykker «Gem i mødet».</p>");
  } else {
    const AgendaImportResult& r = *m.result;
    h.Raw("<p class=\"meta\">Læst med layoutet ").Text(r.text.layout).Raw(": ").Text(r.text.lines).Raw(" linjer, ")
        .Text(static_cast<long long>(r.text.items.size())).Raw(" punkter.</p>");
    Problems(h, r.problems);
    Items(h, r);
    Unrecognised(h, r.text);
    h.Raw("<h2>Teksten</h2>");
  }
  Form(h, m);
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
