// The report files (issue 11), from the demo plan in memory with a fixed clock: CSV byte
// for byte against a golden file, XLSX read back and compared cell by cell (number
// formats, frozen header, filter), the PDF's text through pdftotext, its styles through
// pdftohtml (OBS red, redline red and grey) and its pixels (struck-through and
// underlined), its tags, outline and language. UPDATE_GOLDEN=1 rewrites the golden files.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "app/report_service.h"
#include "demo/demo_plan.h"
#include "exporters/report_files.h"
#include "storage/memory/memory_plan_store.h"
#include "support/pdf_text.h"
#include "support/viewers.h"
#include "support/xlsx_read.h"

namespace bs {
namespace {

using testing::ReadXlsx;

std::string Golden(const std::string& name) { return std::string(BUDGETSPOR_TEST_DATA) + "/" + name; }

// Compares with a golden file, or writes it when UPDATE_GOLDEN is set.
void ExpectGolden(const std::string& name, const std::string& actual) {
  if (std::getenv("UPDATE_GOLDEN")) {
    std::ofstream(Golden(name), std::ios::binary) << actual;
    GTEST_SKIP() << "golden file written: " << name;
  }
  std::ifstream in(Golden(name), std::ios::binary);
  ASSERT_TRUE(in) << "missing " << name << " (run with UPDATE_GOLDEN=1 to create it)";
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_EQ(actual, s.str()) << name;
}

std::string Shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

class ReportFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto demo = demo::LoadDemo(plans_, rounds_, 0);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    plan_ = demo->plan_id;
    dir_ = std::filesystem::temp_directory_path() / ("budgetspor-files-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Report Build(ReportKind kind, const Viewer& v, ReportRequest r = {}) {
    r.kind = kind;
    r.plan = plan_;
    if (r.basis == ReportRequest::Basis::kDefault) r.basis = ReportRequest::Basis::kLatest;
    auto report = reports_.Build(v, r);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : Report{};
  }
  std::string Save(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  FixedClock clock_{1'749'549'600};  // 10-06-2025
  MemoryPlanStore store_;
  PlanRegister plans_{store_, clock_};
  RoundService rounds_{store_, plans_, clock_};
  ReportService reports_{store_, plans_, rounds_, clock_};
  ReportFiles files_;
  PlanId plan_ = 0;
  std::filesystem::path dir_;
};

Viewer Staff() { return testing::SignedIn(Role::kFinance, "okonomi", "Mette Holm"); }

TEST_F(ReportFilesTest, PlanCsvMatchesTheGoldenFileByteForByte) {
  std::string csv = files_.Csv(Build(ReportKind::kPlan, Viewer::Anonymous()), ',');
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "UTF-8 byte order mark for Excel";
  EXPECT_NE(csv.find("\r\n"), std::string::npos) << "RFC 4180 line ends";
  ExpectGolden("report_plan.golden.csv", csv);
}

TEST_F(ReportFilesTest, CsvQuotesWhatNeedsQuotingAndDanishExcelGetsSemicolonsAndDecimalCommas) {
  ItemDraft d;
  d.category = "operating";
  d.committee = "BUU";
  d.title = "Titel med \"citat\"; semikolon, og komma";
  d.status_text = "Første linje\nanden linje";
  d.amounts = {{"2025", "-12,5"}};
  ASSERT_TRUE(plans_.CreateItem(plan_, d, plans_.Meta("test", "test")).ok());
  ReportRequest live;
  live.basis = ReportRequest::Basis::kLive;
  live.filter.query = "citat";
  Report r = Build(ReportKind::kPlan, Staff(), live);
  std::string comma = files_.Csv(r, ',');
  EXPECT_NE(comma.find("\"Titel med \"\"citat\"\"; semikolon, og komma\""), std::string::npos) << comma;
  EXPECT_NE(comma.find("\"Første linje\nanden linje\""), std::string::npos);
  EXPECT_NE(comma.find(",-12.5,"), std::string::npos) << "decimal point with commas";
  std::string semi = files_.Csv(r, ';');
  EXPECT_EQ(semi.find("Kode;Titel;Kategori;Udvalg eller tema;Ansvarlig"), 3u) << semi.substr(0, 200);
  EXPECT_NE(semi.find(";-12,5;"), std::string::npos) << "decimal comma with semicolons";
  EXPECT_NE(semi.find("\"Titel med \"\"citat\"\"; semikolon, og komma\""), std::string::npos);
}

TEST_F(ReportFilesTest, AFilterThatMatchesNothingIsAValidFileWithItsHeaderRow) {
  ReportRequest r;
  r.filter.query = "intet punkt hedder sådan";
  r.filtered = true;
  Report report = Build(ReportKind::kPlan, Viewer::Anonymous(), r);
  std::string csv = files_.Csv(report, ',');
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1) << "the header row alone";
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "Kode,Titel,", 0), 0u);
  auto xlsx = files_.Xlsx(report);
  ASSERT_TRUE(xlsx.ok());
  auto book = ReadXlsx(*xlsx);
  ASSERT_TRUE(book.has_value());
  const auto* sheet = book->Sheet("Hele planen");
  ASSERT_TRUE(sheet);
  ASSERT_NE(sheet->At("A1"), nullptr);
  EXPECT_EQ(sheet->At("A1")->value, "Kode");
  EXPECT_EQ(sheet->At("A2"), nullptr);
  auto pdf = files_.Pdf(report);
  ASSERT_TRUE(pdf.ok());
  auto text = testing::PdfText(*pdf);
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->find("Ingen punkter matcher filteret."), std::string::npos);
}

