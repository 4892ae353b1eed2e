// Writes the plan-sheet fixtures of tests/data/import/plan/ (issue 13) with libxlsxwriter:
// three layouts municipalities use, over the demo plan's bodies and themes, so their dry
// runs against `budgetspor demo` have golden JSON (tests/cli/import_cli_test.sh), and
// a 5,000-row sheet for bench/import.sh. Committed; rerun after changing it:
//   cmake --build build --target make_plan_sheet_fixtures && ./build/tests/make_plan_sheet_fixtures tests/data/import/plan
//   ./build/tests/make_plan_sheet_fixtures --rows 5000 /tmp/plan5000.xlsx   (bench)
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

lxw_workbook* NewWorkbook(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  static char title[] = "budgetspor testdata";
  lxw_doc_properties properties = {};
  properties.title = title;
  properties.created = 1735689600;  // fixed, so that rerunning changes nothing
  workbook_set_properties(wb, &properties);
  return wb;
}

// Layout 1, a flat table with the words a finance department writes: codes as the
// catalogue writes them (with and without the space), amounts as numbers and as one
// formula with its cached value, an X column for completed.
void Flat(const std::string& dir) {
  lxw_workbook* wb = NewWorkbook(dir + "/flat.xlsx");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Udmøntningsplan");
  const char* header[] = {"Forslag nr.", "Emne", "Fagudvalg", "Ansvarlig", "Status", "Trafiklys", "Budget 2025", "B2026",
                          "Overslagsår 2027", "Overslagsår 2028", "X"};
  for (int c = 0; c < 11; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  struct Row { const char* code; const char* title; const char* committee; const char* responsible; const char* status;
               const char* light; double amounts[4]; const char* done; };
  const Row rows[] = {
      // the demo's R101 (I)(B), written without the space: an update of its status and light
      {"R101(I)(B)", "Skriftlige fremstillinger", "ØK", "Digitaliseringschef Lone Krogh",
       "Skabeloner til dagsordenspunkter er taget i brug i alle forvaltninger.", "Gul", {-150, -300, -300, -300}, ""},
      {"R706", "Samling af demensindsatsen i Glesborg", "Voksen- og Plejeudvalget", "Ældrechef Hanne Mørk",
       "Indsatsen er samlet, og personalet er flyttet.", "Grøn", {-500, -1000, -1000, -1000}, "X"},
      {"R412(B)", "Færre kørselsordninger i dagtimerne", "MTU", "Trafikchef Søren Vig",
       "Høring af handicaprådet i juni.", "rød", {-250.5, -500, -500, -500}, ""},
      {"R413", "Fælles indkøb af kontorartikler", "Økonomiudvalget", "Indkøbschef Bo Nyholm", "", "", {-75, -150, -150, -150}, ""},
  };
  int r = 1;
  for (const Row& row : rows) {
    worksheet_write_string(ws, r, 0, row.code, nullptr);
    worksheet_write_string(ws, r, 1, row.title, nullptr);
    worksheet_write_string(ws, r, 2, row.committee, nullptr);
    worksheet_write_string(ws, r, 3, row.responsible, nullptr);
    if (*row.status) worksheet_write_string(ws, r, 4, row.status, nullptr);
    if (*row.light) worksheet_write_string(ws, r, 5, row.light, nullptr);
    for (int y = 0; y < 4; ++y) {
      if (y == 3 && r == 4) worksheet_write_formula_num(ws, r, 6 + y, "=I5", nullptr, row.amounts[y]);  // a formula, cached
      else worksheet_write_number(ws, r, 6 + y, row.amounts[y], nullptr);
    }
    if (*row.done) worksheet_write_string(ws, r, 10, row.done, nullptr);
    ++r;
  }
  workbook_close(wb);
}

// Layout 2, as the document is laid out: a title block, the header on row 4, heading
// rows (merged across) for category, committee and theme, empty rows between groups.
void Document(const std::string& dir) {
  lxw_workbook* wb = NewWorkbook(dir + "/document.xlsx");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Plan");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  worksheet_write_string(ws, 0, 0, "Udmøntningsplan 2025-2028", bold);
  worksheet_write_string(ws, 1, 0, "Status pr. ultimo maj 2025 – tidspunkter er vejledende", nullptr);
  const char* header[] = {"Nr.", "Titel", "Ansvarlig", "Politisk behandling", "Tidspunkt", "Status", "Trafiklys",
                          "2025", "2026", "2027", "2028", "Tværgående"};
  for (int c = 0; c < 12; ++c) worksheet_write_string(ws, 3, c, header[c], bold);
  int r = 4;
  auto heading = [&](const char* text) {
    worksheet_merge_range(ws, r, 0, r, 11, text, bold);
    ++r;
  };
  struct Row { const char* code; const char* title; const char* responsible; const char* treatment; const char* timing;
               const char* status; const char* light; double amounts[4]; const char* cross; };
  auto item = [&](const Row& row) {
    if (*row.code) worksheet_write_string(ws, r, 0, row.code, nullptr);
    worksheet_write_string(ws, r, 1, row.title, nullptr);
    worksheet_write_string(ws, r, 2, row.responsible, nullptr);
    worksheet_write_string(ws, r, 3, row.treatment, nullptr);
    if (*row.timing) worksheet_write_string(ws, r, 4, row.timing, nullptr);
    if (*row.status) worksheet_write_string(ws, r, 5, row.status, nullptr);
    if (*row.light) worksheet_write_string(ws, r, 6, row.light, nullptr);
    for (int y = 0; y < 4; ++y) worksheet_write_number(ws, r, 7 + y, row.amounts[y], nullptr);
    if (*row.cross) worksheet_write_string(ws, r, 11, row.cross, nullptr);
    ++r;
  };
  heading("Driftsændringer");
  heading("Økonomiudvalget");
  item({"", "Effektiviseringsbidrag og novembergreb", "Økonomichef Bettina Andersen", "Ordinær drift", "",
        "Bidraget er fordelt på alle udvalg.", "Grøn", {-4000, -8000, -8000, -8000}, "X"});
  item({"", "Fælles rekruttering af vikarer", "HR-chef Anja Friis", "ØK august 2025, KB august 2025", "3. kvartal 2025",
        "Udbuddet forberedes.", "Gul", {-300, -600, -600, -600}, ""});
  ++r;  // an empty row between groups
  heading("Børne- og Ungdomsudvalget");
  item({"", "Taskforce udsatte unge", "Familiechef Karen Due", "BUU september 2025", "", "Taskforcen er nedsat.", "Grøn",
        {0, 0, 0, 0}, ""});
  ++r;
  heading("Råderumsforslag");
  heading("BUU");
  item({"R307 (B)", "Investering i fraværsindsatsen på BUU - besparelser på forsørgelsesudgifter", "Familiechef Karen Due",
        "BUU juni 2025", "", "Første måling af fraværet er lavet.", "Gul", {-200, -400, -600, -800}, ""});
  ++r;
  heading("Anlægsprojekter");
  heading("Miljø- og Teknikudvalget");
  item({"", "Ny cykelsti mellem Grenaa og Trustrup", "Vejchef Peter Lund", "MTU oktober 2025", "2026", "", "",
        {500, 2500, 0, 0}, ""});
  ++r;
  heading("Hensigtserklæringer");
  heading("Partnerskaber");
  item({"", "Partnerskab med erhvervsskolerne om praktikpladser", "Erhvervschef Mads Holm", "Ordinær drift", "", "", "",
        {0, 0, 0, 0}, ""});
  ++r;
  worksheet_write_string(ws, r, 1, "I alt", bold);
  worksheet_write_number(ws, r, 7, -4000, nullptr);
  workbook_close(wb);
}

// A large flat sheet for bench/import.sh.
void Large(const std::string& path, int rows) {
  lxw_workbook* wb = NewWorkbook(path);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Plan");
  const char* header[] = {"Nr.", "Titel", "Udvalg", "Ansvarlig", "Status", "Trafiklys", "2025", "2026", "2027", "2028"};
  for (int c = 0; c < 10; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  const char* committees[] = {"ØK", "BUU", "VPU", "AU", "MTU", "KFU", "EU"};
  const char* lights[] = {"Grøn", "Gul", "Rød", ""};
  for (int i = 0; i < rows; ++i) {
    char code[16], title[96];
    std::snprintf(code, sizeof code, "R%d(B)", 5000 + i);
    std::snprintf(title, sizeof title, "Forslag %d om bedre arbejdsgange i forvaltningen", i + 1);
    worksheet_write_string(ws, i + 1, 0, code, nullptr);
    worksheet_write_string(ws, i + 1, 1, title, nullptr);
    worksheet_write_string(ws, i + 1, 2, committees[i % 7], nullptr);
    worksheet_write_string(ws, i + 1, 3, "Fagchef Jens Hansen", nullptr);
    worksheet_write_string(ws, i + 1, 4, "Forslaget udmøntes som planlagt.", nullptr);
    if (*lights[i % 4]) worksheet_write_string(ws, i + 1, 5, lights[i % 4], nullptr);
    for (int y = 0; y < 4; ++y) worksheet_write_number(ws, i + 1, 6 + y, -(i % 50) * 10.5 - y, nullptr);
  }
  workbook_close(wb);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && !std::strcmp(argv[1], "--rows")) {
    Large(argv[3], std::atoi(argv[2]));
    return 0;
  }
  if (argc != 2) {
    std::fprintf(stderr, "brug: make_plan_sheet_fixtures DIR | --rows N FIL.xlsx\n");
    return 2;
  }
  Flat(argv[1]);
  Document(argv[1]);
  return 0;
}
