// Reports and reporting rounds over HTTP (issue 11): every kind in every format, what
// bad input gets (400 naming the valid values, nothing half-written), the public side
// (versions and their extracts, never the live plan), a round from opening to closing
// with its refusals, "afventer status" on the pages, a report as a frozen attachment,
// the DIR meeting's monthly status, and the defects the issue names. What single pages
// say (bad input on the pages, what the public reads) is in tests/requests/reports.req.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/pdf_text.h"
#include "support/test_server.h"
#include "support/xlsx_read.h"

namespace bs::testing {
namespace {

using nlohmann::json;

bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class ReportsWebTest : public ::testing::Test {
 protected:
  void SetUp() override { server_ = std::make_unique<TestServer>(); }
  std::string Base() const { return "/planer/" + std::to_string(server_->demo_plan()); }
  std::string ApiBase() const { return "/api/v1/plans/" + std::to_string(server_->demo_plan()); }
  std::unique_ptr<TestServer> server_;
};

TEST_F(ReportsWebTest, EveryKindInEveryFormat) {
  struct Expect { const char* format; const char* type; const char* disposition; };
  const Expect formats[] = {{"html", "text/html; charset=utf-8", ""},
                            {"pdf", "application/pdf", "inline; filename=\""},
                            {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment; filename=\""},
                            {"csv", "text/csv; charset=utf-8", "attachment; filename=\""}};
  for (const char* kind : {"plan", "extract", "half-year", "monthly"})
    for (const auto& f : formats) {
      std::string url = Base() + "/rapporter/" + kind + "?format=" + f.format + "&committee=BUU";
      auto r = server_->Get(url);
      ASSERT_EQ(r.status, 200) << url << "\n" << r.body.substr(0, 400);
      EXPECT_EQ(r.Header("content-type"), f.type) << url;
      if (*f.disposition) {
        EXPECT_EQ(r.Header("content-disposition").rfind(f.disposition, 0), 0u) << url;
      }
      EXPECT_EQ(r.Header("cache-control"), "private, no-store") << "okonomi's edition is internal: " << url;
      EXPECT_GT(r.body.size(), 1000u) << url;
    }
  auto name = server_->Get(Base() + "/rapporter/half-year?format=pdf").Header("content-disposition");
  EXPECT_TRUE(Has(name, "halvaarsstatus-til-oek-udmoentningsplan-2025-2028-2025-05-31.pdf")) << name;
}

TEST_F(ReportsWebTest, BadInputToTheApiGetsJsonNamingTheValidValues) {
  auto api = server_->Get("/api/v1/plans/" + std::to_string(server_->demo_plan()) + "/reports/kvartal");
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(api.Header("content-type").rfind("application/json", 0), 0u);
  EXPECT_TRUE(Has(json::parse(api.body)["error"]["message"].get<std::string>(), "plan, extract, half-year, monthly"));
}

TEST_F(ReportsWebTest, APlanWithoutVersionsSaysSoAndIsUnknownToThePublic) {
  auto created = server_->Send("POST", "/api/v1/plans",
                               R"({"name":"Udmøntningsplan 2026-2029","budget_name":"Budget 2026-2029","first_year":2026,"last_year":2029})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(json::parse(created.body)["id"].get<int>());
  std::string plan = "/planer/" + id;
  auto latest = server_->Get(plan + "/rapporter/half-year?version=latest");
  EXPECT_EQ(latest.status, 409);
  EXPECT_TRUE(Has(latest.body, "Planen har ingen offentliggjort version endnu"));
  EXPECT_EQ(server_->Get(plan + "/rapporter/half-year").status, 200) << "staff get the draft by default";
  server_->ActAnonymously();
  auto hidden = server_->Get(plan + "/rapporter/half-year");
  auto unknown = server_->Get("/planer/999/rapporter/half-year");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(unknown.status, 404);
  std::regex digits("[0-9a-f]{16}|[0-9]+");  // request ids too
  EXPECT_EQ(std::regex_replace(hidden.body, digits, "N"), std::regex_replace(unknown.body, digits, "N"))
      << "a never-published plan reads like an unknown id";
  // Also when the address carries a wrong filter: no 400 that would tell it exists.
  auto probe = server_->Get(plan + "/rapporter/plan?state=halvfaerdig");
  EXPECT_EQ(probe.status, 404);
  EXPECT_EQ(server_->Get("/api/v1/plans/" + id + "/reports/plan?committee=XX").status, 404);
}

TEST_F(ReportsWebTest, ThePlanPageExportsExactlyWhatItShows) {
  auto page = server_->Get(Base() + "?committee=AU&obs=1");
  ASSERT_EQ(page.status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("href=\"(/planer/[0-9]+/rapporter/plan\\?version=live[^\"]*format=csv)\"")))
      << "an export link that keeps the filter";
  std::string url = std::regex_replace(m[1].str(), std::regex("&amp;"), "&");
  EXPECT_TRUE(Has(url, "committee=AU"));
  EXPECT_TRUE(Has(url, "obs=1"));
  auto csv = server_->Get(url);
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(Has(csv.body, "Digital jobsamtale som standard"));
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 2) << "the header and the one AU item with an OBS point";
  // Planned against expected realised with the deviation on the plan page.
  auto plan = server_->Get(Base() + "?committee=ØK");
  EXPECT_TRUE(Has(plan.body, "forv.</abbr> \xE2\x88\x92" "700")) << "Fælles indkøbsaftaler: −700 expected against −1.000";
  EXPECT_TRUE(Has(plan.body, "<span class=\"dev dev-off\">+300</span>"));
  EXPECT_TRUE(Has(plan.body, "Forventet realiseret")) << "the sums have their own rows";
}

TEST_F(ReportsWebTest, ARoundFromOpeningToClosing) {
  std::string rounds = Base() + "/statusrunder";
  server_->ActAs("fagchef");
  EXPECT_EQ(server_->PostForm(rounds, "name=Runde&cutoff=30-09-2025").status, 403) << "only finance opens rounds";
  server_->ActAs("okonomi");
  auto bad = server_->PostForm(rounds, "name=&cutoff=31-02-2025&followup=");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad.body, "Giv runden et navn"));
  EXPECT_TRUE(Has(bad.body, "Skriv fristen som dd-mm-åååå"));
  EXPECT_TRUE(Has(bad.body, "aria-invalid=\"true\""));
  auto opened = server_->PostForm(rounds, "name=Budgetopf%C3%B8lgning+3&cutoff=30-09-2025&followup=");
  ASSERT_EQ(opened.status, 303) << opened.body;
  std::string round = opened.Header("location").substr(0, opened.Header("location").find('?'));
  auto second = server_->PostForm(rounds, "name=En+til&cutoff=30-09-2025");
  EXPECT_EQ(second.status, 409);
  EXPECT_TRUE(Has(second.body, "Statusrunden «Budgetopfølgning 3» er allerede åben."));
  // Pages mark what awaits status; the fagchef finds their own items.
  EXPECT_TRUE(Has(server_->Get(Base()).body, "Afventer status"));
  // A politician reading the live plan is not shown last round's light as current either,
  // but the round's page (who has reported, person by person) is staff's.
  server_->ActAs("politiker");
  auto live = server_->Get(Base()).body;
  EXPECT_TRUE(Has(live, "Afventer status"));
  EXPECT_FALSE(Has(live, "href=\"" + round + "\"")) << "no link to a page they may not read";
  EXPECT_TRUE(Has(server_->Get(Base() + "/rapporter/plan?version=live").body, "Afventer status"));
  server_->ActAs("okonomi");
  server_->ActAs("fagchef");
  auto view = server_->Get(round);
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(Has(view.body, "Mine punkter i runden"));
  EXPECT_TRUE(Has(view.body, "Styrket sprogindsats i dagtilbud</a> – <strong class=\"awaiting\">afventer status</strong>"));
  EXPECT_EQ(server_->PostForm(round + "/fremhaev", "item=1&reason=Vigtig").status, 403);
  EXPECT_TRUE(Has(server_->PostForm(round + "/fremhaev", "item=1&reason=Vigtig").body, "Kun direktionen kan fremhæve punkter for ØK."));
  server_->ActAs("politiker");
  EXPECT_EQ(server_->Get(round).status, 403) << "the progress is staff's";
  server_->ActAs("direktion");
  auto no_reason = server_->PostForm(round + "/fremhaev", "item=1&reason=");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(Has(no_reason.body, "Skriv kort, hvorfor punktet skal fremhæves for ØK."));
  EXPECT_EQ(server_->PostForm(round + "/fremhaev", "item=1&reason=F%C3%B8lges+t%C3%A6t").status, 303);
  EXPECT_TRUE(Has(server_->Get(round).body, "Følges tæt"));
  EXPECT_EQ(server_->PostForm(round + "/luk", "publish=1").status, 403) << "directors do not close rounds";
  server_->ActAs("okonomi");
  auto confirm = server_->Get(round + "/luk");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(Has(confirm.body, "Offentliggør versionen «Budgetopfølgning 3» pr. 30-09-2025"));
  EXPECT_EQ(server_->PostForm(round + "/luk", "publish=1").status, 303);
  auto twice = server_->PostForm(round + "/luk", "publish=1");
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(Has(twice.body, "er allerede lukket"));
  auto versions = server_->Get(Base() + "/versioner");
  EXPECT_TRUE(Has(versions.body, "Budgetopfølgning 3</a>"));
  auto list = server_->Get(rounds);
  EXPECT_TRUE(Has(list.body, "Halvårsstatus juni 2025"));
  EXPECT_TRUE(Has(list.body, "37 af 40 (93 %)")) << "the demo round's completeness is kept";
  EXPECT_FALSE(Has(server_->Get(Base()).body, "Afventer status")) << "no round open: nothing awaits";
  // The half-yearly status of the new version names the highlighted item.
  auto report = server_->Get(Base() + "/rapporter/half-year?version=latest");
  EXPECT_TRUE(Has(report.body, "Følges tæt"));
  EXPECT_TRUE(Has(report.body, "Statusrunde</dt><dd>Budgetopfølgning 3, frist 30-09-2025 (lukket)"));
}

