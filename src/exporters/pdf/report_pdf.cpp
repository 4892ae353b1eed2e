#include "exporters/pdf/report_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <vector>

#include "core/text.h"
#include "exporters/pdf/report_canvas.h"

// The report PDF: tables, charts, contents and the document around them, drawn on the
// canvas of report_canvas.h in two passes (measure, then draw with page numbers known).
namespace bs::pdf {
namespace {

using namespace layout;

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  if (closure) static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Known {
  int pages = 0;
  std::map<std::string, int> heading_pages;  // anchor -> page
  int contents_pages = 0;
};

// ---- Tables ---------------------------------------------------------------------------

constexpr const char* kCellFont = "DejaVu Sans 7";
constexpr const char* kCellBold = "DejaVu Sans Bold 7";
constexpr const char* kSmallFont = "DejaVu Sans 6.2";

struct Geometry {
  std::vector<size_t> columns;  // indexes of the columns shown
  std::vector<double> x, w;     // per shown column
};

Geometry Columns(const Table& t) {
  Geometry g;
  double total = 0;
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (!t.columns[i].sheet_only) {
      g.columns.push_back(i);
      total += t.columns[i].width;
    }
  double x = kLeft;
  for (size_t i : g.columns) {
    double w = kTextWidth * t.columns[i].width / total;
    g.x.push_back(x);
    g.w.push_back(w);
    x += w;
  }
  return g;
}

std::string Signed(Amount a) { return a.FormatTkrSigned(); }

// The lines a figures cell shows: planned; expected and deviation when reported.
std::vector<std::string> FigureLines(const YearFigures& f, bool show_zero) {
  std::vector<std::string> lines;
  if (!f.reported && f.planned.zero() && !show_zero) return lines;
  lines.push_back(f.planned.FormatTkrTypographic());
  if (f.reported) {
    lines.push_back("forv. " + f.expected().FormatTkrTypographic());
    lines.push_back("afv. " + Signed(f.deviation()));
  }
  return lines;
}

std::string CellText(const Column& col, const Cell& c) {
  switch (col.kind) {
    case ColumnKind::kAmount: return c.amount ? c.amount->FormatTkrTypographic() : "";
    case ColumnKind::kCount: return c.has_count ? std::to_string(c.count) : "";
    default: return "";
  }
}

// The laid-out cells of one row, measured once and drawn from the same layouts.
struct RowLayout {
  std::vector<std::vector<CellLayout>> cells;  // per shown column: one layout per line group
  CellLayout heading;                           // heading rows
  CellLayout note;
  double height = 0;
};

RowLayout LayRow(Canvas& cv, const Table& t, const Geometry& g, const Row& row) {
  RowLayout out;
  if (row.kind == RowKind::kHeading) {
    const Runs& runs = row.cells.empty() ? Runs{} : row.cells[0].runs;
    out.heading = cv.Cell(runs, row.level <= 1 ? "DejaVu Sans Bold 8.5" : kCellBold, kTextWidth - 2 * kCellPad);
    out.height = out.heading.height() + 2 * kCellPad + 1;
    return out;
  }
  bool bold = row.kind != RowKind::kData;
  double h = 0;
  for (size_t k = 0; k < g.columns.size(); ++k) {
    const Column& col = t.columns[g.columns[k]];
    const Cell empty;
    const Cell& c = g.columns[k] < row.cells.size() ? row.cells[g.columns[k]] : empty;
    double cw = g.w[k] - 2 * kCellPad;
    std::vector<CellLayout> parts;
    if (col.kind == ColumnKind::kFigures) {
      auto lines = FigureLines(c.figures, bold);
      for (size_t i = 0; i < lines.size(); ++i)
        parts.push_back(cv.Cell(lines[i], i == 0 ? (bold ? kCellBold : kCellFont) : kSmallFont, cw, Align::kRight));
      if (parts.size() == 3 && c.figures.has_deviation())
        for (auto& p : parts[2].pieces) p.color = kObs;
      else if (parts.size() == 3)
        for (auto& p : parts[2].pieces) p.color = kMuted;
      if (parts.size() >= 2)
        for (auto& p : parts[1].pieces) p.color = kMuted;
    } else if (col.kind == ColumnKind::kText) {
      if (!c.runs.empty()) parts.push_back(cv.Cell(c.runs, bold ? kCellBold : kCellFont, cw));
    } else {
      parts.push_back(cv.Cell(CellText(col, c), bold ? kCellBold : kCellFont, cw, Align::kRight));
    }
    double ch = 0;
    for (const auto& p : parts) ch += p.height();
    h = std::max(h, ch);
    out.cells.push_back(std::move(parts));
  }
  if (!row.note.empty()) {
    out.note = cv.Cell(row.note, kCellFont, kTextWidth - g.w[0] - 2 * kCellPad);
    h += out.note.height() + 2;
  }
  out.height = h + 2 * kCellPad;
  return out;
}

void DrawRow(Canvas& cv, const Table& t, const Geometry& g, const Row& row, const RowLayout& lay, double y, double height,
             bool tag_cells) {
  if (!cv.draw()) return;
  if (row.kind == RowKind::kHeading) {
    cv.Fill(kLeft, y, kTextWidth, height, row.level <= 1 ? kHeaderFill : kGroupFill);
    cv.Begin(tag_cells ? "TR" : "P");
    if (tag_cells) cv.Begin("TD");
    cv.Show(lay.heading, kLeft + kCellPad, y + kCellPad);
    if (tag_cells) cv.End("TD");
    cv.End(tag_cells ? "TR" : "P");
    return;
  }
  if (row.kind == RowKind::kTotal || row.kind == RowKind::kSubtotal) cv.Line(kLeft, y, kLeft + kTextWidth, y, kMuted, 0.6);
  cv.Begin(tag_cells ? "TR" : "P");
  if (!tag_cells) cv.BeginBatch();  // one tag per row: its text may be drawn in one go
  double note_y = y + kCellPad;
  for (size_t k = 0; k < g.columns.size(); ++k) {
    const char* tag = k == 1 && row.kind == RowKind::kData ? "TH" : "TD";
    if (tag_cells) cv.Begin(tag);
    double ly = y + kCellPad;
    for (const auto& part : lay.cells[k]) {
      cv.Show(part, g.x[k] + kCellPad, ly);
      ly += part.height();
    }
    note_y = std::max(note_y, ly);
    if (tag_cells) cv.End(tag);
  }
  if (!row.note.empty()) cv.Show(lay.note, g.x[0] + g.w[0] + kCellPad, note_y + 1, kObs);
  cv.FlushBatch();
  cv.End(tag_cells ? "TR" : "P");
  if (row.kind == RowKind::kData) cv.Line(kLeft, y + height, kLeft + kTextWidth, y + height, kRule, 0.3);
}

std::vector<CellLayout> LayHeader(Canvas& cv, const Table& t, const Geometry& g, double* height) {
  std::vector<CellLayout> out;
  double h = 0;
  for (size_t k = 0; k < g.columns.size(); ++k) {
    const Column& col = t.columns[g.columns[k]];
    out.push_back(cv.Cell(col.label, kCellBold, g.w[k] - 2 * kCellPad,
                          col.kind == ColumnKind::kText ? Align::kLeft : Align::kRight));
    h = std::max(h, out.back().height());
  }
  *height = h + 2 * kCellPad;
  return out;
}

void DrawHeader(Canvas& cv, const Geometry& g, const std::vector<CellLayout>& cells, double y, double height, bool tag_cells) {
  if (!cv.draw()) return;
  cv.Fill(kLeft, y, kTextWidth, height, kHeaderFill);
  cv.Begin(tag_cells ? "TR" : "P");
  for (size_t k = 0; k < g.columns.size(); ++k) {
    if (tag_cells) cv.Begin("TH");
    cv.Show(cells[k], g.x[k] + kCellPad, y + kCellPad);
    if (tag_cells) cv.End("TH");
  }
  cv.End(tag_cells ? "TR" : "P");
}

// Tables up to this many rows are tagged cell by cell (TR, TH, TD); larger ones row by row
// (a P per row keeps the reading order and the text, and the file small: cell tags for
// a 5,000-item plan took 2 of its 6 seconds and 9 of its 11 MB).
constexpr size_t kCellTaggedRows = 400;

// Rows laid out in the measuring pass and reused in the drawing pass: both passes walk
// the same rows in the same order, so each cell is laid out once.
struct RowCache {
  std::vector<RowLayout> rows;
  size_t next = 0;
};

void TableBlock(Canvas& cv, const Table& t, RowCache& cache) {
  bool any = std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return r.kind == RowKind::kData; });
  if (!any) {
    cv.Paragraph({{t.empty_text.empty() ? "Ingen rækker." : t.empty_text, RunStyle::kEmphasis}}, "DejaVu Sans 8.5", 4, 0, kMuted);
    return;
  }
  const bool tag_cells = t.rows.size() <= kCellTaggedRows;
  Geometry g = Columns(t);
  double header = 0;
  auto header_cells = LayHeader(cv, t, g, &header);
  cv.set_y(cv.y() + 4);
  if (cv.Remaining() < header + 24) cv.NewPage();
  cv.Begin(tag_cells ? "Table" : "Div");
  DrawHeader(cv, g, header_cells, cv.y(), header, tag_cells);
  cv.set_y(cv.y() + header);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const Row& row = t.rows[i];
    if (!cv.draw()) cache.rows.push_back(LayRow(cv, t, g, row));
    const RowLayout& lay = cv.draw() && cache.next < cache.rows.size() ? cache.rows[cache.next++] : cache.rows.back();
    double h = std::min(lay.height, cv.Bottom() - kTop - header - 4);
    double need = h;
    // A heading is never left alone at the foot of a page.
    if (row.kind == RowKind::kHeading && i + 1 < t.rows.size()) need += 32;
    if (h > 0 && cv.y() + need > cv.Bottom()) {
      cv.NewPage();
      DrawHeader(cv, g, header_cells, cv.y(), header, tag_cells);
      cv.set_y(cv.y() + header);
    }
    DrawRow(cv, t, g, row, lay, cv.y(), h, tag_cells);
    cv.set_y(cv.y() + h);
  }
  cv.End(tag_cells ? "Table" : "Div");
  cv.set_y(cv.y() + 4);
}

