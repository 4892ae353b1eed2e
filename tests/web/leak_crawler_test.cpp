// The leak crawler (issue 5): seed closed and internal content with unique markers,
// crawl every reachable URL (pages, API, search, errors, and id guessing) as the
// public and as each role, and fail naming the URL if a marker reaches someone who
// is not entitled to it. Later issues add their paths and markers here.
#include <gtest/gtest.h>

#include <deque>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/pdf_text.h"
#include "support/test_server.h"
#include "support/viewers.h"
#include "support/xlsx_read.h"

namespace bs::testing {
namespace {
using nlohmann::json;

struct Marker {
  std::string text;
  std::set<std::string> entitled;  // usernames; "" is the public
};

const std::set<std::string> kStaff = {"administrator", "okonomi", "fagchef", "direktion", "sekretaer"};
// Closed material of ØK: administrators, directors, its members (politiker) and its
// secretaries (sekretaer). An unpublished agenda: those who prepare it.
const std::set<std::string> kClosedOk = {"administrator", "direktion", "politiker", "sekretaer"};
const std::set<std::string> kPreparersOk = {"administrator", "sekretaer"};

Viewer As(Role role) { return testing::SignedIn(role); }
Viewer Admin() { return As(Role::kAdministrator); }
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
    SeedRound();  // its version is published before the next item exists
    Post("/api/v1/plans/1/items", {{"category", "operating"}, {"committee", "AU"}, {"title", "LEAKUNPUBLISHED1 nyt punkt"}});
    json plan = Post("/api/v1/plans", {{"name", "LEAKHIDDENPLAN1"}, {"budget_name", "Budget 2026-2029"}, {"first_year", 2026}, {"last_year", 2029}});
    hidden_plan_ = plan["id"];
    json h = Post("/api/v1/plans/" + std::to_string(hidden_plan_) + "/items",
                  {{"category", "operating"}, {"committee", "BUU"}, {"title", "LEAKHIDDENITEM1 skjult"}});
    max_item_ = h["id"];
    SeedMeetings();
    markers_ = {
        {"LEAKHIGHLIGHT1", kStaff},
        {"LEAKCLOSEDITEM1", kClosedOk},
        {"LEAKCLOSEDCASE1", kClosedOk},  // a closed case's title: its page shows it to those who read the item
        {"LEAKCLOSEDDEC1", kClosedOk},
        {"LEAKCLOSEDATT1", kClosedOk},
        {"LEAKIMPORTED1", kClosedOk},
        {"LEAKATTTITLE1", kClosedOk},
        {"LEAKUNPUBAGENDA1", kPreparersOk},
        {"LEAKUNPUBATT1", kPreparersOk},
        {"LEAKDIRROLE1", kStaff},
        {"LEAKOBSNOTE1", kStaff},
        {"LEAKSTATUSOBS1", kStaff},
        {"LEAKUNPUBLISHED1", StaffAndPoliticians()},
        {"LEAKHIDDENPLAN1", StaffAndPoliticians()},
        {"LEAKHIDDENITEM1", StaffAndPoliticians()},
    };
  }

  // Issue 11: a reporting round in which a director lifts the item with an internal
  // reason, closed so that its version (and the half-yearly status from it) is public.
  void SeedRound() {
    RoundService& rounds = server_->rounds();
    auto round = rounds.Open(As(Role::kFinance), 1, {"Lækagetest runde", "10-06-2025", ""});
    ASSERT_TRUE(round.ok()) << round.error().message;
    ASSERT_TRUE(rounds.SetHighlight(As(Role::kDirector), round->id, item_a_, "LEAKHIGHLIGHT1 intern begrundelse", true).ok());
    ASSERT_TRUE(rounds.Close(As(Role::kFinance), round->id, true).ok());
    max_round_ = round->id;
  }

