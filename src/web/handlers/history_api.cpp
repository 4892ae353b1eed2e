// JSON API for history, restore, status updates, versions and redline (docs/api.md).
// History is read-only: only GET is routed, so other methods answer 405.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "web/errors.h"
#include "web/handlers/item_json.h"
#include "web/routes.h"

namespace bs::web {

Status ParseRedlineQuery(const std::string& query, VersionId* from, VersionId* to);  // history_pages.cpp

namespace {
using nlohmann::json;

Response Json(int status, const json& j) { return JsonResponse(status, j); }

json ChangesJson(const std::vector<FieldChange>& changes) {
  json out = json::array();
  for (const auto& c : changes) out.push_back({{"field", c.field}, {"label", c.label}, {"old", c.before}, {"new", c.after}});
  return out;
}

json SegmentsJson(const std::vector<Segment>& segments) {
  json out = json::array();
  for (const auto& s : segments)
    out.push_back({{"op", s.kind == SegmentKind::kEqual ? "equal" : s.kind == SegmentKind::kInsert ? "insert" : "delete"},
                   {"text", s.text}});
  return out;
}

json VersionJson(const Version& v) {
  return {{"id", v.id}, {"plan_id", v.plan_id}, {"name", v.name}, {"as_of", v.as_of.Iso()},
          {"reporting_round", v.reporting_round}, {"published_at", v.published_at}, {"published_by", v.published_by},
          {"item_count", v.item_count}, {"url", "/api/v1/versions/" + std::to_string(v.id)}};
}

json StatusJson(const StatusUpdate& u) {
  json realised = json::object();
  for (const auto& [y, a] : u.realised) realised[std::to_string(y)] = a.tkr();
  return {{"id", u.id}, {"item_id", u.item_id}, {"item_revision", u.item_revision}, {"as_of", u.as_of.Iso()},
          {"author", u.author}, {"status_text", u.status_text}, {"state", Slug(u.state)},
          {"traffic_light", Slug(u.traffic_light)}, {"realised", realised}, {"obs_action", Slug(u.obs_action)},
          {"obs_note", u.obs_note}, {"created_at", u.created_at}};
}

Response History(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_JSON(PathId(p, "id", "Punktet findes ikke."));
  ItemRead read = TRY_ALLOWED(r, s.plans.ItemForHistory(r.viewer, id));
  auto history = s.plans.History(r.viewer, id);
  if (!history.ok()) return JsonError(history.error());
  const PlanContext* ctx = &read.ctx;
  json entries = json::array();
  for (size_t k = 0; k < history->size(); ++k) {
    const HistoryEntry& e = (*history)[k];
    json changes = k == 0 ? json::array()
                          : ChangesJson(DiffItems((*history)[k - 1].item.data(), e.item.data(), ctx->themes, ctx->strategic_lines));
    entries.push_back({{"revision", e.revision}, {"at", e.at}, {"author", e.author}, {"source", e.source},
                       {"action", e.action}, {"comment", e.comment}, {"changes", changes}});
  }
  return Json(200, {{"item_id", id}, {"entries", entries}});
}

Response RestoreItem(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_JSON(PathId(p, "id", "Punktet findes ikke."));
  ItemRead read = TRY_ALLOWED(r, s.plans.ItemForRestore(r.viewer, id));
  auto j = ReadJsonObject(r);
  if (!j.ok()) return JsonError(j.error());
  if (!j->contains("revision") || !(*j)["revision"].is_number_integer())
    return JsonError(FieldErrors({{"revision", "Angiv den version, der skal gendannes, som et heltal."}}));
  auto base = BaseRevision(r, read.item);
  if (!base.ok()) return JsonError(base.error());
  std::string comment;
  if (j->contains("comment") && (*j)["comment"].is_string()) comment = text::CleanSingleLine((*j)["comment"].get<std::string>()).substr(0, 500);
  auto restored = s.plans.RestoreItem(r.viewer, id, (*j)["revision"].get<int64_t>(), *base, comment);
  if (!restored.ok()) return JsonError(restored.error());
  return ItemResponse(200, read.ctx, *restored);
}

Response ListStatus(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_JSON(PathId(p, "id", "Punktet findes ikke."));
  auto updates = TRY_ALLOWED(r, s.plans.StatusUpdates(r.viewer, id));
  json out = json::array();
  for (const auto& u : updates) out.push_back(StatusJson(u));
  return Json(200, {{"status_updates", out}});
}

Response AddStatus(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_JSON(PathId(p, "id", "Punktet findes ikke."));
  // Access before the body is read (issue 15 #11); raising OBS is checked once it is.
  TRY_ALLOWED(r, s.plans.ItemForStatus(r.viewer, id, false));
  auto j = ReadJsonObject(r);
  if (!j.ok()) return JsonError(j.error());
  StatusDraft d;
  std::vector<FieldError> errors;
  static const std::map<std::string, std::string StatusDraft::*> kStrings = {
      {"as_of", &StatusDraft::as_of}, {"author", &StatusDraft::author}, {"status_text", &StatusDraft::status_text},
      {"state", &StatusDraft::state}, {"traffic_light", &StatusDraft::traffic_light},
      {"obs_action", &StatusDraft::obs_action}, {"obs_note", &StatusDraft::obs_note}};
  for (const auto& [key, v] : j->items()) {
    if (auto it = kStrings.find(key); it != kStrings.end()) {
      if (v.is_string()) d.*(it->second) = v.get<std::string>();
      else if (!v.is_null()) errors.push_back({key, "Skal være en tekst."});
    } else if (key == "realised") {
      if (!v.is_object()) { errors.push_back({key, "Skal være et objekt med år som nøgler."}); continue; }
      ReadAmountsJson(v, "realised_", &d.realised, &errors);
    } else {
      errors.push_back({text::IsValidUtf8(key) ? key.substr(0, 60) : "?", "Ukendt felt."});
    }
  }
  if (!errors.empty()) return JsonError(FieldErrors(std::move(errors)));
  ItemRead read = TRY_ALLOWED(r, s.plans.ItemForStatus(r.viewer, id, !text::Trim(d.obs_action).empty()));
  if (d.as_of.empty()) d.as_of = s.plans.Today().Short();
  bool any = false;
  auto base = BaseRevision(r, read.item, &any);
  if (!base.ok()) return JsonError(base.error());
  auto updated = s.plans.AddStatus(r.viewer, id, d, any ? PlanService::kAnyRevision : *base);
  if (!updated.ok()) return JsonError(updated.error());
  auto updates = s.plans.StatusUpdates(r.viewer, id);
  if (!updates.ok() || updates->empty()) return JsonError(Internal("status"));
  Response res = Json(201, StatusJson(updates->front()));
  res.headers.emplace_back("ETag", "\"" + std::to_string(updated->revision()) + "\"");
  return res;
}

Response ListVersions(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
  auto versions = TRY_ALLOWED(r, s.plans.Versions(r.viewer, id));
  json out = json::array();
  for (const auto& v : versions) out.push_back(VersionJson(v));
  return Json(200, {{"versions", out}});
}

Response Publish(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
  TRY_ALLOWED(r, s.plans.PlanForPublishing(r.viewer, id));
  auto j = ReadJsonObject(r);
  if (!j.ok()) return JsonError(j.error());
  VersionDraft d;
  for (const auto& [key, v] : j->items()) {
    std::string* target = key == "name" ? &d.name : key == "as_of" ? &d.as_of : key == "reporting_round" ? &d.reporting_round : nullptr;
    if (!target) return JsonError(FieldErrors({{text::IsValidUtf8(key) ? key.substr(0, 60) : "?", "Ukendt felt."}}));
    if (!v.is_string()) return JsonError(FieldErrors({{key, "Skal være en tekst."}}));
    *target = v.get<std::string>();
  }
  auto published = s.plans.PublishVersion(r.viewer, id, d);
  if (!published.ok()) return JsonError(published.error());
  Response res = Json(201, VersionJson(*published));
  res.headers.emplace_back("Location", "/api/v1/versions/" + std::to_string(published->id));
  return res;
}

Response PlanHistory(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
  auto events = TRY_ALLOWED(r, s.plans.PlanEvents(r.viewer, id));
  json out = json::array();
  for (const auto& e : events)
    out.push_back({{"at", e.at}, {"author", e.author}, {"source", e.source}, {"action", e.action},
                   {"label", PlanEventLabel(e.action)}, {"detail", e.detail}, {"plan_wide", e.plan_id != 0}});
  return Json(200, {{"plan_id", id}, {"events", out}});
}

Response GetVersion(Services s, const Request& r, const Params& p) {
  VersionId id = TRY_JSON(PathId(p, "vid", "Versionen findes ikke."));
  VersionRead version = TRY_ALLOWED(r, s.plans.ReadVersion(r.viewer, id));
  const PlanContext* ctx = &version.plan.ctx;
  auto ov = s.plans.VersionOverview(r.viewer, version, ItemFilter{}, false);
  if (!ov.ok()) return JsonError(ov.error());
  json items = json::array();
  for (const auto& sec : ov->sections)
    for (const auto& g : sec.groups)
      for (const auto& i : g.items) items.push_back(ItemToJson(*ctx, *i));
  json out = VersionJson(version.version);
  out["items"] = items;
  return Json(200, out);
}

json ItemBrief(const PlanItem& i) {
  return {{"id", i.id()}, {"code", i.data().code ? json(i.data().code->text()) : json(nullptr)},
          {"title", i.data().title}, {"state", Slug(i.data().state)}, {"committee", i.data().committee}};
}

Response GetRedline(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_JSON(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.ReadPublished(r.viewer, id));
  VersionId from = 0, to = 0;
  auto parsed = ParseRedlineQuery(r.query, &from, &to);
  if (!parsed.ok()) return JsonError(parsed.error());
  auto view = s.plans.Redline(r.viewer, plan, from, to);
  if (!view.ok()) return Denied(r, view.error());
  const Redline& rl = view->redline;
  json added = json::array(), removed = json::array(), changed = json::array();
  for (const auto& i : rl.added) added.push_back(ItemBrief(i));
  for (const auto& i : rl.removed) removed.push_back(ItemBrief(i));
  for (const auto& c : rl.changed) {
    json texts = json::array();
    for (const auto& t : c.texts) texts.push_back({{"field", t.field.field}, {"label", t.field.label}, {"diff", SegmentsJson(t.segments)}});
    json item = ItemBrief(c.after);
    item["from_revision"] = c.before.revision();
    item["to_revision"] = c.after.revision();
    item["completed"] = c.completed;
    item["obs_raised"] = c.obs_raised;
    item["obs_resolved"] = c.obs_resolved;
    item["text_changes"] = texts;
    item["field_changes"] = ChangesJson(c.fields);
    changed.push_back(item);
  }
  return Json(200, {{"from", VersionJson(view->from)}, {"to", view->to ? VersionJson(*view->to) : json("now")},
                    {"summary", {{"added", rl.added.size()}, {"removed", rl.removed.size()}, {"changed", rl.changed.size()},
                                 {"completed", rl.completed}, {"obs_raised", rl.obs_raised}, {"obs_resolved", rl.obs_resolved}}},
                    {"added", added}, {"removed", removed}, {"changed", changed}});
}

}  // namespace

void AddHistoryApi(Router& router, Services s) {
  auto bind = [s](ServiceHandler fn) { return Bind(s, fn); };
  router.Add("GET", "/api/v1/items/{id}/history", bind(History));
  router.Add("POST", "/api/v1/items/{id}/restore", bind(RestoreItem));
  router.Add("GET", "/api/v1/items/{id}/status-updates", bind(ListStatus));
  router.Add("POST", "/api/v1/items/{id}/status-updates", bind(AddStatus));
  router.Add("GET", "/api/v1/plans/{id}/versions", bind(ListVersions));
  router.Add("POST", "/api/v1/plans/{id}/versions", bind(Publish));
  router.Add("GET", "/api/v1/versions/{vid}", bind(GetVersion));
  router.Add("GET", "/api/v1/plans/{id}/history", bind(PlanHistory));
  router.Add("GET", "/api/v1/plans/{id}/redline", bind(GetRedline));
}

}  // namespace bs::web
