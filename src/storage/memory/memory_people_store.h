// In-memory PeopleStore for tests: the reference implementation of the contract.
#pragma once

#include <map>
#include <mutex>

#include "app/ports/people_store.h"

namespace bs {

class MemoryPeopleStore final : public PeopleStore {
 public:
  Result<User> CreateUser(const User& user, const std::string& password_hash, int64_t now) override;
  Status UpdateUser(const User& user) override;
  Status SetPasswordHash(UserId id, const std::string& hash) override;
  Result<StoredUser> GetUser(UserId id) override;
  Result<StoredUser> FindUser(const std::string& username) override;
  Result<std::vector<User>> ListUsers() override;
  Result<int64_t> CountUsers() override;
  Result<Membership> AddMembership(const Membership& membership) override;
  Status EndMembership(int64_t id, Date to) override;
  Result<Membership> GetMembership(int64_t id) override;
  Result<std::vector<Membership>> MembershipsOf(UserId user) override;
  Result<std::vector<Membership>> MembershipsIn(const std::string& body) override;
  Status CreateSession(const Session& session) override;
  Result<Session> GetSession(const std::string& digest) override;
  Status TouchSession(const std::string& digest, int64_t now) override;
  Status DeleteSession(const std::string& digest) override;
  Status DeleteSessionsOf(UserId user) override;
  Status DeleteSessionsSeenBefore(int64_t cutoff) override;
  Status AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(int limit, int offset) override;
  Result<SignInFailures> CountSignInFailures(const std::string& actor, const std::string& remote, int64_t since) override;

 private:
  std::mutex mu_;
  std::map<UserId, StoredUser> users_;
  std::map<int64_t, Membership> memberships_;
  std::map<std::string, Session> sessions_;
  std::vector<AuditEntry> audit_;
};

}  // namespace bs
