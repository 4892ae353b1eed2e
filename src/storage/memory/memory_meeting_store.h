// In-memory MeetingStore for tests: the reference implementation of the contract.
#pragma once

#include <functional>
#include <map>
#include <mutex>

#include "app/ports/meeting_store.h"

namespace bs {

class MemoryMeetingStore final : public MeetingStore {
 public:
  Result<Meeting> CreateMeeting(const Meeting& meeting) override;
  Status UpdateMeeting(const Meeting& meeting) override;
  Result<Meeting> GetMeeting(int64_t id) override;
  Result<std::vector<Meeting>> ListMeetings(const std::string& body, Date from, Date to) override;
  Result<Case> CreateCase(const Case& c) override;
  Result<Case> GetCase(int64_t id) override;
  Result<Case> FindCase(const std::string& number) override;
  Result<std::vector<Case>> ListCases() override;
  Result<AgendaItem> AddAgendaItem(const AgendaItem& item) override;
  Status UpdateAgendaItem(const AgendaItem& item, const std::optional<AgendaRevision>& revision) override;
  Status RemoveAgendaItem(int64_t id) override;
  Status SetAgendaOrder(int64_t meeting, const std::vector<int64_t>& order) override;
  Result<AgendaItem> GetAgendaItem(int64_t id) override;
  Result<std::vector<AgendaItem>> AgendaOf(int64_t meeting) override;
  Result<std::vector<AgendaItem>> AgendaItemsOfCase(int64_t case_id) override;
  Result<std::vector<PlacedItem>> AgendaItemsForPlanItem(ItemId item) override;
  Result<std::vector<AgendaRevision>> RevisionsOf(int64_t agenda_item) override;
  Result<std::vector<Case>> CasesOnAgenda(int64_t meeting) override;
  Result<std::vector<Attachment>> AttachmentsOfMeeting(int64_t meeting) override;
  Result<std::vector<AgendaRevision>> RevisionsOfMeeting(int64_t meeting) override;
  Result<std::vector<AgendaItem>> DecidedElsewhere(int64_t meeting) override;
  Result<Attachment> AddAttachment(const Attachment& meta, const std::string& bytes) override;
  Result<Attachment> GetAttachment(int64_t id) override;
  Result<std::string> AttachmentBytes(int64_t id) override;
  Result<std::vector<Attachment>> AttachmentsOf(int64_t agenda_item) override;
  Status RemoveAttachment(int64_t id) override;
  Result<int64_t> Revision() override;
  Result<RecurringTopic> AddTopic(const RecurringTopic& topic) override;
  Result<std::vector<RecurringTopic>> Topics(const std::string& body) override;
  Status RemoveTopic(int64_t id) override;
  Result<std::vector<AgendaItem>> WriteAgendaImport(const AgendaImportWrite& write) override;
  Status ReplaceKle(const std::vector<KleEntry>& entries, const KleMeta& meta) override;
  Result<std::vector<KleEntry>> KleEntries() override;
  Result<std::optional<KleMeta>> KleLoaded() override;

 private:
  std::vector<AgendaItem> Where(const std::function<bool(const AgendaItem&)>& keep) const;
  void Renumber(int64_t meeting);

  std::mutex mu_;
  std::map<int64_t, Meeting> meetings_;
  std::map<int64_t, Case> cases_;
  std::map<int64_t, AgendaItem> items_;
  std::map<int64_t, std::vector<AgendaRevision>> revisions_;
  std::map<int64_t, std::pair<Attachment, std::string>> attachments_;
  std::map<int64_t, RecurringTopic> topics_;
  std::map<std::string, KleEntry> kle_;
  std::optional<KleMeta> kle_meta_;
  int64_t next_id_ = 1;
  int64_t revision_ = 0;
};

}  // namespace bs
