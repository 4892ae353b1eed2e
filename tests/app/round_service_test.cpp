// RoundService on the in-memory store (issue 11): who opens, reports, highlights and
// closes; "afventer status" until a status is given in the round; completeness kept.
#include "app/round_service.h"

#include <gtest/gtest.h>

#include "storage/memory/memory_plan_store.h"

namespace bs {
namespace {

Viewer Person(const std::string& name, Role role, std::vector<std::string> departments = {}) {
  Viewer v;
  User u;
  u.username = name;
  u.name = name;
  u.roles = {role};
  u.departments = std::move(departments);
  u.active = true;
  v.user = u;
  return v;
}

class RoundServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteMeta meta{clock_.NowUnix(), "test", "test", "", ""};
    for (const char* code : {"BUU", "ØK"}) ASSERT_TRUE(store_.UpsertBody(Body::Create(code, code, true, 0).value(), meta).ok());
    plan_ = plans_.CreatePlan({"Plan 2025-2028", "Budget 2025-2028", "2025", "2028", ""}, "test", "test")->id();
    buu_ = Item("Sprogindsats", "BUU", "Søren Dahl");
    ok_ = Item("Indkøb", "ØK", "Mette Holm");
    done_ = Item("Afsluttet før runden", "BUU", "Søren Dahl", "done");
  }

  PlanItem Item(const std::string& title, const std::string& committee, const std::string& responsible,
                const std::string& state = "in_progress") {
    ItemDraft d;
    d.category = "operating";
    d.committee = committee;
    d.title = title;
    d.responsible = responsible;
    d.state = state;
    return *plans_.CreateItem(plan_, d, plans_.Meta("test", "test"));
  }

  Status Report(const PlanItem& item, const Viewer& who, const std::string& state = "in_progress") {
    PlanItem now = *plans_.GetItem(item.id());
    StatusDraft d{"20-05-2025", who.AuthorName(), "Status", state, "green", "", "", {}};
    auto r = plans_.AddStatus(item.id(), d, now.revision(), plans_.Meta(who.AuthorName(), "status"));
    return r.ok() ? OkStatus() : Status(r.error());
  }

