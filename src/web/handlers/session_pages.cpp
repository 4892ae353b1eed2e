// Signing in and out (page and API), and who sat in a body on a given day (public).
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/handlers/item_json.h"
#include "web/routes.h"
#include "web/session.h"
#include "web/views/people_views.h"

namespace bs::web {
namespace {
using nlohmann::json;

Response SignInForm(Services s, const Request& r, views::SignInModel m, int status) {
  m.pre_token = s.people.NewToken();
  if (!r.viewer.anonymous()) m.signed_in_as = r.viewer.user->name;
  Response res = Response::Html(status, views::SignInPage(m));
  res.headers.emplace_back("Set-Cookie", SetCookie(r, kPreSessionCookie, m.pre_token, "Strict"));
  res.headers.emplace_back("Cache-Control", "no-store");
  return res;
}

Response ShowSignIn(Services s, const Request& r, const Params&) {
  FormData q;
  FormData::Parse(r.query, &q);
  views::SignInModel m;
  m.next = SafeNext(q.Get("next"));
  if (q.Get("udloebet") == "1") m.notice = "Din session er udløbet. Log ind igen for at fortsætte.";
  if (q.Get("ud") == "1") m.notice = "Du er logget ud.";
  return SignInForm(s, r, m, 200);
}

json UserJson(const User& u) {
  json roles = json::array();
  for (Role role : u.roles) roles.push_back(Slug(role));
  return {{"id", u.id}, {"username", u.username}, {"name", u.name}, {"roles", roles}, {"departments", u.departments}};
}

Response PostSignIn(Services s, const Request& r, const Params&) {
  FormData form = TRY_PAGE(ReadForm(r));
  views::SignInModel m;
  m.next = SafeNext(form.Get("next"));
  m.username = text::Truncate(form.Get("username"), 64);
  std::string pre = CookieValue(r, kPreSessionCookie);
  if (pre.empty() || !s.people.SameToken(pre, form.Get("_pre"))) {
    m.error = "Loginformularen er udløbet eller kom ikke fra denne side (CSRF). Prøv igen.";
    return SignInForm(s, r, m, 403);
  }
  auto signed_in = s.people.SignIn(form.Get("username"), form.Get("password"), r.remote);
  if (!signed_in.ok()) {
    const Error& e = signed_in.error();
    if (e.code == ErrorCode::kUnavailable || e.code == ErrorCode::kInternal) return HtmlError(e);
    m.error = e.fields.empty() ? e.message : e.fields.front().message;
    return SignInForm(s, r, m, HttpStatus(e.code));
  }
  // A session the browser still held (another person on a shared PC) ends here.
  if (!r.session_token.empty()) (void)s.people.SignOut(r.session_token, r.remote);
  Response res = Response::Redirect(m.next);
  res.headers.emplace_back("Set-Cookie", SetCookie(r, SessionCookieName(r), signed_in->token, "Lax"));
  res.headers.emplace_back("Set-Cookie", SetCookie(r, kPreSessionCookie, "", "Strict", 0));
  return res;
}

Response PostSignOut(Services s, const Request& r, const Params&) {
  auto st = s.people.SignOut(r.session_token, r.remote);
  if (!st.ok()) return HtmlError(st.error());
  Response res = Response::Redirect("/log-ind?ud=1");
  res.headers.emplace_back("Set-Cookie", SetCookie(r, SessionCookieName(r), "", "Lax", 0));
  return res;
}

Response ApiSignIn(Services s, const Request& r, const Params&) {
  // JSON only: a cross-site form can send text/plain or form bodies but not
  // application/json without the browser asking first, so this needs no CSRF token
  // (and cannot be used to sign a victim into someone else's account).
  auto j = ReadJsonObject(r, "brugernavn og adgangskode");
  if (!j.ok()) return JsonError(j.error());
  auto str = [&](const char* k) { return j->contains(k) && (*j)[k].is_string() ? (*j)[k].get<std::string>() : std::string(); };
  auto signed_in = s.people.SignIn(str("username"), str("password"), r.remote);
  if (!signed_in.ok()) return JsonError(signed_in.error());
  Response res = JsonResponse(200, {{"user", UserJson(signed_in->user)}, {"csrf_token", signed_in->csrf}});
  res.headers.emplace_back("Set-Cookie", SetCookie(r, SessionCookieName(r), signed_in->token, "Lax"));
  return res;
}

Response ApiWhoAmI(Services, const Request& r, const Params&) {
  if (r.viewer.anonymous()) return JsonResponse(200, {{"signed_in", false}});
  return JsonResponse(200, {{"signed_in", true}, {"user", UserJson(*r.viewer.user)}, {"csrf_token", r.csrf}});
}

Response ApiSignOut(Services s, const Request& r, const Params&) {
  auto st = s.people.SignOut(r.session_token, r.remote);
  if (!st.ok()) return JsonError(st.error());
  Response res = Response::NoContent();
  res.headers.emplace_back("Set-Cookie", SetCookie(r, SessionCookieName(r), "", "Lax", 0));
  return res;
}

// ?dato=10-06-2025 (pages) or ?date=2025-06-10 (API); default today.
Result<Date> DayFromQuery(Services s, const Request& r, const char* key) {
  FormData q;
  if (!FormData::Parse(r.query, &q)) return InvalidArgument("Adressens parametre kunne ikke læses.");
  std::string v = text::Trim(q.Get(key));
  if (v.empty()) return s.people.Today();
  auto d = Date::Parse(v);
  if (!d.ok()) return FieldErrors({{key, DateFieldError("Datoen", v)}});
  return *d;
}

Result<Body> FindBody(Services s, const std::string& code) {
  for (auto& b : TRY(s.plans.ListBodies()))
    if (b.code == code) return b;
  return NotFound("Organet findes ikke.");
}

Response ShowSeats(Services s, const Request& r, const Params& p) {
  auto body = FindBody(s, p.at("code"));
  if (!body.ok()) return HtmlError(body.error());
  auto day = DayFromQuery(s, r, "dato");
  if (!day.ok()) return Response::Html(400, views::SeatsPage(*body, s.people.Today(), {}, day.error().fields.empty() ? day.error().message : day.error().fields[0].message));
  auto seats = s.people.SeatsOn(body->code, *day);
  if (!seats.ok()) return HtmlError(seats.error());
  return Response::Html(200, views::SeatsPage(*body, *day, *seats, ""));
}

Response ApiSeats(Services s, const Request& r, const Params& p) {
  auto day = DayFromQuery(s, r, "date");
  if (!day.ok()) return JsonError(day.error());
  auto seats = s.people.SeatsOn(p.at("code"), *day);
  if (!seats.ok()) return JsonError(seats.error());
  json out = json::array();
  for (const auto& seat : *seats)
    out.push_back({{"name", seat.name}, {"kind", Slug(seat.membership.kind)}, {"from", seat.membership.from.Iso()},
                   {"to", seat.membership.to ? json(seat.membership.to->Iso()) : json(nullptr)}});
  return JsonResponse(200, {{"body", p.at("code")}, {"date", day->Iso()}, {"members", out}});
}

}  // namespace

void AddSessionPages(Router& router, Services s) {
  auto bind = [s](ServiceHandler fn) { return Bind(s, fn); };
  router.Add("GET", "/log-ind", bind(ShowSignIn));
  router.Add("POST", "/log-ind", bind(PostSignIn));
  router.Add("POST", "/log-ud", bind(PostSignOut));
  router.Add("GET", "/api/v1/session", bind(ApiWhoAmI));
  router.Add("POST", "/api/v1/session", bind(ApiSignIn));
  router.Add("DELETE", "/api/v1/session", bind(ApiSignOut));
  router.Add("GET", "/organer/{code}/medlemmer", bind(ShowSeats));
  router.Add("GET", "/api/v1/bodies/{code}/members", bind(ApiSeats));
}

}  // namespace bs::web
