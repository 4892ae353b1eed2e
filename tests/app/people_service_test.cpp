// PeopleService: sign-in, sessions, rate limits, administration and the audit log,
// on the in-memory stores and the real argon2id hasher with cheap parameters.
#include "app/people_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "crypto/sodium_crypto.h"
#include "storage/memory/memory_people_store.h"
#include "storage/memory/memory_plan_store.h"

namespace bs {
namespace {

// Counts Verify calls: every sign-in attempt must verify exactly one hash, whether
// the user exists or not, so that both take the same time.
class CountingHasher final : public PasswordHasher {
 public:
  Result<std::string> Hash(const std::string& p) const override { return inner_.Hash(p); }
  bool Verify(const std::string& e, const std::string& p) const override {
    ++verifies;
    return inner_.Verify(e, p);
  }
  mutable std::atomic<int> verifies{0};

 private:
  SodiumPasswordHasher inner_{Argon2Params::ForTests()};
};

class PeopleServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitSodium());
    WriteMeta meta{clock_.NowUnix(), "test", "test", "", ""};
    for (auto [code, name] : {std::pair{"ØK", "Økonomiudvalget"}, {"BUU", "Børne- og Ungdomsudvalget"}})
      ASSERT_TRUE(plans_.UpsertBody(Body::Create(code, name, true, 0).value(), meta).ok());
    admin_ = Add("admin", "Lene Berg", {"administrator"});
    ASSERT_TRUE(service_.SignIn("admin", kPassword, "10.0.0.1").ok());
    admin_viewer_.user = admin_;
  }

  User Add(const std::string& username, const std::string& name, std::vector<std::string> roles) {
    UserDraft d{username, name, "", std::move(roles), true};
    auto u = service_.CreateUserFromCommandLine(d, kPassword);
    EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message);
    return u.ok() ? *u : User{};
  }

  static constexpr const char* kPassword = "en-god-adgangskode";
  FixedClock clock_{1'749'549'600};  // 10-06-2025
  MemoryPlanStore plans_;
  MemoryPeopleStore people_;
  CountingHasher hasher_;
  SodiumTokenSource tokens_;
  PeopleService service_{people_, plans_, hasher_, tokens_, clock_};
  User admin_;
  Viewer admin_viewer_;
};

TEST_F(PeopleServiceTest, UnknownUserAndWrongPasswordGetTheSameAnswerAndOneHashEach) {
  int before = hasher_.verifies;
  auto unknown = service_.SignIn("nobody", "whatever-password", "10.0.0.2");
  int after_unknown = hasher_.verifies;
  auto wrong = service_.SignIn("admin", "wrong-password!", "10.0.0.2");
  ASSERT_FALSE(unknown.ok());
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().fields, wrong.error().fields);
  EXPECT_EQ(wrong.error().fields.at(0).message, "Forkert brugernavn eller adgangskode.");
  EXPECT_EQ(after_unknown - before, 1);
  EXPECT_EQ(hasher_.verifies - after_unknown, 1);
  auto log = service_.Audit(admin_viewer_, 10, 0);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->at(0).action, "sign_in_failed");
  EXPECT_EQ(log->at(1).action, "sign_in_failed");
  EXPECT_EQ(log->at(1).actor, "nobody");
}

TEST_F(PeopleServiceTest, UsernameIsCaseInsensitive) {
  EXPECT_TRUE(service_.SignIn("  ADMIN ", kPassword, "10.0.0.2").ok());
}

TEST_F(PeopleServiceTest, VeryLongPasswordIsRefusedWithoutHashing) {
  int before = hasher_.verifies;
  auto r = service_.SignIn("admin", std::string(1'000'000, 'x'), "10.0.0.2");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(hasher_.verifies, before);
}

