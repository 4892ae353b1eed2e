// Read(): which reader a file goes to, and the CSV reader (issue 13): encodings,
// delimiters, RFC 4180 quotes, line ends, row numbers and limits.
#include <gtest/gtest.h>

#include "importers/sheet/sheet.h"
#include "importers/sheet_test_util.h"

namespace bs::sheet {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(SheetReadTest, RefusesAFileNamedXlsxThatIsNotAZip) {
  auto r = Read(Fixture("not_a_zip.xlsx"), "not_a_zip.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message, "Filen hedder .xlsx, men er ikke et XLSX-regneark (ikke en zip-fil).");
}

TEST(SheetReadTest, RefusesABinaryFile) {
  auto r = Read(Fixture("not_a_sheet.png"), "plan.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message, "Filen er hverken et XLSX-regneark eller en CSV-fil.");
}

TEST(SheetReadTest, NamesOtherKnownFileTypes) {
  struct Case {
    std::string bytes, filename, message;
  };
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  for (const Case& c : std::vector<Case>{
           {"%PDF-1.7\n...", "plan.pdf", "Filen er en PDF og ikke et regneark; gem regnearket som .xlsx eller CSV."},
           {ole, "plan.xls", "Filen er i det gamle Excel-format (.xls); gem den som .xlsx eller CSV."},
           {ole, "plan.xlsx", "Filen er beskyttet med adgangskode og kan ikke læses; fjern adgangskoden i Excel og gem den igen."},
           {"<html><table><tr><td>1</td></tr></table>", "plan.xls",
            "Filen er en webside (HTML) og ikke et regneark; åbn den i Excel og gem den som .xlsx eller CSV."},
       }) {
    auto r = Read(c.bytes, c.filename);
    ASSERT_FALSE(r.ok()) << c.filename;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(SheetReadTest, RefusesAFileOverTheSizeLimit) {
  Limits limits;
  limits.max_file_bytes = 100;
  auto r = Read(Fixture("plan_semicolon_utf8_bom.csv"), "plan.csv", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().message, "Filen er større end 100 byte.");
  EXPECT_EQ(Read("x", "plan.csv", Limits{}).ok(), true);
  auto big = Read(std::string(50u * 1024 * 1024 + 1, 'x'), "plan.csv");
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message, "Filen er større end 50 MB.");
}

TEST(CsvReaderTest, ReadsSemicolonUtf8WithBom) {
  auto r = Read(Fixture("plan_semicolon_utf8_bom.csv"), "plan.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->format, Format::kCsv);
  EXPECT_EQ(r->name, "plan.csv");
  EXPECT_EQ(r->delimiter, ';');
  EXPECT_FALSE(r->converted_from_windows_1252);
  EXPECT_TRUE(r->notes.empty());
  EXPECT_EQ(Texts(*r), (Rows{{"Kode", "Titel", "Udvalg", "2025", "2026", "2027", "2028", "Status"},
                             {"ØK-01", "Fælles indkøbsaftaler", "Økonomiudvalget", "-1.000", "-2.000", "-2.000", "-2.000", "I gang"},
                             {"BU-02", "Færre vikarer; bedre planlægning", "Børne- og Ungeudvalget", "-250,5", "-500", "-500",
                              "-500", "Ikke startet"},
                             {"TM-03", "Ny å-sti ved Søndersø", "Teknik- og Miljøudvalget", "1.250", "–", "–", "–", "Afsluttet"}}));
  EXPECT_EQ(RowNumbers(*r), (std::vector<int>{1, 2, 3, 5}));  // line 4 is empty
  EXPECT_FALSE(r->rows[0].cells[0].number.has_value());    // CSV cells are text
}

TEST(CsvReaderTest, ReadsCommaWithQuotedThousands) {
  auto r = Read(Fixture("plan_comma.csv"), "plan.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->delimiter, ',');
  EXPECT_EQ(Texts(*r), (Rows{{"Code", "Title", "Committee", "2025", "2026"},
                             {"ØK-01", "Shared purchasing", "Økonomiudvalget", "-1,000.5", "-2000"},
                             {"BU-02", "Fewer temps, better planning", "Børne- og Ungeudvalget", "-250.5", "-500"}}));
}

TEST(CsvReaderTest, ReadsTabSeparated) {
  auto r = Read(Fixture("plan_tab.csv"), "plan.txt");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->delimiter, '\t');
  EXPECT_EQ(Texts(*r), (Rows{{"Kode", "Titel", "Udvalg", "2025", "2026"},
                             {"ØK-01", "Indkøb, fælles", "Økonomiudvalget", "-1.000", "-2.000,5"},
                             {"BU-02", "Vikarer; færre", "Børne- og Ungeudvalget", "(250)"}}));
}

TEST(CsvReaderTest, ConvertsWindows1252) {
  auto r = Read(Fixture("plan_windows1252.csv"), "plan.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->converted_from_windows_1252);
  EXPECT_EQ(r->notes, std::vector<std::string>{"Filen var i Windows-1252 og er omsat til UTF-8."});
  EXPECT_EQ(r->delimiter, ';');
  EXPECT_EQ(Texts(*r), (Rows{{"Kode", "Titel", "Udvalg", "2025", "Bemærkning"},
                             {"ØK-01", "Fælles indkøb", "Økonomiudvalget", "-1.000", "Besparelse på 1 mio. € – anslået"},
                             {"BU-02", "Bedre å-pleje", "Børne- og Ungeudvalget", "–", "Afventer „KB“ … og ‚ØK‘ — snart"}}));
}

TEST(CsvReaderTest, MapsAllOfWindows1252High) {
  std::string bytes = "x;";
  for (int c = 0x80; c <= 0xFF; ++c)
    if (c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D) bytes.push_back(static_cast<char>(c));
  auto r = Read(bytes, "a.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows[0].cells[1].text,
            "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\xC2\xA0"
            "¡¢£¤¥¦§¨©ª«¬\xC2\xAD®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ");
}

TEST(CsvReaderTest, NamesTheLineOfAByteThatIsNeitherUtf8NorWindows1252) {
  auto r = Read("Kode;Titel\nA;B\nC;\x81\n", "a.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message,
            "Linje 3 indeholder et tegn (byte 0x81), der hverken er UTF-8 eller Windows-1252; gem filen som CSV (UTF-8).");
}

TEST(CsvReaderTest, ReadsUtf16WithBom) {
  std::u16string text = u"Kode\tTitel\r\nØK\tIndkøb €\r\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) bytes += {static_cast<char>(c & 0xFF), static_cast<char>(c >> 8)};
  auto r = Read(bytes, "a.txt");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->delimiter, '\t');
  EXPECT_EQ(Texts(*r), (Rows{{"Kode", "Titel"}, {"ØK", "Indkøb €"}}));
  EXPECT_EQ(r->notes, std::vector<std::string>{"Filen var i UTF-16 og er omsat til UTF-8."});
}

TEST(CsvReaderTest, QuotedNewlinesKeepTheLineWhereTheRecordStarts) {
  auto r = Read(Fixture("quoted_newlines.csv"), "a.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Texts(*r), (Rows{{"Kode", "Titel", "Bemærkning"},
                             {"ØK-01", "Indkøb", "Første linje\nanden linje med \"citat\""},
                             {"BU-02", "Vikarer", "Kort"}}));
  EXPECT_EQ(RowNumbers(*r), (std::vector<int>{1, 2, 4}));
}

TEST(CsvReaderTest, NamesTheLineOfAnUnterminatedQuote) {
  auto r = Read(Fixture("unterminated_quote.csv"), "a.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message, "Linje 3: et felt begynder med et anførselstegn (\"), der aldrig afsluttes.");
}

TEST(CsvReaderTest, AcceptsEveryLineEnd) {
  for (std::string end : {"\n", "\r\n", "\r"}) {
    auto r = Read("a;b" + end + end + "c;\"d" + end + "e\"" + end + "f;g", "a.csv");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(Texts(*r), (Rows{{"a", "b"}, {"c", "d\ne"}, {"f", "g"}}));
    EXPECT_EQ(RowNumbers(*r), (std::vector<int>{1, 3, 5}));
  }
}

TEST(CsvReaderTest, DetectsTheDelimiter) {
  struct Case {
    std::string text;
    char delimiter;
  };
  for (const Case& c : std::vector<Case>{
           {"a;b\n1;2,5\n3;4,5\n", ';'},            // decimal commas do not fool it
           {"a,b\n\"1;2\",3\n4,5\n", ','},          // quoted semicolons do not count
           {"a\tb\tc\n1\t2\t3\n", '\t'},
           {"a,b;c\n1,2;3\n", ';'},                 // a tie goes to ';'
           {"a\tb,c\n1\t2,3\n", '\t'},              // then TAB before ','
           {"Titel\nBudget 2025\n", ';'},           // one column
           {"Plan 2025\n\na,b,c\n1,2,3\n4,5,6\n", ','},  // a title line without any
       }) {
    auto r = Read(c.text, "a.csv");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->delimiter, c.delimiter) << c.text;
  }
}

TEST(CsvReaderTest, SingleColumnFile) {
  auto r = Read("Titel\nIndkøb\n\"Vikarer, færre\"\n", "a.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Texts(*r), (Rows{{"Titel"}, {"Indkøb"}, {"Vikarer, færre"}}));
}

TEST(CsvReaderTest, TrimsCellsAndDropsTrailingEmptyCells) {
  auto r = Read("  a ;\xC2\xA0 b\xC2\xA0; \"  c \" ;;;\n;;\n", "a.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Texts(*r), (Rows{{"a", "b", "c"}}));
  EXPECT_FALSE(r->rows[0].Empty());
}

TEST(CsvReaderTest, EmptyFileHasNoRows) {
  auto r = Read("\xEF\xBB\xBF", "a.csv");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->rows.empty());
}

TEST(CsvReaderTest, RefusesMoreCellsThanTheLimit) {
  Limits limits;
  limits.max_cells = 5;
  auto r = Read("a;b;c\nd;e;f\n", "a.csv", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().message, "Regnearket har flere end 5 udfyldte celler og afvises.");
}

TEST(CsvReaderTest, RefusesMoreColumnsThanTheLimit) {
  Limits limits;
  limits.max_columns = 3;
  auto r = Read("a;b;c\nd;e;f;g\n", "a.csv", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().message, "Linje 2 har flere end 3 kolonner.");
}

TEST(CsvReaderTest, RefusesControlCharacters) {
  auto r = Read("a;b\n\x01\x02;c\n", "a.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "Filen er hverken et XLSX-regneark eller en CSV-fil.");
}

TEST(RowTest, EmptyAndColumnNames) {
  EXPECT_TRUE(Row{}.Empty());
  EXPECT_TRUE((Row{1, {Cell{}, Cell{}}}.Empty()));
  EXPECT_FALSE((Row{1, {Cell{}, TextCell("x")}}.Empty()));
  EXPECT_EQ(ColumnName(0), "A");
  EXPECT_EQ(ColumnName(25), "Z");
  EXPECT_EQ(ColumnName(26), "AA");
  EXPECT_EQ(ColumnName(27), "AB");
  EXPECT_EQ(ColumnName(701), "ZZ");
  EXPECT_EQ(ColumnName(702), "AAA");
  EXPECT_EQ(ColumnName(16383), "XFD");
}

}  // namespace
}  // namespace bs::sheet
