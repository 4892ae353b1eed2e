// ReportService on the demo plan in memory (issue 11): the half-yearly status holds the
// three lists of seed 004 item 7 with the right items; the monthly status, the extract
// and the plan report; what the public edition leaves out; the refusals.
#include "app/report_service.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/text.h"
#include "demo/demo_plan.h"
#include "storage/memory/memory_plan_store.h"
#include "support/viewers.h"

namespace bs {
namespace {

Viewer Staff() { return testing::SignedIn(Role::kFinance, "okonomi", "Mette Holm"); }

const Table* FindTable(const Report& r, const std::string& id) {
  for (const auto& b : r.blocks)
    if (b.kind == Block::Kind::kTable && b.table.id == id) return &b.table;
  return nullptr;
}

// The distinct item titles (column `col`) and reasons (last column) of a table's data rows.
std::vector<std::pair<std::string, std::string>> Rows(const Table& t, size_t col) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const auto& row : t.rows) {
    if (row.kind != RowKind::kData) continue;
    std::string title = PlainText(row.cells.at(col).runs);
    if (seen.insert(title).second) out.push_back({title, PlainText(row.cells.back().runs)});
  }
  return out;
}

class ReportServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto demo = demo::LoadDemo(plans_, rounds_, 0);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    plan_ = demo->plan_id;
  }

  Report Build(ReportKind kind, const Viewer& v, ReportRequest::Basis basis = ReportRequest::Basis::kLatest,
               ReportParts parts = ReportParts::kAll) {
    ReportRequest r;
    r.kind = kind;
    r.parts = parts;
    r.plan = plan_;
    r.basis = basis;
    r.committee = "BUU";
    auto report = reports_.Build(v, r);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : Report{};
  }

  FixedClock clock_{1'749'549'600};  // 10-06-2025
  MemoryPlanStore store_;
  PlanRegister plans_{store_, clock_};
  RoundService rounds_{store_, plans_, clock_};
  ReportService reports_{store_, plans_, rounds_, clock_};
  PlanId plan_ = 0;
};

TEST_F(ReportServiceTest, HalfYearStatusHasTheThreeListsOfSeed004) {
  Report r = Build(ReportKind::kHalfYear, Staff());
  EXPECT_EQ(r.basis, "Halvårsstatus juni 2025 (pr. 31-05-2025)");
  EXPECT_EQ(r.municipality, "Norddjurs Kommune");
  const Table* done = FindTable(r, "gennemfoert");
  const Table* monthly = FindTable(r, "maanedlig");
  const Table* coming = FindTable(r, "politisk-behandling");
  ASSERT_TRUE(done && monthly && coming);
  auto titles = [](const std::vector<std::pair<std::string, std::string>>& rows) {
    std::set<std::string> s;
    for (const auto& [t, reason] : rows) s.insert(t);
    return s;
  };
  EXPECT_EQ(titles(Rows(*done, 1)), (std::set<std::string>{"Omprioriteringsbidrag", "Pulje til værn om servicerammen"}));
  EXPECT_EQ(titles(Rows(*monthly, 1)),
            (std::set<std::string>{"Skriftlige fremstillinger", "Aktindsigt", "Samling af demensindsatsen i Glesborg",
                                   "Investering i fraværsindsatsen på BUU - besparelser på forsørgelsesudgifter",
                                   "Bosætningskampagne", "Flådestyring"}));
  EXPECT_EQ(titles(Rows(*coming, 3)),
            (std::set<std::string>{"Arbejde med kloge m2", "Sidste skoledag – evaluering", "Taskforce udsatte unge",
                                   "Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet",
                                   "Beskæftigelsesindsats – opfølgning på beskæftigelsesplan"}));
  // Grouped by body and month: kloge m2 goes to ØK and KB, the prognosis to BUU and VPU.
  std::multiset<std::string> bodies;
  for (const auto& row : coming->rows)
    if (row.kind == RowKind::kData) bodies.insert(PlainText(row.cells[0].runs) + " " + PlainText(row.cells[3].runs));
  EXPECT_EQ(bodies.count("ØK Arbejde med kloge m2"), 1u);
  EXPECT_EQ(bodies.count("KB Arbejde med kloge m2"), 1u);
  EXPECT_EQ(bodies.count("BUU Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet"), 1u);
  EXPECT_EQ(bodies.count("VPU Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet"), 1u);
  EXPECT_EQ(bodies.count("BUU Taskforce udsatte unge"), 1u);
}

