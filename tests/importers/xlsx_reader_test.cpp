// The XLSX reader (issue 13): the fixtures libxlsxwriter wrote (shared and inline
// strings, merged cells, formulas, dates), hand-made packages for what writers rarely
// produce, and the broken and hostile files: not a zip, truncated, no worksheet, zip
// bombs, a header that lies about its size, past the cell limits.
#include <gtest/gtest.h>

#include <cstring>

#include "importers/sheet/sheet.h"
#include "importers/sheet_test_util.h"
#include "importers/xlsx_test_util.h"

namespace bs::sheet {
namespace {

using Rows = std::vector<std::vector<std::string>>;

const Rows kFlat = {{"Kode", "Titel", "Udvalg", "2025", "2026", "2027", "2028", "Status"},
                    {"ØK-01", "Fælles indkøbsaftaler", "Økonomiudvalget", "-1000", "-2000", "-2000", "-2000", "I gang"},
                    {"BU-02", "Færre vikarer", "Børne- og Ungeudvalget", "-250.5", "-500", "-500", "-500", "Ikke startet"},
                    {"TM-03", "Ny å-sti ved Søndersø", "Teknik- og Miljøudvalget", "1250", "0", "0", "0", "Afsluttet"}};

Result<Sheet> ReadXlsx(const std::string& bytes, const Limits& limits = {}) { return Read(bytes, "plan.xlsx", limits); }

void ExpectError(const Result<Sheet>& r, ErrorCode code, const std::string& message) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, code);
  EXPECT_EQ(r.error().message, message);
}

