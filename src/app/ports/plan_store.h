// The storage port for plans, bodies, themes and items. Implemented by
// storage/memory (tests), storage/sqlite (the embedded default) and later
// storage/postgres (several app servers on one database).
//
// Contract for every method:
// - Errors: NotFound for an unknown id (a soft-deleted item counts as unknown),
//   AlreadyExists for a duplicate unique key, Conflict for a stale revision,
//   Unavailable when the database is busy past its timeout, Internal otherwise.
// - Every write is atomic: it lands whole or not at all.
// - Nothing is cached across calls in a way that another app server could make stale:
//   revisions are checked in the database, in the same transaction as the write.
// - Thread-safe: one store may be called from several threads at once.
// - History is append-only: every item write (create, update, status, delete) stores
//   the item's whole new state as a new revision in the same transaction, with
//   meta.author, meta.source and meta.comment. No method edits or removes history.
//   Plan-level writes append a PlanEvent likewise.
//   A write whose meta.author is empty is refused (InvalidArgument).
#pragma once

#include <memory>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/plan/history.h"
#include "domain/plan/item_filter.h"
#include "domain/plan/plan.h"
#include "domain/plan/plan_item.h"
#include "domain/plan/round.h"

namespace bs {

// Who and what is behind a write; kept with the write for history (issue 4).
struct WriteMeta {
  int64_t now = 0;          // unix seconds, from the Clock
  std::string author;       // person or "system"
  std::string source;       // "form", "api", "import", "restore", "status", "demo"
  // Creates only: a key the client sends with a form so that the same form sent
  // twice yields one item. Empty: no de-duplication.
  std::string request_key;
  std::string comment;      // optional, kept in the history
};

struct ItemPage {
  std::vector<PlanItem> items;  // the requested page, sorted as the filter says
  int64_t total = 0;            // how many match, ignoring limit and offset
};

// ---- Imports (issue 13) ----
struct ItemWrite {
  ItemId id = 0;
  ItemData data;
  int64_t expected_revision = 0;
};
struct StatusWrite {
  ItemId id = 0;
  StatusUpdate update;
  ItemData data;  // the item with the update applied
  int64_t expected_revision = 0;
};
// What one import writes, all in one transaction.
struct ImportBatch {
  PlanId plan = 0;
  std::vector<Body> new_bodies;       // bodies the import creates (or renames)
  std::vector<PlanItem> creates;      // new items of `plan`
  std::vector<ItemWrite> updates;     // history action "update"
  std::vector<StatusWrite> statuses;  // status updates (history action "status")
};
struct ImportApplied {
  std::vector<PlanItem> created;  // in the batch's order, with their ids
  std::vector<PlanItem> updated;  // updates, then status writes, in the batch's order
};
// A sheet uploaded for import, waiting between the mapping step and apply.
struct ImportUpload {
  int64_t id = 0;
  PlanId plan = 0;
  std::string kind;      // "plan-sheet", "realised"
  std::string filename;  // as uploaded
  std::string bytes;
  int64_t uploaded_at = 0;
  std::string uploaded_by;
};

class PlanStore {
 public:
  virtual ~PlanStore() = default;

  // Inserts or replaces a body by code.
  virtual Status UpsertBody(const Body& body, const WriteMeta& meta) = 0;
  // All bodies, by sort order then code.
  virtual Result<std::vector<Body>> ListBodies() = 0;

  // Stores a new plan and returns it with its id and revision 1. AlreadyExists when
  // another plan has the same name.
  virtual Result<Plan> CreatePlan(const Plan& plan, const WriteMeta& meta) = 0;
  // All plans, newest period first.
  virtual Result<std::vector<Plan>> ListPlans() = 0;
  virtual Result<Plan> GetPlan(PlanId id) = 0;
  // The plan's data revision: changes whenever anything a plan view shows changes
  // (its items, themes, strategic lines, or any body). Bumped in the same transaction
  // as the write, so views cached under it are never stale, on any app server.
  virtual Result<int64_t> PlanRevision(PlanId id) = 0;

