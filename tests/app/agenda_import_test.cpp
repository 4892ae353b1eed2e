// AgendaImportService and the KLE check on the in-memory stores (issue 13): seeds saved
// into meetings, a second import adding nothing, bad input writing nothing, decisions
// only for the meeting's own body and day, and journal numbers against the KLE list.
#include "app/agenda_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/sodium_crypto.h"
#include "importers/agenda/agenda_text_reader.h"
#include "storage/memory/memory_meeting_store.h"
#include "storage/memory/memory_people_store.h"
#include "storage/memory/memory_plan_store.h"

namespace bs {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> Seed(const std::string& prefix) {
  fs::path dir(BUDGETSPOR_SEEDS_DIR);
  if (!fs::is_directory(dir)) return std::nullopt;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      return s.str();
    }
  return std::nullopt;
}

// Two items in the seeds' layout; `route` is the second item's Sagsgang.
std::string TwoItems(const std::string& route, const std::string& kle = "00.30.10.S00") {
  return "1.  Budgetopfølgning\n\n" + kle + "   25/100   Åben sag\n\nSagsgang\n\nØK\n\nSagsfremstilling\n\n"
         "Opfølgning på budgettet.\n\nBeslutning i Økonomiudvalget den 10-06-2025\n\nGodkendt.\n\n"
         "2.  Køb af ejendom\n\n25/101   Lukket sag\n\nSagsgang\n\n" + route + "\n\nSagsfremstilling\n\n"
         "Fortroligt køb af Strandvejen 1.\n\nIndstilling\n\nDirektionen indstiller, at købet godkendes.\n";
}

class AgendaImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitSodium());
    WriteMeta meta{clock_.NowUnix(), "test", "test", "", ""};
    for (auto [code, name] : {std::pair{"DIR", "Direktionen"}, {"ØK", "Økonomiudvalget"}, {"KB", "Kommunalbestyrelsen"},
                              {"BUU", "Børne- og Ungdomsudvalget"}})
      ASSERT_TRUE(plan_store_.UpsertBody(Body::Create(code, name, code != std::string("DIR"), 0).value(), meta).ok());
    secretary_ = Person("pia", Role::kSecretary, {{"ØK", MembershipKind::kSecretary}, {"DIR", MembershipKind::kSecretary}});
    other_secretary_ = Person("lis", Role::kSecretary, {{"BUU", MembershipKind::kSecretary}});
    member_ = Person("ole", Role::kPolitician, {{"ØK", MembershipKind::kMember}});
    admin_ = Person("ada", Role::kAdministrator, {});
  }

  Viewer Person(const std::string& username, Role role, std::vector<std::pair<std::string, MembershipKind>> seats) {
    User u;
    u.username = username;
    u.name = username;
    u.roles = {role};
    u = people_store_.CreateUser(u, "", 0).value();
    Viewer v;
    v.user = u;
    for (auto& [body, kind] : seats) {
      Membership m;
      m.user_id = u.id;
      m.body = body;
      m.kind = kind;
      m.from = {2022, 1, 1};
      v.memberships.push_back(people_store_.AddMembership(m).value());
    }
    return v;
  }

  Meeting NewMeeting(const std::string& body, const std::string& date) {
    return meetings_.CreateMeeting(secretary_, {body, date, "09:00", "12:00", "Rådhuset", "ordinaer", false}).value();
  }
  // Published with one case on it (a meeting may have decisions only once published).
  Meeting PublishedMeeting(const std::string& body, const std::string& date) {
    Meeting m = NewMeeting(body, date);
    EXPECT_TRUE(meetings_.CreateCase(secretary_, {"25/1", "", "Meddelelser", "", body, false}).ok());
    EXPECT_TRUE(meetings_.AddToAgenda(secretary_, m.id, "25/1", "").ok());
    EXPECT_TRUE(meetings_.PublishAgenda(secretary_, m.id).ok());
    return meeting_store_.GetMeeting(m.id).value();
  }
  void LoadKle(std::vector<KleEntry> entries) { ASSERT_TRUE(meetings_.ReplaceKle(admin_, entries, "kle.txt").ok()); }

  FixedClock clock_{1'749'549'600};  // 10-06-2025
  MemoryPlanStore plan_store_;
  MemoryPeopleStore people_store_;
  MemoryMeetingStore meeting_store_;
  SodiumPasswordHasher hasher_{Argon2Params::ForTests()};
  SodiumTokenSource tokens_;
  PlanRegister plans_{plan_store_, clock_};
  PeopleService people_{people_store_, plan_store_, hasher_, tokens_, clock_};
  MeetingService meetings_{meeting_store_, plans_, people_, clock_};
  agenda_import::AgendaTextParser reader_;
  AgendaImportService imports_{meetings_, meeting_store_, plans_, reader_, clock_};
  Viewer secretary_, other_secretary_, member_, admin_;
};

