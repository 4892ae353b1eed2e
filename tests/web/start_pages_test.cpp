// The start pages over HTTP (issue 14): "Mit overblik" for each role on the demo, each
// section's content drawn from the plan and the meetings as that role's own pages show
// them, and the public home page. Closed and internal content on them is the leak
// crawler's ("/" is one of its seeds, crawled as every role).
#include <gtest/gtest.h>

#include <regex>

#include "support/test_server.h"

namespace bs::testing {
namespace {

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

// The text of <section aria-labelledby="id">…</section>, "" when absent.
std::string Section(const std::string& page, const std::string& id) {
  size_t a = page.find("aria-labelledby=\"" + id + "\"");
  if (a == std::string::npos) return "";
  size_t b = page.find("</section>", a);
  return page.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

class StartPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { server_ = std::make_unique<TestServer>(); }
  std::string Start(const std::string& who) {
    if (who.empty()) server_->ActAnonymously();
    else server_->ActAs(who);
    auto r = server_->Get("/");
    EXPECT_EQ(r.status, 200) << who << ": " << r.body.substr(0, 300);
    return r.body;
  }
  std::unique_ptr<TestServer> server_;
};

TEST_F(StartPagesTest, TheFinanceStartPageCountsThePlan) {
  auto page = Start("okonomi");
  EXPECT_TRUE(Has(page, "<h1>Mit overblik</h1>"));
  std::string glance = Section(page, "s-plan");
  ASSERT_FALSE(glance.empty());
  auto items = server_->plans().ListItems(server_->demo_plan(), {});
  ASSERT_TRUE(items.ok());
  EXPECT_TRUE(Has(glance, std::to_string(items->total) + " punkter")) << glance.substr(0, 400);
  // The states add up to all items.
  std::regex num("<td class=\"num\">([0-9]+)</td>");
  int states = 0, rows = 0;
  std::string fremdrift = glance.substr(0, glance.find("<caption>Trafiklys"));
  for (auto it = std::sregex_iterator(fremdrift.begin(), fremdrift.end(), num); it != std::sregex_iterator(); ++it, ++rows)
    states += std::stoi((*it)[1]);
  EXPECT_EQ(rows, 4);
  EXPECT_EQ(states, items->total);
  EXPECT_TRUE(Has(glance, "Uden status i over tre måneder"));
  EXPECT_TRUE(Has(glance, "?state=in_progress"));
  // Økonomi does not get the other roles' sections.
  EXPECT_TRUE(Section(page, "s-mine").empty());
  EXPECT_TRUE(Section(page, "s-prep").empty());
}

TEST_F(StartPagesTest, AHeadOfDepartmentSeesTheirOwnItems) {
  auto page = Start("fagchef");
  std::string mine = Section(page, "s-mine");
  ASSERT_FALSE(mine.empty());
  EXPECT_TRUE(Has(mine, "Punkterne i BUU"));
  // Every item listed is BUU's or Søren Dahl's; at least one is there.
  std::regex link("href=\"/emner/([0-9]+)\"");
  int listed = 0;
  for (auto it = std::sregex_iterator(mine.begin(), mine.end(), link); it != std::sregex_iterator(); ++it, ++listed) {
    auto item = server_->plans().GetItem(std::stoll((*it)[1]));
    ASSERT_TRUE(item.ok());
    EXPECT_TRUE(item->data().committee == "BUU" || item->data().responsible == "Søren Dahl") << item->data().title;
  }
  EXPECT_GT(listed, 0);
  EXPECT_TRUE(Section(page, "s-plan").empty()) << "the plan at a glance is økonomi's";
  EXPECT_TRUE(Section(page, "s-obs").empty());
}

TEST_F(StartPagesTest, ADirectorSeesObsPointsCrossCuttingItemsAndHighlights) {
  auto page = Start("direktion");
  std::string obs = Section(page, "s-obs"), cross = Section(page, "s-cross"), high = Section(page, "s-high");
  ASSERT_FALSE(obs.empty());
  ASSERT_FALSE(cross.empty());
  ASSERT_FALSE(high.empty());
  ItemFilter with_obs;
  with_obs.obs = true;
  auto flagged = server_->plans().ListItems(server_->demo_plan(), with_obs);
  ASSERT_TRUE(flagged.ok());
  if (flagged->total > 0) EXPECT_TRUE(Has(obs, "/emner/" + std::to_string(flagged->items.front().id())));
  else EXPECT_TRUE(Has(obs, "Ingen punkter har et åbent OBS-punkt."));
  EXPECT_TRUE(Has(page, "Tre uger")) << "the three-week overview is in the director's menu";
}

TEST_F(StartPagesTest, ASecretarySeesMeetingsInPreparationOfTheirBodies) {
  auto page = Start("sekretaer");
  std::string prep = Section(page, "s-prep");
  ASSERT_FALSE(prep.empty());
  // The demo's coming ØK meeting that is not published is listed; no BUU meeting is.
  Date today = server_->meetings().Today();
  auto coming = server_->MeetingsOf("ØK", today, Date::FromDays(today.ToDays() + 120));
  ASSERT_TRUE(coming.ok());
  bool any = false;
  for (const auto& m : *coming)
    if (!m.published() && !m.cancelled) {
      EXPECT_TRUE(Has(prep, "/moeder/" + std::to_string(m.id) + "\"")) << m.date.Short();
      any = true;
    }
  EXPECT_TRUE(any || Has(prep, "Ingen kommende møder"));
  EXPECT_FALSE(Has(prep, "Børne- og Ungdomsudvalget")) << "the secretary serves ØK and KB only";
  EXPECT_FALSE(Section(page, "s-way").empty());
}

TEST_F(StartPagesTest, APoliticianSeesTheirBodiesMeetingsMinutesAndExtract) {
  auto page = Start("politiker");
  EXPECT_FALSE(Section(page, "s-next").empty());
  std::string minutes = Section(page, "s-min");
  EXPECT_TRUE(Has(minutes, "/protokol.pdf")) << minutes.substr(0, 300);
  std::string extract = Section(page, "s-ext");
  EXPECT_TRUE(Has(extract, "/planer/" + std::to_string(server_->demo_plan()) + "/udvalg/BUU")) << extract;
  EXPECT_TRUE(Section(page, "s-plan").empty());
  EXPECT_TRUE(Section(page, "s-obs").empty());
  EXPECT_FALSE(Has(page, ">Tre uger<"));
}

TEST_F(StartPagesTest, ThePublicHomePageNamesTheMunicipalityAndShowsThePublishedPlan) {
  auto page = Start("");
  EXPECT_FALSE(Has(page, "Mit overblik"));
  EXPECT_TRUE(Has(page, "Udmøntningsplanen viser, hvordan"));
  std::string plan = Section(page, "s-pub");
  EXPECT_TRUE(Has(plan, "/versioner/")) << plan;
  EXPECT_FALSE(Section(page, "s-coming").empty());
  std::string decisions = Section(page, "s-dec");
  EXPECT_TRUE(Has(decisions, "#punkt-")) << decisions.substr(0, 300);
  EXPECT_TRUE(Has(page, "<a href=\"/dokumentation/api\">API</a>")) << "API is in the footer";
  EXPECT_FALSE(Has(page.substr(0, page.find("</header>")), "/dokumentation/api")) << "not in the main menu";
}

// The page is cached, but never stale: a new item with an OBS point shows at once.
TEST_F(StartPagesTest, TheCachedStartPageFollowsAWrite) {
  auto before = Section(Start("okonomi"), "s-plan");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(before, m, std::regex("([0-9]+) med OBS-punkt")));
  int obs = std::stoi(m[1]);
  auto created = server_->Send("POST", "/api/v1/plans/" + std::to_string(server_->demo_plan()) + "/items",
                               R"({"category":"operating","committee":"BUU","title":"Nyt OBS-punkt","obs":true,"obs_note":"Se på det"})",
                               {{"Content-Type", "application/json"}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto after = Section(Start("okonomi"), "s-plan");
  EXPECT_TRUE(Has(after, std::to_string(obs + 1) + " med OBS-punkt")) << after.substr(0, 300);
}

}  // namespace
}  // namespace bs::testing