// The same lists read from the seed itself: every bullet of seed 004 item 7 is one row of
// the right list (matched by its first words against the row's title or reason).
// A format gets what it draws: a page or PDF no sheet-only tables, a CSV file its
// primary table, a workbook everything; the parts a format draws are the same either way.
TEST_F(ReportServiceTest, EachFormatGetsThePartsItDraws) {
  auto ids = [](const Report& r) {
    std::vector<std::string> out;
    for (const auto& b : r.blocks)
      if (b.kind == Block::Kind::kTable) out.push_back(b.table.id);
    return out;
  };
  auto same_rows = [](const Table* a, const Table* b) {
    if (!a || !b || a->rows.size() != b->rows.size()) return false;
    for (size_t i = 0; i < a->rows.size(); ++i)
      for (size_t c = 0; c < a->rows[i].cells.size(); ++c)
        if (PlainText(a->rows[i].cells[c].runs) != PlainText(b->rows[i].cells[c].runs)) return false;
    return true;
  };
  for (ReportKind kind : {ReportKind::kPlan, ReportKind::kExtract, ReportKind::kHalfYear}) {
    SCOPED_TRACE(std::string(Label(kind)));
    Report all = Build(kind, Staff());
    Report page = Build(kind, Staff(), ReportRequest::Basis::kLatest, ReportParts::kPage);
    Report csv = Build(kind, Staff(), ReportRequest::Basis::kLatest, ReportParts::kPrimary);
    ASSERT_NE(all.PrimaryTable(), nullptr);
    EXPECT_EQ(page.PrimaryTable(), nullptr);
    for (const auto& b : page.blocks)
      if (b.kind == Block::Kind::kTable) {
        EXPECT_TRUE(b.table.on_page) << b.table.id;
      }
    ASSERT_EQ(ids(csv), std::vector<std::string>{all.PrimaryTable()->id});
    EXPECT_TRUE(same_rows(csv.PrimaryTable(), all.PrimaryTable()));
    // Every on-page table of the whole report is on the page, row for row.
    std::vector<std::string> on_page;
    for (const auto& b : all.blocks)
      if (b.kind == Block::Kind::kTable && b.table.on_page) {
        on_page.push_back(b.table.id);
        EXPECT_TRUE(same_rows(FindTable(page, b.table.id), &b.table)) << b.table.id;
      }
    EXPECT_EQ(ids(page), on_page);
  }
  // The plan's workbook has a sheet per committee; the page has none of them.
  Report all = Build(ReportKind::kPlan, Staff());
  EXPECT_NE(FindTable(all, "udvalg-buu"), nullptr);
  EXPECT_EQ(FindTable(Build(ReportKind::kPlan, Staff(), ReportRequest::Basis::kLatest, ReportParts::kPage), "udvalg-buu"),
            nullptr);
}

