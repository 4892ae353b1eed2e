#include "domain/plan/timing.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

TEST(TimingTest, RecognisesMonthsQuartersAndYears) {
  EXPECT_EQ(Timing::Parse("juni 2025")->Display(), "juni 2025");
  EXPECT_EQ(Timing::Parse("Jun 2025")->Display(), "juni 2025");
  EXPECT_EQ(Timing::Parse("06-2025")->Display(), "juni 2025");
  EXPECT_EQ(Timing::Parse("2025-06")->Display(), "juni 2025");
  EXPECT_EQ(Timing::Parse("2. kvartal 2025")->Display(), "2. kvartal 2025");
  EXPECT_EQ(Timing::Parse("Q2 2025")->Display(), "2. kvartal 2025");
  EXPECT_EQ(Timing::Parse("2026")->kind(), Timing::Kind::kYear);
  EXPECT_EQ(Timing::Parse("efter sommerferien")->kind(), Timing::Kind::kText);
  EXPECT_EQ(Timing::Parse("")->kind(), Timing::Kind::kNone);
}

TEST(TimingTest, SortsByTimeThenFreeTextThenNone) {
  int may = Timing::Parse("maj 2025")->SortKey();
  int q2 = Timing::Parse("2. kvartal 2025")->SortKey();
  int year = Timing::Parse("2025")->SortKey();
  int text = Timing::Parse("løbende")->SortKey();
  int none = Timing::Parse("")->SortKey();
  EXPECT_LT(may, q2);
  EXPECT_LT(q2, year);
  EXPECT_LT(year, text);
  EXPECT_LT(text, none);
}

TEST(TimingTest, RejectsOverlongText) {
  EXPECT_EQ(Timing::Parse(std::string(201, 'x')).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace bs
