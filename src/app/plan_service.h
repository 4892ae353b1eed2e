// The plan register's use cases as web/ and the command line call them (issue 12: one
// access model). Every call takes the person asking, asks the access rule
// (app/access.h) for what it does, and returns read models already redacted for them;
// a refusal comes back as PermissionDenied (403) or NotFound (404) per docs/access.md.
// Handlers never ask the rule themselves (tests/cli/layering_test.sh checks it), so a
// page cannot forget to. The checks a handler needs before its own work (a form to show,
// a cached page to serve) are the "For..." reads, named by what they let one do.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/plan_register.h"

namespace bs {

// A plan as one viewer may use it: its context and what pages should offer them.
struct PlanRead {
  PlanContext ctx;
  Capabilities caps;
  bool published = false;
};

// An item as one viewer may use it, with its plan's context: redacted for readers,
// whole for those who may edit it.
struct ItemRead {
  PlanItem item;
  PlanContext ctx;
};

// The item page: the item, its status updates and recent history as the viewer may see
// them, and which of the status form's parts they may use.
struct ItemPageRead {
  PlanContext ctx;
  PlanItem item;
  std::vector<StatusUpdate> updates;
  std::vector<HistoryEntry> history;  // the last ten changes and the state before them, with caps.history
  Capabilities caps;
  bool may_report_status = false;
  bool may_handle_obs = false;
};

// A published version of a plan, as one viewer may read it.
struct VersionRead {
  PlanRead plan;
  Version version;
};

// What a stale edit conflicts with: the fields changed since the edit's base revision
// and the item as it was at that revision.
struct EditConflict {
  std::vector<FieldChange> changed;
  HistoryEntry base;
};

class PlanService {
 public:
  explicit PlanService(PlanRegister& plans) : plans_(plans) {}

  // ---- Plans ----
  // The municipality's name (public: the home page says whose site it is).
  Result<std::string> MunicipalityName() { return plans_.MunicipalityName(); }
  // The date of each item's latest status update, for those who read the live plan
  // (PermissionDenied otherwise): the start page's "uden status længe".
  Result<std::map<ItemId, Date>> LatestStatusDates(const Viewer& v, const PlanRead& plan);
  // The plans this viewer may know of (all for staff, the published ones for the public).
  Result<std::vector<PlanRegister::VisiblePlan>> VisiblePlans(const Viewer& v) { return plans_.VisiblePlans(v); }
  // What pages should offer this viewer outside any plan, and on a plan.
  Capabilities CapabilitiesFor(const Viewer& v);
  Capabilities CapabilitiesFor(const Viewer& v, PlanId plan) { return plans_.CapabilitiesFor(v, plan); }
  Result<Plan> CreatePlan(const Viewer& v, const PlanDraft& draft, const std::string& source);
  // Asked before reading a form or body, so a refusal comes before any input error.
  Status MayCreatePlans(const Viewer& v);
  Status MaySetUp(const Viewer& v);  // the municipality's bodies
  // The live plan (those who read live plans), its published side (anyone, once
  // published), and the plan for those who may edit its items, publish it or set it up.
  Result<PlanRead> ReadPlan(const Viewer& v, PlanId plan);
  Result<PlanRead> ReadPublished(const Viewer& v, PlanId plan);
  Result<PlanRead> PlanForEditing(const Viewer& v, PlanId plan);
  Result<PlanRead> PlanForPublishing(const Viewer& v, PlanId plan);
  Result<PlanRead> PlanForSetup(const Viewer& v, PlanId plan);
  // Cache keys (the plan's revision) for pages of the live plan and of its published
  // side, given only when the viewer may read them: answering from the cache is reading.
  Result<int64_t> LiveStamp(const Viewer& v, PlanId plan);
  Result<int64_t> PublishedStamp(const Viewer& v, PlanId plan);
  // The plan's revision as a cache key for a page already allowed (no data).
  Result<int64_t> Stamp(PlanId plan) { return plans_.PlanRevision(plan); }

  // The plan grouped as the document is, redacted before filtering and grouping, from
  // a PlanRead this viewer was given.
  Result<PlanOverview> Overview(const Viewer& v, const PlanRead& plan, const ItemFilter& filter, bool separate_completed);
  // One page of items, redacted.
  Result<ItemPage> ListItems(const Viewer& v, const PlanRead& plan, const ItemFilter& filter);