TEST_F(AgendaImportTest, Seed004IntoTheDirectorsMeetingCreatesItsCasesOnceAndSkipsTheRest) {
  auto text = Seed("004_");
  if (!text) GTEST_SKIP() << "SKIPPED: no seeds at " << BUDGETSPOR_SEEDS_DIR;
  Meeting m = NewMeeting("DIR", "04-06-2025");
  auto dry = imports_.Import(secretary_, m.id, *text, "", "004.txt", false);
  ASSERT_TRUE(dry.ok()) << dry.error().message;
  EXPECT_TRUE(dry->problems.empty()) << dry->problems[0].Located();
  EXPECT_EQ(dry->new_cases, 2u);
  EXPECT_TRUE(meeting_store_.AgendaOf(m.id).value().empty());  // a dry run writes nothing
  EXPECT_EQ(meeting_store_.FindCase("25/743").error().code, ErrorCode::kNotFound);

  auto done = imports_.Import(secretary_, m.id, *text, "", "004.txt", true);
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(done->applied);
  EXPECT_EQ(done->added, 2u);
  EXPECT_EQ(done->skipped, 6u);  // the items without a case number
  EXPECT_EQ(done->items[0].action, AgendaImportItem::Action::kNoCase);
  auto agenda = meeting_store_.AgendaOf(m.id).value();
  ASSERT_EQ(agenda.size(), 2u);
  EXPECT_EQ(agenda[0].title, "Økonomi");
  EXPECT_EQ(agenda[1].title, "Status på udmøntningsplan 2025-2028");
  EXPECT_NE(agenda[1].sections.presentation.find("udmøntningsplan"), std::string::npos);
  Case status = meeting_store_.FindCase("24/7615").value();
  EXPECT_EQ(status.kle, "00.30.10.S00");
  EXPECT_EQ(status.route, std::vector<std::string>{"DIR"});  // none printed: the meeting's body
  EXPECT_EQ(agenda[1].case_id, status.id);

  // The same text again adds nothing: its cases are on the agenda already.
  auto again = imports_.Import(secretary_, m.id, *text, "", "004.txt", true);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->applied);
  EXPECT_EQ(again->added, 0u);
  EXPECT_EQ(again->items[6].action, AgendaImportItem::Action::kAlreadyOnAgenda);
  EXPECT_EQ(meeting_store_.AgendaOf(m.id).value().size(), 2u);
}

TEST_F(AgendaImportTest, Seed000UsesTheExistingCaseAndTakesTheMeetingsOwnDecision) {
  auto text = Seed("000_");
  if (!text) GTEST_SKIP() << "SKIPPED: no seeds at " << BUDGETSPOR_SEEDS_DIR;
  ASSERT_TRUE(meetings_.CreateCase(secretary_, {"24/7615", "", "Status på udmøntningsplan", "", "ØK", false}).ok());
  Meeting m = PublishedMeeting("ØK", "10-06-2025");
  auto done = imports_.Import(secretary_, m.id, *text, "", "000.txt", true);
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(done->applied) << (done->problems.empty() ? "" : done->problems[0].Located());
  EXPECT_EQ(done->items[0].action, AgendaImportItem::Action::kUseCase);
  EXPECT_EQ(done->decisions, 1u);
  auto agenda = meeting_store_.AgendaOf(m.id).value();
  ASSERT_EQ(agenda.size(), 2u);
  EXPECT_EQ(agenda[1].decision, "Godkendt.");
  EXPECT_EQ(agenda[1].revision, 1);  // added after publishing: never silent
}

TEST_F(AgendaImportTest, DecisionIsKeptOutBeforeTheAgendaIsPublishedAndSaysSo) {
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto done = imports_.Import(secretary_, m.id, TwoItems("ØK"), "", "", true);
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(done->applied);
  EXPECT_EQ(done->decisions, 0u);
  ASSERT_FALSE(done->items[0].notes.empty());
  EXPECT_NE(done->items[0].notes[0].message.find("ikke offentliggjort"), std::string::npos);
  auto agenda = meeting_store_.AgendaOf(m.id).value();
  ASSERT_EQ(agenda.size(), 2u);
  EXPECT_TRUE(agenda[0].decision.empty());
  EXPECT_TRUE(agenda[1].closed);  // Lukket sag
  EXPECT_EQ(agenda[1].sections.recommendation, "Direktionen indstiller, at købet godkendes.");
}

