#include "storage/sqlite/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include "storage/sqlite/sqlite_db.h"

namespace bs::sqlite {
namespace {

namespace fs = std::filesystem;

// One raw connection, closed on scope exit (these tools work beside the pool).
struct Raw {
  sqlite3* db = nullptr;
  ~Raw() { if (db) sqlite3_close_v2(db); }
};

std::string Reason(int err) { return std::strerror(err); }

Status OpenRaw(const std::string& path, int flags, Raw& raw, const std::string& what) {
  int rc = sqlite3_open_v2(path.c_str(), &raw.db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::fprintf(stderr, "backup: cannot open %s: %s\n", path.c_str(), raw.db ? sqlite3_errmsg(raw.db) : "");
    return Unavailable(what + " " + path + " kan ikke åbnes.");
  }
  sqlite3_busy_timeout(raw.db, 5000);
  return OkStatus();
}

Status ExecRaw(Raw& raw, const std::string& sql, const std::string& what) {
  char* err = nullptr;
  int rc = sqlite3_exec(raw.db, sql.c_str(), nullptr, nullptr, &err);
  std::string detail = err ? err : "";
  sqlite3_free(err);
  if (rc == SQLITE_OK) return OkStatus();
  std::fprintf(stderr, "backup: %s: %s (%s)\n", what.c_str(), detail.c_str(), sql.c_str());
  if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
    return InvalidArgument(what + " er ikke en intakt SQLite-database.");
  return ToError(rc, raw.db, what);
}

// One text answer of a single-row query, e.g. PRAGMA integrity_check.
Result<std::string> QueryText(Raw& raw, const std::string& sql, const std::string& what) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &s, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(s);
    if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
      return InvalidArgument(what + " er ikke en intakt SQLite-database.");
    return ToError(rc, raw.db, what);
  }
  rc = sqlite3_step(s);
  std::string out;
  if (rc == SQLITE_ROW && sqlite3_column_text(s, 0)) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
      return InvalidArgument(what + " er ikke en intakt SQLite-database.");
    return ToError(rc, raw.db, what);
  }
  return out;
}

Status CheckIntact(Raw& raw, const std::string& path) {
  auto ok = TRY(QueryText(raw, "PRAGMA integrity_check", path));
  if (ok != "ok") {
    std::fprintf(stderr, "backup: integrity_check of %s: %s\n", path.c_str(), ok.c_str());
    return InvalidArgument(path + " er ikke intakt (integrity_check: " + ok.substr(0, 120) + ").");
  }
  return OkStatus();
}

