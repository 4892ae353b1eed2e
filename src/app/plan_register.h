// The plan register inside app/: plans, items, history, versions and the plan overview
// grouped as the document is, over the PlanStore port, without asking who reads. The
// other use cases (reports, rounds, meetings) and the demo loader build on it; web/ and
// the command line never see it: they go through PlanService (app/plan_service.h),
// which asks the access rule and redacts for the viewer in every call.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/ports/plan_store.h"
#include "core/clock.h"
#include "domain/plan/figures.h"
#include "domain/plan/redline.h"

namespace bs {

// Everything a form or view needs to know about a plan besides its items.
struct PlanContext {
  Plan plan;
  std::vector<Body> bodies;      // all bodies
  std::vector<Body> committees;  // bodies that own items
  std::vector<Theme> themes;
  std::vector<StrategicLine> strategic_lines;
  ValidationContext validation;

  const Body* FindBody(const std::string& code) const;
  const Theme* FindTheme(ThemeId id) const;
};

// The plan as the document is organised: category, then committee or theme.
struct ItemGroup {
  std::string key;    // body code or theme id, for anchors and filters
  std::string label;  // "Børne- og Ungdomsudvalget (BUU)" or the theme's name
  std::vector<const PlanItem*> items;  // into the overview's items (see PlanOverview::source)
  FigureSums sums;  // planned and expected per budget year
};
struct CategorySection {
  Category category;
  std::vector<ItemGroup> groups;
  FigureSums sums;
  size_t count = 0;
};
struct RedlineView {
  Version from;
  std::optional<Version> to;  // empty: compared with the plan now
  Redline redline;
};

struct PlanOverview {
  std::vector<CategorySection> sections;
  std::vector<const PlanItem*> completed;  // when shown separately: done items, in plan order
  // The items the groups point into, when the overview owns them (copies share them);
  // empty when it was built over items its caller keeps (BuildOverview).
  std::shared_ptr<const std::vector<PlanItem>> source;
  FigureSums totals;                // every listed item, per year
  size_t count = 0;
  size_t obs_count = 0;
};

class PlanRegister {
 public:
  PlanRegister(PlanStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<std::vector<Plan>> ListPlans();
  Result<Plan> GetPlan(PlanId id);
  Result<Plan> CreatePlan(const PlanDraft& draft, const std::string& author, const std::string& source);
  Result<PlanContext> Context(PlanId id);
  // See PlanStore::PlanRevision: a key for caching anything derived from the plan.
  Result<int64_t> PlanRevision(PlanId id);

  // Municipality set-up: bodies, and a plan's themes and strategic lines.
  Status UpsertBody(const Body& body, const std::string& author);
  Result<std::vector<Body>> ListBodies();
  Result<Theme> AddTheme(PlanId plan, const std::string& name, int sort_order, const std::string& author);
  Result<StrategicLine> AddStrategicLine(PlanId plan, const std::string& title, const std::string& description,
                                         int sort_order, const std::string& author);
  // The municipality's name on documents (reports); "" until set.
  Result<std::string> MunicipalityName();
  Status SetMunicipalityName(const std::string& name, const std::string& author);
  // Changes to the plan itself and the bodies, newest first.
  Result<std::vector<PlanEvent>> PlanEvents(PlanId plan);

  Result<PlanItem> GetItem(ItemId id);
  Result<ItemPage> ListItems(PlanId plan, const ItemFilter& filter);
  // Every live item, shared with the store (PlanStore::LiveItems): no copy.
  Result<std::shared_ptr<const std::vector<PlanItem>>> LiveItems(PlanId plan) { return store_.LiveItems(plan); }
  Result<PlanItem> CreateItem(PlanId plan, const ItemDraft& draft, const WriteMeta& meta);
  // As above with a context already read (bulk loads).
  Result<PlanItem> CreateItem(const PlanContext& context, const ItemDraft& draft, const WriteMeta& meta);
  // Applies a whole draft to an item last read at `base_revision`. Conflict when
  // another write came between, unless that write left the item exactly as this draft
  // would (the same form sent twice): then the current item is returned unchanged.
  Result<PlanItem> UpdateItem(ItemId id, const ItemDraft& draft, int64_t base_revision, const WriteMeta& meta);
  Status DeleteItem(ItemId id, int64_t base_revision, const WriteMeta& meta);

  // The plan grouped by category then committee (or theme for declarations of intent),
  // with sums per year. With separate_completed, done items go to `completed` instead.
  Result<PlanOverview> Overview(const PlanContext& context, const ItemFilter& filter, bool separate_completed);

  // The plan as it was in a published version, grouped like Overview.
  Result<PlanOverview> VersionOverview(const PlanContext& context, VersionId version, const ItemFilter& filter,
                                       bool separate_completed);

  // ---- History, status updates, versions, redline (issue 4) ----

  // The item's revisions, oldest first; with limit > 0 only the newest `limit`.
  Result<std::vector<HistoryEntry>> History(ItemId id, int limit = 0);
  Result<HistoryEntry> Revision(ItemId id, int64_t revision);
  // Today's date from the clock (default for status dates).
  Date Today() const { return clock_.Today(); }
  // The fields changed by revisions after `base_revision` (what a stale edit conflicts with).
  Result<std::vector<FieldChange>> ChangedSince(ItemId id, int64_t base_revision);
  // Brings back the item's state at `revision` as a new revision (source "restore").
  Result<PlanItem> RestoreItem(ItemId id, int64_t revision, int64_t base_revision, const WriteMeta& meta);
  Result<std::vector<StatusUpdate>> StatusUpdates(ItemId id);
  // Validates and records a status update on an item last read at base_revision.
  // base_revision kAnyRevision ("If-Match: *") applies the update to whatever is
  // current: a write landing between the read and the write is read again and the
  // update applied to it (issue 15 #7: 5 of 120 concurrent ones answered 409).
  static constexpr int64_t kAnyRevision = -1;
  Result<PlanItem> AddStatus(ItemId id, const StatusDraft& draft, int64_t base_revision, const WriteMeta& meta);
  Result<Version> PublishVersion(PlanId plan, const VersionDraft& draft, const std::string& author);
  // What PublishVersion would refuse, without writing (the confirmation page asks only
  // when this passes): every field error at once; a name used before alone AlreadyExists.
  Status CheckVersion(PlanId plan, const VersionDraft& draft);
  Result<std::vector<Version>> ListVersions(PlanId plan);
  Result<Version> GetVersion(VersionId id);

  // Redline from one version to another (to == 0: to now). Both must be versions of
  // `plan`: a version of another plan is InvalidArgument, an unknown one NotFound.
  Result<RedlineView> RedlineBetween(const PlanContext& context, VersionId from, VersionId to);

  // ---- Access (issue 5): every read and write path asks these, never the views ----

  // Whether the plan has a published version (its existence is then public).
  Result<bool> IsPublished(PlanId plan);
  // OkStatus when `viewer` may do `action` on the plan (or the part `kind` names);
  // otherwise PermissionDenied (403) or NotFound (404) per app/access.h.
  Status Authorize(const Viewer& viewer, PlanId plan, Action action, Resource::Kind kind = Resource::Kind::kPlan);
  Status AuthorizeItem(const Viewer& viewer, const PlanItem& item, Action action,
                       Resource::Kind kind = Resource::Kind::kItem);
  // The plans this viewer may know of, each with whether it is published: every plan
  // for those who read live plans, the published ones for the public.
  struct VisiblePlan {
    Plan plan;
    bool published = false;
  };
  Result<std::vector<VisiblePlan>> VisiblePlans(const Viewer& viewer);
  // What pages should offer this viewer on this plan.
  Capabilities CapabilitiesFor(const Viewer& viewer, PlanId plan);
  // Overview, VersionOverview and RedlineBetween as this viewer may see them: internal
  // fields removed before filtering, grouping and comparing, so not even a changed
  // internal field shows through.
  Result<PlanOverview> Overview(const Viewer& viewer, const PlanContext& context, const ItemFilter& filter,
                                bool separate_completed);
  Result<PlanOverview> VersionOverview(const Viewer& viewer, const PlanContext& context, VersionId version,
                                       const ItemFilter& filter, bool separate_completed);
  Result<RedlineView> RedlineBetween(const Viewer& viewer, const PlanContext& context, VersionId from, VersionId to);
  Result<std::vector<StatusUpdate>> StatusUpdates(const Viewer& viewer, ItemId id);
  // The plan's status updates dated on or before `day`, newest first (OBS notes as
  // stored: callers redact).
  Result<std::vector<StatusUpdate>> StatusUpdatesUntil(PlanId plan, Date day);

  // ---- Imports (issue 13): see PlanStore; PlanImportService checks access ----
  Result<ImportApplied> ApplyImport(const ImportBatch& batch, const WriteMeta& meta) { return store_.ApplyImport(batch, meta); }
  Result<std::optional<std::string>> ImportMapping(const std::string& key) { return store_.ImportMapping(key); }
  Status SaveImportMapping(const std::string& key, const std::string& mapping, const WriteMeta& meta) {
    return store_.SaveImportMapping(key, mapping, meta);
  }
  Result<int64_t> SaveImportUpload(const ImportUpload& u, const WriteMeta& meta) { return store_.SaveImportUpload(u, meta); }
  Result<ImportUpload> GetImportUpload(int64_t id) { return store_.GetImportUpload(id); }

  // Fills meta.now from the clock.
  WriteMeta Meta(std::string author, std::string source, std::string request_key = "") const;

 private:
  // The live items that match a filter, in its order, pointing into the store's shared
  // snapshot (PlanStore::LiveItems), which `all` keeps alive.
  struct Selection {
    std::shared_ptr<const std::vector<PlanItem>> all;
    std::vector<const PlanItem*> items;
  };
  Result<Selection> Select(PlanId plan, const ItemFilter& filter);
  Result<PlanOverview> SharedOverview(const PlanContext& context, const ItemFilter& filter, bool separate_completed,
                                      const Viewer* viewer);
  Result<PlanOverview> VersionOverview(const Viewer& viewer, const PlanContext& context, VersionId version,
                                       const ItemFilter& filter, bool separate_completed, bool redact);
  Result<RedlineView> RedlineBetween(const Viewer* viewer, const PlanContext& context, VersionId from, VersionId to);

  PlanStore& store_;
  const Clock& clock_;
};

bool SameData(const ItemData& a, const ItemData& b);

// Groups items (already filtered and sorted) the way the plan document is organised.
// The overview points into `items`, which must outlive it; OwningOverview keeps them.
PlanOverview BuildOverview(const PlanContext& context, const std::vector<PlanItem>& items, bool separate_completed);
PlanOverview BuildOverview(const PlanContext& context, const std::vector<const PlanItem*>& items, bool separate_completed);
PlanOverview OwningOverview(const PlanContext& context, std::vector<PlanItem> items, bool separate_completed);

}  // namespace bs
