#include "web/session.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/multipart.h"
#include "web/html.h"

namespace bs::web {
namespace {

bool IsSafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

// Sign-in itself has no session yet: the form carries a pre-session token checked by
// its handler (double submit), and the API takes JSON only, which a cross-site form
// cannot send.
bool IsSignIn(const Request& r) { return r.method == "POST" && (r.path == "/log-ind" || r.path == "/api/v1/session"); }

std::string SentCsrf(const Request& r) {
  std::string h = r.Header("x-csrf-token");
  if (!h.empty()) return h;
  std::string ct = text::FoldCase(r.Header("content-type"));
  if (ct.rfind("multipart/form-data", 0) == 0)  // uploads: the field comes first (Html writes it)
    return Multipart::FieldOf(r.Header("content-type"), r.body, "_csrf");
  if (ct.rfind("application/x-www-form-urlencoded", 0) != 0) return "";
  FormData form;
  if (!FormData::Parse(r.body, &form)) return "";
  return form.Get("_csrf");
}

Response CsrfRefused(const Request& r, const std::string& message) {
  if (WantsJson(r)) return JsonError(403, message);
  return HtmlError(403, message);
}

std::string UserBar(const Request& r, bool administer) {
  Html h;
  if (r.viewer.anonymous()) {
    std::string next = r.path + (r.query.empty() ? "" : "?" + r.query);
    if (r.path == "/log-ind") return "";
    h.Raw("<li><a href=\"/log-ind?next=").Text(PercentEncode(next)).Raw("\">Log ind</a></li>");
    return h.Take();
  }
  // The three-week overview for those who plan by it (issue 14): directors, secretaries,
  // finance and administrators.
  const Viewer& v = r.viewer;
  if (v.Has(Role::kDirector) || v.Has(Role::kSecretary) || v.Has(Role::kFinance) || v.Has(Role::kAdministrator))
    h.Raw("<li><a href=\"/overblik\">Tre uger</a></li>");
  if (administer) h.Raw("<li><a href=\"/admin/brugere\">Administration</a></li>");
  h.Raw("<li class=\"who\"><span class=\"visually-hidden\">Logget ind som </span>").Text(r.viewer.user->name).Raw("</li>");
  h.Raw("<li>").PostForm("/log-ud", "class=\"inline\"").Raw("<button type=\"submit\" class=\"link\">Log ud</button></form></li>");
  return h.Take();
}

// Fills the per-session slots (web/html.h) in one pass: memchr finds the rare slot
// byte fast, so a large cached page costs one copy, not a search.
std::string Compose(const std::string& body, const std::string& bar, const std::string& csrf) {
  const std::string field = csrf.empty() ? "" : "<input type=\"hidden\" name=\"_csrf\" value=\"" + csrf + "\">";
  std::string out;
  out.reserve(body.size() + bar.size() + 4 * field.size());
  const char* p = body.data();
  const char* end = p + body.size();
  while (p < end) {
    const char* slot = static_cast<const char*>(std::memchr(p, kSlot, end - p));
    if (!slot || slot + 1 >= end) { out.append(p, end); break; }
    out.append(p, slot);
    if (slot[1] == 'U') out.append(bar);
    else if (slot[1] == 'C') out.append(field);
    else if (slot[1] == kRequestIdSlotLetter) out.append(slot, 2);  // the server fills it
    p = slot + 2;
  }
  return out;
}

}  // namespace

std::string CookieValue(const Request& r, const std::string& name) {
  std::string header = r.Header("cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = text::Trim(std::string_view(header).substr(pos, end - pos));
    size_t eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    pos = end + 1;
  }
  return "";
}

std::string SetCookie(const Request& r, const std::string& name, const std::string& value, const char* same_site,
                      int max_age) {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=" + same_site;
  if (max_age >= 0) c += "; Max-Age=" + std::to_string(max_age);
  // Secure from the configured base URL; X-Forwarded-Proto is never believed.
  if (r.secure) c += "; Secure";
  return c;
}

std::string SessionCookieName(const Request& r) {
  return r.secure ? std::string("__Host-") + kSessionCookie : std::string(kSessionCookie);
}

std::string SafeNext(const std::string& next) {
  // A path on this site only (issue 15 #4): one "/" and then a path character. Browsers
  // drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" would be
  // "//evil.example": no control character or backslash anywhere.
  if (next.empty() || next.size() > 2000 || next[0] != '/') return "/";
  for (unsigned char c : next)
    if (c < 0x20 || c == 0x7f || c == '\\') return "/";
  if (next.size() > 1) {
    unsigned char c = static_cast<unsigned char>(next[1]);
    bool path_char = std::isalnum(c) || c >= 0x80 || std::strchr("-._~!$&'()*+,;=:@%?#", c) != nullptr;
    if (!path_char) return "/";
  }
  return next;
}

Response Site::Handle(const Request& incoming) const {
  Request r = incoming;
  r.session_token = CookieValue(r, SessionCookieName(r));
  auto resolved = services_.people.Resolve(r.session_token);
  if (!resolved.ok()) {
    return WantsJson(r) ? JsonError(resolved.error()) : HtmlError(resolved.error());
  }
  r.viewer = std::move(resolved->viewer);
  r.csrf = std::move(resolved->csrf);
  if (!IsSafeMethod(r.method) && !IsSignIn(r)) {
    if (r.viewer.anonymous()) {
      Response res = CsrfRefused(r, r.viewer.session_expired
                                        ? "Din session er udløbet, så intet er gemt. Log ind igen, og send formularen på ny."
                                        : "Du skal være logget ind for at ændre noget. Intet er ændret.");
      Finish(r, res);
      return res;
    }
    if (!services_.people.SameToken(SentCsrf(r), r.csrf)) {
      Response res = CsrfRefused(r, "Formularen mangler et gyldigt sikkerhedsfelt (CSRF), måske fordi den er hentet i en "
                                    "anden session. Intet er ændret. Hent siden igen, og prøv på ny.");
      Finish(r, res);
      return res;
    }
  }
  Response res = router_.Dispatch(r);
  Finish(r, res);
  return res;
}

void Site::Finish(const Request& r, Response& res) const {
  if (r.viewer.session_expired) res.headers.emplace_back("Set-Cookie", SetCookie(r, SessionCookieName(r), "", "Lax", 0));
  if (!r.viewer.anonymous()) {
    // Once: an answer that set its own (closed attachments: "private, no-store") keeps it.
    bool cache_set = std::any_of(res.headers.begin(), res.headers.end(),
                                 [](const auto& h) { return text::FoldCase(h.first) == "cache-control"; });
    if (!cache_set) res.headers.emplace_back("Cache-Control", "private, no-store");
    res.headers.emplace_back("Vary", "Cookie");
  }
  if (res.content_type.rfind("text/html", 0) != 0) return;
  bool administer = services_.plans.CapabilitiesFor(r.viewer).administer;
  // The bar holds the sign-out form, whose own CSRF slot is filled first.
  res.body = Compose(res.body, Compose(UserBar(r, administer), "", r.csrf), r.csrf);
}

}  // namespace bs::web
