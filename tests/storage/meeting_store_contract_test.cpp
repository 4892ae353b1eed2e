// The MeetingStore contract, written once and run against every backend (STYLE.md
// habit 4): memory and SQLite.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "storage/sqlite/sqlite_db.h"
#include "support/store_backends.h"

namespace bs {
namespace {

using testing::Backend;
using testing::NamedBackend;

class MeetingStoreContract : public ::testing::TestWithParam<NamedBackend> {
 protected:
  void SetUp() override {
    b_ = GetParam().second();
    WriteMeta meta{1, "test", "test", "", ""};
    for (const char* code : {"ØK", "KB"})
      ASSERT_TRUE(b_->plans->UpsertBody(Body::Create(code, code, true, 0).value(), meta).ok());
  }
  MeetingStore& s() { return *b_->meetings; }
  Meeting NewMeeting(const std::string& body, Date date) {
    Meeting m;
    m.body = body;
    m.date = date;
    m.start_minute = 600;
    m.end_minute = 720;
    return s().CreateMeeting(m).value();
  }
  Case NewCase(const std::string& number, bool closed = false) {
    Case c;
    c.number = CaseNumber::Parse(number).value();
    c.title = "Sag " + number;
    c.route = {"ØK", "KB"};
    c.closed = closed;
    return s().CreateCase(c).value();
  }
  AgendaItem Put(const Meeting& m, const Case& c) {
    AgendaItem a;
    a.meeting_id = m.id;
    a.case_id = c.id;
    a.title = c.title;
    return s().AddAgendaItem(a).value();
  }
  std::unique_ptr<Backend> b_;
};

TEST_P(MeetingStoreContract, MeetingsRoundTripWithStateAndAttendance) {
  Meeting m = NewMeeting("ØK", {2025, 6, 10});
  m.place = "Rådhuset";
  m.kind = MeetingKind::kTheme;
  m.published_at = 100;
  m.breaks = {{645, 655, "Pause"}};
  m.absent = {3};
  m.apologies = {4, 5};
  m.change_log = "10-06-2025 kl. 14:05, Pia Skov: sted. Begrundelse: x\n";
  ASSERT_TRUE(s().UpdateMeeting(m).ok());
  auto got = s().GetMeeting(m.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->place, "Rådhuset");
  EXPECT_EQ(got->kind, MeetingKind::kTheme);
  EXPECT_EQ(got->published_at, 100);
  EXPECT_EQ(got->breaks, m.breaks);
  EXPECT_EQ(got->absent, m.absent);
  EXPECT_EQ(got->apologies, m.apologies);
  EXPECT_EQ(got->change_log, m.change_log);
  EXPECT_EQ(s().GetMeeting(999).error().code, ErrorCode::kNotFound);
  Meeting ghost = m;
  ghost.id = 999;
  EXPECT_EQ(s().UpdateMeeting(ghost).error().code, ErrorCode::kNotFound);
}

TEST_P(MeetingStoreContract, ListsMeetingsByBodyAndWindowInDateOrder) {
  NewMeeting("KB", {2025, 6, 17});
  NewMeeting("ØK", {2025, 6, 10});
  NewMeeting("ØK", {2025, 8, 1});
  auto ok = s().ListMeetings("ØK", {2025, 6, 1}, {2025, 6, 30});
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->size(), 1u);
  auto all = s().ListMeetings("", {2025, 1, 1}, {2025, 12, 31});
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].date, (Date{2025, 6, 10}));
  EXPECT_EQ((*all)[1].body, "KB");
}

TEST_P(MeetingStoreContract, CaseNumbersAreUnique) {
  Case c = NewCase("24/7615");
  EXPECT_EQ(s().FindCase("24/7615")->id, c.id);
  EXPECT_EQ(s().GetCase(c.id)->route, (std::vector<std::string>{"ØK", "KB"}));
  Case again;
  again.number = CaseNumber::Parse("24/7615").value();
  again.title = "x";
  auto dup = s().CreateCase(again);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.error().message, "Sagsnummeret 24/7615 findes allerede.");
  NewCase("25/743");
  NewCase("22/291");
  auto list = s().ListCases();
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].number.text, "25/743");
  EXPECT_EQ(s().FindCase("1/1").error().code, ErrorCode::kNotFound);
}

