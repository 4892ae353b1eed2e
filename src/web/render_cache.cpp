#include "web/render_cache.h"

namespace bs::web {

std::optional<Response> RenderCache::Get(const std::string& key, int64_t revision) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.revision != revision) return std::nullopt;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.response;
}

void RenderCache::Put(const std::string& key, int64_t revision, Response response) {
  const size_t size = response.body.size();
  if (size + key.size() > max_bytes_ / 4) return;
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    bytes_ -= it->second.response.body.size() + key.size();
    lru_.erase(it->second.lru);
    entries_.erase(it);
  }
  lru_.push_front(key);
  bytes_ += size + key.size();
  entries_.emplace(key, Entry{revision, std::move(response), lru_.begin()});
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    auto victim = entries_.find(lru_.back());
    bytes_ -= victim->second.response.body.size() + victim->first.size();
    entries_.erase(victim);
    lru_.pop_back();
  }
}

size_t RenderCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

}  // namespace bs::web
