// Pages for status updates, restore, an item's history, versions and redline (issue 4).
#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/list_query.h"
#include "web/routes.h"
#include "web/views/history_views.h"
#include "web/views/plan_views.h"

namespace bs::web {
namespace {

bool ReadRevision(const FormData& form, const char* key, int64_t* out) {
  std::string v = text::Trim(form.Get(key));
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::stoll(v);
  return *out > 0;
}

Response AddStatus(Services s, const Request& r, const Params& p) {
  ItemId id;
  if (!ParseId(p, "id", &id)) return HtmlError(404, "Punktet findes ikke.");
  auto item = s.plans.GetItem(id);
  if (!item.ok()) return HtmlError(item.error());
  FormData form;
  if (!FormData::Parse(r.body, &form)) return HtmlError(400, "Formularen kunne ikke læses (ugyldig kodning).");
  if (auto denied = RefuseItem(s, r, *item, Action::kReportStatus)) return *denied;
  if (!text::Trim(form.Get("obs_action")).empty())
    if (auto denied = RefuseItem(s, r, *item, Action::kHandleObs)) return *denied;
  int64_t revision = 0;
  if (!ReadRevision(form, "revision", &revision))
    return HtmlError(400, "Formularen mangler den version, statusopdateringen bygger på. Hent siden igen.");
  views::StatusFormModel m;
  m.draft = StatusDraft{form.Get("as_of"), form.Get("author"), form.Get("status_text"), form.Get("state"),
                        form.Get("traffic_light"), form.Get("obs_action"), form.Get("obs_note"), {}};
  for (const auto& [key, value] : form.all())
    if (key.rfind("realised_", 0) == 0) m.draft.realised[key.substr(9)] = value;
  if (text::Trim(m.draft.author).empty()) m.draft.author = r.viewer.AuthorName();
  auto updated = s.plans.AddStatus(id, m.draft, revision, s.plans.Meta(r.viewer.AuthorName(), "status"));
  if (updated.ok()) return Response::Redirect("/items/" + std::to_string(id) + "?gemt=1");
  const Error& e = updated.error();
  if (e.code == ErrorCode::kNotFound) return HtmlError(e);
  if (e.code == ErrorCode::kConflict)
    m.message = "En anden har ændret punktet, siden du hentede siden. Din statusopdatering er ikke gemt, men står herunder; "
                "se punktets nye indhold ovenfor og gem igen.";
  else if (e.fields.empty())
    m.message = e.code == ErrorCode::kInternal ? "Statusopdateringen er ikke gemt på grund af en intern fejl." : e.message;
  m.errors = e.fields;
  return RenderItemPage(s, r, id, "", m, HttpStatus(e.code));
}

Response Restore(Services s, const Request& r, const Params& p) {
  ItemId id;
  if (!ParseId(p, "id", &id)) return HtmlError(404, "Punktet findes ikke.");
  FormData form;
  if (!FormData::Parse(r.body, &form)) return HtmlError(400, "Formularen kunne ikke læses (ugyldig kodning).");
  auto item = s.plans.GetItem(id);
  if (!item.ok()) return HtmlError(item.error());
  if (auto denied = RefuseItem(s, r, *item, Action::kEdit, Resource::Kind::kHistory)) return *denied;
  int64_t revision = 0, base = 0;
  if (!ReadRevision(form, "revision", &revision) || !ReadRevision(form, "base", &base))
    return HtmlError(400, "Formularen mangler hvilken version der skal gendannes. Hent siden igen.");
  auto restored = s.plans.RestoreItem(id, revision, base, s.plans.Meta(r.viewer.AuthorName(), "restore"));
  if (!restored.ok()) {
    if (restored.error().code == ErrorCode::kConflict)
      return HtmlError(409, "En anden har ændret punktet, siden du hentede siden. Hent siden igen og vælg versionen på ny.");
    return HtmlError(restored.error());
  }
  return Response::Redirect("/items/" + std::to_string(id) + "?gemt=1");
}

Response ShowHistory(Services s, const Request& r, const Params& p) {
  ItemId id;
  if (!ParseId(p, "id", &id)) return HtmlError(404, "Punktet findes ikke.");
  auto item = s.plans.GetItem(id);
  if (!item.ok()) return HtmlError(item.error());
  if (auto denied = RefuseItem(s, r, *item, Action::kRead, Resource::Kind::kHistory)) return *denied;
  PlanId plan = item->plan_id();
  // Cached per plan revision: a long history renders once per change.
  return CachedByPlan(s, plan, r, [&] {
    auto ctx = s.plans.Context(plan);
    if (!ctx.ok()) return HtmlError(ctx.error());
    auto history = s.plans.History(id);
    if (!history.ok()) return HtmlError(history.error());
    return Response::Html(200, views::HistoryPage(*ctx, *item, *history));
  });
}

Response ShowVersions(Services s, const Request& r, const Params& p) {
  PlanId id;
  if (!ParseId(p, "id", &id)) return HtmlError(404, "Planen findes ikke.");
  if (auto denied = Refuse(s, r, id, Action::kRead, Resource::Kind::kVersion)) return *denied;
  auto ctx = s.plans.Context(id);
  if (!ctx.ok()) return HtmlError(ctx.error());
  auto versions = s.plans.ListVersions(id);
  if (!versions.ok()) return HtmlError(versions.error());
  Capabilities caps = s.plans.CapabilitiesFor(r.viewer, id);
  std::vector<PlanEvent> events;
  if (caps.history) {
    auto all = s.plans.PlanEvents(id);
    if (!all.ok()) return HtmlError(all.error());
    events = std::move(*all);
  }
  VersionDraft draft{"", s.plans.Today().Short(), ""};
  return Response::Html(200, views::VersionsPage(*ctx, *versions, draft, {}, events, caps));
}

Response Publish(Services s, const Request& r, const Params& p) {
  PlanId id;
  if (!ParseId(p, "id", &id)) return HtmlError(404, "Planen findes ikke.");
  if (auto denied = Refuse(s, r, id, Action::kPublish)) return *denied;
  auto ctx = s.plans.Context(id);
  if (!ctx.ok()) return HtmlError(ctx.error());
  FormData form;
  if (!FormData::Parse(r.body, &form)) return HtmlError(400, "Formularen kunne ikke læses (ugyldig kodning).");
  VersionDraft draft{form.Get("name"), form.Get("as_of"), form.Get("reporting_round")};
  auto published = s.plans.PublishVersion(id, draft, r.viewer.AuthorName());
  if (published.ok()) return Response::Redirect("/plans/" + std::to_string(id) + "/versions/" + std::to_string(published->id));
  auto versions = s.plans.ListVersions(id);
  auto events = s.plans.PlanEvents(id);
  std::vector<FieldError> errors = published.error().fields;
  if (errors.empty()) errors.push_back({"name", published.error().code == ErrorCode::kInternal ? "Der opstod en intern fejl." : published.error().message});
  return Response::Html(HttpStatus(published.error().code),
                        views::VersionsPage(*ctx, versions.ok() ? *versions : std::vector<Version>{}, draft, errors,
                                            events.ok() ? *events : std::vector<PlanEvent>{},
                                            s.plans.CapabilitiesFor(r.viewer, id)));
}

Response ShowVersion(Services s, const Request& r, const Params& p) {
  PlanId id;
  VersionId vid;
  if (!ParseId(p, "id", &id) || !ParseId(p, "vid", &vid)) return HtmlError(404, "Versionen findes ikke.");
  if (auto denied = Refuse(s, r, id, Action::kRead, Resource::Kind::kVersion)) return *denied;
  auto ctx = s.plans.Context(id);
  if (!ctx.ok()) return HtmlError(ctx.error());
  auto version = s.plans.GetVersion(vid);
  if (!version.ok() || version->plan_id != id) return HtmlError(404, "Versionen findes ikke i denne plan.");
  // The public reads versions most: cached per access class like the live plan.
  return CachedByPlan(s, id, r, [&] {
    ListQuery q = ParseListQuery(r.query, *ctx, false);
    auto ov = s.plans.VersionOverview(r.viewer, *ctx, vid, q.filter, q.separate_done);
    if (!ov.ok()) return HtmlError(ov.error());
    auto mark = s.rounds.VersionMark(id, vid);  // items that gave no status in the round behind it
    if (!mark.ok()) return HtmlError(mark.error());
    return Response::Html(q.errors.empty() ? 200 : 400,
                          views::PlanPage(*ctx, *ov, q, &*version, s.plans.CapabilitiesFor(r.viewer, id),
                                          *mark ? &**mark : nullptr));
  });
}

}  // namespace

// Parses ?from=<version>&to=<version|now>; shared with the API.
Status ParseRedlineQuery(const std::string& query, VersionId* from, VersionId* to) {
  FormData form;
  if (!FormData::Parse(query, &form)) return InvalidArgument("Adressens parametre kunne ikke læses.");
  auto read = [](const std::string& v, VersionId* out) {
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return false;
    *out = std::stoll(v);
    return *out > 0;
  };
  std::vector<FieldError> errors;
  if (!read(form.Get("from"), from)) errors.push_back({"from", "Angiv den version, der sammenlignes fra (from=<id>)."});
  std::string t = form.Get("to");
  *to = 0;
  if (!t.empty() && t != "now" && !read(t, to)) errors.push_back({"to", "to skal være en versions id eller now."});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return OkStatus();
}

namespace {

Response ShowRedline(Services s, const Request& r, const Params& p) {
  PlanId id;
  if (!ParseId(p, "id", &id)) return HtmlError(404, "Planen findes ikke.");
  auto ctx = s.plans.Context(id);
  if (!ctx.ok()) return HtmlError(ctx.error());
  VersionId from = 0, to = 0;
  auto parsed = ParseRedlineQuery(r.query, &from, &to);
  if (!parsed.ok()) return HtmlError(400, parsed.error().fields.empty() ? parsed.error().message : parsed.error().fields[0].message);
  if (auto denied = Refuse(s, r, id, Action::kRead, to ? Resource::Kind::kVersion : Resource::Kind::kRedlineToNow))
    return *denied;
  return CachedByPlan(s, id, r, [&] {
    auto view = s.plans.RedlineBetween(r.viewer, *ctx, from, to);
    if (!view.ok()) return HtmlError(view.error());
    auto versions = s.plans.ListVersions(id);
    if (!versions.ok()) return HtmlError(versions.error());
    return Response::Html(200, views::RedlinePage(*ctx, *view, *versions, s.plans.CapabilitiesFor(r.viewer, id)));
  });
}

}  // namespace

void AddHistoryPages(Router& router, Services s) {
  auto bind = [s](ServiceHandler fn) { return Bind(s, fn); };
  router.Add("POST", "/items/{id}/status", bind(AddStatus));
  router.Add("POST", "/items/{id}/restore", bind(Restore));
  router.Add("GET", "/items/{id}/history", bind(ShowHistory));
  router.Add("GET", "/plans/{id}/versions", bind(ShowVersions));
  router.Add("POST", "/plans/{id}/versions", bind(Publish));
  router.Add("GET", "/plans/{id}/versions/{vid}", bind(ShowVersion));
  router.Add("GET", "/plans/{id}/redline", bind(ShowRedline));
}

}  // namespace bs::web
