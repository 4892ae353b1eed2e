#include "main/backup_commands.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <vector>

#include "storage/sqlite/sqlite_backup.h"

namespace bs {
namespace {

namespace fs = std::filesystem;

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", s);
  std::string out = buf;
  std::replace(out.begin(), out.end(), '.', ',');
  return out + " s";
}

std::string Describe(const sqlite::ContentCheck& c) {
  return std::to_string(c.tables) + " tabeller, " + std::to_string(c.rows) + " rækker, indholdstjek " + c.digest;
}

constexpr const char* kPrefix = "budgetspor-";
constexpr const char* kSuffix = ".db";

// The scheduled backups in `dir`, oldest first (the names sort by time).
std::vector<fs::path> Scheduled(const std::string& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.rfind(kPrefix, 0) == 0 && name.size() > 3 &&
        name.compare(name.size() - 3, 3, kSuffix) == 0)
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string FileStamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

int BackupCommand(const std::string& db, const std::string& to) {
  sqlite::BackupOptions options;
  const auto started = std::chrono::steady_clock::now();
  auto last = started;
  options.progress = [&](int done, int total) {
    auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::seconds(1) || total == 0) return;
    last = now;
    std::cerr << "Kopierer: " << (100LL * done / total) << " % (" << done << " af " << total << " sider)\n";
  };
  auto r = sqlite::Backup(db, to, options);
  if (!r.ok()) { std::cerr << r.error().message << "\n"; return 1; }
  std::cout << "Sikkerhedskopien er skrevet til " << to << ": " << r->bytes << " byte, skemaversion "
            << r->schema_version << ", " << Describe(r->content) << " (" << Seconds(r->seconds) << ").\n";
  return 0;
}

int RestoreCommand(const std::string& from, const std::string& db) {
  auto r = sqlite::Restore(from, db, FileStamp());
  if (!r.ok()) { std::cerr << r.error().message << "\n"; return 1; }
  std::cout << "Databasen " << db << " er gendannet fra " << from << " (skemaversion " << r->schema_version
            << "): " << Describe(r->content) << ", det samme som sikkerhedskopiens.\n";
  if (!r->previous.empty()) std::cout << "Den hidtidige database er gemt som " << r->previous << ".\n";
  return 0;
}

BackupScheduler::BackupScheduler(std::string db, std::string dir, int interval_minutes, int keep)
    : db_(std::move(db)), dir_(std::move(dir)), interval_minutes_(interval_minutes), keep_(keep) {
  if (interval_minutes_ > 0) thread_ = std::thread([this] { Loop(); });
}

BackupScheduler::~BackupScheduler() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackupScheduler::Loop() {
  const auto interval = std::chrono::minutes(interval_minutes_);
  std::error_code ec;
  fs::create_directories(dir_, ec);
  ::chmod(dir_.c_str(), 0700);
  // The first backup is due one interval after the newest one already there.
  auto due = std::chrono::system_clock::now();
  if (auto existing = Scheduled(dir_); !existing.empty()) {
    auto t = fs::last_write_time(existing.back(), ec);
    if (!ec) {
      auto at = std::chrono::file_clock::to_sys(t);
      due = std::max(due, std::chrono::time_point_cast<std::chrono::system_clock::duration>(at + interval));
    }
  }
  std::unique_lock lock(mu_);
  while (!stop_) {
    if (cv_.wait_until(lock, due, [this] { return stop_; })) break;
    lock.unlock();
    RunOnce();
    lock.lock();
    due = std::chrono::system_clock::now() + interval;
  }
}

void BackupScheduler::RunOnce() {
  const std::string to = (fs::path(dir_) / (kPrefix + FileStamp() + kSuffix)).string();
  auto r = sqlite::Backup(db_, to);
  if (!r.ok()) {
    std::fprintf(stderr, "backup: scheduled backup to %s failed: %s\n", to.c_str(), r.error().message.c_str());
    return;
  }
  std::fprintf(stderr, "backup: wrote %s (%lld bytes, %d tables, %lld rows, digest %s, %.1f s)\n", to.c_str(),
               static_cast<long long>(r->bytes), r->content.tables, static_cast<long long>(r->content.rows),
               r->content.digest.c_str(), r->seconds);
  // Retention: only after a backup succeeded, so a failing disk never empties the folder.
  auto all = Scheduled(dir_);
  for (size_t i = 0; i + static_cast<size_t>(keep_) < all.size(); ++i) {
    std::error_code ec;
    fs::remove(all[i], ec);
    std::fprintf(stderr, "backup: removed %s (keep = %d)\n", all[i].string().c_str(), keep_);
  }
}

}  // namespace bs
