// Backup and restore (issue 15): a backup taken while a writer keeps writing finishes,
// holds every write acknowledged before it began, is intact, and restores to the same
// content; bad targets and sources are refused before any work, and a restore never
// replaces a database a server holds.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "app/plan_register.h"
#include "app/round_service.h"
#include "core/clock.h"
#include "demo/demo_plan.h"
#include "storage/sqlite/sqlite_backup.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_plan_store.h"

namespace bs {
namespace {

namespace fs = std::filesystem;

class SqliteBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "budgetspor-backup-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    path_ = (dir_ / "live.db").string();
    auto db = sqlite::Database::Open(path_);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    store_ = std::make_unique<SqlitePlanStore>(*db_);
    plans_ = std::make_unique<PlanRegister>(*store_, clock_);
    rounds_ = std::make_unique<RoundService>(*store_, *plans_, clock_);
    ASSERT_TRUE(demo::LoadDemo(*plans_, *rounds_, 0).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  Status AddStatus(int n) {
    long item = 1 + n % 20;
    auto current = plans_->GetItem(item);
    if (!current.ok()) return current.error();
    auto r = plans_->AddStatus(item, {"31-05-2025", "Anne", "Status nr. " + std::to_string(n), "in_progress", "", "", "", {}},
                               current->revision(), plans_->Meta("Anne", "test"));
    if (!r.ok()) return r.error();
    return OkStatus();
  }

  static int64_t CountIn(const std::string& path, const std::string& sql) {
    sqlite3* raw = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(raw, sql.c_str(), -1, &s, nullptr), SQLITE_OK);
    int64_t n = -1;
    if (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(raw);
    return n;
  }

  fs::path dir_;
  std::string path_;
  FixedClock clock_{1'750'000'000};
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<SqlitePlanStore> store_;
  std::unique_ptr<PlanRegister> plans_;
  std::unique_ptr<RoundService> rounds_;
};

TEST_F(SqliteBackupTest, ABackupUnderWritesFinishesWithEveryAcknowledgedWriteAndRestoresTheSameContent) {
  // Enough pages that the copy takes many steps while the writer goes on.
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(AddStatus(i).ok());
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged{200};
  std::thread writer([&] {
    for (int n = 200; !stop; ++n)
      if (AddStatus(n).ok()) acknowledged = n + 1;
  });
  while (acknowledged < 260) std::this_thread::yield();
  const int before = acknowledged;
  sqlite::BackupOptions options;
  options.pages_per_step = 4;  // many small steps: the writer commits between them
  int steps = 0;
  options.progress = [&](int, int) { ++steps; };
  auto backup = sqlite::Backup(path_, (dir_ / "kopi.db").string(), options);
  stop = true;
  writer.join();
  ASSERT_TRUE(backup.ok()) << backup.error().message;
  EXPECT_GT(steps, 10);
  EXPECT_GT(acknowledged.load(), before) << "the writer was not writing during the backup";
  const std::string copy = (dir_ / "kopi.db").string();
  EXPECT_GE(CountIn(copy, "SELECT count(*) FROM status_updates WHERE status_text LIKE 'Status nr. %'"), before);
  EXPECT_EQ(backup->schema_version, sqlite::Database::NewestKnownVersion());
  EXPECT_GT(backup->content.rows, 0);
  EXPECT_EQ((fs::status(copy).permissions() & (fs::perms::group_all | fs::perms::others_all)), fs::perms::none);
  EXPECT_FALSE(fs::exists(copy + "-wal"));
  EXPECT_FALSE(fs::exists(copy + ".ufuldstaendig"));
  auto again = sqlite::CheckContent(copy);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, backup->content);

  // Restore over another database file (the live one is held by this test's pool).
  const std::string target = (dir_ / "andet.db").string();
  ASSERT_TRUE(sqlite::Database::Open(target).ok());
  auto restored = sqlite::Restore(copy, target, "20261206-120000");
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(restored->content, backup->content);
  EXPECT_EQ(restored->previous, target + ".foer-gendannelse-20261206-120000");
  EXPECT_TRUE(fs::exists(restored->previous));
  auto reopened = sqlite::Database::Open(target);
  ASSERT_TRUE(reopened.ok());
  SqlitePlanStore restored_store(**reopened);
  PlanRegister restored_plans(restored_store, clock_);
  EXPECT_EQ(restored_plans.GetItem(1)->data().title, plans_->GetItem(1)->data().title);
}

TEST_F(SqliteBackupTest, ABackupTargetThatCannotBeWrittenFailsBeforeAnyWork) {
  auto r = sqlite::Backup(path_, (dir_ / "mangler" / "kopi.db").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("Sikkerhedskopien kan ikke skrives i " + (dir_ / "mangler").string(), 0), 0u)
      << r.error().message;
  // An existing file is never overwritten.
  ASSERT_TRUE(sqlite::Backup(path_, (dir_ / "k.db").string()).ok());
  auto twice = sqlite::Backup(path_, (dir_ / "k.db").string());
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
  // A source that does not exist is not created.
  auto none = sqlite::Backup((dir_ / "findes-ikke.db").string(), (dir_ / "k2.db").string());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir_ / "findes-ikke.db"));
  EXPECT_FALSE(fs::exists(dir_ / "k2.db.ufuldstaendig"));
}