  // ---- Items ----
  Result<ItemPageRead> ReadItemPage(const Viewer& v, ItemId id);
  Result<ItemRead> ReadItem(const Viewer& v, ItemId id);        // redacted
  Result<ItemRead> ItemForEditing(const Viewer& v, ItemId id);  // create, change, delete
  // For a status update; with `obs` also the right to raise or resolve an OBS point.
  Result<ItemRead> ItemForStatus(const Viewer& v, ItemId id, bool obs);
  Result<ItemRead> ItemForRestore(const Viewer& v, ItemId id);
  Result<ItemRead> ItemForHistory(const Viewer& v, ItemId id);
  Result<std::vector<HistoryEntry>> History(const Viewer& v, ItemId id);
  Result<std::vector<StatusUpdate>> StatusUpdates(const Viewer& v, ItemId id);
  Result<EditConflict> ConflictWith(const Viewer& v, ItemId id, int64_t base_revision);
  Result<std::vector<FieldChange>> ChangedSince(const Viewer& v, ItemId id, int64_t base_revision);

  // Writes: each asks the rule itself, whatever the caller asked before; the author in
  // history is the viewer.
  Result<PlanItem> CreateItem(const Viewer& v, PlanId plan, const ItemDraft& draft, const std::string& source,
                              const std::string& request_key = "");
  Result<PlanItem> UpdateItem(const Viewer& v, ItemId id, const ItemDraft& draft, int64_t base_revision,
                              const std::string& source);
  Status DeleteItem(const Viewer& v, ItemId id, int64_t base_revision, const std::string& source);
  // base_revision kAnyRevision ("If-Match: *") applies it to whatever is current.
  static constexpr int64_t kAnyRevision = PlanRegister::kAnyRevision;
  Result<PlanItem> AddStatus(const Viewer& v, ItemId id, const StatusDraft& draft, int64_t base_revision);
  Result<PlanItem> RestoreItem(const Viewer& v, ItemId id, int64_t revision, int64_t base_revision,
                               const std::string& comment = "");

  // ---- Versions, redline, the plan's history ----
  Result<std::vector<Version>> Versions(const Viewer& v, PlanId plan);
  // A version of `plan` (404 "findes ikke i denne plan" for another plan's).
  Result<VersionRead> ReadVersion(const Viewer& v, PlanId plan, VersionId version);
  // A version by its id alone (the API), with its plan.
  Result<VersionRead> ReadVersion(const Viewer& v, VersionId version);
  Result<PlanOverview> VersionOverview(const Viewer& v, const VersionRead& version, const ItemFilter& filter,
                                       bool separate_completed);
  Result<Version> PublishVersion(const Viewer& v, PlanId plan, const VersionDraft& draft);
  // The confirmation page's check: what publishing would refuse, nothing written.
  Status CheckVersion(const Viewer& v, PlanId plan, const VersionDraft& draft);
  // The redline from one version to another (to == 0: to the live plan, for those who
  // read it), redacted before comparing.
  Result<RedlineView> Redline(const Viewer& v, const PlanRead& plan, VersionId from, VersionId to);
  Result<int64_t> RedlineStamp(const Viewer& v, PlanId plan, VersionId to);
  Result<std::vector<PlanEvent>> PlanEvents(const Viewer& v, PlanId plan);

  // ---- Set-up: bodies, themes, strategic lines ----
  Result<std::vector<Body>> ListBodies() { return plans_.ListBodies(); }  // public: the municipality's bodies
  Status UpsertBody(const Viewer& v, const Body& body);
  Result<Theme> AddTheme(const Viewer& v, PlanId plan, const std::string& name);
  Result<StrategicLine> AddStrategicLine(const Viewer& v, PlanId plan, const std::string& title,
                                         const std::string& description);

  Date Today() const { return plans_.Today(); }

 private:
  Result<PlanRead> PlanFor(const Viewer& v, PlanId plan, Action action, Resource::Kind kind);
  Result<ItemRead> ItemFor(const Viewer& v, ItemId id, Action action, Resource::Kind kind, bool redact);
  // The check alone, for writes and reads that need no plan context (one read of the
  // item instead of the item and the plan's bodies, themes and lines).
  Result<PlanItem> AllowedItem(const Viewer& v, ItemId id, Action action, Resource::Kind kind);

  PlanRegister& plans_;
};

}  // namespace bs
