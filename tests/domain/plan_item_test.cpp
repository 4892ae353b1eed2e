#include "domain/plan/plan_item.h"

#include <gtest/gtest.h>

#include "domain/plan/item_filter.h"

namespace bs {
namespace {

ValidationContext Context() {
  ValidationContext c;
  c.first_year = 2025;
  c.last_year = 2028;
  c.committees = {"ØK", "BUU"};
  c.all_bodies = {"ØK", "BUU", "KB", "DIR"};
  c.themes = {Theme{7, 1, "Partnerskaber", 0}};
  c.strategic_lines = {3};
  return c;
}

ItemDraft Valid() {
  ItemDraft d;
  d.category = "proposal";
  d.committee = "BUU";
  d.code = "R307(B)";
  d.title = "Investering i fraværsindsatsen";
  d.state = "in_progress";
  d.traffic_light = "yellow";
  d.timing = "juni 2025";
  d.political_treatment = "BUU: maj 2025\nØK: juni 2025";
  d.amounts = {{"2025", "-500"}, {"2026", "-1.000,5"}};
  d.case_numbers = "24/7615, 22/291";
  d.sdgs = "3, 11";
  return d;
}

// The field named in the first error, or "" when valid.
std::string FirstErrorField(const ItemDraft& d) {
  auto r = PlanItem::Validate(d, Context());
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  return r.error().fields.empty() ? "?" : r.error().fields.front().field;
}

TEST(PlanItemTest, AcceptsAValidDraft) {
  auto r = PlanItem::Validate(Valid(), Context());
  ASSERT_TRUE(r.ok()) << r.error().fields.front().message;
  EXPECT_EQ(r->category, Category::kProposal);
  EXPECT_EQ(r->code->text(), "R307(B)");
  EXPECT_EQ(r->amounts.at(2026).kroner(), -1'000'500);
  EXPECT_EQ(r->treatment.steps.size(), 2u);
  EXPECT_EQ(r->treatment.steps[1].body, "ØK");
  EXPECT_EQ(r->case_numbers, (std::vector<std::string>{"24/7615", "22/291"}));
  EXPECT_EQ(r->sdgs, (std::vector<int>{3, 11}));
}

struct BadCase {
  const char* name;
  void (*mutate)(ItemDraft&);
  const char* field;
};

class PlanItemRejectsTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(PlanItemRejectsTest, NamesTheWrongField) {
  ItemDraft d = Valid();
  GetParam().mutate(d);
  EXPECT_EQ(FirstErrorField(d), GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(Table, PlanItemRejectsTest, ::testing::Values(
    BadCase{"EmptyTitle", [](ItemDraft& d) { d.title = "   "; }, "title"},
    BadCase{"HugeTitle", [](ItemDraft& d) { d.title = std::string(1'000'000, 'a'); }, "title"},
    BadCase{"BrokenCode", [](ItemDraft& d) { d.code = "R30 7(B"; }, "code"},
    BadCase{"ProposalWithoutCode", [](ItemDraft& d) { d.code = ""; }, "code"},
    BadCase{"TwoCommas", [](ItemDraft& d) { d.amounts["2025"] = "12,5,0"; }, "amount_2025"},
    BadCase{"Letters", [](ItemDraft& d) { d.amounts["2026"] = "abc"; }, "amount_2026"},
    BadCase{"YearOutsidePeriod", [](ItemDraft& d) { d.amounts["2031"] = "5"; }, "amount_2031"},
    BadCase{"UnknownCommittee", [](ItemDraft& d) { d.committee = "XYZ"; }, "committee"},
    BadCase{"UnknownCategory", [](ItemDraft& d) { d.category = "other"; }, "category"},
    BadCase{"IntentWithoutTheme", [](ItemDraft& d) { d.category = "intent"; d.code = ""; }, "theme"},
    BadCase{"UnknownTheme", [](ItemDraft& d) { d.theme = "Ukendt"; }, "theme"},
    BadCase{"UnknownState", [](ItemDraft& d) { d.state = "halvt"; }, "state"},
    BadCase{"UnknownLight", [](ItemDraft& d) { d.traffic_light = "blå"; }, "traffic_light"},
    BadCase{"UnknownBodyInTreatment", [](ItemDraft& d) { d.political_treatment = "ØK: juni 2025\nXYZ: maj"; }, "political_treatment"},
    BadCase{"ObsWithoutNote", [](ItemDraft& d) { d.obs = true; }, "obs_note"},
    BadCase{"BadCaseNumber", [](ItemDraft& d) { d.case_numbers = "24-7615"; }, "case_numbers"},
    BadCase{"SdgOutOfRange", [](ItemDraft& d) { d.sdgs = "18"; }, "sdgs"},
    BadCase{"UnknownStrategicLine", [](ItemDraft& d) { d.strategic_line = "99"; }, "strategic_line"},
    BadCase{"InvalidUtf8", [](ItemDraft& d) { d.process = "\xC3"; }, "process"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(PlanItemTest, ReportsEveryWrongFieldAtOnce) {
  ItemDraft d = Valid();
  d.title = "";
  d.code = "R30 7(B";
  d.amounts["2025"] = "12,5,0";
  d.amounts["2026"] = "abc";
  auto r = PlanItem::Validate(d, Context());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.size(), 4u);
}

TEST(PlanItemTest, KeepsHtmlAsPlainText) {
  ItemDraft d = Valid();
  d.title = "<script>alert('x')</script>";
  auto r = PlanItem::Validate(d, Context());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "<script>alert('x')</script>");
}

TEST(PlanItemTest, OrdinaryOperationIsItsOwnTreatment) {
  ItemDraft d = Valid();
  d.political_treatment = "Ordinær drift";
  auto r = PlanItem::Validate(d, Context());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->treatment.ordinary_operation);
  EXPECT_EQ(r->treatment.Summary(), "Ordinær drift");
}

TEST(PlanItemTest, DraftFromDataRoundTrips) {
  auto first = PlanItem::Validate(Valid(), Context());
  ASSERT_TRUE(first.ok());
  auto second = PlanItem::Validate(ItemDraft::From(*first, Context().themes), Context());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(ItemDraft::From(*second, Context().themes).political_treatment, "BUU: maj 2025\nØK: juni 2025");
  EXPECT_EQ(second->amounts, first->amounts);
}

TEST(ItemFilterTest, CommitteeExtractIncludesCrossCutting) {
  ItemData own, other, other_cross;
  own.committee = "BUU";
  other.committee = "ØK";
  other_cross.committee = "ØK";
  other_cross.cross_cutting = true;
  ItemFilter f;
  f.committee = "BUU";
  f.include_cross_cutting = true;
  EXPECT_TRUE(f.Matches(PlanItem::Restore(1, 1, own, 1, 0, 0)));
  EXPECT_FALSE(f.Matches(PlanItem::Restore(2, 1, other, 1, 0, 0)));
  EXPECT_TRUE(f.Matches(PlanItem::Restore(3, 1, other_cross, 1, 0, 0)));
}

}  // namespace
}  // namespace bs
