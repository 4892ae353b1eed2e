// The import pages over HTTP (issue 13): upload, the mapping step with the dry run,
// changing the mapping, apply all or nothing, refusals with Danish messages, and who
// may see the pages at all.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "support/test_server.h"

namespace bs::testing {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(BUDGETSPOR_TEST_DATA) + "/import/plan/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ImportPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>();
    server_->ActAs("okonomi");
    base_ = "/planer/" + std::to_string(server_->demo_plan()) + "/import";
  }

  // Uploads and follows the redirect's target: the upload's own page.
  std::string Upload(const std::string& kind, const std::string& name, const std::string& bytes) {
    auto r = server_->PostMultipart(base_, {{"art", kind}}, "fil", name, "text/csv", bytes);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 400);
    return r.Header("location");
  }

  std::unique_ptr<TestServer> server_;
  std::string base_;
};

TEST_F(ImportPagesTest, UploadShowsTheMappingAndTheDryRunThenAppliesAllOrNothing) {
  auto start = server_->Get(base_);
  ASSERT_EQ(start.status, 200);
  EXPECT_NE(start.body.find("Udmøntningsplan fra regneark"), std::string::npos);
  EXPECT_NE(start.body.find("enctype=\"multipart/form-data\""), std::string::npos);

  std::string page = Upload("plan-sheet", "semicolon_windows1252.csv", Fixture("semicolon_windows1252.csv"));
  ASSERT_NE(page.find(base_ + "/"), std::string::npos) << page;
  auto preview = server_->Get(page);
  ASSERT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("Filen var i Windows-1252"), std::string::npos);
  EXPECT_NE(preview.body.find("<option value=\"external_keys\" selected>"), std::string::npos) << "Konto is proposed as keys";
  EXPECT_NE(preview.body.find("Færre udbud – samlet indkøb"), std::string::npos);
  EXPECT_NE(preview.body.find("Oprettes"), std::string::npos);
  EXPECT_NE(preview.body.find("Opdateres"), std::string::npos);
  EXPECT_NE(preview.body.find("value=\"importer\""), std::string::npos);
  auto before = server_->plans().ListItems(server_->demo_plan(), {});

  // The user maps Konto away: the preview follows, nothing is written.
  auto changed = server_->PostForm(page, "kolonne_G=ignore&handling=vis");
  ASSERT_EQ(changed.status, 200);
  EXPECT_NE(changed.body.find("<option value=\"ignore\" selected>"), std::string::npos);
  EXPECT_EQ(server_->plans().ListItems(server_->demo_plan(), {})->total, before->total);

  auto applied = server_->PostForm(page, "handling=importer");
  ASSERT_EQ(applied.status, 200) << applied.body.substr(0, 600);
  EXPECT_NE(applied.body.find("Importen er gennemført"), std::string::npos);
  EXPECT_EQ(server_->plans().ListItems(server_->demo_plan(), {})->total, before->total + 2);

  // Again: nothing to import.
  auto again = server_->Get(page);
  EXPECT_NE(again.body.find("Der er intet at importere"), std::string::npos);
}

TEST_F(ImportPagesTest, ASheetWithProblemsListsThemAndCannotBeApplied) {
  std::string page = Upload("plan-sheet", "rejects.csv", Fixture("rejects.csv"));
  auto preview = server_->Get(page);
  ASSERT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("Række 2, kolonne E: «12x» er ikke et beløb."), std::string::npos);
  EXPECT_NE(preview.body.find("Række 3, kolonne A: Koden R900 står også i række 2."), std::string::npos);
  EXPECT_NE(preview.body.find("Udvalg, der ikke findes"), std::string::npos);
  EXPECT_EQ(preview.body.find("value=\"importer\""), std::string::npos);
  auto before = server_->plans().ListItems(server_->demo_plan(), {})->total;
  auto forced = server_->PostForm(page, "handling=importer");
  EXPECT_EQ(forced.status, 400);
  EXPECT_NE(forced.body.find("Intet er ændret"), std::string::npos);
  EXPECT_EQ(server_->plans().ListItems(server_->demo_plan(), {})->total, before);
}