  FixedClock clock_{1'748'736'000};  // 01-06-2025
  MemoryPlanStore store_;
  PlanRegister plans_{store_, clock_};
  RoundService rounds_{store_, plans_, clock_};
  PlanId plan_ = 0;
  PlanItem buu_, ok_, done_;
  Viewer finance_ = Person("Mette Holm", Role::kFinance);
  Viewer head_ = Person("Søren Dahl", Role::kDepartmentHead, {"BUU"});
  Viewer director_ = Person("Jens Kragh", Role::kDirector);
  Viewer politician_ = Person("Ole Bæk", Role::kPolitician);
};

TEST_F(RoundServiceTest, OnlyFinanceOpensAndOnlyOneAtATime) {
  EXPECT_EQ(rounds_.Open(Viewer::Anonymous(), plan_, {"Runde", "31-05-2025", ""}).error().code, ErrorCode::kNotFound)
      << "for the public a never-published plan does not exist";
  auto refused = rounds_.Open(head_, plan_, {"Runde", "31-05-2025", ""});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  auto bad = rounds_.Open(finance_, plan_, {"", "i morgen", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);
  auto round = rounds_.Open(finance_, plan_, {"Halvårsstatus juni 2025", "31-05-2025", ""});
  ASSERT_TRUE(round.ok()) << round.error().message;
  auto second = rounds_.Open(finance_, plan_, {"Budgetopfølgning 2", "31-05-2025", ""});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_NE(second.error().message.find("er allerede åben"), std::string::npos);
}

TEST_F(RoundServiceTest, ARoundWithNoItemsIsRefusedPlainly) {
  PlanId empty = plans_.CreatePlan({"Tom plan 2026-2029", "Budget 2026-2029", "2026", "2029", ""}, "test", "test")->id();
  auto r = rounds_.Open(finance_, empty, {"Runde", "31-05-2026", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("Runden har ingen punkter"), std::string::npos);
}

TEST_F(RoundServiceTest, ItemsAwaitStatusUntilReportedInTheRound) {
  ASSERT_TRUE(Report(buu_, head_).ok());  // before the round: does not count
  auto round = rounds_.Open(finance_, plan_, {"Runde", "31-05-2025", ""});
  ASSERT_TRUE(round.ok());
  auto mark = rounds_.OpenRoundMark(plan_);
  ASSERT_TRUE(mark.ok() && mark->has_value());
  EXPECT_EQ((*mark)->items, 2) << "the item completed before the round takes no part";
  EXPECT_TRUE((*mark)->awaiting.count(buu_.id()));
  EXPECT_TRUE((*mark)->awaiting.count(ok_.id()));
  EXPECT_FALSE((*mark)->awaiting.count(done_.id()));
  ASSERT_TRUE(Report(buu_, head_).ok());
  mark = rounds_.OpenRoundMark(plan_);
  EXPECT_FALSE((*mark)->awaiting.count(buu_.id()));
  EXPECT_TRUE((*mark)->reported_items.count(buu_.id()));
  EXPECT_EQ((*mark)->reported, 1);
  // The head of department's own items: BUU's, by department.
  auto view = rounds_.View(head_, round->id);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->mine.size(), 1u);
  EXPECT_EQ(view->mine[0].id(), buu_.id());
  EXPECT_EQ(view->missing.size(), 1u);
  EXPECT_EQ(view->missing[0].id(), ok_.id());
  ASSERT_EQ(view->by_committee.size(), 2u);
  EXPECT_FALSE(view->may_close);
  EXPECT_FALSE(view->may_highlight);
  // The progress is staff's: a politician is refused.
  EXPECT_EQ(rounds_.View(politician_, round->id).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(RoundServiceTest, OnlyDirectorsHighlightWithAReason) {
  auto round = rounds_.Open(finance_, plan_, {"Runde", "31-05-2025", ""});
  ASSERT_TRUE(round.ok());
  auto refused = rounds_.SetHighlight(finance_, round->id, ok_.id(), "Vigtig", false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(refused.error().message, "Kun direktionen kan fremhæve punkter for ØK.");
  auto no_reason = rounds_.SetHighlight(director_, round->id, ok_.id(), " ", false);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
  ASSERT_TRUE(rounds_.SetHighlight(director_, round->id, ok_.id(), "Intern grund", true).ok());
  auto staff = rounds_.Highlights(finance_, *round);
  ASSERT_TRUE(staff.ok());
  ASSERT_EQ(staff->size(), 1u);
  EXPECT_EQ((*staff)[0].highlight.reason, "Intern grund");
  auto outside = rounds_.Highlights(politician_, *round);
  ASSERT_EQ(outside->size(), 1u);
  EXPECT_TRUE((*outside)[0].reason_hidden);
  EXPECT_EQ((*outside)[0].highlight.reason, "") << "an internal reason is staff's";
  ASSERT_TRUE(rounds_.RemoveHighlight(director_, round->id, ok_.id()).ok());
  EXPECT_TRUE(rounds_.Highlights(finance_, *round)->empty());
}

TEST_F(RoundServiceTest, ClosingPublishesOnceAndKeepsTheCompleteness) {
  auto round = rounds_.Open(finance_, plan_, {"Halvårsstatus juni 2025", "31-05-2025", "Budgetopfølgning 2"});
  ASSERT_TRUE(round.ok());
  ASSERT_TRUE(Report(buu_, head_, "done").ok());
  EXPECT_EQ(rounds_.Close(head_, round->id, true).error().code, ErrorCode::kPermissionDenied);
  auto closed = rounds_.Close(finance_, round->id, true);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->reported_count, 1);
  EXPECT_EQ(closed->item_count, 2) << "the item completed in the round still counts";
  auto version = plans_.GetVersion(closed->version_id);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->name, "Halvårsstatus juni 2025");
  EXPECT_EQ(version->reporting_round, "Budgetopfølgning 2");
  auto twice = rounds_.Close(finance_, round->id, true);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_NE(twice.error().message.find("er allerede lukket"), std::string::npos);
  // Later reports change nothing in the closed round's history.
  ASSERT_TRUE(Report(ok_, finance_).ok());
  auto view = rounds_.View(finance_, round->id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->reported, 1);
  EXPECT_EQ(view->items, 2);
  EXPECT_EQ(rounds_.SetHighlight(director_, round->id, ok_.id(), "For sent", false).error().code, ErrorCode::kConflict);
  auto again = rounds_.RoundOfVersion(plan_, closed->version_id);
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_EQ((*again)->id, round->id);
}

TEST_F(RoundServiceTest, AVersionNameTakenIsSaidPlainlyAndTheRoundStaysOpen) {
  ASSERT_TRUE(plans_.PublishVersion(plan_, {"Runde maj", "31-05-2025", ""}, "test").ok());
  auto round = rounds_.Open(finance_, plan_, {"Runde maj", "31-05-2025", ""});
  ASSERT_TRUE(round.ok());
  auto closed = rounds_.Close(finance_, round->id, true);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::kAlreadyExists);
  EXPECT_NE(closed.error().message.find("Luk runden uden at offentliggøre"), std::string::npos);
  EXPECT_TRUE(store_.GetRound(round->id)->open());
  ASSERT_TRUE(rounds_.Close(finance_, round->id, false).ok()) << "closing without publishing still works";
}

}  // namespace
}  // namespace bs
