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

namespace bs::pdf {
namespace {

// A4 landscape in points: the plan's tables are wide.
constexpr double kWidth = 841.89, kHeight = 595.28;
constexpr double kLeft = 36, kRight = 36, kTop = 62, kBottom = 44;
constexpr double kTextWidth = kWidth - kLeft - kRight;
constexpr double kCellPad = 2.5;

struct Rgb { double r, g, b; };
constexpr Rgb kInk{0.10, 0.12, 0.14}, kMuted{0.36, 0.40, 0.45}, kObs{0.69, 0.0, 0.13}, kRule{0.72, 0.74, 0.77},
    kHeaderFill{0.91, 0.93, 0.95}, kGroupFill{0.96, 0.97, 0.98};

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  if (closure) static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string Escape(const std::string& s) {
  gchar* e = g_markup_escape_text(s.c_str(), static_cast<gssize>(s.size()));
  std::string out(e);
  g_free(e);
  return out;
}

// Pango markup for styled runs; every piece of text escaped (STACK-NOTES: markup drops
// unescaped text silently).
std::string Markup(const Runs& runs) {
  std::string m;
  for (const auto& r : runs) {
    std::string t = Escape(r.text);
    switch (r.style) {
      case RunStyle::kNormal: m += t; break;
      case RunStyle::kStrong: m += "<b>" + t + "</b>"; break;
      case RunStyle::kEmphasis: m += "<i>" + t + "</i>"; break;
      case RunStyle::kMuted: m += "<span foreground=\"#5c6670\">" + t + "</span>"; break;
      case RunStyle::kObs: m += "<span foreground=\"#b00021\" weight=\"bold\">" + t + "</span>"; break;
      case RunStyle::kInserted: m += "<span foreground=\"#b00021\" underline=\"single\">" + t + "</span>"; break;
      case RunStyle::kDeleted: m += "<span strikethrough=\"true\" foreground=\"#5c6670\">" + t + "</span>"; break;
    }
  }
  return m;
}

bool IsPlain(const Runs& runs) { return runs.size() <= 1 && (runs.empty() || runs[0].style == RunStyle::kNormal); }

enum class Align { kLeft, kRight };

// Table cells are many (ten per item, tens of thousands in a large plan) and simple:
// Danish text in a few styles, no redline. They are laid out with cairo's scaled fonts
// directly, word by word, instead of a Pango layout each: DejaVu needs no shaping for
// Danish, and a layout per cell made the 5,000-item plan take seconds. Paragraphs,
// headings and charts keep Pango.
class CellFonts {
 public:
  struct Face {
    PangoFont* pango = nullptr;
    cairo_scaled_font_t* font = nullptr;
    double ascent = 0, line = 0, space = 0;
  };
  // Its own context, so that the fonts outlive each pass's canvas: the measuring pass's
  // row layouts (which point at these faces) are drawn by the second pass.
  CellFonts() {
    context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
  }
  ~CellFonts() {
    for (auto& [k, f] : faces_) g_object_unref(f.pango);
    g_object_unref(context_);
  }
  CellFonts(const CellFonts&) = delete;
  CellFonts& operator=(const CellFonts&) = delete;
  // `name` as Pango names fonts ("DejaVu Sans Bold 7"): the same size on the page.
  const Face& Get(const std::string& name) {
    auto it = faces_.find(name);
    if (it != faces_.end()) return it->second;
    Face f;
    PangoFontDescription* desc = pango_font_description_from_string(name.c_str());
    f.pango = pango_font_map_load_font(pango_context_get_font_map(context_), context_, desc);
    pango_font_description_free(desc);
    f.font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(f.pango));
    cairo_font_extents_t e;
    cairo_scaled_font_extents(f.font, &e);
    f.ascent = e.ascent;
    f.line = e.ascent + e.descent;
    f.space = Advance(f, " ");
    return faces_[name] = f;
  }
  static double Advance(const Face& f, const std::string& text) {
    cairo_text_extents_t e;
    cairo_scaled_font_text_extents(f.font, text.c_str(), &e);
    return e.x_advance;
  }