// The newest migration recorded in a database; InvalidArgument when it has none (not
// a budgetspor database).
Result<int> RecordedVersion(Raw& raw, const std::string& path) {
  auto has = TRY(QueryText(raw, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'", path));
  if (has != "1") return InvalidArgument(path + " er ikke en budgetspor-database (den har ingen skemaversion).");
  auto v = TRY(QueryText(raw, "SELECT coalesce(max(version), 0) FROM schema_migrations", path));
  return std::atoi(v.c_str());
}

Status SyncFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Unavailable(path + " kan ikke læses: " + Reason(errno) + ".");
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Unavailable(path + " kan ikke skrives til disken: " + Reason(err) + ".");
  return OkStatus();
}

std::string Folder(const std::string& path) {
  auto parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// Copies `src`'s main database into `dst` in steps. With `hold_snapshot` a read
// transaction on the source is held across the steps, so writes by others neither
// block the copy nor make SQLite start it over.
Status CopyPages(Raw& src, Raw& dst, const std::string& from, const BackupOptions& options, bool hold_snapshot) {
  if (hold_snapshot) {
    RETURN_IF_ERROR(ExecRaw(src, "BEGIN", from));
    // The snapshot is taken by the first read.
    auto v = QueryText(src, "SELECT count(*) FROM sqlite_schema", from);
    if (!v.ok()) { (void)ExecRaw(src, "ROLLBACK", from); return v.error(); }
  }
  sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (!b) {
    if (hold_snapshot) (void)ExecRaw(src, "ROLLBACK", from);
    return ToError(sqlite3_errcode(dst.db), dst.db, "backup_init");
  }
  int rc = SQLITE_OK;
  while (true) {
    rc = sqlite3_backup_step(b, options.pages_per_step);
    if (options.progress) {
      int total = sqlite3_backup_pagecount(b);
      options.progress(total - sqlite3_backup_remaining(b), total);
    }
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(options.pause);
  }
  sqlite3_backup_finish(b);
  if (hold_snapshot) (void)ExecRaw(src, "COMMIT", from);
  if (rc != SQLITE_DONE) {
    if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
      return InvalidArgument(from + " er ikke en intakt SQLite-database.");
    return ToError(rc, dst.db, "backup_step");
  }
  return OkStatus();
}

}  // namespace

Result<ContentCheck> CheckContent(const std::string& path) {
  if (!fs::exists(path)) return NotFound(path + " findes ikke.");
  Raw raw;
  RETURN_IF_ERROR(OpenRaw(path, SQLITE_OPEN_READONLY, raw, "Databasen"));
  ContentCheck check;
  Fnv64 hash;
  std::vector<std::string> tables;
  {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(raw.db,
                                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                -1, &s, nullptr);
    if (rc == SQLITE_OK)
      while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
      if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
        return InvalidArgument(path + " er ikke en intakt SQLite-database.");
      return ToError(rc, raw.db, "content check");
    }
  }
  for (const auto& table : tables) {
    std::string quoted = "\"";
    for (char ch : table) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    quoted += "\"";
    auto columns = TRY(QueryText(raw, "SELECT count(*) FROM pragma_table_info('" + table + "')", path));
    std::string order;
    for (int i = 1; i <= std::atoi(columns.c_str()); ++i) order += (i > 1 ? "," : "") + std::to_string(i);
    sqlite3_stmt* s = nullptr;
    std::string sql = "SELECT * FROM " + quoted + (order.empty() ? "" : " ORDER BY " + order);
    int rc = sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &s, nullptr);
    hash.Add("T").Add(table).Add(std::string(1, '\0'));
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
      if ((rc = sqlite3_step(s)) != SQLITE_ROW) break;
      ++check.rows;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        int type = sqlite3_column_type(s, c);
        const void* bytes = type == SQLITE_BLOB ? sqlite3_column_blob(s, c) : sqlite3_column_text(s, c);
        int n = sqlite3_column_bytes(s, c);
        std::string head = std::to_string(type) + ":" + std::to_string(n) + ":";
        hash.Add(head);
        if (bytes) hash.Add(std::string_view(static_cast<const char*>(bytes), static_cast<size_t>(n)));
      }
      hash.Add("\n");
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return ToError(rc, raw.db, "content check " + table);
    ++check.tables;
  }
  check.digest = hash.Hex();
  return check;
}