TEST_P(MeetingStoreContract, AgendaIsNumberedReorderedAndRenumberedOnRemoval) {
  Meeting m = NewMeeting("ØK", {2025, 6, 10});
  AgendaItem a = Put(m, NewCase("26/1")), b = Put(m, NewCase("26/2")), c = Put(m, NewCase("26/3"));
  EXPECT_EQ(a.position, 1);
  EXPECT_EQ(c.position, 3);
  ASSERT_TRUE(s().SetAgendaOrder(m.id, {c.id, a.id, b.id}).ok());
  auto agenda = s().AgendaOf(m.id);
  ASSERT_EQ(agenda->size(), 3u);
  EXPECT_EQ((*agenda)[0].id, c.id);
  EXPECT_EQ((*agenda)[0].position, 1);
  EXPECT_EQ(s().SetAgendaOrder(m.id, {a.id, b.id}).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(s().RemoveAgendaItem(a.id).ok());
  agenda = s().AgendaOf(m.id);
  ASSERT_EQ(agenda->size(), 2u);
  EXPECT_EQ((*agenda)[0].id, c.id);
  EXPECT_EQ((*agenda)[1].id, b.id);
  EXPECT_EQ((*agenda)[1].position, 2);
  EXPECT_EQ(s().GetAgendaItem(a.id).error().code, ErrorCode::kNotFound);
}

TEST_P(MeetingStoreContract, UpdatesKeepRevisionsAndPlanLinks) {
  Meeting m = NewMeeting("ØK", {2025, 6, 10});
  Case c = NewCase("26/1");
  AgendaItem a = Put(m, c);
  a.sections.presentation = "Tekst";
  a.plan_items = {11, 12};
  a.decision = "Godkendt.";
  ASSERT_TRUE(s().UpdateAgendaItem(a, std::nullopt).ok());
  EXPECT_EQ(s().GetAgendaItem(a.id)->revision, 0);
  AgendaRevision r{a.id, 0, "Rettet dato", "Pia Skov", 42, "Sagsfremstilling", "Sagsfremstilling:\nTekst"};
  a.sections.presentation = "Ny tekst";
  a.plan_items = {12};
  ASSERT_TRUE(s().UpdateAgendaItem(a, r).ok());
  ASSERT_TRUE(s().UpdateAgendaItem(a, r).ok());
  auto got = s().GetAgendaItem(a.id);
  EXPECT_EQ(got->revision, 2);
  EXPECT_EQ(got->sections.presentation, "Ny tekst");
  EXPECT_EQ(got->plan_items, (std::vector<ItemId>{12}));
  auto revisions = s().RevisionsOf(a.id);
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[1].number, 2);
  EXPECT_EQ((*revisions)[0].reason, "Rettet dato");
  EXPECT_EQ((*revisions)[0].before, "Sagsfremstilling:\nTekst");
  auto placed = s().AgendaItemsForPlanItem(12);
  ASSERT_EQ(placed->size(), 1u);
  EXPECT_EQ((*placed)[0].item.id, a.id);
  EXPECT_EQ((*placed)[0].meeting.id, m.id);
  EXPECT_EQ((*placed)[0].meeting.date, m.date);
  EXPECT_TRUE(s().AgendaItemsForPlanItem(11)->empty());
  EXPECT_EQ(s().AgendaItemsOfCase(c.id)->size(), 1u);
}

// Issue 14: who did not take part in an item, with inhabil, in the order written, and
// read back through every path that returns agenda items.
TEST_P(MeetingStoreContract, ItemAbsencesRoundTrip) {
  Meeting m = NewMeeting("ØK", {2025, 6, 10});
  Case c = NewCase("26/2");
  AgendaItem a = Put(m, c);
  EXPECT_TRUE(s().GetAgendaItem(a.id)->absences.empty());
  a.absences = {{14, true}, {12, false}};
  a.plan_items = {7};
  ASSERT_TRUE(s().UpdateAgendaItem(a, std::nullopt).ok());
  EXPECT_EQ(s().GetAgendaItem(a.id)->absences, (std::vector<ItemAbsence>{{14, true}, {12, false}}));
  EXPECT_EQ(s().AgendaOf(m.id)->at(0).absences, a.absences);
  EXPECT_EQ(s().AgendaItemsForPlanItem(7)->at(0).item.absences, a.absences);
  EXPECT_EQ(s().AgendaItemsForPlanItem(7)->at(0).meeting.id, m.id);
  a.absences.clear();
  ASSERT_TRUE(s().UpdateAgendaItem(a, std::nullopt).ok());
  EXPECT_TRUE(s().GetAgendaItem(a.id)->absences.empty());
}

