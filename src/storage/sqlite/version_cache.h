// The items of published versions, kept in memory once read. A version is immutable once
// committed (migration 0002's triggers refuse UPDATE and DELETE on versions and
// version_items) and its id is never reused, so an entry never goes stale. The store
// reads versions on a connection of its own, which never sees another connection's
// uncommitted version. Bounded by the number of items held; the least recently used
// version goes first. Reports read one or two versions of thousands of items per request
// (issue 11): reading and parsing them was most of the half-yearly status' time.
#pragma once

#include "storage/sqlite/items_cache.h"

namespace bs::sqlite {

class VersionCache {
 public:
  using Items = ItemsCache::Items;
  explicit VersionCache(size_t max_items) : cache_(max_items) {}

  Items Get(int64_t version) { return cache_.Get(version, 0); }
  void Put(int64_t version, Items items) { cache_.Put(version, 0, std::move(items)); }

 private:
  ItemsCache cache_;  // a version never changes: one tag
};

}  // namespace bs::sqlite
