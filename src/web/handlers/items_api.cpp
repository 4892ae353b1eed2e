// JSON API v1 for plans and items (docs/api.md). Errors are JSON with a Danish
// message and, for bad input, a list of {field, message}.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "web/errors.h"
#include "web/handlers/item_json.h"
#include "web/list_query.h"
#include "web/routes.h"

namespace bs::web {
namespace {
using nlohmann::json;

Response Json(int status, const json& j) { return JsonResponse(status, j); }

Response ListPlans(Services s, const Request& r, const Params&) {
  auto plans = s.plans.VisiblePlans(r.viewer);
  if (!plans.ok()) return JsonError(plans.error());
  json out = json::array();
  for (const auto& [p, published] : *plans)
    out.push_back({{"id", p.id()}, {"name", p.name()}, {"budget_name", p.budget_name()},
                   {"first_year", p.first_year()}, {"last_year", p.last_year()},
                   {"published", published}, {"url", "/api/v1/plans/" + std::to_string(p.id())}});
  return Json(200, {{"plans", out}});
}

Response GetPlan(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.ReadPublished(r.viewer, id));
  return Json(200, PlanToJson(plan.ctx));
}

Response RenderItemList(Services s, const Request& r, PlanId id);

Response ListItems(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
  auto stamp = s.plans.LiveStamp(r.viewer, id);
  if (!stamp.ok()) return Denied(r, stamp.error());
  return CachedByStamp(s, stamp, r, [&] { return RenderItemList(s, r, id); });
}

Response RenderItemList(Services s, const Request& r, PlanId id) {
  PlanRead plan = TRY_ALLOWED(r, s.plans.ReadPlan(r.viewer, id));
  ListQuery q = ParseListQuery(r.query, plan.ctx, true);
  if (!q.errors.empty()) return JsonError(FieldErrors(q.errors));
  auto page = s.plans.ListItems(r.viewer, plan, q.filter);
  if (!page.ok()) return JsonError(page.error());
  std::string body;
  body.reserve(page->items.size() * 1200 + 64);
  JsonWriter w(body);
  w.BeginObject().Key("items").BeginArray();
  for (const auto& item : page->items) WriteItemJson(w, plan.ctx, item);
  w.EndArray().Member("limit", q.filter.limit).Member("offset", q.filter.offset).Member("total", page->total).EndObject();
  return Response::Json(200, std::move(body));
}

Response CreateItem(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.PlanForEditing(r.viewer, id));
  auto j = ReadJsonObject(r);
  if (!j.ok()) return JsonError(j.error());
  ItemDraft draft;
  auto applied = ApplyJsonToDraft(*j, draft, nullptr);
  if (!applied.ok()) return JsonError(applied.error());
  std::string key = text::Trim(r.Header("idempotency-key")).substr(0, 64);
  auto created = s.plans.CreateItem(r.viewer, id, draft, "api", key);
  if (!created.ok()) return JsonError(created.error());
  Response res = ItemResponse(201, plan.ctx, *created);
  res.headers.emplace_back("Location", "/api/v1/items/" + std::to_string(created->id()));
  return res;
}

Response GetItem(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_JSON(PathId(p, "id", "Punktet findes ikke."));
  ItemRead read = TRY_ALLOWED(r, s.plans.ReadItem(r.viewer, id));
  return ItemResponse(200, read.ctx, read.item);
}

// 409 body: which fields the other writer changed since the client's revision.
Response ConflictError(Services s, const Request& r, ItemId id, int64_t base, const Error& e) {
  Error out = e;
  auto changed = s.plans.ChangedSince(r.viewer, id, base);
  if (changed.ok())
    for (const auto& f : *changed)
      out.fields.push_back({f.field, "Ændret af en anden til «" + f.after.substr(0, 200) + "» (før «" + f.before.substr(0, 200) + "»)."});
  return JsonError(out);
}

