#include "exporters/pdf/agenda_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <vector>

#include "core/text.h"
#include "exporters/pdf/unhinted.h"

namespace bs::pdf {
namespace {

constexpr double kWidth = 595.28, kHeight = 841.89;  // A4 in points
constexpr double kLeft = 62, kRight = 62, kTop = 78, kBottom = 66;
constexpr double kTextWidth = kWidth - kLeft - kRight;

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  if (closure) static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lays text out line by line over pages. Run twice: first without drawing, to learn
// the page count and where each item begins (for the contents and "Side N af M"),
// then drawing.
class Writer {
 public:
  Writer(cairo_surface_t* surface, bool draw, std::string header_left, std::string header_right, int total_pages)
      : draw_(draw), header_left_(std::move(header_left)), header_right_(std::move(header_right)), total_(total_pages) {
    cr_ = cairo_create(surface);
    layout_ = UnhintedLayout(cr_);  // the measuring pass and the drawing pass agree
    StartPage();
  }
  ~Writer() {
    g_object_unref(layout_);
    cairo_destroy(cr_);
  }

  int page() const { return page_; }
  cairo_status_t status() const { return cairo_status(cr_); }

  // A paragraph in `font` ("DejaVu Sans 10"), indented, after `before` points of space.
  // `red`: an OBS point, red as in the documents this replaces.
  void Text(const std::string& text, const char* font, double before = 4, double indent = 0, bool keep_with_next = false,
            bool red = false) {
    if (text.empty()) return;
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout_, desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout_, static_cast<int>((kTextWidth - indent) * PANGO_SCALE));
    pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
    if (y_ > kTop) y_ += before;
    // A heading is not left alone at the bottom of a page.
    if (keep_with_next && y_ + 60 > kHeight - kBottom) NewPage();
    PangoLayoutIter* iter = pango_layout_get_iter(layout_);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      double height = static_cast<double>(logical.height) / PANGO_SCALE;
      double baseline_in_line = static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      if (y_ + height > kHeight - kBottom) NewPage();
      if (draw_) {
        if (red) cairo_set_source_rgb(cr_, 0.64, 0.0, 0.06);
        cairo_move_to(cr_, kLeft + indent + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline_in_line);
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
        if (red) cairo_set_source_rgb(cr_, 0.1, 0.12, 0.14);
      }
      y_ += height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  // A contents line: title left, page number right.
  void ContentsLine(const std::string& title, int page) {
    double before_y = y_;
    Text(title, "DejaVu Sans 10", 2, 0);
    if (draw_) Small(std::to_string(page), kWidth - kRight, before_y + 2 + 10, true);
  }

  void Rule() {
    y_ += 6;
    if (draw_) {
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, kLeft, y_);
      cairo_line_to(cr_, kWidth - kRight, y_);
      cairo_stroke(cr_);
    }
    y_ += 4;
  }

  void SignatureLine(const std::string& name) {
    y_ += 34;
    if (y_ + 20 > kHeight - kBottom) NewPage();
    if (draw_) {
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, kLeft, y_);
      cairo_line_to(cr_, kLeft + 260, y_);
      cairo_stroke(cr_);
    }
    Text(name, "DejaVu Sans 9", 2);
  }

  void NewPage() {
    EndPage();
    ++page_;
    StartPage();
  }

  void Finish() { EndPage(); }

 private:
  void Small(const std::string& text, double x, double baseline, bool right_aligned) {
    PangoLayout* l = pango_cairo_create_layout(cr_);
    PangoFontDescription* desc = pango_font_description_from_string("DejaVu Sans 8");
    pango_layout_set_font_description(l, desc);
    pango_font_description_free(desc);
    pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    double w = static_cast<double>(logical.width) / PANGO_SCALE;
    double base = static_cast<double>(pango_layout_get_baseline(l)) / PANGO_SCALE;
    cairo_move_to(cr_, right_aligned ? x - w : x, baseline - base);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
  }

  void StartPage() {
    y_ = kTop;
    if (!draw_) return;
    cairo_set_source_rgb(cr_, 0.29, 0.33, 0.38);
    Small(header_left_, kLeft, 44, false);
    Small(header_right_, kWidth - kRight, 44, true);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kLeft, 52);
    cairo_line_to(cr_, kWidth - kRight, 52);
    cairo_stroke(cr_);
    cairo_set_source_rgb(cr_, 0.1, 0.12, 0.14);
  }

  void EndPage() {
    if (!draw_) return;
    cairo_set_source_rgb(cr_, 0.29, 0.33, 0.38);
    std::string footer = "Side " + std::to_string(page_) + " af " + std::to_string(total_);
    Small(footer, kWidth / 2 + 20, kHeight - 36, true);
    cairo_set_source_rgb(cr_, 0.1, 0.12, 0.14);
    cairo_show_page(cr_);
  }

  cairo_t* cr_;
  PangoLayout* layout_;
  bool draw_;
  std::string header_left_, header_right_;
  int total_;
  int page_ = 1;
  double y_ = kTop;
};

