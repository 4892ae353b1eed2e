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

#include "storage/sqlite/items_cache.h"

namespace bs::sqlite {

class LiveItemsCache {
 public:
  using Items = ItemsCache::Items;
  explicit LiveItemsCache(size_t max_items) : cache_(max_items) {}

  // The items of `plan` if they were read at `revision`, else null.
  Items Get(int64_t plan, int64_t revision) { return cache_.Get(plan, revision); }
  // The plan's items as last read, at whatever revision: unchanged items are taken from
  // them when the plan has moved on (SqlitePlanStore::LiveItems).
  Items Earlier(int64_t plan) { return cache_.Any(plan); }
  // Keeps `items` as the plan's at `revision` (replacing another revision's: a reader
  // that raced a newer one only costs the next request a read; a database restored from
  // a backup may go back in revision).
  void Put(int64_t plan, int64_t revision, Items items) { cache_.Put(plan, revision, std::move(items)); }

 private:
  ItemsCache cache_;
};

}  // namespace bs::sqlite
