// The storage contract (app/ports/plan_store.h), written once and run against every
// backend: memory and an SQLite file in a temporary directory.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "app/plan_register.h"
#include "app/round_service.h"
#include "demo/demo_plan.h"
#include "storage/memory/memory_plan_store.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_plan_store.h"
#include "support/store_backends.h"

namespace bs {
namespace {

using testing::Backend;
using testing::Factory;
using testing::MakeMemory;
using testing::MakeSqlite;

class PlanStoreContract : public ::testing::TestWithParam<testing::NamedBackend> {
 protected:
  void SetUp() override {
    backend_ = GetParam().second();
    store_ = backend_->plans.get();
    service_ = std::make_unique<PlanRegister>(*store_, clock_);
    for (auto [code, owns] : std::initializer_list<std::pair<const char*, bool>>{{"ØK", true}, {"BUU", true}, {"KB", false}})
      ASSERT_TRUE(store_->UpsertBody(*Body::Create(code, std::string("Udvalg ") + code, owns, 0), Meta()).ok());
    auto plan = service_->CreatePlan({"Testplan 2025-2028", "Budget 2025-2028", "2025", "2028", ""}, "test", "test");
    ASSERT_TRUE(plan.ok());
    plan_ = plan->id();
  }

  ItemDraft Draft(const std::string& title, const std::string& committee = "BUU") {
    ItemDraft d;
    d.category = "operating";
    d.committee = committee;
    d.title = title;
    d.amounts = {{"2025", "-100"}};
    return d;
  }

  PlanItem Create(const std::string& title, const std::string& committee = "BUU") {
    auto r = service_->CreateItem(plan_, Draft(title, committee), Meta());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return *r;
  }

