// The demo: bodies of a municipality, "Udmøntningsplan 2025-2028" with the items and
// codes the seeds name (shared/seeds 000, 001, 003, 004), plus invented items marked as
// demo so that every category and committee has some, plus N generated items for
// benchmarks. Its history: the version of February 2025, the directors' monthly status
// in April, and the reporting round "Halvårsstatus juni 2025" (statuses in May, the
// directors' highlights of seed 004 item 7) closed with the version it published.
#pragma once

#include <string>

#include "app/plan_register.h"
#include "app/round_service.h"

namespace bs::demo {

struct DemoReport {
  PlanId plan_id = 0;
  bool created_plan = false;  // false when the demo plan was there already
  int seed_items = 0;
  int invented_items = 0;
  int generated_items = 0;
};

// Loads the demo into the store behind `plans`. Idempotent for the seed part: a
// second run only adds `generated_items` more generated items.
Result<DemoReport> LoadDemo(PlanRegister& plans, RoundService& rounds, int generated_items);

inline constexpr const char* kDemoMunicipality = "Norddjurs Kommune";
inline constexpr const char* kDemoRoundName = "Halvårsstatus juni 2025";

inline constexpr const char* kDemoPlanName = "Udmøntningsplan 2025-2028";

}  // namespace bs::demo
