// The agenda import pages (issue 13): a secretary uploads a text, reviews it and saves it
// into the meeting; a text with problems saves nothing and says why beside the form.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace bs {
namespace {

using testing::TestServer;

std::string Agenda(const std::string& route) {
  return "1.  Importeret budgetpunkt\n\n26/5100   Åben sag\n\nSagsgang\n\nKB\n\nSagsfremstilling\n\nOpfølgning.\n\n"
         "Ukendt linje uden plads\n\n"
         "2.  Importeret lukket punkt\n\n26/5101   Lukket sag\n\nSagsgang\n\n" + route + "\n\nIndstilling\n\nAt det godkendes.\n";
}

class AgendaImportPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(0, 4096);
    auto d = Date::Parse("17-06-2025").value();
    auto list = server_->MeetingsOf("KB", d, d);
    ASSERT_TRUE(list.ok() && !list->empty());
    url_ = "/moeder/" + std::to_string(list->front().id);
    meeting_ = list->front().id;
    server_->ActAs("sekretaer");
  }
  size_t AgendaSize() {
    Viewer admin = Viewer::CommandLine();
    admin.user->roles.insert(Role::kAdministrator);
    return server_->meetings().GetMeeting(admin, meeting_).value().agenda.size();
  }
  std::unique_ptr<TestServer> server_;
  std::string url_;
  int64_t meeting_ = 0;
};

TEST_F(AgendaImportPagesTest, ReviewThenSaveIntoTheMeeting) {
  size_t before = AgendaSize();
  auto review = server_->PostMultipart(url_ + "/import", {{"handling", "vis"}}, "fil", "dagsorden.txt", "text/plain", Agenda("KB"));
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_NE(review.body.find("Ny sag"), std::string::npos);
  EXPECT_NE(review.body.find("Ukendt linje uden plads"), std::string::npos);  // unrecognised, with its line
  EXPECT_NE(review.body.find("value=\"gem\">Gem i mødet"), std::string::npos);
  EXPECT_NE(review.body.find("value=\"dagsorden.txt\""), std::string::npos);  // the source travels along
  EXPECT_EQ(AgendaSize(), before);

  auto saved = server_->PostMultipart(url_ + "/import", {{"handling", "gem"}, {"kilde", "dagsorden.txt"}, {"tekst", Agenda("KB")}},
                                      "fil", "", "application/octet-stream", "");
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.Header("location"), url_ + "?gemt=1");
  auto page = server_->Get(url_);
  EXPECT_NE(page.body.find("Importeret budgetpunkt"), std::string::npos);
  EXPECT_EQ(AgendaSize(), before + 2);
}

TEST_F(AgendaImportPagesTest, AProblemSavesNothingAndIsShown) {
  size_t before = AgendaSize();
  auto r = server_->PostMultipart(url_ + "/import", {{"handling", "gem"}}, "fil", "d.txt", "text/plain", Agenda("KB, XYZ"));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Intet er gemt"), std::string::npos);
  EXPECT_NE(r.body.find("Punkt 2 (linje"), std::string::npos);
  EXPECT_NE(r.body.find("Organet «XYZ» i sagsgangen findes ikke."), std::string::npos);
  EXPECT_EQ(r.body.find("value=\"gem\">Gem i mødet"), std::string::npos);
  EXPECT_EQ(AgendaSize(), before);
  auto empty = server_->PostMultipart(url_ + "/import", {{"handling", "vis"}, {"tekst", "  "}}, "fil", "", "text/plain", "");
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("Indsæt dagsordenens tekst, eller vælg en fil."), std::string::npos);
}

}  // namespace
}  // namespace bs
