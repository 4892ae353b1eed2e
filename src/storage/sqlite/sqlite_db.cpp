#include "storage/sqlite/sqlite_db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>

#include "storage_sqlite_migrations.h"  // generated from migrations/sqlite/*.sql

namespace bs::sqlite {

std::string Fnv64::Hex() const {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h_));
  return out;
}

Error ToError(int rc, sqlite3* db, std::string_view what) {
  int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return Unavailable("Databasen er optaget lige nu. Prøv igen om et øjeblik.");
  if (primary == SQLITE_CONSTRAINT)
    return AlreadyExists("Oplysningerne strider mod en regel i databasen (fx findes de allerede).");
  if (primary == SQLITE_FULL) return Unavailable("Der er ikke mere plads på disken.");
  if (primary == SQLITE_READONLY) {
    std::fprintf(stderr, "sqlite: database is read-only in %.*s: %s\n", static_cast<int>(what.size()), what.data(),
                 db ? sqlite3_errmsg(db) : "");
    return Unavailable("Databasen kan ikke skrives lige nu. Intet er gemt; prøv igen senere.");
  }
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

namespace {

// The database holds password hashes and closed attachments: a new file is created
// 0600 before SQLite sees it (SQLite gives the -wal and -shm files the database file's
// mode), and an existing file of ours that others can read is tightened.
Status CreatePrivately(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) { ::close(fd); return OkStatus(); }
  if (errno != EEXIST) {
    std::fprintf(stderr, "cannot create database %s: %s\n", path.c_str(), std::strerror(errno));
    return Unavailable("Databasen " + path + " kan ikke oprettes: " + std::strerror(errno) + ".");
  }
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 077) != 0) {
    if (::chmod(path.c_str(), st.st_mode & 0700) == 0)
      std::fprintf(stderr, "database: %s could be read by others; now mode %o\n", path.c_str(), st.st_mode & 0700);
  }
  return OkStatus();
}

std::string Checksum(std::string_view text) { return Fnv64().Add(text).Hex(); }

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  RETURN_IF_ERROR(CreatePrivately(path));
  std::unique_ptr<Database> db(new Database(path));
  auto first = TRY(db->OpenConnection());
  db->idle_.push_back(std::move(first));
  RETURN_IF_ERROR(db->Migrate());
  return db;
}

Database::~Database() = default;

Status Database::CheckReady() {
  auto lease = Acquire();
  if (!lease.ok()) return Unavailable("databasen kan ikke åbnes");
  if (sqlite3_db_readonly((*lease)->raw(), "main") == 1) return Unavailable("databasen kan kun læses");
  auto s = (*lease)->Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!s.ok()) return Unavailable("databasen svarer ikke");
  auto row = s->Step();
  if (!row.ok() || !*row) return Unavailable("databasen svarer ikke");
  if (s->Int(0) != NewestKnownVersion())
    return Unavailable("databasen har skemaversion " + std::to_string(s->Int(0)) + ", programmet " +
                       std::to_string(NewestKnownVersion()));
  return OkStatus();
}

int Database::NewestKnownVersion() {
  int newest = 0;
  for (const auto& [name, sql] : migrations::kFiles) newest = std::max(newest, std::atoi(std::string(name.substr(0, 4)).c_str()));
  return newest;
}

Result<std::unique_ptr<Connection>> Database::OpenConnection() {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  auto conn = std::make_unique<Connection>(raw, &commits_);
  if (rc != SQLITE_OK) {
    std::fprintf(stderr, "cannot open database %s: %s\n", path_.c_str(), raw ? sqlite3_errmsg(raw) : "");
    return Unavailable("Databasen kan ikke åbnes.");
  }
  // A file this user may not write opens read-only without a word: refuse it here,
  // before anything answers 500 to every write (issue 15 #8).
  if (sqlite3_db_readonly(raw, "main") == 1) {
    return Unavailable("Databasen " + path_ +
                       " kan kun læses (filen eller mappen er skrivebeskyttet for denne bruger). "
                       "budgetspor skal kunne skrive i begge.");
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

// Migrations are applied once each, in order, and recorded with their checksum. A
// database that has a migration this binary does not know (made by a newer budgetspor)
// or whose applied migration has since changed is refused before anything is written.
Status Database::Migrate() {
  auto lease = TRY(Acquire());
  Connection& c = *lease;
  RETURN_IF_ERROR(c.Exec("CREATE TABLE IF NOT EXISTS schema_migrations "
                         "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT)"));
  auto columns = TRY(QueryAll(c, "SELECT name FROM pragma_table_info('schema_migrations')",
                              [](const Stmt& s) { return s.Text(0); }));
  if (std::find(columns.begin(), columns.end(), "checksum") == columns.end())
    RETURN_IF_ERROR(c.Exec("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT"));

  struct Known { std::string_view name, sql; };
  std::map<int, Known> known;
  for (const auto& [name, sql] : migrations::kFiles)
    known[std::atoi(std::string(name.substr(0, 4)).c_str())] = Known{name, sql};
  const int newest_known = known.empty() ? 0 : known.rbegin()->first;

  struct Applied { int version; std::string name; std::string checksum; bool has_checksum; };
  auto applied = TRY(QueryAll(c, "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
                              [](const Stmt& s) {
                                return Applied{static_cast<int>(s.Int(0)), s.Text(1), s.Text(2), !s.IsNull(2)};
                              }));
  std::map<int, const Applied*> by_version;
  for (const auto& a : applied) by_version[a.version] = &a;
  if (!applied.empty() && applied.back().version > newest_known) {
    return Unavailable("Databasen " + path_ + " har skemaversion " + std::to_string(applied.back().version) + " (" +
                       applied.back().name + "), men denne budgetspor kender kun til version " +
                       std::to_string(newest_known) + ". Brug den budgetspor, der migrerede databasen, "
                       "eller en nyere.");
  }
  for (const auto& a : applied) {
    auto k = known.find(a.version);
    if (k == known.end()) {
      return Unavailable("Databasen " + path_ + " har migreringen " + a.name +
                         ", som denne budgetspor ikke kender. Databasen startes ikke.");
    }
    if (a.has_checksum && a.checksum != Checksum(k->second.sql)) {
      return Unavailable("Migreringen " + std::string(k->second.name) + " er ændret, efter den blev anvendt på " +
                         path_ + " (kontrolsum " + a.checksum + " i databasen, " + Checksum(k->second.sql) +
                         " i programmet). Databasen startes ikke; brug den budgetspor, der migrerede den.");
    }
  }
  for (const auto& [version, file] : known) {
    auto tx = TRY(Transaction::Begin(c));
    auto a = by_version.find(version);
    if (a == by_version.end()) {
      RETURN_IF_ERROR(c.Exec(std::string(file.sql)));
      auto mark = TRY(c.Prepare("INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)"));
      mark.Bind(1, version).Bind(2, file.name).Bind(3, Checksum(file.sql));
      RETURN_IF_ERROR(mark.Run());
      std::fprintf(stderr, "database: applied migration %.*s\n", static_cast<int>(file.name.size()), file.name.data());
    } else if (!a->second->has_checksum) {
      // Applied before checksums were kept: recorded now, compared from now on.
      auto mark = TRY(c.Prepare("UPDATE schema_migrations SET checksum = ? WHERE version = ?"));
      mark.Bind(1, Checksum(file.sql)).Bind(2, version);
      RETURN_IF_ERROR(mark.Run());
    }
    RETURN_IF_ERROR(tx.Commit());
    schema_version_ = version;
  }
  return OkStatus();
}

}  // namespace bs::sqlite