TEST(XlsxReaderTest, ReadsAFlatTableWithSharedStrings) {
  auto r = ReadXlsx(Fixture("plan_flat.xlsx"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->format, Format::kXlsx);
  EXPECT_EQ(r->name, "Plan");
  EXPECT_EQ(r->delimiter, 0);
  EXPECT_EQ(Texts(*r), kFlat);
  EXPECT_EQ(RowNumbers(*r), (std::vector<int>{1, 2, 3, 4}));
  const Cell& amount = r->rows[2].cells[3];
  EXPECT_EQ(amount.number, -250.5);
  EXPECT_FALSE(amount.date || amount.formula || amount.merged_copy);
  EXPECT_FALSE(r->rows[0].cells[3].number.has_value());  // "2025" is a string there
}

TEST(XlsxReaderTest, ReadsInlineStrings) {
  auto r = ReadXlsx(Fixture("plan_inline_strings.xlsx"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Texts(*r), kFlat);
}

TEST(XlsxReaderTest, ReadsATitleBlockWithMergesFormulasAndDates) {
  auto r = ReadXlsx(Fixture("plan_title_block.xlsx"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "Udmøntningsplan");  // the first sheet only; "Noter" is not read
  EXPECT_EQ(Texts(*r), (Rows{{"Udmøntningsplan – budget 2025-2028"},  // a merge across: top-left only
                             {"Beløb i 1.000 kr."},
                             {"Udvalg", "Kode", "Titel", "2025", "2026", "Besluttet"},
                             {"Økonomiudvalget", "ØK-01", "Fælles indkøbsaftaler", "-1000", "-2000", "10-06-2025"},
                             {"Økonomiudvalget", "ØK-02", "Kloge m2", "-500.5", "-500"},
                             {"Økonomiudvalget", "ØK-03", "Ledelsesinformation", "0", "-250"},
                             {"Børne- og Ungeudvalget", "BU-01", "Færre vikarer", "-250", "-500", "01-03-2025"},
                             {"Børne- og Ungeudvalget", "BU-02", "Bedre skemaer", "100", "0"},
                             {"I alt", "", "", "-1650.5", "-3250"}}));
  EXPECT_EQ(RowNumbers(*r), (std::vector<int>{1, 2, 4, 5, 6, 7, 9, 10, 12}));
  EXPECT_FALSE(r->rows[3].cells[0].merged_copy);
  EXPECT_TRUE(r->rows[4].cells[0].merged_copy);
  EXPECT_TRUE(r->rows[7].cells[0].merged_copy);
  const Cell& date = r->rows[3].cells[5];
  EXPECT_TRUE(date.date);
  EXPECT_EQ(date.number, 45818);
  const Cell& total = r->rows[8].cells[3];
  EXPECT_TRUE(total.formula);
  EXPECT_FALSE(total.formula_without_value);
  EXPECT_EQ(total.number, -1650.5);
  EXPECT_EQ(ParseAmount(total)->value().kroner(), -1'650'500);
}

TEST(XlsxReaderTest, ReadsEveryKindOfCell) {
  XlsxParts p;
  p.shared_strings =
      "<si><t>plain</t></si>"
      "<si><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space=\"preserve\">text</t></r><rPh><t>phonetic</t></rPh></si>"
      "<si><t>line_x000D_\nbreak</t></si>"
      "<si><t>  </t></si>";
  p.sheet_data =
      "<row r=\"2\">"
      "<c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>2</v></c>"
      "<c r=\"D2\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r></is></c>"
      "<c r=\"E2\" t=\"str\"><f>A2&amp;\"!\"</f><v>plain!</v></c>"
      "<c r=\"F2\" t=\"b\"><v>1</v></c><c r=\"G2\" t=\"b\"><v>0</v></c>"
      "<c r=\"H2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
      "<c r=\"I2\"><f>SUM(A1:A3)</f></c>"
      "<c r=\"J2\"><v>1.5E-3</v></c>"
      "<c r=\"K2\" t=\"d\"><v>2025-06-10T00:00:00</v></c>"
      "<c r=\"M2\" t=\"s\"><v>3</v></c>"
      "</row>";
  auto r = ReadXlsx(Xlsx(p));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].number, 2);
  const auto& c = r->rows[0].cells;
  ASSERT_EQ(c.size(), 11u);  // M2 is only spaces: empty, so dropped with the gap at L
  EXPECT_EQ(Texts(*r), (Rows{{"plain", "rich text", "line\nbreak", "inline", "plain!", "1", "0", "#DIV/0!", "", "0.0015",
                              "10-06-2025"}}));
  EXPECT_TRUE(c[4].formula);
  EXPECT_FALSE(c[4].number.has_value());
  EXPECT_FALSE(c[5].number.has_value());
  EXPECT_TRUE(c[7].formula);
  EXPECT_TRUE(c[8].formula && c[8].formula_without_value);
  EXPECT_EQ(c[9].number, 0.0015);
  EXPECT_TRUE(c[10].date);
  EXPECT_EQ(c[10].number, 45818);
}

TEST(XlsxReaderTest, ShowsDatesByTheCellsNumberFormat) {
  XlsxParts p;
  p.styles =
      "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"[$-406]d. mmmm yyyy;@\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"0.00 &quot;dage&quot;\"/><numFmt numFmtId=\"166\" formatCode=\"h:mm\"/></numFmts>"
      "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
      "<xf numFmtId=\"166\"/></cellXfs>";
  p.sheet_data =
      "<row r=\"1\"><c r=\"A1\"><v>45818</v></c><c r=\"B1\" s=\"1\"><v>45818</v></c><c r=\"C1\" s=\"2\"><v>45818.5</v></c>"
      "<c r=\"D1\" s=\"3\"><v>45818</v></c><c r=\"E1\" s=\"4\"><v>0.5</v></c><c r=\"F1\" s=\"1\"><v>-5</v></c>"
      "<c r=\"G1\" s=\"99\"><v>7</v></c></row>";
  auto r = ReadXlsx(Xlsx(p));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Texts(*r), (Rows{{"45818", "10-06-2025", "10-06-2025", "45818", "0.5", "-5", "7"}}));
  std::vector<bool> dates;
  for (const Cell& cell : r->rows[0].cells) dates.push_back(cell.date);
  EXPECT_EQ(dates, (std::vector<bool>{false, true, true, false, false, false, false}));
  p.workbook_pr = "date1904=\"1\"";
  auto r1904 = ReadXlsx(Xlsx(p));
  ASSERT_TRUE(r1904.ok()) << r1904.error().message;
  EXPECT_EQ(r1904->rows[0].cells[1].text, "11-06-2029");  // 45818 days after 01-01-1904
}

TEST(XlsxReaderTest, FollowsRowsAndCellsWithoutReferencesAndPrefixedElements) {
  XlsxParts p;
  p.sheet_data = "<row><c><v>1</v></c><c><v>2</v></c></row><row r=\"5\"><c r=\"C5\"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>";
  auto r = ReadXlsx(Xlsx(p));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Texts(*r), (Rows{{"1", "2"}, {"", "", "3", "4"}, {"5"}}));
  EXPECT_EQ(RowNumbers(*r), (std::vector<int>{1, 5, 6}));
  // The OpenXML SDK's habit: every element prefixed.
  std::string x = "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  testing::ZipEntries entries = XlsxEntries(p);
  entries[3].second = "<x:worksheet " + x + "><x:sheetData><x:row r=\"1\"><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>prefixed</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>";
  auto prefixed = ReadXlsx(testing::BuildZip(entries));
  ASSERT_TRUE(prefixed.ok()) << prefixed.error().message;
  EXPECT_EQ(Texts(*prefixed), (Rows{{"", "prefixed"}}));
}