TEST_F(ReportsWebTest, AReportBecomesAFrozenAttachmentOfAnAgendaItem) {
  // The demo's DIR 04-06-2025 item 7 carries the half-yearly status generated from the version.
  server_->ActAs("sekretaer");
  auto meetings = server_->MeetingsOf("ØK", server_->meetings().Today(), Date{2100, 1, 1});
  ASSERT_TRUE(meetings.ok() && !meetings->empty());
  int64_t meeting = 0;
  for (const auto& m : *meetings)
    if (m.published() && !m.approved()) meeting = m.id;
  ASSERT_NE(meeting, 0);
  auto page = server_->Get("/moeder/" + std::to_string(meeting));
  ASSERT_TRUE(Has(page.body, "Vedhæft en rapport som bilag"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("action=\"/punkter/([0-9]+)/rapport-bilag\"")));
  std::string item = m[1];
  auto attached = server_->PostForm("/punkter/" + item + "/rapport-bilag",
                                    "art=half-year&kilde=" + std::to_string(server_->demo_plan()) +
                                        ":2&udvalg=&bilagstitel=Halv%C3%A5rsstatus+til+%C3%98K&bilagsnummer=77777%2F26");
  ASSERT_EQ(attached.status, 303) << attached.body.substr(0, 600);
  auto after = server_->Get("/moeder/" + std::to_string(meeting)).body;
  ASSERT_TRUE(std::regex_search(after, m, std::regex("href=\"/bilag/([0-9]+)\"[^>]*>[^<]*Halvårsstatus til ØK")));
  auto file = server_->Get("/bilag/" + m[1].str());
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  auto text = PdfText(file.body);
  ASSERT_TRUE(text.has_value());
  EXPECT_TRUE(Has(*text, "Halvårsstatus til ØK – Udmøntningsplan 2025-2028"));
  EXPECT_FALSE(Has(*text, "Licitationen kom 18 % over budget")) << "an attachment is the public edition";
  EXPECT_FALSE(Has(*text, "Intern udgave"));
  auto live = server_->PostForm("/punkter/" + item + "/rapport-bilag", "art=plan&kilde=" +
                                std::to_string(server_->demo_plan()) + ":live&bilagstitel=x");
  EXPECT_EQ(live.status, 400) << "only a published version is frozen into an attachment";
  server_->ActAs("politiker");
  EXPECT_EQ(server_->PostForm("/punkter/" + item + "/rapport-bilag", "art=plan&kilde=1:2&bilagstitel=x").status, 403);
}

