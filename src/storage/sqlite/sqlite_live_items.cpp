// SqlitePlanStore::LiveItems (issue 12): the plan's decoded live items, kept per plan
// and plans.revision (live_items_cache.h) and, after a write, refreshed by reading again
// only the rows whose revision changed.
#include "storage/sqlite/sqlite_plan_store.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "storage/sqlite/sqlite_plan_shared.h"

namespace bs {

using sqlite::Connection;
using sqlite::QueryAll;
using sqlite::Stmt;
using namespace sqlite_plan;

namespace {
// Ends a read transaction however the reads went (a read has nothing to roll back).
class ReadSnapshot {
 public:
  static Result<ReadSnapshot> Begin(Connection& c) {
    RETURN_IF_ERROR(c.Exec("BEGIN"));
    return ReadSnapshot(c);
  }
  ReadSnapshot(ReadSnapshot&& o) noexcept : c_(std::exchange(o.c_, nullptr)) {}
  ReadSnapshot(const ReadSnapshot&) = delete;
  ~ReadSnapshot() {
    if (c_ && !c_->Exec("COMMIT").ok()) (void)c_->Exec("ROLLBACK");
  }

 private:
  explicit ReadSnapshot(Connection& c) : c_(&c) {}
  Connection* c_;
};

struct ListedItem {
  ItemId id;
  int64_t revision;
  int64_t plan_revision;
};

constexpr const char* kLiveOrder = " WHERE plan_id = ?1 AND deleted_at IS NULL ORDER BY code_key, title_key, id";
}  // namespace

Result<std::shared_ptr<const std::vector<PlanItem>>> SqlitePlanStore::LiveItems(PlanId plan) {
  int64_t revision = TRY(PlanRevision(plan));
  if (auto cached = live_.Get(plan, revision)) return cached;
  auto c = TRY(db_.Acquire());
  if (auto earlier = live_.Earlier(plan)) {
    auto refreshed = TRY(RefreshLiveItems(*c, plan, *earlier));
    if (refreshed) return refreshed;
  }
  // The revision comes with every row from the same snapshot as the rows themselves
  // (the one read before may be older already).
  int64_t read_at = -1;
  auto items = TRY(QueryAll(*c,
                            std::string("SELECT ") + kItemColumns +
                                ", (SELECT revision FROM plans WHERE id = ?1) FROM items" + kLiveOrder,
                            [&](Stmt& s) { s.Bind(1, plan); },
                            [&](const Stmt& s) {
                              read_at = s.Int(kItemColumnCount);
                              return ReadItem(s);
                            }));
  auto shared = std::make_shared<const std::vector<PlanItem>>(std::move(items));
  if (read_at >= 0) live_.Put(plan, read_at, shared);
  return shared;
}

// After a write only the items whose revision changed are read and decoded again (every
// change to an item's row raises its revision: UpdateItem, status updates, delete and
// restore all go through Update or bump it); the rest are taken from the earlier
// snapshot. The list of (id, revision) in the plan's order and the changed rows are
// read in one read transaction, so they are one state of the database. Null when too
// much changed for this to pay (a quarter or more): the caller reads everything.
Result<std::shared_ptr<const std::vector<PlanItem>>> SqlitePlanStore::RefreshLiveItems(
    Connection& c, PlanId plan, const std::vector<PlanItem>& earlier) {
  auto snapshot = TRY(ReadSnapshot::Begin(c));
  auto listed = TRY(QueryAll(c, std::string("SELECT id, revision, (SELECT revision FROM plans WHERE id = ?1) FROM items") + kLiveOrder,
                             [&](Stmt& s) { s.Bind(1, plan); },
                             [](const Stmt& s) { return ListedItem{s.Int(0), s.Int(1), s.Int(2)}; }));
  if (listed.empty()) return std::shared_ptr<const std::vector<PlanItem>>();
  std::unordered_map<ItemId, const PlanItem*> kept;
  kept.reserve(earlier.size());
  for (const auto& item : earlier) kept.emplace(item.id(), &item);
  std::string changed = "[";
  size_t n_changed = 0;
  for (const auto& l : listed) {
    auto it = kept.find(l.id);
    if (it != kept.end() && it->second->revision() == l.revision) continue;
    if (n_changed++) changed += ",";
    changed += std::to_string(l.id);
  }
  changed += "]";
  if (n_changed * 4 >= listed.size()) return std::shared_ptr<const std::vector<PlanItem>>();
  std::unordered_map<ItemId, PlanItem> fresh;
  if (n_changed) {
    auto rows = TRY(QueryAll(c, std::string("SELECT ") + kItemColumns +
                                    " FROM items WHERE id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NULL",
                             [&](Stmt& s) { s.Bind(1, changed); }, ReadItem));
    for (auto& item : rows) fresh.emplace(item.id(), std::move(item));
  }
  std::vector<PlanItem> items;
  items.reserve(listed.size());
  for (const auto& l : listed) {
    if (auto f = fresh.find(l.id); f != fresh.end()) {
      items.push_back(std::move(f->second));
    } else if (auto k = kept.find(l.id); k != kept.end() && k->second->revision() == l.revision) {
      items.push_back(*k->second);
    } else {
      return std::shared_ptr<const std::vector<PlanItem>>();  // cannot be in one snapshot; read all
    }
  }
  auto shared = std::make_shared<const std::vector<PlanItem>>(std::move(items));
  live_.Put(plan, listed.front().plan_revision, shared);
  return shared;
}

}  // namespace bs
