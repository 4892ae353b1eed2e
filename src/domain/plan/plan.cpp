#include "domain/plan/plan.h"

#include "core/text.h"

namespace bs {
namespace {
// Reads a year 2000..2100 or adds a field error.
int ReadYear(const std::string& s, const char* field, std::vector<FieldError>& errors) {
  std::string t = text::Trim(s);
  if (t.size() != 4 || t.find_first_not_of("0123456789") != std::string::npos) {
    errors.push_back({field, "Skriv et årstal med fire cifre, fx 2025."});
    return 0;
  }
  int y = std::stoi(t);
  if (y < 2000 || y > 2100) errors.push_back({field, "Årstallet skal ligge mellem 2000 og 2100."});
  return y;
}
}  // namespace

Result<Body> Body::Create(std::string code, std::string name, bool owns_items, int sort_order) {
  code = text::Trim(code);
  name = text::CleanSingleLine(text::Trim(name));
  std::vector<FieldError> errors;
  if (code.empty() || text::CodePointCount(code) > 20 || !text::IsValidUtf8(code) ||
      code.find_first_of(" \t/\\?#&<>\"'") != std::string::npos)
    errors.push_back({"code", "Forkortelsen skal være 1-20 tegn uden mellemrum, fx BUU."});
  if (name.empty() || text::CodePointCount(name) > 200 || !text::IsValidUtf8(name))
    errors.push_back({"name", "Navnet skal være 1-200 tegn."});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return Body{std::move(code), std::move(name), owns_items, sort_order};
}

Result<Plan> Plan::Create(const PlanDraft& d) {
  std::vector<FieldError> errors;
  Plan p;
  p.name_ = text::CleanSingleLine(text::Trim(d.name));
  p.budget_name_ = text::CleanSingleLine(text::Trim(d.budget_name));
  p.description_ = text::CleanMultiline(text::Trim(d.description));
  if (p.name_.empty()) errors.push_back({"name", "Planen skal have et navn, fx Udmøntningsplan 2025-2028."});
  else if (text::CodePointCount(p.name_) > 200) errors.push_back({"name", "Navnet må højst være 200 tegn."});
  if (p.budget_name_.empty()) errors.push_back({"budget_name", "Skriv hvilket budget planen udmønter, fx Budget 2025-2028."});
  else if (text::CodePointCount(p.budget_name_) > 200) errors.push_back({"budget_name", "Budgettets navn må højst være 200 tegn."});
  if (text::CodePointCount(p.description_) > 10000) errors.push_back({"description", "Beskrivelsen må højst være 10.000 tegn."});
  p.first_year_ = ReadYear(d.first_year, "first_year", errors);
  p.last_year_ = ReadYear(d.last_year, "last_year", errors);
  if (p.first_year_ && p.last_year_ && (p.last_year_ < p.first_year_ || p.last_year_ - p.first_year_ > 9))
    errors.push_back({"last_year", "Perioden skal være 1-10 år, og sidste år må ikke ligge før første år."});
  for (const auto* s : {&p.name_, &p.budget_name_, &p.description_})
    if (!text::IsValidUtf8(*s)) errors.push_back({"name", "Teksten indeholder ugyldige tegn."});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return p;
}

Plan Plan::Restore(PlanId id, std::string name, std::string budget_name, int first_year,
                   int last_year, std::string description, int64_t revision) {
  Plan p;
  p.id_ = id;
  p.name_ = std::move(name);
  p.budget_name_ = std::move(budget_name);
  p.first_year_ = first_year;
  p.last_year_ = last_year;
  p.description_ = std::move(description);
  p.revision_ = revision;
  return p;
}

std::vector<int> Plan::Years() const {
  std::vector<int> years;
  for (int y = first_year_; y <= last_year_; ++y) years.push_back(y);
  return years;
}

}  // namespace bs
