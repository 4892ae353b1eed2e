// Wraps a MeetingStore and injects faults (STYLE.md habit 3), as FaultyPlanStore does:
// fail the Nth write, or answer every call Unavailable (busy) or Internal (a broken disk).
#pragma once

#include "app/ports/meeting_store.h"
#include "support/fault_switch.h"

namespace bs::testing {

class FaultyMeetingStore final : public MeetingStore {
 public:
  explicit FaultyMeetingStore(MeetingStore& inner) : inner_(inner) {}

  // The n-th write from now (1 = the next one) fails with `code`; 0 disables.
  void FailWrite(int n, ErrorCode code) { faults_.FailWrite(n, code); }
  // Every call fails with `code` while on.
  void FailAll(bool on, ErrorCode code = ErrorCode::kUnavailable) { faults_.FailAll(on, code); }

  Result<Meeting> CreateMeeting(const Meeting& m) override { if (auto e = faults_.Write()) return *e; return inner_.CreateMeeting(m); }
  Status UpdateMeeting(const Meeting& m) override { if (auto e = faults_.Write()) return *e; return inner_.UpdateMeeting(m); }
  Result<Meeting> GetMeeting(int64_t id) override { if (auto e = faults_.Read()) return *e; return inner_.GetMeeting(id); }
  Result<std::vector<Meeting>> ListMeetings(const std::string& body, Date from, Date to) override {
    if (auto e = faults_.Read()) return *e;
    return inner_.ListMeetings(body, from, to);
  }

  Result<Case> CreateCase(const Case& c) override { if (auto e = faults_.Write()) return *e; return inner_.CreateCase(c); }
  Result<Case> GetCase(int64_t id) override { if (auto e = faults_.Read()) return *e; return inner_.GetCase(id); }
  Result<Case> FindCase(const std::string& n) override { if (auto e = faults_.Read()) return *e; return inner_.FindCase(n); }
  Result<std::vector<Case>> ListCases() override { if (auto e = faults_.Read()) return *e; return inner_.ListCases(); }

  Result<AgendaItem> AddAgendaItem(const AgendaItem& i) override { if (auto e = faults_.Write()) return *e; return inner_.AddAgendaItem(i); }
  Status UpdateAgendaItem(const AgendaItem& i, const std::optional<AgendaRevision>& r) override {
    if (auto e = faults_.Write()) return *e;
    return inner_.UpdateAgendaItem(i, r);
  }
  Status RemoveAgendaItem(int64_t id) override { if (auto e = faults_.Write()) return *e; return inner_.RemoveAgendaItem(id); }
  Status SetAgendaOrder(int64_t m, const std::vector<int64_t>& o) override {
    if (auto e = faults_.Write()) return *e;
    return inner_.SetAgendaOrder(m, o);
  }
  Result<AgendaItem> GetAgendaItem(int64_t id) override { if (auto e = faults_.Read()) return *e; return inner_.GetAgendaItem(id); }
  Result<std::vector<AgendaItem>> AgendaOf(int64_t m) override { if (auto e = faults_.Read()) return *e; return inner_.AgendaOf(m); }
  Result<std::vector<AgendaItem>> AgendaItemsOfCase(int64_t c) override { if (auto e = faults_.Read()) return *e; return inner_.AgendaItemsOfCase(c); }
  Result<std::vector<PlacedItem>> AgendaItemsForPlanItem(ItemId i) override {
    if (auto e = faults_.Read()) return *e;
    return inner_.AgendaItemsForPlanItem(i);
  }
  Result<std::vector<AgendaRevision>> RevisionsOf(int64_t i) override { if (auto e = faults_.Read()) return *e; return inner_.RevisionsOf(i); }

  Result<std::vector<Case>> CasesOnAgenda(int64_t m) override { if (auto e = faults_.Read()) return *e; return inner_.CasesOnAgenda(m); }
  Result<std::vector<Attachment>> AttachmentsOfMeeting(int64_t m) override {
    if (auto e = faults_.Read()) return *e;
    return inner_.AttachmentsOfMeeting(m);
  }
  Result<std::vector<AgendaRevision>> RevisionsOfMeeting(int64_t m) override {
    if (auto e = faults_.Read()) return *e;
    return inner_.RevisionsOfMeeting(m);
  }
  Result<std::vector<AgendaItem>> DecidedElsewhere(int64_t m) override { if (auto e = faults_.Read()) return *e; return inner_.DecidedElsewhere(m); }

  Result<Attachment> AddAttachment(const Attachment& a, const std::string& bytes) override {
    if (auto e = faults_.Write()) return *e;
    return inner_.AddAttachment(a, bytes);
  }
  Result<Attachment> GetAttachment(int64_t id) override { if (auto e = faults_.Read()) return *e; return inner_.GetAttachment(id); }
  Result<std::string> AttachmentBytes(int64_t id) override { if (auto e = faults_.Read()) return *e; return inner_.AttachmentBytes(id); }
  Result<std::vector<Attachment>> AttachmentsOf(int64_t i) override { if (auto e = faults_.Read()) return *e; return inner_.AttachmentsOf(i); }
  Status RemoveAttachment(int64_t id) override { if (auto e = faults_.Write()) return *e; return inner_.RemoveAttachment(id); }

  Result<int64_t> Revision() override { if (auto e = faults_.Read()) return *e; return inner_.Revision(); }

  Result<RecurringTopic> AddTopic(const RecurringTopic& t) override { if (auto e = faults_.Write()) return *e; return inner_.AddTopic(t); }
  Result<std::vector<RecurringTopic>> Topics(const std::string& b) override { if (auto e = faults_.Read()) return *e; return inner_.Topics(b); }
  Status RemoveTopic(int64_t id) override { if (auto e = faults_.Write()) return *e; return inner_.RemoveTopic(id); }

  Result<std::vector<AgendaItem>> WriteAgendaImport(const AgendaImportWrite& w) override {
    if (auto e = faults_.Write()) return *e;
    return inner_.WriteAgendaImport(w);
  }
  Status ReplaceKle(const std::vector<KleEntry>& entries, const KleMeta& meta) override {
    if (auto e = faults_.Write()) return *e;
    return inner_.ReplaceKle(entries, meta);
  }
  Result<std::vector<KleEntry>> KleEntries() override { if (auto e = faults_.Read()) return *e; return inner_.KleEntries(); }
  Result<std::optional<KleMeta>> KleLoaded() override { if (auto e = faults_.Read()) return *e; return inner_.KleLoaded(); }

 private:
  MeetingStore& inner_;
  FaultSwitch faults_;
};

}  // namespace bs::testing
