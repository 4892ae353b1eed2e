// Agenda items, revisions, attachments' uploads, the time schedule and the year wheel
// (issue 6).
#include "domain/meetings/agenda.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

AgendaItem Item() {
  AgendaItem i;
  i.id = 7;
  i.title = "Status på udmøntningsplan";
  i.sections.presentation = "Før";
  return i;
}

TEST(AgendaItemTest, DraftIsCleanedAndEveryWrongFieldReported) {
  AgendaItemDraft d;
  d.title = "  Status  ";
  d.sections.recommendation = "Det indstilles, at planen godkendes.\r\n";
  d.slot_start = "10.30";
  d.slot_end = "10:45";
  d.plan_items = {5, 3, 5};
  auto item = ApplyDraft(Item(), d);
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->title, "Status");
  EXPECT_EQ(item->sections.recommendation, "Det indstilles, at planen godkendes.");
  EXPECT_EQ(item->slot_start, 630);
  EXPECT_EQ(item->slot_end, 645);
  EXPECT_EQ(item->plan_items, (std::vector<ItemId>{3, 5}));

  AgendaItemDraft bad;
  bad.slot_start = "25:00";
  bad.slot_end = "10:00";
  bad.sections.presentation = std::string(100'001, 'x');
  auto refused = ApplyDraft(Item(), bad);
  ASSERT_FALSE(refused.ok());
  std::set<std::string> fields;
  for (const auto& f : refused.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"titel", "tid_fra", "tid_til", "sagsfremstilling"}));

  AgendaItemDraft backwards;
  backwards.title = "x";
  backwards.slot_start = "11:00";
  backwards.slot_end = "10:00";
  EXPECT_EQ(ApplyDraft(Item(), backwards).error().fields.at(0).message, "Punktet skal slutte efter det begynder.");
}

TEST(AgendaRevisionTest, NamesTheChangedFieldsAndKeepsTheirEarlierText) {
  AgendaItem before = Item(), after = Item();
  after.sections.presentation = "Efter";
  after.decision = "Godkendt.";
  auto r = DiffForRevision(before, after);
  EXPECT_EQ(r.what, "Sagsfremstilling, Beslutning");
  EXPECT_NE(r.before.find("Sagsfremstilling:\nFør"), std::string::npos);
  EXPECT_NE(r.before.find("Beslutning:\n(tom)"), std::string::npos);
  EXPECT_TRUE(DiffForRevision(before, before).what.empty());
}

// Issue 14: who did not take part in an item, as the minutes of seed 002 print it, and a
// change of it after approval is a revision that names the people.
TEST(ItemAbsenceTest, LineAsInTheSeedsAndAChangeIsARevision) {
  EXPECT_EQ(AbsenceLine("Jens Meilvang (I)", false), "Jens Meilvang (I) deltog ikke under behandling af punktet.");
  EXPECT_EQ(AbsenceLine("Jens Meilvang (I)", true),
            "Jens Meilvang (I) deltog ikke under behandling af punktet på grund af inhabilitet.");
  AgendaItem before, after;
  before.absences = {{3, true}, {4, false}};
  after.absences = {{4, false}};
  auto r = DiffForRevision(before, after, {{3, "Anne Lund (A)"}});
  EXPECT_EQ(r.what, "Deltog ikke i punktet");
  EXPECT_EQ(r.before, "Deltog ikke i punktet:\nAnne Lund (A) deltog ikke under behandling af punktet på grund af inhabilitet.\n"
                      "Person 4 deltog ikke under behandling af punktet.\n\n");
  EXPECT_TRUE(DiffForRevision(before, before).what.empty());
}

TEST(DecisionTest, HeadingAsInTheSeeds) {
  EXPECT_EQ(DecisionHeading("Økonomiudvalget", {2025, 6, 10}), "Beslutning i Økonomiudvalget den 10-06-2025");
}

// Issue 14: lists as written: "-", "–", "•" and "*" lines are list items.
TEST(TextBlocksTest, LinesWithABulletAreListItems) {
  auto b = TextBlocks("Indledning.\n- Første\n\xE2\x80\xA2 Anden\n\xE2\x80\x93 Tredje\n* Fjerde\nAfslutning -  ikke en liste\n-\n");
  ASSERT_EQ(b.size(), 6u);
  EXPECT_FALSE(b[0].bullet);
  EXPECT_TRUE(b[1].bullet);
  EXPECT_EQ(b[1].text, "Første");
  EXPECT_EQ(b[2].text, "Anden");
  EXPECT_EQ(b[3].text, "Tredje");
  EXPECT_EQ(b[4].text, "Fjerde");
  EXPECT_FALSE(b[5].bullet);
  EXPECT_TRUE(TextBlocks("").empty());
}

