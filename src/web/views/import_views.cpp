#include "web/views/import_views.h"

#include "core/text.h"
#include "web/views/form_fields.h"
#include "web/views/layout.h"

namespace bs::web::views {
namespace {

std::string PlanBase(const PlanContext& ctx) { return "/planer/" + std::to_string(ctx.plan.id()); }

void WrapOpen(Html& h, const std::string& label) {
  h.Raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"").Text(label).Raw("\">");
}

std::string Located(const ImportProblem& p) {
  if (!p.row) return p.message;
  return "Række " + std::to_string(p.row) + (p.column.empty() ? "" : ", kolonne " + p.column) + ": " + p.message;
}

void Problems(Html& h, const std::vector<ImportProblem>& problems) {
  if (problems.empty()) return;
  h.Raw("<div class=\"error-summary\" role=\"alert\" id=\"problemer\" tabindex=\"-1\"><p>Filen har ").Text(static_cast<long long>(problems.size()))
      .Raw(problems.size() == 1 ? Literal(" problem") : Literal(" problemer"))
      .Raw(". Intet importeres, før de er rettet i filen eller i kortlægningen herunder.</p><ul>");
  size_t shown = 0;
  for (const auto& p : problems) {
    if (++shown > 500) {
      h.Raw("<li>… og ").Text(static_cast<long long>(problems.size() - 500)).Raw(" flere.</li>");
      break;
    }
    h.Raw("<li>").Text(Located(p)).Raw("</li>");
  }
  h.Raw("</ul></div>");
}

void Notes(Html& h, const std::vector<std::string>& notes) {
  for (const auto& n : notes) h.Raw("<p class=\"notice\">").Text(n).Raw("</p>");
}

void MappingTable(Html& h, const ImportPreviewModel& m) {
  const SheetRead& read = m.sheet->read;
  h.Raw("<h2 id=\"kort-h\">1. Kolonner</h2>");
  if (read.header_row == 0) {
    h.Raw("<p>budgetspor har ikke fundet en overskriftsrække i arket. Tilføj en række med kolonnernes overskrifter "
          "(fx «Nr.», «Titel», «Udvalg», «2026»), og upload filen igen.</p>");
    return;
  }
  h.Raw("<p>budgetspor har genkendt overskrifterne i række ").Text(read.header_row)
      .Raw(". Ret feltet for en kolonne, hvis det er forkert; kortlægningen huskes til næste gang, et ark med samme "
           "overskrifter importeres.</p>");
  WrapOpen(h, "Kolonner");
  h.Raw("<table class=\"import-map stack-narrow\"><caption class=\"visually-hidden\">Kolonnernes felter</caption><thead><tr>"
        "<th scope=\"col\">Kolonne</th><th scope=\"col\">Overskrift i arket</th><th scope=\"col\">Importeres som</th>"
        "</tr></thead><tbody>");
  for (const auto& c : read.columns) {
    std::string id = "kolonne_" + c.letter;
    h.Raw("<tr><td data-label=\"Kolonne\">").Text(c.letter).Raw("</td><th scope=\"row\"><label for=\"").Text(id).Raw("\">").Text(c.header)
        .Raw("</label></th><td data-label=\"Importeres som\"><select id=\"").Text(id).Raw("\" name=\"").Text(id).Raw("\"><option value=\"ignore\"")
        .RawIf(c.field.empty(), " selected").Raw(">Importeres ikke</option>");
    bool known = c.field.empty();
    for (const auto& choice : m.choices) {
      known = known || choice.field == c.field;
      h.Raw("<option value=\"").Text(choice.field).Raw("\"").RawIf(choice.field == c.field, " selected").Raw(">")
          .Text(choice.label).Raw("</option>");
    }
    if (!known) h.Raw("<option value=\"").Text(c.field).Raw("\" selected>").Text(c.field).Raw("</option>");
    h.Raw("</select></td></tr>");
  }
  h.Raw("</tbody></table></div>");
}

void UnknownCommittees(Html& h, const ImportPreviewModel& m) {
  const auto& unknown = m.sheet->result.unknown_committees;
  if (unknown.empty()) return;
  h.Raw("<fieldset class=\"import-committees\"><legend>Udvalg, der ikke findes</legend>");
  int i = 0;
  for (const auto& u : unknown) {
    std::string id = "udvalg_" + std::to_string(i);
    h.Raw("<div class=\"field\"><input type=\"hidden\" name=\"").Text(id + "_navn").Raw("\" value=\"").Text(u.written)
        .Raw("\"><label for=\"").Text(id).Raw("\">«").Text(u.written).Raw("» (").Text(static_cast<long long>(u.rows.size()))
        .Raw(u.rows.size() == 1 ? Literal(" række") : Literal(" rækker")).Raw(")</label><select id=\"").Text(id).Raw("\" name=\"")
        .Text(id).Raw("\"><option value=\"\">Vælg …</option>");
    for (const auto& b : m.ctx->committees)
      h.Raw("<option value=\"").Text(b.code).Raw("\">").Text(b.name + " (" + b.code + ")").Raw("</option>");
    h.Raw("<option value=\"new\">Opret som nyt udvalg</option></select> <label for=\"").Text(id + "_kode")
        .Raw("\">Koden for et nyt udvalg</label> <input id=\"").Text(id + "_kode").Raw("\" name=\"").Text(id + "_kode")
        .Raw("\" size=\"6\" maxlength=\"10\" autocomplete=\"off\"></div>");
    ++i;
  }
  h.Raw("</fieldset>");
}

std::string Amounts(const std::map<int, Amount>& amounts) {
  std::string out;
  for (const auto& [year, a] : amounts) out += (out.empty() ? "" : ", ") + std::to_string(year) + ": " + a.FormatTkr();
  return out;
}

void SheetRows(Html& h, const ImportPreviewModel& m) {
  const PlanImportResult& r = m.sheet->result;
  h.Raw("<h2 id=\"proeve-h\">2. Prøvekørsel</h2><p class=\"import-summary\"><strong>").Text(static_cast<long long>(r.created))
      .Raw("</strong> oprettes, <strong>").Text(static_cast<long long>(r.updated)).Raw("</strong> opdateres, <strong>")
      .Text(static_cast<long long>(r.unchanged)).Raw("</strong> er uændrede.</p>");
  if (r.rows.empty()) { h.Raw("<p class=\"none\">Ingen rækker kan importeres endnu.</p>"); return; }
  WrapOpen(h, "Prøvekørsel");
  h.Raw("<table class=\"import-rows stack-narrow\"><caption class=\"visually-hidden\">Hvad der sker med hver række</caption><thead><tr>"
        "<th scope=\"col\" class=\"num\">Række</th><th scope=\"col\">Handling</th><th scope=\"col\">Punkt</th>"
        "<th scope=\"col\">Udvalg eller tema</th><th scope=\"col\">Beløb (1.000 kr.)</th><th scope=\"col\">Ændringer</th></tr></thead><tbody>");
  for (const auto& row : r.rows) {
    const ItemData& d = row.data;
    const Theme* theme = m.ctx->FindTheme(d.theme_id);
    h.Raw("<tr class=\"import-").Text(Slug(row.action)).Raw("\"><td class=\"num\" data-label=\"Række\">").Text(row.row).Raw("</td><td data-label=\"Handling\">")
        .Text(Label(row.action)).Raw("</td><td data-label=\"Punkt\">");
    if (row.item_id) h.Raw("<a href=\"/emner/").Text(row.item_id).Raw("\">");
    if (d.code) h.Text(d.code->text()).Raw(" ");
    h.Text(d.title);
    if (row.item_id) h.Raw("</a>");
    h.Raw("</td><td data-label=\"Udvalg eller tema\">").Text(theme ? theme->name : d.committee)
        .Raw("</td><td data-label=\"Beløb (1.000 kr.)\">").Text(Amounts(d.amounts)).Raw("</td><td data-label=\"Ændringer\">");
    if (!row.changes.empty()) {
      h.Raw("<ul class=\"changes\">");
      for (const auto& c : row.changes)
        h.Raw("<li><span class=\"label\">").Text(c.label).Raw(":</span> <del>").Text(text::Truncate(c.before, 80))
            .Raw("</del> <ins>").Text(text::Truncate(c.after, 80)).Raw("</ins></li>");
      h.Raw("</ul>");
    }
    h.Raw("</td></tr>");
  }
  h.Raw("</tbody></table></div>");
}

void RealisedRows(Html& h, const ImportPreviewModel& m) {
  const RealisedResult& r = m.realised->result;
  h.Raw("<h2>Prøvekørsel</h2><p class=\"import-summary\"><strong>").Text(static_cast<long long>(r.updated))
      .Raw("</strong>").Raw(r.updated == 1 ? Literal(" punkt får") : Literal(" punkter får")).Raw(" en statusopdatering «Realiseret pr. ")
      .Text(r.as_of.Short()).Raw(", importeret fra økonomisystemet», <strong>").Text(static_cast<long long>(r.unchanged))
      .Raw("</strong> har allerede beløbene, <strong>").Text(static_cast<long long>(r.unmatched.size()))
      .Raw("</strong>").Raw(r.unmatched.size() == 1 ? Literal(" linje passer") : Literal(" linjer passer")).Raw(" ikke til noget punkt.</p>");
  if (!r.items.empty()) {
    WrapOpen(h, "Punkter");
    h.Raw("<table class=\"import-rows stack-narrow\"><caption class=\"visually-hidden\">Punkter med realiserede beløb</caption><thead><tr>"
          "<th scope=\"col\">Punkt</th><th scope=\"col\">Nøgler</th><th scope=\"col\">Realiseret (1.000 kr.)</th>"
          "<th scope=\"col\">Handling</th></tr></thead><tbody>");
    for (const auto& i : r.items) {
      h.Raw("<tr><td data-label=\"Punkt\"><a href=\"/emner/").Text(i.item_id).Raw("\">");
      if (i.item.data().code) h.Text(i.item.data().code->text()).Raw(" ");
      h.Text(i.item.data().title).Raw("</a></td><td data-label=\"Nøgler\">").Text(text::Join(i.keys, ", "))
          .Raw("</td><td data-label=\"Realiseret (1.000 kr.)\">").Text(Amounts(i.realised))
          .Raw("</td><td data-label=\"Handling\">").Text(Label(i.action)).Raw("</td></tr>");
    }
    h.Raw("</tbody></table></div>");
  }
  if (!r.unmatched.empty()) {
    h.Raw("<h3>Linjer uden punkt</h3><p>Ingen punkter har disse nøgler. Tilføj nøglen på det rigtige punkt "
          "(«Nøgler i økonomisystemet»), og upload filen igen; linjerne importeres ikke ellers.</p>");
    WrapOpen(h, "Linjer uden punkt");
    h.Raw("<table class=\"import-rows stack-narrow\"><caption class=\"visually-hidden\">Linjer uden punkt</caption><thead><tr>"
          "<th scope=\"col\" class=\"num\">Række</th><th scope=\"col\">Nøgle</th><th scope=\"col\" class=\"num\">År</th>"
          "<th scope=\"col\" class=\"num\">Beløb (1.000 kr.)</th></tr></thead><tbody>");
    for (const auto& l : r.unmatched)
      h.Raw("<tr><td class=\"num\" data-label=\"Række\">").Text(l.row).Raw("</td><td data-label=\"Nøgle\">").Text(l.key)
          .Raw("</td><td class=\"num\" data-label=\"År\">").Text(l.year).Raw("</td><td class=\"num\" data-label=\"Beløb (1.000 kr.)\">")
          .Text(l.amount.FormatTkr()).Raw("</td></tr>");
    h.Raw("</tbody></table></div>");
  }
}

}  // namespace

