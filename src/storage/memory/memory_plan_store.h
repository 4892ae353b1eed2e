// In-memory PlanStore for tests: the reference implementation of the contract.
#pragma once

#include <map>
#include <mutex>
#include <set>

#include "app/ports/plan_store.h"

namespace bs {

class MemoryPlanStore final : public PlanStore {
 public:
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
  Result<std::vector<HistoryEntry>> ItemHistory(ItemId id, int limit) override;
  Result<HistoryEntry> ItemRevision(ItemId id, int64_t revision) override;
  Result<PlanItem> AddStatusUpdate(ItemId id, const StatusUpdate& update, const ItemData& data,
                                   int64_t expected_revision, const WriteMeta& meta) override;
  Result<std::vector<StatusUpdate>> ListStatusUpdates(ItemId id) override;
  Result<Version> PublishVersion(const Version& version, const WriteMeta& meta) override;
  Result<std::vector<Version>> ListVersions(PlanId plan) override;
  Result<Version> GetVersion(VersionId id) override;
  Result<std::vector<PlanItem>> VersionItems(VersionId id) override;
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

  Result<ImportApplied> ApplyImport(const ImportBatch& batch, const WriteMeta& meta) override;
  Result<std::optional<std::string>> ImportMapping(const std::string& layout_key) override;
  Status SaveImportMapping(const std::string& layout_key, const std::string& mapping, const WriteMeta& meta) override;
  Result<int64_t> SaveImportUpload(const ImportUpload& upload, const WriteMeta& meta) override;
  Result<ImportUpload> GetImportUpload(int64_t id) override;

 private:
  // Appends the item's current state to its history (caller holds mu_).
  void Record(const PlanItem& item, const WriteMeta& meta, const char* action);
  Result<PlanItem> Update(ItemId id, const ItemData& data, int64_t expected_revision, const WriteMeta& meta,
                          const char* action);
  // PublishVersion with mu_ held (also used when a round closes).
  Result<Version> Publish(const Version& version, const WriteMeta& meta);
  ReportingRound* FindRound(RoundId id);
  struct StoredItem {
    PlanItem item;
    bool deleted = false;
  };
  std::mutex mu_;
  std::map<std::string, Body> bodies_;
  std::map<PlanId, Plan> plans_;
  std::map<PlanId, int64_t> plan_revisions_;
  void Bump(PlanId plan) { ++plan_revisions_[plan]; }
  Plan WithRevision(const Plan& p) const;
  std::vector<Theme> themes_;
  std::vector<StrategicLine> lines_;
  std::map<ItemId, StoredItem> items_;
  std::map<std::pair<PlanId, std::string>, ItemId> request_keys_;
  std::map<ItemId, std::vector<HistoryEntry>> history_;
  std::map<std::string, std::string> import_mappings_;
  std::map<int64_t, ImportUpload> import_uploads_;
  std::vector<PlanEvent> events_;
  void Event(PlanId plan, const WriteMeta& meta, const char* action, const std::string& detail) {
    events_.push_back(PlanEvent{next_id_++, plan, meta.now, meta.author, meta.source, action, detail});
  }
  std::map<ItemId, std::vector<StatusUpdate>> status_;
  std::vector<Version> versions_;
  std::map<VersionId, std::vector<std::pair<ItemId, int64_t>>> version_items_;
  std::vector<ReportingRound> rounds_;
  std::map<RoundId, std::vector<Highlight>> highlights_;
  std::string municipality_;
  int64_t next_id_ = 1;
};

}  // namespace bs
