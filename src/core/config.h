// The service's configuration (issue 15): one INI file, documented key by key in
// docs/configuration.md, overridden by the environment (BUDGETSPOR_<SECTION>_<KEY>, for
// secrets that should not sit in a file) and then by command-line flags.
//
//   [server]
//   listen = 127.0.0.1:8080
//   base_url = https://budget.kommune.dk
//
// Unknown sections and keys, wrong types and missing values are refused with the file,
// line and key named; nothing is guessed.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bs {

struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";
  int threads = 2;
  int workers = 4;             // handler threads (password hashing, PDFs, pages)
  int max_connections = 1024;
  // The address people use, for links, iCalendar UIDs and cookies (Secure and the
  // __Host- name when https). Empty: http://<listen>. Never taken from a request.
  std::string base_url;
  // Only from these peers are X-Forwarded-For believed (exact addresses).
  std::vector<std::string> trusted_proxies;
  // [uploads]
  int upload_limit_mb = 50;
  // [database]
  std::string database;  // a SQLite file; required (here or --db)
  // [data]
  std::string data_dir = "data";
  // [backup]: scheduled backups by the running server.
  std::string backup_dir;           // empty: <data_dir>/backups
  int backup_interval_minutes = 0;  // 0: none
  int backup_keep = 14;
  // [log]: the access log, one JSON line per request: "stderr", "off" or a file.
  std::string access_log = "stderr";

  // The listen address split; valid once Validate() passed.
  std::string host() const;
  unsigned short port() const;
  // base_url, or http://<listen> when it is empty; without a trailing "/".
  std::string EffectiveBaseUrl() const;
  // backup_dir, or <data_dir>/backups when it is empty.
  std::string EffectiveBackupDir() const;
};

// One documented key (the documentation and check-config are written from this list).
struct ConfigKey {
  std::string section;
  std::string key;
  std::string default_text;
  std::string help;
  bool secret = false;  // shown as «(hemmelig)» by DescribeConfig
};
const std::vector<ConfigKey>& ConfigKeys();

// Sets one key ("server.listen") from text; the error names the key and why.
Status SetConfigValue(Config& c, const std::string& section, const std::string& key, const std::string& value);

// Reads an INI text onto `c` (keys not in the text keep their value). Errors name
// "<file>, linje N" and the key; all errors at once, one per line.
Status ReadConfigText(Config& c, std::string_view text, const std::string& file_name);
// The same for a file; a file that cannot be read is an error naming it.
Status ReadConfigFile(Config& c, const std::string& path);

// BUDGETSPOR_SERVER_LISTEN and so on for every key; `getenv` is injectable for tests.
Status ApplyConfigEnvironment(Config& c, const std::function<const char*(const char*)>& getenv);

// Cross-field checks and required values (the database).
Status ValidateConfig(const Config& c);

// The effective configuration as INI text, secrets hidden.
std::string DescribeConfig(const Config& c);

}  // namespace bs
