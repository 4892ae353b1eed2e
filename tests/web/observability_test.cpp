// Issue 15: every answer carries a request id (header, error pages, JSON errors, the
// access log's JSON line); /healthz and /readyz answer without a session.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <mutex>
#include <regex>
#include <set>

#include "support/test_server.h"
#include "web/server.h"

namespace bs::testing {
namespace {

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

struct Log {
  std::mutex mu;
  std::vector<std::string> lines;
  std::vector<std::string> Take() {
    std::lock_guard lock(mu);
    return lines;
  }
};

web::ServerOptions Logged(Log& log) {
  web::ServerOptions o;
  o.access_log = [&log](const std::string& line) {
    std::lock_guard lock(log.mu);
    log.lines.push_back(line);
  };
  return o;
}

TEST(ObservabilityTest, EveryAnswerHasItsOwnRequestIdAndErrorsShowIt) {
  Log log;
  TestServer s(0, 0, Logged(log));
  std::set<std::string> ids;
  for (const char* path : {"/", "/planer", "/findes-ikke", "/api/v1/findes-ikke", "/static/app.css"}) {
    auto r = HttpRequest(s.port(), "GET", path);
    std::string id = r.Header("x-request-id");
    EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{16}"))) << path << ": «" << id << "»";
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 5u);

  auto page = HttpRequest(s.port(), "GET", "/findes-ikke");
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(Has(page.body, "Fejlens id: <code>" + page.Header("x-request-id") + "</code>")) << page.body;
  EXPECT_FALSE(Has(page.body, "\x01"));
  auto json = HttpRequest(s.port(), "GET", "/api/v1/findes-ikke");
  auto parsed = nlohmann::json::parse(json.body);
  EXPECT_EQ(parsed["error"]["request_id"], json.Header("x-request-id"));
  EXPECT_EQ(parsed["error"]["code"], "not_found");
  // An error from a page the site composes (signed in: the header slots are filled too).
  s.ActAs("fagchef");
  auto denied = s.Get("/admin/brugere");
  EXPECT_EQ(denied.status, 403);
  EXPECT_TRUE(Has(denied.body, "Fejlens id: <code>" + denied.Header("x-request-id") + "</code>")) << denied.body;
  // The server's own refusals (here a body framed as gzip) carry one too.
  std::string raw = RawExchange(s.port(), "POST /log-ind HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(raw, m, std::regex("X-Request-Id: ([0-9a-f]{16})"))) << raw;
  EXPECT_TRUE(Has(raw, "Fejlens id: <code>" + m[1].str() + "</code>")) << raw;
  // A page that is not an error shows no id.
  EXPECT_FALSE(Has(HttpRequest(s.port(), "GET", "/").body, "Fejlens id"));
}

TEST(ObservabilityTest, TheAccessLogIsOneJsonLinePerRequest) {
  Log log;
  TestServer s(0, 0, Logged(log));
  auto r = HttpRequest(s.port(), "GET", "/planer?q=hemmelig+s%C3%B8gning");
  auto missing = HttpRequest(s.port(), "GET", "/findes-ikke");
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& line : log.Take()) {
    ASSERT_EQ(line.find('\n'), std::string::npos) << line;
    auto j = nlohmann::json::parse(line);
    by_id[j["request_id"]] = j;
  }
  ASSERT_TRUE(by_id.count(r.Header("x-request-id")));
  auto j = by_id[r.Header("x-request-id")];
  EXPECT_EQ(j["method"], "GET");
  EXPECT_EQ(j["path"], "/planer") << "the query (search words) stays out of the log";
  EXPECT_EQ(j["status"], 200);
  EXPECT_EQ(j["remote"], "127.0.0.1");
  EXPECT_GT(j["bytes"].get<int64_t>(), 100);
  EXPECT_GE(j["duration_ms"].get<double>(), 0.0);
  EXPECT_TRUE(std::regex_match(j["time"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  ASSERT_TRUE(by_id.count(missing.Header("x-request-id")));
  EXPECT_EQ(by_id[missing.Header("x-request-id")]["status"], 404);
}

TEST(ObservabilityTest, ARequestIdIsTakenOnlyFromATrustedProxyAndOnlyWhenWellFormed) {
  web::ServerOptions network;
  network.trusted_proxies = {"127.0.0.1"};
  TestServer trusted(0, 0, network);
  EXPECT_EQ(HttpRequest(trusted.port(), "GET", "/", "", {{"X-Request-Id", "proxy-abc-123"}}).Header("x-request-id"),
            "proxy-abc-123");
  for (const std::string& bad : std::vector<std::string>{"a b", "<script>", std::string(65, 'a'), "x\x01R"}) {
    auto r = HttpRequest(trusted.port(), "GET", "/findes-ikke", "", {{"X-Request-Id", bad}});
    EXPECT_TRUE(std::regex_match(r.Header("x-request-id"), std::regex("[0-9a-f]{16}"))) << bad;
  }
  TestServer untrusted(0, 0, {});
  EXPECT_NE(HttpRequest(untrusted.port(), "GET", "/", "", {{"X-Request-Id", "proxy-abc-123"}}).Header("x-request-id"),
            "proxy-abc-123");
}

TEST(ObservabilityTest, HealthAndReadinessAnswerWithoutASession) {
  bool ready = true;
  web::ServerOptions network;
  network.ready = [&ready]() -> Status {
    if (ready) return OkStatus();
    return Unavailable("databasen kan kun læses");
  };
  TestServer s(0, 0, network);
  auto health = HttpRequest(s.port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  EXPECT_EQ(health.Header("cache-control"), "no-store");
  EXPECT_TRUE(health.Header("set-cookie").empty());
  auto r = HttpRequest(s.port(), "GET", "/readyz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "klar\n");
  ready = false;
  r = HttpRequest(s.port(), "GET", "/readyz");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body, "ikke klar: databasen kan kun læses\n");
  EXPECT_EQ(HttpRequest(s.port(), "GET", "/healthz").status, 200) << "alive while not ready";
  auto post = HttpRequest(s.port(), "POST", "/healthz", "x");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.Header("allow"), "GET, HEAD");
}

}  // namespace
}  // namespace bs::testing
