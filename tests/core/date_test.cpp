#include "core/date.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

TEST(DateTest, ParsesDanishAndIsoForms) {
  EXPECT_EQ(Date::Parse("10-06-2025")->Iso(), "2025-06-10");
  EXPECT_EQ(Date::Parse("2025-06-10")->Short(), "10-06-2025");
  EXPECT_EQ(Date::Parse("10.06.2025")->Long(), "10. juni 2025");
  EXPECT_EQ(Date::Parse("31-02-2025").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Date::Parse("i morgen").error().code, ErrorCode::kInvalidArgument);
}

TEST(DateTest, DaysRoundTrip) {
  Date d{2024, 2, 29};
  EXPECT_EQ(Date::FromDays(d.ToDays()), d);
  EXPECT_EQ(Date::FromDays(0), (Date{1970, 1, 1}));
}

TEST(DateTest, MonthNames) {
  EXPECT_EQ(ParseDanishMonth("Juni"), 6);
  EXPECT_EQ(ParseDanishMonth("dec."), 12);
  EXPECT_EQ(ParseDanishMonth("juno"), 0);
}

}  // namespace
}  // namespace bs
