// The SQLite store's cache of published versions' items: the least recently used version
// goes first once more items than the bound are held; a version larger than the bound is
// never held. The live items' cache (issue 12) answers only for the revision its items
// were read at and replaces them when another revision's are put.
#include "storage/sqlite/version_cache.h"
#include "storage/sqlite/live_items_cache.h"

#include <gtest/gtest.h>

namespace bs::sqlite {
namespace {

VersionCache::Items ItemsNamed(std::vector<std::string> titles) {
  auto out = std::make_shared<std::vector<PlanItem>>();
  ItemId id = 1;
  for (auto& t : titles) {
    ItemData d;
    d.title = std::move(t);
    out->push_back(PlanItem::Restore(id++, 1, std::move(d), 1, 0, 0));
  }
  return out;
}

TEST(VersionCache, KeepsVersionsUpToTheBoundAndDropsTheLeastRecentlyUsed) {
  VersionCache cache(4);
  EXPECT_EQ(cache.Get(1), nullptr);
  cache.Put(1, ItemsNamed({"a", "b"}));
  cache.Put(2, ItemsNamed({"c"}));
  ASSERT_NE(cache.Get(1), nullptr);  // 1 is now the most recently used
  EXPECT_EQ(cache.Get(1)->at(1).data().title, "b");
  cache.Put(3, ItemsNamed({"d", "e"}));  // 5 items: 2 goes
  EXPECT_EQ(cache.Get(2), nullptr);
  EXPECT_NE(cache.Get(1), nullptr);
  EXPECT_NE(cache.Get(3), nullptr);
  cache.Put(4, ItemsNamed({"f", "g", "h", "i", "j"}));  // more than the bound: not held
  EXPECT_EQ(cache.Get(4), nullptr);
  EXPECT_NE(cache.Get(1), nullptr);
  cache.Put(1, ItemsNamed({"x"}));  // a version is never replaced: it cannot change
  EXPECT_EQ(cache.Get(1)->at(0).data().title, "a");
}

TEST(LiveItemsCache, AnswersOnlyForTheRevisionReadAndTakesANewerOne) {
  LiveItemsCache cache(4);
  cache.Put(7, 3, ItemsNamed({"a", "b"}));
  ASSERT_NE(cache.Get(7, 3), nullptr);
  EXPECT_EQ(cache.Get(7, 4), nullptr) << "the plan was written since: read again";
  cache.Put(7, 4, ItemsNamed({"c"}));
  EXPECT_EQ(cache.Get(7, 3), nullptr);
  ASSERT_NE(cache.Get(7, 4), nullptr);
  EXPECT_EQ(cache.Get(7, 4)->at(0).data().title, "c");
  cache.Put(7, 4, ItemsNamed({"x"}));  // the same revision holds the same rows
  EXPECT_EQ(cache.Get(7, 4)->at(0).data().title, "c");
  cache.Put(8, 1, ItemsNamed({"d", "e", "f"}));  // 4 items: still both
  EXPECT_NE(cache.Get(7, 4), nullptr);
  cache.Put(9, 1, ItemsNamed({"g"}));  // 5: the least recently used (8) goes
  EXPECT_EQ(cache.Get(8, 1), nullptr);
  EXPECT_NE(cache.Get(9, 1), nullptr);
  // A plan grown past the bound is not kept, and its earlier items go too (they would
  // be refreshed from on every request and never replaced).
  ASSERT_NE(cache.Earlier(9), nullptr);
  cache.Put(9, 2, ItemsNamed({"h", "i", "j", "k", "l"}));
  EXPECT_EQ(cache.Earlier(9), nullptr);
  EXPECT_EQ(cache.Get(9, 2), nullptr);
}

}  // namespace
}  // namespace bs::sqlite