TEST(ReadItemIdsTest, PositiveIdsInOrderAndTheFirstBadPart) {
  std::string bad;
  EXPECT_EQ(ReadItemIds("12, 14,3", &bad), (std::vector<ItemId>{12, 14, 3}));
  EXPECT_TRUE(bad.empty());
  EXPECT_EQ(ReadItemIds("12, abc, 0, 7", &bad), (std::vector<ItemId>{12, 7}));
  EXPECT_EQ(bad, "abc");
  EXPECT_TRUE(ReadItemIds("").empty());
  EXPECT_TRUE(ReadItemIds("1234567890123456789").empty()) << "too long for an id";
}

TEST(DocumentNumberTest, ShapeOfTheSeeds) {
  for (const char* ok : {"52074/25", "151433/22", " 127811/24 "}) EXPECT_TRUE(ValidateDocumentNumber(ok).ok()) << ok;
  for (const char* bad : {"", "52074", "52074/2025", "abc/25", "/25", "1234567890/25"}) EXPECT_FALSE(ValidateDocumentNumber(bad).ok()) << bad;
}

TEST(UploadTest, AcceptsKnownTypesWhoseBytesMatch) {
  const int64_t limit = 1024;
  EXPECT_EQ(*CheckUpload("plan.pdf", "application/pdf", "%PDF-1.7 ...", limit), "application/pdf");
  EXPECT_EQ(*CheckUpload("Plan.PDF", "", "%PDF-1.4", limit), "application/pdf");
  EXPECT_EQ(*CheckUpload("noter.txt", "text/plain", "Æble og ørred", limit), "text/plain; charset=utf-8");
  EXPECT_EQ(*CheckUpload("data.csv", "application/vnd.ms-excel", "a;b\n1;2", limit), "text/csv; charset=utf-8");
  EXPECT_EQ(*CheckUpload("ark.xlsx", "application/octet-stream", std::string("PK\x03\x04rest", 8), limit),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

TEST(UploadTest, RefusesEmptyTooBigMismatchedAndUnknown) {
  const int64_t limit = 10;
  EXPECT_EQ(CheckUpload("a.pdf", "", "", limit).error().message, "Filen er tom. Vælg en fil med indhold.");
  EXPECT_EQ(CheckUpload("a.txt", "", std::string(11, 'x'), limit).error().message, "Filen er for stor: højst 0 MB.");
  EXPECT_EQ(CheckUpload("a.pdf", "application/pdf", "MZ\x90\x00", limit).error().message,
            "Filens indhold passer ikke til typen PDF.");
  EXPECT_EQ(CheckUpload("a.pdf", "image/png", "%PDF-1.4", limit).error().message,
            "Filen er angivet som image/png, men navnet siger PDF.");
  EXPECT_FALSE(CheckUpload("virus.exe", "", "MZ", limit).ok());
  EXPECT_FALSE(CheckUpload("uden-endelse", "", "abc", limit).ok());
  EXPECT_FALSE(CheckUpload("a.txt", "", std::string("a\0b", 3), limit).ok());
  EXPECT_FALSE(CheckUpload("a.txt", "", "\xff\xfe", limit).ok());
}

TEST(ScheduleTest, BreaksParseAndTheScheduleIsByTime) {
  auto breaks = ParseBreaks("12:15-12:30 Frokost\n\n10.45-10.55 Pause\n");
  ASSERT_TRUE(breaks.ok());
  ASSERT_EQ(breaks->size(), 2u);
  EXPECT_EQ((*breaks)[0].label, "Pause");
  EXPECT_EQ(FormatBreaks(*breaks), "10:45-10:55 Pause\n12:15-12:30 Frokost\n");
  auto bad = ParseBreaks("10:45 Pause\n11:00-10:00 Kaffe");
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[1].message, "Linje 2: skriv fx «10:45-10:55 Pause».");

  AgendaItem a = Item(), b = Item(), c = Item();
  a.position = 1; a.title = "Første"; a.slot_start = 540; a.slot_end = 600;
  b.position = 2; b.title = "Uden tid";
  c.position = 3; c.title = "Tredje"; c.slot_start = 655; c.participants = "HR-afdelingsleder";
  auto rows = TimeSchedule({a, b, c}, *breaks);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].label, "1. Første");
  EXPECT_EQ(rows[1].label, "Pause");
  EXPECT_TRUE(rows[1].is_break);
  EXPECT_EQ(rows[2].label, "3. Tredje");
  EXPECT_EQ(rows[2].participants, "HR-afdelingsleder");
}

TEST(YearWheelTest, MonthsInNumbersNamesOrAll) {
  EXPECT_EQ(*ParseMonths("6, 12"), (std::vector<int>{6, 12}));
  EXPECT_EQ(*ParseMonths("december, juni, juni"), (std::vector<int>{6, 12}));
  EXPECT_EQ(ParseMonths("alle")->size(), 12u);
  EXPECT_EQ(FormatMonths({6, 12}), "juni, december");
  EXPECT_EQ(FormatMonths(*ParseMonths("hver måned")), "hver måned");
  EXPECT_FALSE(ParseMonths("13").ok());
  EXPECT_FALSE(ParseMonths("").ok());
  EXPECT_FALSE(ParseMonths("jul-aug").ok());
}

}  // namespace
}  // namespace bs
