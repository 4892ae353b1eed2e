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

  // The dry run the page showed, as its form sends it when the person presses «Importér».
  static std::string Seen(const std::string& page) {
    std::smatch m;
    std::regex re("name=\"proevekoersel\" value=\"([0-9a-f]+)\"");
    return std::regex_search(page, m, re) ? "&proevekoersel=" + m[1].str() : "";
  }
  // Presses «Importér» on the page as it is now, with `form` (the columns) as chosen.
  HttpResult Apply(const std::string& page, const std::string& form = "") {
    auto shown = form.empty() ? server_->Get(page) : server_->PostForm(page, form + "&handling=vis");
    return server_->PostForm(page, (form.empty() ? "" : form + "&") + "handling=importer" + Seen(shown.body));
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

  EXPECT_EQ(server_->PostForm(page, "kolonne_G=ignore&handling=importer").status, 409) << "no dry run confirmed";
  EXPECT_EQ(server_->plans().ListItems(server_->demo_plan(), {})->total, before->total);
  auto applied = server_->PostForm(page, "kolonne_G=ignore&handling=importer" + Seen(changed.body));
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
  auto forced = server_->PostForm(page, "handling=importer&proevekoersel=0123456789abcdef");
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
  ASSERT_EQ(Apply(sheet).status, 200);
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
  auto applied = Apply(page);
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

// Found by an attack on the import (issue 13): what the person confirmed is what is
// written. A plan changed after the dry run (here by another import) is a 409 with the
// new dry run, and nothing is written until that one is confirmed.
TEST_F(ImportPagesTest, ApplyingAStaleDryRunIs409AndWritesNothing) {
  std::string first = Upload("plan-sheet", "a.csv", "Nr.;Titel;Udvalg;Ansvarlig\nZ901;Stale-test;ØK;Person A\n");
  ASSERT_EQ(Apply(first).status, 200);
  std::string a = Upload("plan-sheet", "a2.csv", "Nr.;Titel;Udvalg;Ansvarlig\nZ901;Stale-test;ØK;Person B\n");
  std::string seen_a = Seen(server_->Get(a).body);
  ASSERT_FALSE(seen_a.empty());
  std::string c = Upload("plan-sheet", "a3.csv", "Nr.;Titel;Udvalg;Ansvarlig\nZ901;Stale-test;ØK;Person C\n");
  ASSERT_EQ(Apply(c).status, 200);  // someone else's import lands in between
  auto stale = server_->PostForm(a, "handling=importer" + seen_a);
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("ændret siden den prøvekørsel, du så"), std::string::npos);
  EXPECT_NE(stale.body.find("Person C"), std::string::npos) << "the new dry run is shown";
  auto items = server_->plans().ListItems(server_->demo_plan(), {});
  for (const auto& item : items->items)
    if (item.data().title == "Stale-test") {
      EXPECT_EQ(item.data().responsible, "Person C") << "nothing written";
    }
  auto confirmed = server_->PostForm(a, "handling=importer" + Seen(stale.body));
  EXPECT_EQ(confirmed.status, 200);
  EXPECT_NE(confirmed.body.find("Importen er gennemført"), std::string::npos);
}

// A field chosen for two columns is said, naming both, and nothing is written.
TEST_F(ImportPagesTest, AFieldChosenForTwoColumnsIsRefused) {
  std::string page = Upload("plan-sheet", "dup.csv", "Nr.;Titel;Udvalg\nZ911;To kolonner;ØK\n");
  auto before = server_->plans().ListItems(server_->demo_plan(), {})->total;
  auto r = server_->PostForm(page, "kolonne_A=title&kolonne_B=title&kolonne_C=committee&handling=vis");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("er valgt for både kolonne A og kolonne B"), std::string::npos) << r.body.substr(0, 800);
  auto forced = server_->PostForm(page, "kolonne_A=title&kolonne_B=title&kolonne_C=committee&handling=importer" + Seen(r.body));
  EXPECT_NE(forced.status, 200);
  EXPECT_EQ(server_->plans().ListItems(server_->demo_plan(), {})->total, before);
}

// A data row of "x" marks (the completed column is headed "X") is not the header row;
// a sheet without a header row says so and nothing else.
TEST_F(ImportPagesTest, TheHeaderRowIsTheOneNamingTheMostDistinctFields) {
  std::string page = Upload("plan-sheet", "x.csv", "Nr.;Titel;Udvalg;Noter;Kommentar;Bemærkning\nP901;Tiltag;ØK;x;x;x\nP902;Andet;ØK;;;\n");
  auto r = server_->Get(page);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("genkendt overskrifterne i række 1."), std::string::npos) << r.body.substr(0, 1500);
  EXPECT_NE(r.body.find("Tiltag"), std::string::npos);
  // A file name that is not UTF-8 is shown with U+FFFD, never as raw bytes.
  std::string odd = Upload("plan-sheet", "\xFF\xFE plan.csv", "Nr.;Titel\nP1;A\n");
  auto o = server_->Get(odd);
  EXPECT_NE(o.body.find("\xEF\xBF\xBD\xEF\xBF\xBD plan.csv"), std::string::npos);
  EXPECT_EQ(o.body.find("\xFF"), std::string::npos);
  std::string none = Upload("plan-sheet", "none.csv", "a;b\nc;d\n");
  auto n = server_->Get(none);
  EXPECT_NE(n.body.find("har ikke fundet en overskriftsrække"), std::string::npos);
  EXPECT_EQ(n.body.find("i række 0"), std::string::npos);
}

}  // namespace
}  // namespace bs::testing