 private:
  PangoContext* context_;
  std::map<std::string, Face> faces_;
};

struct CellPiece {
  std::string text;
  const CellFonts::Face* face;
  Rgb color;
  double x;
  int line;
};
struct CellLayout {
  std::vector<CellPiece> pieces;
  int lines = 0;
  double line = 0;
  double height() const { return lines * line; }
};

struct Known {
  int pages = 0;
  std::map<std::string, int> heading_pages;  // anchor -> page
  int contents_pages = 0;
};

class Canvas {
 public:
  Canvas(cairo_surface_t* surface, bool draw, std::string header_left, std::string header_right, int total,
         CellFonts& cells)
      : surface_(surface), cells_(&cells), draw_(draw), header_left_(std::move(header_left)),
        header_right_(std::move(header_right)), total_(total) {
    cr_ = cairo_create(surface);
    layout_ = pango_cairo_create_layout(cr_);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout_), options);
    cairo_font_options_destroy(options);
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    // Headers and footers have a layout of their own: a page can break in the middle of
    // a paragraph whose lines are being walked.
    margin_layout_ = pango_layout_copy(layout_);
    StartPage();
  }
  ~Canvas() {
    for (auto& [k, d] : fonts_) pango_font_description_free(d);
    g_object_unref(margin_layout_);
    g_object_unref(layout_);
    cairo_destroy(cr_);
  }

  bool draw() const { return draw_; }
  int page() const { return page_; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double Bottom() const { return kHeight - kBottom; }
  double Remaining() const { return Bottom() - y_; }
  cairo_status_t status() const { return cairo_status(cr_); }
  cairo_t* cr() { return cr_; }

  void NewPage() {
    FlushBatch();
    EndPage();
    ++page_;
    StartPage();
  }
  void Finish() { EndPage(); }

  // Lays out text (markup when styled) in `font` at `width`; returns its height.
  double Prepare(const Runs& runs, const char* font, double width, Align align = Align::kLeft) {
    pango_layout_set_font_description(layout_, Font(font));
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_alignment(layout_, align == Align::kRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    if (IsPlain(runs)) {
      const std::string& t = runs.empty() ? empty_ : runs[0].text;
      pango_layout_set_attributes(layout_, nullptr);
      pango_layout_set_text(layout_, t.c_str(), static_cast<int>(t.size()));
    } else {
      std::string m = Markup(runs);
      pango_layout_set_markup(layout_, m.c_str(), static_cast<int>(m.size()));
    }
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  double Prepare(const std::string& text, const char* font, double width, Align align = Align::kLeft) {
    one_[0].text = text;
    return Prepare(one_, font, width, align);
  }
  // Lays a cell's runs out at `width`, in `font` ("DejaVu Sans 7"; bold runs in its
  // bold); words wrap at spaces, a word wider than the cell at characters; a newline in
  // the text starts a new line.
  CellLayout Cell(const Runs& runs, const std::string& font, double width, Align align = Align::kLeft) {
    CellLayout out;
    const std::string bold_font = font.find("Bold") != std::string::npos ? font
                                  : std::string(font).insert(font.rfind(' '), " Bold");
    const std::string italic_font = std::string(font).insert(font.rfind(' '), " Oblique");
    double x = 0;
    int line = 0;
    bool any = false;
    auto put = [&](const std::string& word, const CellFonts::Face& face, Rgb color) {
      double w = CellFonts::Advance(face, word);
      double gap = x > 0 ? face.space : 0;
      if (x > 0 && x + gap + w > width) {
        ++line;
        x = 0;
        gap = 0;
      }
      if (w > width) {
        // Longer than the cell: as many characters as fit on each line.
        std::string part;
        for (size_t i = 0; i < word.size();) {
          size_t len = 1;
          unsigned char c = static_cast<unsigned char>(word[i]);
          if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
          std::string next = part + word.substr(i, len);
          // Broken with a hyphen where it has to break, so that it reads as one word.
          if (!part.empty() && x + CellFonts::Advance(face, next + "-") > width) {
            out.pieces.push_back({part.back() == '-' ? part : part + "-", &face, color, x, line});
            ++line;
            x = 0;
            part.clear();
            continue;
          }
          part = next;
          i += len;
        }
        w = CellFonts::Advance(face, part);
        out.pieces.push_back({part, &face, color, x, line});
        x += w;
        any = true;
        return;
      }
      CellPiece* last = out.pieces.empty() ? nullptr : &out.pieces.back();
      if (last && last->line == line && last->face == &face && gap > 0 && last->color.r == color.r) {
        last->text += " " + word;  // one show_text per line and style
      } else {
        out.pieces.push_back({word, &face, color, x + gap, line});
      }
      x += gap + w;
      any = true;
    };
    for (const auto& run : runs) {
      const CellFonts::Face* face = &cells_->Get(font);
      Rgb color = kInk;
      switch (run.style) {
        case RunStyle::kStrong: face = &cells_->Get(bold_font); break;
        case RunStyle::kEmphasis: face = &cells_->Get(italic_font); break;
        case RunStyle::kMuted: color = kMuted; break;
        case RunStyle::kObs: face = &cells_->Get(bold_font); color = kObs; break;
        case RunStyle::kInserted: color = kObs; break;
        case RunStyle::kDeleted: color = kMuted; break;
        case RunStyle::kNormal: break;
      }
      out.line = std::max(out.line, face->line);
      size_t start = 0;
      const std::string& t = run.text;
      while (start <= t.size()) {
        size_t end = t.find_first_of(" \n", start);
        if (end == std::string::npos) end = t.size();
        if (end > start) put(t.substr(start, end - start), *face, color);
        if (end < t.size() && t[end] == '\n' && any) {
          ++line;
          x = 0;
        }
        start = end + 1;
      }
    }
    if (out.line == 0) out.line = cells_->Get(font).line;
    out.lines = out.pieces.empty() ? 0 : line + 1;
    if (align == Align::kRight && out.lines == 1) {
      double w = 0;
      for (const auto& p : out.pieces) w = std::max(w, p.x + CellFonts::Advance(*p.face, p.text));
      for (auto& p : out.pieces) p.x += width - w;
    }
    return out;
  }
  CellLayout Cell(const std::string& text, const std::string& font, double width, Align align = Align::kLeft) {
    one_[0].text = text;
    return Cell(one_, font, width, align);
  }
  // Draws a laid-out cell with its top left at (x, y); `color` replaces plain ink.
  // Between BeginBatch and FlushBatch the glyphs are collected per font and colour and
  // drawn with one call each (a row of a large table is one text object per style).
  void Show(const CellLayout& cell, double x, double y, std::optional<Rgb> color = std::nullopt) {
    if (!draw_) return;
    for (const auto& p : cell.pieces) {
      Rgb c = color && p.color.r == kInk.r && p.color.g == kInk.g ? *color : p.color;
      double px = x + p.x, py = y + p.line * cell.line + p.face->ascent;
      if (batching_) {
        Batch(p.face, c, p.text, px, py);
        continue;
      }
      cairo_set_source_rgb(cr_, c.r, c.g, c.b);
      cairo_set_scaled_font(cr_, p.face->font);
      cairo_move_to(cr_, px, py);
      cairo_show_text(cr_, p.text.c_str());
    }
  }
  void BeginBatch() { batching_ = draw_; }
  void FlushBatch() {
    batching_ = false;
    for (auto& b : batches_) {
      if (b.glyphs.empty()) continue;
      cairo_set_source_rgb(cr_, b.color.r, b.color.g, b.color.b);
      cairo_set_scaled_font(cr_, b.face->font);
      cairo_show_text_glyphs(cr_, b.utf8.data(), static_cast<int>(b.utf8.size()), b.glyphs.data(),
                             static_cast<int>(b.glyphs.size()), b.clusters.data(), static_cast<int>(b.clusters.size()),
                             static_cast<cairo_text_cluster_flags_t>(0));
      b.utf8.clear();
      b.glyphs.clear();
      b.clusters.clear();
    }
  }

  // The natural width of the prepared layout's text.
  double Width() const {
    PangoRectangle logical;
    pango_layout_get_extents(layout_, nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
  }
  // Draws the prepared layout with its top left at (x, y).
  void Show(double x, double y, Rgb color = kInk) {
    if (!draw_) return;
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_);
  }

  // A paragraph flowing line by line over pages.
  void Paragraph(const Runs& runs, const char* font, double before, double indent = 0, Rgb color = kInk) {
    if (runs.empty()) return;
    Prepare(runs, font, kTextWidth - indent);
    if (y_ > kTop) y_ += before;
    PangoLayoutIter* iter = pango_layout_get_iter(layout_);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      double height = static_cast<double>(logical.height) / PANGO_SCALE;
      double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      if (y_ + height > Bottom()) NewPage();
      if (draw_) {
        cairo_set_source_rgb(cr_, color.r, color.g, color.b);
        cairo_move_to(cr_, kLeft + indent + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline);
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      }
      y_ += height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  void Fill(double x, double y, double w, double h, Rgb c) {
    if (!draw_) return;
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_fill(cr_);
  }
  void Line(double x1, double y1, double x2, double y2, Rgb c, double width = 0.4) {
    if (!draw_) return;
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x1, y1);
    cairo_line_to(cr_, x2, y2);
    cairo_stroke(cr_);
  }

  // Structure tags and link targets exist in the drawn document only.
  void Begin(const char* tag, const std::string& attributes = "") {
    if (draw_) cairo_tag_begin(cr_, tag, attributes.empty() ? nullptr : attributes.c_str());
  }
  void End(const char* tag) {
    if (draw_) cairo_tag_end(cr_, tag);
  }
  int Outline(int parent, const std::string& title, int page, double y) {
    if (!draw_) return 0;
    char attrs[64];
    std::snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", page, kLeft, y);
    return cairo_pdf_surface_add_outline(surface_, parent, title.c_str(), attrs, CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }

 private:
  PangoFontDescription* Font(const char* name) {
    auto it = fonts_.find(name);
    if (it != fonts_.end()) return it->second;
    return fonts_[name] = pango_font_description_from_string(name);
  }

  void Small(const std::string& text, double x, double baseline, Align align, Rgb color) {
    PangoLayout* l = margin_layout_;
    pango_layout_set_font_description(l, Font("DejaVu Sans 7.5"));
    pango_layout_set_width(l, 360 * PANGO_SCALE);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);  // one line: the rule below it stays clear
    pango_layout_set_alignment(l, align == Align::kRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
    double base = static_cast<double>(pango_layout_get_baseline(l)) / PANGO_SCALE;
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_move_to(cr_, align == Align::kRight ? x - 360 : x, baseline - base);
    pango_cairo_show_layout(cr_, l);
  }

  void StartPage() {
    y_ = kTop;
    if (!draw_) return;
    // Running headers and footers stay outside the structure tree (cairo 1.16 has no
    // Artifact tag; untagged content is not read as part of the document).
    Small(header_left_, kLeft, 34, Align::kLeft, kMuted);
    Small(header_right_, kWidth - kRight, 34, Align::kRight, kMuted);
    Line(kLeft, 41, kWidth - kRight, 41, kRule, 0.5);
  }

  void EndPage() {
    if (!draw_) return;
    Small("Side " + std::to_string(page_) + " af " + std::to_string(total_), kWidth / 2 + 180, kHeight - 22, Align::kRight, kMuted);
    cairo_show_page(cr_);
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  PangoLayout* layout_;
  struct GlyphBatch {
    const CellFonts::Face* face;
    Rgb color;
    std::string utf8;
    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
  };
  void Batch(const CellFonts::Face* face, Rgb color, const std::string& text, double x, double y) {
    GlyphBatch* b = nullptr;
    for (auto& x2 : batches_)
      if (x2.face == face && x2.color.r == color.r && x2.color.g == color.g && x2.color.b == color.b) b = &x2;
    if (!b) {
      batches_.push_back({face, color, {}, {}, {}});
      b = &batches_.back();
    }
    cairo_glyph_t* glyphs = nullptr;
    cairo_text_cluster_t* clusters = nullptr;
    int n = 0, nc = 0;
    cairo_text_cluster_flags_t flags;
    if (cairo_scaled_font_text_to_glyphs(face->font, x, y, text.c_str(), static_cast<int>(text.size()), &glyphs, &n, &clusters,
                                         &nc, &flags) == CAIRO_STATUS_SUCCESS) {
      b->utf8 += text;
      b->glyphs.insert(b->glyphs.end(), glyphs, glyphs + n);
      b->clusters.insert(b->clusters.end(), clusters, clusters + nc);
    }
    cairo_glyph_free(glyphs);
    cairo_text_cluster_free(clusters);
  }
  PangoLayout* margin_layout_;
  CellFonts* cells_;
  bool batching_ = false;
  std::vector<GlyphBatch> batches_;
  std::map<std::string, PangoFontDescription*> fonts_;
  bool draw_;
  std::string header_left_, header_right_;
  int total_;
  int page_ = 1;
  double y_ = kTop;
  std::string empty_;
  Runs one_ = {{"", RunStyle::kNormal}};
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
