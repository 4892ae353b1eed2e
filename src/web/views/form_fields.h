// Form fields, one way for every form (issue 12): a label (with "(skal udfyldes)" when
// required), an optional hint, the field's error beside it, and the control described by
// both (aria-describedby) and marked aria-invalid when wrong. The hint's id is
// "h-<name>", the error's "e-<name>".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "web/html.h"

namespace bs::web::views {

using FieldOptions = std::vector<std::pair<std::string, std::string>>;  // (value, text)

struct FieldSpec {
  std::string id;             // the control's id (the label's for=)
  std::string name;           // the form field; its errors are matched on it
  std::string_view label;
  std::string_view hint = {};
  bool required = false;
  Literal attrs = "";         // literal attributes on the control: ` type="password"`, ` inputmode="decimal"`
};

// The first error of `field`, or nullptr.
const std::string* ErrorFor(const std::vector<FieldError>& errors, std::string_view field);

class FormFields {
 public:
  FormFields(Html& h, const std::vector<FieldError>& errors) : h_(h), errors_(errors) {}
  void Input(const FieldSpec& f, std::string_view value);
  void TextArea(const FieldSpec& f, std::string_view value, int rows);
  void Select(const FieldSpec& f, std::string_view value, const FieldOptions& options);
  void Checkbox(std::string_view name, std::string_view label, bool checked);

 private:
  void Open(const FieldSpec& f);
  void Describe(const FieldSpec& f);
  Html& h_;
  const std::vector<FieldError>& errors_;
};

}  // namespace bs::web::views
