// The backends the storage contract suites run on (STYLE.md habit 4), in one place:
// memory, and an SQLite file in a temporary directory. Each backend holds all the
// stores over one database, so a suite takes the ones it tests (and the plan store for
// the bodies they refer to). A PostgreSQL backend is one more factory and one more line
// in Backends().
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "storage/memory/memory_meeting_store.h"
#include "storage/memory/memory_people_store.h"
#include "storage/memory/memory_plan_store.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_meeting_store.h"
#include "storage/sqlite/sqlite_people_store.h"
#include "storage/sqlite/sqlite_plan_store.h"

namespace bs::testing {

// Owns the stores and whatever they need (a database file).
struct Backend {
  std::filesystem::path dir;
  std::unique_ptr<sqlite::Database> db;  // the SQLite backend's; null for memory
  std::unique_ptr<PlanStore> plans;
  std::unique_ptr<MeetingStore> meetings;
  std::unique_ptr<PeopleStore> people;
  ~Backend() {
    people.reset();
    meetings.reset();
    plans.reset();
    db.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
};

using Factory = std::function<std::unique_ptr<Backend>()>;

inline std::unique_ptr<Backend> MakeMemory() {
  auto b = std::make_unique<Backend>();
  b->plans = std::make_unique<MemoryPlanStore>();
  b->meetings = std::make_unique<MemoryMeetingStore>();
  b->people = std::make_unique<MemoryPeopleStore>();
  return b;
}

inline std::unique_ptr<Backend> MakeSqlite() {
  auto b = std::make_unique<Backend>();
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-XXXXXX").string();
  b->dir = mkdtemp(tmpl.data());
  auto db = sqlite::Database::Open((b->dir / "test.db").string());
  EXPECT_TRUE(db.ok());
  if (!db.ok()) return b;
  b->db = std::move(*db);
  b->plans = std::make_unique<SqlitePlanStore>(*b->db);
  b->meetings = std::make_unique<SqliteMeetingStore>(*b->db);
  b->people = std::make_unique<SqlitePeopleStore>(*b->db);
  return b;
}

using NamedBackend = std::pair<const char*, Factory>;

// Every backend, by name; the one list the contract suites are instantiated over.
inline std::vector<NamedBackend> Backends() { return {{"memory", MakeMemory}, {"sqlite", MakeSqlite}}; }

// The test name suffix: the backend's name.
inline std::string BackendName(const ::testing::TestParamInfo<NamedBackend>& info) { return info.param.first; }

}  // namespace bs::testing

// Instantiates a contract suite (a TestWithParam<NamedBackend>) on every backend.
#define BS_CONTRACT_ON_ALL_BACKENDS(Suite) \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::ValuesIn(::bs::testing::Backends()), ::bs::testing::BackendName)