TEST_F(AgendaImportTest, AnUnknownRouteBodyIsAProblemAndNothingIsWritten) {
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto done = imports_.Import(secretary_, m.id, TwoItems("ØK, XYZ"), "", "", true);
  ASSERT_TRUE(done.ok());
  EXPECT_FALSE(done->applied);
  ASSERT_EQ(done->problems.size(), 1u);
  EXPECT_EQ(done->problems[0].item, 2);
  EXPECT_EQ(done->problems[0].message, "Organet «XYZ» i sagsgangen findes ikke.");
  EXPECT_TRUE(meeting_store_.AgendaOf(m.id).value().empty());
  EXPECT_EQ(meeting_store_.FindCase("25/100").error().code, ErrorCode::kNotFound);  // not even the good item
}

TEST_F(AgendaImportTest, OnlyThoseWhoPrepareTheBodyImport) {
  Meeting m = NewMeeting("ØK", "10-06-2025");
  EXPECT_EQ(imports_.Import(member_, m.id, TwoItems("ØK"), "", "", false).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(imports_.Import(other_secretary_, m.id, TwoItems("ØK"), "", "", true).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(imports_.Import(Viewer::Anonymous(), m.id, TwoItems("ØK"), "", "", true).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(imports_.Import(secretary_, 999, TwoItems("ØK"), "", "", true).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(meeting_store_.AgendaOf(m.id).value().empty());
  EXPECT_EQ(imports_.Import(secretary_, m.id, "", "", "", true).error().code, ErrorCode::kInvalidArgument);
  auto layout = imports_.Import(secretary_, m.id, TwoItems("ØK"), "ukendt", "", true);
  ASSERT_FALSE(layout.ok());
  EXPECT_EQ(layout.error().fields.at(0).field, "layout");
}

TEST_F(AgendaImportTest, AJournalNumberNotInTheKleListIsAProblem) {
  LoadKle({{"00.30.10", "Budgetlægning", "subject"}});
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto done = imports_.Import(secretary_, m.id, TwoItems("ØK", "00.30.99.S00"), "", "", true);
  ASSERT_TRUE(done.ok());
  EXPECT_FALSE(done->applied);
  ASSERT_EQ(done->problems.size(), 1u);
  EXPECT_EQ(done->problems[0].message, "KLE-nummeret 00.30.99 findes ikke i KLE-listen.");
  EXPECT_TRUE(meeting_store_.AgendaOf(m.id).value().empty());
}

TEST_F(AgendaImportTest, WithoutAKleListOnlyTheShapeIsChecked) {
  EXPECT_TRUE(meetings_.CreateCase(secretary_, {"25/7", "00.30.99", "Sag", "", "ØK", false}).ok());
  auto bad = meetings_.CreateCase(secretary_, {"25/8", "00.3", "Sag", "", "ØK", false});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "kle");
}

TEST_F(AgendaImportTest, WithAKleListACaseMustNameASubjectInIt) {
  LoadKle({{"00", "Kommunens styrelse", "main_group"}, {"00.30.10", "Budgetlægning", "subject"}, {"S00", "Styring", "facet"}});
  auto unknown = meetings_.CreateCase(secretary_, {"25/7", "00.30.99", "Sag", "", "ØK", false});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0], (FieldError{"kle", "KLE-nummeret 00.30.99 findes ikke i KLE-listen."}));
  auto facet = meetings_.CreateCase(secretary_, {"25/8", "00.30.10.G01", "Sag", "", "ØK", false});
  ASSERT_FALSE(facet.ok());
  EXPECT_EQ(facet.error().fields.at(0).field, "kle");
  auto ok = meetings_.CreateCase(secretary_, {"25/9", "00.30.10.S00", "Budget", "", "ØK", false});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(meetings_.KleTitles({*ok}).value().at("00.30.10.S00"), "Budgetlægning, Styring");
  // The agenda item shows the title beside the number.
  Meeting m = NewMeeting("ØK", "20-06-2025");
  ASSERT_TRUE(meetings_.AddToAgenda(secretary_, m.id, "25/9", "").ok());
  auto view = meetings_.GetMeeting(secretary_, m.id).value();
  EXPECT_EQ(view.agenda.at(0).kle_title, "Budgetlægning, Styring");
}

TEST_F(AgendaImportTest, AListWithoutFacetsDoesNotMakeAFacetWrong) {
  LoadKle({{"00.30.10", "Budgetlægning", "subject"}});
  EXPECT_TRUE(meetings_.CreateCase(secretary_, {"25/7", "00.30.10.S00", "Sag", "", "ØK", false}).ok());
}

TEST_F(AgendaImportTest, OnlyAdministratorsReplaceTheKleList) {
  EXPECT_EQ(meetings_.ReplaceKle(secretary_, {{"00", "A", "main_group"}}, "x").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(meetings_.ReplaceKle(admin_, {}, "x").error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(meetings_.Kle().value().empty());
}

}  // namespace
}  // namespace bs
