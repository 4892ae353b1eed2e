// Decoded plan items kept in memory, keyed by an id (a plan, a version) and a tag that
// says which state of it they are (the plan's revision; 0 for versions, which never
// change). Bounded by the number of items held; the least recently used entry goes
// first. Shared by VersionCache (version_cache.h) and LiveItemsCache (live_items_cache.h).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/plan/plan_item.h"

namespace bs::sqlite {

class ItemsCache {
 public:
  using Items = std::shared_ptr<const std::vector<PlanItem>>;
  explicit ItemsCache(size_t max_items) : max_items_(max_items) {}

  // The items of `key` if they were kept under `tag`, else null.
  Items Get(int64_t key, int64_t tag) {
    std::lock_guard lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->key == key) {
        if (it->tag != tag) return nullptr;
        entries_.splice(entries_.begin(), entries_, it);  // most recently used first
        return entries_.front().items;
      }
    return nullptr;
  }

  // The items of `key` under whichever tag they were kept, else null (what a refresh
  // starts from).
  Items Any(int64_t key) {
    std::lock_guard lock(mu_);
    for (const auto& e : entries_)
      if (e.key == key) return e.items;
    return nullptr;
  }

  // Keeps `items` as those of `key` under `tag`, replacing those kept under another tag.
  // Items over the bound are not kept, and those kept for `key` under another tag go
  // (they would only be refreshed from again and again, never replaced).
  void Put(int64_t key, int64_t tag, Items items) {
    if (!items) return;
    std::lock_guard lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->key == key) {
        if (it->tag == tag) return;
        held_ -= it->items->size();
        entries_.erase(it);
        break;
      }
    if (items->size() > max_items_) return;
    held_ += items->size();
    entries_.push_front({key, tag, std::move(items)});
    while (held_ > max_items_ && !entries_.empty()) {
      held_ -= entries_.back().items->size();
      entries_.pop_back();
    }
  }

 private:
  struct Entry {
    int64_t key;
    int64_t tag;
    Items items;
  };
  const size_t max_items_;
  std::mutex mu_;
  std::list<Entry> entries_;
  size_t held_ = 0;
};

}  // namespace bs::sqlite
