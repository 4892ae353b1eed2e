// The leak crawler (issue 5): seed closed and internal content with unique markers,
// crawl every reachable URL (pages, API, search, errors, and id guessing) as the
// public and as each role, and fail naming the URL if a marker reaches someone who
// is not entitled to it. Later issues add their paths and markers here.
#include <gtest/gtest.h>

#include <deque>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/test_server.h"

namespace bs::testing {
namespace {
using nlohmann::json;

struct Marker {
  std::string text;
  std::set<std::string> entitled;  // usernames; "" is the public
};

const std::set<std::string> kStaff = {"administrator", "okonomi", "fagchef", "direktion", "sekretaer"};
std::set<std::string> StaffAndPoliticians() {
  auto s = kStaff;
  s.insert("politiker");
  return s;
}

std::string HtmlUnescape(std::string s) {
  for (auto [from, to] : {std::pair{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}}) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) s.replace(pos, std::string(from).size(), to);
  }
  return s;
}

class LeakCrawlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>();
    server_->ActAs("okonomi");
    Seed();
  }

  json Post(const std::string& url, const json& body, std::map<std::string, std::string> headers = {}) {
    headers.emplace("Content-Type", "application/json");
    auto r = server_->Send("POST", url, body.dump(), headers);
    EXPECT_TRUE(r.status == 200 || r.status == 201) << url << " " << r.body;
    return json::parse(r.body);
  }

  // Markers: internal fields of an item that is in a published version; a status
  // update's OBS note; an item added after the last version (live only); a plan never
  // published, with an item.
  void Seed() {
    json a = Post("/api/v1/plans/1/items", {{"category", "operating"}, {"committee", "BUU"}, {"title", "Lækagetest synligt punkt"},
                                             {"directors_role", "LEAKDIRROLE1 styrer"}, {"obs", true},
                                             {"obs_note", "LEAKOBSNOTE1 bemærk"}});
    item_a_ = a["id"];
    Post("/api/v1/plans/1/versions", {{"name", "Lækagetest version"}, {"as_of", "10-06-2025"}});
    Post("/api/v1/items/" + std::to_string(item_a_) + "/status-updates",
         {{"status_text", "Offentlig statustekst"}, {"state", "in_progress"}, {"obs_action", "raise"},
          {"obs_note", "LEAKSTATUSOBS1 intern"}},
         {{"If-Match", "*"}});
    Post("/api/v1/plans/1/items", {{"category", "operating"}, {"committee", "AU"}, {"title", "LEAKUNPUBLISHED1 nyt punkt"}});
    json plan = Post("/api/v1/plans", {{"name", "LEAKHIDDENPLAN1"}, {"budget_name", "Budget 2026-2029"}, {"first_year", 2026}, {"last_year", 2029}});
    hidden_plan_ = plan["id"];
    json h = Post("/api/v1/plans/" + std::to_string(hidden_plan_) + "/items",
                  {{"category", "operating"}, {"committee", "BUU"}, {"title", "LEAKHIDDENITEM1 skjult"}});
    max_item_ = h["id"];
    markers_ = {
        {"LEAKDIRROLE1", kStaff},
        {"LEAKOBSNOTE1", kStaff},
        {"LEAKSTATUSOBS1", kStaff},
        {"LEAKUNPUBLISHED1", StaffAndPoliticians()},
        {"LEAKHIDDENPLAN1", StaffAndPoliticians()},
        {"LEAKHIDDENITEM1", StaffAndPoliticians()},
    };
  }

  // Every URL a visitor could try, whether linked or not: the id-guessing part.
  std::vector<std::string> Seeds() const {
    std::vector<std::string> urls = {"/", "/plans", "/docs/api", "/log-ind", "/api/v1/plans", "/api/v1/bodies",
                                     "/api/v1/session", "/admin/brugere", "/admin/log", "/organer/%C3%98K/medlemmer",
                                     "/nope", "/items/abc", "/plans/999999", "/api/v1/items/999999"};
    for (int p = 1; p <= hidden_plan_ + 1; ++p) {
      std::string b = "/plans/" + std::to_string(p), a = "/api/v1/plans/" + std::to_string(p);
      for (std::string s : {b, b + "/versions", b + "/setup", b + "/items/new", b + "/committees/BUU", b + "/redline?from=1&to=now",
                            b + "/redline?from=1&to=2", b + "/versions/1", b + "/versions/2", b + "?q=leak", a, a + "/items",
                            a + "/items?q=leak", a + "/versions", a + "/history", a + "/redline?from=1&to=now",
                            a + "/redline?from=1&to=2"})
        urls.push_back(s);
    }
    for (int v = 1; v <= 3; ++v) urls.push_back("/api/v1/versions/" + std::to_string(v));
    for (int i = 1; i <= max_item_ + 1; ++i) {
      std::string b = "/items/" + std::to_string(i), a = "/api/v1/items/" + std::to_string(i);
      for (std::string s : {b, b + "/history", b + "/edit", b + "/delete", a, a + "/history", a + "/status-updates"}) urls.push_back(s);
    }
    return urls;
  }

  // Crawls as `who` ("" = the public) and returns how many URLs were fetched.
  int Crawl(const std::string& who) {
    std::map<std::string, std::string> headers;
    if (!who.empty()) {
      auto c = server_->SignIn(who);
      headers["Cookie"] = "bs_session=" + c.token;
      headers["X-CSRF-Token"] = c.csrf;
    }
    std::deque<std::string> queue;
    std::set<std::string> seen;
    for (const auto& u : Seeds()) if (seen.insert(u).second) queue.push_back(u);
    std::regex href("href=\"(/[^\"#]*)");
    std::regex api("\"(/api/v1/[^\"]+)\"");
    int fetched = 0;
    while (!queue.empty() && fetched < 4000) {
      std::string url = queue.front();
      queue.pop_front();
      if (url.rfind("/static/", 0) == 0) continue;
      auto r = HttpRequest(server_->port(), "GET", url, "", headers);
      ++fetched;
      EXPECT_NE(r.status, 500) << who << " " << url;
      Check(who, "GET " + url, r.body);
      EXPECT_EQ(r.body.find('\x01'), std::string::npos) << "an unfilled per-session slot at " << url;
      for (const std::regex* re : {&href, &api})
        for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), *re); it != std::sregex_iterator(); ++it) {
          std::string next = HtmlUnescape((*it)[1].str());
          if (next.rfind("/log-ind", 0) == 0) next = "/log-ind";  // one sign-in page is enough
          if (seen.insert(next).second) queue.push_back(next);
        }
    }
    // Error paths of writes: refused or failed writes must not echo closed content either.
    for (const std::string& url : {"/items/" + std::to_string(item_a_) + "/status", "/items/" + std::to_string(item_a_),
                                   "/plans/" + std::to_string(hidden_plan_) + "/items", "/items/" + std::to_string(max_item_) + "/delete"}) {
      auto h = headers;
      h["Content-Type"] = "application/x-www-form-urlencoded";
      auto r = HttpRequest(server_->port(), "POST", url, "revision=1&title=", h);
      Check(who, "POST " + url, r.body);
    }
    return fetched;
  }

  void Check(const std::string& who, const std::string& url, const std::string& body) {
    for (const auto& m : markers_) {
      if (m.entitled.count(who)) continue;
      if (url.find(m.text) != std::string::npos) continue;  // the marker is in the address itself
      EXPECT_EQ(body.find(m.text), std::string::npos)
          << "LEAK: " << m.text << " reached " << (who.empty() ? "the public" : who) << " at " << url;
    }
  }

  std::unique_ptr<TestServer> server_;
  std::vector<Marker> markers_;
  int item_a_ = 0, hidden_plan_ = 0, max_item_ = 0;
};

