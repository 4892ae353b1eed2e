// MeetingService on the in-memory stores: the route and sending on, publishing and
// revisions, decisions and minutes, attendance, attachments and who sees what.
#include "app/meeting_service.h"

#include <gtest/gtest.h>

#include "crypto/sodium_crypto.h"
#include "storage/memory/memory_meeting_store.h"
#include "storage/memory/memory_people_store.h"
#include "storage/memory/memory_plan_store.h"

namespace bs {
namespace {

using K = Resource::Kind;

class MeetingServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitSodium());
    WriteMeta meta{clock_.NowUnix(), "test", "test", "", ""};
    for (auto [code, name] : {std::pair{"DIR", "Direktionen"}, {"ØK", "Økonomiudvalget"}, {"KB", "Kommunalbestyrelsen"},
                              {"BUU", "Børne- og Ungdomsudvalget"}})
      ASSERT_TRUE(plan_store_.UpsertBody(Body::Create(code, name, code != std::string("DIR"), 0).value(), meta).ok());
    secretary_ = Person("pia", "Pia Skov", Role::kSecretary, {{"ØK", MembershipKind::kSecretary}, {"KB", MembershipKind::kSecretary},
                                                             {"DIR", MembershipKind::kSecretary}});
    member_ = Person("ole", "Ole Bæk", Role::kPolitician, {{"ØK", MembershipKind::kMember}});
    chair_ = Person("anne", "Anne Lund", Role::kPolitician, {{"ØK", MembershipKind::kChair}, {"KB", MembershipKind::kMember}});
    outsider_ = Person("bo", "Bo Holm", Role::kPolitician, {{"BUU", MembershipKind::kMember}});
    head_ = Person("soren", "Søren Dahl", Role::kDepartmentHead, {});
    ASSERT_TRUE(service_.CreateCase(secretary_, {"24/7615", "00.30.10.S00", "Status på udmøntningsplan", "Økonomichefen",
                                                 "DIR → ØK → KB", false}).ok());
    ASSERT_TRUE(service_.CreateCase(secretary_, {"26/9901", "", "Køb af ejendom", "", "ØK", true}).ok());
  }

  Viewer Person(const std::string& username, const std::string& name, Role role,
                std::vector<std::pair<std::string, MembershipKind>> seats) {
    User u;
    u.username = username;
    u.name = name;
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
    auto m = service_.CreateMeeting(secretary_, {body, date, "14:00", "16:00", "Rådhuset", "ordinaer", false});
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
    return m.ok() ? *m : Meeting{};
  }

  FixedClock clock_{1'749'549'600};  // 10-06-2025
  MemoryPlanStore plan_store_;
  MemoryPeopleStore people_store_;
  MemoryMeetingStore meeting_store_;
  SodiumPasswordHasher hasher_{Argon2Params::ForTests()};
  SodiumTokenSource tokens_;
  PlanRegister plans_{plan_store_, clock_};
  PeopleService people_{people_store_, plan_store_, hasher_, tokens_, clock_};
  MeetingService service_{meeting_store_, plans_, people_, clock_, MeetingPolicy{1024}};
  Viewer secretary_, member_, chair_, outsider_, head_;
  Viewer public_ = Viewer::Anonymous();
};

TEST_F(MeetingServiceTest, OnlyTheBodysSecretaryPreparesItsMeetings) {
  auto refused = service_.CreateMeeting(member_, {"ØK", "20-06-2025", "14:00", "16:00", "", "ordinaer", false});
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  auto bad = service_.CreateMeeting(secretary_, {"ØK", "31-02-2025", "16:00", "14:00", "", "x", false});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 3u);
  EXPECT_EQ(service_.CreateMeeting(secretary_, {"BUU", "20-06-2025", "14:00", "16:00", "", "", false}).error().code,
            ErrorCode::kPermissionDenied);
}