TEST(XlsxReaderTest, ReadsTheFirstVisibleWorksheet) {
  testing::ZipEntries entries = {
      {"xl/workbook.xml",
       "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Diagram\" r:id=\"rId3\"/><sheet name=\"Lister\" state=\"hidden\" "
       "r:id=\"rId2\"/><sheet name=\"Plan\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"/xl/worksheets/plan.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"./worksheets/../worksheets/lists.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"x/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/plan.xml", "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>plan</t></is></c></row></sheetData></worksheet>"},
      {"xl/worksheets/lists.xml", "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>lists</t></is></c></row></sheetData></worksheet>"},
      {"xl/chartsheets/sheet1.xml", "<chartsheet/>"},
  };
  auto r = ReadXlsx(testing::BuildZip(entries));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "Plan");
  EXPECT_EQ(Texts(*r), (Rows{{"plan"}}));
  entries[0].second = "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Lister\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>";
  auto hidden = ReadXlsx(testing::BuildZip(entries));
  ASSERT_TRUE(hidden.ok()) << hidden.error().message;
  EXPECT_EQ(hidden->name, "Lister");
}

TEST(XlsxReaderTest, FallsBackToSheet1WithoutAWorkbook) {
  auto r = ReadXlsx(testing::BuildZip(
      {{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"3\"><c r=\"B3\"><v>7</v></c></row></sheetData></worksheet>"}}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "");
  EXPECT_EQ(Texts(*r), (Rows{{"", "7"}}));
}

TEST(XlsxReaderTest, RefusesAZipWithoutAWorksheet) {
  ExpectError(ReadXlsx(testing::BuildZip({{"readme.txt", "hej"}})), ErrorCode::kInvalidArgument,
              "Filen er ikke et gyldigt XLSX-regneark: den indeholder intet regneark.");
  ExpectError(ReadXlsx(testing::BuildZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                          {"content.xml", "<office:document-content/>"}})),
              ErrorCode::kInvalidArgument, "Filen er et OpenDocument-regneark (.ods); gem den som .xlsx eller CSV.");
}

TEST(XlsxReaderTest, RefusesATruncatedZip) {
  std::string whole = Fixture("plan_flat.xlsx");
  for (size_t keep : {whole.size() / 2, whole.size() - 10, size_t{4}, size_t{30}}) {
    ExpectError(ReadXlsx(whole.substr(0, keep)), ErrorCode::kInvalidArgument,
                "Filen er ikke et gyldigt XLSX-regneark: zip-filen er beskadiget eller afkortet (blev den hentet helt?).");
  }
}

TEST(XlsxReaderTest, RefusesBrokenXml) {
  XlsxParts p;
  p.sheet_data = "<row r=\"1\"><c r=\"A1\"><v>1</v></row>";
  ExpectError(ReadXlsx(Xlsx(p)), ErrorCode::kInvalidArgument,
              "Filen er ikke et gyldigt XLSX-regneark: delen xl/worksheets/sheet1.xml er beskadiget (ugyldig XML).");
  p.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>";
  ExpectError(ReadXlsx(Xlsx(p)), ErrorCode::kInvalidArgument,
              "Filen er ikke et gyldigt XLSX-regneark: celle A1 henviser til en tekst, der ikke findes.");
  p.sheet_data = "<row r=\"1\"><c r=\"A2\"><v>5</v></c></row>";
  ExpectError(ReadXlsx(Xlsx(p)), ErrorCode::kInvalidArgument,
              "Filen er ikke et gyldigt XLSX-regneark: cellen «A2» har en ugyldig placering.");
  // Regression (found by the fuzzer): a broken reference shown in the message made the
  // message itself invalid UTF-8.
  p.sheet_data = "<row r=\"1\"><c r=\"A\xC3\"><v>5</v></c></row>";
  ExpectError(ReadXlsx(Xlsx(p)), ErrorCode::kInvalidArgument,
              "Filen er ikke et gyldigt XLSX-regneark: cellen «A?» har en ugyldig placering.");
  p.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\xC3</t></is></c></row>";
  ExpectError(ReadXlsx(Xlsx(p)), ErrorCode::kInvalidArgument,
              "Filen er ikke et gyldigt XLSX-regneark: celle A1 indeholder ugyldige tegn.");
}