// Every cell of every sheet: "sheet!ref<TAB>value<TAB>number format<TAB>b(old)".
std::string Dump(const testing::XlsxBook& book) {
  std::string out;
  for (const auto& s : book.sheets) {
    out += "== " + s.name + " frozen=" + s.frozen + " filter=" + s.autofilter + "\n";
    for (const auto& c : s.cells)
      out += s.name + "!" + c.ref + "\t" + c.value + "\t" + c.num_format + (c.bold ? "\tb" : "") + "\n";
  }
  return out;
}

TEST_F(ReportFilesTest, PlanXlsxReadBackCellByCell) {
  auto xlsx = files_.Xlsx(Build(ReportKind::kPlan, Viewer::Anonymous()));
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  auto book = ReadXlsx(*xlsx);
  ASSERT_TRUE(book.has_value());
  ASSERT_GE(book->sheets.size(), 3u);
  EXPECT_EQ(book->sheets.front().name, "Hele planen");
  EXPECT_EQ(book->sheets.back().name, "Oplysninger");
  ASSERT_NE(book->Sheet("BUU"), nullptr) << "one sheet per committee";
  const auto& all = *book->Sheet("Hele planen");
  EXPECT_EQ(all.frozen, "A2") << "the header row stays";
  EXPECT_EQ(all.autofilter.rfind("A1:", 0), 0u);
  EXPECT_EQ(all.At("J1")->value, "Planlagt 2025");
  EXPECT_EQ(all.At("K1")->value, "Forventet realiseret 2025");
  EXPECT_EQ(all.At("L1")->value, "Afvigelse 2025");
  EXPECT_TRUE(all.At("J2")->number);
  EXPECT_EQ(all.At("J2")->num_format, "#,##0") << "1.000 kr. with thousands separators";
  EXPECT_GE(all.widths.at(1), 30) << "the title column fits its titles";
  EXPECT_EQ(book->title, "Udmøntningsplan 2025-2028");
  ExpectGolden("report_plan.golden.xlsx.txt", Dump(*book));
}

TEST_F(ReportFilesTest, HalfYearXlsxHasTheListsAndEveryItem) {
  auto xlsx = files_.Xlsx(Build(ReportKind::kHalfYear, Staff()));
  ASSERT_TRUE(xlsx.ok());
  auto book = ReadXlsx(*xlsx);
  ASSERT_TRUE(book.has_value());
  EXPECT_EQ(book->sheets.front().name, "Alle punkter");
  for (const char* name : {"Gennemført eller i gang", "Månedlig status", "Foran politisk behandling", "OBS-punkter",
                           "Planlagt og forventet", "Oplysninger"})
    EXPECT_NE(book->Sheet(name), nullptr) << name;
  std::string text = book->AllText();
  EXPECT_NE(text.find("Ja: KB har fastsat bidraget til 0,5 pct."), std::string::npos) << "highlighted, with the reason";
}

struct PdfWord {
  int page = 0, top = 0, left = 0, width = 0, height = 0;
  std::string color;
};

// Where pdftohtml finds `text` (the first time) and its colour, at zoom 1.5.
std::optional<PdfWord> FindWord(const std::string& xml, const std::string& text, int after_page = 0) {
  std::map<std::string, std::string> colors;
  std::regex spec("<fontspec id=\"(\\d+)\"[^>]*color=\"(#[0-9a-f]+)\"");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), spec); it != std::sregex_iterator(); ++it)
    colors[(*it)[1]] = (*it)[2];
  std::regex page("<page number=\"(\\d+)\"");
  std::regex word("<text top=\"(\\d+)\" left=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\" font=\"(\\d+)\">(?:<b>)?([^<]*)");
  int current = 0;
  std::istringstream lines(xml);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, page)) current = std::stoi(m[1]);
    if (current <= after_page || !std::regex_search(line, m, word)) continue;
    std::string t = m[6];
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (t == text) return PdfWord{current, std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]), colors[m[5]]};
  }
  return std::nullopt;
}