std::string ImportStartPage(const ImportStartModel& m) {
  Html h;
  std::string base = PlanBase(*m.ctx);
  PageStart(h, "Import – " + m.ctx->plan.name(), {{"Planer", "/planer"}, {m.ctx->plan.name(), base}, {"Import", ""}});
  h.Raw("<h1>Import</h1><p class=\"lead\">Hent en eksisterende udmøntningsplan ind fra et regneark, eller realiserede "
        "beløb fra økonomisystemet. Først vises en prøvekørsel, hvor du kan rette kortlægningen af kolonnerne; intet "
        "ændres, før du vælger at importere, og så skrives alt eller intet.</p>");
  if (!m.message.empty()) h.Raw("<div class=\"error-summary\" role=\"alert\" id=\"fejl\" tabindex=\"-1\"><p>").Text(m.message).Raw("</p></div>");
  FormFields f(h, m.errors);
  h.Raw("<section aria-labelledby=\"ark-h\"><h2 id=\"ark-h\">Udmøntningsplan fra regneark</h2>"
        "<p>XLSX eller CSV (semikolon, komma eller tabulator; UTF-8 eller Windows-1252), højst 50 MB. Overskrifter som "
        "«Nr.», «Titel», «Udvalg», «Ansvarlig», «Status», «Trafiklys» og «Budget 2026» genkendes, og rækker med kun en "
        "overskrift («Driftsændringer», et udvalg, et tema) gælder for rækkerne under dem. Punkter med samme kode "
        "(eller samme titel, hvis de ingen kode har) opdateres.</p>");
  h.PostForm(base + "/import", "enctype=\"multipart/form-data\" class=\"stack\"")
      .Raw("<input type=\"hidden\" name=\"art\" value=\"plan-sheet\"><div class=\"field\"><label for=\"fil-ark\">Regneark</label>"
           "<input id=\"fil-ark\" name=\"fil\" type=\"file\" required accept=\".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv\"></div>"
           "<p><button type=\"submit\">Upload og vis prøvekørsel</button></p></form></section>");
  h.Raw("<section aria-labelledby=\"real-h\"><h2 id=\"real-h\">Realiserede beløb fra økonomisystemet</h2>"
        "<p>Et udtræk (CSV eller XLSX) med en linje pr. konto eller nøgle, år og beløb, evt. med dato, som fra KMD Opus "
        "eller Prisme. Linjerne lægges sammen pr. punkt efter punktets «Nøgler i økonomisystemet» og bliver en "
        "statusopdatering pr. punkt. Beløb i 1.000 kr., medmindre kolonnen siger kr.</p>");
  h.PostForm(base + "/import", "enctype=\"multipart/form-data\" class=\"stack\"")
      .Raw("<input type=\"hidden\" name=\"art\" value=\"realised\"><div class=\"field\"><label for=\"fil-real\">Udtræk</label>"
           "<input id=\"fil-real\" name=\"fil\" type=\"file\" required accept=\".xlsx,.csv,.txt\"></div>"
           "<p><button type=\"submit\">Upload og vis prøvekørsel</button></p></form></section>");
  (void)f;
  PageEnd(h);
  return h.Take();
}