TEST_F(ReportServiceTest, HalfYearListsMatchSeed004Text) {
  const char* dir = std::getenv("BUDGETSPOR_SEEDS");
  std::string path;
  if (dir && std::filesystem::exists(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().filename().string().rfind("004_", 0) == 0) path = e.path().string();
  if (path.empty()) GTEST_SKIP() << "seed 004 is not here (../shared/seeds)";
  std::ifstream in(path);
  std::vector<std::vector<std::string>> bullets(3);
  int list = -1;
  for (std::string line; std::getline(in, line);) {
    if (line.find("Følgende emner er gennemført eller i gang") != std::string::npos) list = 0;
    else if (line.find("Følgende emner har fokus ved Direktionens") != std::string::npos) list = 1;
    else if (line.find("Følgende emner står foran politisk behandling") != std::string::npos) list = 2;
    else if (line.find("Indstilling") != std::string::npos) list = -1;
    else if (list >= 0 && line.size() > 2 && line[0] == ' ' && line[1] != ' ') bullets[list].push_back(text::Trim(line));
  }
  Report r = Build(ReportKind::kHalfYear, Staff());
  const Table* tables[] = {FindTable(r, "gennemfoert"), FindTable(r, "maanedlig"), FindTable(r, "politisk-behandling")};
  const size_t title_col[] = {1, 1, 3};
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(tables[i]);
    auto rows = Rows(*tables[i], title_col[i]);
    ASSERT_EQ(rows.size(), bullets[i].size()) << "list " << i;
    for (const auto& bullet : bullets[i]) {
      // The bullet's first two words, and those of its parenthesis.
      auto first_words = [](std::string s) {
        std::vector<std::string> words;
        for (auto& w : text::SplitTrimmed(text::FoldCase(s), ' '))
          if (w != "–" && w != "-") words.push_back(w);
        if (words.empty()) return std::string();
        return words.size() == 1 || words[1].find('(') != std::string::npos ? words[0] : words[0] + " " + words[1];
      };
      std::string head = first_words(bullet.substr(0, bullet.find('(')));
      std::string paren = bullet.find('(') != std::string::npos ? first_words(bullet.substr(bullet.find('(') + 1)) : "";
      int matches = 0;
      for (const auto& [title, reason] : rows) {
        std::string hay = text::FoldCase(title + " " + reason);
        if (hay.find(head) != std::string::npos || (!paren.empty() && hay.find(paren) != std::string::npos)) ++matches;
      }
      EXPECT_EQ(matches, 1) << "seed bullet «" << bullet << "» in list " << i;
    }
  }
}

TEST_F(ReportServiceTest, HalfYearStatusHasSummaryFiguresAndTheRedlineSinceTheVersionBefore) {
  Report r = Build(ReportKind::kHalfYear, Staff());
  bool summary = false, redline = false, chart = false;
  for (const auto& b : r.blocks) {
    if (b.kind == Block::Kind::kHeading && PlainText(b.runs) == "Sammenfatning") summary = true;
    if (b.kind == Block::Kind::kHeading && PlainText(b.runs) == "Ændringer siden forrige version") redline = true;
    if (b.kind == Block::Kind::kChart) chart = true;
  }
  EXPECT_TRUE(summary && redline && chart);
  std::string all;
  for (const auto& b : r.blocks) {
    all += PlainText(b.runs) + "\n";
    for (const auto& item : b.list) all += PlainText(item) + "\n";
  }
  EXPECT_NE(all.find("Fra «Status pr. ultimo februar 2025»"), std::string::npos);
  // The amounts the round reported show in the redline as old → new.
  EXPECT_NE(all.find("Forventet realiseret 2025: (tom) → -700"), std::string::npos) << all.substr(0, 3000);
  const Table* figures = FindTable(r, "effekt");
  ASSERT_TRUE(figures);
  const Row& total = figures->rows.back();
  EXPECT_EQ(total.kind, RowKind::kTotal);
  EXPECT_TRUE(total.cells[1].figures.reported.has_value()) << "2025 has reported figures";
  EXPECT_EQ(total.cells[1].figures.deviation(), total.cells[1].figures.expected() - total.cells[1].figures.planned);
}

TEST_F(ReportServiceTest, ThePublicEditionLeavesInternalFieldsOut) {
  Report staff = Build(ReportKind::kPlan, Staff());
  Report pub = Build(ReportKind::kPlan, Viewer::Anonymous());
  EXPECT_TRUE(staff.internal);
  EXPECT_FALSE(pub.internal);
  auto notes = [](const Report& r) {
    std::string s;
    for (const auto& b : r.blocks)
      if (b.kind == Block::Kind::kTable)
        for (const auto& row : b.table.rows) s += PlainText(row.note) + PlainText(row.cells.size() > 15 ? row.cells[15].runs : Runs{});
    return s;
  };
  EXPECT_NE(notes(staff).find("Licitationen kom 18 % over budget"), std::string::npos);
  EXPECT_EQ(notes(pub).find("Licitationen kom 18 % over budget"), std::string::npos);
  EXPECT_NE(notes(pub).find("OBS-punkt"), std::string::npos) << "the flag stays";
  // A staff member may ask for the public edition too (an open attachment is one).
  ReportRequest r;
  r.kind = ReportKind::kPlan;
  r.plan = plan_;
  r.basis = ReportRequest::Basis::kLatest;
  r.public_edition = true;
  auto edition = reports_.Build(Staff(), r);
  ASSERT_TRUE(edition.ok());
  EXPECT_FALSE(edition->internal);
  EXPECT_EQ(notes(*edition).find("Licitationen"), std::string::npos);
}

