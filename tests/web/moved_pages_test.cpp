// Issue 12: one language for page URLs. The old English page paths redirect
// permanently to the Danish ones (301 for GET, 308 for POST, the query kept), the new
// paths serve the pages, /api/v1 keeps its paths, and no page links to an old path.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/test_server.h"
#include "web/routes.h"

namespace bs::testing {
namespace {

using nlohmann::json;

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

class MovedPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() { delete server_; }
  void SetUp() override { server_->ActAs("okonomi"); }

  // An item of the demo plan, through the API.
  static std::string AnItem() {
    auto list = json::parse(server_->Get("/api/v1/plans/" + std::to_string(server_->demo_plan()) + "/items?limit=1").body);
    return std::to_string(list["items"][0]["id"].get<int>());
  }
  // A pattern of the table with real values: the plan or item id, version 1, BUU.
  static std::string Fill(std::string pattern, const std::string& id) {
    for (auto [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"{id}", id}, {"{vid}", "1"}, {"{code}", "BUU"}, {"{kind}", "half-year"}}) {
      for (size_t at; (at = pattern.find(name)) != std::string::npos;) pattern.replace(at, name.size(), value);
    }
    return pattern;
  }
  static std::string IdFor(const std::string& pattern) {
    return pattern.rfind("/items", 0) == 0 ? AnItem() : std::to_string(server_->demo_plan());
  }
  static TestServer* server_;
};
TestServer* MovedPagesTest::server_ = nullptr;

TEST_F(MovedPagesTest, EveryOldPathRedirectsPermanentlyWithTheQuery) {
  ASSERT_EQ(web::MovedPages().size(), 24u);
  for (const auto& [from, to] : web::MovedPages()) {
    const std::string id = IdFor(from);
    const std::string old_path = Fill(from, id), new_path = Fill(to, id);
    auto get = server_->Get(old_path);
    EXPECT_EQ(get.status, 301) << old_path;
    EXPECT_EQ(get.Header("location"), new_path) << old_path;
    auto with_query = server_->Get(old_path + "?q=Bl%C3%A5&committee=BUU");
    EXPECT_EQ(with_query.status, 301) << old_path;
    EXPECT_EQ(with_query.Header("location"), new_path + "?q=Bl%C3%A5&committee=BUU") << old_path;
    // A form sent from a page loaded before the move: 308 keeps the method and body.
    auto post = server_->PostForm(old_path + "?x=1", "revision=1");
    EXPECT_EQ(post.status, 308) << old_path;
    EXPECT_EQ(post.Header("location"), new_path + "?x=1") << old_path;
  }
}

TEST_F(MovedPagesTest, TheNewPathsServeThePages) {
  for (const auto& [from, to] : web::MovedPages()) {
    const std::string id = IdFor(from);
    // The redline needs its versions (without them: 400, as before the move).
    const std::string query = to.size() > 11 && to.substr(to.size() - 11) == "/aendringer" ? "?from=1&to=now" : "";
    auto r = server_->Get(Fill(to, id) + query);
    // Form targets (POST only) answer 405 to GET: the route is there.
    EXPECT_TRUE(r.status == 200 || r.status == 405) << Fill(to, id) << " " << r.status;
    if (r.status == 200 && r.Header("content-type").rfind("text/html", 0) == 0) {
      EXPECT_TRUE(Has(r.body, "<html lang=\"da\">")) << Fill(to, id);
    }
  }
  // The page an old bookmark reaches is the page at the new path.
  const std::string plan = std::to_string(server_->demo_plan());
  auto old_page = server_->Get("/plans/" + plan + "/versions/1?q=skole");
  ASSERT_EQ(old_page.status, 301);
  auto followed = server_->Get(old_page.Header("location"));
  EXPECT_EQ(followed.status, 200);
  EXPECT_EQ(followed.body, server_->Get("/planer/" + plan + "/versioner/1?q=skole").body);
  // The public gets the same redirect (no session needed to find the new place).
  server_->ActAnonymously();
  auto anon = server_->Get("/plans/" + plan + "/versions/1");
  EXPECT_EQ(anon.status, 301);
  EXPECT_EQ(anon.Header("location"), "/planer/" + plan + "/versioner/1");
}

TEST_F(MovedPagesTest, TheApiKeepsItsPathsAndUnknownPathsAre404) {
  const std::string plan = std::to_string(server_->demo_plan());
  EXPECT_EQ(server_->Get("/api/v1/plans/" + plan).status, 200);
  EXPECT_EQ(server_->Get("/api/v1/plans/" + plan + "/items?limit=1").status, 200);
  EXPECT_EQ(server_->Get("/api/v1/planer/" + plan).status, 404);
  for (const std::string& path : std::vector<std::string>{"/plans/" + plan + "/nope", "/plansx", "/items", "/items/1/nope", "/docs", "/docs/nope",
                                 "/planer/" + plan + "/nope"}) {
    auto r = server_->Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_TRUE(Has(r.body, "Siden findes ikke")) << path;
  }
}

TEST_F(MovedPagesTest, NoPageLinksToAnOldPath) {
  const std::string plan = "/planer/" + std::to_string(server_->demo_plan());
  const std::string item = "/emner/" + AnItem();
  std::regex target("(?:href|action)=\"(/[^\"]*)\"");
  int links = 0;
  for (const std::string& page : {std::string("/planer"), plan, plan + "/udvalg/BUU", plan + "/emner/ny",
                                  plan + "/opsaetning", plan + "/versioner", plan + "/versioner/1", plan + "/versioner/1/udvalg/BUU",
                                  plan + "/aendringer?from=1&to=now", plan + "/rapporter", plan + "/rapporter/half-year",
                                  plan + "/statusrunder", item, item + "/rediger", item + "/slet", item + "/historik",
                                  std::string("/moeder"), std::string("/overblik"), std::string("/dokumentation/api"),
                                  std::string("/dokumentation/adgang"), std::string("/nope")}) {
    auto r = server_->Get(page);
    ASSERT_TRUE(r.status == 200 || r.status == 404) << page << " " << r.status;
    for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), target); it != std::sregex_iterator(); ++it, ++links) {
      const std::string to = (*it)[1].str();
      for (const char* old : {"/plans", "/items", "/docs/"})
        EXPECT_NE(to.rfind(old, 0), 0u) << page << " links to the old path " << to;
    }
  }
  EXPECT_GT(links, 100);
}

}  // namespace
}  // namespace bs::testing
