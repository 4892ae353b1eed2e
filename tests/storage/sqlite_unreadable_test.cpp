// Stored text that does not read back (a broken or hand-edited SQLite file) is an
// Internal error with a Danish message and no internals, never an exception or a crash
// (issue 12: the row decoders called std::stoll/stoi and Result::value() on it).
#include <gtest/gtest.h>

#include "support/store_backends.h"

namespace bs {
namespace {

class SqliteUnreadableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    b_ = testing::MakeSqlite();
    ASSERT_TRUE(b_->db);
    WriteMeta meta{1, "test", "test", "", ""};
    ASSERT_TRUE(b_->plans->UpsertBody(Body::Create("ØK", "Økonomiudvalget", true, 0).value(), meta).ok());
  }
  // Writes behind the store's back, as a broken disk or a hand edit would.
  void Corrupt(const std::string& sql) {
    auto c = b_->db->Acquire();
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE((*c)->Exec(sql).ok()) << sql;
  }
  template <typename T>
  void ExpectUnreadable(const Result<T>& r) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInternal);
    EXPECT_EQ(r.error().message, "Data i databasen kan ikke læses.");
  }
  Meeting NewMeeting() {
    Meeting m;
    m.body = "ØK";
    m.date = {2025, 6, 10};
    m.start_minute = 600;
    m.end_minute = 720;
    m.absent = {3};
    return b_->meetings->CreateMeeting(m).value();
  }
  std::unique_ptr<testing::Backend> b_;
};

TEST_F(SqliteUnreadableTest, MeetingAttendanceThatIsNoNumberIsAnError) {
  Meeting m = NewMeeting();
  Corrupt("UPDATE meetings SET absent = '3,tre' WHERE id = " + std::to_string(m.id));
  ExpectUnreadable(b_->meetings->GetMeeting(m.id));
  ExpectUnreadable(b_->meetings->ListMeetings("", {2025, 1, 1}, {2025, 12, 31}));
}

TEST_F(SqliteUnreadableTest, MeetingDateThatIsNoDateIsAnError) {
  Meeting m = NewMeeting();
  Corrupt("UPDATE meetings SET date = 'snart' WHERE id = " + std::to_string(m.id));
  ExpectUnreadable(b_->meetings->GetMeeting(m.id));
}

TEST_F(SqliteUnreadableTest, TopicMonthsThatAreNoNumbersAreAnError) {
  Case c;
  c.number = CaseNumber::Parse("24/7615").value();
  c.title = "Sag";
  c.route = {"ØK"};
  c = b_->meetings->CreateCase(c).value();
  RecurringTopic t{0, "ØK", "Budget", {3, 9}, c.id};
  ASSERT_TRUE(b_->meetings->AddTopic(t).ok());
  Corrupt("UPDATE recurring_topics SET months = 'marts'");
  ExpectUnreadable(b_->meetings->Topics(""));
}

TEST_F(SqliteUnreadableTest, MembershipDatesThatAreNoDatesAreAnError) {
  User u;
  u.username = "mette";
  u.name = "Mette";
  u = b_->people->CreateUser(u, "hash", 100).value();
  Membership m;
  m.user_id = u.id;
  m.body = "ØK";
  m.from = {2025, 1, 1};
  m = b_->people->AddMembership(m).value();
  Corrupt("UPDATE memberships SET from_date = 'i går'");
  ExpectUnreadable(b_->people->GetMembership(m.id));
  ExpectUnreadable(b_->people->MembershipsOf(u.id));
  ExpectUnreadable(b_->people->MembershipsIn("ØK"));
  Corrupt("UPDATE memberships SET from_date = '2025-01-01', to_date = 'aldrig'");
  ExpectUnreadable(b_->people->GetMembership(m.id));
}

TEST_F(SqliteUnreadableTest, PlanItemSdgThatIsNoNumberIsAnError) {
  WriteMeta meta{1, "test", "test", "", ""};
  auto plan = b_->plans->CreatePlan(Plan::Create({"Plan", "Budget", "2025", "2028", ""}).value(), meta);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ItemData d;
  d.committee = "ØK";
  d.title = "Punkt";
  d.sdgs = {4};
  auto item = b_->plans->CreateItem(PlanItem::Restore(0, plan->id(), d, 0, 0, 0), meta);
  ASSERT_TRUE(item.ok()) << item.error().message;
  Corrupt("UPDATE items SET sdgs = 'fire'");  // (item_revisions are append-only by trigger)
  ExpectUnreadable(b_->plans->GetItem(item->id()));
  ExpectUnreadable(b_->plans->ListItems(plan->id(), ItemFilter{}));
}

}  // namespace
}  // namespace bs
