// ParseAmount (issue 13): amounts in 1.000 kr. as sheets write them, Danish and English.
#include <gtest/gtest.h>

#include "importers/sheet/sheet.h"
#include "importers/sheet_test_util.h"

namespace bs::sheet {
namespace {

TEST(ParseAmountTest, ReadsTheWaysSheetsWriteAmounts) {
  struct Case {
    std::string text;
    int64_t kroner;
  };
  for (const Case& c : std::vector<Case>{
           {"0", 0},
           {"12", 12'000},
           {"-500", -500'000},
           {"+500", 500'000},
           {"\xE2\x88\x92" "1.250", -1'250'000},  // U+2212 minus
           {"\xE2\x80\x93" "1.250", -1'250'000},  // an en dash for a minus
           {"-1.250,5", -1'250'500},              // Danish
           {"1.250", 1'250'000},                  // dots grouping by three are thousands
           {"1.250.000", 1'250'000'000},
           {"1250.5", 1'250'500},                 // otherwise a decimal point
           {"0.5", 500},
           {"0.500", 500},                        // a first group of 0 is no thousands group
           {"1.25", 1'250},
           {".5", 500},
           {"12,5", 12'500},                      // one comma: the Danish decimal comma
           {"1,250", 1'250},
           {"1234,125", 1'234'125},
           {"1,250,000", 1'250'000'000},          // several commas grouping by three: thousands
           {"-1,250.5", -1'250'500},              // both: the last is the decimal separator
           {"1.250.000,25", 1'250'000'250},
           {"1,250,000.25", 1'250'000'250},
           {"(1.250)", -1'250'000},               // accountants' negative
           {"(12,5)", -12'500},
           {"1 250", 1'250'000},                  // spaces group thousands too
           {"1\xC2\xA0" "250,5", 1'250'500},      // no-break space
           {"1\xE2\x80\xAF" "250", 1'250'000},    // narrow no-break space
           {"  -1.250 kr.", -1'250'000},
           {"1.250 t.kr.", 1'250'000},
           {"1.250 tkr.", 1'250'000},
           {"kr. 1.250", 1'250'000},
           {"-", 0},
           {"\xE2\x80\x93", 0},                   // – alone
           {"\xE2\x80\x94", 0},                   // — alone
           {"1,2500", 1'250},                     // trailing zeros past three decimals
       }) {
    auto r = ParseAmount(TextCell(c.text));
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.error().message;
    ASSERT_TRUE(r->has_value()) << c.text;
    EXPECT_EQ((*r)->kroner(), c.kroner) << c.text;
  }
}

TEST(ParseAmountTest, RefusesWhatIsNoAmount) {
  struct Case {
    std::string text, message;
  };
  for (const Case& c : std::vector<Case>{
           {"12x", "«12x» er ikke et beløb."},
           {"abc", "«abc» er ikke et beløb."},
           {"1.2.3", "«1.2.3» er ikke et beløb."},
           {"1,2,3", "«1,2,3» er ikke et beløb."},
           {"1.250,5,3", "«1.250,5,3» er ikke et beløb."},
           {"12,", "«12,» er ikke et beløb."},
           {"1.25,5", "«1.25,5» er ikke et beløb."},  // a thousands group of two
           {"--5", "«--5» er ikke et beløb."},
           {"(", "«(» er ikke et beløb."},
           {"kr.", "«kr.» er ikke et beløb."},
           {"1,2345", "«1,2345» har for mange decimaler: højst tre (hele kroner)."},
           {"1.2345", "«1.2345» har for mange decimaler: højst tre (hele kroner)."},
           {"99999999999", "«99999999999» er for stort et beløb."},
           {"Besparelsen kommer først, når udbuddet er afsluttet i 2026",
            "«Besparelsen kommer først, når udbuddet e…» er ikke et beløb."},
       }) {
    auto r = ParseAmount(TextCell(c.text));
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(ParseAmountTest, EmptyTextIsNoAmount) {
  for (std::string text : {"", "  ", "\xC2\xA0"}) {
    auto r = ParseAmount(TextCell(text));
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->has_value());
  }
}

TEST(ParseAmountTest, UsesANumericCellsNumberRoundedToWholeKroner) {
  Cell cell = NumberCell("0.30000000000000004", 0.1 + 0.2);
  auto r = ParseAmount(cell);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)->kroner(), 300);
  cell = NumberCell("-1250.5", -1250.5);
  EXPECT_EQ((*ParseAmount(cell))->kroner(), -1'250'500);
  cell = NumberCell("1.23456", 1.23456);
  EXPECT_EQ((*ParseAmount(cell))->kroner(), 1'235);
  cell = NumberCell("1e+20", 1e20);
  EXPECT_EQ(ParseAmount(cell).error().message, "«1e+20» er for stort et beløb.");
}

TEST(ParseAmountTest, RefusesDatesAndFormulasWithoutValue) {
  Cell date = NumberCell("10-06-2025", 45818);
  date.date = true;
  EXPECT_EQ(ParseAmount(date).error().message, "«10-06-2025» er en dato og ikke et beløb.");
  Cell formula;
  formula.formula = formula.formula_without_value = true;
  EXPECT_EQ(ParseAmount(formula).error().message,
            "Cellen har en formel uden beregnet værdi; åbn filen i Excel, gem den igen, og prøv igen.");
}

}  // namespace
}  // namespace bs::sheet