// Every word of a report: headings, paragraphs, lists, facts, cells and row notes.
std::string AllText(const Report& r) {
  std::string s;
  for (const auto& b : r.blocks) {
    s += PlainText(b.runs) + "\n";
    for (const auto& item : b.list) s += PlainText(item) + "\n";
    for (const auto& [label, value] : b.facts) s += label + " " + value + "\n";
    for (const auto& row : b.table.rows) {
      for (const auto& c : row.cells) s += PlainText(c.runs) + (c.plain ? *c.plain : "") + "\t";
      s += PlainText(row.note) + "\n";
    }
  }
  return s;
}

// The redline of the half-yearly status compares with the version before: its items are
// redacted for the public as today's are (an OBS note there would show as struck text).
TEST_F(ReportServiceTest, TheHalfYearRedlineLeavesThePreviousVersionsInternalFieldsOut) {
  // An item with an internal OBS note changes after the latest version; a new version.
  std::optional<PlanItem> noted;
  auto live = plans_.ListItems(plan_, ItemFilter{});
  ASSERT_TRUE(live.ok());
  for (const auto& i : live->items)
    if (!i.data().obs_note.empty() && !noted) noted = i;
  ASSERT_TRUE(noted) << "the demo has an item with an OBS note";
  const std::string note = noted->data().obs_note;
  ItemData d = noted->data();
  d.title += " (ændret efter versionen)";
  WriteMeta meta{1'750'000'000, "test", "test", "", ""};
  ASSERT_TRUE(store_.UpdateItem(noted->id(), d, noted->revision(), meta).ok());
  d.obs_note.clear();  // the note is resolved in the new version: the redline shows it went
  ASSERT_TRUE(store_.UpdateItem(noted->id(), d, noted->revision() + 1, meta).ok());
  Version v;
  v.plan_id = plan_;
  v.name = "Efter ændringen";
  v.as_of = Date{2025, 6, 30};
  ASSERT_TRUE(store_.PublishVersion(v, meta).ok());
  std::string pub = AllText(Build(ReportKind::kHalfYear, Viewer::Anonymous()));
  EXPECT_NE(pub.find("(ændret efter versionen)"), std::string::npos) << "the change is in the redline";
  EXPECT_EQ(pub.find(note), std::string::npos) << note;
  std::string staff = AllText(Build(ReportKind::kHalfYear, Staff()));
  EXPECT_NE(staff.find(note), std::string::npos) << "staff see the note go";
}

TEST_F(ReportServiceTest, MonthlyStatusOfApril) {
  ReportRequest r;
  r.kind = ReportKind::kMonthly;
  r.plan = plan_;
  r.basis = ReportRequest::Basis::kLive;
  r.month = Date{2025, 4, 1};
  auto report = reports_.Build(Staff(), r);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->title, "Direktionens månedlige status – tværgående emner, april 2025");
  const Table* status = FindTable(*report, "maanedlig-status");
  const Table* obs = FindTable(*report, "obs-maaned");
  const Table* silent = FindTable(*report, "uden-status");
  ASSERT_TRUE(status && obs && silent);
  EXPECT_TRUE(status->primary);
  size_t cross = 0;
  for (const auto& row : status->rows) cross += row.kind == RowKind::kData;
  EXPECT_EQ(cross, 18u) << "seed 001's cross-cutting items";
  // The April status of Flådestyring, not May's, with who gave it.
  bool flaade = false;
  for (const auto& row : status->rows)
    if (PlainText(row.cells[1].runs) == "Flådestyring") {
      flaade = true;
      EXPECT_EQ(PlainText(row.cells[5].runs), "Alle køretøjer er registreret; kørselsdata indsamles.");
      EXPECT_EQ(PlainText(row.cells[6].runs), "01-04-2025, Driftschef Anders Vinther");
    }
  EXPECT_TRUE(flaade);
  ASSERT_EQ(obs->rows.size(), 1u) << "one OBS point raised in April";
  EXPECT_EQ(PlainText(obs->rows[0].cells[3].runs), "Rejst");
  EXPECT_TRUE(obs->rows[0].obs);
  size_t without = 0;
  for (const auto& row : silent->rows) without += row.kind == RowKind::kData;
  EXPECT_EQ(without, 18u - 7u) << "seven cross-cutting items reported in April";
}