// ---- Charts ---------------------------------------------------------------------------

Rgb SeriesColor(const std::string& css, size_t index) {
  static const std::map<std::string, Rgb> kColors = {
      {"state-not_started", {0.73, 0.75, 0.78}}, {"state-in_progress", {0.20, 0.42, 0.70}},
      {"state-done", {0.13, 0.53, 0.33}},        {"state-dropped", {0.45, 0.45, 0.45}},
      {"light-green", {0.13, 0.55, 0.27}},       {"light-yellow", {0.85, 0.65, 0.05}},
      {"light-red", {0.75, 0.12, 0.15}},         {"light-none", {0.78, 0.79, 0.81}},
      {"planned", {0.20, 0.42, 0.70}},           {"expected", {0.90, 0.55, 0.10}},
  };
  auto it = kColors.find(css);
  if (it != kColors.end()) return it->second;
  static const Rgb kCycle[] = {{0.20, 0.42, 0.70}, {0.90, 0.55, 0.10}, {0.13, 0.53, 0.33}, {0.55, 0.30, 0.65}};
  return kCycle[index % 4];
}

std::string Number(double v) {
  Amount a = Amount::FromKroner(static_cast<int64_t>(std::llround(v * 1000)));
  return a.FormatTkrTypographic();
}

void Legend(Canvas& cv, const Chart& c, double y) {
  double x = kLeft;
  for (size_t i = 0; i < c.series.size(); ++i) {
    cv.Fill(x, y + 1.5, 7, 7, SeriesColor(c.series[i].css, i));
    cv.Prepare(c.series[i].label, kCellFont, 300);
    cv.Show(x + 10, y);
    x += 10 + cv.Width() + 14;
  }
}

