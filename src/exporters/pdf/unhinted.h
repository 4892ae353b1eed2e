// Pango on cairo with unhinted metrics, so that a measuring pass and a drawing pass (and
// any two surfaces) lay text out alike. Shared by the agenda and the report PDFs.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

namespace bs::pdf {

inline void SetUnhinted(PangoContext* context) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
}

// A layout on `cr` that wraps at words (and inside a word too long for the line).
inline PangoLayout* UnhintedLayout(cairo_t* cr) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  SetUnhinted(pango_layout_get_context(layout));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

}  // namespace bs::pdf
