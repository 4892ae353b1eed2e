#include "web/views/report_views.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "web/form.h"
#include "web/views/layout.h"

namespace bs::web::views {
namespace {

void RunsHtml(Html& h, const Runs& runs) {
  for (const auto& r : runs) {
    switch (r.style) {
      case RunStyle::kNormal: h.Multiline(r.text); break;
      case RunStyle::kStrong: h.Raw("<strong>").Multiline(r.text).Raw("</strong>"); break;
      case RunStyle::kEmphasis: h.Raw("<em>").Multiline(r.text).Raw("</em>"); break;
      case RunStyle::kMuted: h.Raw("<span class=\"muted-run\">").Multiline(r.text).Raw("</span>"); break;
      case RunStyle::kObs: h.Raw("<strong class=\"obs-text\">").Multiline(r.text).Raw("</strong>"); break;
      case RunStyle::kInserted:
        h.Raw("<ins><span class=\"visually-hidden\">[indsat: </span>").Text(r.text).Raw("<span class=\"visually-hidden\">]</span></ins>");
        break;
      case RunStyle::kDeleted:
        h.Raw("<del><span class=\"visually-hidden\">[slettet: </span>").Text(r.text).Raw("<span class=\"visually-hidden\">]</span></del>");
        break;
    }
  }
}

void FiguresHtml(Html& h, const YearFigures& f, bool strong) {
  if (!f.reported && f.planned.zero() && !strong) return;
  h.Text(f.planned.FormatTkrTypographic());
  if (f.reported) {
    h.Raw("<span class=\"fig\"><abbr title=\"forventet realiseret\">forv.</abbr> ").Text(f.expected().FormatTkrTypographic())
        .Raw("</span><span class=\"fig\"><abbr title=\"afvigelse\">afv.</abbr> <span class=\"")
        .Raw(f.has_deviation() ? Literal("dev dev-off") : Literal("dev")).Raw("\">").Text(f.deviation().FormatTkrSigned()).Raw("</span></span>");
  }
}

void TableHtml(Html& h, const Table& t, bool link_items) {
  bool any = std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return r.kind == RowKind::kData; });
  if (!any) {
    h.Raw("<p class=\"none\">").Text(t.empty_text.empty() ? "Ingen rækker." : t.empty_text).Raw("</p>");
    return;
  }
  std::vector<size_t> shown;
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (!t.columns[i].sheet_only) shown.push_back(i);
  // Wide tables scroll inside their own region on narrow screens; the page does not.
  h.Raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"t-").Text(t.id).Raw("\">");
  h.Raw("<table class=\"report\" id=\"tabel-").Text(t.id).Raw("\"><caption id=\"t-").Text(t.id).Raw("\">").Text(t.caption)
      .Raw("</caption><thead><tr>");
  for (size_t i : shown) {
    bool num = t.columns[i].kind != ColumnKind::kText;
    h.Raw("<th scope=\"col\"").Raw(num ? Literal(" class=\"num\"") : Literal("")).Raw(">").Text(t.columns[i].label).Raw("</th>");
  }
  h.Raw("</tr></thead><tbody>");
  for (const auto& row : t.rows) {
    if (row.kind == RowKind::kHeading) {
      h.Raw("<tr class=\"group group-").Text(row.level).Raw("\"><th scope=\"colgroup\" colspan=\"").Text(static_cast<long long>(shown.size()))
          .Raw("\">");
      if (!row.cells.empty()) RunsHtml(h, row.cells[0].runs);
      h.Raw("</th></tr>");
      continue;
    }
    std::string cls = row.kind == RowKind::kTotal ? "total" : row.kind == RowKind::kSubtotal ? "subtotal" : "";
    if (row.done) cls += cls.empty() ? "done" : " done";
    if (!row.note.empty()) cls += cls.empty() ? "has-obs" : " has-obs";
    h.Raw("<tr").Raw(cls.empty() ? Literal("") : Literal(" class=\"")).Text(cls).Raw(cls.empty() ? Literal("") : Literal("\"")).Raw(">");
    for (size_t k = 0; k < shown.size(); ++k) {
      size_t i = shown[k];
      const Column& col = t.columns[i];
      const Cell empty;
      const Cell& c = i < row.cells.size() ? row.cells[i] : empty;
      bool header_cell = k == 1 && row.kind == RowKind::kData && col.kind == ColumnKind::kText;
      Literal open = header_cell ? Literal("<th scope=\"row\"") : Literal("<td");
      h.Raw(open).Raw(col.kind == ColumnKind::kText ? Literal(">") : Literal(" class=\"num\">"));
      switch (col.kind) {
        case ColumnKind::kText:
          if (row.done && k == 0 && !c.runs.empty()) h.Raw("<span class=\"done-mark\" aria-hidden=\"true\">X</span> ");
          if (header_cell && link_items && row.item && !c.runs.empty()) {
            // The title (the first run) links to the item; the status line follows it.
            h.Raw("<a href=\"/emner/").Text(row.item).Raw("\">");
            RunsHtml(h, {c.runs.front()});
            h.Raw("</a>");
            RunsHtml(h, Runs(c.runs.begin() + 1, c.runs.end()));
          } else {
            RunsHtml(h, c.runs);
          }
          break;
        case ColumnKind::kFigures: FiguresHtml(h, c.figures, row.kind != RowKind::kData); break;
        case ColumnKind::kAmount:
          if (c.amount) h.Text(c.amount->FormatTkrTypographic());
          break;
        case ColumnKind::kCount:
          if (c.has_count) h.Text(c.count);
          break;
      }
      h.Raw(header_cell ? Literal("</th>") : Literal("</td>"));
    }
    h.Raw("</tr>");
    if (!row.note.empty()) {
      h.Raw("<tr class=\"obs-row\"><td></td><td colspan=\"").Text(static_cast<long long>(shown.size() - 1)).Raw("\">");
      RunsHtml(h, row.note);
      h.Raw("</td></tr>");
    }
  }
  h.Raw("</tbody></table></div>");
}

