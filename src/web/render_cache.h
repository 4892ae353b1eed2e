// A bounded cache of rendered responses (body, content type, headers), keyed by request
// and tagged with the data revision they were rendered from (PlanStore::PlanRevision,
// MeetingService::ContentStamp). A lookup with another revision misses, so an entry can
// never be served stale: the revision is read from the database on every request, which
// also holds with several app servers. Keys include the viewer's access class.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "web/http.h"

namespace bs::web {

class RenderCache {
 public:
  explicit RenderCache(size_t max_bytes = 32 * 1024 * 1024) : max_bytes_(max_bytes) {}

  // A copy of the cached response for `key` if it was rendered at `revision`.
  std::optional<Response> Get(const std::string& key, int64_t revision);
  // Stores a response; evicts least recently used entries past max_bytes. Bodies
  // larger than a quarter of the budget are not kept.
  void Put(const std::string& key, int64_t revision, Response response);
  size_t bytes() const;

 private:
  struct Entry {
    int64_t revision;
    Response response;
    std::list<std::string>::iterator lru;
  };
  mutable std::mutex mu_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // front: most recent
};

}  // namespace bs::web
