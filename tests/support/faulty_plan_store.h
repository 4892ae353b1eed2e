// Wraps a PlanStore and injects faults (STYLE.md habit 3): fail the Nth write, or
// answer every call Unavailable (busy) or Internal (a broken disk). The meeting and
// people stores have the same (faulty_meeting_store.h, faulty_people_store.h).
#pragma once

#include "app/ports/plan_store.h"
#include "support/fault_switch.h"

namespace bs::testing {

class FaultyPlanStore final : public PlanStore {
 public:
  explicit FaultyPlanStore(PlanStore& inner) : inner_(inner) {}

  // The n-th write from now (1 = the next one) fails with `code`; 0 disables.
  void FailWrite(int n, ErrorCode code) { faults_.FailWrite(n, code); }
  // Every call fails with `code` while on.
  void FailAll(bool on, ErrorCode code = ErrorCode::kUnavailable) { faults_.FailAll(on, code); }

  Status UpsertBody(const Body& b, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.UpsertBody(b, m); }
  Result<std::vector<Body>> ListBodies() override { if (auto e = Read()) return *e; return inner_.ListBodies(); }
  Result<Plan> CreatePlan(const Plan& p, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.CreatePlan(p, m); }
  Result<std::vector<Plan>> ListPlans() override { if (auto e = Read()) return *e; return inner_.ListPlans(); }
  Result<Plan> GetPlan(PlanId id) override { if (auto e = Read()) return *e; return inner_.GetPlan(id); }
  Result<int64_t> PlanRevision(PlanId id) override { if (auto e = Read()) return *e; return inner_.PlanRevision(id); }
  Result<Theme> AddTheme(PlanId p, const std::string& n, int o, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.AddTheme(p, n, o, m); }
  Result<std::vector<Theme>> ListThemes(PlanId p) override { if (auto e = Read()) return *e; return inner_.ListThemes(p); }
  Result<StrategicLine> AddStrategicLine(PlanId p, const std::string& t, const std::string& d, int o, const WriteMeta& m) override {
    if (auto e = Write()) return *e;
    return inner_.AddStrategicLine(p, t, d, o, m);
  }
  Result<std::vector<PlanEvent>> PlanEvents(PlanId p) override { if (auto e = Read()) return *e; return inner_.PlanEvents(p); }
  Result<std::vector<StrategicLine>> ListStrategicLines(PlanId p) override { if (auto e = Read()) return *e; return inner_.ListStrategicLines(p); }
  Result<PlanItem> CreateItem(const PlanItem& i, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.CreateItem(i, m); }
  Result<PlanItem> GetItem(ItemId id) override { if (auto e = Read()) return *e; return inner_.GetItem(id); }
  Result<PlanItem> UpdateItem(ItemId id, const ItemData& d, int64_t r, const WriteMeta& m) override {
    if (auto e = Write()) return *e;
    return inner_.UpdateItem(id, d, r, m);
  }
  Status DeleteItem(ItemId id, int64_t r, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.DeleteItem(id, r, m); }
  Result<ItemPage> ListItems(PlanId p, const ItemFilter& f) override { if (auto e = Read()) return *e; return inner_.ListItems(p, f); }

  Result<std::vector<HistoryEntry>> ItemHistory(ItemId id, int limit) override { if (auto e = Read()) return *e; return inner_.ItemHistory(id, limit); }
  Result<HistoryEntry> ItemRevision(ItemId id, int64_t r) override { if (auto e = Read()) return *e; return inner_.ItemRevision(id, r); }
  Result<PlanItem> AddStatusUpdate(ItemId id, const StatusUpdate& u, const ItemData& d, int64_t r, const WriteMeta& m) override {
    if (auto e = Write()) return *e;
    return inner_.AddStatusUpdate(id, u, d, r, m);
  }
  Result<std::vector<StatusUpdate>> ListStatusUpdates(ItemId id) override { if (auto e = Read()) return *e; return inner_.ListStatusUpdates(id); }
  Result<Version> PublishVersion(const Version& v, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.PublishVersion(v, m); }
  Result<std::vector<Version>> ListVersions(PlanId p) override { if (auto e = Read()) return *e; return inner_.ListVersions(p); }
  Result<Version> GetVersion(VersionId id) override { if (auto e = Read()) return *e; return inner_.GetVersion(id); }
  Result<std::vector<PlanItem>> VersionItems(VersionId id) override { if (auto e = Read()) return *e; return inner_.VersionItems(id); }

  Result<ReportingRound> OpenRound(const ReportingRound& r, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.OpenRound(r, m); }
  Result<std::vector<ReportingRound>> ListRounds(PlanId p) override { if (auto e = Read()) return *e; return inner_.ListRounds(p); }
  Result<ReportingRound> GetRound(RoundId id) override { if (auto e = Read()) return *e; return inner_.GetRound(id); }
  Result<ReportingRound> CloseRound(RoundId id, int64_t reported, int64_t items, const std::optional<Version>& v,
                                    const WriteMeta& m) override {
    if (auto e = Write()) return *e;
    return inner_.CloseRound(id, reported, items, v, m);
  }
  Result<std::set<ItemId>> ReportedInRound(RoundId id) override { if (auto e = Read()) return *e; return inner_.ReportedInRound(id); }
  Status SetHighlight(const Highlight& h, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.SetHighlight(h, m); }
  Status RemoveHighlight(RoundId r, ItemId i, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.RemoveHighlight(r, i, m); }
  Result<std::vector<Highlight>> ListHighlights(RoundId r) override { if (auto e = Read()) return *e; return inner_.ListHighlights(r); }
  Result<std::vector<StatusUpdate>> PlanStatusUpdates(PlanId p, Date from, Date to) override {
    if (auto e = Read()) return *e;
    return inner_.PlanStatusUpdates(p, from, to);
  }
  Result<std::string> MunicipalityName() override { if (auto e = Read()) return *e; return inner_.MunicipalityName(); }
  Status SetMunicipalityName(const std::string& n, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.SetMunicipalityName(n, m); }
  Result<ImportApplied> ApplyImport(const ImportBatch& b, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.ApplyImport(b, m); }
  Result<std::optional<std::string>> ImportMapping(const std::string& k) override { if (auto e = Read()) return *e; return inner_.ImportMapping(k); }
  Status SaveImportMapping(const std::string& k, const std::string& v, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.SaveImportMapping(k, v, m); }
  Result<int64_t> SaveImportUpload(const ImportUpload& u, const WriteMeta& m) override { if (auto e = Write()) return *e; return inner_.SaveImportUpload(u, m); }
  Result<ImportUpload> GetImportUpload(int64_t id) override { if (auto e = Read()) return *e; return inner_.GetImportUpload(id); }

 private:
  std::optional<Error> Read() { return faults_.Read(); }
  std::optional<Error> Write() { return faults_.Write(); }
  PlanStore& inner_;
  FaultSwitch faults_;
};

}  // namespace bs::testing