void ChartBlock(Canvas& cv, const Chart& c) {
  const double label_w = 120, bar_h = 11, gap = 4;
  double height = 0;
  size_t n = c.categories.size();
  if (c.kind == Chart::Kind::kStackedBars) height = 16 + n * (bar_h + gap) + 16;
  else if (c.kind == Chart::Kind::kGroupedBars) height = 16 + 140 + 16;
  else height = 16 + c.series.size() * 16 + 14 + 16;
  cv.set_y(cv.y() + 6);
  if (cv.Remaining() < height) cv.NewPage();
  double y = cv.y();
  cv.Begin("Figure", "");
  cv.Prepare({{c.title, RunStyle::kStrong}}, "DejaVu Sans Bold 9", kTextWidth);
  cv.Show(kLeft, y);
  y += 15;
  if (c.kind == Chart::Kind::kStackedBars) {
    double max = 1;
    for (size_t i = 0; i < n; ++i) {
      double sum = 0;
      for (const auto& s : c.series) sum += i < s.values.size() ? s.values[i] : 0;
      max = std::max(max, sum);
    }
    double scale = (kTextWidth - label_w - 40) / max;
    for (size_t i = 0; i < n; ++i) {
      cv.Prepare(c.categories[i], kCellFont, label_w - 6);
      cv.Show(kLeft, y + 1);
      double x = kLeft + label_w, sum = 0;
      for (size_t s = 0; s < c.series.size(); ++s) {
        double v = i < c.series[s].values.size() ? c.series[s].values[i] : 0;
        cv.Fill(x, y, v * scale, bar_h, SeriesColor(c.series[s].css, s));
        x += v * scale;
        sum += v;
      }
      cv.Prepare(Number(sum), kCellFont, 60);
      cv.Show(x + 4, y + 1);
      y += bar_h + gap;
    }
  } else if (c.kind == Chart::Kind::kGroupedBars) {
    double max = 0, min = 0;
    for (const auto& s : c.series)
      for (double v : s.values) {
        max = std::max(max, v);
        min = std::min(min, v);
      }
    double span = std::max(1.0, max - min), plot_h = 110;
    y += 10;  // room for the labels above the tallest bars
    double zero = y + plot_h * (max / span);
    double group_w = (kTextWidth - 40) / std::max<size_t>(1, n);
    double bw = std::min(40.0, group_w / (c.series.size() + 1));
    cv.Line(kLeft, zero, kLeft + kTextWidth, zero, kMuted, 0.6);
    for (size_t i = 0; i < n; ++i) {
      double gx = kLeft + 20 + i * group_w;
      for (size_t s = 0; s < c.series.size(); ++s) {
        double v = i < c.series[s].values.size() ? c.series[s].values[i] : 0;
        double h = plot_h * std::fabs(v) / span;
        double top = v >= 0 ? zero - h : zero;
        cv.Fill(gx + s * bw, top, bw - 3, std::max(h, 0.5), SeriesColor(c.series[s].css, s));
        cv.Prepare(Number(v), kSmallFont, bw + 30);
        cv.Show(gx + s * bw - 2, v >= 0 ? top - 8 : top + h + 1);
      }
      cv.Prepare(c.categories[i], kCellFont, group_w);
      cv.Show(gx, y + plot_h + 8);
    }
    y += plot_h + 20;
  } else {
    double col_w = (kTextWidth - label_w) / std::max<size_t>(1, n);
    for (size_t i = 0; i < n; ++i) {
      cv.Prepare(c.categories[i], kCellBold, col_w);
      cv.Show(kLeft + label_w + i * col_w, y);
    }
    y += 12;
    for (size_t s = 0; s < c.series.size(); ++s) {
      cv.Prepare(c.series[s].label, kCellFont, label_w);
      cv.Show(kLeft, y + 2);
      cv.Line(kLeft + label_w, y + 7, kLeft + kTextWidth, y + 7, kRule, 0.3);
      for (size_t i = 0; i < n && i < c.series[s].values.size(); ++i) {
        double v = c.series[s].values[i];
        if (v <= 0) continue;
        double cx = kLeft + label_w + i * col_w + 10, cy = y + 7, r = std::min(7.0, 3 + v);
        if (cv.draw()) {
          Rgb col = SeriesColor("planned", 0);
          cairo_set_source_rgb(cv.cr(), col.r, col.g, col.b);
          cairo_arc(cv.cr(), cx, cy, r, 0, 2 * M_PI);
          cairo_fill(cv.cr());
        }
        cv.Prepare(std::to_string(static_cast<int>(v)), kSmallFont, 30);
        cv.Show(cx + r + 2, cy - 4);
      }
      y += 16;
    }
  }
  if (c.kind != Chart::Kind::kTimeline) Legend(cv, c, y + 2);
  cv.End("Figure");
  cv.set_y(cv.y() + height);
}