  WriteMeta Meta(std::string key = "") { return WriteMeta{1'750'000'000, "test", "test", std::move(key), ""}; }

  FixedClock clock_{1'750'000'000};
  std::unique_ptr<Backend> backend_;
  PlanStore* store_ = nullptr;
  std::unique_ptr<PlanRegister> service_;
  PlanId plan_ = 0;
};

TEST_P(PlanStoreContract, PlanNamesAreUnique) {
  auto again = service_->CreatePlan({"Testplan 2025-2028", "Budget", "2025", "2028", ""}, "t", "t");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(PlanStoreContract, UnknownIdsAreNotFound) {
  EXPECT_EQ(store_->GetPlan(999'999).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetItem(999'999).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListItems(999'999, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->AddTheme(999'999, "x", 0, Meta()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->DeleteItem(999'999, 0, Meta()).error().code, ErrorCode::kNotFound);
}

TEST_P(PlanStoreContract, BodiesAreListedBySortOrder) {
  ASSERT_TRUE(store_->UpsertBody(*Body::Create("AAA", "Først", true, -1), Meta()).ok());
  auto bodies = store_->ListBodies();
  ASSERT_TRUE(bodies.ok());
  EXPECT_EQ(bodies->front().code, "AAA");
  ASSERT_TRUE(store_->UpsertBody(*Body::Create("AAA", "Omdøbt", true, -1), Meta()).ok());
  EXPECT_EQ(store_->ListBodies()->front().name, "Omdøbt");
}

TEST_P(PlanStoreContract, ThemesAreUniquePerPlan) {
  ASSERT_TRUE(store_->AddTheme(plan_, "Partnerskaber", 1, Meta()).ok());
  EXPECT_EQ(store_->AddTheme(plan_, "Partnerskaber", 2, Meta()).error().code, ErrorCode::kAlreadyExists);
  ASSERT_TRUE(store_->AddTheme(plan_, "Økonomisk Politik", 0, Meta()).ok());
  auto themes = store_->ListThemes(plan_);
  ASSERT_EQ(themes->size(), 2u);
  EXPECT_EQ((*themes)[0].name, "Økonomisk Politik");
}

TEST_P(PlanStoreContract, ItemRoundTripsEveryField) {
  auto theme = store_->AddTheme(plan_, "Partnerskaber", 0, Meta());
  auto line = store_->AddStrategicLine(plan_, "Kloge m2", "beskrivelse", 0, Meta());
  ItemDraft d;
  d.category = "proposal";
  d.committee = "BUU";
  d.theme = "Partnerskaber";
  d.code = "R101 (I)(B)";
  d.title = "Skriftlige fremstillinger «æøå» <b>";
  d.process = "Linje 1\nLinje 2";
  d.status_text = "Status";
  d.state = "done";
  d.traffic_light = "red";
  d.responsible = "Økonomichef Bettina Andersen";
  d.director = "Direktør";
  d.timing = "2. kvartal 2025";
  d.political_treatment = "BUU: maj 2025\nØK: juni 2025\nKB";
  d.directors_role = "Følger månedligt";
  d.amounts = {{"2025", "-1.234,5"}, {"2028", "7"}};
  d.cross_cutting = d.strategic = d.obs = d.demo = true;
  d.strategic_line = std::to_string(line->id);
  d.obs_note = "Kræver beslutning";
  d.case_numbers = "24/7615, 22/291";
  d.strategies = "Plan- og Udviklingsstrategi\nFN's verdensmål";
  d.sdgs = "17, 3";
  d.external_keys = "3.22.01-1-001, PRJ 4711";
  auto created = service_->CreateItem(plan_, d, Meta());
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->revision(), 1);
  auto read = store_->GetItem(created->id());
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(SameData(read->data(), created->data()));
  EXPECT_EQ(read->data().code->text(), "R101 (I)(B)");
  EXPECT_EQ(read->data().theme_id, theme->id);
  EXPECT_EQ(read->data().amounts.at(2025).kroner(), -1'234'500);
  EXPECT_EQ(read->data().treatment.FormatLines(), "BUU: maj 2025\nØK: juni 2025\nKB");
  EXPECT_EQ(read->data().sdgs, (std::vector<int>{3, 17}));
  EXPECT_EQ(read->data().external_keys, (std::vector<std::string>{"3.22.01-1-001", "PRJ 4711"}));
  EXPECT_EQ(store_->ItemRevision(created->id(), 1)->item.data().external_keys, read->data().external_keys);
  EXPECT_EQ(read->created_at(), 1'750'000'000);
}

TEST_P(PlanStoreContract, SameRequestKeyCreatesOneItem) {
  auto a = service_->CreateItem(plan_, Draft("Dobbelt"), Meta("k1"));
  auto b = service_->CreateItem(plan_, Draft("Dobbelt"), Meta("k1"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->id(), b->id());
  EXPECT_EQ(store_->ListItems(plan_, {})->total, 1);
}

TEST_P(PlanStoreContract, StaleUpdateIsAConflictAndChangesNothing) {
  PlanItem item = Create("Original");
  ItemData first = item.data();
  first.title = "Første ændring";
  auto updated = store_->UpdateItem(item.id(), first, 1, Meta());
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->revision(), 2);
  ItemData second = item.data();
  second.title = "Anden ændring";
  auto stale = store_->UpdateItem(item.id(), second, 1, Meta());
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->GetItem(item.id())->data().title, "Første ændring");
}

TEST_P(PlanStoreContract, ConcurrentUpdatesAtOneRevisionLetExactlyOneWin) {
  PlanItem item = Create("Kapløb");
  std::atomic<int> wins{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      ItemData d = item.data();
      d.title = "Tråd " + std::to_string(t);
      auto r = store_->UpdateItem(item.id(), d, 1, Meta());
      if (r.ok()) ++wins;
      else if (r.error().code == ErrorCode::kConflict) ++conflicts;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(conflicts.load(), 3);
}

TEST_P(PlanStoreContract, EveryChangeAPlanViewShowsBumpsThePlanRevision) {
  auto revision = [&] { return *store_->PlanRevision(plan_); };
  int64_t r0 = revision();
  PlanItem item = Create("Revision");
  int64_t r1 = revision();
  EXPECT_GT(r1, r0);
  ItemData d = item.data();
  d.title = "Revision 2";
  ASSERT_TRUE(store_->UpdateItem(item.id(), d, 1, Meta()).ok());
  int64_t r2 = revision();
  EXPECT_GT(r2, r1);
  ASSERT_FALSE(store_->UpdateItem(item.id(), d, 1, Meta()).ok());  // a refused write changes nothing
  EXPECT_EQ(revision(), r2);
  ASSERT_TRUE(store_->AddTheme(plan_, "Tema", 0, Meta()).ok());
  int64_t r3 = revision();
  EXPECT_GT(r3, r2);
  ASSERT_TRUE(store_->UpsertBody(*Body::Create("NY", "Nyt udvalg", true, 9), Meta()).ok());
  int64_t r4 = revision();
  EXPECT_GT(r4, r3);
  ASSERT_TRUE(store_->DeleteItem(item.id(), 2, Meta()).ok());
  EXPECT_GT(revision(), r4);
  EXPECT_EQ(store_->PlanRevision(999'999).error().code, ErrorCode::kNotFound);
}

TEST_P(PlanStoreContract, DeletedItemsDisappear) {
  PlanItem item = Create("Slettes");
  EXPECT_EQ(store_->DeleteItem(item.id(), 99, Meta()).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store_->DeleteItem(item.id(), 1, Meta()).ok());
  EXPECT_EQ(store_->GetItem(item.id()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListItems(plan_, {})->total, 0);
  EXPECT_EQ(store_->UpdateItem(item.id(), item.data(), 1, Meta()).error().code, ErrorCode::kNotFound);
}

TEST_P(PlanStoreContract, HistoryKeepsEveryRevisionWithWhoWhenAndWhere) {
  PlanItem item = Create("Historik");
  ItemData d = item.data();
  d.title = "Historik ændret";
  WriteMeta m = Meta();
  m.author = "Bettina";
  m.source = "form";
  m.comment = "Rettet efter møde";
  m.now += 60;
  ASSERT_TRUE(store_->UpdateItem(item.id(), d, 1, m).ok());
  ASSERT_TRUE(store_->DeleteItem(item.id(), 2, Meta()).ok());
  auto history = store_->ItemHistory(item.id(), 0);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  auto last_two = store_->ItemHistory(item.id(), 2);
  ASSERT_EQ(last_two->size(), 2u);
  EXPECT_EQ((*last_two)[0].revision, 2);
  EXPECT_EQ((*last_two)[1].revision, 3);
  EXPECT_EQ((*history)[0].action, "create");
  EXPECT_EQ((*history)[0].item.data().title, "Historik");
  EXPECT_EQ((*history)[1].action, "update");
  EXPECT_EQ((*history)[1].author, "Bettina");
  EXPECT_EQ((*history)[1].source, "form");
  EXPECT_EQ((*history)[1].comment, "Rettet efter møde");
  EXPECT_EQ((*history)[1].at, 1'750'000'060);
  EXPECT_EQ((*history)[1].item.data().title, "Historik ændret");
  EXPECT_EQ((*history)[2].action, "delete");
  EXPECT_EQ((*history)[2].revision, 3);
  EXPECT_EQ(store_->ItemRevision(item.id(), 1)->item.data().title, "Historik");
  EXPECT_EQ(store_->ItemRevision(item.id(), 9).error().code, ErrorCode::kNotFound);
}

TEST_P(PlanStoreContract, PlanLevelChangesAreRecorded) {
  ASSERT_TRUE(store_->AddTheme(plan_, "Partnerskaber", 0, Meta()).ok());
  ASSERT_TRUE(store_->AddStrategicLine(plan_, "Kloge m2", "", 0, Meta()).ok());
  ASSERT_TRUE(store_->PublishVersion(*ValidateVersion({"V1", "31-05-2025", ""}, plan_), Meta()).ok());
  auto events = store_->PlanEvents(plan_);
  ASSERT_TRUE(events.ok());
  std::vector<std::string> actions;
  for (const auto& e : *events) actions.push_back(e.action);
  // Newest first; the bodies of SetUp are municipality-wide events before the plan.
  ASSERT_GE(actions.size(), 4u);
  EXPECT_EQ(actions[0], "version_published");
  EXPECT_EQ(actions[1], "strategic_line_added");
  EXPECT_EQ(actions[2], "theme_added");
  EXPECT_EQ(actions[3], "plan_created");
  EXPECT_EQ((*events)[2].detail, "Partnerskaber");
  EXPECT_EQ((*events)[2].author, "test");
  WriteMeta anonymous = Meta();
  anonymous.author = "";
  EXPECT_EQ(store_->AddTheme(plan_, "Uden afsender", 1, anonymous).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->PlanEvents(999'999).error().code, ErrorCode::kNotFound);
}

TEST_P(PlanStoreContract, AWriteWithoutAnAuthorIsRefused) {
  WriteMeta anonymous = Meta();
  anonymous.author = "";
  auto created = service_->CreateItem(plan_, Draft("Uden afsender"), anonymous);
  EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
  PlanItem item = Create("Med afsender");
  EXPECT_EQ(store_->UpdateItem(item.id(), item.data(), 1, anonymous).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->ItemHistory(item.id(), 0)->size(), 1u);
}

TEST_P(PlanStoreContract, StatusUpdateChangesTheItemAndIsListedNewestFirst) {
  PlanItem item = Create("Status");
  StatusUpdate u;
  u.as_of = Date{2025, 5, 31};
  u.author = "Fagchef Anne";
  u.status_text = "Første status";
  u.state = ProgressState::kInProgress;
  u.traffic_light = TrafficLight::kYellow;
  u.realised[2025] = Amount::FromKroner(-400'000);
  u.obs_action = ObsAction::kRaise;
  u.obs_note = "Mangler afklaring";
  auto updated = store_->AddStatusUpdate(item.id(), u, ApplyStatus(item.data(), u), 1, Meta());
  ASSERT_TRUE(updated.ok());
  EXPECT_TRUE(updated->data().obs);
  u.status_text = "Anden status";
  u.obs_action = ObsAction::kResolve;
  EXPECT_EQ(store_->AddStatusUpdate(item.id(), u, ApplyStatus(updated->data(), u), 1, Meta()).error().code,
            ErrorCode::kConflict);
  ASSERT_TRUE(store_->AddStatusUpdate(item.id(), u, ApplyStatus(updated->data(), u), 2, Meta()).ok());
  auto list = store_->ListStatusUpdates(item.id());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].status_text, "Anden status");
  EXPECT_EQ((*list)[0].item_revision, 3);
  EXPECT_EQ((*list)[1].realised.at(2025).kroner(), -400'000);
  EXPECT_EQ((*list)[1].as_of, (Date{2025, 5, 31}));
  EXPECT_FALSE(store_->GetItem(item.id())->data().obs);
  EXPECT_EQ(store_->ItemHistory(item.id(), 0)->back().action, "status");
}

TEST_P(PlanStoreContract, VersionsAreSnapshotsThatLaterEditsDoNotTouch) {
  PlanItem a = Create("A");
  PlanItem b = Create("B");
  Version v = *ValidateVersion({"Status pr. ultimo maj 2025", "31-05-2025", "Budgetopfølgning 2"}, plan_);
  auto published = store_->PublishVersion(v, Meta());
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->item_count, 2);
  ItemData d = a.data();
  d.title = "A efter";
  ASSERT_TRUE(store_->UpdateItem(a.id(), d, 1, Meta()).ok());
  ASSERT_TRUE(store_->DeleteItem(b.id(), 1, Meta()).ok());
  Create("C");
  auto items = store_->VersionItems(published->id);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].data().title, "A");
  EXPECT_EQ((*items)[1].data().title, "B");
  // Read again after more edits (the SQLite store keeps versions it has read): the same.
  d.title = "A igen";
  ASSERT_TRUE(store_->UpdateItem(a.id(), d, 2, Meta()).ok());
  auto again = store_->VersionItems(published->id);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 2u);
  EXPECT_EQ((*again)[0].data().title, "A");
  EXPECT_EQ((*again)[0].revision(), 1);
  // A second version has its own items.
  auto second = store_->PublishVersion(*ValidateVersion({"Status pr. ultimo juni 2025", "30-06-2025", ""}, plan_), Meta());
  ASSERT_TRUE(second.ok());
  auto now = store_->VersionItems(second->id);
  ASSERT_TRUE(now.ok());
  ASSERT_EQ(now->size(), 2u);  // A and C
  EXPECT_EQ((*now)[0].data().title, "A igen");
  EXPECT_EQ((*store_->VersionItems(published->id))[0].data().title, "A");
  auto shared = store_->SharedVersionItems(published->id);
  ASSERT_TRUE(shared.ok());
  ASSERT_EQ((*shared)->size(), 2u);
  EXPECT_EQ((**shared)[0].data().title, "A");
  EXPECT_EQ(store_->SharedVersionItems(999'999).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->PublishVersion(v, Meta()).error().code, ErrorCode::kAlreadyExists);
  auto list = store_->ListVersions(plan_);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[1].reporting_round, "Budgetopfølgning 2");
  EXPECT_EQ(store_->GetVersion(999'999).error().code, ErrorCode::kNotFound);
}

TEST_P(PlanStoreContract, ConcurrentPublishOfOneNameHasOneWinner) {
  Create("X");
  Version v = *ValidateVersion({"Samtidig", "01-06-2025", ""}, plan_);
  std::atomic<int> wins{0}, exists{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      auto r = store_->PublishVersion(v, Meta());
      if (r.ok()) ++wins;
      else if (r.error().code == ErrorCode::kAlreadyExists) ++exists;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(exists.load(), 3);
}

// Every backend must answer list queries exactly as ItemFilter::Matches and Less say.
TEST_P(PlanStoreContract, ListsMatchTheFilterSemantics) {
  RoundService rounds(*store_, *service_, clock_);
  auto demo = demo::LoadDemo(*service_, rounds, 150);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  PlanId plan = demo->plan_id;
  auto all = store_->ListItems(plan, {});
  ASSERT_TRUE(all.ok());
  ASSERT_GT(all->total, 150);

  std::vector<ItemFilter> filters;
  auto add = [&](auto&& set) { ItemFilter f; set(f); filters.push_back(f); };
  add([](ItemFilter&) {});
  add([](ItemFilter& f) { f.committee = "BUU"; });
  add([](ItemFilter& f) { f.committee = "BUU"; f.include_cross_cutting = true; });
  add([](ItemFilter& f) { f.category = Category::kProposal; f.sort = ItemSort::kTitle; });
  add([](ItemFilter& f) { f.state = ProgressState::kDone; f.sort = ItemSort::kState; });
  add([](ItemFilter& f) { f.cross_cutting = true; f.sort = ItemSort::kTiming; });
  add([](ItemFilter& f) { f.obs = true; f.descending = true; });
  add([](ItemFilter& f) { f.obs = false; f.sort = ItemSort::kTiming; f.descending = true; });
  add([](ItemFilter& f) { f.responsible = "BETTINA"; });
  add([](ItemFilter& f) { f.query = "fravær"; });
  add([](ItemFilter& f) { f.query = "ØKONOMI"; f.sort = ItemSort::kTitle; f.descending = true; });
  add([](ItemFilter& f) { f.sort = ItemSort::kState; f.limit = 7; f.offset = 5; });
  add([](ItemFilter& f) { f.limit = 10; f.offset = 100000; });

  for (size_t i = 0; i < filters.size(); ++i) {
    const ItemFilter& f = filters[i];
    std::vector<PlanItem> expected;
    for (const auto& item : all->items) if (f.Matches(item)) expected.push_back(item);
    std::sort(expected.begin(), expected.end(), [&](const PlanItem& a, const PlanItem& b) { return f.Less(a, b); });
    int64_t total = static_cast<int64_t>(expected.size());
    size_t begin = std::min(expected.size(), static_cast<size_t>(f.offset));
    size_t end = f.limit ? std::min(expected.size(), begin + f.limit) : expected.size();
    std::vector<ItemId> want;
    for (size_t k = begin; k < end; ++k) want.push_back(expected[k].id());

    auto got = store_->ListItems(plan, f);
    ASSERT_TRUE(got.ok());
    std::vector<ItemId> have;
    for (const auto& item : got->items) have.push_back(item.id());
    EXPECT_EQ(got->total, total) << "filter " << i;
    EXPECT_EQ(have, want) << "filter " << i;

    // The register filters the store's shared live items in memory (LiveItems): the same answer.
    auto shared = service_->ListItems(plan, f);
    ASSERT_TRUE(shared.ok());
    std::vector<ItemId> from_register;
    for (const auto& item : shared->items) from_register.push_back(item.id());
    EXPECT_EQ(shared->total, total) << "filter " << i;
    EXPECT_EQ(from_register, want) << "filter " << i;
  }
}

// LiveItems is ListItems(plan, {}) as of the plan's revision, and a store that keeps it
// in memory never hands out items older than the last write.
TEST_P(PlanStoreContract, LiveItemsFollowEveryWrite) {
  auto titles = [&] {
    std::vector<std::string> out;
    auto live = store_->LiveItems(plan_);
    EXPECT_TRUE(live.ok());
    if (live.ok())
      for (const auto& item : **live) out.push_back(item.data().title);
    return out;
  };
  EXPECT_TRUE(titles().empty());
  PlanItem b = Create("B-punkt");
  PlanItem a = Create("A-punkt");
  EXPECT_EQ(titles(), (std::vector<std::string>{"A-punkt", "B-punkt"}));
  EXPECT_EQ(titles(), (std::vector<std::string>{"A-punkt", "B-punkt"}));  // read again: unchanged
  ItemData d = b.data();
  d.title = "C-punkt";
  ASSERT_TRUE(store_->UpdateItem(b.id(), d, 1, Meta()).ok());
  EXPECT_EQ(titles(), (std::vector<std::string>{"A-punkt", "C-punkt"}));
  StatusUpdate u;
  u.as_of = {2025, 5, 31};
  u.author = "test";
  u.status_text = "Godt på vej";
  u.state = ProgressState::kInProgress;
  ItemData with_status = a.data();
  with_status.status_text = u.status_text;
  with_status.state = u.state;
  ASSERT_TRUE(store_->AddStatusUpdate(a.id(), u, with_status, 1, Meta()).ok());
  auto live = store_->LiveItems(plan_);
  ASSERT_TRUE(live.ok());
  ASSERT_EQ((*live)->size(), 2u);
  EXPECT_EQ((*live)->front().data().status_text, "Godt på vej");
  ASSERT_TRUE(store_->DeleteItem(a.id(), 2, Meta()).ok());
  EXPECT_EQ(titles(), (std::vector<std::string>{"C-punkt"}));
  EXPECT_EQ(store_->LiveItems(999'999).error().code, ErrorCode::kNotFound);
}

// The same after each of many small writes to a larger plan (the SQLite store then reads
// only the changed items again and keeps the rest) and after one that changes most of
// it: every field of every item, and the order, as ListItems has them.
TEST_P(PlanStoreContract, LiveItemsEqualTheListAfterSmallAndLargeWrites) {
  auto expect_same = [&](const std::string& after) {
    auto live = store_->LiveItems(plan_);
    auto list = store_->ListItems(plan_, ItemFilter{});
    ASSERT_TRUE(live.ok() && list.ok()) << after;
    ASSERT_EQ((*live)->size(), list->items.size()) << after;
    for (size_t i = 0; i < list->items.size(); ++i) {
      const PlanItem& l = (**live)[i];
      const PlanItem& w = list->items[i];
      EXPECT_EQ(l.id(), w.id()) << after << " at " << i;
      EXPECT_EQ(l.revision(), w.revision()) << after << " at " << i;
      EXPECT_EQ(l.updated_at(), w.updated_at()) << after << " at " << i;
      EXPECT_TRUE(SameData(l.data(), w.data())) << after << " at " << i;
    }
  };
  std::vector<PlanItem> items;
  for (int i = 0; i < 20; ++i) items.push_back(Create("Punkt " + std::string(1, static_cast<char>('a' + i))));
  expect_same("creating");
  // One title that moves the item to the front, one status update, one delete, one new.
  ItemData d = items[10].data();
  d.title = "Aaa først";
  ASSERT_TRUE(store_->UpdateItem(items[10].id(), d, 1, Meta()).ok());
  expect_same("a title that changes the order");
  StatusUpdate u;
  u.as_of = {2025, 5, 31};
  u.author = "test";
  u.status_text = "Forsinket";
  u.state = ProgressState::kInProgress;
  ItemData s = items[3].data();
  s.status_text = u.status_text;
  s.state = u.state;
  s.realised[2025] = Amount::FromKroner(-120'000);
  ASSERT_TRUE(store_->AddStatusUpdate(items[3].id(), u, s, 1, Meta()).ok());
  expect_same("a status update with realised amounts");
  ASSERT_TRUE(store_->DeleteItem(items[7].id(), 1, Meta()).ok());
  expect_same("a delete");
  Create("Punkt nyt");
  expect_same("a new item");
  for (int i = 0; i < 15; ++i) {
    if (i == 3 || i == 7 || i == 10) continue;
    ItemData m = items[i].data();
    m.process = "Ny proces " + std::to_string(i);
    ASSERT_TRUE(store_->UpdateItem(items[i].id(), m, 1, Meta()).ok());
  }
  expect_same("most items changed");
}

BS_CONTRACT_ON_ALL_BACKENDS(PlanStoreContract);

TEST(SqliteDatabaseTest, ReopeningAppliesNoMigrationTwice) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-XXXXXX").string();
  std::filesystem::path dir = mkdtemp(tmpl.data());
  {
    auto db = sqlite::Database::Open((dir / "a.db").string());
    ASSERT_TRUE(db.ok());
    EXPECT_EQ((*db)->SchemaVersion(), 10);
  }
  auto again = sqlite::Database::Open((dir / "a.db").string());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->SchemaVersion(), 10);
  std::filesystem::remove_all(dir);
}

TEST(SqliteDatabaseTest, HistoryRowsCannotBeChangedOrRemoved) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-XXXXXX").string();
  std::filesystem::path dir = mkdtemp(tmpl.data());
  {
    auto db = sqlite::Database::Open((dir / "h.db").string());
    ASSERT_TRUE(db.ok());
    SqlitePlanStore store(**db);
    FixedClock clock(1'750'000'000);
    PlanRegister service(store, clock);
    RoundService rounds(store, service, clock);
    ASSERT_TRUE(demo::LoadDemo(service, rounds, 0).ok());
    ASSERT_TRUE(service.PublishVersion(1, {"V1", "31-05-2025", ""}, "test").ok());
    ASSERT_TRUE(service.AddStatus(1, {"31-05-2025", "Anne", "Status", "in_progress", "", "", "", {}},
                                  service.GetItem(1)->revision(), service.Meta("Anne", "form")).ok());
    auto c = (*db)->Acquire();
    ASSERT_TRUE(c.ok());
    EXPECT_FALSE((*c)->Exec("UPDATE item_revisions SET title = 'x'").ok());
    EXPECT_FALSE((*c)->Exec("DELETE FROM item_revisions").ok());
    EXPECT_FALSE((*c)->Exec("DELETE FROM versions").ok());
    EXPECT_FALSE((*c)->Exec("DELETE FROM plan_events").ok());
    EXPECT_FALSE((*c)->Exec("UPDATE plan_events SET author = 'x'").ok());
    EXPECT_FALSE((*c)->Exec("UPDATE status_updates SET author = 'x'").ok());
  }
  std::filesystem::remove_all(dir);
}

std::filesystem::path TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-XXXXXX").string();
  return mkdtemp(tmpl.data());
}

TEST(SqliteDatabaseTest, DatabaseFilesAreReadableOnlyByTheService) {
  auto dir = TempDir();
  auto path = (dir / "p.db").string();
  {
    auto db = sqlite::Database::Open(path);
    ASSERT_TRUE(db.ok());
    auto c = (*db)->Acquire();
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE((*c)->Exec("INSERT INTO schema_migrations (version, name, checksum) VALUES (0, 'x', NULL)").ok());
    ASSERT_TRUE((*c)->Exec("DELETE FROM schema_migrations WHERE version = 0").ok());
    for (const char* suffix : {"", "-wal", "-shm"}) {
      auto p = std::filesystem::path(path + suffix);
      ASSERT_TRUE(std::filesystem::exists(p)) << suffix;
      auto perms = std::filesystem::status(p).permissions();
      EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
                std::filesystem::perms::none) << "fil" << suffix;
    }
  }
  // An existing database that others could read is tightened at the next start.
  std::filesystem::permissions(path, std::filesystem::perms::others_read | std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  ASSERT_TRUE(sqlite::Database::Open(path).ok());
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
  std::filesystem::remove_all(dir);
}

// Tampers with schema_migrations through a second, plain connection.
void ExecDirect(const std::string& path, const std::string& sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(raw);
}

TEST(SqliteDatabaseTest, AChangedAppliedMigrationIsRefused) {
  auto dir = TempDir();
  auto path = (dir / "m.db").string();
  ASSERT_TRUE(sqlite::Database::Open(path).ok());
  ExecDirect(path, "UPDATE schema_migrations SET checksum = '0123456789abcdef' WHERE version = 3");
  auto again = sqlite::Database::Open(path);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("0003_plan_events.sql er ændret"), std::string::npos) << again.error().message;
  EXPECT_NE(again.error().message.find("0123456789abcdef"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(SqliteDatabaseTest, MigrationsAppliedBeforeChecksumsGetThemRecorded) {
  auto dir = TempDir();
  auto path = (dir / "o.db").string();
  ASSERT_TRUE(sqlite::Database::Open(path).ok());
  // A database from before checksums: the column did not exist.
  ExecDirect(path, "ALTER TABLE schema_migrations DROP COLUMN checksum");
  ASSERT_TRUE(sqlite::Database::Open(path).ok());
  ExecDirect(path, "UPDATE schema_migrations SET checksum = NULL WHERE version = 2");
  auto db = sqlite::Database::Open(path);
  ASSERT_TRUE(db.ok());
  auto c = (*db)->Acquire();
  ASSERT_TRUE(c.ok());
  auto n = (*c)->Prepare("SELECT count(*) FROM schema_migrations WHERE checksum IS NULL OR length(checksum) <> 16");
  ASSERT_TRUE(n.ok());
  ASSERT_TRUE(*n->Step());
  EXPECT_EQ(n->Int(0), 0);
  std::filesystem::remove_all(dir);
}

TEST(SqliteDatabaseTest, ADatabaseNewerThanTheProgramIsRefusedNamingBothVersions) {
  auto dir = TempDir();
  auto path = (dir / "n.db").string();
  ASSERT_TRUE(sqlite::Database::Open(path).ok());
  ExecDirect(path, "INSERT INTO schema_migrations (version, name, checksum) VALUES (42, '0042_future.sql', 'x')");
  auto again = sqlite::Database::Open(path);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("skemaversion 42 (0042_future.sql)"), std::string::npos) << again.error().message;
  EXPECT_NE(again.error().message.find("kender kun til version 10"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(SqliteDatabaseTest, AWriteToADatabaseThatBecameReadOnlyIsUnavailable) {
  auto dir = TempDir();
  auto path = (dir / "r.db").string();
  auto db = sqlite::Database::Open(path);
  ASSERT_TRUE(db.ok());
  auto c = (*db)->Acquire();
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE((*c)->Exec("PRAGMA query_only = 1").ok());
  auto st = (*c)->Exec("INSERT INTO schema_migrations (version, name) VALUES (0, 'x')");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(st.error().message, "Databasen kan ikke skrives lige nu. Intet er gemt; prøv igen senere.");
  std::filesystem::remove_all(dir);
}

TEST(SqliteDatabaseTest, UnopenablePathIsUnavailable) {
  auto db = sqlite::Database::Open("/nonexistent-dir/x/y.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace bs

namespace bs {
namespace {
// Two servers on one database file: the one that keeps the plan's live items in memory
// sees the other's writes on its next read, because it reads the plan's revision from
// the database first (live_items_cache.h).
TEST(SqliteLiveItemsTest, AnotherServersWriteIsSeenOnTheNextRead) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-XXXXXX").string();
  std::filesystem::path dir = mkdtemp(tmpl.data());
  auto db_a = sqlite::Database::Open((dir / "shared.db").string());
  auto db_b = sqlite::Database::Open((dir / "shared.db").string());
  ASSERT_TRUE(db_a.ok() && db_b.ok());
  SqlitePlanStore a(**db_a), b(**db_b);
  FixedClock clock(1'750'000'000);
  PlanRegister reg_a(a, clock), reg_b(b, clock);
  WriteMeta meta{1'750'000'000, "test", "test", "", ""};
  ASSERT_TRUE(a.UpsertBody(*Body::Create("BUU", "Børne- og Ungdomsudvalget", true, 0), meta).ok());
  auto plan = reg_a.CreatePlan({"Plan 2025-2028", "Budget 2025-2028", "2025", "2028", ""}, "test", "test");
  ASSERT_TRUE(plan.ok());
  ItemDraft draft;
  draft.category = "operating";
  draft.committee = "BUU";
  draft.title = "Første";
  auto first = reg_a.CreateItem(plan->id(), draft, meta);
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto before = a.LiveItems(plan->id());
  ASSERT_TRUE(before.ok());
  ASSERT_EQ((*before)->size(), 1u);
  EXPECT_EQ(a.LiveItems(plan->id())->get(), before->get()) << "unchanged plan: the same shared items";

  draft.title = "Anden";
  ASSERT_TRUE(reg_b.CreateItem(plan->id(), draft, meta).ok());  // the other server
  auto after = a.LiveItems(plan->id());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)->size(), 2u);
  ItemData d = first->data();
  d.title = "Første, rettet";
  ASSERT_TRUE(b.UpdateItem(first->id(), d, 1, meta).ok());
  auto latest = reg_a.ListItems(plan->id(), ItemFilter{});
  ASSERT_TRUE(latest.ok());
  ASSERT_EQ(latest->items.size(), 2u);
  EXPECT_EQ(latest->items[1].data().title, "Første, rettet");
  std::filesystem::remove_all(dir);
}
}  // namespace
}  // namespace bs
