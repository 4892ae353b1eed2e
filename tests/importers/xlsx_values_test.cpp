// The XLSX reader's small pieces (issue 13): references, date formats, serial dates,
// number text, _xHHHH_ escapes.
#include <gtest/gtest.h>

#include <cmath>

#include "importers/sheet/internal/xlsx_values.h"

namespace bs::sheet::internal {
namespace {

TEST(XlsxValuesTest, ParsesCellReferences) {
  auto c7 = ParseCellRef("C7");
  ASSERT_TRUE(c7);
  EXPECT_EQ(c7->row, 7);
  EXPECT_EQ(c7->column, 2u);
  auto last = ParseCellRef("$XFD$1048576");
  ASSERT_TRUE(last);
  EXPECT_EQ(last->column, 16383u);
  EXPECT_EQ(last->row, 1'048'576);
  EXPECT_EQ(ParseCellRef("aa10")->column, 26u);
  for (const char* bad : {"", "7", "C", "C0", "C-1", "C+1", "ABCD1", "C1048577", "C7x", "C 7", "1C"})
    EXPECT_FALSE(ParseCellRef(bad)) << bad;
}

TEST(XlsxValuesTest, KnowsWhichFormatsShowDates) {
  for (unsigned id : {14u, 15u, 17u, 22u, 45u, 47u}) EXPECT_TRUE(IsBuiltInDateFormat(id)) << id;
  for (unsigned id : {0u, 1u, 4u, 13u, 23u, 44u, 48u, 164u}) EXPECT_FALSE(IsBuiltInDateFormat(id)) << id;
  for (const char* code : {"dd-mm-yyyy", "d. mmmm yyyy", "[$-406]d. mmmm yyyy;@", "DD/MM/YY", "mmm", "yyyy",
                           "m/d/yy h:mm", "[Red]dd-mm-yyyy"})
    EXPECT_TRUE(IsDateFormatCode(code)) << code;
  for (const char* code : {"General", "0.00", "#,##0", "0.00 \"dage\"", "h:mm", "[h]:mm:ss", "mm:ss", "\\d0",
                           "[Red]0", "#,##0_);(#,##0)", "0 \"kr. i alt\""})
    EXPECT_FALSE(IsDateFormatCode(code)) << code;
}

TEST(XlsxValuesTest, FormatsSerialDatesLikeExcel) {
  struct Case {
    double serial;
    bool date1904;
    const char* text;
  };
  for (const Case& c : std::vector<Case>{
           {0, false, "00-01-1900"},
           {1, false, "01-01-1900"},
           {59, false, "28-02-1900"},
           {60, false, "29-02-1900"},  // Lotus 1-2-3's leap day, kept by Excel
           {61, false, "01-03-1900"},
           {45818, false, "10-06-2025"},
           {45818.75, false, "10-06-2025"},  // the time of day is dropped
           {2958465, false, "31-12-9999"},
           {0, true, "01-01-1904"},
           {44356, true, "10-06-2025"},
       }) {
    auto text = DateText(c.serial, c.date1904);
    ASSERT_TRUE(text) << c.serial;
    EXPECT_EQ(*text, c.text) << c.serial;
  }
  EXPECT_FALSE(DateText(-1, false));
  EXPECT_FALSE(DateText(2958466, false));
  EXPECT_FALSE(DateText(std::nan(""), false));
}

TEST(XlsxValuesTest, ReadsIsoDates) {
  EXPECT_EQ(SerialFromIsoDate("2025-06-10", false), 45818);
  EXPECT_EQ(SerialFromIsoDate("2025-06-10T00:00:00", false), 45818);
  EXPECT_EQ(SerialFromIsoDate("2025-06-10", true), 44356);
  EXPECT_EQ(SerialFromIsoDate("1900-03-01", false), 61);
  EXPECT_EQ(SerialFromIsoDate("1900-02-28", false), 59);
  for (const char* bad : {"", "2025-02-30", "2025-13-01", "10-06-2025", "2025-06-10x", "+202-06-10"})
    EXPECT_FALSE(SerialFromIsoDate(bad, false)) << bad;
}

TEST(XlsxValuesTest, WritesTheShortestNumberText) {
  EXPECT_EQ(NumberText(-1250.5), "-1250.5");
  EXPECT_EQ(NumberText(1250), "1250");
  EXPECT_EQ(NumberText(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(NumberText(-0.0), "0");
}

TEST(XlsxValuesTest, DecodesEscapes) {
  EXPECT_EQ(DecodeEscapes("a_x000D_b"), "a\rb");
  EXPECT_EQ(DecodeEscapes("_x00E6_"), "æ");
  EXPECT_EQ(DecodeEscapes("_x005F_x0041_"), "_x0041_");  // an escaped underscore
  EXPECT_EQ(DecodeEscapes("_x12_ _xZZZZ_ _x"), "_x12_ _xZZZZ_ _x");
  EXPECT_EQ(DecodeEscapes("_xD800_"), "");
}

}  // namespace
}  // namespace bs::sheet::internal
