// Internal to the SQLite plan store (sqlite_plan_store.cpp, sqlite_plan_rounds.cpp, sqlite_live_items.cpp): the
// small helpers both halves write with.
#pragma once

#include <string>

#include "app/ports/plan_store.h"
#include "storage/sqlite/sqlite_db.h"

namespace bs::sqlite_plan {

Error NoAuthor();
Error PlanNotFound(PlanId id);
Error ItemNotFound(ItemId id);
// Appends to the plan-level history (plan 0: municipality-wide).
Status RecordEvent(sqlite::Connection& c, PlanId plan, const WriteMeta& meta, const char* action,
                   const std::string& detail);
// Every write a plan view can show bumps the plan's revision in its own transaction.
Status BumpPlan(sqlite::Connection& c, PlanId id);
Result<bool> PlanExists(sqlite::Connection& c, PlanId id);

// A live item's columns in the order ReadItem reads them (realised and external keys last).
inline constexpr const char* kItemColumns =
    "id, plan_id, category, committee, theme_id, code, title, process, status_text, state, "
    "traffic_light, responsible, director, timing, political_treatment, directors_role, amounts, "
    "cross_cutting, strategic, strategic_line_id, obs, obs_note, case_numbers, strategies, sdgs, demo, "
    "revision, created_at, updated_at, realised, external_keys";
inline constexpr int kItemRealisedColumn = 29;  // external keys right after it
inline constexpr int kItemColumnCount = 31;
Result<PlanItem> ReadItem(const sqlite::Stmt& s);

}  // namespace bs::sqlite_plan
