// The reporting-round part of the plan store contract (issue 11), on every backend:
// rounds, status updates tied to the open round, closing with a version in one step,
// highlights, status updates by date, the municipality's name, and the expected
// realised effect carried through items, history and versions.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/plan_register.h"
#include "support/store_backends.h"

namespace bs {
namespace {

using testing::Factory;

class RoundStoreContract : public ::testing::TestWithParam<testing::NamedBackend> {
 protected:
  void SetUp() override {
    backend_ = GetParam().second();
    store_ = backend_->plans.get();
    service_ = std::make_unique<PlanRegister>(*store_, clock_);
    ASSERT_TRUE(store_->UpsertBody(*Body::Create("BUU", "Børne- og Ungdomsudvalget", true, 0), Meta()).ok());
    plan_ = service_->CreatePlan({"Rundeplan 2025-2028", "Budget 2025-2028", "2025", "2028", ""}, "test", "test")->id();
    other_plan_ = service_->CreatePlan({"Anden plan 2026-2029", "Budget 2026-2029", "2026", "2029", ""}, "test", "test")->id();
    item_ = Create(plan_, "Punkt A");
  }

  WriteMeta Meta() { return WriteMeta{1'750'000'000, "test", "test", "", ""}; }

  PlanItem Create(PlanId plan, const std::string& title) {
    ItemDraft d;
    d.category = "operating";
    d.committee = "BUU";
    d.title = title;
    d.amounts = {{std::to_string(plan == plan_ ? 2025 : 2026), "-500"}};
    auto r = service_->CreateItem(plan, d, Meta());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return *r;
  }

  ReportingRound Round(const std::string& name) {
    ReportingRound r;
    r.plan_id = plan_;
    r.name = name;
    r.cutoff = Date{2025, 5, 31};
    r.followup = "Budgetopfølgning 2";
    return r;
  }

  // A status update through the service (validated, applied) at today's item revision.
  Result<PlanItem> Report(const PlanItem& item, const std::string& as_of, std::map<std::string, std::string> realised = {}) {
    PlanItem now = *store_->GetItem(item.id());
    StatusDraft d{as_of, "Anne", "Status " + as_of, "in_progress", "green", "", "", std::move(realised)};
    return service_->AddStatus(item.id(), d, now.revision(), service_->Meta("Anne", "form"));
  }

  std::unique_ptr<testing::Backend> backend_;
  PlanStore* store_ = nullptr;
  FixedClock clock_{1'750'000'000};
  std::unique_ptr<PlanRegister> service_;
  PlanId plan_ = 0, other_plan_ = 0;
  PlanItem item_;
};

TEST_P(RoundStoreContract, OneRoundIsOpenAtATimeAndNamesAreNotReused) {
  auto first = store_->OpenRound(Round("Halvårsstatus juni 2025"), Meta());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->open());
  EXPECT_EQ(first->opened_by, "test");
  EXPECT_EQ(first->cutoff, (Date{2025, 5, 31}));
  auto second = store_->OpenRound(Round("Budgetopfølgning 2"), Meta());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_NE(second.error().message.find("Halvårsstatus juni 2025"), std::string::npos);
  ASSERT_TRUE(store_->CloseRound(first->id, 0, 1, std::nullopt, Meta()).ok());
  auto again = store_->OpenRound(Round("Halvårsstatus juni 2025"), Meta());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  // Another plan has rounds of its own.
  ReportingRound other = Round("Halvårsstatus juni 2025");
  other.plan_id = other_plan_;
  EXPECT_TRUE(store_->OpenRound(other, Meta()).ok());
  EXPECT_EQ(store_->ListRounds(plan_)->size(), 1u);
  EXPECT_EQ(store_->GetRound(999999).error().code, ErrorCode::kNotFound);
}

TEST_P(RoundStoreContract, ConcurrentOpensHaveOneWinner) {
  std::atomic<int> ok{0}, conflict{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      auto r = store_->OpenRound(Round("Runde " + std::to_string(i)), Meta());
      if (r.ok()) ++ok;
      else if (r.error().code == ErrorCode::kConflict) ++conflict;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 3);
}

TEST_P(RoundStoreContract, StatusUpdatesCountInTheRoundOpenWhenTheyAreGiven) {
  PlanItem b = Create(plan_, "Punkt B");
  ASSERT_TRUE(Report(item_, "01-03-2025").ok());  // before any round
  auto round = store_->OpenRound(Round("Runde 1"), Meta());
  ASSERT_TRUE(round.ok());
  EXPECT_TRUE(store_->ReportedInRound(round->id)->empty()) << "a report before the round does not count";
  ASSERT_TRUE(Report(item_, "20-05-2025").ok());
  auto reported = store_->ReportedInRound(round->id);
  ASSERT_TRUE(reported.ok());
  EXPECT_EQ(*reported, (std::set<ItemId>{item_.id()}));
  EXPECT_EQ(store_->ListStatusUpdates(item_.id())->front().round_id, round->id);
  ASSERT_TRUE(store_->CloseRound(round->id, 1, 2, std::nullopt, Meta()).ok());
  ASSERT_TRUE(Report(b, "02-06-2025").ok());
  EXPECT_EQ(store_->ReportedInRound(round->id)->size(), 1u) << "a report after closing does not count";
  EXPECT_EQ(store_->ListStatusUpdates(b.id())->front().round_id, 0);
}

TEST_P(RoundStoreContract, ClosingPublishesTheVersionInTheSameStep) {
  auto round = store_->OpenRound(Round("Halvårsstatus juni 2025"), Meta());
  ASSERT_TRUE(round.ok());
  Version v;
  v.plan_id = plan_;
  v.name = "Halvårsstatus juni 2025";
  v.as_of = Date{2025, 5, 31};
  v.reporting_round = "Budgetopfølgning 2";
  auto closed = store_->CloseRound(round->id, 3, 4, v, Meta());
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_FALSE(closed->open());
  EXPECT_EQ(closed->reported_count, 3);
  EXPECT_EQ(closed->item_count, 4);
  ASSERT_NE(closed->version_id, 0);
  auto version = store_->GetVersion(closed->version_id);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->name, "Halvårsstatus juni 2025");
  EXPECT_EQ(version->item_count, 1);
  auto twice = store_->CloseRound(round->id, 3, 4, std::nullopt, Meta());
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->GetRound(round->id)->reported_count, 3) << "a second close changes nothing";
}

TEST_P(RoundStoreContract, AVersionNameTakenLeavesTheRoundOpen) {
  ASSERT_TRUE(store_->PublishVersion(Version{0, plan_, "Status maj", Date{2025, 5, 31}, "", 0, "", 0}, Meta()).ok());
  auto round = store_->OpenRound(Round("Status maj"), Meta());
  ASSERT_TRUE(round.ok());
  auto closed = store_->CloseRound(round->id, 0, 1, Version{0, plan_, "Status maj", Date{2025, 5, 31}, "", 0, "", 0}, Meta());
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::kAlreadyExists);
  EXPECT_TRUE(store_->GetRound(round->id)->open()) << "nothing half-written";
  EXPECT_EQ(store_->ListVersions(plan_)->size(), 1u);
}

TEST_P(RoundStoreContract, HighlightsChangeOnlyWhileTheRoundIsOpen) {
  auto round = store_->OpenRound(Round("Runde"), Meta());
  ASSERT_TRUE(round.ok());
  PlanItem b = Create(plan_, "Punkt B");
  ASSERT_TRUE(store_->SetHighlight(Highlight{round->id, item_.id(), "Forsinket", false, "", 0}, Meta()).ok());
  ASSERT_TRUE(store_->SetHighlight(Highlight{round->id, b.id(), "Intern grund", true, "", 0}, Meta()).ok());
  ASSERT_TRUE(store_->SetHighlight(Highlight{round->id, item_.id(), "Forsinket igen", false, "", 0}, Meta()).ok());
  auto list = store_->ListHighlights(round->id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].reason, "Forsinket igen") << "setting again replaces";
  EXPECT_EQ((*list)[0].by, "test");
  EXPECT_TRUE((*list)[1].internal);
  PlanItem foreign = Create(other_plan_, "Fremmed punkt");
  EXPECT_EQ(store_->SetHighlight(Highlight{round->id, foreign.id(), "x", false, "", 0}, Meta()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->RemoveHighlight(round->id, foreign.id(), Meta()).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->RemoveHighlight(round->id, b.id(), Meta()).ok());
  EXPECT_EQ(store_->ListHighlights(round->id)->size(), 1u);
  ASSERT_TRUE(store_->CloseRound(round->id, 0, 2, std::nullopt, Meta()).ok());
  EXPECT_EQ(store_->SetHighlight(Highlight{round->id, b.id(), "Sent", false, "", 0}, Meta()).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->RemoveHighlight(round->id, item_.id(), Meta()).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ListHighlights(round->id)->size(), 1u);
}

TEST_P(RoundStoreContract, EveryRoundWriteBumpsThePlanRevisionAndIsRecorded) {
  int64_t r0 = *store_->PlanRevision(plan_);
  auto round = store_->OpenRound(Round("Runde"), Meta());
  int64_t r1 = *store_->PlanRevision(plan_);
  EXPECT_GT(r1, r0);
  ASSERT_TRUE(store_->SetHighlight(Highlight{round->id, item_.id(), "Grund", false, "", 0}, Meta()).ok());
  int64_t r2 = *store_->PlanRevision(plan_);
  EXPECT_GT(r2, r1);
  ASSERT_TRUE(store_->RemoveHighlight(round->id, item_.id(), Meta()).ok());
  int64_t r3 = *store_->PlanRevision(plan_);
  EXPECT_GT(r3, r2);
  ASSERT_TRUE(store_->CloseRound(round->id, 0, 1, std::nullopt, Meta()).ok());
  EXPECT_GT(*store_->PlanRevision(plan_), r3);
  std::vector<std::string> actions;
  auto events = store_->PlanEvents(plan_);
  ASSERT_TRUE(events.ok());
  for (const auto& e : *events) actions.push_back(e.action);
  for (const char* a : {"round_opened", "highlight_set", "highlight_removed", "round_closed"})
    EXPECT_NE(std::find(actions.begin(), actions.end(), a), actions.end()) << a;
}

TEST_P(RoundStoreContract, StatusUpdatesByDateNewestFirst) {
  PlanItem b = Create(plan_, "Punkt B");
  ASSERT_TRUE(Report(item_, "15-03-2025").ok());
  ASSERT_TRUE(Report(b, "02-04-2025").ok());
  ASSERT_TRUE(Report(item_, "30-04-2025").ok());
  ASSERT_TRUE(Report(b, "01-05-2025").ok());
  PlanItem foreign = Create(other_plan_, "Fremmed");
  ASSERT_TRUE(Report(foreign, "10-04-2025").ok());
  auto april = store_->PlanStatusUpdates(plan_, Date{2025, 4, 1}, Date{2025, 4, 30});
  ASSERT_TRUE(april.ok());
  ASSERT_EQ(april->size(), 2u);
  EXPECT_EQ((*april)[0].as_of, (Date{2025, 4, 30}));
  EXPECT_EQ((*april)[1].as_of, (Date{2025, 4, 2}));
  EXPECT_EQ(store_->PlanStatusUpdates(plan_, Date{2000, 1, 1}, Date{2030, 1, 1})->size(), 4u);
  EXPECT_EQ(store_->PlanStatusUpdates(424242, Date{2000, 1, 1}, Date{2030, 1, 1}).error().code, ErrorCode::kNotFound);
}

TEST_P(RoundStoreContract, ExpectedRealisedEffectTravelsWithTheItem) {
  ASSERT_TRUE(Report(item_, "31-05-2025", {{"2025", "-400"}, {"2026", "-900"}}).ok());
  ASSERT_TRUE(Report(item_, "30-06-2025", {{"2025", "-450"}}).ok());  // names 2025 only: 2026 stays
  PlanItem now = *store_->GetItem(item_.id());
  EXPECT_EQ(now.data().realised.at(2025), Amount::FromKroner(-450'000));
  EXPECT_EQ(now.data().realised.at(2026), Amount::FromKroner(-900'000));
  // An edit through the item form keeps the reported figures.
  ItemDraft d = ItemDraft::From(now.data(), {});
  d.title = "Punkt A, omdøbt";
  auto edited = service_->UpdateItem(item_.id(), d, now.revision(), Meta());
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->data().realised, now.data().realised);
  auto version = store_->PublishVersion(Version{0, plan_, "V", Date{2025, 6, 30}, "", 0, "", 0}, Meta());
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(store_->VersionItems(version->id)->front().data().realised.at(2025), Amount::FromKroner(-450'000));
  auto history = store_->ItemHistory(item_.id(), 0);
  ASSERT_TRUE(history.ok());
  EXPECT_TRUE(history->front().item.data().realised.empty());
  EXPECT_EQ((*history)[1].item.data().realised.at(2025), Amount::FromKroner(-400'000));
}

TEST_P(RoundStoreContract, TheMunicipalityIsNamedOnce) {
  EXPECT_EQ(*store_->MunicipalityName(), "");
  int64_t before = *store_->PlanRevision(plan_);
  ASSERT_TRUE(store_->SetMunicipalityName("Norddjurs Kommune", Meta()).ok());
  EXPECT_EQ(*store_->MunicipalityName(), "Norddjurs Kommune");
  EXPECT_GT(*store_->PlanRevision(plan_), before);
  ASSERT_TRUE(store_->SetMunicipalityName("Syddjurs Kommune", Meta()).ok());
  EXPECT_EQ(*store_->MunicipalityName(), "Syddjurs Kommune");
}

BS_CONTRACT_ON_ALL_BACKENDS(RoundStoreContract);

}  // namespace
}  // namespace bs