// ---- The document ------------------------------------------------------------------------

void TitleBlock(Canvas& cv, const Report& r) {
  cv.Begin("P");
  cv.Paragraph({{r.municipality, RunStyle::kNormal}}, "DejaVu Sans 10", 0, 0, kMuted);
  cv.End("P");
  cv.Begin("H1");
  cv.Paragraph({{r.title, RunStyle::kStrong}}, "DejaVu Sans Bold 18", 4);
  cv.End("H1");
  cv.Begin("P");
  cv.Paragraph({{r.basis, RunStyle::kNormal}}, "DejaVu Sans 10", 4);
  if (r.draft) cv.Paragraph({{"KLADDE – ikke en offentliggjort version", RunStyle::kObs}}, "DejaVu Sans Bold 10", 3, 0, kObs);
  if (r.internal) cv.Paragraph({{"Intern udgave: indeholder interne felter (direktionens rolle, OBS-noter). Må ikke offentliggøres.",
                                 RunStyle::kEmphasis}}, "DejaVu Sans Oblique 8.5", 3, 0, kMuted);
  cv.End("P");
}

// Contents: every heading with its page; lines link to the headings.
void Contents(Canvas& cv, const Report& r, const Known& known) {
  cv.Begin("TOC");
  cv.Paragraph({{"Indhold", RunStyle::kStrong}}, "DejaVu Sans Bold 12", 14);
  for (const auto& b : r.blocks) {
    if (b.kind != Block::Kind::kHeading) continue;
    double indent = b.level > 1 ? 14 : 0;
    std::string title = PlainText(b.runs);
    auto it = known.heading_pages.find(b.anchor);
    int page = it == known.heading_pages.end() ? 0 : it->second;
    double y = cv.y() + 2;
    if (y + 12 > cv.Bottom()) {
      cv.NewPage();
      y = cv.y();
    }
    cv.Begin("TOCI");
    cv.Begin(CAIRO_TAG_LINK, "dest='" + b.anchor + "'");
    cv.Prepare(title, b.level > 1 ? "DejaVu Sans 8.5" : "DejaVu Sans 9.5", kTextWidth - indent - 60);
    cv.Show(kLeft + indent, y);
    cv.Prepare(std::to_string(page), "DejaVu Sans 9", 60, Align::kRight);
    cv.Show(kWidth - kRight - 60, y);
    cv.End(CAIRO_TAG_LINK);
    cv.End("TOCI");
    cv.set_y(y + (b.level > 1 ? 11.5 : 13));
  }
  cv.End("TOC");
}

