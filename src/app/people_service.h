// Use cases for people (issue 5): sign-in and sessions, users, roles, memberships,
// and the audit log. Administration calls take the acting Viewer and ask the access
// rule (app/access.h) themselves.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/ports/crypto.h"
#include "app/ports/people_store.h"
#include "app/ports/plan_store.h"
#include "core/clock.h"

namespace bs {

struct SessionPolicy {
  int64_t idle_seconds = 2 * 3600;       // signed out after two hours without a request
  int64_t absolute_seconds = 12 * 3600;  // and after twelve hours in any case
  int64_t touch_every = 60;              // last_seen is written at most once a minute
  // Sign-in throttle (issue 15 #1): progressive delays, never a hard lock. From the
  // `free_failures_per_account`-th failure of an account in `window`, its next attempt
  // waits 1 s after the latest failure, doubling with each further failure up to
  // `max_delay`. From `free_failures_per_address` failures from one address the same
  // holds for the address, but only for accounts that have failed from it (a right
  // password of anyone else passes); from `all_accounts_after` failures from the
  // address, for every account tried from it.
  int free_failures_per_account = 5;
  int free_failures_per_address = 20;
  int all_accounts_after = 100;
  int64_t max_delay = 60;
  int64_t window = 15 * 60;
};

struct SignedIn {
  std::string token;  // for the cookie; never stored
  std::string csrf;
  User user;
};

struct ResolvedSession {
  Viewer viewer;
  std::string csrf;  // empty for the anonymous
};

struct UserDetails {
  User user;
  std::vector<Membership> memberships;
};

class PeopleService {
 public:
  PeopleService(PeopleStore& people, PlanStore& plans, const PasswordHasher& hasher, const TokenSource& tokens,
                const Clock& clock, SessionPolicy policy = {})
      : people_(people), plans_(plans), hasher_(hasher), tokens_(tokens), clock_(clock), policy_(policy) {}

  // InvalidArgument "Forkert brugernavn eller adgangskode." for an unknown user, a wrong
  // password or an inactive account alike (same message, and a hash is verified in
  // every case so the time is the same); TooManyRequests when the account or the
  // address has failed too often in the window. Every attempt goes to the audit log.
  Result<SignedIn> SignIn(const std::string& username, const std::string& password, const std::string& remote);
  // The person behind a session cookie (empty, forged, signed out, expired: anonymous;
  // expired also sets viewer.session_expired). Refreshes last_seen now and then.
  Result<ResolvedSession> Resolve(const std::string& token);
  Status SignOut(const std::string& token, const std::string& remote);

  // Administration: PermissionDenied unless `actor` is an administrator.
  Result<std::vector<User>> ListUsers(const Viewer& actor);
  Result<UserDetails> GetUser(const Viewer& actor, UserId id);
  // `login` false (issue 14): a member who needs no account (named in attendance and
  // minutes, never signing in): no password is asked for or stored, so no sign-in matches;
  // SetPassword gives them one later.
  Result<User> CreateUser(const Viewer& actor, const UserDraft& draft, const std::string& password,
                          const std::string& remote, bool login = true);
  Result<User> UpdateUser(const Viewer& actor, UserId id, const UserDraft& draft, const std::string& remote);
  Status SetPassword(const Viewer& actor, UserId id, const std::string& password, const std::string& remote);
  Result<Membership> AddMembership(const Viewer& actor, UserId id, const MembershipDraft& draft,
                                   const std::string& remote);
  Status EndMembership(const Viewer& actor, int64_t membership_id, const std::string& to, const std::string& remote);
  Result<std::vector<AuditEntry>> Audit(const Viewer& actor, int limit, int offset);

  // The first administrator, from the command line (whoever runs it owns the database
  // file already). Audited as done by "kommandolinje".
  Result<User> CreateUserFromCommandLine(const UserDraft& draft, const std::string& password);
  // `budgetspor user passwd`: the operator holding the database sets a password by user
  // name (recorded as "kommandolinje"); NotFound for an unknown user. Returns the user.
  Result<User> SetPasswordFromCommandLine(const std::string& username, const std::string& password);

  // Who sat in `body` on `day` (members, chairs, vice-chairs; public information).
  Result<std::vector<Seat>> SeatsOn(const std::string& body, Date day);
  // Changes whenever people, roles or memberships may have changed (the newest audit
  // entry: every such change is audited); caches of pages showing names compare it.
  Result<int64_t> ChangeStamp();
  // A person's name (for messages about attendance); NotFound for an unknown id.
  Result<std::string> NameOf(UserId id);

  // Computes the dummy hash that unknown users are verified against, so the first
  // such sign-in does not take twice as long (main runs it beside start-up).
  void Prepare() { (void)DummyHash(); }

  Date Today() const { return clock_.Today(); }
  // A fresh random token (for the sign-in form's CSRF cookie) and a constant-time compare.
  std::string NewToken() const { return tokens_.NewToken(); }
  bool SameToken(const std::string& a, const std::string& b) const { return tokens_.Equal(a, b); }
  const SessionPolicy& policy() const { return policy_; }

 private:
  Result<std::set<std::string>> BodyCodes();
  Result<User> AddUser(const std::string& actor, const UserDraft& draft, const std::string& password,
                       const std::string& remote, bool login = true);
  // Appends one line to the audit log.
  void Record(const std::string& actor, const std::string& action, const std::string& subject,
              const std::string& detail, const std::string& remote);
  const std::string& DummyHash();

  PeopleStore& people_;
  PlanStore& plans_;
  const PasswordHasher& hasher_;
  const TokenSource& tokens_;
  const Clock& clock_;
  SessionPolicy policy_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;
  // Attempts past the throttle whose hash is being checked: counted as failures "now"
  // until they are recorded, so concurrent attempts cannot all pass one check.
  std::mutex attempts_mu_;
  std::map<std::string, int> pending_by_account_, pending_by_address_;
};

}  // namespace bs