// Issue 15 #1: progressive delays instead of a 15-minute lock of the right user.
TEST_F(PeopleServiceTest, FailuresDelayTheAccountProgressivelyButNeverLockIt) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(service_.SignIn("admin", "wrong-password!", "10.0.0.3").error().code, ErrorCode::kInvalidArgument);
  // The fifth failure is still checked; then the account waits 1 s after it.
  EXPECT_EQ(service_.SignIn("admin", "wrong-password!", "10.0.0.3").error().code, ErrorCode::kInvalidArgument);
  auto waiting = service_.SignIn("admin", kPassword, "10.0.0.4");  // even the right password, from elsewhere
  ASSERT_FALSE(waiting.ok());
  EXPECT_EQ(waiting.error().code, ErrorCode::kTooManyRequests);
  EXPECT_NE(waiting.error().message.find("For mange mislykkede loginforsøg. Vent 1 sekund,"), std::string::npos)
      << waiting.error().message;
  const int checked = hasher_.verifies;
  EXPECT_FALSE(service_.SignIn("admin", "wrong-password!", "10.0.0.3").ok());
  EXPECT_EQ(hasher_.verifies, checked) << "an attempt inside the delay is not checked at all";
  clock_.Advance(1);
  EXPECT_TRUE(service_.SignIn("admin", kPassword, "10.0.0.4").ok()) << "the right user is in after a second";
  // Each further failure doubles the wait: 2 s after the sixth.
  clock_.Advance(1);
  EXPECT_FALSE(service_.SignIn("admin", "wrong-password!", "10.0.0.3").ok());
  clock_.Advance(1);
  EXPECT_NE(service_.SignIn("admin", kPassword, "10.0.0.4").error().message.find("Vent 1 sekund"), std::string::npos);
  clock_.Advance(1);
  EXPECT_TRUE(service_.SignIn("admin", kPassword, "10.0.0.4").ok());
  // However many failures, the wait is at most a minute.
  for (int i = 0; i < 40; ++i) {
    clock_.Advance(61);
    (void)service_.SignIn("admin", "wrong-password!", "10.0.0.3");
  }
  auto capped = service_.SignIn("admin", kPassword, "10.0.0.4");
  ASSERT_FALSE(capped.ok());
  EXPECT_NE(capped.error().message.find("Vent 60 sekunder"), std::string::npos) << capped.error().message;
  clock_.Advance(60);
  EXPECT_TRUE(service_.SignIn("admin", kPassword, "10.0.0.4").ok());
}

