// Backup and restore of a SQLite database (issue 15), for `budgetspor backup`,
// `budgetspor restore` and the server's scheduled backups.
//
// A backup is taken with SQLite's online backup API in steps, inside one read
// transaction on the source: the copy is the database as it stood when the backup
// began, writers go on meanwhile (WAL), and no write can make it start over (SQLite
// restarts a backup whose source changed between steps unless the snapshot is held,
// which is how a plain `.backup` under heavy writes never finished).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"

namespace bs::sqlite {

// Every table read in a fixed order: the number of tables and rows and one digest of
// all values. Two databases with the same content have the same check.
struct ContentCheck {
  int tables = 0;
  int64_t rows = 0;
  std::string digest;
  bool operator==(const ContentCheck&) const = default;
};
// Reads the database at `path` without writing; NotFound when it does not exist.
Result<ContentCheck> CheckContent(const std::string& path);

struct BackupOptions {
  int pages_per_step = 2048;                    // 8 MiB at 4 KiB pages
  std::chrono::milliseconds pause{2};           // between steps, so writers get the disk
  std::function<void(int done, int total)> progress;  // pages copied so far
};

struct BackupResult {
  int64_t bytes = 0;
  int schema_version = 0;
  double seconds = 0;
  ContentCheck content;  // of the finished backup file
};

// Copies the live database `from` to the new file `to` (mode 0600), checks it
// (integrity_check) and reads its content check. `to` must not exist, and its folder
// must be writable: both are checked before the source is opened. The file appears
// under its name only when complete (written as «<to>.ufuldstaendig», then renamed).
Result<BackupResult> Backup(const std::string& from, const std::string& to, const BackupOptions& options = {});

struct RestoreResult {
  ContentCheck content;     // of the restored database, equal to the backup's
  std::string previous;     // where the database that was replaced was kept ("" if none)
  int schema_version = 0;
};

// Replaces the database `db` by the backup `from`. Refused when a server holds `db`
// (its ServiceLock), when `from` is not an intact budgetspor database, or when it is
// newer than this binary. The replaced database is kept beside it as
// «<db>.foer-gendannelse-<tid>»; its -wal and -shm files are folded in first.
Result<RestoreResult> Restore(const std::string& from, const std::string& db, const std::string& stamp);

// Held by every running server on «<db>.lock» (shared; several servers may share a
// database file) and by a restore (exclusive), so a restore cannot replace the
// database under a running server, nor a server start in the middle of a restore.
class ServiceLock {
 public:
  static Result<ServiceLock> Take(const std::string& db, bool exclusive);
  ServiceLock(ServiceLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  ServiceLock& operator=(ServiceLock&&) = delete;
  ~ServiceLock();

 private:
  explicit ServiceLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace bs::sqlite
