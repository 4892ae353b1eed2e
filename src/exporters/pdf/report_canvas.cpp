// The canvas of the report PDF: see report_canvas.h.
#include "exporters/pdf/report_canvas.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdio>

#include "exporters/pdf/unhinted.h"

namespace bs::pdf::layout {
namespace {

std::string Escape(const std::string& s) {
  gchar* e = g_markup_escape_text(s.c_str(), static_cast<gssize>(s.size()));
  std::string out(e);
  g_free(e);
  return out;
}

bool IsPlain(const Runs& runs) { return runs.size() <= 1 && (runs.empty() || runs[0].style == RunStyle::kNormal); }

}  // namespace

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

CellFonts::CellFonts() {
  context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
  SetUnhinted(context_);
}

CellFonts::~CellFonts() {
  for (auto& [k, f] : faces_) g_object_unref(f.pango);
  g_object_unref(context_);
}

const CellFonts::Face& CellFonts::Get(const std::string& name) {
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

double CellFonts::Advance(const Face& f, const std::string& text) {
  if (auto it = f.widths.find(text); it != f.widths.end()) return it->second;
  cairo_text_extents_t e;
  cairo_scaled_font_text_extents(f.font, text.c_str(), &e);
  if (text.size() <= 40 && f.widths.size() < 100'000) f.widths.emplace(text, e.x_advance);
  return e.x_advance;
}

Canvas::Canvas(cairo_surface_t* surface, bool draw, std::string header_left, std::string header_right, int total,
               CellFonts& cells)
    : surface_(surface), cells_(&cells), draw_(draw), header_left_(std::move(header_left)),
      header_right_(std::move(header_right)), total_(total) {
  cr_ = cairo_create(surface);
  layout_ = UnhintedLayout(cr_);
  margin_layout_ = pango_layout_copy(layout_);
  StartPage();
}

Canvas::~Canvas() {
  for (auto& [k, d] : fonts_) pango_font_description_free(d);
  g_object_unref(margin_layout_);
  g_object_unref(layout_);
  cairo_destroy(cr_);
}

void Canvas::NewPage() {
  FlushBatch();
  EndPage();
  ++page_;
  StartPage();
}

double Canvas::Prepare(const Runs& runs, const char* font, double width, Align align) {
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

double Canvas::Prepare(const std::string& text, const char* font, double width, Align align) {
  one_[0].text = text;
  return Prepare(one_, font, width, align);
}

CellLayout Canvas::Cell(const Runs& runs, const std::string& font, double width, Align align) {
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
      std::string part;
      for (size_t i = 0; i < word.size();) {
        size_t len = 1;
        unsigned char c = static_cast<unsigned char>(word[i]);
        if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
        std::string next = part + word.substr(i, len);
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

CellLayout Canvas::Cell(const std::string& text, const std::string& font, double width, Align align) {
  one_[0].text = text;
  return Cell(one_, font, width, align);
}

void Canvas::Show(const CellLayout& cell, double x, double y, std::optional<Rgb> color) {
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

void Canvas::FlushBatch() {
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

double Canvas::Width() const {
  PangoRectangle logical;
  pango_layout_get_extents(layout_, nullptr, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

void Canvas::Show(double x, double y, Rgb color) {
  if (!draw_) return;
  cairo_set_source_rgb(cr_, color.r, color.g, color.b);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout_);
}

void Canvas::Paragraph(const Runs& runs, const char* font, double before, double indent, Rgb color) {
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

void Canvas::Fill(double x, double y, double w, double h, Rgb c) {
  if (!draw_) return;
  cairo_set_source_rgb(cr_, c.r, c.g, c.b);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_fill(cr_);
}

void Canvas::Line(double x1, double y1, double x2, double y2, Rgb c, double width) {
  if (!draw_) return;
  cairo_set_source_rgb(cr_, c.r, c.g, c.b);
  cairo_set_line_width(cr_, width);
  cairo_move_to(cr_, x1, y1);
  cairo_line_to(cr_, x2, y2);
  cairo_stroke(cr_);
}

void Canvas::Begin(const char* tag, const std::string& attributes) {
  if (draw_) cairo_tag_begin(cr_, tag, attributes.empty() ? nullptr : attributes.c_str());
}

void Canvas::End(const char* tag) {
  if (draw_) cairo_tag_end(cr_, tag);
}

int Canvas::Outline(int parent, const std::string& title, int page, double y) {
  if (!draw_) return 0;
  char attrs[64];
  std::snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", page, kLeft, y);
  return cairo_pdf_surface_add_outline(surface_, parent, title.c_str(), attrs, CAIRO_PDF_OUTLINE_FLAG_OPEN);
}

PangoFontDescription* Canvas::Font(const char* name) {
  auto it = fonts_.find(name);
  if (it != fonts_.end()) return it->second;
  return fonts_[name] = pango_font_description_from_string(name);
}

void Canvas::Small(const std::string& text, double x, double baseline, Align align, Rgb color) {
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

void Canvas::StartPage() {
  y_ = kTop;
  if (!draw_) return;
  Small(header_left_, kLeft, 34, Align::kLeft, kMuted);
  Small(header_right_, kWidth - kRight, 34, Align::kRight, kMuted);
  Line(kLeft, 41, kWidth - kRight, 41, kRule, 0.5);
}

void Canvas::EndPage() {
  if (!draw_) return;
  Small("Side " + std::to_string(page_) + " af " + std::to_string(total_), kWidth / 2 + 180, kHeight - 22, Align::kRight, kMuted);
  cairo_show_page(cr_);
}

void Canvas::Batch(const CellFonts::Face* face, Rgb color, const std::string& text, double x, double y) {
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

}  // namespace bs::pdf::layout