void DrawBlock(Canvas& cv, const Block& b, Known& out, int& parent, RowCache& cache) {
  switch (b.kind) {
    case Block::Kind::kHeading: {
      bool top = b.level <= 1;
      // A heading keeps with what follows it.
      if (cv.Remaining() < (top ? 110 : 70)) cv.NewPage();
      double y = cv.y() + (cv.y() > kTop + 1 ? (top ? 14 : 8) : 0);
      out.heading_pages[b.anchor] = cv.page();
      std::string title = PlainText(b.runs);
      int id = cv.Outline(top ? 0 : parent, title, cv.page(), y);
      if (top) parent = id;
      cv.Begin(top ? "H1" : "H2");
      cv.Begin(CAIRO_TAG_DEST, "name='" + b.anchor + "'");
      double h = cv.Prepare({{title, RunStyle::kStrong}}, top ? "DejaVu Sans Bold 14" : "DejaVu Sans Bold 11", kTextWidth);
      cv.Show(kLeft, y);
      cv.End(CAIRO_TAG_DEST);
      cv.End(top ? "H1" : "H2");
      cv.set_y(y + h + 2);
      break;
    }
    case Block::Kind::kParagraph:
      cv.Begin("P");
      cv.Paragraph(b.runs, "DejaVu Sans 9", 5);
      cv.End("P");
      break;
    case Block::Kind::kFacts:
      cv.Begin("L");
      for (const auto& [label, value] : b.facts) {
        cv.Begin("LI");
        cv.Paragraph({{label + ": ", RunStyle::kStrong}, {value, RunStyle::kNormal}}, "DejaVu Sans 9", 2);
        cv.End("LI");
      }
      cv.End("L");
      break;
    case Block::Kind::kList:
      cv.Begin("L");
      for (const auto& item : b.list) {
        Runs runs = {{"•  ", RunStyle::kNormal}};
        runs.insert(runs.end(), item.begin(), item.end());
        cv.Begin("LI");
        cv.Paragraph(runs, "DejaVu Sans 8.5", 2, 10);
        cv.End("LI");
      }
      cv.End("L");
      break;
    case Block::Kind::kTable:
      if (b.table.on_page) TableBlock(cv, b.table, cache);
      break;
    case Block::Kind::kChart:
      ChartBlock(cv, b.chart);
      break;
  }
}

