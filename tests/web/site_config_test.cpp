// Issue 15: what the configured base URL and trusted proxies decide (cookies, HSTS,
// links, the client's address), never a client's header; the security headers on every
// answer (#13).
#include <gtest/gtest.h>

#include <regex>

#include "support/test_server.h"
#include "web/server.h"

namespace bs::testing {
namespace {

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Signs in through the page as a browser does and answers the POST's raw headers.
HttpResult SignIn(TestServer& s, const std::string& user, std::map<std::string, std::string> extra = {}) {
  auto form = HttpRequest(s.port(), "GET", "/log-ind", "", extra);
  std::smatch m;
  std::regex pre("name=\"_pre\" value=\"([0-9a-f]+)\"");
  EXPECT_TRUE(std::regex_search(form.body, m, pre));
  std::string token = m[1];
  std::string pre_cookie = form.Header("set-cookie").substr(0, form.Header("set-cookie").find(';'));
  extra["Content-Type"] = "application/x-www-form-urlencoded";
  extra["Cookie"] = pre_cookie;
  return HttpRequest(s.port(), "POST", "/log-ind",
                     "_pre=" + token + "&username=" + user + "&password=" + web::PercentEncode(s.passwords().at(user)) + "&next=%2F",
                     extra);
}

TEST(SiteConfigTest, AnHttpsBaseUrlMakesTheCookieSecureAndSendsHsts) {
  web::ServerOptions network;
  network.base_url = "https://budget.kommune.dk/";
  TestServer s(0, 0, network);
  auto signed_in = SignIn(s, "okonomi");
  ASSERT_EQ(signed_in.status, 303) << signed_in.body.substr(0, 300);
  std::string cookie = signed_in.Header("set-cookie");
  EXPECT_TRUE(Has(cookie, "__Host-bs_session=")) << cookie;
  EXPECT_TRUE(Has(cookie, "; Path=/; HttpOnly; SameSite=Lax")) << cookie;
  EXPECT_TRUE(Has(cookie, "; Secure")) << cookie;
  EXPECT_FALSE(Has(cookie, "Domain=")) << cookie;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(cookie, m, std::regex("__Host-bs_session=([0-9a-f]{64})")));
  auto me = HttpRequest(s.port(), "GET", "/api/v1/session", "", {{"Cookie", "__Host-bs_session=" + m[1].str()}});
  EXPECT_NE(me.body.find("\"okonomi\""), std::string::npos) << "the __Host- cookie is read back";
  auto home = HttpRequest(s.port(), "GET", "/");
  EXPECT_EQ(home.Header("strict-transport-security"), "max-age=31536000");
  // Links and UIDs name the configured site.
  auto ics = HttpRequest(s.port(), "GET", "/organer/%C3%98K/moeder.ics", "", {{"Host", "evil.example"}});
  EXPECT_TRUE(Has(ics.body, "URL:https://budget.kommune.dk/moeder/"));
  EXPECT_TRUE(Has(ics.body, "@budget.kommune.dk\r\n"));
}

TEST(SiteConfigTest, ForwardedProtoFromAClientChangesNothing) {
  TestServer s;  // base URL http://127.0.0.1:<port>
  auto signed_in = SignIn(s, "okonomi", {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(signed_in.status, 303);
  std::string cookie = signed_in.Header("set-cookie");
  EXPECT_TRUE(Has(cookie, "bs_session="));
  EXPECT_FALSE(Has(cookie, "__Host-"));
  EXPECT_FALSE(Has(cookie, "Secure")) << "X-Forwarded-Proto was believed: " << cookie;
  EXPECT_EQ(HttpRequest(s.port(), "GET", "/", "", {{"X-Forwarded-Proto", "https"}}).Header("strict-transport-security"), "");
}

TEST(SiteConfigTest, ForwardedForIsBelievedOnlyFromTrustedProxies) {
  const std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.2"};
  EXPECT_EQ(web::ClientAddress("192.0.2.9", "203.0.113.7", trusted), "192.0.2.9") << "not a proxy of ours";
  EXPECT_EQ(web::ClientAddress("127.0.0.1", "203.0.113.7", trusted), "203.0.113.7");
  EXPECT_EQ(web::ClientAddress("127.0.0.1", "", trusted), "127.0.0.1");
  // The client may put anything on the left; the rightmost untrusted hop is the client.
  EXPECT_EQ(web::ClientAddress("127.0.0.1", "1.1.1.1, 203.0.113.7, 10.0.0.2", trusted), "203.0.113.7");
  EXPECT_EQ(web::ClientAddress("127.0.0.1", "203.0.113.7, nonsense", trusted), "127.0.0.1");
  EXPECT_EQ(web::ClientAddress("127.0.0.1", "2001:db8::1", trusted), "2001:db8::1");
  EXPECT_EQ(web::ClientAddress("127.0.0.1", "203.0.113.7", {}), "127.0.0.1");

  // Through the server: the sign-in audit records the address the proxy forwarded.
  web::ServerOptions network;
  network.trusted_proxies = {"127.0.0.1"};
  TestServer s(0, 0, network);
  ASSERT_EQ(SignIn(s, "fagchef", {{"X-Forwarded-For", "203.0.113.7"}}).status, 303);
  TestServer plain;
  ASSERT_EQ(SignIn(plain, "fagchef", {{"X-Forwarded-For", "203.0.113.7"}}).status, 303);
  Viewer admin;
  admin.user = User{};
  admin.user->roles = {Role::kAdministrator};
  auto remote_of_last_sign_in = [&admin](TestServer& t) {
    auto log = t.people().Audit(admin, 50, 0);
    for (const auto& e : log.value())
      if (e.action == "sign_in" && e.subject == "fagchef") return e.remote;
    return std::string("?");
  };
  EXPECT_EQ(remote_of_last_sign_in(s), "203.0.113.7");
  EXPECT_EQ(remote_of_last_sign_in(plain), "127.0.0.1") << "X-Forwarded-For believed from a peer not trusted";
}

TEST(SiteConfigTest, SecurityHeadersOnEveryAnswerAndCacheControlOnce) {
  TestServer s;
  s.ActAs("administrator");
  std::vector<std::string> targets = {"/", "/planer", "/api/v1/plans", "/findes-ikke", "/organer/%C3%98K/moeder.ics",
                                      "/static/style.css"};
  int closed = 0;
  for (int i = 1; i <= 60 && !closed; ++i) {
    auto a = s.Get("/bilag/" + std::to_string(i));
    if (a.status == 200 && a.Header("cache-control").rfind("private, no-store", 0) == 0) closed = i;
  }
  ASSERT_NE(closed, 0) << "the demo has a closed attachment";
  targets.push_back("/bilag/" + std::to_string(closed));
  // A PDF.
  targets.push_back("/moeder/1/dagsorden.pdf");
  for (const auto& t : targets) {
    std::string cookie = std::string(web::kSessionCookie) + "=" + s.acting().token;
    std::string out = RawExchange(s.port(), "GET " + t + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: " + cookie + "\r\n\r\n");
    std::string head = out.substr(0, out.find("\r\n\r\n"));
    EXPECT_TRUE(Has(head, "Content-Security-Policy: default-src 'self'")) << t << "\n" << head;
    EXPECT_TRUE(Has(head, "X-Frame-Options: DENY")) << t;
    EXPECT_TRUE(Has(head, "Permissions-Policy: camera=()")) << t;
    EXPECT_TRUE(Has(head, "X-Content-Type-Options: nosniff")) << t;
    EXPECT_LE(Count(head, "Cache-Control:"), 1) << t << "\n" << head;
  }
}

}  // namespace
}  // namespace bs::testing