TEST_F(ReportsWebTest, TheDirectorsMonthlyStatusItemShowsStatusLightAndObsAsTheMeetingSawIt) {
  server_->ActAs("direktion");
  auto list = server_->MeetingsOf("DIR", Date{2025, 4, 2}, Date{2025, 4, 2});
  ASSERT_TRUE(list.ok() && !list->empty());
  auto page = server_->Get("/moeder/" + std::to_string(list->front().id)).body;
  EXPECT_TRUE(Has(page, "Alle køretøjer er registreret; kørselsdata indsamles.")) << "April's status";
  EXPECT_FALSE(Has(page, "Kørselsdata viser besparelsespotentiale")) << "not May's";
  EXPECT_TRUE(Has(page, "status 01-04-2025, Driftschef Anders Vinther"));
  EXPECT_TRUE(Has(page, "OBS-punkt:</strong> Prognosen viser merforbrug på voksen-handicapområdet"));
  server_->ActAs("politiker");
  auto politician = server_->Get("/moeder/" + std::to_string(list->front().id)).body;
  EXPECT_FALSE(Has(politician, "Prognosen viser merforbrug på voksen-handicapområdet; direktionen"))
      << "the OBS note is internal";
  auto pdf = PdfText(server_->Get("/moeder/" + std::to_string(list->front().id) + "/dagsorden.pdf").body);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_TRUE(Has(*pdf, "Alle køretøjer er registreret"));
}