TEST_F(MeetingServiceTest, DuplicateCaseNumberIsAClearFieldError) {
  auto dup = service_.CreateCase(secretary_, {"24/7615", "", "Igen", "", "ØK", false});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(dup.error().fields.size(), 1u);
  EXPECT_EQ(dup.error().fields[0].field, "number");
  EXPECT_EQ(dup.error().fields[0].message, "Sagsnummeret 24/7615 findes allerede.");
  EXPECT_EQ(service_.CreateCase(outsider_, {"26/1", "", "x", "", "ØK", false}).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(MeetingServiceTest, UnpublishedAgendaIsHiddenFromAllButThosePreparingIt) {
  Meeting m = NewMeeting("ØK", "20-06-2025");
  auto item = service_.AddToAgenda(secretary_, m.id, "24/7615", "");
  ASSERT_TRUE(item.ok());
  EXPECT_TRUE(service_.GetMeeting(secretary_, m.id)->agenda_visible);
  for (const Viewer* v : {&member_, &public_, &head_}) {
    auto view = service_.GetMeeting(*v, m.id);
    ASSERT_TRUE(view.ok());  // the meeting itself is public: date and place
    EXPECT_FALSE(view->agenda_visible);
    EXPECT_TRUE(view->agenda.empty());
    EXPECT_EQ(service_.AgendaItemFor(*v, item->id).error().code, ErrorCode::kNotFound);
  }
}

TEST_F(MeetingServiceTest, ReorderingByOnePlaceAndNotAfterPublishing) {
  Meeting m = NewMeeting("ØK", "20-06-2025");
  auto a = service_.AddToAgenda(secretary_, m.id, "24/7615", "");
  auto b = service_.AddToAgenda(secretary_, m.id, "26/9901", "");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(service_.AddToAgenda(secretary_, m.id, "24/7615", "").error().fields.at(0).message,
            "Sag 24/7615 står allerede på dagsordenen.");
  EXPECT_EQ(service_.AddToAgenda(secretary_, m.id, "99/1", "").error().fields.at(0).message,
            "Sag 99/1 findes ikke. Opret sagen først.");
  ASSERT_TRUE(service_.MoveAgendaItem(secretary_, b->id, -1).ok());
  auto view = service_.GetMeeting(secretary_, m.id);
  EXPECT_EQ(view->agenda[0].item.id, b->id);
  EXPECT_EQ(view->agenda[0].item.position, 1);
  EXPECT_EQ(service_.MoveAgendaItem(member_, b->id, 1).error().code, ErrorCode::kNotFound);  // cannot know it yet
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  EXPECT_EQ(service_.MoveAgendaItem(secretary_, b->id, 1).error().code, ErrorCode::kConflict);
  EXPECT_EQ(service_.RemoveAgendaItem(secretary_, b->id).error().code, ErrorCode::kConflict);
  EXPECT_EQ(service_.MoveAgendaItem(member_, b->id, 1).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_.PublishAgenda(secretary_, m.id).error().code, ErrorCode::kConflict);
}

TEST_F(MeetingServiceTest, EditAfterPublishingNeedsAReasonAndLeavesAVisibleRevision) {
  Meeting m = NewMeeting("ØK", "20-06-2025");
  auto item = service_.AddToAgenda(secretary_, m.id, "24/7615", "");
  AgendaItemDraft d;
  d.title = "Status";
  d.sections.presentation = "Første udgave";
  ASSERT_TRUE(service_.UpdateAgendaItem(secretary_, item->id, d, "").ok());
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  d.sections.presentation = "Anden udgave";
  auto refused = service_.UpdateAgendaItem(secretary_, item->id, d, "  ");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "begrundelse");
  EXPECT_EQ(service_.GetMeeting(member_, m.id)->agenda[0].item.sections.presentation, "Første udgave") << "nothing half-written";
  ASSERT_TRUE(service_.UpdateAgendaItem(secretary_, item->id, d, "Tal rettet").ok());
  auto seen = service_.GetMeeting(member_, m.id)->agenda[0];
  EXPECT_EQ(seen.item.sections.presentation, "Anden udgave");
  ASSERT_EQ(seen.revisions.size(), 1u);
  EXPECT_EQ(seen.revisions[0].reason, "Tal rettet");
  EXPECT_EQ(seen.revisions[0].what, "Sagsfremstilling");
  EXPECT_EQ(seen.revisions[0].author, "Pia Skov");
  EXPECT_TRUE(seen.revisions[0].before.empty()) << "the earlier text is for those who prepare";
  EXPECT_EQ(service_.GetMeeting(secretary_, m.id)->agenda[0].revisions[0].before, "Sagsfremstilling:\nFørste udgave\n\n");
  // Adding a case after publishing needs a reason too.
  EXPECT_EQ(service_.AddToAgenda(secretary_, m.id, "26/9901", "").error().fields.at(0).field, "begrundelse");
}

TEST_F(MeetingServiceTest, ChangingAPublishedMeetingNeedsAReasonAndIsLogged) {
  Meeting m = NewMeeting("ØK", "20-06-2025");
  ASSERT_TRUE(service_.AddToAgenda(secretary_, m.id, "24/7615", "").ok());
  MeetingDraft moved{"", "20-06-2025", "15:00", "17:00", "Rådhuset", "ordinaer", false};
  ASSERT_TRUE(service_.UpdateMeeting(secretary_, m.id, moved, "").ok()) << "before publishing: freely";
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  MeetingDraft elsewhere{"", "20-06-2025", "15:00", "17:00", "Byrådssalen", "ordinaer", false};
  auto refused = service_.UpdateMeeting(secretary_, m.id, elsewhere, "", "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "begrundelse");
  EXPECT_EQ(service_.GetMeeting(public_, m.id)->meeting.place, "Rådhuset");
  ASSERT_TRUE(service_.UpdateMeeting(secretary_, m.id, elsewhere, "", "Mødelokalet er optaget").ok());
  auto seen = service_.GetMeeting(public_, m.id)->meeting;
  EXPECT_EQ(seen.place, "Byrådssalen");
  EXPECT_NE(seen.change_log.find("Pia Skov: sted «Rådhuset» → «Byrådssalen». Begrundelse: Mødelokalet er optaget"),
            std::string::npos)
      << seen.change_log;
  // Saving the same again changes nothing and needs no reason.
  EXPECT_TRUE(service_.UpdateMeeting(secretary_, m.id, elsewhere, "", "").ok());
}

TEST_F(MeetingServiceTest, DecisionsTravelTheRouteAndSendingOnIsOneAction) {
  Meeting dir = NewMeeting("DIR", "04-06-2025");
  Meeting ok = NewMeeting("ØK", "10-06-2025");
  Meeting kb = NewMeeting("KB", "17-06-2025");
  auto at_dir = service_.AddToAgenda(secretary_, dir.id, "24/7615", "");
  ASSERT_TRUE(service_.PublishAgenda(secretary_, dir.id).ok());
  ASSERT_TRUE(service_.RecordDecision(secretary_, at_dir->id, "Indstillingen anbefales.", "", "").ok());
  ASSERT_TRUE(service_.ApproveMinutes(secretary_, dir.id).ok());
  auto at_ok = service_.SendOn(secretary_, at_dir->id);
  ASSERT_TRUE(at_ok.ok()) << at_ok.error().message;
  EXPECT_EQ(at_ok->meeting_id, ok.id);
  EXPECT_EQ(service_.SendOn(secretary_, at_dir->id).error().message,
            "Sagen står allerede på Økonomiudvalgets møde den 10-06-2025.");
  ASSERT_TRUE(service_.PublishAgenda(secretary_, ok.id).ok());
  ASSERT_TRUE(service_.RecordDecision(secretary_, at_ok->id, "Indstillingen anbefales.", "", "").ok());
  ASSERT_TRUE(service_.ApproveMinutes(secretary_, ok.id).ok());
  auto at_kb = service_.SendOn(secretary_, at_ok->id);
  ASSERT_TRUE(at_kb.ok());
  EXPECT_EQ(at_kb->meeting_id, kb.id);
  ASSERT_TRUE(service_.PublishAgenda(secretary_, kb.id).ok());
  auto view = service_.GetMeeting(public_, kb.id);
  ASSERT_EQ(view->agenda.size(), 1u);
  const auto& earlier = view->agenda[0].earlier;
  ASSERT_EQ(earlier.size(), 2u);
  EXPECT_EQ(earlier[0].heading, "Beslutning i Direktionen den 04-06-2025");
  EXPECT_EQ(earlier[1].heading, "Beslutning i Økonomiudvalget den 10-06-2025");
  EXPECT_EQ(earlier[1].text, "Indstillingen anbefales.");
  // KB is last on the route.
  EXPECT_EQ(service_.SendOn(secretary_, at_kb->id).error().code, ErrorCode::kConflict);
}

TEST_F(MeetingServiceTest, SendingOnNeedsAComingMeetingOfTheNextBody) {
  Meeting ok = NewMeeting("ØK", "10-06-2025");
  auto item = service_.AddToAgenda(secretary_, ok.id, "24/7615", "");
  auto sent = service_.SendOn(secretary_, item->id);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().message, "Der er intet kommende møde i Kommunalbestyrelsen med åben dagsorden. Opret mødet først.");
}

TEST_F(MeetingServiceTest, DecisionsComeAfterTheMeetingAndMinutesNeedThemAll) {
  Meeting future = NewMeeting("ØK", "20-06-2025");
  auto f = service_.AddToAgenda(secretary_, future.id, "24/7615", "");
  ASSERT_TRUE(service_.PublishAgenda(secretary_, future.id).ok());
  EXPECT_EQ(service_.RecordDecision(secretary_, f->id, "Godkendt.", "", "").error().code, ErrorCode::kConflict);
  Meeting held = NewMeeting("ØK", "10-06-2025");
  auto a = service_.AddToAgenda(secretary_, held.id, "24/7615", "");
  auto b = service_.AddToAgenda(secretary_, held.id, "26/9901", "");
  EXPECT_EQ(service_.RecordDecision(secretary_, a->id, "Godkendt.", "", "").error().code, ErrorCode::kConflict)
      << "before publishing";
  ASSERT_TRUE(service_.PublishAgenda(secretary_, held.id).ok());
  EXPECT_EQ(service_.RecordDecision(secretary_, a->id, " ", "", "").error().fields.at(0).field, "beslutning");
  ASSERT_TRUE(service_.RecordDecision(secretary_, a->id, "Godkendt.", "Anne Lund ønskede ført til protokols, at ...", "").ok());
  EXPECT_EQ(service_.ApproveMinutes(secretary_, held.id).error().message, "Der mangler en beslutning på punkt 2.");
  // Before approval the public does not see decisions.
  EXPECT_TRUE(service_.GetMeeting(public_, held.id)->agenda[0].item.decision.empty());
  ASSERT_TRUE(service_.RecordDecision(secretary_, b->id, "Anbefales.", "", "").ok());
  ASSERT_TRUE(service_.ApproveMinutes(secretary_, held.id).ok());
  auto seen = service_.GetMeeting(public_, held.id);
  EXPECT_EQ(seen->agenda[0].item.decision, "Godkendt.");
  EXPECT_EQ(seen->agenda[0].item.protocol_note, "Anne Lund ønskede ført til protokols, at ...");
  // After approval a change is a revision with a reason.
  EXPECT_EQ(service_.RecordDecision(secretary_, a->id, "Godkendt med bemærkning.", "", "").error().fields.at(0).field,
            "begrundelse");
  ASSERT_TRUE(service_.RecordDecision(secretary_, a->id, "Godkendt med bemærkning.",
                                      "Anne Lund ønskede ført til protokols, at ...", "Skrivefejl").ok());
  EXPECT_EQ(service_.GetMeeting(public_, held.id)->agenda[0].revisions.at(0).what, "Beslutning");
}

TEST_F(MeetingServiceTest, ClosedItemsShowNumberAndTitleOnlyToThoseNotEntitled) {
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto closed = service_.AddToAgenda(secretary_, m.id, "26/9901", "");
  AgendaItemDraft d;
  d.title = "Køb af ejendom";
  d.closed = true;
  d.sections.presentation = "Prisen er 12 mio. kr.";
  ASSERT_TRUE(service_.UpdateAgendaItem(secretary_, closed->id, d, "").ok());
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  for (const Viewer* v : {&member_, &chair_}) {
    auto e = service_.GetMeeting(*v, m.id)->agenda[0];
    EXPECT_TRUE(e.content);
    EXPECT_EQ(e.item.sections.presentation, "Prisen er 12 mio. kr.");
  }
  for (const Viewer* v : {&public_, &outsider_, &head_}) {
    auto view = service_.GetMeeting(*v, m.id);
    auto e = view->agenda[0];
    EXPECT_FALSE(e.content);
    EXPECT_EQ(e.item.title, "Køb af ejendom");
    EXPECT_EQ(e.item.position, 1);
    EXPECT_TRUE(e.item.sections.presentation.empty());
    EXPECT_TRUE(e.c.number.text.empty()) << "not even the case number";
    EXPECT_FALSE(view->members_edition);
  }
}

TEST_F(MeetingServiceTest, AttachmentsAreCheckedAndClosedOnesGuarded) {
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto item = service_.AddToAgenda(secretary_, m.id, "24/7615", "");
  auto empty = service_.AddAttachment(secretary_, item->id, "Plan", false, "", "plan.pdf", "application/pdf", "");
  EXPECT_EQ(empty.error().fields.at(0).message, "Filen er tom. Vælg en fil med indhold.");
  auto big = service_.AddAttachment(secretary_, item->id, "Plan", false, "", "plan.pdf", "application/pdf",
                                    "%PDF-" + std::string(2000, 'x'));
  EXPECT_EQ(big.error().fields.at(0).field, "fil");
  auto wrong = service_.AddAttachment(secretary_, item->id, "Plan", false, "52074/25", "plan.pdf", "application/pdf", "hello");
  EXPECT_EQ(wrong.error().fields.at(0).message, "Filens indhold passer ikke til typen PDF.");
  auto bad_number = service_.AddAttachment(secretary_, item->id, "Plan", false, "52074", "plan.pdf", "", "%PDF-1.4");
  EXPECT_EQ(bad_number.error().fields.at(0).field, "dokumentnummer");
  EXPECT_TRUE(meeting_store_.AttachmentsOf(item->id)->empty()) << "nothing stored after refusals";
  auto closed = service_.AddAttachment(secretary_, item->id, "Fortroligt notat", true, "52074/25", "C:\\Doks\\notat.txt",
                                       "text/plain", "hemmeligt");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->filename, "notat.txt");
  // Unpublished: nobody else may know it.
  EXPECT_EQ(service_.OpenAttachment(member_, closed->id).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  EXPECT_EQ(service_.OpenAttachment(public_, closed->id).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_.OpenAttachment(outsider_, closed->id).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_.OpenAttachment(member_, closed->id)->bytes, "hemmeligt");
  auto listed = service_.GetMeeting(public_, m.id)->agenda[0];
  ASSERT_EQ(listed.attachments.size(), 1u);
  EXPECT_FALSE(listed.may_open[0]);
  EXPECT_TRUE(listed.attachments[0].title.empty());
}

TEST_F(MeetingServiceTest, AttendanceOnlyOfThoseSeatedThatDayNamedInTheError) {
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto refused = service_.RecordAttendance(secretary_, m.id, {outsider_.user->id}, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).message, "Bo Holm sad ikke i organet på mødedagen.");
  ASSERT_TRUE(service_.RecordAttendance(secretary_, m.id, {member_.user->id}, {}).ok());
  auto view = service_.GetMeeting(public_, m.id);
  EXPECT_EQ(view->absent, (std::vector<std::string>{"Ole Bæk"}));
  EXPECT_EQ(view->present, (std::vector<std::string>{"Anne Lund"}));
  EXPECT_EQ(service_.RecordAttendance(member_, m.id, {}, {}).error().code, ErrorCode::kPermissionDenied);
}

