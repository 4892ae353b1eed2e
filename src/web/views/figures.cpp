#include "web/views/figures.h"

namespace bs::web::views {
namespace {

std::string Planned(const YearFigures& f) { return f.planned.zero() && !f.reported ? "" : f.planned.FormatTkrTypographic(); }

void DeviationText(Html& h, const YearFigures& f) {
  Amount dev = f.deviation();
  h.Raw("<span class=\"").Raw(dev.zero() ? Literal("dev") : Literal("dev dev-off")).Raw("\">").Text(dev.FormatTkrSigned()).Raw("</span>");
}

}  // namespace

void YearCell(Html& h, const YearFigures& f, int year) {
  h.Raw("<td class=\"num\"");
  if (year) h.Raw(" data-label=\"").Text(year).Raw("\"");
  h.Raw(">").Text(Planned(f));
  if (f.reported) {
    h.Raw("<span class=\"fig\"><abbr title=\"forventet realiseret\">forv.</abbr> ").Text(f.expected().FormatTkrTypographic())
        .Raw("</span><span class=\"fig\"><abbr title=\"afvigelse\">afv.</abbr> ");
    DeviationText(h, f);
    h.Raw("</span>");
  }
  h.Raw("</td>");
}

void SumRows(Html& h, const std::vector<int>& years, const FigureSums& sums, const std::string& label, int leading) {
  auto row = [&](const std::string& text, auto&& cell) {
    h.Raw("<tr><td></td><th scope=\"row\" colspan=\"").Text(static_cast<long long>(leading - 1)).Raw("\">").Text(text).Raw("</th>");
    for (int y : years) {
      h.Raw("<td class=\"num\" data-label=\"").Text(y).Raw("\">");
      cell(sums.Year(y));
      h.Raw("</td>");
    }
    h.Raw("</tr>");
  };
  h.Raw("<tfoot>");
  row(label, [&](const YearFigures& f) { h.Text(f.planned.FormatTkrTypographic()); });
  if (sums.AnyReported()) {
    row("Forventet realiseret", [&](const YearFigures& f) { h.Text(f.expected().FormatTkrTypographic()); });
    row("Afvigelse", [&](const YearFigures& f) { DeviationText(h, f); });
  }
  h.Raw("</tfoot>");
}

void FiguresTable(Html& h, const std::vector<int>& years, const FigureSums& sums, const std::string& caption) {
  h.Raw("<table class=\"sum\"><caption>").Text(caption).Raw(" (1.000 kr.)</caption><thead><tr><td></td>");
  for (int y : years) h.Raw("<th scope=\"col\" class=\"num\">").Text(y).Raw("</th>");
  h.Raw("</tr></thead><tbody><tr><th scope=\"row\">Planlagt</th>");
  for (int y : years) h.Raw("<td class=\"num\">").Text(sums.Year(y).planned.FormatTkrTypographic()).Raw("</td>");
  h.Raw("</tr>");
  if (sums.AnyReported()) {
    h.Raw("<tr><th scope=\"row\">Forventet realiseret</th>");
    for (int y : years) h.Raw("<td class=\"num\">").Text(sums.Year(y).expected().FormatTkrTypographic()).Raw("</td>");
    h.Raw("</tr><tr><th scope=\"row\">Afvigelse</th>");
    for (int y : years) {
      h.Raw("<td class=\"num\">");
      DeviationText(h, sums.Year(y));
      h.Raw("</td>");
    }
    h.Raw("</tr>");
  }
  h.Raw("</tbody></table>");
}

}  // namespace bs::web::views
