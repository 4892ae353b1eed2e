// Setting up a municipality and a plan: bodies (committees that own items, and the
// others), a plan's themes for declarations of intent, and its strategic lines.
// Page /planer/{id}/opsaetning with forms, and the same through the API.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handlers/item_json.h"
#include "web/routes.h"
#include "web/views/layout.h"

namespace bs::web {
namespace {
using nlohmann::json;

std::string SetupPage(const PlanContext& ctx, const std::string& message, const std::vector<FieldError>& errors) {
  Html h;
  const std::string base = "/planer/" + std::to_string(ctx.plan.id());
  views::PageStart(h, "Opsætning – " + ctx.plan.name(), {{"Planer", "/planer"}, {ctx.plan.name(), base}, {"Opsætning", ""}});
  h.Raw("<h1>Opsætning af ").Text(ctx.plan.name()).Raw("</h1>");
  if (!message.empty()) h.Raw("<p class=\"notice\" role=\"status\">").Text(message).Raw("</p>");
  if (!errors.empty()) {
    h.Raw("<div class=\"error-summary\" role=\"alert\"><p>Ikke gemt:</p><ul>");
    for (const auto& e : errors) h.Raw("<li>").Text(e.message).Raw("</li>");
    h.Raw("</ul></div>");
  }
  h.Raw("<section><h2>Udvalg og andre organer</h2><p class=\"lead\">Gælder hele kommunen. Udvalg, der ejer punkter, "
        "kan vælges på punkterne; alle organer kan stå i den politiske behandling.</p><table class=\"stack-narrow\"><thead><tr>"
        "<th scope=\"col\">Forkortelse</th><th scope=\"col\">Navn</th><th scope=\"col\">Ejer punkter</th></tr></thead><tbody>");
  for (const auto& b : ctx.bodies)
    h.Raw("<tr><td data-label=\"Forkortelse\">").Text(b.code).Raw("</td><td data-label=\"Navn\">").Text(b.name)
        .Raw("</td><td data-label=\"Ejer punkter\">").Raw(b.owns_items ? Literal("Ja") : Literal("Nej")).Raw("</td></tr>");
  h.Raw("</tbody></table>").PostForm(base + "/opsaetning/organer", "class=\"stack no-print\"").Raw(
        "<div class=\"field\"><label for=\"b-code\">Forkortelse (fx BUU)</label><input id=\"b-code\" name=\"code\"></div>"
        "<div class=\"field\"><label for=\"b-name\">Navn</label><input id=\"b-name\" name=\"name\"></div>"
        "<label class=\"check\"><input type=\"checkbox\" name=\"owns_items\" value=\"1\" checked> Ejer punkter i planen</label>"
        "<div class=\"actions\"><button type=\"submit\">Tilføj eller ret organ</button></div></form></section>");
  h.Raw("<section><h2>Temaer for hensigtserklæringer</h2><ul>");
  for (const auto& t : ctx.themes) h.Raw("<li>").Text(t.name).Raw("</li>");
  h.Raw("</ul>").PostForm(base + "/opsaetning/temaer", "class=\"stack no-print\"").Raw(
        "<div class=\"field\"><label for=\"t-name\">Nyt tema</label><input id=\"t-name\" name=\"name\"></div>"
        "<div class=\"actions\"><button type=\"submit\">Tilføj tema</button></div></form></section>");
  h.Raw("<section><h2>Strategiske linjer</h2><ul>");
  for (const auto& l : ctx.strategic_lines) h.Raw("<li><strong>").Text(l.title).Raw("</strong> ").Text(l.description).Raw("</li>");
  h.Raw("</ul>").PostForm(base + "/opsaetning/linjer", "class=\"stack no-print\"").Raw(
        "<div class=\"field\"><label for=\"l-title\">Titel</label><input id=\"l-title\" name=\"title\"></div>"
        "<div class=\"field\"><label for=\"l-desc\">Beskrivelse</label><input id=\"l-desc\" name=\"description\"></div>"
        "<div class=\"actions\"><button type=\"submit\">Tilføj strategisk linje</button></div></form></section>");
  views::PageEnd(h);
  return h.Take();
}

// A theme or line name: 1-200 characters of text.
Result<std::string> CleanName(const std::string& raw, const char* field) {
  std::string v = text::IsValidUtf8(raw) ? text::Trim(text::CleanSingleLine(raw)) : "";
  if (v.empty() || text::CodePointCount(v) > 200) return FieldErrors({{field, "Skriv et navn på 1-200 tegn."}});
  return v;
}

enum class What { kBody, kTheme, kLine };

// Applies one setup change; shared by the page and the API.
Status Apply(Services s, const Viewer& viewer, PlanId plan, What what, const std::map<std::string, std::string>& in) {
  auto get = [&](const char* k) { auto it = in.find(k); return it == in.end() ? std::string() : it->second; };
  switch (what) {
    case What::kBody: {
      auto bodies = TRY(s.plans.ListBodies());
      Body body = TRY(Body::Create(get("code"), get("name"), get("owns_items") == "1", static_cast<int>(bodies.size())));
      for (const auto& b : bodies) if (b.code == body.code) body.sort_order = b.sort_order;
      return s.plans.UpsertBody(viewer, body);
    }
    case What::kTheme: {
      std::string name = TRY(CleanName(get("name"), "name"));
      auto added = s.plans.AddTheme(viewer, plan, name);
      if (!added.ok()) return added.error();
      return OkStatus();
    }
    case What::kLine: {
      std::string title = TRY(CleanName(get("title"), "title"));
      std::string desc = text::IsValidUtf8(get("description")) ? text::Trim(text::CleanMultiline(get("description"))) : "";
      if (text::CodePointCount(desc) > 2000) return FieldErrors({{"description", "Højst 2.000 tegn."}});
      auto added = s.plans.AddStrategicLine(viewer, plan, title, desc);
      if (!added.ok()) return added.error();
      return OkStatus();
    }
  }
  return OkStatus();
}

Response ShowSetup(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.PlanForSetup(r.viewer, id));
  return Response::Html(200, SetupPage(plan.ctx, r.query.find("gemt=1") != std::string::npos ? "Gemt." : "", {}));
}

Response PostSetup(Services s, const Request& r, const Params& p, What what) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  TRY_ALLOWED(r, s.plans.PlanForSetup(r.viewer, id));
  FormData form = TRY_PAGE(ReadForm(r));
  std::map<std::string, std::string> in;
  for (const auto& [k, v] : form.all()) in.emplace(k, v);
  auto st = Apply(s, r.viewer, id, what, in);
  if (st.ok()) return Response::Redirect("/planer/" + std::to_string(id) + "/opsaetning?gemt=1");
  if (st.error().code == ErrorCode::kNotFound || st.error().code == ErrorCode::kInternal) return HtmlError(st.error());
  if (st.error().code == ErrorCode::kPermissionDenied) return Denied(r, st.error());
  PlanRead plan = TRY_ALLOWED(r, s.plans.PlanForSetup(r.viewer, id));
  std::vector<FieldError> errors = st.error().fields;
  if (errors.empty()) errors.push_back({"", st.error().message});
  return Response::Html(HttpStatus(st.error().code), SetupPage(plan.ctx, "", errors));
}

