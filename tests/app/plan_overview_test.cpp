// BuildOverview: the plan grouped as its document is (category, then committee in the
// bodies' order or theme), items in the given order, sums per group, category and plan;
// items whose committee or theme the plan does not have are left out; an owning overview
// stays valid after the items it was built from are gone.
#include <gtest/gtest.h>

#include "app/plan_register.h"
#include "app/round_service.h"
#include "demo/demo_plan.h"
#include "storage/memory/memory_plan_store.h"

namespace bs {
namespace {

class PlanOverviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto demo = demo::LoadDemo(plans_, rounds_, 0);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    ctx_ = *plans_.Context(demo->plan_id);
    ASSERT_GE(ctx_.committees.size(), 2u);
    ASSERT_FALSE(ctx_.themes.empty());
  }
  PlanItem Item(ItemId id, Category c, std::string committee, ThemeId theme, int64_t amount_2025,
                ProgressState state = ProgressState::kInProgress) {
    ItemData d;
    d.title = "Punkt " + std::to_string(id);
    d.category = c;
    d.committee = std::move(committee);
    d.theme_id = theme;
    d.state = state;
    d.amounts[2025] = Amount::FromKroner(amount_2025 * 1000);
    if (id % 2) d.realised[2025] = Amount::FromKroner((amount_2025 + 1) * 1000);
    return PlanItem::Restore(id, ctx_.plan.id(), std::move(d), 1, 0, 0);
  }
  std::vector<ItemId> Ids(const ItemGroup& g) {
    std::vector<ItemId> out;
    for (const PlanItem* i : g.items) out.push_back(i->id());
    return out;
  }

  FixedClock clock_{1'749'549'600};
  MemoryPlanStore store_;
  PlanRegister plans_{store_, clock_};
  RoundService rounds_{store_, plans_, clock_};
  PlanContext ctx_;
};

TEST_F(PlanOverviewTest, GroupsAsTheDocumentWithSums) {
  const std::string first = ctx_.committees[0].code, second = ctx_.committees[1].code;
  ThemeId theme = ctx_.themes[0].id;
  std::vector<PlanItem> items = {
      Item(1, Category::kOperating, second, 0, -100), Item(2, Category::kOperating, first, 0, -50),
      Item(3, Category::kOperating, second, 0, 20),   Item(4, Category::kOperating, "UKENDT", 0, -7),
      Item(5, Category::kIntent, first, theme, 0),     Item(6, Category::kIntent, "", 0, 0),
      Item(7, Category::kIntent, "", 99'999, 0),       Item(8, Category::kOperating, first, 0, -10, ProgressState::kDone),
  };
  PlanOverview ov = BuildOverview(ctx_, items, false);
  ASSERT_EQ(ov.sections.size(), 2u);
  EXPECT_EQ(ov.sections[0].category, Category::kOperating);
  ASSERT_EQ(ov.sections[0].groups.size(), 2u);  // in the bodies' order, not the items'
  EXPECT_EQ(ov.sections[0].groups[0].key, first);
  EXPECT_EQ(Ids(ov.sections[0].groups[0]), (std::vector<ItemId>{2, 8}));
  EXPECT_EQ(Ids(ov.sections[0].groups[1]), (std::vector<ItemId>{1, 3}));  // the given order kept
  EXPECT_EQ(ov.sections[0].count, 4u);                                    // item 4's committee is unknown
  EXPECT_EQ(ov.sections[1].category, Category::kIntent);
  ASSERT_EQ(ov.sections[1].groups.size(), 2u);
  EXPECT_EQ(ov.sections[1].groups[0].key, std::to_string(theme));
  EXPECT_EQ(ov.sections[1].groups[1].label, "Uden tema");
  EXPECT_EQ(Ids(ov.sections[1].groups[1]), (std::vector<ItemId>{6}));  // theme 99999 is not the plan's
  EXPECT_EQ(ov.count, 6u);
  // Sums: planned and expected (the realised where reported: odd ids report amount + 1).
  EXPECT_EQ(ov.sections[0].groups[1].sums.Year(2025).planned, Amount::FromKroner(-80'000));
  EXPECT_EQ(ov.sections[0].groups[1].sums.Year(2025).expected(), Amount::FromKroner((-99 + 21) * 1000));
  EXPECT_EQ(ov.totals.Year(2025).planned, Amount::FromKroner(-140'000));
  EXPECT_EQ(ov.sections[0].sums.Year(2025).planned, ov.totals.Year(2025).planned);

  PlanOverview split = BuildOverview(ctx_, items, true);
  EXPECT_EQ(Ids(split.sections[0].groups[0]), (std::vector<ItemId>{2}));
  ASSERT_EQ(split.completed.size(), 1u);
  EXPECT_EQ(split.completed[0]->id(), 8);
  EXPECT_EQ(split.count, 6u);
  EXPECT_EQ(split.totals.Year(2025).planned, ov.totals.Year(2025).planned);
}

TEST_F(PlanOverviewTest, AnOwningOverviewOutlivesItsItems) {
  PlanOverview copy;
  {
    std::vector<PlanItem> items = {Item(1, Category::kOperating, ctx_.committees[0].code, 0, -5)};
    PlanOverview ov = OwningOverview(ctx_, std::move(items), false);
    copy = ov;
  }
  ASSERT_EQ(copy.sections.size(), 1u);
  ASSERT_EQ(copy.sections[0].groups[0].items.size(), 1u);
  EXPECT_EQ(copy.sections[0].groups[0].items[0]->data().title, "Punkt 1");
}

}  // namespace
}  // namespace bs