Response PutItem(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_JSON(PathId(p, "id", "Punktet findes ikke."));
  // Access before the body or its precondition is looked at (issue 15 #11).
  auto first = s.plans.ItemForEditing(r.viewer, id);
  if (!first.ok()) return Denied(r, first.error());
  int64_t if_match = 0;
  bool any = false;
  std::string header = r.Header("if-match");
  if (!header.empty() && !ParseIfMatch(header, &if_match, &any))
    return JsonError(FieldErrors({{"If-Match", "If-Match skal være en version i anførselstegn, fx \"3\", eller *."}}));
  auto j = ReadJsonObject(r);
  if (!j.ok()) return JsonError(j.error());
  // Every edit names the revision it is based on: If-Match, or "revision" in the body
  // (a GET body sent back). "If-Match: *" asks to apply to whatever is current: a write
  // landing between our read and our write is then re-read and merged again.
  for (int attempt = 0;; ++attempt) {
    auto read = attempt == 0 ? std::move(first) : s.plans.ItemForEditing(r.viewer, id);
    if (!read.ok()) return Denied(r, read.error());
    const PlanItem* item = &read->item;
    const PlanContext* ctx = &read->ctx;
    ItemDraft draft = ItemDraft::From(item->data(), ctx->themes);
    int64_t body_revision = 0;
    auto applied = ApplyJsonToDraft(*j, draft, &body_revision);
    if (!applied.ok()) return JsonError(applied.error());
    if (!if_match && !body_revision && !any)
      return JsonError(MakeError(ErrorCode::kPreconditionRequired,
                                 "Send If-Match med den version, ændringen bygger på (fra ETag), eller If-Match: * for at overskrive."));
    int64_t base = if_match ? if_match : body_revision ? body_revision : item->revision();
    auto updated = s.plans.UpdateItem(r.viewer, id, draft, base, "api");
    if (!updated.ok() && updated.error().code == ErrorCode::kConflict && any && attempt < 200) continue;
    if (!updated.ok() && updated.error().code == ErrorCode::kConflict) return ConflictError(s, r, id, base, updated.error());
    if (!updated.ok()) return JsonError(updated.error());
    return ItemResponse(200, *ctx, *updated);
  }
}

Response DeleteItem(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_JSON(PathId(p, "id", "Punktet findes ikke."));
  ItemRead read = TRY_ALLOWED(r, s.plans.ItemForEditing(r.viewer, id));
  auto base = BaseRevision(r, read.item);
  if (!base.ok()) return JsonError(base.error());
  auto st = s.plans.DeleteItem(r.viewer, id, *base, "api");
  if (!st.ok()) return JsonError(st.error());
  return Response::NoContent();
}

Response ListBodies(Services s, const Request&, const Params&) {
  auto bodies = s.plans.ListBodies();
  if (!bodies.ok()) return JsonError(bodies.error());
  json out = json::array();
  for (const auto& b : *bodies) out.push_back({{"code", b.code}, {"name", b.name}, {"owns_items", b.owns_items}});
  return Json(200, {{"bodies", out}});
}

}  // namespace

void AddItemsApi(Router& router, Services s) {
  auto bind = [s](ServiceHandler fn) { return Bind(s, fn); };
  router.Add("GET", "/api/v1/plans", bind(ListPlans));
  router.Add("GET", "/api/v1/plans/{id}", bind(GetPlan));
  router.Add("GET", "/api/v1/plans/{id}/items", bind(ListItems));
  router.Add("POST", "/api/v1/plans/{id}/items", bind(CreateItem));
  router.Add("GET", "/api/v1/items/{id}", bind(GetItem));
  router.Add("PUT", "/api/v1/items/{id}", bind(PutItem));
  router.Add("DELETE", "/api/v1/items/{id}", bind(DeleteItem));
  router.Add("GET", "/api/v1/bodies", bind(ListBodies));
}

}  // namespace bs::web