  // Issue 6: a published, held ØK meeting with a closed item (content, decision) and a
  // closed attachment on an open item; an unpublished meeting with an open item and an
  // attachment. Written through the service as an administrator.
  void SeedMeetings() {
    MeetingService& m = server_->meetings();
    Viewer a = Admin();
    ASSERT_TRUE(m.CreateCase(a, {"26/8001", "", "Åben sag til lækagetest", "", "ØK", false}).ok());
    ASSERT_TRUE(m.CreateCase(a, {"26/8002", "", "LEAKCLOSEDCASE1 lukket sag", "", "ØK", true}).ok());
    // Issue 13: an agenda imported from text with a closed item, then published.
    auto imported = m.CreateMeeting(a, {"ØK", "18-06-2025", "09:00", "10:00", "Rådhuset", "ordinaer", false});
    ASSERT_TRUE(imported.ok());
    std::string text =
        "1.  Åbent importeret punkt\n\n26/8003   Åben sag\n\nSagsgang\n\nØK\n\nSagsfremstilling\n\nOffentlig tekst.\n\n"
        "2.  Lukket importeret punkt\n\n26/8004   Lukket sag\n\nSagsgang\n\nØK\n\nSagsfremstilling\n\nLEAKIMPORTED1 fortroligt.\n";
    auto saved = server_->agenda_imports().Import(a, imported->id, text, "", "import.txt", true);
    ASSERT_TRUE(saved.ok() && saved->applied) << (saved.ok() ? "problems" : saved.error().message);
    ASSERT_TRUE(m.PublishAgenda(a, imported->id).ok());
    auto held = m.CreateMeeting(a, {"ØK", "09-06-2025", "09:00", "10:00", "Rådhuset", "ordinaer", false});
    ASSERT_TRUE(held.ok());
    auto open = m.AddToAgenda(a, held->id, "26/8001", "");
    auto closed = m.AddToAgenda(a, held->id, "26/8002", "");
    ASSERT_TRUE(open.ok() && closed.ok());
    AgendaItemDraft d;
    d.title = "Lukket punkt til lækagetest";
    d.closed = true;
    d.sections.presentation = "LEAKCLOSEDITEM1 fortroligt";
    d.plan_items = {static_cast<ItemId>(item_a_)};
    ASSERT_TRUE(m.UpdateAgendaItem(a, closed->id, d, "").ok());
    ASSERT_TRUE(m.AddAttachment(a, open->id, "LEAKATTTITLE1 bilag", true, "", "fortroligt.txt", "text/plain",
                                "LEAKCLOSEDATT1 indhold").ok());
    ASSERT_TRUE(m.PublishAgenda(a, held->id).ok());
    ASSERT_TRUE(m.RecordDecision(a, open->id, "Godkendt.", "", "").ok());
    ASSERT_TRUE(m.RecordDecision(a, closed->id, "LEAKCLOSEDDEC1 besluttet", "", "").ok());
    ASSERT_TRUE(m.ApproveMinutes(a, held->id).ok());
    auto coming = m.CreateMeeting(a, {"ØK", "20-06-2025", "09:00", "10:00", "Rådhuset", "ordinaer", false});
    ASSERT_TRUE(coming.ok());
    auto draft_item = m.AddToAgenda(a, coming->id, "26/8001", "");
    ASSERT_TRUE(draft_item.ok());
    AgendaItemDraft u;
    u.title = "LEAKUNPUBAGENDA1 kommende punkt";
    u.plan_items = {static_cast<ItemId>(item_a_)};
    ASSERT_TRUE(m.UpdateAgendaItem(a, draft_item->id, u, "").ok());
    ASSERT_TRUE(m.AddAttachment(a, draft_item->id, "Udkast", false, "", "udkast.txt", "text/plain", "LEAKUNPUBATT1 udkast").ok());
    max_meeting_ = coming->id;
    max_agenda_item_ = draft_item->id;
  }