Response ApiSetup(Services s, const Request& r, PlanId plan, What what) {
  if (plan) TRY_ALLOWED(r, s.plans.PlanForSetup(r.viewer, plan));
  else TRY_ALLOWED(r, s.plans.MaySetUp(r.viewer));
  auto j = ReadJsonObject(r);
  if (!j.ok()) return JsonError(j.error());
  std::map<std::string, std::string> in;
  for (const auto& [k, v] : j->items()) {
    if (v.is_string()) in[k] = v.get<std::string>();
    else if (v.is_boolean()) in[k] = v.get<bool>() ? "1" : "0";
    else return JsonError(FieldErrors({{text::IsValidUtf8(k) ? k.substr(0, 60) : "?", "Skal være en tekst eller true/false."}}));
  }
  auto st = Apply(s, r.viewer, plan, what, in);
  if (!st.ok()) return Denied(r, st.error());
  return JsonResponse(201, {{"ok", true}});
}

Response ApiCreatePlan(Services s, const Request& r, const Params&) {
  TRY_ALLOWED(r, s.plans.MayCreatePlans(r.viewer));
  auto j = ReadJsonObject(r);
  if (!j.ok()) return JsonError(j.error());
  PlanDraft d;
  for (const auto& [k, v] : j->items()) {
    std::string* target = k == "name" ? &d.name : k == "budget_name" ? &d.budget_name : k == "first_year" ? &d.first_year
                        : k == "last_year" ? &d.last_year : k == "description" ? &d.description : nullptr;
    if (!target) return JsonError(FieldErrors({{text::IsValidUtf8(k) ? k.substr(0, 60) : "?", "Ukendt felt."}}));
    if (v.is_string()) *target = v.get<std::string>();
    else if (v.is_number_integer()) *target = std::to_string(v.get<int64_t>());
    else return JsonError(FieldErrors({{k, "Skal være en tekst eller et tal."}}));
  }
  auto plan = s.plans.CreatePlan(r.viewer, d, "api");
  if (!plan.ok()) return Denied(r, plan.error());
  PlanRead created = TRY_ALLOWED(r, s.plans.ReadPlan(r.viewer, plan->id()));
  Response res = JsonResponse(201, PlanToJson(created.ctx));
  res.headers.emplace_back("Location", "/api/v1/plans/" + std::to_string(plan->id()));
  return res;
}

}  // namespace

void AddSetup(Router& router, Services s) {
  router.Add("GET", "/planer/{id}/opsaetning", [s](const Request& r, const Params& p) { return ShowSetup(s, r, p); });
  router.Add("POST", "/planer/{id}/opsaetning/organer", [s](const Request& r, const Params& p) { return PostSetup(s, r, p, What::kBody); });
  router.Add("POST", "/planer/{id}/opsaetning/temaer", [s](const Request& r, const Params& p) { return PostSetup(s, r, p, What::kTheme); });
  router.Add("POST", "/planer/{id}/opsaetning/linjer", [s](const Request& r, const Params& p) { return PostSetup(s, r, p, What::kLine); });
  router.Add("POST", "/api/v1/plans", [s](const Request& r, const Params& p) { return ApiCreatePlan(s, r, p); });
  router.Add("POST", "/api/v1/bodies", [s](const Request& r, const Params&) { return ApiSetup(s, r, 0, What::kBody); });
  auto plan_api = [s](What what) {
    return [s, what](const Request& r, const Params& p) {
      PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
      return ApiSetup(s, r, id, what);
    };
  };
  router.Add("POST", "/api/v1/plans/{id}/themes", plan_api(What::kTheme));
  router.Add("POST", "/api/v1/plans/{id}/strategic-lines", plan_api(What::kLine));
}

}  // namespace bs::web
