// The Site: what every request passes through before and after the router (issue 5).
// Before: the session cookie becomes a Viewer (app/people_service.h), and a
// state-changing request must carry the session's CSRF token (form field _csrf or
// header X-CSRF-Token), else 403 and nothing changes. After: HTML pages get the
// per-session parts that are never cached: the CSRF token in every POST form and the
// header's "signed in as / Log ud" or "Log ind".
#pragma once

#include <string>

#include "web/router.h"
#include "web/routes.h"

namespace bs::web {

inline constexpr const char* kSessionCookie = "bs_session";
// The session cookie's name for this request: "__Host-bs_session" when the configured
// base URL is https (the browser then insists on Secure, Path=/ and no Domain), else
// kSessionCookie (issue 15 #13).
std::string SessionCookieName(const Request& r);
inline constexpr const char* kPreSessionCookie = "bs_pre";  // CSRF token of the sign-in form

// The value of cookie `name`, or "".
std::string CookieValue(const Request& request, const std::string& name);
// Set-Cookie values: HttpOnly, SameSite, Path=/; Secure when the request came over TLS
// (X-Forwarded-Proto: https from the proxy in front).
std::string SetCookie(const Request& request, const std::string& name, const std::string& value, const char* same_site,
                      int max_age = -1);

// Where to go after signing in: a local path only ("/..." but not "//"), else "/".
std::string SafeNext(const std::string& next);

class Site {
 public:
  explicit Site(Services services) : services_(services), router_(BuildRouter(services)) {}
  Response Handle(const Request& request) const;

 private:
  void Finish(const Request& request, Response& response) const;
  Services services_;
  Router router_;
};

}  // namespace bs::web