  // Themes and strategic lines of a plan, by sort order. AlreadyExists for a name or
  // title the plan already has; NotFound for an unknown plan.
  virtual Result<Theme> AddTheme(PlanId plan, const std::string& name, int sort_order, const WriteMeta& meta) = 0;
  virtual Result<std::vector<Theme>> ListThemes(PlanId plan) = 0;
  virtual Result<StrategicLine> AddStrategicLine(PlanId plan, const std::string& title,
                                                 const std::string& description, int sort_order,
                                                 const WriteMeta& meta) = 0;
  virtual Result<std::vector<StrategicLine>> ListStrategicLines(PlanId plan) = 0;

  // Stores a new item of item.plan_id(); returns it with id, revision 1 and timestamps.
  // When meta.request_key was used before for this plan, returns the item created
  // then and stores nothing. NotFound for an unknown plan.
  virtual Result<PlanItem> CreateItem(const PlanItem& item, const WriteMeta& meta) = 0;
  virtual Result<PlanItem> GetItem(ItemId id) = 0;
  // Replaces the item's data when its revision is still expected_revision, and bumps
  // the revision. Conflict when it is not (someone else saved first).
  virtual Result<PlanItem> UpdateItem(ItemId id, const ItemData& data, int64_t expected_revision,
                                      const WriteMeta& meta) = 0;
  // Soft delete: the item disappears from lists and reads but stays in the database.
  // expected_revision 0 skips the check.
  virtual Status DeleteItem(ItemId id, int64_t expected_revision, const WriteMeta& meta) = 0;
  // The plan's items that match, sorted and paged as the filter says.
  virtual Result<ItemPage> ListItems(PlanId plan, const ItemFilter& filter) = 0;

  // The item's revisions, oldest first (a deleted item's history too); with limit > 0
  // only the newest `limit` of them.
  virtual Result<std::vector<HistoryEntry>> ItemHistory(ItemId id, int limit) = 0;
  // One revision of an item; NotFound when there is none.
  virtual Result<HistoryEntry> ItemRevision(ItemId id, int64_t revision) = 0;

  // Records a status update and applies `data` (the item with the update applied) as
  // one revision with action "status", if the item is still at expected_revision. The
  // update is tied to the plan's open reporting round, if any, in the same transaction
  // (update.round_id is ignored), so a round that closes meanwhile is never reported into.
  virtual Result<PlanItem> AddStatusUpdate(ItemId id, const StatusUpdate& update, const ItemData& data,
                                           int64_t expected_revision, const WriteMeta& meta) = 0;
  // An item's status updates, newest first.
  virtual Result<std::vector<StatusUpdate>> ListStatusUpdates(ItemId id) = 0;

  // Publishes the plan's current items as an immutable version. AlreadyExists when the
  // plan has a version of that name (of two concurrent publishes, exactly one wins).
  virtual Result<Version> PublishVersion(const Version& version, const WriteMeta& meta) = 0;
  // Changes to the plan itself and to the bodies, newest first. Every plan-level write
  // above (CreatePlan, AddTheme, AddStrategicLine, PublishVersion, UpsertBody) appends
  // one in its own transaction.
  virtual Result<std::vector<PlanEvent>> PlanEvents(PlanId plan) = 0;
  // A plan's versions, newest first.
  virtual Result<std::vector<Version>> ListVersions(PlanId plan) = 0;
  virtual Result<Version> GetVersion(VersionId id) = 0;
  // Every live item of the plan in the default order (ItemFilter{}), shared and never
  // changed, as of one moment: the same items as ListItems(plan, ItemFilter{}). A store
  // may keep them in memory while the plan's revision stands (SQLite does: the plan page
  // and the item list filter them instead of reading and decoding thousands of rows per
  // request, issue 12).
  virtual Result<std::shared_ptr<const std::vector<PlanItem>>> LiveItems(PlanId plan) {
    return std::make_shared<const std::vector<PlanItem>>(TRY(ListItems(plan, ItemFilter{})).items);
  }
  // The items as they were when the version was published, sorted by code.
  virtual Result<std::vector<PlanItem>> VersionItems(VersionId id) = 0;
  // The same items, shared and never changed: a store that keeps versions in memory
  // hands out its copy instead of a new one (the half-yearly status reads two versions).
  virtual Result<std::shared_ptr<const std::vector<PlanItem>>> SharedVersionItems(VersionId id) {
    return std::make_shared<const std::vector<PlanItem>>(TRY(VersionItems(id)));
  }

