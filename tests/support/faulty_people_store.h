// Wraps a PeopleStore and injects faults (STYLE.md habit 3), as FaultyPlanStore does:
// fail the Nth write, or answer every call Unavailable (busy) or Internal (a broken disk).
#pragma once

#include "app/ports/people_store.h"
#include "support/fault_switch.h"

namespace bs::testing {

class FaultyPeopleStore final : public PeopleStore {
 public:
  explicit FaultyPeopleStore(PeopleStore& inner) : inner_(inner) {}

  // The n-th write from now (1 = the next one) fails with `code`; 0 disables.
  void FailWrite(int n, ErrorCode code) { faults_.FailWrite(n, code); }
  // Every call fails with `code` while on.
  void FailAll(bool on, ErrorCode code = ErrorCode::kUnavailable) { faults_.FailAll(on, code); }

  Result<User> CreateUser(const User& u, const std::string& h, int64_t now) override {
    if (auto e = faults_.Write()) return *e;
    return inner_.CreateUser(u, h, now);
  }
  Status UpdateUser(const User& u) override { if (auto e = faults_.Write()) return *e; return inner_.UpdateUser(u); }
  Status SetPasswordHash(UserId id, const std::string& h) override { if (auto e = faults_.Write()) return *e; return inner_.SetPasswordHash(id, h); }
  Result<StoredUser> GetUser(UserId id) override { if (auto e = faults_.Read()) return *e; return inner_.GetUser(id); }
  Result<StoredUser> FindUser(const std::string& u) override { if (auto e = faults_.Read()) return *e; return inner_.FindUser(u); }
  Result<std::vector<User>> ListUsers() override { if (auto e = faults_.Read()) return *e; return inner_.ListUsers(); }
  Result<int64_t> CountUsers() override { if (auto e = faults_.Read()) return *e; return inner_.CountUsers(); }

  Result<Membership> AddMembership(const Membership& m) override { if (auto e = faults_.Write()) return *e; return inner_.AddMembership(m); }
  Status EndMembership(int64_t id, Date to) override { if (auto e = faults_.Write()) return *e; return inner_.EndMembership(id, to); }
  Result<Membership> GetMembership(int64_t id) override { if (auto e = faults_.Read()) return *e; return inner_.GetMembership(id); }
  Result<std::vector<Membership>> MembershipsOf(UserId u) override { if (auto e = faults_.Read()) return *e; return inner_.MembershipsOf(u); }
  Result<std::vector<Membership>> MembershipsIn(const std::string& b) override {
    if (auto e = faults_.Read()) return *e;
    return inner_.MembershipsIn(b);
  }

  Status CreateSession(const Session& s) override { if (auto e = faults_.Write()) return *e; return inner_.CreateSession(s); }
  Result<Session> GetSession(const std::string& d) override { if (auto e = faults_.Read()) return *e; return inner_.GetSession(d); }
  Status TouchSession(const std::string& d, int64_t now) override { if (auto e = faults_.Write()) return *e; return inner_.TouchSession(d, now); }
  Status DeleteSession(const std::string& d) override { if (auto e = faults_.Write()) return *e; return inner_.DeleteSession(d); }
  Status DeleteSessionsOf(UserId u) override { if (auto e = faults_.Write()) return *e; return inner_.DeleteSessionsOf(u); }
  Status DeleteSessionsSeenBefore(int64_t c) override { if (auto e = faults_.Write()) return *e; return inner_.DeleteSessionsSeenBefore(c); }

  Status AppendAudit(const AuditEntry& a) override { if (auto e = faults_.Write()) return *e; return inner_.AppendAudit(a); }
  Result<std::vector<AuditEntry>> ListAudit(int limit, int offset) override {
    if (auto e = faults_.Read()) return *e;
    return inner_.ListAudit(limit, offset);
  }
  Result<SignInFailures> CountSignInFailures(const std::string& who, const std::string& remote, int64_t since) override {
    if (auto e = faults_.Read()) return *e;
    return inner_.CountSignInFailures(who, remote, since);
  }

 private:
  PeopleStore& inner_;
  FaultSwitch faults_;
};

}  // namespace bs::testing