std::string Fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

std::string Number(double v) {
  return Amount::FromKroner(static_cast<int64_t>(std::llround(v * 1000))).FormatTkrTypographic();
}

void Legend(Html& h, const Chart& c) {
  h.Raw("<ul class=\"legend\" aria-hidden=\"true\">");
  for (const auto& s : c.series)
    h.Raw("<li><span class=\"swatch ").Text(s.css).Raw("\"></span>").Text(s.label).Raw("</li>");
  h.Raw("</ul>");
}

// SVG drawn to a 640-unit wide view box, scaled to the page's width (at least 560 px).
void ChartHtml(Html& h, const Chart& c, int index) {
  const std::string id = "diagram-" + std::to_string(index);
  const size_t n = c.categories.size();
  h.Raw("<figure class=\"chart\"><figcaption id=\"").Text(id).Raw("-t\">").Text(c.title).Raw("</figcaption>");
  double height = 0;
  if (c.kind == Chart::Kind::kStackedBars) height = n * 22 + 8;
  else if (c.kind == Chart::Kind::kGroupedBars) height = 220;
  else height = c.series.size() * 24 + 30;
  // On a phone the chart keeps a readable size and scrolls sideways (its table is beside it).
  h.Raw("<div class=\"chart-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Text(id).Raw("-t\">");
  h.Raw("<svg viewBox=\"0 0 640 ").Text(Fmt(height)).Raw("\" role=\"img\" aria-labelledby=\"").Text(id).Raw("-t ").Text(id)
      .Raw("-d\"><desc id=\"").Text(id).Raw("-d\">").Text(c.description).Raw("</desc>");
  if (c.kind == Chart::Kind::kStackedBars) {
    double max = 1;
    for (size_t i = 0; i < n; ++i) {
      double sum = 0;
      for (const auto& s : c.series) sum += i < s.values.size() ? s.values[i] : 0;
      max = std::max(max, sum);
    }
    const double x0 = 130, span = 460;
    for (size_t i = 0; i < n; ++i) {
      double y = 4 + i * 22, x = x0, sum = 0;
      h.Raw("<text x=\"0\" y=\"").Text(Fmt(y + 13)).Raw("\" class=\"lbl\">").Text(c.categories[i]).Raw("</text>");
      for (const auto& s : c.series) {
        double v = i < s.values.size() ? s.values[i] : 0;
        if (v <= 0) continue;
        double w = span * v / max;
        h.Raw("<rect class=\"").Text(s.css).Raw("\" x=\"").Text(Fmt(x)).Raw("\" y=\"").Text(Fmt(y)).Raw("\" width=\"")
            .Text(Fmt(w)).Raw("\" height=\"16\"><title>").Text(c.categories[i] + ": " + s.label + " " + Number(v)).Raw("</title></rect>");
        x += w;
        sum += v;
      }
      h.Raw("<text x=\"").Text(Fmt(x + 5)).Raw("\" y=\"").Text(Fmt(y + 13)).Raw("\" class=\"val\">").Text(Number(sum)).Raw("</text>");
    }
  } else if (c.kind == Chart::Kind::kGroupedBars) {
    double max = 0, min = 0;
    for (const auto& s : c.series)
      for (double v : s.values) {
        max = std::max(max, v);
        min = std::min(min, v);
      }
    double span = std::max(1.0, max - min), plot = 170, top = 14;
    double zero = top + plot * (max / span);
    double group = 600.0 / std::max<size_t>(1, n), bar = std::min(48.0, group / (c.series.size() + 1));
    h.Raw("<line class=\"axis\" x1=\"20\" x2=\"640\" y1=\"").Text(Fmt(zero)).Raw("\" y2=\"").Text(Fmt(zero)).Raw("\"/>");
    for (size_t i = 0; i < n; ++i) {
      double gx = 30 + i * group;
      for (size_t s = 0; s < c.series.size(); ++s) {
        double v = i < c.series[s].values.size() ? c.series[s].values[i] : 0;
        double bh = std::max(0.5, plot * std::fabs(v) / span), y = v >= 0 ? zero - bh : zero;
        h.Raw("<rect class=\"").Text(c.series[s].css).Raw("\" x=\"").Text(Fmt(gx + s * bar)).Raw("\" y=\"").Text(Fmt(y))
            .Raw("\" width=\"").Text(Fmt(bar - 4)).Raw("\" height=\"").Text(Fmt(bh)).Raw("\"><title>")
            .Text(c.categories[i] + ": " + c.series[s].label + " " + Number(v) + " " + c.unit).Raw("</title></rect>");
        h.Raw("<text class=\"val\" x=\"").Text(Fmt(gx + s * bar)).Raw("\" y=\"").Text(Fmt(v >= 0 ? y - 3 : y + bh + 11))
            .Raw("\">").Text(Number(v)).Raw("</text>");
      }
      h.Raw("<text class=\"lbl\" x=\"").Text(Fmt(gx)).Raw("\" y=\"").Text(Fmt(height - 4)).Raw("\">").Text(c.categories[i]).Raw("</text>");
    }
  } else {
    const double x0 = 90, col = 550.0 / std::max<size_t>(1, n);
    for (size_t i = 0; i < n; ++i)
      h.Raw("<text class=\"lbl\" x=\"").Text(Fmt(x0 + i * col)).Raw("\" y=\"14\">").Text(c.categories[i]).Raw("</text>");
    for (size_t s = 0; s < c.series.size(); ++s) {
      double y = 30 + s * 24;
      h.Raw("<text class=\"lbl\" x=\"0\" y=\"").Text(Fmt(y + 4)).Raw("\">").Text(c.series[s].label).Raw("</text>");
      h.Raw("<line class=\"grid\" x1=\"").Text(Fmt(x0)).Raw("\" x2=\"640\" y1=\"").Text(Fmt(y)).Raw("\" y2=\"").Text(Fmt(y)).Raw("\"/>");
      for (size_t i = 0; i < n && i < c.series[s].values.size(); ++i) {
        double v = c.series[s].values[i];
        if (v <= 0) continue;
        double cx = x0 + i * col + 10;
        h.Raw("<circle class=\"dot\" cx=\"").Text(Fmt(cx)).Raw("\" cy=\"").Text(Fmt(y)).Raw("\" r=\"").Text(Fmt(std::min(9.0, 4 + v)))
            .Raw("\"><title>").Text(c.series[s].label + ", " + c.categories[i] + ": " + Number(v) + " " + c.unit).Raw("</title></circle>");
        h.Raw("<text class=\"val\" x=\"").Text(Fmt(cx + 11)).Raw("\" y=\"").Text(Fmt(y + 4)).Raw("\">").Text(Number(v)).Raw("</text>");
      }
    }
  }
  h.Raw("</svg></div>");
  if (c.kind != Chart::Kind::kTimeline) Legend(h, c);
  h.Raw("<p class=\"meta\"><a href=\"#tabel-").Text(c.table_id).Raw("\">Tallene i tabelform</a></p></figure>");
}