// Issue 14: who did not take part in one item (inhabilitet), recorded with the
// decision, printed with the party letter under it, kept from the public until the
// minutes are approved, and a revision once they are.
TEST_F(MeetingServiceTest, ItemAbsencesWithTheDecisionNamedWithTheirParty) {
  Viewer diana = Person("diana", "Diana Therese Mikkelsen", Role::kPolitician, {});
  Membership seat;
  seat.user_id = diana.user->id;
  seat.body = "ØK";
  seat.from = {2022, 1, 1};
  seat.party = "Æ";
  ASSERT_TRUE(people_store_.AddMembership(seat).ok());
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto item = service_.AddToAgenda(secretary_, m.id, "24/7615", "");
  ASSERT_TRUE(item.ok());
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  ASSERT_TRUE(service_.RecordAttendance(secretary_, m.id, {member_.user->id}, {}).ok());
  // Every problem at once: the decision missing, one not seated, one not at the meeting.
  auto bad = service_.RecordDecision(secretary_, item->id, " ", "", "",
                                     std::vector<ItemAbsence>{{outsider_.user->id, false}, {member_.user->id, true}});
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 3u);
  EXPECT_EQ(bad.error().fields[0].field, "beslutning");
  EXPECT_EQ(bad.error().fields[1].field, "deltog_ikke");
  EXPECT_EQ(bad.error().fields[2].field, "deltog_ikke");
  std::string all = bad.error().fields[1].message + "|" + bad.error().fields[2].message;
  EXPECT_NE(all.find("Person " + std::to_string(outsider_.user->id) + " sad ikke i organet på mødedagen."), std::string::npos) << all;
  EXPECT_NE(all.find("Ole Bæk var ikke på mødet (fraværende eller afbud) og kan ikke også stå under punktet."),
            std::string::npos) << all;
  EXPECT_TRUE(meeting_store_.GetAgendaItem(item->id)->decision.empty());  // nothing half-written

  auto ok = service_.RecordDecision(secretary_, item->id, "Godkendt.", "", "",
                                    std::vector<ItemAbsence>{{diana.user->id, true}, {chair_.user->id, false}, {diana.user->id, false}});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  // In the order of the seats (chair first), once each, inhabil kept.
  EXPECT_EQ(ok->absences, (std::vector<ItemAbsence>{{chair_.user->id, false}, {diana.user->id, true}}));
  const std::vector<std::string> lines{
      "Anne Lund deltog ikke under behandling af punktet.",
      "Diana Therese Mikkelsen (Æ) deltog ikke under behandling af punktet på grund af inhabilitet."};
  EXPECT_EQ(service_.GetMeeting(secretary_, m.id)->agenda.at(0).absence_lines, lines);
  auto before = service_.GetMeeting(public_, m.id);
  EXPECT_TRUE(before->agenda.at(0).absence_lines.empty());  // minutes not approved yet
  EXPECT_EQ(before->present, (std::vector<std::string>{"Anne Lund", "Diana Therese Mikkelsen (Æ)"}));
  // Without the choices the absences stay.
  ASSERT_TRUE(service_.RecordDecision(secretary_, item->id, "Godkendt.", "Note", "").ok());
  EXPECT_EQ(meeting_store_.GetAgendaItem(item->id)->absences.size(), 2u);

  ASSERT_TRUE(service_.ApproveMinutes(secretary_, m.id).ok());
  EXPECT_EQ(service_.GetMeeting(public_, m.id)->agenda.at(0).absence_lines, lines);
  auto changed = std::vector<ItemAbsence>{{chair_.user->id, false}};
  EXPECT_EQ(service_.RecordDecision(secretary_, item->id, "Godkendt.", "Note", "", changed).error().fields.at(0).field,
            "begrundelse");
  ASSERT_TRUE(service_.RecordDecision(secretary_, item->id, "Godkendt.", "Note", "Diana Mikkelsen deltog", changed).ok());
  auto revisions = meeting_store_.RevisionsOf(item->id);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ(revisions->at(0).what, "Deltog ikke i punktet");
  EXPECT_NE(revisions->at(0).before.find("Diana Therese Mikkelsen (Æ) deltog ikke"), std::string::npos);
  EXPECT_EQ(service_.GetMeeting(public_, m.id)->agenda.at(0).absence_lines, (std::vector<std::string>{lines[0]}));
}