struct Layout {
  int pages = 0;
  std::vector<int> item_pages;  // page where each agenda item begins
};

std::string AttachmentLine(const Attachment& a, bool may_open) {
  if (!may_open) return std::to_string(a.number) + ". (Lukket bilag)";
  std::string s = std::to_string(a.number) + ". " + a.title;
  if (!a.document_number.empty()) s += " (" + a.document_number + ")";
  if (a.closed) s += " – lukket bilag";
  return s;
}

// Writes the whole document; returns where things landed.
Layout Write(Writer& w, const MeetingView& v, MeetingDocument kind, const Layout& known) {
  const Meeting& m = v.meeting;
  const bool minutes = kind == MeetingDocument::kMinutes;
  Layout out;
  w.Text(v.body_name, "DejaVu Sans Bold 20", 0);
  w.Text(minutes ? "Beslutningsprotokol" : "Dagsorden", "DejaVu Sans 16", 6);
  std::string when = std::string(Label(m.kind)) + " " + m.date.Long() + " kl. " + FormatClock(m.start_minute) + "–" +
                     FormatClock(m.end_minute);
  w.Text(when, "DejaVu Sans 11", 10);
  if (!m.place.empty()) w.Text("Sted: " + m.place, "DejaVu Sans 11", 2);
  if (m.cancelled) w.Text("Mødet er aflyst.", "DejaVu Sans Bold 11", 6);
  w.Text(v.members_edition ? "Medlemsudgave: indeholder lukkede punkter. Må ikke offentliggøres."
                           : "Offentlig udgave: lukkede punkter er anført med nummer og titel.",
         "DejaVu Sans Oblique 9", 8);
  w.Text("Indhold", "DejaVu Sans Bold 13", 18, 0, true);
  for (size_t i = 0; i < v.agenda.size(); ++i) {
    const auto& e = v.agenda[i];
    std::string title = std::to_string(e.item.position) + ". " + (e.item.closed ? "Lukket punkt – " : "") + e.item.title;
    w.ContentsLine(title, i < known.item_pages.size() ? known.item_pages[i] : 0);
  }
  if (!v.schedule.empty()) {
    w.Text("Tidsplan", "DejaVu Sans Bold 13", 18, 0, true);
    for (const auto& row : v.schedule) {
      std::string line = FormatClock(row.start) + (row.end >= 0 ? "–" + FormatClock(row.end) : "") + "   " + row.label;
      w.Text(line, row.is_break ? "DejaVu Sans Oblique 10" : "DejaVu Sans 10", 3);
      if (!row.participants.empty()) w.Text(row.participants, "DejaVu Sans 9", 1, 70);
    }
  }
  for (const auto& e : v.agenda) {
    w.NewPage();
    out.item_pages.push_back(w.page());
    const AgendaItem& item = e.item;
    w.Text(std::to_string(item.position) + ". " + item.title, "DejaVu Sans Bold 14", 0, 0, true);
    if (!e.content) {
      w.Text("Lukket punkt. Indholdet er ikke offentligt.", "DejaVu Sans Oblique 10", 8);
      continue;
    }
    std::string meta = "Sag " + e.c.number.text + (e.c.kle.empty() ? "" : "   KLE " + e.c.kle) + "   " +
                       (item.closed ? "Lukket punkt" : (e.c.closed ? "Lukket sag" : "Åben sag"));
    w.Text(meta, "DejaVu Sans 9", 6);
    if (!e.c.route.empty()) w.Text("Sagsgang: " + text::Join(e.c.route, " → "), "DejaVu Sans 9", 2);
    if (!e.c.officer.empty()) w.Text("Sagsansvarlig: " + e.c.officer, "DejaVu Sans 9", 2);
    if (item.slot_start >= 0)
      w.Text("Tid: " + FormatClock(item.slot_start) + (item.slot_end >= 0 ? "–" + FormatClock(item.slot_end) : ""), "DejaVu Sans 9", 2);
    if (!item.participants.empty()) w.Text("Deltagere: " + item.participants, "DejaVu Sans 9", 2);
    for (const auto& f : SectionFields()) {
      const std::string& value = item.sections.*f.member;
      if (value.empty() || f.member == &AgendaSections::recommended_by) continue;
      w.Text(f.label, "DejaVu Sans Bold 11", 10, 0, true);
      for (const auto& b : TextBlocks(value)) {  // lists as the writer wrote them (issue 14)
        if (b.bullet) w.Text("\xE2\x80\xA2  " + b.text, "DejaVu Sans 10", 2, 12);
        else w.Text(b.text, "DejaVu Sans 10", 4);
      }
      if (f.member == &AgendaSections::recommendation && !item.sections.recommended_by.empty())
        w.Text("Indstilling fra: " + item.sections.recommended_by, "DejaVu Sans Oblique 9", 3);
    }
    for (const auto& d : e.earlier) {
      w.Text(d.heading, "DejaVu Sans Bold 11", 10, 0, true);
      w.Text(d.text, "DejaVu Sans 10", 4);
    }
    if (!e.plan_items.empty()) {
      w.Text("Vedrører planpunkter", "DejaVu Sans Bold 11", 10, 0, true);
      for (const auto& p : e.plan_items) {
        w.Text((p.code.empty() ? "" : p.code + " ") + p.title, "DejaVu Sans Bold 10", 3, 12);
        std::string meta = std::string(Label(p.state));
        if (p.light != TrafficLight::kNone) meta += " · " + std::string(Label(p.light));
        if (p.status_date.year) meta += " · status " + p.status_date.Short() + (p.status_author.empty() ? "" : ", " + p.status_author);
        w.Text(meta, "DejaVu Sans 9", 1, 12);
        if (!p.status_text.empty()) w.Text(p.status_text, "DejaVu Sans 9", 1, 12);
        if (p.obs) w.Text("OBS-punkt" + (p.obs_note.empty() ? std::string() : ": " + p.obs_note), "DejaVu Sans Bold 9", 1, 12, false, true);
      }
    }
    if (!e.attachments.empty()) {
      w.Text("Bilag", "DejaVu Sans Bold 11", 10, 0, true);
      for (size_t i = 0; i < e.attachments.size(); ++i) w.Text(AttachmentLine(e.attachments[i], e.may_open[i]), "DejaVu Sans 10", 2, 12);
    }
    if (minutes && e.decision_visible) {
      w.Text(DecisionHeading(v.body_name, m.date), "DejaVu Sans Bold 11", 12, 0, true);
      if (item.decision.empty()) w.Text("(Ingen beslutning registreret.)", "DejaVu Sans Oblique 10", 4);
      for (const auto& para : text::SplitTrimmed(item.decision, '\n'))
        if (!para.empty()) w.Text(para, "DejaVu Sans 10", 4);
      if (!v.absent.empty()) w.Text("Fraværende: " + text::Join(v.absent, ", "), "DejaVu Sans 10", 6);
      if (!v.apologies.empty()) w.Text("Afbud: " + text::Join(v.apologies, ", "), "DejaVu Sans 10", 4);
      for (const auto& line : e.absence_lines) w.Text(line, "DejaVu Sans 10", 4);
      if (!item.protocol_note.empty()) {
        w.Text("Protokoltilførsel", "DejaVu Sans Bold 10", 8, 0, true);
        w.Text(item.protocol_note, "DejaVu Sans 10", 3);
      }
    }
  }
  // Attachment list (Bilagsoversigt).
  bool any = false;
  for (const auto& e : v.agenda) any = any || !e.attachments.empty();
  if (any) {
    w.NewPage();
    w.Text("Bilagsoversigt", "DejaVu Sans Bold 14", 0);
    for (const auto& e : v.agenda) {
      if (e.attachments.empty()) continue;
      w.Text(std::to_string(e.item.position) + ". " + (e.item.closed ? "Lukket punkt – " : "") + e.item.title, "DejaVu Sans Bold 10", 10, 0, true);
      for (size_t i = 0; i < e.attachments.size(); ++i) w.Text(AttachmentLine(e.attachments[i], e.may_open[i]), "DejaVu Sans 10", 2, 14);
    }
  }
  // Signature page (Underskriftsside): those present (minutes) or seated (agenda).
  w.NewPage();
  w.Text("Underskriftsside", "DejaVu Sans Bold 14", 0);
  std::vector<std::string> names = minutes ? v.present : std::vector<std::string>{};
  if (!minutes)
    for (const auto& s : v.seated) names.push_back(s.Printed());
  if (names.empty()) w.Text("Ingen medlemmer registreret for mødedagen.", "DejaVu Sans Oblique 10", 8);
  for (const auto& name : names) w.SignatureLine(name);
  out.pages = w.page();
  w.Finish();
  return out;
}

}  // namespace

Result<std::string> RenderMeeting(const MeetingView& view, MeetingDocument kind) {
  std::string header_left = view.body_name + " · " + view.meeting.date.Short() + " · " +
                            (kind == MeetingDocument::kMinutes ? "Beslutningsprotokol" : "Dagsorden");
  std::string header_right = view.members_edition ? "Medlemsudgave – lukket" : "Offentlig udgave";
  // Pass 1: measure.
  Layout measured;
  {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendTo, nullptr, kWidth, kHeight);
    {
      Writer w(surface, false, header_left, header_right, 0);
      measured = Write(w, view, kind, {});
    }
    cairo_surface_destroy(surface);
  }
  // Pass 2: draw with the page numbers known.
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendTo, &out, kWidth, kHeight);
  std::string title = header_left;
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "budgetspor");
  cairo_status_t status;
  {
    Writer w(surface, true, header_left, header_right, measured.pages);
    Write(w, view, kind, measured);
    status = w.status();
  }
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) return Internal("PDF'en kunne ikke dannes.");
  return out;
}

}  // namespace bs::pdf
