#include "storage/sqlite/sqlite_db.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "storage_sqlite_migrations.h"  // generated from migrations/sqlite/*.sql

namespace bs::sqlite {

Error ToError(int rc, sqlite3* db, std::string_view what) {
  int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return Unavailable("Databasen er optaget lige nu. Prøv igen om et øjeblik.");
  if (primary == SQLITE_CONSTRAINT)
    return AlreadyExists("Oplysningerne strider mod en regel i databasen (fx findes de allerede).");
  if (primary == SQLITE_FULL) return Unavailable("Der er ikke mere plads på disken.");
  // The detail goes to the log, not to people (STYLE.md: errors never show internals).
  std::fprintf(stderr, "sqlite error %d in %.*s: %s\n", rc, static_cast<int>(what.size()), what.data(),
               db ? sqlite3_errmsg(db) : "");
  return Internal("Der opstod en fejl i databasen.");
}

Error Unreadable(std::string_view what) {
  std::fprintf(stderr, "sqlite: stored value cannot be read: %.*s\n", static_cast<int>(what.size()), what.data());
  return Internal("Data i databasen kan ikke læses.");
}

Result<int64_t> StoredInt(std::string_view text, std::string_view what) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end || text.empty()) return Unreadable(what);
  return v;
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return ToError(rc, sqlite3_db_handle(s_), sqlite3_sql(s_));
}

Status Stmt::Run() {
  for (;;) {
    bool row = TRY(Step());
    if (!row) return OkStatus();
  }
}

void Connection::AfterCommit() {
  constexpr uint64_t kCheckpointEvery = 1000;
  if (commits_ && ++*commits_ % kCheckpointEvery == 0) {
    // Waits (busy timeout) for readers of the old WAL, then starts it over; a failure
    // only means the WAL stays longer until the next attempt.
    (void)sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
  }
}

Connection::~Connection() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  sqlite3_close_v2(db_);
}

Result<Stmt> Connection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Stmt(it->second);
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) return ToError(rc, db_, sql);
  cache_.emplace(sql, s);
  return Stmt(s);
}

Status Connection::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (err) sqlite3_free(err);
  if (rc != SQLITE_OK) return ToError(rc, db_, sql.substr(0, 80));
  return OkStatus();
}

Lease::~Lease() {
  if (c_) db_->Release(std::move(c_));
}

Result<Transaction> Transaction::Begin(Connection& c) {
  RETURN_IF_ERROR(c.Exec("BEGIN IMMEDIATE"));
  return Transaction(&c);
}

Transaction::~Transaction() {
  if (c_) (void)c_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  Connection* c = c_;
  c_ = nullptr;
  auto st = c->Exec("COMMIT");
  if (!st.ok()) {
    (void)c->Exec("ROLLBACK");
    return st;
  }
  c->AfterCommit();
  return st;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  std::unique_ptr<Database> db(new Database(path));
  auto first = TRY(db->OpenConnection());
  db->idle_.push_back(std::move(first));
  RETURN_IF_ERROR(db->Migrate());
  return db;
}

Database::~Database() = default;

Result<std::unique_ptr<Connection>> Database::OpenConnection() {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  auto conn = std::make_unique<Connection>(raw, &commits_);
  if (rc != SQLITE_OK) {
    std::fprintf(stderr, "cannot open database %s: %s\n", path_.c_str(), raw ? sqlite3_errmsg(raw) : "");
    return Unavailable("Databasen kan ikke åbnes.");
  }
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 1);
  RETURN_IF_ERROR(conn->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                                 "PRAGMA journal_size_limit=16777216; "
                                 // Reads map the file instead of copying pages through
                                 // pread (a fifth of a plan page's time at N=5,000), and
                                 // each connection keeps 16 MiB of pages.
                                 "PRAGMA mmap_size=268435456; PRAGMA cache_size=-16384;"));
  return conn;
}

Result<Lease> Database::Acquire() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
  }
  auto c = TRY(OpenConnection());
  return Lease(this, std::move(c));
}

void Database::Release(std::unique_ptr<Connection> c) {
  // A connection still inside a transaction (a COMMIT and ROLLBACK that both failed)
  // would serve an old snapshot forever: close it instead of keeping it.
  if (sqlite3_get_autocommit(c->raw()) == 0) return;
  std::lock_guard lock(mu_);
  if (idle_.size() < 16) idle_.push_back(std::move(c));
}

Status Database::Migrate() {
  auto lease = TRY(Acquire());
  Connection& c = *lease;
  RETURN_IF_ERROR(c.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)"));
  std::vector<std::pair<std::string_view, std::string_view>> files(std::begin(migrations::kFiles), std::end(migrations::kFiles));
  std::sort(files.begin(), files.end());
  for (const auto& [name, sql] : files) {
    int version = std::atoi(std::string(name.substr(0, 4)).c_str());
    auto tx = TRY(Transaction::Begin(c));
    bool applied = false;
    {
      auto check = TRY(c.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?"));
      check.Bind(1, version);
      applied = TRY(check.Step());
    }
    if (!applied) {
      RETURN_IF_ERROR(c.Exec(std::string(sql)));
      auto mark = TRY(c.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"));
      mark.Bind(1, version).Bind(2, name);
      RETURN_IF_ERROR(mark.Run());
      std::fprintf(stderr, "database: applied migration %.*s\n", static_cast<int>(name.size()), name.data());
    }
    RETURN_IF_ERROR(tx.Commit());
    schema_version_ = version;
  }
  return OkStatus();
}

}  // namespace bs::sqlite