// Found by review: marking someone away from the whole meeting who stands as not taking
// part in an item is refused, naming the item; the same people in another order are no
// revision; a non-member's id is not answered with their name.
TEST_F(MeetingServiceTest, ItemAbsencesAndMeetingAttendanceDoNotContradict) {
  Meeting m = NewMeeting("ØK", "10-06-2025");
  auto item = service_.AddToAgenda(secretary_, m.id, "24/7615", "");
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  ASSERT_TRUE(service_.RecordDecision(secretary_, item->id, "Godkendt.", "", "",
                                      std::vector<ItemAbsence>{{member_.user->id, false}}).ok());
  auto refused = service_.RecordAttendance(secretary_, m.id, {member_.user->id}, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).message,
            "Ole Bæk står som «deltog ikke» under punkt 1. Ret det under punktets beslutning først.");
  EXPECT_TRUE(meeting_store_.GetMeeting(m.id)->absent.empty());
  auto named = service_.RecordDecision(secretary_, item->id, "Godkendt.", "", "",
                                       std::vector<ItemAbsence>{{outsider_.user->id, false}});
  EXPECT_EQ(named.error().fields.at(0).message, "Person " + std::to_string(outsider_.user->id) + " sad ikke i organet på mødedagen.");
  AgendaItem a = *meeting_store_.GetAgendaItem(item->id), b = a;
  a.absences = {{1, false}, {2, true}};
  b.absences = {{2, true}, {1, false}};
  EXPECT_TRUE(DiffForRevision(a, b).what.empty());
}

