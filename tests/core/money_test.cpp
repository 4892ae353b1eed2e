#include "core/money.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

struct ParseCase {
  const char* input;
  bool ok;
  int64_t kroner;
};

class AmountParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(AmountParseTest, ParsesDanishNotation) {
  const ParseCase& c = GetParam();
  auto r = Amount::ParseTkr(c.input);
  ASSERT_EQ(r.ok(), c.ok) << c.input;
  if (c.ok) EXPECT_EQ(r->kroner(), c.kroner) << c.input;
  else EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Table, AmountParseTest, ::testing::Values(
    ParseCase{"0", true, 0},
    ParseCase{"-500", true, -500'000},
    ParseCase{"1.234", true, 1'234'000},
    ParseCase{"-1.234,5", true, -1'234'500},
    ParseCase{"12,5", true, 12'500},
    ParseCase{"1234,125", true, 1'234'125},
    ParseCase{" 7 ", true, 7'000},
    ParseCase{"+3", true, 3'000},
    ParseCase{"\xE2\x88\x92" "2.000", true, -2'000'000},
    ParseCase{"1.000.000", true, 1'000'000'000},
    ParseCase{"12,5,0", false, 0},
    ParseCase{"abc", false, 0},
    ParseCase{"", false, 0},
    ParseCase{"1.23", false, 0},
    ParseCase{"1.2345", false, 0},
    ParseCase{"12,", false, 0},
    ParseCase{"1,2345", false, 0},
    ParseCase{"12.5", false, 0},
    ParseCase{"-", false, 0},
    ParseCase{"99999999999", false, 0},
    ParseCase{"1e5", false, 0}));

TEST(AmountTest, FormatsWithDanishSeparators) {
  EXPECT_EQ(Amount::FromKroner(-1'234'500).FormatTkr(), "-1.234,5");
  EXPECT_EQ(Amount::FromKroner(1'000'000'000).FormatTkr(), "1.000.000");
  EXPECT_EQ(Amount::FromKroner(0).FormatTkr(), "0");
  EXPECT_EQ(Amount::FromKroner(250).FormatTkr(), "0,25");
  EXPECT_EQ(Amount::FromKroner(-400'000).FormatTkrTypographic(), "\xE2\x88\x92" "400");
}

TEST(AmountTest, FormatThenParseRoundTrips) {
  for (int64_t k : {0LL, 1LL, -1LL, 999LL, 1'000LL, -1'234'567LL, 987'654'321'000LL}) {
    auto parsed = Amount::ParseTkr(Amount::FromKroner(k).FormatTkr());
    ASSERT_TRUE(parsed.ok()) << k;
    EXPECT_EQ(parsed->kroner(), k);
  }
}

TEST(AmountTest, FromJsonNumberRejectsFractionsOfKroner) {
  EXPECT_EQ(Amount::FromTkrNumber(-1.5)->kroner(), -1'500);
  EXPECT_EQ(Amount::FromTkrNumber(0.0001).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Amount::FromTkrNumber(1e300).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace bs