TEST_F(LeakCrawlerTest, NoMarkerReachesAnyoneNotEntitled) {
  for (std::string who : {"", "politiker", "fagchef", "sekretaer", "direktion", "okonomi", "administrator"}) {
    int fetched = Crawl(who);
    std::printf("crawled %d URLs as %s\n", fetched, who.empty() ? "the public" : who.c_str());
    EXPECT_GT(fetched, 300) << who;
  }
}

TEST_F(LeakCrawlerTest, EntitledPeopleDoSeeTheMarkers) {
  // Guards the crawler itself: if nobody saw the markers, the test above would prove nothing.
  server_->ActAs("direktion");
  EXPECT_NE(server_->Get("/items/" + std::to_string(item_a_)).body.find("LEAKOBSNOTE1"), std::string::npos);
  EXPECT_NE(server_->Get("/items/" + std::to_string(item_a_)).body.find("LEAKDIRROLE1"), std::string::npos);
  EXPECT_NE(server_->Get("/items/" + std::to_string(item_a_)).body.find("LEAKSTATUSOBS1"), std::string::npos);
  server_->ActAs("politiker");
  EXPECT_NE(server_->Get("/plans").body.find("LEAKHIDDENPLAN1"), std::string::npos);
  EXPECT_NE(server_->Get("/plans/1").body.find("LEAKUNPUBLISHED1"), std::string::npos);
  server_->ActAnonymously();
  auto version = server_->Get("/plans/1/versions/2").body;
  EXPECT_NE(version.find("Lækagetest synligt punkt"), std::string::npos);
  // The OBS flag is public, its note is not: the label stands alone.
  EXPECT_NE(version.find("<strong class=\"obs-label\">OBS-punkt</strong>"), std::string::npos);
}

TEST_F(LeakCrawlerTest, SearchNeverMatchesInternalText) {
  // A search that matched internal fields would reveal them one guess at a time.
  for (std::string who : {"", "politiker"}) {
    if (who.empty()) server_->ActAnonymously(); else server_->ActAs(who);
    auto page = server_->Get("/plans/1/versions/2?q=LEAKOBSNOTE1");
    EXPECT_NE(page.body.find("Ingen punkter matcher"), std::string::npos) << who;
    auto dir = server_->Get("/plans/1/versions/2?q=LEAKDIRROLE1");
    EXPECT_NE(dir.body.find("Ingen punkter matcher"), std::string::npos) << who;
  }
  server_->ActAs("politiker");
  EXPECT_EQ(json::parse(server_->Get("/api/v1/plans/1/items?q=LEAKOBSNOTE1").body)["total"], 0);
}

}  // namespace
}  // namespace bs::testing
