// The plan store backends the contract suites run on (STYLE.md habit 4): memory and an
// SQLite file in a temporary directory. A PostgreSQL backend joins here.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>

#include "storage/memory/memory_plan_store.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_plan_store.h"

namespace bs::testing {

// Owns a store and whatever it needs (a database file).
struct Backend {
  std::unique_ptr<sqlite::Database> db;
  std::unique_ptr<PlanStore> store;
  std::filesystem::path dir;
  ~Backend() {
    store.reset();
    db.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
};

using Factory = std::function<std::unique_ptr<Backend>()>;

inline std::unique_ptr<Backend> MakeMemory() {
  auto b = std::make_unique<Backend>();
  b->store = std::make_unique<MemoryPlanStore>();
  return b;
}

inline std::unique_ptr<Backend> MakeSqlite() {
  auto b = std::make_unique<Backend>();
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-XXXXXX").string();
  b->dir = mkdtemp(tmpl.data());
  auto db = sqlite::Database::Open((b->dir / "test.db").string());
  EXPECT_TRUE(db.ok());
  b->db = std::move(*db);
  b->store = std::make_unique<SqlitePlanStore>(*b->db);
  return b;
}

}  // namespace bs::testing