  // Every URL a visitor could try, whether linked or not: the id-guessing part.
  std::vector<std::string> Seeds() const {
    std::vector<std::string> urls = {"/", "/planer", "/dokumentation/api", "/dokumentation/adgang", "/log-ind", "/api/v1/plans", "/api/v1/bodies",
                                     "/api/v1/session", "/admin/brugere", "/admin/log", "/organer/%C3%98K/medlemmer",
                                     "/nope", "/emner/abc", "/planer/999999", "/api/v1/items/999999",
                                     // issue 12: old page paths answer with a redirect, never a page
                                     "/plans/1", "/items/1/history", "/docs/api"};
    for (int p = 1; p <= hidden_plan_ + 1; ++p) {
      std::string b = "/planer/" + std::to_string(p), a = "/api/v1/plans/" + std::to_string(p);
      for (std::string s : {b, b + "/versioner", b + "/opsaetning", b + "/emner/ny", b + "/udvalg/BUU", b + "/aendringer?from=1&to=now",
                            b + "/aendringer?from=1&to=2", b + "/versioner/1", b + "/versioner/2", b + "/versioner/3", b + "/versioner/4", b + "?q=leak", a, a + "/items",
                            a + "/items?q=leak", a + "/versions", a + "/history", a + "/redline?from=1&to=now",
                            a + "/redline?from=1&to=2"})
        urls.push_back(s);
    }
    for (int v = 1; v <= 3; ++v) urls.push_back("/api/v1/versions/" + std::to_string(v));
    // Issue 11: every report in every format, of a version, the newest and the live plan;
    // the rounds and their pages; a version's committee extracts.
    for (int p = 1; p <= hidden_plan_ + 1; ++p) {
      std::string b = "/planer/" + std::to_string(p);
      urls.push_back(b + "/rapporter");
      urls.push_back(b + "/statusrunder");
      urls.push_back(b + "/versioner/1/udvalg/BUU");
      for (const char* kind : {"plan", "extract", "half-year", "monthly"})
        for (const char* version : {"", "latest", "live", "1", "2"})
          for (const char* format : {"html", "xlsx", "csv", "pdf"}) {
            // PDFs hold what the page holds (one Report); a few of them suffice per kind.
            if (std::string(format) == "pdf" && (p > 1 || std::string(version) == "1" || std::string(version) == "2")) continue;
            std::string q = b + "/rapporter/" + kind + "?format=" + format;
            if (*version) q += std::string("&version=") + version;
            if (std::string(kind) == "extract") q += "&committee=BUU";
            if (std::string(kind) == "monthly") q += "&month=06-2025";
            urls.push_back(q);
          }
      urls.push_back("/api/v1/plans/" + std::to_string(p) + "/reports/half-year?format=csv");
    }
    for (int i = 1; i <= max_round_ + 1; ++i) {
      urls.push_back("/statusrunder/" + std::to_string(i));
      urls.push_back("/statusrunder/" + std::to_string(i) + "/luk");
    }
    for (std::string u : {"/moeder", "/overblik?fra=01-06-2025", "/sager", "/organer/%C3%98K/moeder.ics", "/organer/%C3%98K/portefoelje",
                          "/organer/%C3%98K/arbejdsplan?aar=2025", "/moeder?organ=%C3%98K",
                          // issue 14: the archive and the cases' own pages, also unlinked ones
                          "/moeder?aar=2025", "/moeder?aar=2025&organ=%C3%98K", "/moeder?aar=abc", "/moeder?organ=XYZ",
                          "/sager/26/8001", "/sager/26/8002", "/sager/26/8003", "/sager/26/8004", "/sager/26/9999", "/sager/x/y"})
      urls.push_back(u);
    for (int i = 1; i <= max_meeting_ + 1; ++i) {
      std::string b = "/moeder/" + std::to_string(i);
      for (std::string s : {b, b + "?udgave=offentlig", b + "/dagsorden.pdf", b + "/protokol.pdf", b + "/dagsorden.pdf?udgave=offentlig",
                            b + "/import", b + "/offentliggoer"})
        urls.push_back(s);
    }
    for (int i = 1; i <= max_agenda_item_ + 1; ++i) {
      urls.push_back("/punkter/" + std::to_string(i) + "/rediger");
      urls.push_back("/punkter/" + std::to_string(i) + "/fjern");
    }
    for (int i = 1; i <= 40; ++i) {
      urls.push_back("/bilag/" + std::to_string(i));
      urls.push_back("/bilag/" + std::to_string(i) + "/fjern");
    }
    for (int i = 1; i <= max_item_ + 1; ++i) {
      std::string b = "/emner/" + std::to_string(i), a = "/api/v1/items/" + std::to_string(i);
      for (std::string s : {b, b + "/historik", b + "/rediger", b + "/slet", a, a + "/history", a + "/status-updates"}) urls.push_back(s);
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
    while (!queue.empty() && fetched < 8000) {
      std::string url = queue.front();
      queue.pop_front();
      if (url.rfind("/static/", 0) == 0) continue;
      auto r = HttpRequest(server_->port(), "GET", url, "", headers);
      ++fetched;
      EXPECT_NE(r.status, 500) << who << " " << url;
      if (r.Header("content-type").find("spreadsheetml") != std::string::npos) {
        auto book = ReadXlsx(r.body);
        EXPECT_TRUE(book.has_value()) << "unreadable XLSX at " << url;
        if (book) Check(who, "GET " + url, book->AllText());
        ++sheets_;
        continue;
      }
      if (r.Header("content-type") == "application/pdf") {
        // PDF streams are compressed: look at their text.
        auto text = PdfText(r.body);
        EXPECT_TRUE(text.has_value()) << "pdftotext failed on " << url;
        if (text) Check(who, "GET " + url, *text);
        ++pdfs_;
        continue;
      }
      Check(who, "GET " + url, r.body);
      EXPECT_EQ(r.body.find('\x01'), std::string::npos) << "an unfilled per-session slot at " << url;
      for (const std::regex* re : {&href, &api})
        for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), *re); it != std::sregex_iterator(); ++it) {
          std::string next = HtmlUnescape((*it)[1].str());
          // Issue 12: pages link to the Danish page paths, never the old English ones.
          for (const char* old : {"/plans", "/items", "/docs/"})
            EXPECT_NE(next.rfind(old, 0), 0u) << who << " " << url << " links to the old path " << next;
          if (next.rfind("/log-ind", 0) == 0) next = "/log-ind";  // one sign-in page is enough
          // Week and year paging is endless; the seeded windows cover the data.
          if (next.find("/overblik?fra=") != std::string::npos || next.find("arbejdsplan?aar=") != std::string::npos) continue;
          // Report PDFs hold what the report page holds; the seeded ones cover each kind.
          if (next.find("/rapporter/") != std::string::npos && next.find("format=pdf") != std::string::npos) continue;
          if (seen.insert(next).second) queue.push_back(next);
        }
    }
    // Error paths of writes: refused or failed writes must not echo closed content either.
    for (const std::string& url : std::vector<std::string>{"/punkter/" + std::to_string(max_agenda_item_), "/punkter/" + std::to_string(max_agenda_item_) + "/beslutning",
                                   "/moeder/" + std::to_string(max_meeting_) + "/punkter", "/moeder/1/fremmoede",
                                   "/moeder/" + std::to_string(max_meeting_ - 2) + "/import",
                                   "/emner/" + std::to_string(item_a_) + "/status", "/emner/" + std::to_string(item_a_),
                                   "/planer/" + std::to_string(hidden_plan_) + "/emner", "/emner/" + std::to_string(max_item_) + "/slet",
                                   "/planer/1/statusrunder", "/statusrunder/" + std::to_string(max_round_) + "/fremhaev",
                                   "/statusrunder/" + std::to_string(max_round_) + "/luk",
                                   "/punkter/" + std::to_string(max_agenda_item_) + "/rapport-bilag"}) {
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
  int64_t max_meeting_ = 0, max_agenda_item_ = 0, max_round_ = 0;
  int pdfs_ = 0, sheets_ = 0;
};