// The longest run of inked pixels in any row of a PPM image (P6), as a share of its width.
double LongestInkedRow(const std::string& ppm, int* best_row) {
  std::istringstream in(ppm);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  std::string pixels((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (magic != "P6" || w <= 0 || pixels.size() < static_cast<size_t>(w * h * 3)) return 0;
  double best = 0;
  for (int y = 0; y < h; ++y) {
    int run = 0, longest = 0;
    for (int x = 0; x < w; ++x) {
      const unsigned char* p = reinterpret_cast<const unsigned char*>(&pixels[(y * w + x) * 3]);
      bool ink = p[0] + p[1] + p[2] < 3 * 200;
      run = ink ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    if (static_cast<double>(longest) / w > best) {
      best = static_cast<double>(longest) / w;
      *best_row = y;
    }
  }
  return best;
}

TEST_F(ReportFilesTest, HalfYearPdfTextStylesTagsAndLanguage) {
  auto pdf = files_.Pdf(Build(ReportKind::kHalfYear, Staff()));
  ASSERT_TRUE(pdf.ok());
  EXPECT_NE(pdf->find("/StructTreeRoot"), std::string::npos) << "tagged";
  EXPECT_NE(pdf->find("/Outlines"), std::string::npos) << "with an outline";
  EXPECT_NE(pdf->find("/Lang (da-DK)"), std::string::npos) << "in Danish";
  auto text = testing::PdfText(*pdf);
  ASSERT_TRUE(text.has_value());
  for (const char* expected :
       {"Norddjurs Kommune", "Halvårsstatus til ØK – Udmøntningsplan 2025-2028", "Halvårsstatus juni 2025 (pr. 31-05-2025)",
        "Indhold", "Følgende emner er gennemført eller i gang", "Følgende emner har fokus ved Direktionens månedlige status",
        "Følgende emner står foran politisk behandling", "OBS-punkter", "Ændringer siden forrige version", "Side 1 af"})
    EXPECT_NE(text->find(expected), std::string::npos) << expected;
  std::regex pages("Side (\\d+) af (\\d+)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(*text, m, pages));
  int total = std::stoi(m[2]);
  EXPECT_NE(text->find("Side " + std::to_string(total) + " af " + std::to_string(total)), std::string::npos);

  std::string path = Save("halvaar.pdf", *pdf);
  std::string xml = Shell("pdftohtml -xml -i -stdout -q '" + path + "' 2>/dev/null");
  ASSERT_FALSE(xml.empty()) << "pdftohtml (poppler-utils) is needed";
  auto obs = FindWord(xml, "Licitationen kom 18 % over budget.");
  ASSERT_TRUE(obs.has_value());
  EXPECT_EQ(obs->color.substr(0, 3), "#af") << "OBS points in red: " << obs->color;
  // The redline: the old amount struck through in grey, the new one red and underlined.
  auto redline = FindWord(xml, "Ændringer siden forrige version", 1);
  ASSERT_TRUE(redline.has_value());
  auto before = FindWord(xml, "(tom)", redline->page - 1);
  auto after = FindWord(xml, "-700", redline->page - 1);
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->color, "#5c6670");
  EXPECT_EQ(after->color, "#b00021");
  auto crop = [&](const PdfWord& w) {
    return Shell("pdftoppm -r 108 -f " + std::to_string(w.page) + " -l " + std::to_string(w.page) + " -x " + std::to_string(w.left) +
               " -y " + std::to_string(w.top) + " -W " + std::to_string(w.width) + " -H " + std::to_string(w.height + 4) + " '" +
               path + "' 2>/dev/null");
  };
  int row = 0;
  double struck = LongestInkedRow(crop(*before), &row);
  EXPECT_GT(struck, 0.9) << "a line runs through the deleted text";
  EXPECT_LT(row, before->height * 0.8) << "through it, not under it";
  double underlined = LongestInkedRow(crop(*after), &row);
  EXPECT_GT(underlined, 0.9) << "a line runs under the inserted text";
  EXPECT_GT(row, after->height * 0.6) << "under it";
  // Unstyled text has no such line.
  auto plain = FindWord(xml, "Kode");
  ASSERT_TRUE(plain.has_value());
  EXPECT_LT(LongestInkedRow(crop(*plain), &row), 0.6);
}

TEST_F(ReportFilesTest, PublicPdfAndSheetsLeaveInternalNotesOut) {
  Report pub = Build(ReportKind::kHalfYear, Viewer::Anonymous());
  auto pdf = files_.Pdf(pub);
  ASSERT_TRUE(pdf.ok());
  auto text = testing::PdfText(*pdf);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->find("Licitationen kom 18 % over budget"), std::string::npos);
  EXPECT_EQ(text->find("Intern"), std::string::npos);
  auto book = ReadXlsx(*files_.Xlsx(pub));
  ASSERT_TRUE(book.has_value());
  EXPECT_EQ(book->AllText().find("Licitationen kom 18 % over budget"), std::string::npos);
  EXPECT_EQ(files_.Csv(pub, ',').find("Licitationen kom 18 %"), std::string::npos);
}

}  // namespace
}  // namespace bs