TEST_F(SqliteBackupTest, ARestoreIsRefusedWhileAServerHoldsTheDatabase) {
  const std::string copy = (dir_ / "kopi.db").string();
  ASSERT_TRUE(sqlite::Backup(path_, copy).ok());
  const std::string target = (dir_ / "drift.db").string();
  ASSERT_TRUE(sqlite::Database::Open(target).ok());
  const auto before = sqlite::CheckContent(target);
  {
    auto server = sqlite::ServiceLock::Take(target, /*exclusive=*/false);
    ASSERT_TRUE(server.ok());
    auto second = sqlite::ServiceLock::Take(target, /*exclusive=*/false);
    EXPECT_TRUE(second.ok()) << "two servers may share a database";
    auto r = sqlite::Restore(copy, target, "x");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("bruges af en kørende budgetspor"), std::string::npos) << r.error().message;
    EXPECT_EQ(*sqlite::CheckContent(target), *before);
  }
  {
    auto restoring = sqlite::ServiceLock::Take(target, /*exclusive=*/true);
    ASSERT_TRUE(restoring.ok());
    auto server = sqlite::ServiceLock::Take(target, /*exclusive=*/false);
    ASSERT_FALSE(server.ok());
    EXPECT_NE(server.error().message.find("ved at blive gendannet"), std::string::npos);
  }
  EXPECT_TRUE(sqlite::Restore(copy, target, "y").ok());
}

TEST_F(SqliteBackupTest, ARestoreFromSomethingElseThanAnIntactBackupChangesNothing) {
  const std::string target = (dir_ / "drift.db").string();
  ASSERT_TRUE(sqlite::Database::Open(target).ok());
  const auto before = sqlite::CheckContent(target);
  const std::string junk = (dir_ / "noter.txt").string();
  { FILE* f = std::fopen(junk.c_str(), "w"); std::fputs("ikke en database, men lang nok til at ligne en fil\n", f); std::fclose(f); }
  auto r = sqlite::Restore(junk, target, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("ikke en intakt SQLite-database"), std::string::npos) << r.error().message;

  const std::string other = (dir_ / "fremmed.db").string();
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(other.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
  }
  r = sqlite::Restore(other, target, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("ikke en budgetspor-database"), std::string::npos) << r.error().message;

  const std::string newer = (dir_ / "nyere.db").string();
  ASSERT_TRUE(sqlite::Backup(path_, newer).ok());
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(newer.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "INSERT INTO schema_migrations (version, name) VALUES (99, '0099_x.sql')", nullptr,
                           nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
  }
  r = sqlite::Restore(newer, target, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("skemaversion 99"), std::string::npos) << r.error().message;
  r = sqlite::Restore((dir_ / "findes-ikke.db").string(), target, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);

  EXPECT_EQ(*sqlite::CheckContent(target), *before);
  EXPECT_FALSE(fs::exists(target + ".gendannes"));
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().string().find("foer-gendannelse"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace bs
