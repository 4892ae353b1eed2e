// The PeopleStore contract, written once and run against every backend (STYLE.md
// habit 4): memory and SQLite (PostgreSQL joins when its adapter exists).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "storage/sqlite/sqlite_db.h"
#include "support/store_backends.h"

namespace bs {
namespace {

using testing::Backend;
using testing::NamedBackend;

class PeopleStoreContract : public ::testing::TestWithParam<NamedBackend> {
 protected:
  void SetUp() override {
    b_ = GetParam().second();
    WriteMeta meta{1, "test", "test", "", ""};
    ASSERT_TRUE(b_->plans->UpsertBody(Body::Create("ØK", "Økonomiudvalget", true, 0).value(), meta).ok());
  }
  PeopleStore& s() { return *b_->people; }
  User NewUser(const std::string& username) {
    User u;
    u.username = username;
    u.name = "Navn " + username;
    u.roles = {Role::kFinance, Role::kDepartmentHead};
    u.departments = {"ØK"};
    return s().CreateUser(u, "hash-" + username, 100).value();
  }
  std::unique_ptr<Backend> b_;
};

TEST_P(PeopleStoreContract, UsersRoundTripAndUsernamesAreUnique) {
  User u = NewUser("mette");
  EXPECT_GT(u.id, 0);
  auto found = s().FindUser("mette");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->user.name, "Navn mette");
  EXPECT_EQ(found->user.roles, (std::set<Role>{Role::kFinance, Role::kDepartmentHead}));
  EXPECT_EQ(found->user.departments, std::vector<std::string>{"ØK"});
  EXPECT_EQ(found->password_hash, "hash-mette");
  EXPECT_EQ(found->user.created_at, 100);
  User dup;
  dup.username = "mette";
  dup.name = "X";
  EXPECT_EQ(s().CreateUser(dup, "", 1).error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(s().FindUser("nobody").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(s().GetUser(999).error().code, ErrorCode::kNotFound);
  u.roles = {Role::kPolitician};
  u.active = false;
  ASSERT_TRUE(s().UpdateUser(u).ok());
  EXPECT_FALSE(s().GetUser(u.id)->user.active);
  EXPECT_EQ(s().GetUser(u.id)->user.roles, std::set<Role>{Role::kPolitician});
  ASSERT_TRUE(s().SetPasswordHash(u.id, "new").ok());
  EXPECT_EQ(s().GetUser(u.id)->password_hash, "new");
  User ghost = u;
  ghost.id = 999;
  EXPECT_EQ(s().UpdateUser(ghost).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*s().CountUsers(), 1);
}

TEST_P(PeopleStoreContract, MembershipsKeepTheirPeriods) {
  User u = NewUser("ole");
  Membership m;
  m.user_id = u.id;
  m.body = "ØK";
  m.kind = MembershipKind::kChair;
  m.from = Date{2022, 1, 1};
  m.party = "Æ";
  Membership added = s().AddMembership(m).value();
  EXPECT_EQ(s().GetMembership(added.id)->party, "Æ");
  ASSERT_TRUE(s().EndMembership(added.id, Date{2025, 12, 31}).ok());
  auto of = s().MembershipsOf(u.id);
  ASSERT_EQ(of->size(), 1u);
  EXPECT_EQ(of->at(0).kind, MembershipKind::kChair);
  EXPECT_EQ(of->at(0).to, (Date{2025, 12, 31}));
  EXPECT_EQ(of->at(0).party, "Æ");
  EXPECT_EQ(s().MembershipsIn("ØK")->at(0).party, "Æ");
  EXPECT_EQ(s().MembershipsIn("ØK")->size(), 1u);
  EXPECT_TRUE(s().MembershipsIn("BUU")->empty());
  EXPECT_EQ(s().EndMembership(999, Date{2025, 1, 1}).error().code, ErrorCode::kNotFound);
  Membership orphan = m;
  orphan.user_id = 999;
  EXPECT_FALSE(s().AddMembership(orphan).ok());
}

TEST_P(PeopleStoreContract, SessionsLiveAndDie) {
  User u = NewUser("pia");
  Session x{"digest-1", u.id, "csrf", 10, 10, "10.0.0.1"};
  ASSERT_TRUE(s().CreateSession(x).ok());
  ASSERT_TRUE(s().TouchSession("digest-1", 50).ok());
  auto got = s().GetSession("digest-1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->last_seen, 50);
  EXPECT_EQ(got->csrf, "csrf");
  ASSERT_TRUE(s().CreateSession({"digest-2", u.id, "c2", 10, 10, ""}).ok());
  ASSERT_TRUE(s().DeleteSessionsSeenBefore(20).ok());
  EXPECT_FALSE(s().GetSession("digest-2").ok());
  EXPECT_TRUE(s().GetSession("digest-1").ok());
  ASSERT_TRUE(s().DeleteSessionsOf(u.id).ok());
  EXPECT_EQ(s().GetSession("digest-1").error().code, ErrorCode::kNotFound);
}

TEST_P(PeopleStoreContract, AuditLogIsNewestFirstAndCountable) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(s().AppendAudit({0, 100 + i, i < 3 ? "eve" : "bob", "sign_in_failed", "", "", "10.0.0.7"}).ok());
  auto page = s().ListAudit(2, 1);
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ(page->at(0).at, 103);
  ASSERT_TRUE(s().AppendAudit({0, 106, "eve", "sign_in_failed", "", "", "10.0.0.8"}).ok());
  ASSERT_TRUE(s().AppendAudit({0, 107, "eve", "sign_in", "", "", "10.0.0.7"}).ok());
  // eve: 100, 101, 102 from .7 and 106 from .8; bob: 103, 104 from .7.
  EXPECT_EQ(*s().CountSignInFailures("eve", "10.0.0.7", 101), (SignInFailures{3, 106, 4, 104, 2}));
  EXPECT_EQ(*s().CountSignInFailures("eve", "10.0.0.7", 0), (SignInFailures{4, 106, 5, 104, 3}));
  EXPECT_EQ(*s().CountSignInFailures("nobody", "10.9.9.9", 0), SignInFailures{});
}

BS_CONTRACT_ON_ALL_BACKENDS(PeopleStoreContract);

TEST(SqlitePeopleStoreTest, AuditLogIsAppendOnly) {
  auto b = testing::MakeSqlite();
  ASSERT_TRUE(b->people->AppendAudit({0, 1, "a", "sign_in", "", "", ""}).ok());
  auto lease = b->db->Acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_FALSE((*lease)->Exec("UPDATE audit_log SET actor = 'x'").ok());
  EXPECT_FALSE((*lease)->Exec("DELETE FROM audit_log").ok());
}

}  // namespace
}  // namespace bs
