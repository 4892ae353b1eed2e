#include "core/text.h"

#include <algorithm>
#include <gtest/gtest.h>

namespace bs::text {
namespace {

TEST(DanishSortTest, AeOeAaSortAfterZ) {
  std::vector<std::string> words = {"Århus", "Zebra", "Ærø", "Øster", "anlæg", "Budget", "ødsel", "ælling", "zoo", "åben"};
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) { return DanishLess(a, b); });
  std::vector<std::string> expected = {"anlæg", "Budget", "Zebra", "zoo", "ælling", "Ærø", "ødsel", "Øster", "åben", "Århus"};
  EXPECT_EQ(words, expected);
}

TEST(FoldCaseTest, FoldsDanishCapitals) {
  EXPECT_EQ(FoldCase("ÆØÅ Økonomi BUU"), "æøå økonomi buu");
}

TEST(Utf8Test, RejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8("blåbærgrød"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(Utf8Test, ValidUtf8ReplacesEachBadByte) {
  EXPECT_EQ(ValidUtf8("blåbær"), "blåbær");
  EXPECT_EQ(ValidUtf8("\xFF\xFE bad.csv"), "\xEF\xBF\xBD\xEF\xBF\xBD bad.csv");
  EXPECT_EQ(ValidUtf8("a\xC3"), "a\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(ValidUtf8("\xC0\xAF\xED\xA0\x80x")));
}

TEST(CleanTest, RemovesControlCharactersAndNormalisesNewlines) {
  EXPECT_EQ(CleanMultiline("a\r\nb\x01" "c\rd"), "a\nbc\nd");
  EXPECT_EQ(CleanSingleLine("a\nb\tc"), "a b c");
  EXPECT_EQ(Trim("\xC2\xA0 x \xC2\xA0"), "x");
}

TEST(TruncateTest, CutsWholeCodePoints) {
  EXPECT_EQ(Truncate("blåbær", 3), "blå…");
  EXPECT_EQ(Truncate("blåbær", 6), "blåbær");
  EXPECT_EQ(Truncate("", 0), "");
}

}  // namespace
}  // namespace bs::text