TEST_F(ReportServiceTest, ExtractHasOwnCrossCuttingAndDeclarationsOfIntent) {
  Report r = Build(ReportKind::kExtract, Staff());
  const Table* t = FindTable(r, "udsnit");
  ASSERT_TRUE(t);
  std::set<std::string> titles, groups;
  for (const auto& row : t->rows) {
    if (row.kind == RowKind::kData) titles.insert(*row.cells[1].plain);
    if (row.kind == RowKind::kHeading && row.level == 2) groups.insert(PlainText(row.cells[0].runs));
  }
  EXPECT_TRUE(titles.count("Styrket sprogindsats i dagtilbud"));   // BUU's own
  EXPECT_TRUE(titles.count("Aktindsigt"));                         // ØK, cross-cutting
  EXPECT_FALSE(titles.count("Fælles indkøbsaftaler på tværs af forvaltninger"));  // ØK, not cross-cutting
  EXPECT_TRUE(titles.count("Partnerskabet med Halmstad videreføres"));  // a declaration of intent
  EXPECT_TRUE(groups.count("Økonomiudvalget (ØK) – tværgående"));
  EXPECT_TRUE(groups.count("Partnerskaber"));
}

TEST_F(ReportServiceTest, RefusalsSayWhatIsWrong) {
  ReportRequest r;
  r.kind = ReportKind::kExtract;
  r.plan = plan_;
  r.committee = "XYZ";
  auto unknown = reports_.Build(Staff(), r);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().message.find("«XYZ»"), std::string::npos);
  EXPECT_NE(unknown.error().message.find("Vælg et af: ØK, BUU"), std::string::npos) << unknown.error().message;
  r.committee = "KB";  // a body that owns no items has no extract
  EXPECT_EQ(reports_.Build(Staff(), r).error().code, ErrorCode::kInvalidArgument);
  PlanId empty = plans_.CreatePlan({"Tom plan 2026-2029", "Budget 2026-2029", "2026", "2029", ""}, "t", "t")->id();
  ReportRequest latest;
  latest.kind = ReportKind::kHalfYear;
  latest.plan = empty;
  latest.basis = ReportRequest::Basis::kLatest;
  auto none = reports_.Build(Staff(), latest);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kConflict);
  EXPECT_NE(none.error().message.find("ingen offentliggjort version"), std::string::npos);
  EXPECT_EQ(reports_.Build(Viewer::Anonymous(), latest).error().code, ErrorCode::kNotFound)
      << "the public does not learn that an unpublished plan exists";
  latest.basis = ReportRequest::Basis::kLive;
  auto draft = reports_.Build(Staff(), latest);
  ASSERT_TRUE(draft.ok()) << "staff get a draft of a plan without versions";
  EXPECT_TRUE(draft->draft);
  latest.plan = plan_;
  EXPECT_EQ(reports_.Build(Viewer::Anonymous(), latest).error().code, ErrorCode::kPermissionDenied)
      << "the public reads versions, not the live plan";
  latest.basis = ReportRequest::Basis::kVersion;
  latest.version = 424242;
  EXPECT_EQ(reports_.Build(Staff(), latest).error().code, ErrorCode::kNotFound);
}

TEST_F(ReportServiceTest, ALiveReportDuringARoundMarksWhatAwaitsStatus) {
  auto round = rounds_.Open(Staff(), plan_, {"Budgetopfølgning 3", "30-09-2025", ""});
  ASSERT_TRUE(round.ok()) << round.error().message;
  Report r = Build(ReportKind::kPlan, Staff(), ReportRequest::Basis::kLive);
  const Table* t = FindTable(r, "hele-planen");
  ASSERT_TRUE(t);
  int awaiting = 0;
  for (const auto& row : t->rows)
    if (row.kind == RowKind::kData && PlainText(row.cells[8].runs).rfind("Afventer status", 0) == 0) ++awaiting;
  EXPECT_GT(awaiting, 30);
}

}  // namespace
}  // namespace bs