TEST_F(LeakCrawlerTest, NoMarkerReachesAnyoneNotEntitled) {
  for (std::string who : {"", "politiker", "fagchef", "sekretaer", "direktion", "okonomi", "administrator"}) {
    int fetched = Crawl(who);
    std::printf("crawled %d URLs as %s\n", fetched, who.empty() ? "the public" : who.c_str());
    EXPECT_GT(fetched, 300) << who;
    EXPECT_LT(fetched, 8000) << who << ": the crawl hit its cap, so some pages were not read";
  }
  EXPECT_GT(pdfs_, 20) << "the crawl read too few PDFs to prove anything";
  EXPECT_GT(sheets_, 20) << "the crawl read too few spreadsheets to prove anything";
}

TEST_F(LeakCrawlerTest, EntitledPeopleDoSeeTheMarkers) {
  // Guards the crawler itself: if nobody saw the markers, the test above would prove nothing.
  server_->ActAs("direktion");
  EXPECT_NE(server_->Get("/emner/" + std::to_string(item_a_)).body.find("LEAKOBSNOTE1"), std::string::npos);
  EXPECT_NE(server_->Get("/emner/" + std::to_string(item_a_)).body.find("LEAKDIRROLE1"), std::string::npos);
  EXPECT_NE(server_->Get("/emner/" + std::to_string(item_a_)).body.find("LEAKSTATUSOBS1"), std::string::npos);
  server_->ActAs("politiker");
  EXPECT_NE(server_->Get("/planer").body.find("LEAKHIDDENPLAN1"), std::string::npos);
  EXPECT_NE(server_->Get("/planer/1").body.find("LEAKUNPUBLISHED1"), std::string::npos);
  server_->ActAnonymously();
  // The demo has two versions; the test's own is the third (the round's the fourth).
  auto version = server_->Get("/planer/1/versioner/3").body;
  EXPECT_NE(version.find("Lækagetest synligt punkt"), std::string::npos);
  // Meetings: the members see the closed item, its decision and the closed attachment;
  // the secretary sees the unpublished agenda; a closed attachment's bytes by URL are
  // refused to the public with 403 (its existence is public, its content is not).
  server_->ActAs("politiker");
  // Issue 13: the closed item imported from text is the members' only.
  std::string imported = "/moeder/" + std::to_string(max_meeting_ - 2);
  EXPECT_NE(server_->Get(imported).body.find("LEAKIMPORTED1"), std::string::npos);
  EXPECT_NE(server_->Get(imported + "?udgave=offentlig").body.find("Lukket importeret punkt"), std::string::npos);
  std::string held = "/moeder/" + std::to_string(max_meeting_ - 1);
  auto members = server_->Get(held).body;
  EXPECT_NE(members.find("LEAKCLOSEDITEM1"), std::string::npos);
  EXPECT_NE(members.find("LEAKCLOSEDDEC1"), std::string::npos);
  auto pdf = PdfText(server_->Get(held + "/protokol.pdf").body);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_NE(pdf->find("LEAKCLOSEDITEM1"), std::string::npos);
  EXPECT_NE(pdf->find("LEAKCLOSEDDEC1"), std::string::npos);
  auto public_pdf = PdfText(server_->Get(held + "/protokol.pdf?udgave=offentlig").body);
  ASSERT_TRUE(public_pdf.has_value());
  EXPECT_EQ(public_pdf->find("LEAKCLOSEDITEM1"), std::string::npos);
  EXPECT_NE(public_pdf->find("Lukket punkt til lækagetest"), std::string::npos) << "closed items are listed by title";
  // Issue 14: the closed case's own page shows its title and decision to the members;
  // the public gets the same page with the agenda item's title only.
  auto closed_case = server_->Get("/sager/26/8002");
  EXPECT_EQ(closed_case.status, 200);
  EXPECT_NE(closed_case.body.find("LEAKCLOSEDCASE1"), std::string::npos);
  EXPECT_NE(closed_case.body.find("LEAKCLOSEDDEC1"), std::string::npos);
  server_->ActAnonymously();
  auto public_case = server_->Get("/sager/26/8002");
  EXPECT_EQ(public_case.status, 200);
  EXPECT_NE(public_case.body.find("Lukket punkt til lækagetest"), std::string::npos);
  EXPECT_EQ(public_case.body.find("LEAKCLOSEDCASE1"), std::string::npos);
  server_->ActAs("sekretaer");
  EXPECT_NE(server_->Get("/moeder/" + std::to_string(max_meeting_)).body.find("LEAKUNPUBAGENDA1"), std::string::npos);
  server_->ActAnonymously();
  auto attachments = server_->Get(held).body;
  std::smatch link;
  ASSERT_TRUE(std::regex_search(attachments, link, std::regex("href=\"/moeder/[0-9]+/dagsorden.pdf")));
  // The public meets the closed attachment as "(Lukket bilag)" and its URL as 403.
  EXPECT_NE(attachments.find("(Lukket bilag)"), std::string::npos);
  server_->ActAs("politiker");
  int closed_attachment = 0;
  for (int i = 1; i <= 40 && !closed_attachment; ++i)
    if (server_->Get("/bilag/" + std::to_string(i)).body.find("LEAKCLOSEDATT1") != std::string::npos) closed_attachment = i;
  ASSERT_NE(closed_attachment, 0) << "the member could not open the closed attachment";
  server_->ActAnonymously();
  EXPECT_EQ(server_->Get("/bilag/" + std::to_string(closed_attachment)).status, 403);
  server_->ActAs("fagchef");
  EXPECT_EQ(server_->Get("/bilag/" + std::to_string(closed_attachment)).status, 403);
  server_->ActAnonymously();
  // Issue 11: the internal highlight reason is staff's; the public half-yearly status of
  // the round's version still lists the item as lifted to ØK.
  server_->ActAs("direktion");
  auto staff_report = server_->Get("/planer/1/rapporter/half-year?version=latest");
  EXPECT_NE(staff_report.body.find("LEAKHIGHLIGHT1"), std::string::npos);
  auto staff_xlsx = ReadXlsx(server_->Get("/planer/1/rapporter/half-year?version=latest&format=xlsx").body);
  ASSERT_TRUE(staff_xlsx.has_value());
  EXPECT_NE(staff_xlsx->AllText().find("LEAKHIGHLIGHT1"), std::string::npos);
  server_->ActAnonymously();
  auto public_report = server_->Get("/planer/1/rapporter/half-year?version=latest");
  EXPECT_EQ(public_report.status, 200);
  EXPECT_NE(public_report.body.find("Lækagetest synligt punkt"), std::string::npos);
  EXPECT_NE(public_report.body.find("(intern begrundelse)"), std::string::npos);
  // The OBS flag is public, its note is not: the label stands alone.
  EXPECT_NE(version.find("<strong class=\"obs-label\">OBS-punkt</strong>"), std::string::npos);
}

TEST_F(LeakCrawlerTest, SearchNeverMatchesInternalText) {
  // A search that matched internal fields would reveal them one guess at a time.
  for (std::string who : {"", "politiker"}) {
    if (who.empty()) server_->ActAnonymously(); else server_->ActAs(who);
    // The item is in the version (so the search below could find it if it read the note).
    EXPECT_NE(server_->Get("/planer/1/versioner/3?q=L%C3%A6kagetest").body.find("Lækagetest synligt punkt"), std::string::npos) << who;
    auto page = server_->Get("/planer/1/versioner/3?q=LEAKOBSNOTE1");
    EXPECT_NE(page.body.find("Ingen punkter matcher"), std::string::npos) << who;
    auto dir = server_->Get("/planer/1/versioner/3?q=LEAKDIRROLE1");
    EXPECT_NE(dir.body.find("Ingen punkter matcher"), std::string::npos) << who;
  }
  server_->ActAs("politiker");
  EXPECT_EQ(json::parse(server_->Get("/api/v1/plans/1/items?q=LEAKOBSNOTE1").body)["total"], 0);
}

}  // namespace
}  // namespace bs::testing
