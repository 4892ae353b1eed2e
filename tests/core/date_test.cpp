#include "core/date.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

TEST(DateTest, ParsesDanishAndIsoForms) {
  EXPECT_EQ(Date::Parse("10-06-2025")->Iso(), "2025-06-10");
  EXPECT_EQ(Date::Parse("2025-06-10")->Short(), "10-06-2025");
  EXPECT_EQ(Date::Parse("10.06.2025")->Long(), "10. juni 2025");
  EXPECT_EQ(Date::Parse("31-02-2025").error().code, ErrorCode::kInvalidArgument);
  // Issue 14: a date that does not exist says so, and why.
  EXPECT_EQ(Date::Parse("31-02-2025").error().message, "«31-02-2025» findes ikke: februar 2025 har 28 dage.");
  EXPECT_EQ(Date::Parse("29-02-2028").ok(), true);
  EXPECT_EQ(Date::Parse("01-13-2025").error().message, "«01-13-2025» findes ikke: der er 12 måneder.");
  EXPECT_EQ(Date::Parse("01-01-3000").error().message, "«01-01-3000»: året 3000 ligger uden for 1900-2200.");
  EXPECT_EQ(Date::Parse("i morgen").error().code, ErrorCode::kInvalidArgument);
  // What is quoted back is short and valid UTF-8, whatever was sent.
  EXPECT_EQ(Date::Parse(std::string(500, 'x') + "\xff").error().message,
            "«xxxxxxxxxxxxxxxxxxxx…» er ikke en dato (skriv fx 10-06-2025).");
}

// Issue 14: one message style for every date field: which field, and what is wrong.
TEST(DateTest, FieldErrorNamesTheFieldAndWhy) {
  EXPECT_EQ(DateFieldError("Mødedato", "31-02-2025"), "Mødedato: «31-02-2025» findes ikke: februar 2025 har 28 dage.");
  EXPECT_EQ(DateFieldError("Mødedato", " "), "Mødedato mangler (skriv fx 10-06-2025).");
  EXPECT_EQ(DateFieldError("Startdato", "10/06"), "Startdato: «10/06» er ikke en dato (skriv fx 10-06-2025).");
  EXPECT_EQ(DateFieldError("Startdato", "10-06-2025"), "");
}

TEST(DateTest, DaysRoundTrip) {
  Date d{2024, 2, 29};
  EXPECT_EQ(Date::FromDays(d.ToDays()), d);
  EXPECT_EQ(Date::FromDays(0), (Date{1970, 1, 1}));
}

TEST(DanishTimeTest, FollowsTheEuSummerTimeRule) {
  // 2025: summer time from 30 March 01:00 UTC to 26 October 01:00 UTC.
  EXPECT_EQ(DanishTime::FromUnix(1743296399).Short(), "30-03-2025 kl. 01:59");  // 00:59:59 UTC, winter
  EXPECT_EQ(DanishTime::FromUnix(1743296400).Short(), "30-03-2025 kl. 03:00");  // 01:00 UTC, summer
  EXPECT_EQ(DanishTime::FromUnix(1749549600).Short(), "10-06-2025 kl. 12:00");  // 10:00 UTC in June
  EXPECT_EQ(DanishTime::FromUnix(1761440399).Short(), "26-10-2025 kl. 02:59");  // 00:59:59 UTC, still summer
  EXPECT_EQ(DanishTime::FromUnix(1761440400).Short(), "26-10-2025 kl. 02:00");  // 01:00 UTC, winter again
  EXPECT_EQ(DanishTime::FromUnix(1767222000).Short(), "01-01-2026 kl. 00:00");  // 31-12-2025 23:00 UTC
}

TEST(DateTest, MonthNames) {
  EXPECT_EQ(ParseDanishMonth("Juni"), 6);
  EXPECT_EQ(ParseDanishMonth("dec."), 12);
  EXPECT_EQ(ParseDanishMonth("juno"), 0);
}

}  // namespace
}  // namespace bs
