#include "web/views/form_fields.h"

namespace bs::web::views {

const std::string* ErrorFor(const std::vector<FieldError>& errors, std::string_view field) {
  for (const auto& e : errors)
    if (e.field == field) return &e.message;
  return nullptr;
}

void FormFields::Open(const FieldSpec& f) {
  const std::string* err = ErrorFor(errors_, f.name);
  h_.Raw("<div class=\"field").RawIf(err, " has-error").Raw("\"><label for=\"").Text(f.id).Raw("\">").Text(f.label);
  h_.RawIf(f.required, " <span class=\"req\">(skal udfyldes)</span>").Raw("</label>");
  if (!f.hint.empty()) h_.Raw("<p class=\"hint\" id=\"h-").Text(f.name).Raw("\">").Text(f.hint).Raw("</p>");
  if (err)
    h_.Raw("<p class=\"field-error\" id=\"e-").Text(f.name).Raw("\"><span class=\"visually-hidden\">Fejl: </span>").Text(*err).Raw("</p>");
}

void FormFields::Describe(const FieldSpec& f) {
  bool err = ErrorFor(errors_, f.name) != nullptr;
  std::string ids;
  if (!f.hint.empty()) ids += "h-" + f.name;
  if (err) ids += (ids.empty() ? "e-" : " e-") + f.name;
  if (!ids.empty()) h_.Raw(" aria-describedby=\"").Text(ids).Raw("\"");
  h_.RawIf(err, " aria-invalid=\"true\"");
}

void FormFields::Input(const FieldSpec& f, std::string_view value) {
  Open(f);
  h_.Raw("<input id=\"").Text(f.id).Raw("\" name=\"").Text(f.name).Raw("\" value=\"").Text(value).Raw("\"").Raw(f.attrs);
  Describe(f);
  h_.Raw("></div>");
}

void FormFields::TextArea(const FieldSpec& f, std::string_view value, int rows) {
  Open(f);
  h_.Raw("<textarea id=\"").Text(f.id).Raw("\" name=\"").Text(f.name).Raw("\" rows=\"").Text(rows).Raw("\"").Raw(f.attrs);
  Describe(f);
  h_.Raw(">").Text(value).Raw("</textarea></div>");
}

void FormFields::Select(const FieldSpec& f, std::string_view value, const FieldOptions& options) {
  Open(f);
  h_.Raw("<select id=\"").Text(f.id).Raw("\" name=\"").Text(f.name).Raw("\"").Raw(f.attrs);
  Describe(f);
  h_.Raw(">");
  for (const auto& [v, t] : options)
    h_.Raw("<option value=\"").Text(v).Raw("\"").RawIf(v == value, " selected").Raw(">").Text(t).Raw("</option>");
  h_.Raw("</select></div>");
}

void FormFields::Checkbox(std::string_view name, std::string_view label, bool checked) {
  h_.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"").Text(name).Raw("\" value=\"1\"").RawIf(checked, " checked")
      .Raw("> ").Text(label).Raw("</label>");
}

}  // namespace bs::web::views
