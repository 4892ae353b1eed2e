// HTML for sign-in, the administration of users, roles and memberships, the audit
// log, and who sat in a body on a day. Views get view models; access is decided before.
#pragma once

#include <string>
#include <vector>

#include "app/people_service.h"
#include "domain/plan/plan.h"

namespace bs::web::views {

struct SignInModel {
  std::string username;
  std::string next;
  std::string pre_token;  // the sign-in form's CSRF token
  std::string notice;
  std::string error;
  std::string signed_in_as;  // already signed in
};
std::string SignInPage(const SignInModel& model);

struct UserFormModel {
  UserDraft draft;
  std::string password;  // never echoed back; only whether one was typed
  bool without_login = false;  // «Uden login»: a member named in minutes, never signing in
  std::vector<FieldError> errors;
  std::string notice;
};
std::string UsersPage(const std::vector<User>& users, const std::vector<Body>& bodies, const UserFormModel& form);

struct UserPageModel {
  UserDetails details;
  std::vector<Body> bodies;
  UserDraft draft;  // the edit form
  MembershipDraft membership;
  std::vector<FieldError> errors;
  std::string notice;
  Date today;
};
std::string UserPage(const UserPageModel& model);

std::string AuditPage(const std::vector<AuditEntry>& entries, int page, bool more);

std::string SeatsPage(const Body& body, Date day, const std::vector<Seat>& seats, const std::string& error);

}  // namespace bs::web::views