TEST_F(ImportPagesTest, BadFilesAreRefusedWithTheReason) {
  auto png = server_->PostMultipart(base_, {{"art", "plan-sheet"}}, "fil", "logo.png", "image/png",
                                    std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(png.status, 400);
  EXPECT_NE(png.body.find("kan ikke importeres"), std::string::npos);
  auto not_zip = server_->PostMultipart(base_, {{"art", "plan-sheet"}}, "fil", "plan.xlsx", "application/octet-stream", "hej");
  EXPECT_EQ(not_zip.status, 400);
  EXPECT_NE(not_zip.body.find("ikke et XLSX-regneark"), std::string::npos);
  auto empty = server_->PostMultipart(base_, {{"art", "plan-sheet"}}, "fil", "", "text/csv", "");
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("Vælg en fil at importere."), std::string::npos);
  auto kind = server_->PostMultipart(base_, {{"art", "noget"}}, "fil", "a.csv", "text/csv", "Titel\nX\n");
  EXPECT_EQ(kind.status, 400);
  auto not_multipart = server_->PostForm(base_, "art=plan-sheet");
  EXPECT_EQ(not_multipart.status, 400);
  for (const auto& r : {png, not_zip, empty, kind, not_multipart}) {
    EXPECT_EQ(r.body.find("libzip"), std::string::npos);
    EXPECT_EQ(r.body.find("zip_"), std::string::npos);
  }
}

TEST_F(ImportPagesTest, RealisedAmountsShowUnmatchedLinesAndApply) {
  server_->PostMultipart(base_, {{"art", "plan-sheet"}}, "fil", "a.csv", "text/csv", Fixture("semicolon_windows1252.csv"));
  std::string sheet = Upload("plan-sheet", "semicolon_windows1252.csv", Fixture("semicolon_windows1252.csv"));
  ASSERT_EQ(server_->PostForm(sheet, "handling=importer").status, 200);
  std::string ok;
  std::istringstream lines(Fixture("realised.csv"));
  for (std::string line; std::getline(lines, line);)
    if (line.find("2031") == std::string::npos) ok += line + "\n";
  std::string page = Upload("realised", "opus.csv", ok);
  auto preview = server_->Get(page);
  ASSERT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("Linjer uden punkt"), std::string::npos);
  EXPECT_NE(preview.body.find("9.99.99-999"), std::string::npos);
  EXPECT_NE(preview.body.find("Realiseret pr. 31-05-2025"), std::string::npos);
  auto applied = server_->PostForm(page, "handling=importer");
  ASSERT_EQ(applied.status, 200);
  EXPECT_NE(applied.body.find("2 punkter har fået realiserede beløb"), std::string::npos);
}

TEST_F(ImportPagesTest, OnlyPlanEditorsReachThePagesAndOnlyTheUploaderContinues) {
  std::string page = Upload("plan-sheet", "rejects.csv", Fixture("rejects.csv"));
  for (const char* who : {"fagchef", "direktion", "sekretaer", "politiker"}) {
    server_->ActAs(who);
    EXPECT_EQ(server_->Get(base_).status, 403) << who;
    EXPECT_EQ(server_->Get(page).status, 403) << who;
    EXPECT_EQ(server_->PostMultipart(base_, {{"art", "plan-sheet"}}, "fil", "a.csv", "text/csv", "Titel\nX\n").status, 403) << who;
  }
  server_->ActAnonymously();
  auto anon = server_->Get(page);
  EXPECT_TRUE(anon.status == 403 || anon.status == 404) << anon.status;
  EXPECT_EQ(anon.body.find("R900"), std::string::npos);
  server_->ActAs("administrator");
  EXPECT_EQ(server_->Get(base_).status, 200);
  EXPECT_EQ(server_->Get(page).status, 404) << "another person's upload is not theirs to continue";
  server_->ActAs("okonomi");
  EXPECT_EQ(server_->Get(base_ + "/999999").status, 404);
  EXPECT_EQ(server_->Get(base_ + "/abc").status, 404);
}

}  // namespace
}  // namespace bs::testing
