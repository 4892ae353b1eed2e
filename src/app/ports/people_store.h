// The storage port for people: users and their password hashes, memberships of
// bodies, sessions and the audit log (issue 5). Implemented by storage/memory and
// storage/sqlite (later storage/postgres), tested by one contract suite.
//
// Contract: errors as PlanStore (NotFound, AlreadyExists, Unavailable, Internal);
// every write is atomic; thread-safe; sessions live in the database so that several
// app servers share them; the audit log is append-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/people/people.h"

namespace bs {

struct StoredUser {
  User user;
  std::string password_hash;  // empty: cannot sign in
};

struct Session {
  std::string digest;  // digest of the cookie token (the token itself is never stored)
  UserId user_id = 0;
  std::string csrf;    // the session's CSRF token
  int64_t created_at = 0;
  int64_t last_seen = 0;
  std::string remote;
};

class PeopleStore {
 public:
  virtual ~PeopleStore() = default;

  // AlreadyExists when the username is taken. Returns the user with its id.
  virtual Result<User> CreateUser(const User& user, const std::string& password_hash, int64_t now) = 0;
  // Replaces name, roles, departments and active of an existing user (NotFound).
  virtual Status UpdateUser(const User& user) = 0;
  virtual Status SetPasswordHash(UserId id, const std::string& hash) = 0;
  virtual Result<StoredUser> GetUser(UserId id) = 0;
  // NotFound for an unknown username (already case folded by the caller).
  virtual Result<StoredUser> FindUser(const std::string& username) = 0;
  // All users by name (Danish order is the caller's business), without hashes.
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Result<int64_t> CountUsers() = 0;

  virtual Result<Membership> AddMembership(const Membership& membership) = 0;
  // Sets the end date of a membership (NotFound).
  virtual Status EndMembership(int64_t id, Date to) = 0;
  virtual Result<Membership> GetMembership(int64_t id) = 0;
  // A user's memberships, or every membership of a body, by start date.
  virtual Result<std::vector<Membership>> MembershipsOf(UserId user) = 0;
  virtual Result<std::vector<Membership>> MembershipsIn(const std::string& body) = 0;

  virtual Status CreateSession(const Session& session) = 0;
  // NotFound for an unknown digest.
  virtual Result<Session> GetSession(const std::string& digest) = 0;
  virtual Status TouchSession(const std::string& digest, int64_t now) = 0;
  virtual Status DeleteSession(const std::string& digest) = 0;
  // Removes every session of the user (after a password change or deactivation).
  virtual Status DeleteSessionsOf(UserId user) = 0;
  // Removes sessions last seen before `cutoff` (housekeeping).
  virtual Status DeleteSessionsSeenBefore(int64_t cutoff) = 0;

  virtual Status AppendAudit(const AuditEntry& entry) = 0;
  // Newest first; at most `limit`, skipping `offset`.
  virtual Result<std::vector<AuditEntry>> ListAudit(int limit, int offset) = 0;
  // Failed sign-ins ("sign_in_failed") since `since`, for the sign-in throttle: how many
  // and the latest by the username tried, by the address, and by both together.
  virtual Result<SignInFailures> CountSignInFailures(const std::string& actor, const std::string& remote,
                                                     int64_t since) = 0;
};

}  // namespace bs