void Contents(Html& h, const Report& r) {
  // Top headings with their sub-headings nested.
  std::vector<std::pair<const Block*, std::vector<const Block*>>> tree;
  for (const auto& b : r.blocks) {
    if (b.kind != Block::Kind::kHeading) continue;
    if (b.level <= 1 || tree.empty()) tree.push_back({&b, {}});
    else tree.back().second.push_back(&b);
  }
  if (tree.size() < 2) return;
  h.Raw("<nav class=\"contents no-print\" aria-labelledby=\"indhold-h\"><h2 id=\"indhold-h\">Indhold</h2><ol>");
  for (const auto& [top, subs] : tree) {
    h.Raw("<li><a href=\"#").Text(top->anchor).Raw("\">").Text(PlainText(top->runs)).Raw("</a>");
    if (!subs.empty()) {
      h.Raw("<ol>");
      for (const Block* sub : subs)
        h.Raw("<li><a href=\"#").Text(sub->anchor).Raw("\">").Text(PlainText(sub->runs)).Raw("</a></li>");
      h.Raw("</ol>");
    }
    h.Raw("</li>");
  }
  h.Raw("</ol></nav>");
}

}  // namespace

void ReportBody(Html& h, const Report& r, bool link_items) {
  h.Raw("<article class=\"report\"><header class=\"report-head\"><p class=\"municipality\">").Text(r.municipality).Raw("</p><h1>")
      .Text(r.title).Raw("</h1><p class=\"lead\">").Text(r.basis).Raw("</p>");
  if (r.draft) h.Raw("<p class=\"draft-banner\"><strong>Kladde</strong> – ikke en offentliggjort version.</p>");
  if (r.internal)
    h.Raw("<p class=\"internal-banner\">Intern udgave: indeholder interne felter (direktionens rolle, OBS-noter).</p>");
  h.Raw("</header>");
  Contents(h, r);
  int charts = 0;
  bool first = true;
  for (const auto& b : r.blocks) {
    switch (b.kind) {
      case Block::Kind::kHeading:
        h.Raw(b.level <= 1 ? Literal("<h2 id=\"") : Literal("<h3 id=\"")).Text(b.anchor).Raw("\">").Text(PlainText(b.runs)).Raw(b.level <= 1 ? Literal("</h2>") : Literal("</h3>"));
        break;
      case Block::Kind::kParagraph:
        h.Raw("<p>");
        RunsHtml(h, b.runs);
        h.Raw("</p>");
        break;
      case Block::Kind::kFacts:
        h.Raw("<dl class=\"fields").Raw(first ? Literal(" facts") : Literal("")).Raw("\">");
        for (const auto& [k, v] : b.facts) h.Raw("<div class=\"row\"><dt>").Text(k).Raw("</dt><dd>").Text(v).Raw("</dd></div>");
        h.Raw("</dl>");
        break;
      case Block::Kind::kList:
        h.Raw("<ul class=\"report-list\">");
        for (const auto& item : b.list) {
          h.Raw("<li>");
          RunsHtml(h, item);
          h.Raw("</li>");
        }
        h.Raw("</ul>");
        break;
      case Block::Kind::kTable:
        if (b.table.on_page) TableHtml(h, b.table, link_items);
        break;
      case Block::Kind::kChart: ChartHtml(h, b.chart, ++charts); break;
    }
    first = false;
  }
  h.Raw("</article>");
}

