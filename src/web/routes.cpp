#include "web/routes.h"

#include <random>

#include "web/errors.h"
#include "web/form.h"

namespace bs::web {

bool ParseId(const Params& params, const char* name, int64_t* out) {
  auto it = params.find(name);
  if (it == params.end()) return false;
  const std::string& s = it->second;
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::stoll(s);
  return *out > 0;
}

std::string RandomToken() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* kHex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 2; ++i) {
    uint64_t v = rng();
    for (int k = 0; k < 16; ++k) { s.push_back(kHex[v & 15]); v >>= 4; }
  }
  return s;
}

Response CachedByStamp(Services s, Result<int64_t> stamp, const Request& request, const std::function<Response()>& render) {
  if (!stamp.ok()) return render();  // render() reports the error in the right format
  const std::string key = request.path + "?" + request.query + "\n" + request.viewer.AccessClass();
  if (auto hit = s.cache.Get(key, *stamp)) return std::move(*hit);  // Get copied it out; no second copy
  Response r = render();
  if (r.status == 200) s.cache.Put(key, *stamp, r);
  return r;
}

Response CachedByPlan(Services s, PlanId plan, const Request& request, const std::function<Response()>& render) {
  return CachedByStamp(s, s.plans.Stamp(plan), request, render);
}

bool WantsJson(const Request& r) { return r.path.rfind("/api/", 0) == 0; }

std::string ContentDisposition(const std::string& filename, bool inline_) {
  std::string ascii;
  for (unsigned char c : filename) ascii.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? static_cast<char>(c) : '_');
  return std::string(inline_ ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncode(filename);
}

Response Denied(const Request& r, const Error& e) {
  if (e.code != ErrorCode::kPermissionDenied) return WantsJson(r) ? JsonError(e) : HtmlError(e);
  if (WantsJson(r)) return JsonError(e);
  std::string next = r.path + (r.query.empty() ? "" : "?" + r.query);
  if (r.viewer.session_expired && (r.method == "GET" || r.method == "HEAD"))
    return Response::Redirect("/log-ind?udloebet=1&next=" + PercentEncode(next));
  if (r.viewer.anonymous()) return SignInRequired(next, e.message);
  return HtmlError(e);
}

const std::vector<std::pair<std::string, std::string>>& MovedPages() {
  static const std::vector<std::pair<std::string, std::string>> kMoved = {
      {"/plans", "/planer"},
      {"/plans/{id}", "/planer/{id}"},
      {"/plans/{id}/committees/{code}", "/planer/{id}/udvalg/{code}"},
      {"/plans/{id}/items", "/planer/{id}/emner"},
      {"/plans/{id}/items/new", "/planer/{id}/emner/ny"},
      {"/plans/{id}/redline", "/planer/{id}/aendringer"},
      {"/plans/{id}/setup", "/planer/{id}/opsaetning"},
      {"/plans/{id}/setup/bodies", "/planer/{id}/opsaetning/organer"},
      {"/plans/{id}/setup/lines", "/planer/{id}/opsaetning/linjer"},
      {"/plans/{id}/setup/themes", "/planer/{id}/opsaetning/temaer"},
      {"/plans/{id}/versions", "/planer/{id}/versioner"},
      {"/plans/{id}/versions/{vid}", "/planer/{id}/versioner/{vid}"},
      {"/plans/{id}/versions/{vid}/committees/{code}", "/planer/{id}/versioner/{vid}/udvalg/{code}"},
      {"/plans/{id}/rapporter", "/planer/{id}/rapporter"},
      {"/plans/{id}/rapporter/{kind}", "/planer/{id}/rapporter/{kind}"},
      {"/plans/{id}/statusrunder", "/planer/{id}/statusrunder"},
      {"/items/{id}", "/emner/{id}"},
      {"/items/{id}/edit", "/emner/{id}/rediger"},
      {"/items/{id}/delete", "/emner/{id}/slet"},
      {"/items/{id}/history", "/emner/{id}/historik"},
      {"/items/{id}/restore", "/emner/{id}/gendan"},
      {"/items/{id}/status", "/emner/{id}/status"},
      {"/docs/access", "/dokumentation/adgang"},
      {"/docs/api", "/dokumentation/api"},
  };
  return kMoved;
}

Router BuildRouter(Services services) {
  Router router;
  for (const auto& [from, to] : MovedPages()) router.Moved(from, to);
  AddPlanPages(router, services);
  AddItemsApi(router, services);
  AddHistoryPages(router, services);
  AddHistoryApi(router, services);
  AddSetup(router, services);
  AddSessionPages(router, services);
  AddAdminPages(router, services);
  AddMeetingPages(router, services);
  AddReportPages(router, services);
  AddRoundPages(router, services);
  AddImportPages(router, services);
  AddStatic(router);
  router.SetNotFound([](const Request& r, const Params&) {
    return WantsJson(r) ? JsonError(404, "Adressen findes ikke.") : HtmlError(404, "Siden findes ikke. Tjek adressen.");
  });
  router.SetMethodNotAllowed([](const Request& r, const std::string& allow) {
    Response res = WantsJson(r) ? JsonError(405, "Metoden " + r.method.substr(0, 10) + " er ikke tilladt her.")
                                : HtmlError(405, "Metoden er ikke tilladt her.");
    res.status = 405;
    res.headers.emplace_back("Allow", allow);
    return res;
  });
  return router;
}

}  // namespace bs::web
