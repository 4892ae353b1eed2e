// Every meeting and people page over a busy (Unavailable) or broken (Internal) meeting or
// people store (issue 12): 503 or 500 with a Danish message, never "findes ikke" (404),
// and never an internal detail (SQL, "sqlite", file paths, exception text).
#include <gtest/gtest.h>

#include "support/test_server.h"
#include "support/viewers.h"

namespace bs::testing {
namespace {

struct Call {
  std::string method;  // GET or POST (a form; JSON when the target is /api/)
  std::string target;
  std::string body;
};

std::string Describe(const Call& c) { return c.method + " " + c.target; }

// What no error page may contain (lower-cased before the search).
bool ShowsInternals(std::string body) {
  for (auto& ch : body) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const char* needle : {"disk i/o", "page 77", "internal detail", "sqlite", "select ", "insert ", "/tmp/",
                             "budgetspor-web", "exception", "what()", "stoll", "stoi"})
    if (body.find(needle) != std::string::npos) return true;
  return false;
}

class StoreFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.ActAs("administrator");
    // The demo's published ØK meeting with items, an attachment and a linked plan item.
    Date today = server_.meetings().Today();
    Viewer admin = SignedIn(Role::kAdministrator);
    auto meetings = server_.MeetingsOf("ØK", today, Date::FromDays(today.ToDays() + 60));
    ASSERT_TRUE(meetings.ok());
    for (const auto& m : *meetings) {
      if (!m.published()) continue;
      auto view = server_.meetings().GetMeeting(admin, m.id);
      ASSERT_TRUE(view.ok()) << view.error().message;
      meeting_ = m.id;
      for (const auto& e : view->agenda) {
        if (!item_) item_ = e.item.id;
        if (!attachment_ && !e.attachments.empty()) attachment_ = e.attachments.front().id;
        if (!plan_item_ && !e.plan_items.empty()) plan_item_ = e.plan_items.front().id;
      }
      break;
    }
    ASSERT_NE(meeting_, 0);
    ASSERT_NE(item_, 0);
    ASSERT_NE(attachment_, 0);
    ASSERT_NE(plan_item_, 0);
    auto topics = server_.meetings().BodyWorkplan(admin, "ØK", today.year);
    if (topics.ok() && !topics->topics.empty()) topic_ = topics->topics.front().id;
  }
  void TearDown() override {
    server_.meeting_faults().FailAll(false);
    server_.people_faults().FailAll(false);
  }

  std::vector<Call> MeetingPages() const {
    const std::string m = "/moeder/" + std::to_string(meeting_), i = "/punkter/" + std::to_string(item_),
                      a = "/bilag/" + std::to_string(attachment_), body = "/organer/%C3%98K";
    return {
        {"GET", "/moeder", ""},
        {"GET", "/moeder?organ=%C3%98K", ""},
        {"GET", m, ""},
        {"GET", m + "?udgave=offentlig", ""},
        {"GET", m + "/dagsorden.pdf", ""},
        {"GET", m + "/protokol.pdf", ""},
        {"GET", i + "/rediger", ""},
        {"GET", i + "/fjern", ""},
        {"GET", a, ""},
        {"GET", a + "/fjern", ""},
        {"GET", "/sager", ""},
        {"GET", "/overblik", ""},
        {"GET", body + "/portefoelje", ""},
        {"GET", body + "/arbejdsplan", ""},
        {"GET", body + "/moeder.ics", ""},
        {"GET", "/emner/" + std::to_string(plan_item_), ""},  // where the plan item was treated
        {"POST", "/moeder", "body=%C3%98K&date=01-12-2025&start=16:00&end=18:00&place=R%C3%A5dhuset&kind=ordinary"},
        {"POST", m, "date=01-12-2025&start=16:00&end=18:00&place=R%C3%A5dhuset&kind=ordinary&begrundelse=Flyttet"},
        {"POST", m + "/punkter", "sag=24%2F7615&begrundelse=Tilf%C3%B8jet"},
        {"POST", m + "/offentliggoer", ""},
        {"POST", m + "/godkend", ""},
        {"POST", m + "/fremmoede", ""},
        {"POST", m + "/aarshjul", ""},
        {"POST", i, "titel=Ny+titel&begrundelse=Rettet"},
        {"POST", i + "/op", ""},
        {"POST", i + "/ned", ""},
        {"POST", i + "/fjern", ""},
        {"POST", i + "/beslutning", "beslutning=Godkendt.&begrundelse=Rettet"},
        {"POST", i + "/send-videre", ""},
        {"POST", a + "/fjern", ""},
        {"POST", "/sager", "number=25%2F9999&title=Ny+sag&route=%C3%98K"},
        {"POST", body + "/aarshjul", "titel=Emne&maaneder=3&sag=24%2F7615"},
        {"POST", "/aarshjul/" + std::to_string(topic_ ? topic_ : 1) + "/fjern", ""},
    };
  }

  std::vector<Call> PeoplePages() const {
    return {
        {"GET", "/admin/brugere", ""},
        {"GET", "/admin/brugere/1", ""},
        {"GET", "/admin/log", ""},
        {"GET", "/organer/%C3%98K/medlemmer", ""},
        {"GET", "/api/v1/bodies/%C3%98K/members", ""},
        {"GET", "/api/v1/session", ""},
        {"POST", "/admin/brugere", "username=ny&name=Ny+Person&roles=viewer&password=en-lang-adgangskode-1"},
        {"POST", "/admin/brugere/1", "name=Lene+Berg&roles=administrator&active=1"},
        {"POST", "/admin/brugere/1/adgangskode", "password=en-lang-adgangskode-1"},
        {"POST", "/admin/brugere/1/medlemskaber", "body=%C3%98K&kind=member&from=01-01-2025"},
        {"POST", "/admin/medlemskaber/1/afslut", "to=31-12-2025"},
        {"POST", "/log-ud", ""},
        {"GET", "/moeder", ""},  // any page of a signed-in person reads the session
        {"GET", "/", ""},
    };
  }

  // The people pages the public reaches: the session is not read, the people store is.
  std::vector<Call> PublicPeoplePages() const {
    return {
        {"GET", "/organer/%C3%98K/medlemmer", ""},
        {"GET", "/api/v1/bodies/%C3%98K/members", ""},
        {"POST", "/api/v1/session", R"({"username":"administrator","password":"forkert"})"},
    };
  }

  HttpResult Send(const Call& c) {
    if (c.method == "GET") return server_.Get(c.target);
    if (c.target.rfind("/api/", 0) == 0) return server_.Send(c.method, c.target, c.body);
    return server_.PostForm(c.target, c.body);
  }

  // Every call answers `status` and shows nothing internal.
  void ExpectAll(const std::vector<Call>& calls, int status) {
    for (const auto& c : calls) {
      auto r = Send(c);
      EXPECT_EQ(r.status, status) << Describe(c);
      EXPECT_FALSE(ShowsInternals(r.body)) << Describe(c) << ": " << r.body.substr(0, 2000);
      if (status == 503 && c.target.rfind("/api/", 0) != 0 && c.target.find(".ics") == std::string::npos) {
        EXPECT_NE(r.body.find("Prøv igen"), std::string::npos) << Describe(c);
      }
    }
  }

  TestServer server_;
  int64_t meeting_ = 0, item_ = 0, attachment_ = 0, topic_ = 0;
  ItemId plan_item_ = 0;
};

