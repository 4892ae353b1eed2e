// The meeting model (issue 6 groundwork): case numbers, KLE numbers, meetings, routes,
// agenda order and attendance.
#include "domain/meetings/meeting.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

const std::set<std::string> kBodies = {"DIR", "ØK", "KB", "BUU"};

TEST(CaseNumberTest, ParsesTheSeedsNumbers) {
  for (auto [in, year, serial] : {std::tuple{"24/7615", 24, 7615}, {"22/291", 22, 291}, {" 25 / 743 ", 25, 743}}) {
    auto n = CaseNumber::Parse(in);
    ASSERT_TRUE(n.ok()) << in;
    EXPECT_EQ(n->year, year);
    EXPECT_EQ(n->serial, serial);
  }
  EXPECT_EQ(CaseNumber::Parse(" 25 / 743 ")->text, "25/743");
  for (const char* bad : {"", "7615", "2024/7615", "24/", "24/0", "ab/12", "24/12a", "24/1234567890"})
    EXPECT_EQ(CaseNumber::Parse(bad).error().code, ErrorCode::kInvalidArgument) << bad;
}

TEST(KleTest, ChecksTheShapeAndKeepsItAsWritten) {
  EXPECT_EQ(*ValidateKle("00.30.10.S00"), "00.30.10.S00");
  EXPECT_EQ(*ValidateKle(" 00.30.14.S00 "), "00.30.14.S00");
  EXPECT_EQ(*ValidateKle("00.30.10"), "00.30.10");
  for (const char* bad : {"00.30", "00.30.10.s00", "00.30.10.S0", "0.30.10", "00-30-10", "00.30.10.S000", "ab.cd.ef"})
    EXPECT_FALSE(ValidateKle(bad).ok()) << bad;
}

TEST(MeetingTest, ValidatesEveryField) {
  auto m = ValidateMeeting({"ØK", "10-06-2025", "14:00", "16.30", "Byrådssalen", "", false}, kBodies);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->start_minute, 14 * 60);
  EXPECT_EQ(FormatClock(m->end_minute), "16:30");
  EXPECT_EQ(m->kind, MeetingKind::kOrdinary);
  auto bad = ValidateMeeting({"XX", "31-02-2025", "25:00", "9", std::string(300, 'x'), "fest", false}, kBodies);
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields;
  for (const auto& f : bad.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"body", "date", "start", "end", "place", "kind"}));
  auto backwards = ValidateMeeting({"ØK", "10-06-2025", "16:00", "14:00", "", "temamoede", false}, kBodies);
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().fields.at(0).field, "end");
}

TEST(CaseTest, RouteAcceptsArrowsAndCommasAndKnowsTheNextBody) {
  auto c = ValidateCase({"22/291", "00.30.10.S00", "Udmøntningsplan 2023", "Økonomichef", "DIR → ØK → KB", false}, kBodies);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->route, (std::vector<std::string>{"DIR", "ØK", "KB"}));
  EXPECT_EQ(NextOnRoute(*c, "DIR"), "ØK");
  EXPECT_EQ(NextOnRoute(*c, "ØK"), "KB");
  EXPECT_EQ(NextOnRoute(*c, "KB"), std::nullopt);
  EXPECT_EQ(ValidateCase({"24/7615", "", "Status", "", "ØK, BUU", true}, kBodies)->route.size(), 2u);
  auto bad = ValidateCase({"24-7615", "00.30", "", "", "ØK -> XX", false}, kBodies);
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields;
  for (const auto& f : bad.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"number", "kle", "title", "route"}));
  EXPECT_FALSE(ValidateCase({"24/1", "", "T", "", "ØK, ØK", false}, kBodies).ok());
}

TEST(AgendaOrderTest, MovesUpAndDownAndClampsAtTheEnds) {
  std::vector<int64_t> order = {10, 20, 30};
  EXPECT_EQ(*MoveInOrder(order, 30, -1), (std::vector<int64_t>{10, 30, 20}));
  EXPECT_EQ(*MoveInOrder(order, 10, +1), (std::vector<int64_t>{20, 10, 30}));
  EXPECT_EQ(*MoveInOrder(order, 10, -1), order);
  EXPECT_EQ(*MoveInOrder(order, 30, +5), order);
  EXPECT_EQ(MoveInOrder(order, 99, 1).error().code, ErrorCode::kNotFound);
}

TEST(AttendanceTest, OnlyThoseSeatedThatDayCanBeMarked) {
  auto a = ValidateAttendance({1, 2, 3, 4}, {2}, {3});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->present, (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(a->absent, (std::vector<int64_t>{2}));
  EXPECT_EQ(a->apologies, (std::vector<int64_t>{3}));
  auto stranger = ValidateAttendance({1, 2}, {7}, {});
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().fields.at(0).field, "absent");
  EXPECT_FALSE(ValidateAttendance({1, 2}, {2}, {2}).ok());
}

TEST(DecisionTest, PresetsAreTheUsualTexts) {
  const auto& p = DecisionPresets();
  EXPECT_NE(std::find(p.begin(), p.end(), "Taget til efterretning."), p.end());
  EXPECT_NE(std::find(p.begin(), p.end(), "Indstillingen anbefales."), p.end());
}

}  // namespace
}  // namespace bs
