// The live items of recently read plans, kept in memory with the plan's revision they
// were read at. Every write to a plan's items, status updates, rounds and set-up bumps
// plans.revision in the same transaction (BumpPlan), and the items and the revision
// they are stored under are read by one statement (one snapshot), so an entry whose
// revision equals the plan's current revision holds exactly the rows in the table; a
// write from another process or server is seen on the next request, which reads the
// revision from the database first. Bounded by the number of items held; the least
// recently used plan goes first (issue 12: the plan page and the item list read
// thousands of items per request, and reading and decoding them was most of the time).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/plan/plan_item.h"

namespace bs::sqlite {

class LiveItemsCache {
 public:
  using Items = std::shared_ptr<const std::vector<PlanItem>>;
  explicit LiveItemsCache(size_t max_items) : max_items_(max_items) {}

  // The items of `plan` if they were read at `revision`, else null.
  Items Get(int64_t plan, int64_t revision) {
    std::lock_guard lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->plan == plan) {
        if (it->revision != revision) return nullptr;
        entries_.splice(entries_.begin(), entries_, it);  // most recently used first
        return entries_.front().items;
      }
    return nullptr;
  }

  // Keeps `items` as the plan's at `revision` (replacing another revision's: a reader
  // that raced a newer one only costs the next request a read; a database restored from
  // a backup may go back in revision).
  void Put(int64_t plan, int64_t revision, Items items) {
    if (!items || items->size() > max_items_) return;
    std::lock_guard lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->plan == plan) {
        if (it->revision == revision) return;
        held_ -= it->items->size();
        entries_.erase(it);
        break;
      }
    held_ += items->size();
    entries_.push_front({plan, revision, std::move(items)});
    while (held_ > max_items_ && !entries_.empty()) {
      held_ -= entries_.back().items->size();
      entries_.pop_back();
    }
  }

 private:
  struct Entry {
    int64_t plan;
    int64_t revision;
    Items items;
  };
  const size_t max_items_;
  std::mutex mu_;
  std::list<Entry> entries_;
  size_t held_ = 0;
};

}  // namespace bs::sqlite
