// Every POST form carries the session's CSRF field (issue 12): forms are opened by
// Html::PostForm only, and the Site fills its slot per session. Crawls a few pages with
// many kinds of forms (item, meetings, a prepared meeting, cases, rounds, users).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_server.h"

namespace bs::testing {
namespace {

size_t Count(const std::string& body, const std::string& s) {
  size_t n = 0;
  for (size_t p = 0; (p = body.find(s, p)) != std::string::npos; p += s.size()) ++n;
  return n;
}

struct Crawl {
  std::string user;
  std::vector<std::string> pages;
};

TEST(CsrfFormsTest, EveryPostFormOnTheStaffPagesCarriesTheSessionToken) {
  TestServer server;
  Date today = server.meetings().Today();
  std::string prepared;
  auto listed = server.MeetingsOf("ØK", today, Date::FromDays(today.ToDays() + 60));
  for (const auto& m : listed.value())
    if (!m.published()) prepared = "/moeder/" + std::to_string(m.id);
  std::string plan = "/planer/" + std::to_string(server.demo_plan());
  const std::vector<Crawl> crawls = {
      {"okonomi", {plan, plan + "/emner/ny", plan + "/opsaetning", plan + "/statusrunder", plan + "/versioner", "/planer", "/moeder", "/sager"}},
      {"sekretaer", {"/moeder", "/sager", prepared}},
      {"administrator", {"/admin/brugere", "/admin/brugere/1"}},
  };
  for (const auto& crawl : crawls) {
    auto c = server.SignIn(crawl.user);
    const std::string field = "<input type=\"hidden\" name=\"_csrf\" value=\"" + c.csrf + "\">";
    for (const auto& page : crawl.pages) {
      if (page.empty()) continue;
      auto r = HttpRequest(server.port(), "GET", page, "", {{"Cookie", "bs_session=" + c.token}});
      ASSERT_EQ(r.status, 200) << crawl.user << " " << page;
      size_t forms = Count(r.body, "<form method=\"post\"");
      EXPECT_GE(forms, 1u) << page;  // the sign-out form at least
      EXPECT_EQ(Count(r.body, "<form method=\"post\" action=\"") , forms) << page;
      for (size_t at = 0; (at = r.body.find("<form method=\"post\"", at)) != std::string::npos; ++at)  // right after the tag
        EXPECT_EQ(r.body.compare(r.body.find('>', at) + 1, field.size(), field), 0)
            << crawl.user << " " << page << ": a POST form without its CSRF field at " << r.body.substr(at, 120);
      EXPECT_EQ(Count(r.body, field), forms) << page;
      EXPECT_EQ(r.body.find('\x01'), std::string::npos) << page;
    }
  }
}

}  // namespace
}  // namespace bs::testing
