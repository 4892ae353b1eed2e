// MeetingStore on the SQLite database (schema 0005_meetings; the KLE list 0009_kle).
#pragma once

#include "app/ports/meeting_store.h"
#include "storage/sqlite/sqlite_db.h"

namespace bs {

class SqliteMeetingStore final : public MeetingStore {
 public:
  // Borrows the database, which must outlive the store.
  explicit SqliteMeetingStore(sqlite::Database& db) : db_(db) {}

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
  // Agenda items selected by `where` (one int64 parameter), with their plan item links.
  Result<std::vector<AgendaItem>> ItemsWhere(sqlite::Connection& c, const std::string& where, int64_t value);
  Status WriteLinks(sqlite::Connection& c, const AgendaItem& item);
  // The inserts of CreateCase and AddAgendaItem, inside the caller's transaction (the
  // agenda import writes many in one: sqlite_meeting_imports.cpp).
  Result<Case> InsertCase(sqlite::Connection& c, const Case& cs);
  Result<AgendaItem> InsertItem(sqlite::Connection& c, const AgendaItem& item);

  sqlite::Database& db_;
};

}  // namespace bs
