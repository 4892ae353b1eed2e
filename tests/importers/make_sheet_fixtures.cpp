// Writes the XLSX fixtures of tests/data/import/ with libxlsxwriter, the library the
// exports use, so that they are what a real writer makes (shared strings, merged
// ranges, formulas with cached values, date formats; inline strings in constant-memory
// mode). The fixtures are committed; run this again after changing it:
//   cmake --build build --target make_sheet_fixtures && ./build/tests/make_sheet_fixtures tests/data/import
// The files' timestamps are fixed so that rerunning changes nothing.
#include <xlsxwriter.h>

#include <cstdio>
#include <string>

namespace {

lxw_workbook* NewWorkbook(const std::string& path, bool constant_memory) {
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  static char title[] = "budgetspor testdata";
  lxw_doc_properties properties = {};
  properties.title = title;
  properties.created = 1735689600;  // 2025-01-01 00:00 UTC
  workbook_set_properties(wb, &properties);
  return wb;
}

const char* kHeader[] = {"Kode", "Titel", "Udvalg", "2025", "2026", "2027", "2028", "Status"};

// A flat table: one header row, then one item per row.
void WriteFlat(lxw_worksheet* ws) {
  for (int c = 0; c < 8; ++c) worksheet_write_string(ws, 0, c, kHeader[c], nullptr);
  struct Item {
    const char* code;
    const char* title;
    const char* committee;
    double amounts[4];
    const char* status;
  };
  const Item items[] = {
      {"ØK-01", "Fælles indkøbsaftaler", "Økonomiudvalget", {-1000, -2000, -2000, -2000}, "I gang"},
      {"BU-02", "Færre vikarer", "Børne- og Ungeudvalget", {-250.5, -500, -500, -500}, "Ikke startet"},
      {"TM-03", "Ny å-sti ved Søndersø", "Teknik- og Miljøudvalget", {1250, 0, 0, 0}, "Afsluttet"},
  };
  int row = 1;
  for (const Item& item : items) {
    worksheet_write_string(ws, row, 0, item.code, nullptr);
    worksheet_write_string(ws, row, 1, item.title, nullptr);
    worksheet_write_string(ws, row, 2, item.committee, nullptr);
    for (int y = 0; y < 4; ++y) worksheet_write_number(ws, row, 3 + y, item.amounts[y], nullptr);
    worksheet_write_string(ws, row, 7, item.status, nullptr);
    ++row;
  }
}

bool Close(lxw_workbook* wb, const std::string& path) {
  lxw_error error = workbook_close(wb);
  if (error != LXW_NO_ERROR) std::fprintf(stderr, "%s: %s\n", path.c_str(), lxw_strerror(error));
  return error == LXW_NO_ERROR;
}

bool PlanFlat(const std::string& dir) {
  std::string path = dir + "/plan_flat.xlsx";
  lxw_workbook* wb = NewWorkbook(path, false);
  WriteFlat(workbook_add_worksheet(wb, "Plan"));
  return Close(wb, path);
}

// The same table written in constant-memory mode, where strings are inline.
bool PlanInlineStrings(const std::string& dir) {
  std::string path = dir + "/plan_inline_strings.xlsx";
  lxw_workbook* wb = NewWorkbook(path, true);
  WriteFlat(workbook_add_worksheet(wb, "Plan"));
  return Close(wb, path);
}

// A plan as people lay it out: a title block, a heading merged across columns, a
// committee merged down beside its items, empty rows, a total row of formulas with
// cached values, a decision date, and a second sheet that is not read.
//   1  Udmøntningsplan – budget 2025-2028   (A1:H1 merged)
//   2  Beløb i 1.000 kr.
//   4  Udvalg | Kode | Titel | 2025 | 2026 | Besluttet
//   5  Økonomiudvalget (A5:A7 merged) | ØK-01 | Fælles indkøbsaftaler | -1000 | -2000 | 10-06-2025
//   6                                   | ØK-02 | Kloge m2              | -500,5 | -500
//   7                                   | ØK-03 | Ledelsesinformation   | 0 | -250
//   9  Børne- og Ungeudvalget (A9:A10)  | BU-01 | Færre vikarer         | -250 | -500 | 01-03-2025
//  10                                   | BU-02 | Bedre skemaer         | 100 | 0
//  12  I alt                            |       |                       | =SUM(D5:D10) -1650.5 | =SUM(E5:E10) -3250
bool PlanTitleBlock(const std::string& dir) {
  std::string path = dir + "/plan_title_block.xlsx";
  lxw_workbook* wb = NewWorkbook(path, false);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Udmøntningsplan");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd-mm-yyyy");
  lxw_format* merged = workbook_add_format(wb);
  format_set_align(merged, LXW_ALIGN_VERTICAL_TOP);
  worksheet_merge_range(ws, 0, 0, 0, 7, "Udmøntningsplan – budget 2025-2028", merged);
  worksheet_write_string(ws, 1, 0, "Beløb i 1.000 kr.", nullptr);
  const char* header[] = {"Udvalg", "Kode", "Titel", "2025", "2026", "Besluttet"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 3, c, header[c], nullptr);
  worksheet_merge_range(ws, 4, 0, 6, 0, "Økonomiudvalget", merged);
  worksheet_merge_range(ws, 8, 0, 9, 0, "Børne- og Ungeudvalget", merged);
  struct Item {
    int row;
    const char* code;
    const char* title;
    double y2025, y2026;
    int day, month;
  };
  const Item items[] = {{4, "ØK-01", "Fælles indkøbsaftaler", -1000, -2000, 10, 6},
                        {5, "ØK-02", "Kloge m2", -500.5, -500, 0, 0},
                        {6, "ØK-03", "Ledelsesinformation", 0, -250, 0, 0},
                        {8, "BU-01", "Færre vikarer", -250, -500, 1, 3},
                        {9, "BU-02", "Bedre skemaer", 100, 0, 0, 0}};
  for (const Item& item : items) {
    worksheet_write_string(ws, item.row, 1, item.code, nullptr);
    worksheet_write_string(ws, item.row, 2, item.title, nullptr);
    worksheet_write_number(ws, item.row, 3, item.y2025, nullptr);
    worksheet_write_number(ws, item.row, 4, item.y2026, nullptr);
    if (item.day) {
      lxw_datetime when = {2025, item.month, item.day, 0, 0, 0};
      worksheet_write_datetime(ws, item.row, 5, &when, date);
    }
  }
  worksheet_write_string(ws, 11, 0, "I alt", nullptr);
  worksheet_write_formula_num(ws, 11, 3, "=SUM(D5:D10)", nullptr, -1650.5);
  worksheet_write_formula_num(ws, 11, 4, "=SUM(E5:E10)", nullptr, -3250);
  lxw_worksheet* notes = workbook_add_worksheet(wb, "Noter");
  worksheet_write_string(notes, 0, 0, "Dette ark læses ikke.", nullptr);
  return Close(wb, path);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_sheet_fixtures DIR\n");
    return 2;
  }
  std::string dir = argv[1];
  bool ok = PlanFlat(dir) && PlanInlineStrings(dir) && PlanTitleBlock(dir);
  return ok ? 0 : 1;
}