namespace {

std::string ReportHref(PlanId plan, ReportKind kind) {
  return "/planer/" + std::to_string(plan) + "/rapporter/" + std::string(Slug(kind));
}

// The query of a report request with `format` (and what the chooser holds).
std::string Query(const ReportPageModel& m, const std::string& format, const std::string& extra = "") {
  std::string q = "format=" + format;
  if (!m.version.empty()) q += "&version=" + PercentEncode(m.version);
  if (!m.committee.empty()) q += "&committee=" + PercentEncode(m.committee);
  if (!m.month.empty()) q += "&month=" + PercentEncode(m.month);
  if (!m.filter_query.empty()) q += "&" + m.filter_query;
  return q + extra;
}

void Chooser(Html& h, const ReportPageModel& m) {
  const Report& r = *m.report;
  const ReportChoices& c = *m.choices;
  std::string action = ReportHref(m.plan, r.kind);
  h.Raw("<form class=\"filters no-print\" method=\"get\" action=\"").Text(action).Raw("\" aria-label=\"Vælg grundlag\">");
  h.Raw("<div class=\"field\"><label for=\"r-version\">Grundlag</label><select id=\"r-version\" name=\"version\">");
  std::string current = m.version.empty() ? (r.draft ? "live" : "") : m.version;
  if (c.live) h.Raw("<option value=\"live\"").Raw(current == "live" ? Literal(" selected") : Literal("")).Raw(">Kladde: planen, som den er nu</option>");
  for (size_t i = 0; i < c.versions.size(); ++i) {
    const Version& v = c.versions[i];
    std::string id = std::to_string(v.id);
    bool selected = current == id || (i == 0 && (current.empty() || current == "latest"));
    h.Raw("<option value=\"").Text(id).Raw("\"").Raw(selected ? Literal(" selected") : Literal("")).Raw(">").Text(v.name).Raw(" (pr. ")
        .Text(v.as_of.Short()).Raw(")</option>");
  }
  h.Raw("</select></div>");
  if (r.kind == ReportKind::kExtract) {
    h.Raw("<div class=\"field\"><label for=\"r-committee\">Udvalg</label><select id=\"r-committee\" name=\"committee\">");
    for (const auto& b : c.committees)
      h.Raw("<option value=\"").Text(b.code).Raw("\"").Raw(b.code == m.committee ? Literal(" selected") : Literal("")).Raw(">").Text(b.code + " – " + b.name)
          .Raw("</option>");
    h.Raw("</select></div>");
  }
  if (r.kind == ReportKind::kMonthly)
    h.Raw("<div class=\"field\"><label for=\"r-month\">Måned (mm-åååå)</label><input id=\"r-month\" name=\"month\" inputmode=\"numeric\" value=\"")
        .Text(m.month).Raw("\"></div>");
  if (!m.filter_query.empty()) {
    FormData kept;
    if (FormData::Parse(m.filter_query, &kept))
      for (const auto& [k, v] : kept.all()) h.Raw("<input type=\"hidden\" name=\"").Text(k).Raw("\" value=\"").Text(v).Raw("\">");
  }
  h.Raw("<div class=\"actions\"><button type=\"submit\">Vis</button></div></form>");
  h.Raw("<p class=\"downloads no-print\">Hent som: <a href=\"").Text(action + "?" + Query(m, "pdf")).Raw("\">PDF</a> · <a href=\"")
      .Text(action + "?" + Query(m, "xlsx")).Raw("\">Excel (XLSX)</a> · <a href=\"").Text(action + "?" + Query(m, "csv"))
      .Raw("\">CSV</a> · <a href=\"").Text(action + "?" + Query(m, "csv", "&sep=semicolon"))
      .Raw("\">CSV med semikolon (dansk Excel)</a></p>");
}

}  // namespace