TEST_F(PeopleServiceTest, AnAddressLimitDoesNotStopARightPasswordItDidNotCause) {
  Add("lise", "Lise Holm", {"okonomi"});
  // One address (a proxy, a town hall's NAT) with 20 failures over many accounts.
  for (int i = 0; i < 20; ++i) (void)service_.SignIn("user" + std::to_string(i), "wrong-password!", "10.0.0.9");
  EXPECT_TRUE(service_.SignIn("admin", kPassword, "10.0.0.9").ok()) << "admin did not cause the address' failures";
  auto again = service_.SignIn("user3", "wrong-password!", "10.0.0.9");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kTooManyRequests) << "an account that failed from there waits";
  // A wrong password of an account that had not failed there is checked (and counted).
  EXPECT_EQ(service_.SignIn("lise", "wrong-password!", "10.0.0.9").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(service_.SignIn("lise", kPassword, "10.0.0.9").error().code, ErrorCode::kTooManyRequests);
  clock_.Advance(60);
  EXPECT_TRUE(service_.SignIn("lise", kPassword, "10.0.0.9").ok());
  // At 100 failures from one address (spraying), every account tried from it waits.
  for (int i = 20; i < 99; ++i)  // with user3 refused and lise once: 100 failures after the loop
    EXPECT_EQ(service_.SignIn("user" + std::to_string(i), "wrong-password!", "10.0.0.9").error().code,
              ErrorCode::kInvalidArgument) << "new accounts are still checked below 100: " << i;
  EXPECT_EQ(service_.SignIn("admin", kPassword, "10.0.0.9").error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(service_.SignIn("admin", kPassword, "10.0.0.10").ok()) << "other addresses are not affected";
}

TEST_F(PeopleServiceTest, ConcurrentWrongPasswordsAreCountedTogether) {
  const int before = hasher_.verifies;
  std::vector<std::thread> threads;
  std::atomic<int> refused{0};
  for (int i = 0; i < 30; ++i)
    threads.emplace_back([&, i] {
      auto r = service_.SignIn("admin", "wrong-password-" + std::to_string(i), "10.0.1." + std::to_string(i));
      if (!r.ok() && r.error().code == ErrorCode::kTooManyRequests) ++refused;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(hasher_.verifies - before, 5) << "30 at once may not pass a limit of 5";
  EXPECT_EQ(refused.load(), 25);
}

TEST_F(PeopleServiceTest, SessionsExpireWhenIdleAndAfterTheAbsoluteLimit) {
  auto s = service_.SignIn("admin", kPassword, "10.0.0.2");
  ASSERT_TRUE(s.ok());
  auto v = service_.Resolve(s->token);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->viewer.user->username, "admin");
  EXPECT_EQ(v->csrf, s->csrf);
  // Active use keeps the session alive past the idle limit ...
  for (int i = 0; i < 5; ++i) {
    clock_.Advance(service_.policy().idle_seconds - 60);
    ASSERT_FALSE(service_.Resolve(s->token)->viewer.anonymous()) << i;
  }
  // ... but not past the absolute limit.
  clock_.Advance(service_.policy().absolute_seconds);
  auto expired = service_.Resolve(s->token);
  ASSERT_TRUE(expired.ok());
  EXPECT_TRUE(expired->viewer.anonymous());
  EXPECT_TRUE(expired->viewer.session_expired);
  // Idle: a fresh session left alone.
  auto t = service_.SignIn("admin", kPassword, "10.0.0.2");
  clock_.Advance(service_.policy().idle_seconds + 1);
  EXPECT_TRUE(service_.Resolve(t->token)->viewer.session_expired);
  // Gone for good afterwards: an expired session is deleted.
  EXPECT_FALSE(service_.Resolve(t->token)->viewer.session_expired);
}

TEST_F(PeopleServiceTest, SigningInSweepsDeadSessions) {
  auto old = service_.SignIn("admin", kPassword, "10.0.0.2");
  clock_.Advance(service_.policy().absolute_seconds + 10);
  ASSERT_TRUE(service_.SignIn("admin", kPassword, "10.0.0.2").ok());
  EXPECT_EQ(people_.GetSession(tokens_.Digest(old->token)).error().code, ErrorCode::kNotFound);
}

TEST_F(PeopleServiceTest, ForgedAndSignedOutTokensAreThePublic) {
  for (std::string forged : {std::string(64, 'a'), std::string("not-a-token"), std::string(5000, 'f'), std::string("")}) {
    auto v = service_.Resolve(forged);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->viewer.anonymous());
    EXPECT_FALSE(v->viewer.session_expired);
  }
  auto s = service_.SignIn("admin", kPassword, "10.0.0.2");
  ASSERT_TRUE(service_.SignOut(s->token, "10.0.0.2").ok());
  EXPECT_TRUE(service_.Resolve(s->token)->viewer.anonymous());
}

TEST_F(PeopleServiceTest, SessionsAreStoredByDigestOnly) {
  auto s = service_.SignIn("admin", kPassword, "10.0.0.2");
  EXPECT_FALSE(people_.GetSession(s->token).ok());
  EXPECT_TRUE(people_.GetSession(tokens_.Digest(s->token)).ok());
}

TEST_F(PeopleServiceTest, AdministrationNeedsAnAdministrator) {
  User finance = Add("okonomi", "Mette Holm", {"okonomi"});
  Viewer v;
  v.user = finance;
  UserDraft d{"ny", "Ny Person", "", {"politiker"}, true};
  auto r = service_.CreateUser(v, d, kPassword, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
  EXPECT_FALSE(service_.ListUsers(Viewer::Anonymous()).ok());
  EXPECT_FALSE(service_.Audit(v, 10, 0).ok());
  EXPECT_TRUE(service_.CreateUser(admin_viewer_, d, kPassword, "").ok());
}

TEST_F(PeopleServiceTest, BadUserInputNamesEveryField) {
  UserDraft d{"Æ x", "", "NOPE", {"konge"}, true};
  auto r = service_.CreateUser(admin_viewer_, d, "kort", "");
  ASSERT_FALSE(r.ok());
  std::set<std::string> fields;
  for (const auto& f : r.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"username", "name", "roles", "departments", "password"}));
  auto dup = service_.CreateUser(admin_viewer_, UserDraft{"admin", "X", "", {}, true}, kPassword, "");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().fields.at(0).field, "username");
}

