// The items of published versions, kept in memory once read. A version is immutable once
// committed (migration 0002's triggers refuse UPDATE and DELETE on versions and
// version_items) and its id is never reused, so an entry never goes stale. The store
// reads versions on a connection of its own, which never sees another connection's
// uncommitted version. Bounded by the number of items held; the least recently used
// version goes first. Reports read one or two versions of thousands of items per request
// (issue 11): reading and parsing them was most of the half-yearly status' time.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/plan/plan_item.h"

namespace bs::sqlite {

class VersionCache {
 public:
  using Items = std::shared_ptr<const std::vector<PlanItem>>;
  explicit VersionCache(size_t max_items) : max_items_(max_items) {}

  Items Get(int64_t version) {
    std::lock_guard lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->version == version) {
        entries_.splice(entries_.begin(), entries_, it);  // most recently used first
        return entries_.front().items;
      }
    return nullptr;
  }

  void Put(int64_t version, Items items) {
    if (!items || items->size() > max_items_) return;
    std::lock_guard lock(mu_);
    for (const auto& e : entries_)
      if (e.version == version) return;
    held_ += items->size();
    entries_.push_front({version, std::move(items)});
    while (held_ > max_items_ && !entries_.empty()) {
      held_ -= entries_.back().items->size();
      entries_.pop_back();
    }
  }

 private:
  struct Entry {
    int64_t version;
    Items items;
  };
  const size_t max_items_;
  std::mutex mu_;
  std::list<Entry> entries_;
  size_t held_ = 0;
};

}  // namespace bs::sqlite