TEST_P(MeetingStoreContract, AttachmentsKeepTheirBytesAndNumbers) {
  Meeting m = NewMeeting("ØK", {2025, 6, 10});
  AgendaItem a = Put(m, NewCase("26/1"));
  Attachment meta;
  meta.agenda_item_id = a.id;
  meta.title = "Udmøntningsplan";
  meta.filename = "plan.pdf";
  meta.content_type = "application/pdf";
  meta.closed = true;
  std::string bytes("%PDF-\0\x01\xff", 8);
  auto first = s().AddAttachment(meta, bytes);
  auto second = s().AddAttachment(meta, "%PDF-2");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->number, 1);
  EXPECT_EQ(second->number, 2);
  EXPECT_EQ(first->size, 8);
  EXPECT_EQ(*s().AttachmentBytes(first->id), bytes);
  EXPECT_TRUE(s().GetAttachment(first->id)->closed);
  ASSERT_TRUE(s().RemoveAttachment(first->id).ok());
  EXPECT_EQ(s().AttachmentBytes(first->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(s().AttachmentsOf(a.id)->size(), 1u);
  meta.agenda_item_id = 999;
  EXPECT_EQ(s().AddAttachment(meta, "x").error().code, ErrorCode::kNotFound);
  // Removing the agenda item removes its attachments.
  ASSERT_TRUE(s().RemoveAgendaItem(a.id).ok());
  EXPECT_EQ(s().GetAttachment(second->id).error().code, ErrorCode::kNotFound);
}

TEST_P(MeetingStoreContract, BatchedReadsForOneMeetingsPage) {
  Meeting dir = NewMeeting("ØK", {2025, 6, 4});
  Meeting ok = NewMeeting("ØK", {2025, 6, 10});
  Case a = NewCase("24/7615"), b = NewCase("25/743"), lone = NewCase("26/1");
  AgendaItem earlier = Put(dir, a);
  earlier.decision = "Indstillingen anbefales.";
  ASSERT_TRUE(s().UpdateAgendaItem(earlier, std::nullopt).ok());
  AgendaItem undecided = Put(dir, b);
  AgendaItem first = Put(ok, b), second = Put(ok, a);
  Put(dir, lone);
  Attachment meta;
  meta.title = "x";
  meta.filename = "x.pdf";
  meta.content_type = "application/pdf";
  meta.agenda_item_id = second.id;
  ASSERT_TRUE(s().AddAttachment(meta, "%PDF-").ok());
  meta.agenda_item_id = first.id;
  ASSERT_TRUE(s().AddAttachment(meta, "%PDF-").ok());
  ASSERT_TRUE(s().UpdateAgendaItem(second, AgendaRevision{second.id, 0, "grund", "x", 1, "Titel", "før"}).ok());

  auto cases = s().CasesOnAgenda(ok.id);
  ASSERT_EQ(cases->size(), 2u);
  auto attachments = s().AttachmentsOfMeeting(ok.id);
  ASSERT_EQ(attachments->size(), 2u);
  EXPECT_EQ((*attachments)[0].agenda_item_id, first.id) << "in agenda order";
  auto revisions = s().RevisionsOfMeeting(ok.id);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].reason, "grund");
  auto decided = s().DecidedElsewhere(ok.id);
  ASSERT_EQ(decided->size(), 1u) << "only decided items of the same cases on other meetings";
  EXPECT_EQ((*decided)[0].id, earlier.id);
  (void)undecided;
}

TEST_P(MeetingStoreContract, RecurringTopicsByBody) {
  Case c = NewCase("24/7615");
  auto t = s().AddTopic({0, "ØK", "Halvårlig status", {6, 12}, c.id});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(s().Topics("ØK")->at(0).months, (std::vector<int>{6, 12}));
  EXPECT_TRUE(s().Topics("KB")->empty());
  ASSERT_TRUE(s().RemoveTopic(t->id).ok());
  EXPECT_EQ(s().RemoveTopic(t->id).error().code, ErrorCode::kNotFound);
}

TEST_P(MeetingStoreContract, KleListIsReplacedWholeAndReadByNumber) {
  EXPECT_TRUE(s().KleEntries().value().empty());
  EXPECT_FALSE(s().KleLoaded().value().has_value());
  int64_t before = s().Revision().value();
  std::vector<KleEntry> first = {{"00.30.10", "Budgetlægning", "subject"}, {"00", "Kommunens styrelse", "main_group"},
                                 {"S00", "Styring", "facet"}};
  ASSERT_TRUE(s().ReplaceKle(first, {"kle.txt", "Ada", 5}).ok());
  EXPECT_NE(s().Revision().value(), before);  // titles show on pages: caches must miss
  auto got = s().KleEntries().value();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], (KleEntry{"00", "Kommunens styrelse", "main_group"}));
  EXPECT_EQ(got[1].number, "00.30.10");
  EXPECT_EQ(s().KleLoaded().value(), (KleMeta{"kle.txt", "Ada", 5}));
  // A list with a number twice is refused and the old list stays.
  std::vector<KleEntry> twice = {{"01", "A", "main_group"}, {"01", "B", "main_group"}};
  EXPECT_EQ(s().ReplaceKle(twice, {"ny.txt", "Bo", 6}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s().KleEntries().value().size(), 3u);
  EXPECT_EQ(s().KleLoaded().value()->source, "kle.txt");
  ASSERT_TRUE(s().ReplaceKle({{"01", "Ny", "main_group"}}, {"ny.txt", "Bo", 6}).ok());
  ASSERT_EQ(s().KleEntries().value().size(), 1u);
}