TEST(XlsxReaderTest, RefusesAZipBombBeforeInflatingIt) {
  Limits limits;
  limits.max_inflated_bytes = 1024 * 1024;
  XlsxParts p;
  p.sheet_data = std::string(2 * 1024 * 1024, ' ');  // 2 MB of spaces deflate to a few kB
  std::string bomb = Xlsx(p);
  EXPECT_LT(bomb.size(), 20'000u);
  ExpectError(ReadXlsx(bomb, limits), ErrorCode::kTooLarge, "Regnearket fylder over 1 MB udpakket og afvises (zipbombe?).");
  // Parts each under the limit that together are over it.
  p.sheet_data = std::string(600 * 1024, ' ');
  p.shared_strings = "<si><t>" + std::string(600 * 1024, ' ') + "</t></si>";
  ExpectError(ReadXlsx(Xlsx(p), limits), ErrorCode::kTooLarge, "Regnearket fylder over 1 MB udpakket og afvises (zipbombe?).");
}

// Sets the uncompressed size of every entry in the local and central headers.
std::string WithClaimedSize(std::string zip, uint32_t size) {
  for (size_t at = zip.find("PK\x03\x04"); at != std::string::npos; at = zip.find("PK\x03\x04", at + 4))
    if (at + 26 <= zip.size()) std::memcpy(zip.data() + at + 22, &size, 4);
  for (size_t at = zip.find("PK\x01\x02"); at != std::string::npos; at = zip.find("PK\x01\x02", at + 4))
    if (at + 28 <= zip.size()) std::memcpy(zip.data() + at + 24, &size, 4);
  return zip;
}

TEST(XlsxReaderTest, ReadsNoMoreThanAHeaderClaims) {
  // The headers say 200 bytes; the deflated data holds far more. Reading stops at 200,
  // the part is then cut short or fails its checksum, and the file is refused.
  Limits limits;
  limits.max_inflated_bytes = 64 * 1024;
  XlsxParts p;
  p.sheet_data = std::string(4 * 1024 * 1024, ' ');
  auto r = ReadXlsx(WithClaimedSize(Xlsx(p), 200), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message.rfind("Filen er ikke et gyldigt XLSX-regneark: ", 0), 0u) << r.error().message;
}

TEST(XlsxReaderTest, CopiesAVerticalMergeWithinTheCellLimit) {
  Limits limits;
  limits.max_cells = 1000;
  XlsxParts p;
  p.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ØK</t></is></c></row>";
  p.after_sheet_data = "<mergeCells><mergeCell ref=\"A1:B1048576\"/></mergeCells>";
  ExpectError(ReadXlsx(Xlsx(p), limits), ErrorCode::kTooLarge, "Regnearket har flere end 1.000 udfyldte celler og afvises.");
  p.after_sheet_data = "<mergeCells><mergeCell ref=\"A1:C3\"/><mergeCell ref=\"A1:A1\"/></mergeCells>";
  auto r = ReadXlsx(Xlsx(p), limits);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(Texts(*r), (Rows{{"ØK"}, {"ØK"}, {"ØK"}}));
  EXPECT_EQ(RowNumbers(*r), (std::vector<int>{1, 2, 3}));
  p.after_sheet_data = "<mergeCells><mergeCell ref=\"A1:ZZ\"/></mergeCells>";
  ExpectError(ReadXlsx(Xlsx(p), limits), ErrorCode::kInvalidArgument,
              "Filen er ikke et gyldigt XLSX-regneark: de flettede celler «A1:ZZ» er ugyldige.");
}

TEST(XlsxReaderTest, RefusesPastTheCellColumnAndTextLimits) {
  Limits limits;
  limits.max_cells = 100;
  limits.max_columns = 50;
  XlsxParts p;
  p.sheet_data = "<row r=\"7\"><c r=\"AY7\"><v>1</v></c></row>";
  ExpectError(ReadXlsx(Xlsx(p), limits), ErrorCode::kTooLarge,
              "Række 7 har en celle i kolonne AY, ud over de 50 kolonner, der er tilladt.");
  // Few cells, but each far to the right: the empty cells before them cost memory too.
  limits.max_columns = 16384;
  p.sheet_data.clear();
  for (int row = 1; row <= 20; ++row)
    p.sheet_data += "<row r=\"" + std::to_string(row) + "\"><c r=\"XFD" + std::to_string(row) + "\"><v>1</v></c></row>";
  ExpectError(ReadXlsx(Xlsx(p), limits), ErrorCode::kTooLarge, "Regnearket har for mange celler (de tomme medregnet) og afvises.");
  // One long shared string in many cells.
  limits = Limits{};
  limits.max_inflated_bytes = 1024 * 1024;
  p.shared_strings = "<si><t>" + std::string(100 * 1024, 'x') + "</t></si>";
  p.sheet_data = "<row r=\"1\">";
  for (int col = 0; col < 20; ++col) p.sheet_data += "<c t=\"s\"><v>0</v></c>";
  p.sheet_data += "</row>";
  ExpectError(ReadXlsx(Xlsx(p), limits), ErrorCode::kTooLarge, "Regnearkets tekst fylder over 1 MB og afvises.");
}

}  // namespace
}  // namespace bs::sheet
