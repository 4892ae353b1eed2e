#include "app/plan_service.h"

#include "core/text.h"

namespace bs {

Capabilities PlanService::CapabilitiesFor(const Viewer& v) { return CapabilitiesOf(v, false); }

Result<PlanRead> PlanService::PlanFor(const Viewer& v, PlanId plan, Action action, Resource::Kind kind) {
  PlanRead out;
  out.ctx = TRY(plans_.Context(plan));  // an unknown plan is 404 for everyone, before any rule
  RETURN_IF_ERROR(plans_.Authorize(v, plan, action, kind));
  out.published = TRY(plans_.IsPublished(plan));
  out.caps = CapabilitiesOf(v, out.published);
  return out;
}

Result<PlanRead> PlanService::ReadPlan(const Viewer& v, PlanId plan) {
  return PlanFor(v, plan, Action::kRead, Resource::Kind::kPlan);
}
Result<PlanRead> PlanService::ReadPublished(const Viewer& v, PlanId plan) {
  return PlanFor(v, plan, Action::kRead, Resource::Kind::kVersion);
}
Result<PlanRead> PlanService::PlanForEditing(const Viewer& v, PlanId plan) {
  return PlanFor(v, plan, Action::kEdit, Resource::Kind::kPlan);
}
Result<PlanRead> PlanService::PlanForPublishing(const Viewer& v, PlanId plan) {
  return PlanFor(v, plan, Action::kPublish, Resource::Kind::kPlan);
}
Result<PlanRead> PlanService::PlanForSetup(const Viewer& v, PlanId plan) {
  return PlanFor(v, plan, Action::kSetup, Resource::Kind::kPlan);
}

Result<int64_t> PlanService::LiveStamp(const Viewer& v, PlanId plan) {
  RETURN_IF_ERROR(plans_.Authorize(v, plan, Action::kRead, Resource::Kind::kPlan));
  return plans_.PlanRevision(plan);
}
Result<int64_t> PlanService::PublishedStamp(const Viewer& v, PlanId plan) {
  RETURN_IF_ERROR(plans_.Authorize(v, plan, Action::kRead, Resource::Kind::kVersion));
  return plans_.PlanRevision(plan);
}

Status PlanService::MayCreatePlans(const Viewer& v) {
  return Check(v, Action::kSetup, Resource::Plan(false), "oprettelse af planer");
}
Status PlanService::MaySetUp(const Viewer& v) { return Check(v, Action::kSetup, Resource::Plan(false), "opsætningen"); }

Result<Plan> PlanService::CreatePlan(const Viewer& v, const PlanDraft& draft, const std::string& source) {
  RETURN_IF_ERROR(MayCreatePlans(v));
  return plans_.CreatePlan(draft, v.AuthorName(), source);
}

Result<PlanOverview> PlanService::Overview(const Viewer& v, const PlanRead& plan, const ItemFilter& filter,
                                           bool separate_completed) {
  return plans_.Overview(v, plan.ctx, filter, separate_completed);
}

Result<ItemPage> PlanService::ListItems(const Viewer& v, const PlanRead& plan, const ItemFilter& filter) {
  ItemPage page = TRY(plans_.ListItems(plan.ctx.plan.id(), filter));
  RedactAll(v, page.items);
  return page;
}

Result<std::map<ItemId, Date>> PlanService::LatestStatusDates(const Viewer& v, const PlanRead& plan) {
  if (!plan.caps.live) return PermissionDenied("Kun medarbejdere ser statusopdateringernes datoer.");
  (void)v;
  std::map<ItemId, Date> out;
  for (const auto& u : TRY(plans_.StatusUpdatesUntil(plan.ctx.plan.id(), Date{9999, 12, 31})))
    if (auto [it, fresh] = out.emplace(u.item_id, u.as_of); !fresh && it->second < u.as_of) it->second = u.as_of;
  return out;
}

// ---- Items ----

Result<ItemRead> PlanService::ItemFor(const Viewer& v, ItemId id, Action action, Resource::Kind kind, bool redact) {
  PlanItem item = TRY(plans_.GetItem(id));
  RETURN_IF_ERROR(plans_.AuthorizeItem(v, item, action, kind));
  PlanContext ctx = TRY(plans_.Context(item.plan_id()));
  return ItemRead{redact ? Redact(v, item) : std::move(item), std::move(ctx)};
}

Result<PlanItem> PlanService::AllowedItem(const Viewer& v, ItemId id, Action action, Resource::Kind kind) {
  PlanItem item = TRY(plans_.GetItem(id));
  RETURN_IF_ERROR(plans_.AuthorizeItem(v, item, action, kind));
  return item;
}

Result<ItemRead> PlanService::ReadItem(const Viewer& v, ItemId id) {
  return ItemFor(v, id, Action::kRead, Resource::Kind::kItem, true);
}
Result<ItemRead> PlanService::ItemForEditing(const Viewer& v, ItemId id) {
  return ItemFor(v, id, Action::kEdit, Resource::Kind::kItem, false);
}
Result<ItemRead> PlanService::ItemForStatus(const Viewer& v, ItemId id, bool obs) {
  ItemRead read = TRY(ItemFor(v, id, Action::kReportStatus, Resource::Kind::kItem, false));
  if (obs) RETURN_IF_ERROR(plans_.AuthorizeItem(v, read.item, Action::kHandleObs, Resource::Kind::kItem));
  return read;
}
Result<ItemRead> PlanService::ItemForRestore(const Viewer& v, ItemId id) {
  return ItemFor(v, id, Action::kEdit, Resource::Kind::kHistory, false);
}
Result<ItemRead> PlanService::ItemForHistory(const Viewer& v, ItemId id) {
  return ItemFor(v, id, Action::kRead, Resource::Kind::kHistory, false);
}

Result<ItemPageRead> PlanService::ReadItemPage(const Viewer& v, ItemId id) {
  PlanItem full = TRY(plans_.GetItem(id));
  RETURN_IF_ERROR(plans_.AuthorizeItem(v, full, Action::kRead, Resource::Kind::kItem));
  ItemPageRead page;
  page.ctx = TRY(plans_.Context(full.plan_id()));
  const bool published = TRY(plans_.IsPublished(full.plan_id()));  // asked once for everything the page offers
  const Resource resource = Resource::Item(published, full);
  page.caps = CapabilitiesOf(v, published);
  page.may_report_status = Decide(v, Action::kReportStatus, resource) == Decision::kAllow;
  page.may_handle_obs = Decide(v, Action::kHandleObs, resource) == Decision::kAllow;
  page.updates = TRY(plans_.StatusUpdates(v, id));
  if (page.caps.history) page.history = TRY(plans_.History(id, 11));
  page.item = Redact(v, full);
  return page;
}

Result<std::vector<HistoryEntry>> PlanService::History(const Viewer& v, ItemId id) {
  TRY(AllowedItem(v, id, Action::kRead, Resource::Kind::kHistory));
  return plans_.History(id);
}

Result<std::vector<StatusUpdate>> PlanService::StatusUpdates(const Viewer& v, ItemId id) {
  PlanItem item = TRY(plans_.GetItem(id));
  RETURN_IF_ERROR(plans_.AuthorizeItem(v, item, Action::kRead, Resource::Kind::kStatusEntry));
  return plans_.StatusUpdates(v, id);
}

Result<std::vector<FieldChange>> PlanService::ChangedSince(const Viewer& v, ItemId id, int64_t base_revision) {
  PlanItem item = TRY(plans_.GetItem(id));
  RETURN_IF_ERROR(plans_.AuthorizeItem(v, item, Action::kEdit, Resource::Kind::kItem));
  return plans_.ChangedSince(id, base_revision);
}

Result<EditConflict> PlanService::ConflictWith(const Viewer& v, ItemId id, int64_t base_revision) {
  EditConflict c;
  c.changed = TRY(ChangedSince(v, id, base_revision));
  c.base = TRY(plans_.Revision(id, base_revision));
  return c;
}

Result<PlanItem> PlanService::CreateItem(const Viewer& v, PlanId plan, const ItemDraft& draft, const std::string& source,
                                         const std::string& request_key) {
  RETURN_IF_ERROR(plans_.Authorize(v, plan, Action::kEdit, Resource::Kind::kPlan));
  return plans_.CreateItem(plan, draft, plans_.Meta(v.AuthorName(), source, request_key));
}

Result<PlanItem> PlanService::UpdateItem(const Viewer& v, ItemId id, const ItemDraft& draft, int64_t base_revision,
                                         const std::string& source) {
  TRY(AllowedItem(v, id, Action::kEdit, Resource::Kind::kItem));
  return plans_.UpdateItem(id, draft, base_revision, plans_.Meta(v.AuthorName(), source));
}

Status PlanService::DeleteItem(const Viewer& v, ItemId id, int64_t base_revision, const std::string& source) {
  TRY(AllowedItem(v, id, Action::kEdit, Resource::Kind::kItem));
  return plans_.DeleteItem(id, base_revision, plans_.Meta(v.AuthorName(), source));
}

Result<PlanItem> PlanService::AddStatus(const Viewer& v, ItemId id, const StatusDraft& draft, int64_t base_revision) {
  bool obs = false;
  for (char c : draft.obs_action) obs = obs || (c != ' ' && c != '\t' && c != '\n' && c != '\r');
  TRY(ItemForStatus(v, id, obs));
  // Signed by the person who enters it (issue 14). Another name given is who it is on
  // behalf of, written beside theirs: «Mette Holm på vegne af Søren Dahl».
  StatusDraft d = draft;
  const std::string me = v.AuthorName();
  std::string given = text::Trim(text::CleanSingleLine(text::ValidUtf8(d.author)));
  if (given.empty() || text::FoldCase(given) == text::FoldCase(me)) d.author = me;
  else d.author = me + " på vegne af " + text::Truncate(given, 120);
  return plans_.AddStatus(id, d, base_revision, plans_.Meta(me, "status"));
}

Result<PlanItem> PlanService::RestoreItem(const Viewer& v, ItemId id, int64_t revision, int64_t base_revision,
                                          const std::string& comment) {
  TRY(ItemForRestore(v, id));
  WriteMeta meta = plans_.Meta(v.AuthorName(), "restore");
  meta.comment = comment;
  return plans_.RestoreItem(id, revision, base_revision, meta);
}

// ---- Versions, redline, the plan's history ----

Result<std::vector<Version>> PlanService::Versions(const Viewer& v, PlanId plan) {
  RETURN_IF_ERROR(plans_.Authorize(v, plan, Action::kRead, Resource::Kind::kVersion));
  return plans_.ListVersions(plan);
}

Result<VersionRead> PlanService::ReadVersion(const Viewer& v, PlanId plan, VersionId version) {
  VersionRead out;
  out.plan = TRY(ReadPublished(v, plan));
  auto found = plans_.GetVersion(version);
  if (!found.ok() && found.error().code != ErrorCode::kNotFound) return found.error();
  if (!found.ok() || found->plan_id != plan) return NotFound("Versionen findes ikke i denne plan.");
  out.version = std::move(*found);
  return out;
}

Result<VersionRead> PlanService::ReadVersion(const Viewer& v, VersionId version) {
  Version found = TRY(plans_.GetVersion(version));
  VersionRead out;
  out.plan = TRY(ReadPublished(v, found.plan_id));
  out.version = std::move(found);
  return out;
}

Result<PlanOverview> PlanService::VersionOverview(const Viewer& v, const VersionRead& version, const ItemFilter& filter,
                                                  bool separate_completed) {
  return plans_.VersionOverview(v, version.plan.ctx, version.version.id, filter, separate_completed);
}

Status PlanService::CheckVersion(const Viewer& v, PlanId plan, const VersionDraft& draft) {
  TRY(PlanForPublishing(v, plan));
  return plans_.CheckVersion(plan, draft);
}

Result<Version> PlanService::PublishVersion(const Viewer& v, PlanId plan, const VersionDraft& draft) {
  RETURN_IF_ERROR(plans_.Authorize(v, plan, Action::kPublish, Resource::Kind::kPlan));
  return plans_.PublishVersion(plan, draft, v.AuthorName());
}

Result<int64_t> PlanService::RedlineStamp(const Viewer& v, PlanId plan, VersionId to) {
  RETURN_IF_ERROR(plans_.Authorize(v, plan, Action::kRead, to ? Resource::Kind::kVersion : Resource::Kind::kRedlineToNow));
  return plans_.PlanRevision(plan);
}

Result<RedlineView> PlanService::Redline(const Viewer& v, const PlanRead& plan, VersionId from, VersionId to) {
  TRY(RedlineStamp(v, plan.ctx.plan.id(), to));
  return plans_.RedlineBetween(v, plan.ctx, from, to);
}

Result<std::vector<PlanEvent>> PlanService::PlanEvents(const Viewer& v, PlanId plan) {
  RETURN_IF_ERROR(plans_.Authorize(v, plan, Action::kRead, Resource::Kind::kHistory));
  return plans_.PlanEvents(plan);
}

// ---- Set-up ----

Status PlanService::UpsertBody(const Viewer& v, const Body& body) {
  RETURN_IF_ERROR(MaySetUp(v));
  return plans_.UpsertBody(body, v.AuthorName());
}

Result<Theme> PlanService::AddTheme(const Viewer& v, PlanId plan, const std::string& name) {
  PlanRead read = TRY(PlanForSetup(v, plan));
  return plans_.AddTheme(plan, name, static_cast<int>(read.ctx.themes.size()), v.AuthorName());
}

Result<StrategicLine> PlanService::AddStrategicLine(const Viewer& v, PlanId plan, const std::string& title,
                                                    const std::string& description) {
  PlanRead read = TRY(PlanForSetup(v, plan));
  return plans_.AddStrategicLine(plan, title, description, static_cast<int>(read.ctx.strategic_lines.size()),
                                 v.AuthorName());
}

}  // namespace bs