Result<BackupResult> Backup(const std::string& from, const std::string& to, const BackupOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  // The target first: nothing is read before we know the result can be written.
  if (fs::exists(to)) return AlreadyExists("Sikkerhedskopien " + to + " findes allerede. Vælg et nyt filnavn.");
  const std::string partial = to + ".ufuldstaendig";
  int fd = ::open(partial.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Unavailable("Sikkerhedskopien kan ikke skrives i " + Folder(to) + ": " + Reason(errno) + ".");
  }
  ::close(fd);
  struct Cleanup {
    std::string path;
    bool keep = false;
    ~Cleanup() { if (!keep) { std::error_code ec; fs::remove(path, ec); fs::remove(path + "-journal", ec); } }
  } cleanup{partial};

  if (!fs::exists(from)) return NotFound("Databasen " + from + " findes ikke.");
  Raw src;
  RETURN_IF_ERROR(OpenRaw(from, SQLITE_OPEN_READWRITE, src, "Databasen"));
  BackupResult result;
  result.schema_version = TRY(RecordedVersion(src, from));
  Raw dst;
  RETURN_IF_ERROR(OpenRaw(partial, SQLITE_OPEN_READWRITE, dst, "Sikkerhedskopien"));
  RETURN_IF_ERROR(CopyPages(src, dst, from, options, /*hold_snapshot=*/true));
  // One self-contained file: no -wal beside it.
  RETURN_IF_ERROR(ExecRaw(dst, "PRAGMA journal_mode=DELETE", "Sikkerhedskopien"));
  RETURN_IF_ERROR(CheckIntact(dst, partial));
  sqlite3_close_v2(dst.db);
  dst.db = nullptr;
  RETURN_IF_ERROR(SyncFile(partial));
  result.content = TRY(CheckContent(partial));
  if (fs::exists(to)) return AlreadyExists("Sikkerhedskopien " + to + " findes allerede. Vælg et nyt filnavn.");
  std::error_code ec;
  fs::rename(partial, to, ec);
  if (ec) return Unavailable("Sikkerhedskopien kan ikke gemmes som " + to + ": " + ec.message() + ".");
  cleanup.keep = true;
  (void)SyncFile(Folder(to));
  result.bytes = static_cast<int64_t>(fs::file_size(to, ec));
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

Result<RestoreResult> Restore(const std::string& from, const std::string& db, const std::string& stamp) {
  if (!fs::exists(from)) return NotFound("Sikkerhedskopien " + from + " findes ikke.");
  RestoreResult result;
  ContentCheck expected;
  {
    Raw backup;
    RETURN_IF_ERROR(OpenRaw(from, SQLITE_OPEN_READONLY, backup, "Sikkerhedskopien"));
    RETURN_IF_ERROR(CheckIntact(backup, from));
    result.schema_version = TRY(RecordedVersion(backup, from));
    if (result.schema_version > Database::NewestKnownVersion()) {
      return InvalidArgument("Sikkerhedskopien " + from + " har skemaversion " + std::to_string(result.schema_version) +
                             ", men denne budgetspor kender kun til version " +
                             std::to_string(Database::NewestKnownVersion()) + ". Brug en nyere budgetspor.");
    }
  }
  expected = TRY(CheckContent(from));
  auto lock = ServiceLock::Take(db, /*exclusive=*/true);
  if (!lock.ok()) return lock.error();

  const std::string incoming = db + ".gendannes";
  {
    std::error_code ec;
    fs::remove(incoming, ec);
    int fd = ::open(incoming.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Unavailable("Databasen kan ikke skrives i " + Folder(db) + ": " + Reason(errno) + ".");
    ::close(fd);
  }
  struct Cleanup {
    std::string path;
    bool keep = false;
    ~Cleanup() { if (!keep) { std::error_code ec; fs::remove(path, ec); fs::remove(path + "-journal", ec); } }
  } cleanup{incoming};
  {
    Raw src, dst;
    RETURN_IF_ERROR(OpenRaw(from, SQLITE_OPEN_READONLY, src, "Sikkerhedskopien"));
    RETURN_IF_ERROR(OpenRaw(incoming, SQLITE_OPEN_READWRITE, dst, "Databasen"));
    RETURN_IF_ERROR(CopyPages(src, dst, from, BackupOptions{}, /*hold_snapshot=*/false));
    RETURN_IF_ERROR(ExecRaw(dst, "PRAGMA journal_mode=DELETE", "Databasen"));
    RETURN_IF_ERROR(CheckIntact(dst, incoming));
  }
  RETURN_IF_ERROR(SyncFile(incoming));

  if (fs::exists(db)) {
    // Fold the replaced database's WAL into it, so the kept copy is whole by itself
    // and no old WAL is left to be replayed onto the restored file.
    {
      Raw old;
      RETURN_IF_ERROR(OpenRaw(db, SQLITE_OPEN_READWRITE, old, "Databasen"));
      RETURN_IF_ERROR(ExecRaw(old, "PRAGMA wal_checkpoint(TRUNCATE)", "Databasen"));
      RETURN_IF_ERROR(ExecRaw(old, "PRAGMA journal_mode=DELETE", "Databasen"));
    }
    result.previous = db + ".foer-gendannelse-" + stamp;
    std::error_code ec;
    fs::rename(db, result.previous, ec);
    if (ec) return Unavailable("Databasen " + db + " kan ikke flyttes til side: " + ec.message() + ".");
    fs::remove(db + "-wal", ec);
    fs::remove(db + "-shm", ec);
  }
  std::error_code ec;
  fs::rename(incoming, db, ec);
  if (ec) return Unavailable("Den gendannede database kan ikke gemmes som " + db + ": " + ec.message() + ".");
  cleanup.keep = true;
  (void)SyncFile(Folder(db));
  result.content = TRY(CheckContent(db));
  if (!(result.content == expected)) {
    return Internal("Den gendannede database " + db + " har ikke samme indhold som sikkerhedskopien (" +
                    result.content.digest + " ≠ " + expected.digest + ").");
  }
  return result;
}

Result<ServiceLock> ServiceLock::Take(const std::string& db, bool exclusive) {
  const std::string path = db + ".lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("Låsefilen " + path + " kan ikke oprettes: " + Reason(errno) + ".");
  if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
    ::close(fd);
    return exclusive ? Unavailable("Databasen " + db + " bruges af en kørende budgetspor. Stop tjenesten "
                                   "(fx systemctl stop budgetspor) og prøv igen.")
                     : Unavailable("Databasen " + db + " er ved at blive gendannet. Vent, til gendannelsen er færdig.");
  }
  return ServiceLock(fd);
}

ServiceLock::~ServiceLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace bs::sqlite
