// Sign-in, sessions, CSRF and the access rule through HTTP (issue 5). Single requests
// (what the public may read, who may not see the admin pages) are in
// tests/requests/access.req and people.req.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/test_server.h"
#include "web/form.h"
#include "web/session.h"

namespace bs::testing {
namespace {
using nlohmann::json;

bool Has(const std::string& body, const std::string& s) { return body.find(s) != std::string::npos; }

class AccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() { delete server_; }
  void SetUp() override { server_->ActAs("okonomi"); }

  json NewItem(const std::string& committee, const std::string& title, const std::string& responsible = "") {
    auto r = server_->Send("POST", "/api/v1/plans/" + std::to_string(server_->demo_plan()) + "/items",
                           json{{"category", "operating"}, {"committee", committee}, {"title", title},
                                {"responsible", responsible}, {"directors_role", "Intern rolle"}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body);
  }
  // A request with only the given cookie (no CSRF header).
  HttpResult Raw(const std::string& method, const std::string& target, const std::string& body,
                 std::map<std::string, std::string> headers) {
    return HttpRequest(server_->port(), method, target, body, headers);
  }
  // Signs in through the page like a browser: GET the form (pre-session cookie), POST it.
  HttpResult SignInByForm(const std::string& username, const std::string& password, const std::string& next) {
    auto form = Raw("GET", "/log-ind?next=" + web::PercentEncode(next), "", {});
    std::smatch m;
    std::regex pre("name=\"_pre\" value=\"([0-9a-f]+)\"");
    EXPECT_TRUE(std::regex_search(form.body, m, pre));
    std::string token = m[1];
    return Raw("POST", "/log-ind",
               "_pre=" + token + "&username=" + web::PercentEncode(username) + "&password=" + web::PercentEncode(password) +
                   "&next=" + web::PercentEncode(next),
               {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "bs_pre=" + token}});
  }
  static TestServer* server_;
};
TestServer* AccessTest::server_ = nullptr;

std::string SessionCookie(const HttpResult& r) {
  std::smatch m;
  std::string h = r.Header("set-cookie");
  std::regex re("bs_session=([0-9a-f]{64})");
  return std::regex_search(h, m, re) ? "bs_session=" + m[1].str() : "";
}

TEST_F(AccessTest, AnUnpublishedPlanDoesNotExistForThePublicAndIdGuessingTellsNothing) {
  auto plan = server_->Send("POST", "/api/v1/plans",
                            json{{"name", "Skjult plan"}, {"budget_name", "Budget 2026-2029"}, {"first_year", 2026}, {"last_year", 2029}}.dump());
  ASSERT_EQ(plan.status, 201) << plan.body;
  int pid = json::parse(plan.body)["id"];
  auto item = server_->Send("POST", "/api/v1/plans/" + std::to_string(pid) + "/items",
                            json{{"category", "operating"}, {"committee", "BUU"}, {"title", "Skjult punkt"}}.dump());
  ASSERT_EQ(item.status, 201);
  int iid = json::parse(item.body)["id"];
  server_->ActAnonymously();
  for (std::string path : {"/planer/%d", "/planer/%d/versioner", "/planer/%d/udvalg/BUU", "/api/v1/plans/%d",
                           "/api/v1/plans/%d/items", "/api/v1/plans/%d/versions", "/planer/%d/opsaetning"}) {
    char buf[100];
    std::snprintf(buf, sizeof buf, path.c_str(), pid);
    EXPECT_EQ(server_->Get(buf).status, 404) << buf;
  }
  auto hidden = server_->Get("/api/v1/items/" + std::to_string(iid));
  auto unknown = server_->Get("/api/v1/items/999999");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(std::regex_replace(hidden.body, std::regex("[0-9a-f]{16}|[0-9]+"), "N"), std::regex_replace(unknown.body, std::regex("[0-9a-f]{16}|[0-9]+"), "N"));
  auto hidden_page = server_->Get("/emner/" + std::to_string(iid));
  auto unknown_page = server_->Get("/emner/999999");
  EXPECT_EQ(hidden_page.status, 404);
  EXPECT_EQ(std::regex_replace(hidden_page.body, std::regex("[0-9a-f]{16}|[0-9]+"), "N"),
            std::regex_replace(unknown_page.body, std::regex("[0-9a-f]{16}|[0-9]+"), "N"));
  auto list = json::parse(server_->Get("/api/v1/plans").body);
  for (const auto& p : list["plans"]) EXPECT_NE(p["id"], pid);
  server_->ActAs("politiker");
  EXPECT_EQ(server_->Get("/planer/" + std::to_string(pid)).status, 200);
}

TEST_F(AccessTest, MissingOrWrongCsrfTokenChangesNothing) {
  json item = NewItem("BUU", "CSRF-mål");
  std::string url = "/api/v1/items/" + std::to_string(item["id"].get<int>());
  std::string cookie = "bs_session=" + server_->acting().token;
  auto no_token = Raw("PUT", url, json{{"title", "Ændret"}}.dump(),
                      {{"Cookie", cookie}, {"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
  EXPECT_EQ(no_token.status, 403);
  EXPECT_TRUE(Has(no_token.body, "CSRF"));
  auto wrong = Raw("POST", "/emner/" + std::to_string(item["id"].get<int>()) + "/slet", "revision=1&_csrf=" + std::string(64, '0'),
                   {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_TRUE(Has(wrong.body, "Intet er ændret"));
  auto now = json::parse(server_->Get(url).body);
  EXPECT_EQ(now["title"], "CSRF-mål");
  EXPECT_EQ(now["revision"], 1);
  // The form field works as well as the header.
  auto ok = Raw("POST", "/emner/" + std::to_string(item["id"].get<int>()) + "/slet",
                "revision=1&_csrf=" + server_->acting().csrf,
                {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(ok.status, 303);
}

TEST_F(AccessTest, AnonymousWritesAreRefused) {
  server_->ActAnonymously();
  auto r = server_->Send("POST", "/api/v1/plans/1/items", json{{"title", "x"}}.dump());
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(Has(r.body, "logget ind"));
}

TEST_F(AccessTest, SignInByFormSetsAHttpOnlyCookieAndGoesBack) {
  auto r = SignInByForm("direktion", server_->passwords().at("direktion"), "/planer/1?committee=BUU");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/planer/1?committee=BUU");
  std::string set = r.Header("set-cookie");
  EXPECT_TRUE(Has(set, "HttpOnly"));
  EXPECT_TRUE(Has(set, "SameSite=Lax"));
  EXPECT_FALSE(Has(set, "Secure"));  // plain HTTP here; behind TLS (X-Forwarded-Proto: https) it is Secure
  auto page = Raw("GET", "/planer/1", "", {{"Cookie", SessionCookie(r)}});
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Jens Kragh"));
  EXPECT_EQ(page.Header("cache-control"), "private, no-store");
  // An off-site "next" is ignored.
  EXPECT_EQ(SignInByForm("direktion", server_->passwords().at("direktion"), "//evil.example/").Header("location"), "/");
  // Issue 15 #4: what browsers read as another site after dropping tabs or turning "\\"
  // into "/" is ignored too; an ordinary path with a query is kept.
  for (const char* next : {"/\t/evil.example", "/\n/evil.example", "/\\evil.example", "/%09/x\\y", "/ /evil", "https://evil.example"})
    EXPECT_EQ(web::SafeNext(next), "/") << next;
  EXPECT_EQ(web::SafeNext("/planer/1?committee=BUU"), "/planer/1?committee=BUU");
  EXPECT_EQ(web::SafeNext("/"), "/");
  EXPECT_EQ(web::SafeNext("/organer/\xC3\x98K/portefoelje"), "/organer/\xC3\x98K/portefoelje");
  EXPECT_EQ(SignInByForm("direktion", server_->passwords().at("direktion"), "/\t/evil.example").Header("location"), "/");
}

TEST_F(AccessTest, EveryPostFormCarriesTheSessionTokenAndSignOutWorks) {
  auto c = server_->SignIn("okonomi");
  json item = NewItem("BUU", "Formularer");
  auto page = Raw("GET", "/emner/" + std::to_string(item["id"].get<int>()), "", {{"Cookie", "bs_session=" + c.token}});
  size_t forms = 0, fields = 0;
  for (size_t p = 0; (p = page.body.find("<form method=\"post\"", p)) != std::string::npos; ++p) ++forms;
  std::string field = "<input type=\"hidden\" name=\"_csrf\" value=\"" + c.csrf + "\">";
  for (size_t p = 0; (p = page.body.find(field, p)) != std::string::npos; ++p) ++fields;
  EXPECT_GE(forms, 2u);  // sign-out and status at least
  EXPECT_EQ(forms, fields);
  EXPECT_EQ(page.body.find('\x01'), std::string::npos);
  EXPECT_TRUE(Has(page.body, "action=\"/log-ud\" class=\"inline\">" + field));
  auto out = Raw("POST", "/log-ud", "_csrf=" + c.csrf,
                 {{"Cookie", "bs_session=" + c.token}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.Header("location"), "/log-ind?ud=1");
  EXPECT_EQ(Raw("GET", "/planer/1", "", {{"Cookie", "bs_session=" + c.token}}).status, 403);
}

TEST_F(AccessTest, SigningInOnTopOfAnotherSessionEndsTheOldOne) {
  auto first = SignInByForm("direktion", server_->passwords().at("direktion"), "/");
  std::string old_cookie = SessionCookie(first);
  auto form = Raw("GET", "/log-ind", "", {{"Cookie", old_cookie}});
  std::smatch m;
  std::regex pre("name=\"_pre\" value=\"([0-9a-f]+)\"");
  ASSERT_TRUE(std::regex_search(form.body, m, pre));
  std::string token = m[1];
  auto second = Raw("POST", "/log-ind", "_pre=" + token + "&username=sekretaer&password=" + server_->passwords().at("sekretaer") + "&next=/",
                    {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", old_cookie + "; bs_pre=" + token}});
  EXPECT_EQ(second.status, 303);
  EXPECT_EQ(Raw("GET", "/planer/1", "", {{"Cookie", old_cookie}}).status, 403);
  EXPECT_EQ(Raw("GET", "/planer/1", "", {{"Cookie", SessionCookie(second)}}).status, 200);
}

// Whether the site is served over TLS follows from the configured base URL
// (see SiteConfigTest); a client's X-Forwarded-Proto never decides it.
TEST_F(AccessTest, ForwardedProtoFromAClientDoesNotDecideTheCookie) {
  auto form = Raw("GET", "/log-ind", "", {{"X-Forwarded-Proto", "https"}});
  EXPECT_FALSE(form.Header("set-cookie").empty());
  EXPECT_FALSE(Has(form.Header("set-cookie"), "; Secure"));
  EXPECT_TRUE(form.Header("strict-transport-security").empty());
}

TEST_F(AccessTest, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = SignInByForm("direktion", "forkert-adgangskode", "/planer/1");
  auto unknown = SignInByForm("ingen.bruger", "forkert-adgangskode", "/planer/1");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_TRUE(Has(wrong.body, "Forkert brugernavn eller adgangskode."));
  auto strip = [](const std::string& b) {
    return std::regex_replace(std::regex_replace(b, std::regex("value=\"[^\"]*\""), ""), std::regex("ingen\\.bruger|direktion"), "U");
  };
  EXPECT_EQ(strip(wrong.body), strip(unknown.body));
  EXPECT_TRUE(SessionCookie(wrong).empty());
}

TEST_F(AccessTest, SignInFormWithoutItsTokenIsRefused) {
  auto r = Raw("POST", "/log-ind", "username=direktion&password=" + server_->passwords().at("direktion"),
               {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(SessionCookie(r).empty());
}

TEST_F(AccessTest, VeryLongPasswordIsBoundedAndCheap) {
  auto start = std::chrono::steady_clock::now();
  auto r = SignInByForm("direktion", std::string(900'000, 'a'), "/");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Has(r.body, "for lang"));
  EXPECT_LT(ms, 5000);  // generous: the point is that it is refused before hashing
}

TEST_F(AccessTest, ExpiredSessionGoesToSignInAndBack) {
  auto r = SignInByForm("sekretaer", server_->passwords().at("sekretaer"), "/");
  std::string cookie = SessionCookie(r);
  ASSERT_FALSE(cookie.empty());
  server_->clock().Advance(server_->people().policy().idle_seconds + 5);
  auto page = Raw("GET", "/planer/1?committee=BUU", "", {{"Cookie", cookie}});
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.Header("location"), "/log-ind?udloebet=1&next=%2Fplaner%2F1%3Fcommittee%3DBUU");
  EXPECT_TRUE(Has(page.Header("set-cookie"), "bs_session=;"));
  auto form = Raw("GET", page.Header("location"), "", {});
  EXPECT_TRUE(Has(form.body, "Din session er udløbet"));
  EXPECT_TRUE(Has(form.body, "value=\"/planer/1?committee=BUU\""));
  auto again = SignInByForm("sekretaer", server_->passwords().at("sekretaer"), "/planer/1?committee=BUU");
  EXPECT_EQ(again.Header("location"), "/planer/1?committee=BUU");
  // A form sent with the expired session: refused, nothing saved, a clear message.
  auto post = Raw("POST", "/planer", "name=x", {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(post.status, 403);
  EXPECT_TRUE(Has(post.body, "Din session er udløbet") || Has(post.body, "logget ind"));
  server_->ActAs("okonomi");  // the clock moved: fresh sessions for the rest
}

TEST_F(AccessTest, ForgedSessionCookieIsThePublic) {
  for (std::string forged : {std::string(64, 'a'), std::string("../../etc/passwd"), std::string(3000, 'f')}) {
    auto r = Raw("GET", "/planer/1", "", {{"Cookie", "bs_session=" + forged}});
    EXPECT_EQ(r.status, 403) << forged.substr(0, 10);
    EXPECT_TRUE(Has(r.body, "Log ind"));
  }
}

TEST_F(AccessTest, FagchefReportsOnOwnDepartmentOnlyAndCannotEdit) {
  json buu = NewItem("BUU", "BUU-punkt");
  json au = NewItem("AU", "AU-punkt");
  json answerable = NewItem("AU", "AU-punkt med Søren", "Søren Dahl");
  server_->ActAs("fagchef");
  auto status = [&](const json& item) {
    return server_->PostForm("/emner/" + std::to_string(item["id"].get<int>()) + "/status",
                             "revision=1&as_of=10-06-2025&status_text=I+gang&state=in_progress&traffic_light=green");
  };
  EXPECT_EQ(status(buu).status, 303);
  EXPECT_EQ(status(au).status, 403);
  EXPECT_EQ(status(answerable).status, 303);
  std::string au_url = "/api/v1/items/" + std::to_string(au["id"].get<int>());
  EXPECT_EQ(server_->Send("PUT", au_url, json{{"title", "Kapret"}}.dump(), {{"Content-Type", "application/json"}, {"If-Match", "*"}}).status, 403);
  EXPECT_EQ(server_->Send("PUT", "/api/v1/items/" + std::to_string(buu["id"].get<int>()), json{{"title", "Kapret"}}.dump(),
                          {{"Content-Type", "application/json"}, {"If-Match", "*"}}).status, 403);
  // Raising an OBS point is for the directors and finance.
  auto obs = server_->PostForm("/emner/" + std::to_string(buu["id"].get<int>()) + "/status",
                               "revision=2&as_of=10-06-2025&status_text=x&state=in_progress&obs_action=raise&obs_note=Hjælp");
  EXPECT_EQ(obs.status, 403);
  auto page = server_->Get("/emner/" + std::to_string(au["id"].get<int>()));
  EXPECT_FALSE(Has(page.body, "Ny statusopdatering"));
  EXPECT_FALSE(Has(page.body, "Redigér"));
  server_->ActAs("direktion");
  auto raised = server_->PostForm("/emner/" + std::to_string(buu["id"].get<int>()) + "/status",
                                  "revision=2&as_of=10-06-2025&status_text=x&state=in_progress&obs_action=raise&obs_note=Hjælp");
  EXPECT_EQ(raised.status, 303);
  // History names the signed-in person.
  server_->ActAs("okonomi");
  auto history = json::parse(server_->Get("/api/v1/items/" + std::to_string(buu["id"].get<int>()) + "/history").body);
  EXPECT_EQ(history["entries"][1]["author"], "Søren Dahl");
  EXPECT_EQ(history["entries"][2]["author"], "Jens Kragh");
}

TEST_F(AccessTest, PoliticianReadsThePlanWithoutInternalFieldsOrHistory) {
  json item = NewItem("ØK", "Politikerpunkt");
  std::string id = std::to_string(item["id"].get<int>());
  server_->ActAs("politiker");
  auto page = server_->Get("/emner/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(Has(page.body, "Intern rolle"));
  EXPECT_FALSE(Has(page.body, "Historik"));
  EXPECT_EQ(server_->Get("/emner/" + id + "/historik").status, 403);
  EXPECT_EQ(server_->Get("/api/v1/items/" + id + "/history").status, 403);
  auto api = json::parse(server_->Get("/api/v1/items/" + id).body);
  EXPECT_EQ(api["directors_role"], "");
  EXPECT_EQ(server_->PostForm("/emner/" + id + "/slet", "revision=1").status, 403);
}

TEST_F(AccessTest, PathTraversalInEveryNewPathParameter) {
  server_->ActAs("administrator");
  for (std::string path : {"/admin/brugere/..%2F1", "/admin/brugere/%2E%2E", "/admin/medlemmer/..", "/organer/..%2F..%2Fetc/medlemmer",
                           "/organer/%2E%2E/medlemmer", "/api/v1/bodies/..%2FØK/members", "/admin/brugere/1%00",
                           "/admin/medlemskaber/..%2F1/afslut"}) {
    auto r = server_->Get(path);
    EXPECT_TRUE(r.status == 404 || r.status == 405) << path << " " << r.status;
  }
}

TEST_F(AccessTest, AdministratorManagesUsersAndMembershipsAndSeesTheAuditLog) {
  server_->ActAs("administrator");
  auto created = server_->PostForm("/admin/brugere", "username=kirsten&name=Kirsten+%C3%98rum&roles=politiker&password=kirstens-kodeord");
  ASSERT_EQ(created.status, 303) << created.body;
  std::string user_url = created.Header("location").substr(0, created.Header("location").find('?'));
  auto bad = server_->PostForm("/admin/brugere", "username=K+K&name=&roles=konge&password=kort");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad.body, "Brugernavnet skal være"));
  EXPECT_TRUE(Has(bad.body, "Ukendt rolle"));
  EXPECT_TRUE(Has(bad.body, "Adgangskoden skal være 10-256 tegn."));
  // Issue 14: a member without a user account: no password asked for, none matches.
  auto member = server_->PostForm("/admin/brugere", "username=ib.holm&name=Ib+Holm+%28V%29&roles=politiker&uden_login=1");
  ASSERT_EQ(member.status, 303) << member.body.substr(0, 400);
  auto refused = SignInByForm("ib.holm", "hvilket-som-helst-kodeord", "/");
  EXPECT_NE(refused.status, 303) << "no password, no sign-in";
  EXPECT_TRUE(Has(refused.body, "Forkert brugernavn eller adgangskode.")) << "said as for anyone else";
  auto no_password = server_->PostForm("/admin/brugere", "username=ny.bruger&name=Ny+Bruger&roles=politiker");
  EXPECT_EQ(no_password.status, 400) << "with login, the password is still required";
  auto seat = server_->PostForm(user_url + "/medlemskaber", "body=%C3%98K&kind=medlem&from=01-01-2022&to=31-05-2025");
  EXPECT_EQ(seat.status, 303);
  auto bad_seat = server_->PostForm(user_url + "/medlemskaber", "body=XX&kind=medlem&from=32-01-2022&to=");
  EXPECT_EQ(bad_seat.status, 400);
  auto may = server_->Get("/organer/%C3%98K/medlemmer?dato=31-05-2025");
  EXPECT_TRUE(Has(may.body, "Kirsten Ørum"));
  auto june = server_->Get("/organer/%C3%98K/medlemmer?dato=10-06-2025");
  EXPECT_FALSE(Has(june.body, "Kirsten Ørum"));
  EXPECT_TRUE(Has(june.body, "Ole Bæk"));
  auto api = json::parse(server_->Get("/api/v1/bodies/%C3%98K/members?date=2025-05-31").body);
  // Ole Bæk and Kirsten Ørum, and the two members seed 000 names in ØK's attendance.
  EXPECT_EQ(api["members"].size(), 4u);
  auto roles = server_->PostForm(user_url, "name=Kirsten+%C3%98rum&roles=politiker&roles=sekretaer&active=1");
  EXPECT_EQ(roles.status, 303);
  (void)SignInByForm("kirsten", "forkert-kodeord", "/");
  auto log = server_->Get("/admin/log");
  EXPECT_EQ(log.status, 200);
  for (const char* what : {"Bruger oprettet", "Medlemskab tilføjet", "Bruger ændret", "Mislykket login", "Logget ind"})
    EXPECT_TRUE(Has(log.body, what)) << what;
}

TEST_F(AccessTest, ApiSessionSignInWhoAmIAndSignOut) {
  auto r = Raw("POST", "/api/v1/session", json{{"username", "okonomi"}, {"password", server_->passwords().at("okonomi")}}.dump(),
               {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  std::string cookie = SessionCookie(r);
  std::string csrf = json::parse(r.body)["csrf_token"];
  auto me = json::parse(Raw("GET", "/api/v1/session", "", {{"Cookie", cookie}}).body);
  EXPECT_EQ(me["user"]["username"], "okonomi");
  EXPECT_EQ(Raw("DELETE", "/api/v1/session", "", {{"Cookie", cookie}}).status, 403);  // sign-out needs the token too
  EXPECT_EQ(Raw("DELETE", "/api/v1/session", "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}).status, 204);
  EXPECT_EQ(json::parse(Raw("GET", "/api/v1/session", "", {{"Cookie", cookie}}).body)["signed_in"], false);
  // A cross-site form can post text/plain: refused, no session.
  auto plain = Raw("POST", "/api/v1/session", json{{"username", "okonomi"}, {"password", server_->passwords().at("okonomi")}}.dump(),
                   {{"Content-Type", "text/plain"}});
  EXPECT_EQ(plain.status, 415);
  EXPECT_TRUE(SessionCookie(plain).empty());
  auto wrong = Raw("POST", "/api/v1/session", json{{"username", "okonomi"}, {"password", "nej-nej-nej"}}.dump(),
                   {{"Content-Type", "application/json"}});
  EXPECT_EQ(wrong.status, 400);
}

TEST_F(AccessTest, RateLimitedSignInSays429InDanish) {
  for (int i = 0; i < 5; ++i) (void)SignInByForm("fagchef", "forkert-kodeord-" + std::to_string(i), "/");
  auto r = SignInByForm("fagchef", server_->passwords().at("fagchef"), "/");
  EXPECT_EQ(r.status, 429);
  EXPECT_TRUE(Has(r.body, "For mange mislykkede loginforsøg. Vent 1 sekund"));
  server_->clock().Advance(1);
  EXPECT_EQ(SignInByForm("fagchef", server_->passwords().at("fagchef"), "/").status, 303);
  server_->ActAs("okonomi");
}

// Issue 15 #3: a body framed by any Transfer-Encoding other than exactly "chunked" is
// refused with 400 and the connection closed; the bytes after the header are never
// answered as a second request (the smuggling shape the probe found).
TEST_F(AccessTest, OnlyChunkedTransferEncodingIsAccepted) {
  const std::string smuggled = "GET /api/v1/plans HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const std::string te : {"gzip", "identity", "chunked, identity", "gzip, chunked", "chunked\r\nTransfer-Encoding: chunked"}) {
    std::string out = RawExchange(server_->port(), "POST /log-ind HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + te +
                                                       "\r\n\r\n" + smuggled);
    EXPECT_EQ(out.rfind("HTTP/1.1 400", 0), 0u) << te << ": " << out.substr(0, 80);
    EXPECT_EQ(out.find("HTTP/1.1 ", 1), std::string::npos) << te << ": answered a second request";
  }
  std::string both = RawExchange(server_->port(), "POST /log-ind HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                                  "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled);
  EXPECT_EQ(both.rfind("HTTP/1.1 400", 0), 0u) << both.substr(0, 80);
  EXPECT_EQ(both.find("HTTP/1.1 ", 1), std::string::npos);
  // Exactly "chunked" (any case) is read as before.
  std::string chunked = RawExchange(server_->port(), "POST /log-ind HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n"
                                                     "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n"
                                                     "3\r\na=b\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.find("HTTP/1.1 400"), std::string::npos) << chunked.substr(0, 80);
  EXPECT_EQ(chunked.rfind("HTTP/1.1 ", 0), 0u);
}

}  // namespace
}  // namespace bs::testing
