// Imports (issue 13): /planer/{id}/import (the upload forms; POST keeps the file and goes
// to its mapping step), /planer/{id}/import/{upload} (the mapping and the dry run; POST
// with handling=vis shows it again with the chosen mapping, handling=importer applies
// it). PlanImportService reads, checks, decides who may, and writes.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/multipart.h"
#include "web/routes.h"
#include "web/views/import_views.h"

namespace bs::web {
namespace {

Response ShowStart(Services s, const Request& r, const Params& p) {
  PlanId plan = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  auto ctx = s.imports.ContextForImport(r.viewer, plan);
  if (!ctx.ok()) return Denied(r, ctx.error());
  views::ImportStartModel m;
  m.ctx = &*ctx;
  return Response::Html(200, views::ImportStartPage(m));
}

Response Upload(Services s, const Request& r, const Params& p) {
  PlanId plan = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  auto ctx = s.imports.ContextForImport(r.viewer, plan);
  if (!ctx.ok()) return Denied(r, ctx.error());
  auto form = Multipart::Parse(r.Header("content-type"), r.body);
  auto refuse = [&](int status, std::string message, std::vector<FieldError> errors = {}) {
    views::ImportStartModel m;
    m.ctx = &*ctx;
    m.message = std::move(message);
    m.errors = std::move(errors);
    return Response::Html(status, views::ImportStartPage(m));
  };
  if (!form) return refuse(400, "Filen kunne ikke læses: formularen skal sendes som multipart/form-data.");
  std::string kind = form->Get("art");
  if (kind != "plan-sheet" && kind != "realised") return refuse(400, "Vælg, om filen er en udmøntningsplan eller realiserede beløb.");
  const Part* file = form->Find("fil");
  if (!file || !file->is_file || file->data.empty())
    return refuse(422, "Vælg en fil at importere.", {{"fil", "Vælg en fil at importere."}});
  std::string name = file->filename.empty() ? "upload" : file->filename;
  // Read it once now, so a file that is no sheet is refused here with the reason.
  auto check = [&]() -> Status {
    if (kind == "plan-sheet") RETURN_IF_ERROR(s.imports.ImportSheet(r.viewer, plan, file->data, name, {}, false));
    else RETURN_IF_ERROR(s.imports.ImportRealised(r.viewer, plan, file->data, name, std::nullopt, false));
    return OkStatus();
  };
  Status checked = check();
  if (!checked.ok()) {
    const Error& e = checked.error();
    if (e.code == ErrorCode::kPermissionDenied || e.code == ErrorCode::kNotFound) return Denied(r, e);
    if (e.code == ErrorCode::kInvalidArgument || e.code == ErrorCode::kTooLarge)
      return refuse(HttpStatus(e.code), "«" + text::Truncate(text::CleanSingleLine(name), 80) + "» kan ikke importeres: " + e.message);
    return HtmlError(e);
  }
  auto kept = s.imports.KeepUpload(r.viewer, plan, kind, name, file->data);
  if (!kept.ok()) return Denied(r, kept.error());
  return Response::Redirect("/planer/" + std::to_string(plan) + "/import/" + std::to_string(*kept));
}

// The mapping chosen in the form, as docs/import.md's JSON: kolonne_<letter> = field, and
// for each unknown committee udvalg_<n> = an existing code or "new" with udvalg_<n>_kode.
std::string MappingFromForm(const FormData& form) {
  nlohmann::json columns = nlohmann::json::object(), committees = nlohmann::json::object();
  for (const auto& [key, value] : form.all()) {
    if (key.rfind("kolonne_", 0) == 0) columns[key.substr(8)] = value;
    if (key.rfind("udvalg_", 0) == 0 && key.find('_', 7) == std::string::npos) {
      std::string written = form.Get(key + "_navn");
      if (written.empty() || value.empty()) continue;
      committees[written] = value == "new" ? "new:" + text::Trim(form.Get(key + "_kode")) : value;
    }
  }
  return nlohmann::json{{"columns", columns}, {"committees", committees}}.dump();
}

Response Preview(Services s, const Request& r, PlanId plan, int64_t upload_id, const FormData* form) {
  auto upload = s.imports.Upload(r.viewer, plan, upload_id);
  if (!upload.ok()) return Denied(r, upload.error());
  bool apply = form && form->Get("handling") == "importer";
  std::vector<std::string> mappings;
  if (form) mappings.push_back(MappingFromForm(*form));
  views::ImportPreviewModel m;
  m.upload_id = upload_id;
  m.filename = upload->filename;
  std::optional<SheetImport> sheet;
  std::optional<RealisedImport> realised;
  int status = 200;
  // Applying from the page: what the person saw (a form without it never matches).
  std::string seen = form ? form->Get("proevekoersel") : "";
  if (seen.empty()) seen = "-";
  auto run = [&](bool write) -> Status {
    if (upload->kind == "realised") {
      auto done = s.imports.ImportRealised(r.viewer, plan, upload->bytes, upload->filename, std::nullopt, write, seen);
      if (!done.ok()) return done.error();
      realised = std::move(*done);
    } else {
      auto done = s.imports.ImportSheet(r.viewer, plan, upload->bytes, upload->filename, mappings, write, seen);
      if (!done.ok()) return done.error();
      sheet = std::move(*done);
    }
    return OkStatus();
  };
  Status result = run(apply);
  if (!result.ok()) {
    const Error& e = result.error();
    if (e.code == ErrorCode::kPermissionDenied || e.code == ErrorCode::kNotFound) return Denied(r, e);
    if (e.code != ErrorCode::kInvalidArgument && e.code != ErrorCode::kConflict) return HtmlError(e);
    m.message = e.message;
    status = HttpStatus(e.code);
    if (!e.fields.empty()) {  // a mapping naming an unknown field: show the file's own mapping
      for (const auto& f : e.fields) m.message += " " + f.field + ": " + f.message;
      mappings.clear();
    }
    Status again = run(false);
    if (!again.ok()) return again.error().code == ErrorCode::kPermissionDenied ? Denied(r, again.error()) : HtmlError(again.error());
  } else {
    m.applied = apply;
  }
  auto ctx = s.imports.ContextForImport(r.viewer, plan);  // after the write: new committees show
  if (!ctx.ok()) return Denied(r, ctx.error());
  m.ctx = &*ctx;
  m.sheet = sheet ? &*sheet : nullptr;
  m.realised = realised ? &*realised : nullptr;
  m.choices = s.imports.FieldChoices(*ctx);
  return Response::Html(status, views::ImportPreviewPage(m));
}

Response ShowPreview(Services s, const Request& r, const Params& p) {
  PlanId plan = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  int64_t upload = TRY_PAGE(PathId(p, "upload", "Den uploadede fil findes ikke længere; upload den igen."));
  return Preview(s, r, plan, upload, nullptr);
}

Response PostPreview(Services s, const Request& r, const Params& p) {
  PlanId plan = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  int64_t upload = TRY_PAGE(PathId(p, "upload", "Den uploadede fil findes ikke længere; upload den igen."));
  FormData form = TRY_PAGE(ReadForm(r));
  return Preview(s, r, plan, upload, &form);
}

}  // namespace

void AddImportPages(Router& router, Services services) {
  router.Add("GET", "/planer/{id}/import", Bind(services, ShowStart));
  router.Add("POST", "/planer/{id}/import", Bind(services, Upload));
  router.Add("GET", "/planer/{id}/import/{upload}", Bind(services, ShowPreview));
  router.Add("POST", "/planer/{id}/import/{upload}", Bind(services, PostPreview));
}

}  // namespace bs::web
