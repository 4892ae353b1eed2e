// `budgetspor backup` and `budgetspor restore` (issue 15), and the running server's
// scheduled backups with retention ([backup] in the configuration).
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace bs {

// Both take the database from --db or the configuration (--config, environment).
// Exit codes: 0 done, 1 refused or failed (a Danish message on stderr), 2 wrong arguments.
int BackupCommand(const std::string& db, const std::string& to);
int RestoreCommand(const std::string& from, const std::string& db);

// Backs `db` up into `dir` as budgetspor-ÅÅÅÅMMDD-TTMMSS.db every `interval_minutes`
// (the first at start when the newest backup there is older than that), keeping the
// newest `keep`. Runs on its own thread; stops, between backups, when destroyed.
class BackupScheduler {
 public:
  BackupScheduler(std::string db, std::string dir, int interval_minutes, int keep);
  ~BackupScheduler();
  BackupScheduler(const BackupScheduler&) = delete;
  BackupScheduler& operator=(const BackupScheduler&) = delete;

 private:
  void Loop();
  void RunOnce();

  std::string db_, dir_;
  int interval_minutes_, keep_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// A UTC time stamp for file names: 20261206-074800.
std::string FileStamp();

}  // namespace bs
