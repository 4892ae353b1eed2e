// Agenda import (issue 13): /moeder/{id}/import shows the form to paste or upload an
// agenda text; POST reads it and shows the review (handling=vis) or saves it into the
// meeting (handling=gem) and goes back to the meeting page. The text travels in the
// form (multipart, so a long agenda fits), nothing is kept between the steps.
// AgendaImportService reads, checks, decides who may, and writes all or nothing.
#include "core/text.h"
#include "web/errors.h"
#include "web/handler_helpers.h"
#include "web/handlers/meeting_common.h"
#include "web/multipart.h"
#include "web/routes.h"
#include "web/views/agenda_import_views.h"

namespace bs::web {
namespace {
using namespace meeting_common;

// The form page for a viewer who prepares the meeting (others: Denied, as the meeting's
// other forms).
Result<views::AgendaImportModel> ModelFor(Services s, const Request& r, int64_t id) {
  auto view = TRY(PreparerView(s, r, id));
  views::AgendaImportModel m;
  m.meeting = view.meeting;
  m.body_name = view.body_name;
  m.layouts = s.agenda_imports.Layouts();
  return m;
}

Response ShowForm(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  auto m = ModelFor(s, r, id);
  if (!m.ok()) return Denied(r, m.error());
  return Response::Html(200, views::AgendaImportPage(*m));
}

Response Post(Services s, const Request& r, const Params& p) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  auto m = ModelFor(s, r, id);
  if (!m.ok()) return Denied(r, m.error());
  auto form = Multipart::Parse(r.Header("content-type"), r.body);
  if (!form) {
    m->message = "Teksten kunne ikke læses: formularen skal sendes som multipart/form-data.";
    return Response::Html(400, views::AgendaImportPage(*m));
  }
  m->layout = form->Get("layout");
  m->text = form->Get("tekst");
  m->source = text::Truncate(text::CleanSingleLine(form->Get("kilde")), 200);
  if (const Part* file = form->Find("fil"); file && file->is_file && !file->data.empty()) {
    m->text = file->data;
    m->source = text::Truncate(text::CleanSingleLine(file->filename), 200);
  }
  if (text::Trim(m->text).empty()) {
    m->errors = {{"tekst", "Indsæt dagsordenens tekst, eller vælg en fil."}};
    return Response::Html(422, views::AgendaImportPage(*m));
  }
  bool save = form->Get("handling") == "gem";
  auto done = s.agenda_imports.Import(r.viewer, id, m->text, m->layout, m->source, save);
  if (!done.ok()) {
    const Error& e = done.error();
    if (e.code == ErrorCode::kPermissionDenied || e.code == ErrorCode::kNotFound) return Denied(r, e);
    if (e.code != ErrorCode::kInvalidArgument && e.code != ErrorCode::kTooLarge) return HtmlError(e);
    m->errors = e.fields.empty() ? std::vector<FieldError>{{"tekst", e.message}} : e.fields;
    return Response::Html(HttpStatus(e.code), views::AgendaImportPage(*m));
  }
  if (done->applied) return Response::Redirect("/moeder/" + std::to_string(id) + "?gemt=1");
  m->result = &*done;
  if (save) m->message = "Intet er gemt: ret problemerne herunder i teksten, og læs den igen.";
  return Response::Html(save ? 422 : 200, views::AgendaImportPage(*m));
}

}  // namespace

void AddAgendaImportPages(Router& router, Services s) {
  router.Add("GET", "/moeder/{id}/import", Bind(s, ShowForm));
  router.Add("POST", "/moeder/{id}/import", Bind(s, Post));
}

}  // namespace bs::web