std::string ImportPreviewPage(const ImportPreviewModel& m) {
  Html h;
  std::string base = PlanBase(*m.ctx);
  std::string self = base + "/import/" + std::to_string(m.upload_id);
  PageStart(h, "Import af " + m.filename + " – " + m.ctx->plan.name(),
            {{"Planer", "/planer"}, {m.ctx->plan.name(), base}, {"Import", base + "/import"}, {m.filename, ""}});
  h.Raw("<h1>Import af «").Text(m.filename).Raw("»</h1>");
  if (m.applied) {
    h.Raw("<div class=\"notice\" role=\"status\"><p><strong>Importen er gennemført.</strong> ");
    if (m.sheet)
      h.Text(static_cast<long long>(m.sheet->result.created))
          .Raw(m.sheet->result.created == 1 ? Literal(" punkt er oprettet og ") : Literal(" punkter er oprettet og "))
          .Text(static_cast<long long>(m.sheet->result.updated)).Raw(" opdateret");
    else
      h.Text(static_cast<long long>(m.realised->result.updated))
          .Raw(m.realised->result.updated == 1 ? Literal(" punkt har fået realiserede beløb") : Literal(" punkter har fået realiserede beløb"));
    h.Raw(". Ændringerne står i hvert punkts historik som import fra filen og kan gendannes derfra.</p><p><a href=\"")
        .Text(base).Raw("\">Til planen</a></p></div>");
  }
  if (!m.message.empty()) h.Raw("<div class=\"error-summary\" role=\"alert\"><p>").Text(m.message).Raw("</p></div>");
  const SheetRead& read = m.sheet ? m.sheet->read : m.realised->read;
  Notes(h, read.notes);
  const auto& problems = m.sheet ? m.sheet->result.problems : m.realised->result.problems;
  Problems(h, problems);
  h.PostForm(self, "class=\"import-form\"");
  if (m.sheet) {
    MappingTable(h, m);
    UnknownCommittees(h, m);
    h.Raw("<p><button type=\"submit\" name=\"handling\" value=\"vis\" class=\"secondary\">Vis prøvekørslen igen</button></p>");
    SheetRows(h, m);
  } else {
    RealisedRows(h, m);
  }
  if (!m.applied) {
    size_t changes = m.sheet ? m.sheet->result.created + m.sheet->result.updated : m.realised->result.updated;
    if (!problems.empty()) {
      h.Raw("<p class=\"hint\">Importen kan gennemføres, når der ingen problemer er.</p>");
    } else if (changes == 0) {
      h.Raw("<p class=\"none\">Der er intet at importere: planen har allerede det, filen indeholder.</p>");
    } else {
      // What the person saw: applying checks it is still what would be written (409 if not).
      const std::string& seen = m.sheet ? m.sheet->result.fingerprint : m.realised->result.fingerprint;
      h.Raw("<input type=\"hidden\" name=\"proevekoersel\" value=\"").Text(seen).Raw("\">");
      h.Raw("<p><button type=\"submit\" name=\"handling\" value=\"importer\">Importér ").Text(static_cast<long long>(changes))
          .Raw(changes == 1 ? Literal(" ændring") : Literal(" ændringer")).Raw("</button> <span class=\"hint\">Alt eller intet; "
               "i historikken som import fra «").Text(m.filename).Raw("».</span></p>");
    }
  }
  h.Raw("</form>");
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
