// The HTML pages and forms against the real server on port 0: what needs logic (order,
// writes, concurrency). What single pages say is in tests/requests/plan_pages.req and
// errors.req.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <regex>
#include <thread>

#include "support/test_server.h"
#include "web/form.h"

namespace bs::testing {
namespace {

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

class PagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() { delete server_; }
  std::string Plan(const std::string& rest = "") { return "/planer/" + std::to_string(server_->demo_plan()) + rest; }
  static std::string Form(const std::vector<std::pair<std::string, std::string>>& kv) {
    std::string out;
    for (const auto& [k, v] : kv) out += (out.empty() ? "" : "&") + k + "=" + web::PercentEncode(v);
    return out;
  }
  int64_t CountItems(const std::string& q) {
    auto ov = server_->plans().Overview(*server_->plans().Context(server_->demo_plan()), [&] {
      ItemFilter f; f.query = q; return f; }(), false);
    return static_cast<int64_t>(ov->count);
  }
  static TestServer* server_;
};
TestServer* PagesTest::server_ = nullptr;

TEST_F(PagesTest, PlanPageIsGroupedAsTheDocument) {
  auto r = server_->Get(Plan());
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  size_t operating = b.find("<h2 id=\"operating\">Driftsændringer"), proposals = b.find("<h2 id=\"proposal\">Råderumsforslag"),
         capital = b.find("<h2 id=\"capital\">Anlægsprojekter"), intents = b.find("<h2 id=\"intent\">Hensigtserklæringer");
  ASSERT_NE(operating, std::string::npos);
  ASSERT_NE(intents, std::string::npos);
  EXPECT_LT(operating, proposals);
  EXPECT_LT(proposals, capital);
  EXPECT_LT(capital, intents);
  size_t strategic = b.find("<h2 id=\"strategisk\">Strategisk del</h2>");
  ASSERT_NE(strategic, std::string::npos);
  EXPECT_NE(b.find("Flådestyring</h3>", strategic), std::string::npos);
  EXPECT_NE(b.find("R003(I)(B) Flådestyring</a>", strategic), std::string::npos);
}

TEST_F(PagesTest, CachedPagesFollowEveryChange) {
  std::string url = Plan("?committee=AU");
  EXPECT_FALSE(Has(server_->Get(url).body, "Cache-prøve"));
  EXPECT_FALSE(Has(server_->Get(url).body, "Cache-prøve"));  // now cached
  auto api = "/api/v1/plans/" + std::to_string(server_->demo_plan()) + "/items?committee=AU";
  EXPECT_FALSE(Has(server_->Get(api).body, "Cache-prøve"));
  auto created = server_->Send("POST", "/api/v1/plans/" + std::to_string(server_->demo_plan()) + "/items",
                               R"({"category":"operating","committee":"AU","title":"Cache-prøve"})");
  ASSERT_EQ(created.status, 201);
  EXPECT_TRUE(Has(server_->Get(url).body, "Cache-prøve"));
  EXPECT_TRUE(Has(server_->Get(api).body, "Cache-prøve"));
  EXPECT_TRUE(Has(server_->Get(Plan("/udvalg/AU")).body, "Cache-prøve"));
}

TEST_F(PagesTest, SortsByTitleInDanishOrder) {
  auto r = server_->Get(Plan("?category=operating&committee=%C3%98K&sort=title"));
  size_t a = r.body.find("Aktiv/helhedsorienteret"), e = r.body.find("Effektiviseringsbidrag"),
         o = r.body.find("Økonomisk prognose");
  ASSERT_NE(o, std::string::npos);
  EXPECT_LT(a, e);
  EXPECT_LT(e, o);
}

TEST_F(PagesTest, CompletedItemsCanBeListedSeparately) {
  auto r = server_->Get(Plan("?done=separate"));
  size_t section = r.body.find("Afsluttede punkter <span");
  ASSERT_NE(section, std::string::npos);
  size_t done = r.body.find("Tilpasning af åbningstider", section);
  EXPECT_NE(done, std::string::npos) << "the completed item is not listed after the section heading";
}

TEST_F(PagesTest, CommitteePageListsItsOwnItemsBeforeTheCrossCuttingOnes) {
  auto r = server_->Get(Plan("/udvalg/BUU"));
  ASSERT_EQ(r.status, 200);
  // The committee's own group comes before the cross-cutting ones (issue 11: the page is
  // the extract report, its groups are heading rows of one table).
  size_t own = r.body.find("<strong>Børne- og Ungdomsudvalget (BUU)</strong>");
  size_t cross = r.body.find("<strong>Økonomiudvalget (ØK) – tværgående</strong>");
  ASSERT_NE(own, std::string::npos);
  ASSERT_NE(cross, std::string::npos);
  EXPECT_LT(own, cross);
}

TEST_F(PagesTest, FormWithErrorsKeepsInputAndNamesFields) {
  auto r = server_->PostForm(Plan("/emner"), Form({{"request_key", "t1"}, {"category", "proposal"}, {"committee", "BUU"},
                                                  {"code", "R30 7(B"}, {"title", ""}, {"amount_2025", "12,5,0"},
                                                  {"amount_2026", "abc"}, {"process", "<script>alert(1)</script>"}}));
  ASSERT_EQ(r.status, 400);
  EXPECT_TRUE(Has(r.body, "Punktet er ikke gemt"));
  EXPECT_TRUE(Has(r.body, "value=\"R30 7(B\""));
  EXPECT_TRUE(Has(r.body, "value=\"12,5,0\""));
  EXPECT_TRUE(Has(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(Has(r.body, "<script>alert"));
  EXPECT_TRUE(Has(r.body, "id=\"e-title\""));
  EXPECT_TRUE(Has(r.body, "aria-invalid=\"true\""));
  EXPECT_TRUE(Has(r.body, "<a href=\"#i-amount_2026\">"));
}

TEST_F(PagesTest, FormCreatesShowsAndEditsAnItem) {
  auto created = server_->PostForm(Plan("/emner"), Form({{"request_key", "t2"}, {"category", "operating"}, {"committee", "KFU"},
                                                        {"title", "Nyt <b>punkt</b> fra formular"}, {"amount_2027", "-1.250"},
                                                        {"political_treatment", "KFU: maj 2025"}, {"obs", "1"},
                                                        {"obs_note", "Mangler finansiering"}}));
  ASSERT_EQ(created.status, 303) << created.body;
  std::string location = created.Header("location");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(location, m, std::regex("/emner/(\\d+)\\?gemt=1")));
  auto page = server_->Get(location);
  EXPECT_TRUE(Has(page.body, "Punktet er gemt."));
  EXPECT_TRUE(Has(page.body, "Nyt &lt;b&gt;punkt&lt;/b&gt; fra formular"));
  EXPECT_TRUE(Has(page.body, "OBS-punkt:</strong> Mangler finansiering"));
  EXPECT_TRUE(Has(page.body, "\xE2\x88\x92" "1.250"));
  auto edit = server_->Get("/emner/" + m[1].str() + "/rediger");
  EXPECT_TRUE(Has(edit.body, "name=\"revision\" value=\"1\""));
  EXPECT_TRUE(Has(edit.body, "KFU: maj 2025"));
  auto saved = server_->PostForm("/emner/" + m[1].str(), Form({{"revision", "1"}, {"category", "operating"}, {"committee", "KFU"},
                                                              {"title", "Omdøbt punkt"}, {"state", "done"}}));
  EXPECT_EQ(saved.status, 303);
  EXPECT_TRUE(Has(server_->Get("/emner/" + m[1].str()).body, "Omdøbt punkt"));
}

TEST_F(PagesTest, ScriptInEveryTextFieldIsShownAsText) {
  const std::string x = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  std::vector<std::pair<std::string, std::string>> kv = {
      {"request_key", "xss"}, {"category", "operating"}, {"committee", "BUU"}};
  for (const char* f : {"title", "process", "status_text", "responsible", "director", "timing", "directors_role",
                        "obs_note", "strategies"})
    kv.emplace_back(f, x);
  kv.emplace_back("obs", "1");
  auto created = server_->PostForm(Plan("/emner"), Form(kv));
  ASSERT_EQ(created.status, 303) << created.body;
  std::string item = created.Header("location").substr(0, created.Header("location").find('?'));
  for (const std::string& url : {item, item + "/rediger", Plan(), Plan("/udvalg/BUU"), Plan("?q=alert")}) {
    auto page = server_->Get(url);
    ASSERT_EQ(page.status, 200) << url;
    EXPECT_FALSE(Has(page.body, "<script>alert")) << url;
    EXPECT_FALSE(Has(page.body, "<img src=x")) << url;
    EXPECT_TRUE(Has(page.body, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")) << url;
  }
  // Every other field with script gets a field error, shown escaped, never run.
  auto bad = server_->PostForm(Plan("/emner"), Form({{"category", x}, {"committee", x}, {"theme", x}, {"code", x},
                                                    {"political_treatment", x}, {"case_numbers", x}, {"sdgs", x},
                                                    {"state", x}, {"traffic_light", x}, {"amount_2025", x}, {"title", "t"}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_FALSE(Has(bad.body, "<script>alert"));
  EXPECT_FALSE(Has(bad.body, "<img src=x"));
}

TEST_F(PagesTest, SameFormSentTwiceAtOnceMakesOneItem) {
  std::string body = Form({{"request_key", "dobbelt-1"}, {"category", "operating"}, {"committee", "EU"}, {"title", "Dobbeltklik"}});
  int64_t before = CountItems("dobbeltklik");
  HttpResult a, b;
  std::thread t1([&] { a = server_->PostForm(Plan("/emner"), body); });
  std::thread t2([&] { b = server_->PostForm(Plan("/emner"), body); });
  t1.join();
  t2.join();
  EXPECT_EQ(a.status, 303);
  EXPECT_EQ(b.status, 303);
  EXPECT_EQ(a.Header("location"), b.Header("location"));
  EXPECT_EQ(CountItems("dobbeltklik"), before + 1);
}

TEST_F(PagesTest, SameEditSentTwiceAtOnceIsNotAConflict) {
  auto created = server_->PostForm(Plan("/emner"), Form({{"request_key", "t3"}, {"category", "operating"}, {"committee", "EU"}, {"title", "Før"}}));
  std::string id = created.Header("location").substr(7, created.Header("location").find('?') - 7);
  std::string body = Form({{"revision", "1"}, {"category", "operating"}, {"committee", "EU"}, {"title", "Efter"}});
  HttpResult a, b;
  std::thread t1([&] { a = server_->PostForm("/emner/" + id, body); });
  std::thread t2([&] { b = server_->PostForm("/emner/" + id, body); });
  t1.join();
  t2.join();
  EXPECT_EQ(a.status, 303);
  EXPECT_EQ(b.status, 303);
}

TEST_F(PagesTest, StaleEditIsRefusedAndKeepsTheInput) {
  auto created = server_->PostForm(Plan("/emner"), Form({{"request_key", "t4"}, {"category", "operating"}, {"committee", "EU"}, {"title", "Udgangspunkt"}}));
  std::string id = created.Header("location").substr(7, created.Header("location").find('?') - 7);
  EXPECT_EQ(server_->PostForm("/emner/" + id, Form({{"revision", "1"}, {"category", "operating"}, {"committee", "EU"}, {"title", "Kollegas ændring"}})).status, 303);
  auto stale = server_->PostForm("/emner/" + id, Form({{"revision", "1"}, {"category", "operating"}, {"committee", "EU"}, {"title", "Min ændring"}}));
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(Has(stale.body, "En anden har gemt punktet"));
  EXPECT_TRUE(Has(stale.body, "value=\"Min ændring\""));
  EXPECT_TRUE(Has(server_->Get("/emner/" + id).body, "Kollegas ændring"));
  EXPECT_EQ(server_->PostForm("/emner/" + id, Form({{"title", "uden version"}})).status, 400);
}

TEST_F(PagesTest, DeleteAsksFirst) {
  auto created = server_->PostForm(Plan("/emner"), Form({{"request_key", "t5"}, {"category", "operating"}, {"committee", "EU"}, {"title", "Skal slettes"}}));
  std::string id = created.Header("location").substr(7, created.Header("location").find('?') - 7);
  auto confirm = server_->Get("/emner/" + id + "/slet");
  EXPECT_TRUE(Has(confirm.body, "Ja, slet punktet"));
  EXPECT_EQ(server_->PostForm("/emner/" + id + "/slet", "revision=1").status, 303);
  EXPECT_EQ(server_->Get("/emner/" + id).status, 404);
}

TEST_F(PagesTest, PlansCanBeCreatedAndDuplicatesAreRefused) {
  auto ok = server_->PostForm("/planer", Form({{"name", "Udmøntningsplan 2026-2029"}, {"budget_name", "Budget 2026-2029"},
                                             {"first_year", "2026"}, {"last_year", "2029"}}));
  EXPECT_EQ(ok.status, 303);
  auto dup = server_->PostForm("/planer", Form({{"name", "Udmøntningsplan 2026-2029"}, {"budget_name", "B"},
                                              {"first_year", "2026"}, {"last_year", "2029"}}));
  EXPECT_EQ(dup.status, 409);
  EXPECT_TRUE(Has(dup.body, "findes allerede"));
  auto bad = server_->PostForm("/planer", Form({{"name", ""}, {"first_year", "20x6"}, {"last_year", "2019"}}));
  EXPECT_EQ(bad.status, 400);
}

// Danish copy (issue 14): an empty filter result says so in words, a filtered view has
// no row of empty strategic lines, and what a politician may not see leaves no empty
// heading behind (the directors' role, an OBS note).
TEST_F(PagesTest, CopyHasNoEmptyCountsOrHeadings) {
  server_->ActAs("okonomi");
  auto none = server_->Get(Plan("?q=zzzingentingzzz"));
  ASSERT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("Ingen punkter matcher filteret."), std::string::npos);
  EXPECT_EQ(none.body.find("0 punkter"), std::string::npos);
  EXPECT_EQ(none.body.find("heraf 0"), std::string::npos);
  auto filtered = server_->Get(Plan("?committee=BUU"));
  EXPECT_EQ(filtered.body.find("Ingen punkter i visningen."), std::string::npos);
  auto created = server_->Send("POST", "/api/v1/plans/" + std::to_string(server_->demo_plan()) + "/items",
                               R"({"category":"operating","committee":"BUU","title":"Kopitest","directors_role":"Følges månedligt"})",
                               {{"Content-Type", "application/json"}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string url = "/emner/" + std::to_string(nlohmann::json::parse(created.body)["id"].get<int64_t>());
  auto status = server_->Send("POST", "/api/v1/items" + url.substr(6) + "/status-updates",
                              R"({"status_text":"Forsinket","state":"in_progress","obs_action":"raise","obs_note":"Intern note"})",
                              {{"Content-Type", "application/json"}, {"If-Match", "*"}});
  ASSERT_EQ(status.status, 201) << status.body;
  EXPECT_NE(server_->Get(url).body.find("Direktionens rolle"), std::string::npos) << "staff see the field";
  server_->ActAs("politiker");
  auto page = server_->Get(url).body;
  EXPECT_EQ(page.find("Direktionens rolle"), std::string::npos);
  EXPECT_NE(page.find("OBS-punkt rejst.</strong>"), std::string::npos);
  EXPECT_EQ(page.find("OBS-punkt rejst:</strong>"), std::string::npos);
  EXPECT_EQ(page.find("Intern note"), std::string::npos);
  server_->ActAs("okonomi");
}

}  // namespace
}  // namespace bs::testing