TEST_F(ReportsWebTest, DefectsTheIssueNamedAreGone) {
  // The ØK minutes of 10-06-2025 name the absent and the apologies of seed 000.
  server_->ActAnonymously();
  auto ok = server_->MeetingsOf("ØK", Date{2025, 6, 10}, Date{2025, 6, 10});
  ASSERT_TRUE(ok.ok() && !ok->empty());
  auto minutes = PdfText(server_->Get("/moeder/" + std::to_string(ok->front().id) + "/protokol.pdf").body);
  ASSERT_TRUE(minutes.has_value());
  EXPECT_TRUE(Has(*minutes, "Fraværende: Diana Therese Mikkelsen (Æ)"));
  EXPECT_TRUE(Has(*minutes, "Afbud: Allan Gjersbøl Jørgensen (A)"));
  EXPECT_FALSE(Has(*minutes, "Fraværende: Ingen"));
  // A members' agenda PDF holding a closed attachment's title says so on every page.
  server_->ActAs("politiker");
  auto dir = server_->MeetingsOf("DIR", Date{2025, 6, 4}, Date{2025, 6, 4});
  ASSERT_TRUE(dir.ok() && !dir->empty());
  server_->ActAs("direktion");
  auto members = PdfText(server_->Get("/moeder/" + std::to_string(dir->front().id) + "/dagsorden.pdf").body);
  ASSERT_TRUE(members.has_value());
  EXPECT_TRUE(Has(*members, "Medlemsudgave – lukket"));
  EXPECT_FALSE(Has(*members, "Offentlig udgave"));
  server_->ActAnonymously();
  auto pub = PdfText(server_->Get("/moeder/" + std::to_string(dir->front().id) + "/dagsorden.pdf").body);
  ASSERT_TRUE(pub.has_value());
  EXPECT_TRUE(Has(*pub, "Offentlig udgave"));
  EXPECT_FALSE(Has(*pub, "Oplæg til besøg"));
}

TEST_F(ReportsWebTest, AVersionsReportShowsTheVersionNotTodaysItems) {
  // An item highlighted in the demo round (version 2) is renamed afterwards: the version's
  // half-yearly status keeps the name it had.
  auto items = json::parse(server_->Get(ApiBase() + "/items?q=Aktindsigt").body)["items"];
  ASSERT_EQ(items.size(), 1u);
  std::string rev = "\"" + std::to_string(items[0]["revision"].get<int>()) + "\"";
  ASSERT_EQ(server_->Send("PUT", items[0]["url"], R"({"title":"LIVEONLYTITLE"})",
                          {{"Content-Type", "application/json"}, {"If-Match", rev}}).status, 200);
  server_->ActAnonymously();
  auto report = server_->Get(Base() + "/rapporter/half-year?version=2");
  ASSERT_EQ(report.status, 200);
  EXPECT_FALSE(Has(report.body, "LIVEONLYTITLE"));
  EXPECT_TRUE(Has(report.body, "<strong>Aktindsigt</strong>"));
  EXPECT_TRUE(Has(report.body, "37 af 40 punkter har givet status i runden")) << "the round's completeness goes to ØK";
  EXPECT_TRUE(Has(report.body, "Ingen status i runden")) << "an item that did not report is not shown as current";
  EXPECT_FALSE(Has(report.body, "Jens Kragh")) << "who highlighted is staff's";
}

TEST_F(ReportsWebTest, CsvCellsThatLookLikeFormulasStayText) {
  auto created = server_->Send("POST", ApiBase() + "/items",
                               R"J({"category":"operating","committee":"BUU","title":"=HYPERLINK(\"http://x/\",\"klik\")","responsible":"@SUM(1)"})J");
  ASSERT_EQ(created.status, 201) << created.body;
  auto csv = server_->Get(Base() + "/rapporter/plan?version=live&format=csv&q=hyperlink").body;
  EXPECT_TRUE(Has(csv, ",\"'=HYPERLINK(\"\"http://x/\"\",\"\"klik\"\")\",")) << csv;
  EXPECT_TRUE(Has(csv, ",'@SUM(1),"));
  EXPECT_FALSE(Has(csv, ",=HYPERLINK"));
}

TEST_F(ReportsWebTest, UnknownParametersDoNotMultiplyTheCache) {
  auto a = server_->Get(Base() + "/rapporter/plan?format=csv&junk=1");
  auto b = server_->Get(Base() + "/rapporter/plan?junk=2&format=csv");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.body, b.body);
}

TEST_F(ReportsWebTest, ABusyDatabaseIs503NeverNotFound) {
  server_->faults().FailAll(true, ErrorCode::kUnavailable);
  auto r = server_->Get(Base() + "/rapporter/half-year?format=pdf");
  server_->faults().FailAll(false);
  EXPECT_EQ(r.status, 503);
  EXPECT_FALSE(Has(r.body, "sqlite"));
}

}  // namespace
}  // namespace bs::testing