TEST_F(PeopleServiceTest, RoleChangesAndDeactivationAreAuditedAndEndSessions) {
  User p = Add("politiker", "Ole Bæk", {"politiker"});
  auto s = service_.SignIn("politiker", kPassword, "10.0.0.2");
  ASSERT_TRUE(s.ok());
  UserDraft d{"politiker", "Ole Bæk", "", {"politiker", "sekretaer"}, false};
  ASSERT_TRUE(service_.UpdateUser(admin_viewer_, p.id, d, "10.0.0.1").ok());
  EXPECT_TRUE(service_.Resolve(s->token)->viewer.anonymous());
  EXPECT_FALSE(service_.SignIn("politiker", kPassword, "10.0.0.2").ok());
  auto log = service_.Audit(admin_viewer_, 5, 0);
  bool changed = false;
  for (const auto& e : *log) changed |= e.action == "user_changed" && e.subject == "politiker" && e.actor == "admin";
  EXPECT_TRUE(changed);
}

TEST_F(PeopleServiceTest, CannotRemoveOwnAdministratorRole) {
  UserDraft d{"admin", "Lene Berg", "", {"okonomi"}, true};
  auto r = service_.UpdateUser(admin_viewer_, admin_.id, d, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "roles");
}

TEST_F(PeopleServiceTest, WhoSatInOkOnADay) {
  User a = Add("anna", "Anna Andersen", {"politiker"});
  User b = Add("bo.berg", "Bo Berg", {"politiker"});
  User c = Add("carl", "Carl Ørum", {"sekretaer"});
  ASSERT_TRUE(service_.AddMembership(admin_viewer_, a.id, {"ØK", "formand", "01-01-2022", "31-12-2025", ""}, "").ok());
  ASSERT_TRUE(service_.AddMembership(admin_viewer_, b.id, {"ØK", "medlem", "01-01-2022", "31-05-2025", ""}, "").ok());
  ASSERT_TRUE(service_.AddMembership(admin_viewer_, c.id, {"ØK", "sekretaer", "01-01-2022", "", ""}, "").ok());
  auto on_june_10 = service_.SeatsOn("ØK", Date{2025, 6, 10});
  ASSERT_TRUE(on_june_10.ok());
  ASSERT_EQ(on_june_10->size(), 1u);  // Bo left on 31-05; the secretary serves but does not sit
  EXPECT_EQ(on_june_10->at(0).name, "Anna Andersen");
  auto on_may_31 = service_.SeatsOn("ØK", Date{2025, 5, 31});
  ASSERT_EQ(on_may_31->size(), 2u);
  EXPECT_EQ(on_may_31->at(0).name, "Anna Andersen");  // the chair first
  EXPECT_EQ(service_.SeatsOn("XX", Date{2025, 5, 31}).error().code, ErrorCode::kNotFound);
  auto bad = service_.AddMembership(admin_viewer_, a.id, {"ØK", "medlem", "10-06-2025", "01-06-2025", ""}, "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "to");
  auto unknown_body = service_.AddMembership(admin_viewer_, a.id, {"XX", "medlem", "10-06-2025", "", ""}, "");
  EXPECT_EQ(unknown_body.error().fields.at(0).field, "body");
}

TEST_F(PeopleServiceTest, ResolveGivesOnlyTodaysMemberships) {
  User p = Add("pia", "Pia", {"politiker"});
  ASSERT_TRUE(service_.AddMembership(admin_viewer_, p.id, {"ØK", "medlem", "01-01-2022", "", ""}, "").ok());
  ASSERT_TRUE(service_.AddMembership(admin_viewer_, p.id, {"BUU", "medlem", "01-01-2022", "31-12-2023", ""}, "").ok());
  auto s = service_.SignIn("pia", kPassword, "10.0.0.2");
  auto v = service_.Resolve(s->token);
  ASSERT_EQ(v->viewer.memberships.size(), 1u);
  EXPECT_TRUE(v->viewer.SitsIn("ØK"));
  EXPECT_FALSE(v->viewer.SitsIn("BUU"));
}

TEST(SodiumPasswordHasherTest, HashesVerifyAndCarryTheirParameters) {
  ASSERT_TRUE(InitSodium());
  SodiumPasswordHasher cheap(Argon2Params::ForTests());
  auto h = cheap.Hash("æøå-adgangskode");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(SodiumPasswordHasher().Verify(*h, "æøå-adgangskode"));  // other parameters: still verifies
  EXPECT_FALSE(cheap.Verify(*h, "æøå-adgangskodE"));
  EXPECT_FALSE(cheap.Verify("garbage", "x"));
  EXPECT_FALSE(cheap.Verify("", ""));
}

}  // namespace
}  // namespace bs