TEST_F(MeetingServiceTest, YearWheelPlansTopicsAndPutsThemOnTheAgenda) {
  ASSERT_TRUE(service_.AddTopic(secretary_, {"ØK", "Halvårlig status", "juni, december", "24/7615"}).ok());
  auto bad = service_.AddTopic(secretary_, {"ØK", "", "13", "99/1"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 3u);
  Meeting june = NewMeeting("ØK", "20-06-2025");
  NewMeeting("ØK", "20-08-2025");
  auto plan = service_.BodyWorkplan(public_, "ØK", 2025);
  ASSERT_EQ(plan->meetings.size(), 2u);
  EXPECT_EQ(plan->meetings[0].planned, (std::vector<std::string>{"Halvårlig status"}));
  EXPECT_TRUE(plan->meetings[1].planned.empty());
  EXPECT_EQ(*service_.ApplyTopics(secretary_, june.id), 1);
  EXPECT_EQ(*service_.ApplyTopics(secretary_, june.id), 0) << "not twice";
  EXPECT_EQ(service_.GetMeeting(secretary_, june.id)->agenda.at(0).item.title, "Halvårlig status");
}

}  // namespace
}  // namespace bs

namespace bs {
namespace {

class PortfolioTest : public MeetingServiceTest {};

TEST_F(PortfolioTest, PlanItemsDueForTheBodyWaitUntilAnAgendaItemTreatsThem) {
  PlanDraft draft;
  draft.name = "Udmøntningsplan 2025-2028";
  draft.budget_name = "Budget 2025-2028";
  draft.first_year = "2025";
  draft.last_year = "2028";
  auto plan = plans_.CreatePlan(draft, "test", "test");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  auto item_draft = [](const char* title, const char* treatment) {
    ItemDraft d;
    d.category = "operating";
    d.committee = "ØK";
    d.title = title;
    d.political_treatment = treatment;
    return d;
  };
  auto due = plans_.CreateItem(plan->id(), item_draft("Flådestyring", "ØK: juni 2025"), plans_.Meta("test", "test"));
  auto later = plans_.CreateItem(plan->id(), item_draft("Kloge m2", "ØK: 2027"), plans_.Meta("test", "test"));
  auto elsewhere = plans_.CreateItem(plan->id(), item_draft("Skolestruktur", "BUU: juni 2025"), plans_.Meta("test", "test"));
  ASSERT_TRUE(due.ok() && later.ok() && elsewhere.ok());
  Meeting m = NewMeeting("ØK", "20-06-2025");
  Viewer finance;
  finance.user = User{};
  finance.user->name = "Mette Holm";
  finance.user->roles = {Role::kFinance};
  auto p = service_.BodyPortfolio(finance, "ØK");
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_EQ(p->waiting.size(), 1u);
  EXPECT_EQ(p->waiting[0].title, "Flådestyring");
  EXPECT_EQ(p->waiting_when[0], "juni 2025");
  ASSERT_EQ(p->next_meetings.size(), 1u);
  // Treated: an agenda item of ØK links it; the item's page then lists the meeting.
  auto a = service_.AddToAgenda(secretary_, m.id, "24/7615", "");
  AgendaItemDraft d;
  d.title = "Status";
  d.plan_items = {due->id()};
  ASSERT_TRUE(service_.UpdateAgendaItem(secretary_, a->id, d, "").ok());
  EXPECT_TRUE(service_.BodyPortfolio(finance, "ØK")->waiting.empty());
  EXPECT_TRUE(service_.TreatmentsOf(member_, due->id())->empty()) << "unpublished agenda";
  ASSERT_TRUE(service_.PublishAgenda(secretary_, m.id).ok());
  auto t = service_.TreatmentsOf(member_, due->id());
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ((*t)[0].body_name, "Økonomiudvalget");
  EXPECT_EQ((*t)[0].position, 1);
  // A link to an item that does not exist is refused.
  d.plan_items = {999};
  EXPECT_EQ(service_.UpdateAgendaItem(secretary_, a->id, d, "x").error().fields.at(0).field, "planpunkter");
}

// Issue 14: the archive lists every meeting of a year, with the years that have them.
TEST_F(MeetingServiceTest, TheArchiveListsEveryMeetingOfAYear) {
  NewMeeting("ØK", "15-01-2024");
  NewMeeting("ØK", "10-06-2025");
  NewMeeting("KB", "20-06-2025");
  NewMeeting("ØK", "03-02-2027");
  auto all = service_.Archive(public_, "", 2025);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->meetings.size(), 2u);
  EXPECT_EQ(all->meetings[0].meeting.date, (Date{2025, 6, 10}));
  EXPECT_EQ(all->meetings[1].body_name, "Kommunalbestyrelsen");
  ASSERT_EQ(all->years.size(), 3u);
  EXPECT_EQ(all->years[0].year, 2027);  // newest first
  EXPECT_EQ(all->years[1].meetings, 2);
  EXPECT_EQ(all->years[2].year, 2024);
  auto ok = service_.Archive(public_, "ØK", 2025);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->meetings.size(), 1u);
  EXPECT_EQ(ok->years.size(), 3u);
  auto none = service_.Archive(public_, "ØK", 2031);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->meetings.empty());
  EXPECT_EQ(service_.Archive(public_, "XYZ", 2025).error().code, ErrorCode::kNotFound);
}