TEST_F(StoreFaultsTest, BusyMeetingStoreIs503OnEveryMeetingPage) {
  server_.meeting_faults().FailAll(true, ErrorCode::kUnavailable);
  ExpectAll(MeetingPages(), 503);
}

TEST_F(StoreFaultsTest, BrokenMeetingStoreIs500OnEveryMeetingPageWithoutInternals) {
  server_.meeting_faults().FailAll(true, ErrorCode::kInternal);
  ExpectAll(MeetingPages(), 500);
}

TEST_F(StoreFaultsTest, BusyMeetingStoreIs503ForThePublicToo) {
  server_.ActAnonymously();
  server_.meeting_faults().FailAll(true, ErrorCode::kUnavailable);
  std::vector<Call> pages;
  for (const auto& c : MeetingPages()) {
    // The public may not see cases or the (unpublished) plan item: refused before any read.
    if (c.method == "GET" && c.target != "/sager" && c.target.rfind("/emner/", 0) != 0) pages.push_back(c);
  }
  ExpectAll(pages, 503);
}

TEST_F(StoreFaultsTest, BusyPeopleStoreIs503OnEveryPeoplePage) {
  server_.people_faults().FailAll(true, ErrorCode::kUnavailable);
  ExpectAll(PeoplePages(), 503);
  server_.ActAnonymously();
  ExpectAll(PublicPeoplePages(), 503);
}

TEST_F(StoreFaultsTest, BrokenPeopleStoreIs500OnEveryPeoplePageWithoutInternals) {
  server_.people_faults().FailAll(true, ErrorCode::kInternal);
  ExpectAll(PeoplePages(), 500);
  server_.ActAnonymously();
  ExpectAll(PublicPeoplePages(), 500);
}

TEST_F(StoreFaultsTest, TheRealNotFoundStaysNotFound) {
  for (const char* target : {"/moeder/999999", "/punkter/999999/rediger", "/bilag/999999"}) {
    auto r = server_.Get(target);
    EXPECT_EQ(r.status, 404) << target;
  }
  EXPECT_NE(server_.Get("/moeder/999999").body.find("Mødet findes ikke."), std::string::npos);
  EXPECT_NE(server_.Get("/bilag/999999").body.find("Bilaget findes ikke."), std::string::npos);
}

TEST_F(StoreFaultsTest, AFailedMeetingWriteIs503AndTheStoreWorksAfter) {
  server_.meeting_faults().FailWrite(1, ErrorCode::kUnavailable);
  auto r = server_.PostForm("/sager", "number=25%2F9998&title=Fejler&route=%C3%98K");
  EXPECT_EQ(r.status, 503);
  EXPECT_FALSE(ShowsInternals(r.body));
  auto again = server_.PostForm("/sager", "number=25%2F9998&title=Virker&route=%C3%98K");
  EXPECT_EQ(again.status, 303) << again.body.substr(0, 2000);
}

}  // namespace
}  // namespace bs::testing
