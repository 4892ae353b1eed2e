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
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  TRY_ALLOWED(r, s.plans.ItemForStatus(r.viewer, id, !text::Trim(form.Get("obs_action")).empty()));
  int64_t revision = 0;
  if (!ReadRevision(form, "revision", &revision))
    return HtmlError(400, "Formularen mangler den version, statusopdateringen bygger på. Hent siden igen.");
  views::StatusFormModel m;
  m.draft = StatusDraft{form.Get("as_of"), form.Get("author"), form.Get("status_text"), form.Get("state"),
                        form.Get("traffic_light"), form.Get("obs_action"), form.Get("obs_note"), {}};
  for (const auto& [key, value] : form.all())
    if (key.rfind("realised_", 0) == 0) m.draft.realised[key.substr(9)] = value;
  auto updated = s.plans.AddStatus(r.viewer, id, m.draft, revision);
  if (updated.ok()) return Response::Redirect("/emner/" + std::to_string(id) + "?status=gemt");
  const Error& e = updated.error();
  if (e.code == ErrorCode::kNotFound || e.code == ErrorCode::kPermissionDenied) return Denied(r, e);
  if (e.code == ErrorCode::kConflict)
    m.message = "En anden har ændret punktet, siden du hentede siden. Din statusopdatering er ikke gemt, men står herunder; "
                "se punktets nye indhold ovenfor og gem igen.";
  else if (e.fields.empty())
    m.message = e.code == ErrorCode::kInternal ? "Statusopdateringen er ikke gemt på grund af en intern fejl." : e.message;
  m.errors = e.fields;
  return RenderItemPage(s, r, id, "", m, HttpStatus(e.code));
}

Response Restore(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  TRY_ALLOWED(r, s.plans.ItemForRestore(r.viewer, id));
  int64_t revision = 0, base = 0;
  if (!ReadRevision(form, "revision", &revision) || !ReadRevision(form, "base", &base))
    return HtmlError(400, "Formularen mangler hvilken version der skal gendannes. Hent siden igen.");
  auto restored = s.plans.RestoreItem(r.viewer, id, revision, base);
  if (!restored.ok()) {
    if (restored.error().code == ErrorCode::kConflict)
      return HtmlError(409, "En anden har ændret punktet, siden du hentede siden. Hent siden igen og vælg versionen på ny.");
    return HtmlError(restored.error());
  }
  return Response::Redirect("/emner/" + std::to_string(id) + "?gendannet=1");
}

Response ShowHistory(Services s, const Request& r, const Params& p) {
  ItemId id = TRY_PAGE(PathId(p, "id", "Punktet findes ikke."));
  ItemRead read = TRY_ALLOWED(r, s.plans.ItemForHistory(r.viewer, id));
  // Cached per plan revision: a long history renders once per change.
  return CachedByPlan(s, read.item.plan_id(), r, [&] {
    auto history = s.plans.History(r.viewer, id);
    if (!history.ok()) return HtmlError(history.error());
    return Response::Html(200, views::HistoryPage(read.ctx, read.item, *history));
  });
}

Response ShowVersions(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.ReadPublished(r.viewer, id));
  auto versions = TRY_PAGE(s.plans.Versions(r.viewer, id));
  std::vector<PlanEvent> events;
  if (plan.caps.history) events = TRY_PAGE(s.plans.PlanEvents(r.viewer, id));
  VersionDraft draft{"", s.plans.Today().Short(), ""};
  return Response::Html(200, views::VersionsPage(plan.ctx, versions, draft, {}, events, plan.caps));
}