// Title, the introduction (what comes before the first heading), contents, then the
// sections from a new page.
Known Write(Canvas& cv, const Report& r, const Known& known, RowCache& cache) {
  Known out;
  int parent = 0;
  cv.Begin("Document");
  TitleBlock(cv, r);
  size_t first_heading = 0;
  while (first_heading < r.blocks.size() && r.blocks[first_heading].kind != Block::Kind::kHeading) ++first_heading;
  for (size_t i = 0; i < first_heading; ++i) DrawBlock(cv, r.blocks[i], out, parent, cache);
  if (first_heading < r.blocks.size()) {
    Contents(cv, r, known);
    out.contents_pages = cv.page();
    cv.NewPage();
  }
  for (size_t i = first_heading; i < r.blocks.size(); ++i) DrawBlock(cv, r.blocks[i], out, parent, cache);
  out.pages = cv.page();
  cv.End("Document");
  cv.Finish();
  return out;
}

}  // namespace

std::string WithLanguage(std::string pdf, const std::string& lang) {
  size_t trailer = pdf.rfind("trailer");
  size_t startxref = pdf.rfind("startxref");
  if (trailer == std::string::npos || startxref == std::string::npos || startxref < trailer) return pdf;
  std::string tail = pdf.substr(trailer, startxref - trailer);
  std::smatch m;
  std::regex root_re("/Root (\\d+) 0 R"), size_re("/Size (\\d+)"), info_re("/Info (\\d+) 0 R");
  if (!std::regex_search(tail, m, root_re)) return pdf;
  std::string root = m[1];
  if (!std::regex_search(tail, m, size_re)) return pdf;
  std::string size = m[1];
  std::string info = std::regex_search(tail, m, info_re) ? std::string(m[1]) : "";
  long prev = std::strtol(pdf.c_str() + startxref + 9, nullptr, 10);
  std::string head = "\n" + root + " 0 obj";
  size_t obj = pdf.find(head);
  if (obj == std::string::npos) return pdf;
  size_t open = pdf.find("<<", obj), end = pdf.find("endobj", obj);
  if (open == std::string::npos || end == std::string::npos || open > end) return pdf;
  size_t close = pdf.rfind(">>", end);
  if (close == std::string::npos || close < open) return pdf;
  std::string dict = pdf.substr(open + 2, close - open - 2);
  if (dict.find("/Lang") != std::string::npos) return pdf;
  if (pdf.back() != '\n') pdf.push_back('\n');
  size_t offset = pdf.size();
  pdf += root + " 0 obj\n<< /Lang (" + lang + ")" + dict + ">>\nendobj\n";
  size_t xref = pdf.size();
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
  pdf += "xref\n" + root + " 1\n" + entry;
  pdf += "trailer\n<< /Size " + size + " /Root " + root + " 0 R" + (info.empty() ? "" : " /Info " + info + " 0 R") +
         " /Prev " + std::to_string(prev) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

Result<std::string> RenderReport(const Report& report) {
  std::string left = report.municipality + " · " + text::Truncate(report.title, 90);
  std::string right = report.basis + (report.draft ? " · KLADDE" : "") + (report.internal ? " · Intern" : "");
  Known measured;
  CellFonts fonts;
  RowCache cache;
  {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendTo, nullptr, kWidth, kHeight);
    {
      Canvas cv(surface, false, left, right, 0, fonts);
      measured = Write(cv, report, {}, cache);
    }
    cairo_surface_destroy(surface);
  }
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendTo, &out, kWidth, kHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, report.municipality.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, report.basis.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "budgetspor");
  char date[32];
  std::snprintf(date, sizeof date, "%04d-%02d-%02dT12:00:00", report.as_of.year, report.as_of.month, report.as_of.day);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_status_t status;
  {
    Canvas cv(surface, true, left, right, measured.pages, fonts);
    Write(cv, report, measured, cache);
    status = cv.status();
  }
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    std::fprintf(stderr, "report pdf: cairo: %s\n", cairo_status_to_string(status));
    return Internal("PDF'en kunne ikke dannes.");
  }
  return WithLanguage(std::move(out), "da-DK");
}

}  // namespace bs::pdf