std::string ReportPage(const ReportPageModel& m) {
  Html h;
  const Report& r = *m.report;
  std::string base = "/planer/" + std::to_string(m.plan);
  PageStart(h, r.title, {{"Planer", "/planer"}, {m.plan_name, m.live_plan_link ? base : base + "/versioner"},
                         {"Rapporter", base + "/rapporter"}, {std::string(Label(r.kind)), ""}});
  Chooser(h, m);
  ReportBody(h, r, m.live_plan_link);
  PageEnd(h);
  return h.Take();
}

std::string ReportDocument(const Report& r) {
  Html h;
  h.Raw("<!doctype html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\"><title>").Text(r.title).Raw("</title><style>body{font-family:'DejaVu Sans',sans-serif;margin:1.5rem;}"
        "table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #c9ced6;padding:.25rem .4rem;"
        "text-align:left;vertical-align:top}.num{text-align:right;white-space:nowrap}.fig{display:block;font-size:.8em;color:#4a5360}"
        ".obs-text,.dev-off{color:#a4000f}ins{color:#a4000f}del{color:#4a5360}.visually-hidden{position:absolute;width:1px;height:1px;"
        "overflow:hidden;clip:rect(0 0 0 0)}tr.group th{background:#f3f5f8}svg{max-width:640px}.no-print{display:none}</style></head><body>");
  ReportBody(h, r);
  h.Raw("</body></html>\n");
  return h.Take();
}

