// People, their roles and their memberships of bodies (issue 5). Pure model and
// validation; storage, passwords and sessions live elsewhere.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace bs {

using UserId = int64_t;

// The roles of DOMAIN.md. A person may hold several (a head of department who also
// serves a committee as secretary). The anonymous public has no role and no user.
enum class Role {
  kAdministrator,   // users, roles, memberships, audit log; and everything else
  kFinance,         // økonomi: edits all of a plan, publishes versions, sets it up
  kDepartmentHead,  // fagchef: reports status on the items of their department or that they answer for
  kDirector,        // direktion: reads everything, raises and resolves OBS points
  kSecretary,       // sekretær: prepares the meetings of the bodies they serve
  kPolitician,      // politiker: reads the material of their bodies, closed items included
};
inline constexpr Role kAllRoles[] = {Role::kAdministrator, Role::kFinance, Role::kDepartmentHead,
                                     Role::kDirector, Role::kSecretary, Role::kPolitician};

const char* Slug(Role role);   // "administrator", "okonomi", "fagchef", "direktion", "sekretaer", "politiker"
const char* Label(Role role);  // "Administrator", "Økonomi", "Fagchef", ...
std::optional<Role> RoleFromSlug(std::string_view slug);

struct User {
  UserId id = 0;
  std::string username;  // lower-case, [a-z0-9._-], 2-64 characters
  std::string name;      // as shown in history: "Mette Holm"
  std::set<Role> roles;
  // Fagchef: the committees whose items are their department's (body codes).
  std::vector<std::string> departments;
  bool active = true;
  int64_t created_at = 0;

  bool Has(Role role) const { return roles.count(role) > 0; }
};

// What the admin form and the command line supply.
struct UserDraft {
  std::string username, name, departments;  // departments: "BUU, AU"
  std::vector<std::string> roles;           // slugs
  bool active = true;
};

// Validates every field (InvalidArgument with one FieldError per wrong field: username,
// name, roles, departments). `bodies` are the body codes that exist.
Result<User> ValidateUser(const UserDraft& draft, const std::set<std::string>& bodies);

// Passwords: 10 to 256 characters. The upper bound keeps hashing cheap for anyone
// who sends a megabyte (argon2id's cost grows with the input only by hashing it once,
// but there is no reason to accept more).
inline constexpr size_t kMinPasswordLength = 10;
inline constexpr size_t kMaxPasswordLength = 256;
Status ValidateNewPassword(const std::string& password);

// A seat in a body for a period. "Who sat in ØK on 10-06-2025" is every membership
// of ØK with kind member or chair whose period holds that day.
enum class MembershipKind { kMember, kChair, kViceChair, kSecretary };
const char* Slug(MembershipKind kind);   // "medlem", "formand", "naestformand", "sekretaer"
const char* Label(MembershipKind kind);  // "Medlem", "Formand", "Næstformand", "Sekretær"
std::optional<MembershipKind> MembershipKindFromSlug(std::string_view slug);

struct Membership {
  int64_t id = 0;
  UserId user_id = 0;
  std::string body;  // body code
  MembershipKind kind = MembershipKind::kMember;
  Date from;
  std::optional<Date> to;  // inclusive; empty: still sitting
  // The party letter as the minutes print it ("Æ", "A", "SF"); "" for none (issue 14).
  // On the membership, not the person: one who changes party ends the membership and
  // starts a new one, so earlier minutes keep the letter of their day.
  std::string party;

  bool ActiveOn(Date day) const { return from <= day && (!to || day <= *to); }
  // Members, chairs and vice-chairs sit in the body; a secretary serves it.
  bool Sits() const { return kind != MembershipKind::kSecretary; }
};

// A member who sits in a body, with the person's name (meeting pages, minutes).
struct Seat {
  Membership membership;
  std::string name;  // the person's name
  // As the minutes print a member: "Diana Therese Mikkelsen (Æ)", the name alone
  // without a party letter.
  std::string Printed() const;
};

struct MembershipDraft {
  std::string body, kind, from, to, party;
};
// Every wrong field reported (body, kind, from, to, party). The party letter: up to 12
// letters (upper-cased), only for those who sit in the body, not a secretary.
Result<Membership> ValidateMembership(UserId user, const MembershipDraft& draft, const std::set<std::string>& bodies);

// One line of the audit log: sign-ins, failed sign-ins, sign-outs, and changes to
// users, roles and memberships.
struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;        // unix seconds
  std::string actor;     // who did it (username), or the username tried
  std::string action;    // "sign_in", "sign_in_failed", "sign_out", "user_created", "user_changed",
                         // "password_set", "membership_added", "membership_ended", "rate_limited"
  std::string subject;   // whom it concerns (username), may be empty
  std::string detail;    // Danish text for people
  std::string remote;    // the address the request came from
};
const char* AuditActionLabel(const std::string& action);

// Failed sign-ins in a window (PeopleStore::CountSignInFailures); times in unix seconds,
// 0 when there is none.
struct SignInFailures {
  int64_t by_actor = 0, last_by_actor = 0;
  int64_t by_remote = 0, last_by_remote = 0;
  int64_t by_actor_at_remote = 0;
  bool operator==(const SignInFailures&) const = default;
};

}  // namespace bs