TEST_P(MeetingStoreContract, AgendaImportWritesCasesAndItemsTogether) {
  Meeting m = NewMeeting("ØK", {2025, 6, 10});
  Case existing = NewCase("24/1");
  Put(m, existing);
  AgendaImportWrite w;
  w.meeting = m.id;
  Case fresh;
  fresh.number = CaseNumber::Parse("25/2").value();
  fresh.title = "Ny sag";
  fresh.route = {"ØK"};
  w.new_cases.push_back(fresh);
  ImportedAgendaItem a;
  a.item.title = "Ny sag";
  a.item.sections.presentation = "Tekst";
  a.new_case = 0;
  a.revision = AgendaRevision{0, 0, "Importeret", "Ada", 7, "Punktet sat på efter offentliggørelsen", ""};
  ImportedAgendaItem b;
  b.item.case_id = existing.id;
  b.item.title = "Igen";
  b.item.decision = "Godkendt";
  w.items = {a, b};
  auto written = s().WriteAgendaImport(w);
  ASSERT_TRUE(written.ok()) << written.error().message;
  ASSERT_EQ(written->size(), 2u);
  EXPECT_EQ((*written)[0].position, 2);
  EXPECT_EQ((*written)[0].revision, 1);
  EXPECT_EQ((*written)[1].position, 3);
  auto agenda = s().AgendaOf(m.id).value();
  ASSERT_EQ(agenda.size(), 3u);
  EXPECT_EQ(agenda[1].sections.presentation, "Tekst");
  EXPECT_EQ(agenda[1].case_id, s().FindCase("25/2").value().id);
  EXPECT_EQ(agenda[2].decision, "Godkendt");
  EXPECT_EQ(s().RevisionsOf(agenda[1].id).value().size(), 1u);
}

TEST_P(MeetingStoreContract, AgendaImportWritesNothingWhenACaseNumberIsTaken) {
  Meeting m = NewMeeting("ØK", {2025, 6, 10});
  NewCase("24/1");
  AgendaImportWrite w;
  w.meeting = m.id;
  for (const char* n : {"25/9", "24/1"}) {
    Case c;
    c.number = CaseNumber::Parse(n).value();
    c.title = n;
    c.route = {"ØK"};
    w.new_cases.push_back(c);
    ImportedAgendaItem i;
    i.item.title = n;
    i.new_case = static_cast<int>(w.new_cases.size()) - 1;
    w.items.push_back(i);
  }
  EXPECT_EQ(s().WriteAgendaImport(w).error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(s().FindCase("25/9").error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(s().AgendaOf(m.id).value().empty());
  w.meeting = 999;
  w.new_cases.clear();
  w.items.clear();
  EXPECT_EQ(s().WriteAgendaImport(w).error().code, ErrorCode::kNotFound);
}

BS_CONTRACT_ON_ALL_BACKENDS(MeetingStoreContract);

TEST(SqliteMeetingStoreTest, RevisionsAreAppendOnly) {
  auto b = testing::MakeSqlite();
  auto lease = b->db->Acquire();
  ASSERT_TRUE(lease.ok());
  WriteMeta meta{1, "test", "test", "", ""};
  ASSERT_TRUE(b->plans->UpsertBody(Body::Create("ØK", "Økonomiudvalget", true, 0).value(), meta).ok());
  Meeting m;
  m.body = "ØK";
  m.date = {2025, 6, 10};
  m = b->meetings->CreateMeeting(m).value();
  Case c;
  c.number = CaseNumber::Parse("26/1").value();
  c.title = "x";
  c = b->meetings->CreateCase(c).value();
  AgendaItem a;
  a.meeting_id = m.id;
  a.case_id = c.id;
  a.title = "x";
  a = b->meetings->AddAgendaItem(a).value();
  ASSERT_TRUE(b->meetings->UpdateAgendaItem(a, AgendaRevision{a.id, 0, "grund", "x", 1, "Titel", "før"}).ok());
  EXPECT_FALSE((*lease)->Exec("UPDATE agenda_revisions SET reason = 'skjult'").ok());
}

}  // namespace
}  // namespace bs