std::string ReportsIndexPage(PlanId plan, const std::string& plan_name, const ReportChoices& c, bool live_plan_link) {
  Html h;
  std::string base = "/planer/" + std::to_string(plan);
  PageStart(h, "Rapporter – " + plan_name, {{"Planer", "/planer"}, {plan_name, live_plan_link ? base : base + "/versioner"},
                                           {"Rapporter", ""}});
  h.Raw("<h1>Rapporter</h1><p class=\"lead\">Alle dokumenter dannes af planen: vælg rapport og grundlag, og hent den som side, "
        "PDF, Excel eller CSV.</p>");
  if (c.versions.empty() && !c.live)
    h.Raw("<p>Planen har ingen offentliggjort version endnu, så der er ingen rapporter at vise.</p>");
  struct Entry { ReportKind kind; const char* what; };
  const Entry entries[] = {
      {ReportKind::kPlan, "Hele udmøntningsplanen grupperet som dokumentet: kategori, udvalg eller tema."},
      {ReportKind::kExtract, "Et udvalgs egne punkter, de tværgående punkter og hensigtserklæringerne efter tema."},
      {ReportKind::kHalfYear, "Status til Økonomiudvalget: de tre lister, OBS-punkter, fremhævede emner, planlagt mod "
                              "forventet, sammenfatning og ændringer siden forrige version."},
      {ReportKind::kMonthly, "Direktionens månedlige status på de tværgående emner: status, trafiklys, OBS-punkter."},
  };
  h.Raw("<ul class=\"reports\">");
  for (const auto& e : entries) {
    std::string href = base + "/rapporter/" + std::string(Slug(e.kind));
    if (e.kind == ReportKind::kExtract && !c.committees.empty()) href += "?committee=" + PercentEncode(c.committees.front().code);
    h.Raw("<li><a href=\"").Text(href).Raw("\">").Text(Label(e.kind)).Raw("</a> – ").Text(e.what).Raw("</li>");
  }
  h.Raw("</ul>");
  if (!c.committees.empty()) {
    h.Raw("<h2>Udvalgenes udsnit</h2><ul class=\"inline-list\">");
    for (const auto& b : c.committees)
      h.Raw("<li><a href=\"").Text(base + "/rapporter/extract?committee=" + PercentEncode(b.code)).Raw("\">").Text(b.code + " – " + b.name)
          .Raw("</a></li>");
    h.Raw("</ul>");
  }
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
