// Internal to the report PDF (report_pdf.cpp): A4 pages that text flows over, with the
// running header and «Side N af M», Pango paragraphs, table cells laid out with cairo
// scaled fonts, structure tags and the outline. The measuring pass and the drawing pass
// use the same canvas (draw = false, then true), so both break pages alike.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/report_model.h"

namespace bs::pdf::layout {

// A4 landscape in points: the plan's tables are wide.
constexpr double kWidth = 841.89, kHeight = 595.28;
constexpr double kLeft = 36, kRight = 36, kTop = 62, kBottom = 44;
constexpr double kTextWidth = kWidth - kLeft - kRight;
constexpr double kCellPad = 2.5;

struct Rgb { double r, g, b; };
constexpr Rgb kInk{0.10, 0.12, 0.14}, kMuted{0.36, 0.40, 0.45}, kObs{0.69, 0.0, 0.13}, kRule{0.72, 0.74, 0.77},
    kHeaderFill{0.91, 0.93, 0.95}, kGroupFill{0.96, 0.97, 0.98};

enum class Align { kLeft, kRight };

// Pango markup for styled runs; every piece of text escaped (STACK-NOTES: markup drops
// unescaped text silently).
std::string Markup(const Runs& runs);

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
    // Words recur (states, committees, months, amounts): their widths are measured once.
    mutable std::unordered_map<std::string, double> widths;
  };
  // Its own context, so that the fonts outlive each pass's canvas: the measuring pass's
  // row layouts (which point at these faces) are drawn by the second pass.
  CellFonts();
  ~CellFonts();
  CellFonts(const CellFonts&) = delete;
  CellFonts& operator=(const CellFonts&) = delete;
  // `name` as Pango names fonts ("DejaVu Sans Bold 7"): the same size on the page.
  const Face& Get(const std::string& name);
  static double Advance(const Face& f, const std::string& text);

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

class Canvas {
 public:
  Canvas(cairo_surface_t* surface, bool draw, std::string header_left, std::string header_right, int total,
         CellFonts& cells);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  bool draw() const { return draw_; }
  int page() const { return page_; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double Bottom() const { return kHeight - kBottom; }
  double Remaining() const { return Bottom() - y_; }
  cairo_status_t status() const { return cairo_status(cr_); }
  cairo_t* cr() { return cr_; }

  void NewPage();
  void Finish() { EndPage(); }

  // Lays out text (markup when styled) in `font` at `width`; returns its height.
  double Prepare(const Runs& runs, const char* font, double width, Align align = Align::kLeft);
  double Prepare(const std::string& text, const char* font, double width, Align align = Align::kLeft);
  // The natural width of the prepared layout's text.
  double Width() const;
  // Draws the prepared layout with its top left at (x, y).
  void Show(double x, double y, Rgb color = kInk);

  // Lays a cell's runs out at `width`, in `font` ("DejaVu Sans 7"; bold runs in its
  // bold); words wrap at spaces, a word wider than the cell at characters (with a
  // hyphen); a newline in the text starts a new line.
  CellLayout Cell(const Runs& runs, const std::string& font, double width, Align align = Align::kLeft);
  CellLayout Cell(const std::string& text, const std::string& font, double width, Align align = Align::kLeft);
  // Draws a laid-out cell with its top left at (x, y); `color` replaces plain ink.
  // Between BeginBatch and FlushBatch the glyphs are collected per font and colour and
  // drawn with one call each (a row of a large table is one text object per style).
  void Show(const CellLayout& cell, double x, double y, std::optional<Rgb> color = std::nullopt);
  void BeginBatch() { batching_ = draw_; }
  void FlushBatch();

  // A paragraph flowing line by line over pages.
  void Paragraph(const Runs& runs, const char* font, double before, double indent = 0, Rgb color = kInk);
  void Fill(double x, double y, double w, double h, Rgb c);
  void Line(double x1, double y1, double x2, double y2, Rgb c, double width = 0.4);

  // Structure tags and link targets exist in the drawn document only.
  void Begin(const char* tag, const std::string& attributes = "");
  void End(const char* tag);
  int Outline(int parent, const std::string& title, int page, double y);

 private:
  struct GlyphBatch {
    const CellFonts::Face* face;
    Rgb color;
    std::string utf8;
    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
  };
  PangoFontDescription* Font(const char* name);
  void Small(const std::string& text, double x, double baseline, Align align, Rgb color);
  void StartPage();
  void EndPage();
  void Batch(const CellFonts::Face* face, Rgb color, const std::string& text, double x, double y);

  cairo_surface_t* surface_;
  cairo_t* cr_;
  PangoLayout* layout_;
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

}  // namespace bs::pdf::layout