// Issue 14: a case's page gathers every agenda item it was on, as each meeting's page
// shows the viewer, and says "not found" alike for no case and no access.
TEST_F(MeetingServiceTest, ACasePageShowsItsRouteAsTheMeetingsShowIt) {
  Meeting dir = NewMeeting("DIR", "02-06-2025");
  Meeting ok = NewMeeting("ØK", "09-06-2025");
  auto first = service_.AddToAgenda(secretary_, dir.id, "24/7615", "");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(service_.PublishAgenda(secretary_, dir.id).ok());
  ASSERT_TRUE(service_.RecordDecision(secretary_, first->id, "Anbefales.", "", "").ok());
  ASSERT_TRUE(service_.ApproveMinutes(secretary_, dir.id).ok());
  ASSERT_TRUE(service_.AddToAgenda(secretary_, ok.id, "24 / 7615", "").ok());  // not published yet

  auto seen = service_.CaseHistory(public_, "24/7615");
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_TRUE(seen->details);
  EXPECT_EQ(seen->title, "Status på udmøntningsplan");
  ASSERT_EQ(seen->appearances.size(), 1u) << "the unpublished ØK agenda is not the public's";
  EXPECT_EQ(seen->appearances[0].body_name, "Direktionen");
  EXPECT_TRUE(seen->appearances[0].entry.decision_visible);
  EXPECT_EQ(seen->appearances[0].entry.item.decision, "Anbefales.");
  auto prepared = service_.CaseHistory(secretary_, "24/7615");
  ASSERT_TRUE(prepared.ok());
  EXPECT_EQ(prepared->appearances.size(), 2u);
  EXPECT_EQ(prepared->appearances[1].meeting.id, ok.id);

  // A closed case on a published agenda: the public sees the agenda item's title only.
  Meeting later = NewMeeting("ØK", "10-06-2025");
  auto closed = service_.AddToAgenda(secretary_, later.id, "26/9901", "");
  ASSERT_TRUE(closed.ok());
  AgendaItemDraft d;
  d.title = "Ejendomshandel";
  d.closed = true;
  d.sections.presentation = "Fortroligt";
  ASSERT_TRUE(service_.UpdateAgendaItem(secretary_, closed->id, d, "").ok());
  ASSERT_TRUE(service_.PublishAgenda(secretary_, later.id).ok());
  auto hidden = service_.CaseHistory(public_, "26/9901");
  ASSERT_TRUE(hidden.ok());
  EXPECT_FALSE(hidden->details);
  EXPECT_EQ(hidden->title, "Ejendomshandel");
  EXPECT_TRUE(hidden->c.title.empty());
  EXPECT_TRUE(hidden->c.route.empty());
  EXPECT_FALSE(hidden->appearances[0].entry.content);
  auto member = service_.CaseHistory(member_, "26/9901");
  ASSERT_TRUE(member.ok());
  EXPECT_TRUE(member->details);
  EXPECT_EQ(member->title, "Køb af ejendom");
  EXPECT_TRUE(member->appearances[0].entry.content);

  // Not on any agenda the viewer sees, unknown, or not a number.
  ASSERT_TRUE(service_.CreateCase(secretary_, {"26/9902", "", "Endnu ikke på en dagsorden", "", "ØK", false}).ok());
  auto nowhere = service_.CaseHistory(public_, "26/9902");
  EXPECT_EQ(nowhere.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.CaseHistory(public_, "26/1").error().message, "Sagen 26/1 findes ikke, eller du har ikke adgang til den.");
  EXPECT_EQ(nowhere.error().message, "Sagen 26/9902 findes ikke, eller du har ikke adgang til den.");
  EXPECT_TRUE(service_.CaseHistory(secretary_, "26/9902").ok()) << "its preparers see it before it is on an agenda";
  EXPECT_EQ(service_.CaseHistory(public_, "abc").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace bs