  // ---- Reporting rounds (issue 11) ----
  // Every round write appends a PlanEvent and bumps the plan's revision (pages show
  // "afventer status" from it).

  // Opens a round on round.plan_id. Conflict when the plan has an open round already (of
  // two concurrent opens, exactly one wins); AlreadyExists when the plan had a round of
  // that name; NotFound for an unknown plan. Returns it with its id.
  virtual Result<ReportingRound> OpenRound(const ReportingRound& round, const WriteMeta& meta) = 0;
  // A plan's rounds, newest first.
  virtual Result<std::vector<ReportingRound>> ListRounds(PlanId plan) = 0;
  // NotFound for an unknown id.
  virtual Result<ReportingRound> GetRound(RoundId id) = 0;
  // Closes an open round, keeping its completeness (reported of items), and when
  // `publish` is given publishes that version of the plan in the same transaction and
  // records it on the round. Conflict when the round is closed already; AlreadyExists
  // when the plan has a version of that name (then nothing is closed).
  virtual Result<ReportingRound> CloseRound(RoundId id, int64_t reported, int64_t items,
                                            const std::optional<Version>& publish, const WriteMeta& meta) = 0;
  // The items that have a status update given in the round.
  virtual Result<std::set<ItemId>> ReportedInRound(RoundId id) = 0;
  // Sets or replaces the highlight of h.item_id in round h.round_id (h.by and h.at from
  // meta). Conflict when the round is closed; NotFound for an unknown round, or an item
  // not of the round's plan.
  virtual Status SetHighlight(const Highlight& h, const WriteMeta& meta) = 0;
  // Conflict when the round is closed; NotFound when the item is not highlighted.
  virtual Status RemoveHighlight(RoundId round, ItemId item, const WriteMeta& meta) = 0;
  // In the order they were set.
  virtual Result<std::vector<Highlight>> ListHighlights(RoundId round) = 0;
  // The plan's status updates (deleted items' too) dated from `from` to `to`
  // inclusive, newest first by date then id.
  virtual Result<std::vector<StatusUpdate>> PlanStatusUpdates(PlanId plan, Date from, Date to) = 0;

  // ---- Imports (issue 13) ----

  // Writes the whole batch in one transaction, or nothing: NotFound for an unknown plan
  // or item (or an item of another plan), Conflict when any item is no longer at its
  // expected revision. Every item write records a revision with meta (source "import",
  // the comment naming the file); new bodies append their PlanEvent. Bumps the plan's revision.
  virtual Result<ImportApplied> ApplyImport(const ImportBatch& batch, const WriteMeta& meta) = 0;
  // The mapping last confirmed for a sheet layout (a key the importer derives from the
  // kind of import and the header row), as the importer's text; nullopt when none.
  virtual Result<std::optional<std::string>> ImportMapping(const std::string& layout_key) = 0;
  virtual Status SaveImportMapping(const std::string& layout_key, const std::string& mapping, const WriteMeta& meta) = 0;
  // Keeps an uploaded sheet (id assigned; upload.uploaded_at/by from meta) and forgets
  // uploads older than a day. NotFound for an unknown plan.
  virtual Result<int64_t> SaveImportUpload(const ImportUpload& upload, const WriteMeta& meta) = 0;
  // NotFound when unknown or forgotten.
  virtual Result<ImportUpload> GetImportUpload(int64_t id) = 0;

  // The municipality's name on documents ("Norddjurs Kommune"); "" until set.
  virtual Result<std::string> MunicipalityName() = 0;
  // Bumps every plan's revision (documents show the name).
  virtual Status SetMunicipalityName(const std::string& name, const WriteMeta& meta) = 0;
};

}  // namespace bs