Response Publish(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.PlanForPublishing(r.viewer, id));
  FormData form = TRY_PAGE(ReadForm(r));
  VersionDraft draft{form.Get("name"), form.Get("as_of"), form.Get("reporting_round")};
  const bool confirmed = form.Get("bekraeft") == "1";
  Result<Version> published = Version{};
  if (!confirmed) {
    // Issue 14: first what will be published, then the POST that publishes.
    auto checked = s.plans.CheckVersion(r.viewer, id, draft);
    if (checked.ok()) {
      views::ConfirmVersionModel m;
      m.ctx = &plan.ctx;
      m.draft = draft;
      auto items = s.plans.ListItems(r.viewer, plan, {});
      if (!items.ok()) return HtmlError(items.error());
      m.items = items->total;
      auto mark = s.rounds.OpenRoundMark(id);
      if (!mark.ok()) return HtmlError(mark.error());
      if (*mark) {
        m.open_round = (*mark)->round;
        m.awaiting = (*mark)->awaiting.size();
      }
      return Response::Html(200, views::ConfirmVersionPage(m));
    }
    published = checked.error();
  } else {
    published = s.plans.PublishVersion(r.viewer, id, draft);
  }
  if (published.ok()) return Response::Redirect("/planer/" + std::to_string(id) + "/versioner/" + std::to_string(published->id));
  // Sent twice (a reload of the confirmation): the version it made is there; go to it.
  if (confirmed && published.error().code == ErrorCode::kAlreadyExists)
    if (auto versions = s.plans.Versions(r.viewer, id); versions.ok())
      for (const auto& v : *versions)
        if (v.name == text::Trim(text::CleanSingleLine(draft.name)) && Date::Parse(draft.as_of).ok() && v.as_of == *Date::Parse(draft.as_of))
          return Response::Redirect("/planer/" + std::to_string(id) + "/versioner/" + std::to_string(v.id));
  auto versions = s.plans.Versions(r.viewer, id);
  auto events = s.plans.PlanEvents(r.viewer, id);
  std::vector<FieldError> errors = published.error().fields;
  if (errors.empty()) errors.push_back({"name", published.error().code == ErrorCode::kInternal ? "Der opstod en intern fejl." : published.error().message});
  return Response::Html(HttpStatus(published.error().code),
                        views::VersionsPage(plan.ctx, versions.ok() ? *versions : std::vector<Version>{}, draft, errors,
                                            events.ok() ? *events : std::vector<PlanEvent>{},
                                            plan.caps));
}

Response ShowVersion(Services s, const Request& r, const Params& p) {
  PlanId id = TRY_PAGE(PathId(p, "id", "Versionen findes ikke."));
  VersionId vid = TRY_PAGE(PathId(p, "vid", "Versionen findes ikke."));
  VersionRead version = TRY_ALLOWED(r, s.plans.ReadVersion(r.viewer, id, vid));
  // The public reads versions most: cached per access class like the live plan.
  return CachedByPlan(s, id, r, [&] {
    ListQuery q = ParseListQuery(r.query, version.plan.ctx, false);
    auto ov = s.plans.VersionOverview(r.viewer, version, q.filter, q.separate_done);
    if (!ov.ok()) return HtmlError(ov.error());
    auto mark = s.rounds.VersionMark(id, vid);  // items that gave no status in the round behind it
    if (!mark.ok()) return HtmlError(mark.error());
    return Response::Html(q.errors.empty() ? 200 : 400,
                          views::PlanPage(version.plan.ctx, *ov, q, &version.version, version.plan.caps,
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
  PlanId id = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  PlanRead plan = TRY_ALLOWED(r, s.plans.ReadPublished(r.viewer, id));
  VersionId from = 0, to = 0;
  auto parsed = ParseRedlineQuery(r.query, &from, &to);
  if (!parsed.ok()) return HtmlError(400, parsed.error().fields.empty() ? parsed.error().message : parsed.error().fields[0].message);
  auto stamp = s.plans.RedlineStamp(r.viewer, id, to);
  if (!stamp.ok()) return Denied(r, stamp.error());
  return CachedByStamp(s, stamp, r, [&] {
    auto view = s.plans.Redline(r.viewer, plan, from, to);
    if (!view.ok()) return HtmlError(view.error());
    auto versions = s.plans.Versions(r.viewer, id);
    if (!versions.ok()) return HtmlError(versions.error());
    return Response::Html(200, views::RedlinePage(plan.ctx, *view, *versions, plan.caps));
  });
}

}  // namespace

void AddHistoryPages(Router& router, Services s) {
  auto bind = [s](ServiceHandler fn) { return Bind(s, fn); };
  router.Add("POST", "/emner/{id}/status", bind(AddStatus));
  router.Add("POST", "/emner/{id}/gendan", bind(Restore));
  router.Add("GET", "/emner/{id}/historik", bind(ShowHistory));
  router.Add("GET", "/planer/{id}/versioner", bind(ShowVersions));
  router.Add("POST", "/planer/{id}/versioner", bind(Publish));
  router.Add("GET", "/planer/{id}/versioner/{vid}", bind(ShowVersion));
  router.Add("GET", "/planer/{id}/aendringer", bind(ShowRedline));
}

}  // namespace bs::web
