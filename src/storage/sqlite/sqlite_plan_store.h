// PlanStore on an SQLite file (WAL, foreign keys, migrations at open).
#pragma once

#include <memory>

#include "app/ports/plan_store.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/live_items_cache.h"
#include "storage/sqlite/version_cache.h"

namespace bs {

class SqlitePlanStore final : public PlanStore {
 public:
  // Borrows the database, which must outlive the store.
  explicit SqlitePlanStore(sqlite::Database& db) : db_(db) {}

  Status UpsertBody(const Body& body, const WriteMeta& meta) override;
  Result<std::vector<Body>> ListBodies() override;
  Result<Plan> CreatePlan(const Plan& plan, const WriteMeta& meta) override;
  Result<std::vector<Plan>> ListPlans() override;
  Result<Plan> GetPlan(PlanId id) override;
  Result<int64_t> PlanRevision(PlanId id) override;
  Result<Theme> AddTheme(PlanId plan, const std::string& name, int sort_order, const WriteMeta& meta) override;
  Result<std::vector<Theme>> ListThemes(PlanId plan) override;
  Result<StrategicLine> AddStrategicLine(PlanId plan, const std::string& title,
                                         const std::string& description, int sort_order, const WriteMeta& meta) override;
  Result<std::vector<PlanEvent>> PlanEvents(PlanId plan) override;
  Result<std::vector<StrategicLine>> ListStrategicLines(PlanId plan) override;
  Result<PlanItem> CreateItem(const PlanItem& item, const WriteMeta& meta) override;
  Result<PlanItem> GetItem(ItemId id) override;
  Result<PlanItem> UpdateItem(ItemId id, const ItemData& data, int64_t expected_revision,
                              const WriteMeta& meta) override;
  Status DeleteItem(ItemId id, int64_t expected_revision, const WriteMeta& meta) override;
  Result<ItemPage> ListItems(PlanId plan, const ItemFilter& filter) override;
  Result<std::shared_ptr<const std::vector<PlanItem>>> LiveItems(PlanId plan) override;
  Result<std::vector<HistoryEntry>> ItemHistory(ItemId id, int limit) override;
  Result<HistoryEntry> ItemRevision(ItemId id, int64_t revision) override;
  Result<PlanItem> AddStatusUpdate(ItemId id, const StatusUpdate& update, const ItemData& data,
                                   int64_t expected_revision, const WriteMeta& meta) override;
  Result<std::vector<StatusUpdate>> ListStatusUpdates(ItemId id) override;
  Result<ImportApplied> ApplyImport(const ImportBatch& batch, const WriteMeta& meta) override;
  Result<std::optional<std::string>> ImportMapping(const std::string& layout_key) override;
  Status SaveImportMapping(const std::string& layout_key, const std::string& mapping, const WriteMeta& meta) override;
  Result<int64_t> SaveImportUpload(const ImportUpload& upload, const WriteMeta& meta) override;
  Result<ImportUpload> GetImportUpload(int64_t id) override;
  Result<Version> PublishVersion(const Version& version, const WriteMeta& meta) override;
  Result<std::vector<Version>> ListVersions(PlanId plan) override;
  Result<Version> GetVersion(VersionId id) override;
  Result<std::vector<PlanItem>> VersionItems(VersionId id) override;
  Result<std::shared_ptr<const std::vector<PlanItem>>> SharedVersionItems(VersionId id) override;
  Result<ReportingRound> OpenRound(const ReportingRound& round, const WriteMeta& meta) override;
  Result<std::vector<ReportingRound>> ListRounds(PlanId plan) override;
  Result<ReportingRound> GetRound(RoundId id) override;
  Result<ReportingRound> CloseRound(RoundId id, int64_t reported, int64_t items, const std::optional<Version>& publish,
                                    const WriteMeta& meta) override;
  Result<std::set<ItemId>> ReportedInRound(RoundId id) override;
  Status SetHighlight(const Highlight& h, const WriteMeta& meta) override;
  Status RemoveHighlight(RoundId round, ItemId item, const WriteMeta& meta) override;
  Result<std::vector<Highlight>> ListHighlights(RoundId round) override;
  Result<std::vector<StatusUpdate>> PlanStatusUpdates(PlanId plan, Date from, Date to) override;
  Result<std::string> MunicipalityName() override;
  Status SetMunicipalityName(const std::string& name, const WriteMeta& meta) override;

 private:
  // Inside the caller's transaction: a new item and its first revision.
  Result<ItemId> Insert(sqlite::Connection& c, const PlanItem& item, const WriteMeta& meta);
  // AddStatusUpdate inside the caller's transaction.
  Result<PlanItem> AddStatus(sqlite::Connection& c, ItemId id, const StatusUpdate& update, const ItemData& data,
                             int64_t expected_revision, const WriteMeta& meta);
  // UpdateItem with the history action to record ("update", "status").
  Result<PlanItem> Update(sqlite::Connection& c, ItemId id, const ItemData& data, int64_t expected_revision,
                          const WriteMeta& meta, const char* action);
  // PublishVersion inside the caller's transaction (also used when a round closes).
  Result<Version> Publish(sqlite::Connection& c, const Version& version, const WriteMeta& meta);
  sqlite::Database& db_;
  // Published versions' items: immutable, so read once (about 4 versions of 5,000 items).
  sqlite::VersionCache versions_{20'000};
  // Reads again only the items changed since `earlier` (null: too many, read all).
  Result<std::shared_ptr<const std::vector<PlanItem>>> RefreshLiveItems(sqlite::Connection& c, PlanId plan,
                                                                        const std::vector<PlanItem>& earlier);
  sqlite::LiveItemsCache live_{50'000};
};

}  // namespace bs
