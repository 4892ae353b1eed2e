// A bounded cache of rendered responses, keyed by request and tagged with the data
// revision they were rendered from (PlanStore::PlanRevision). A lookup with another
// revision misses, so an entry can never be served stale: the revision is read from
// the database on every request, which also holds with several app servers.
// When access rules arrive, the key must include the viewer's access class.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace bs::web {

class RenderCache {
 public:
  explicit RenderCache(size_t max_bytes = 32 * 1024 * 1024) : max_bytes_(max_bytes) {}

  // The cached body for `key` if it was rendered at `revision`.
  std::optional<std::string> Get(const std::string& key, int64_t revision);
  // Stores a body; evicts least recently used entries past max_bytes. Bodies larger
  // than a quarter of the budget are not kept.
  void Put(const std::string& key, int64_t revision, std::string body);
  size_t bytes() const;

 private:
  struct Entry {
    int64_t revision;
    std::string body;
    std::list<std::string>::iterator lru;
  };
  mutable std::mutex mu_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // front: most recent
};

}  // namespace bs::web
