// Plans, bodies and themes: the data that plan items hang on. Bodies and themes are
// data, not enums: every municipality has its own committees, and each budget
// agreement its own themes for declarations of intent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace bs {

using PlanId = int64_t;
using ItemId = int64_t;
using ThemeId = int64_t;
using StrategicLineId = int64_t;

// A political body: KB, ØK, BUU, DIR, Hovedudvalget ... Only bodies that own items
// (the standing committees and ØK) appear as a plan's committees.
struct Body {
  std::string code;  // "BUU", as people write it; unique
  std::string name;  // "Børne- og Ungdomsudvalget"
  bool owns_items = false;
  int sort_order = 0;

  // Code: 1-20 characters, letters (æøå too), digits and '-'. Name: 1-200 characters.
  static Result<Body> Create(std::string code, std::string name, bool owns_items, int sort_order);
};

// A theme that groups declarations of intent, e.g. "Partnerskaber".
struct Theme {
  ThemeId id = 0;
  PlanId plan_id = 0;
  std::string name;
  int sort_order = 0;
};

// An overarching line of the strategic part of a plan.
struct StrategicLine {
  StrategicLineId id = 0;
  PlanId plan_id = 0;
  std::string title;
  std::string description;
  int sort_order = 0;
};

struct PlanDraft {
  std::string name;         // "Udmøntningsplan 2025-2028"
  std::string budget_name;  // "Budget 2025-2028"
  std::string first_year;   // "2025"
  std::string last_year;    // "2028"
  std::string description;
};

class Plan {
 public:
  // Validates a draft: name and budget present, years 2000-2100, period 1-10 years.
  static Result<Plan> Create(const PlanDraft& draft);
  // For storage adapters: rebuilds a plan that was valid when stored.
  static Plan Restore(PlanId id, std::string name, std::string budget_name, int first_year,
                      int last_year, std::string description, int64_t revision);

  PlanId id() const { return id_; }
  const std::string& name() const { return name_; }
  const std::string& budget_name() const { return budget_name_; }
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  const std::string& description() const { return description_; }
  int64_t revision() const { return revision_; }
  std::vector<int> Years() const;

 private:
  PlanId id_ = 0;
  std::string name_, budget_name_;
  int first_year_ = 0, last_year_ = 0;
  std::string description_;
  int64_t revision_ = 0;
};

}  // namespace bs
