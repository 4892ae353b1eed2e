// The storage port for meetings (issue 6): meetings, cases, agenda items with their
// revisions and plan item links, attachments with their bytes, and the year wheel's
// recurring topics. Implemented by storage/memory and storage/sqlite (later
// storage/postgres), tested by one contract suite (tests/storage/meeting_store_test.cpp).
//
// Contract: NotFound for unknown ids, AlreadyExists for a case number taken, Unavailable
// when busy, Internal otherwise. Every call is atomic (an agenda item and its revision,
// an attachment and its bytes, are written together or not at all); thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/meetings/agenda.h"
#include "domain/meetings/kle.h"
#include "domain/meetings/meeting.h"

namespace bs {

// An agenda item with the meeting it is on (for a plan item's list of treatments).
struct PlacedItem {
  AgendaItem item;  // plan_items not filled
  Meeting meeting;
};

// An agenda import written whole (issue 13): the cases it creates, then its agenda items.
struct ImportedAgendaItem {
  AgendaItem item;    // meeting_id, content, plan_items and decision filled; case_id unless new_case
  int new_case = -1;  // index into AgendaImportWrite::new_cases when the item's case is new
  // For an agenda already published: the revision the item is added with (its number and
  // agenda_item_id are the store's).
  std::optional<AgendaRevision> revision;
};
struct AgendaImportWrite {
  MeetingId meeting = 0;
  std::vector<Case> new_cases;
  std::vector<ImportedAgendaItem> items;  // appended in this order
};

class MeetingStore {
 public:
  virtual ~MeetingStore() = default;

  // Returns the meeting with its id.
  virtual Result<Meeting> CreateMeeting(const Meeting& meeting) = 0;
  // Replaces every field of an existing meeting, state and attendance included.
  virtual Status UpdateMeeting(const Meeting& meeting) = 0;
  virtual Result<Meeting> GetMeeting(MeetingId id) = 0;
  // Meetings of `body` (all bodies when empty) with from <= date <= to, by date and start.
  virtual Result<std::vector<Meeting>> ListMeetings(const std::string& body, Date from, Date to) = 0;

  // AlreadyExists when the case number is taken (numbers are unique per municipality).
  virtual Result<Case> CreateCase(const Case& c) = 0;
  virtual Result<Case> GetCase(CaseId id) = 0;
  virtual Result<Case> FindCase(const std::string& number) = 0;  // by normalised number
  virtual Result<std::vector<Case>> ListCases() = 0;             // newest number first

  // Appends the item to its meeting's agenda (position = count + 1); returns it with id.
  virtual Result<AgendaItem> AddAgendaItem(const AgendaItem& item) = 0;
  // Replaces the item's content (not its meeting or position); with a revision, writes
  // it in the same transaction and sets the item's revision to its number.
  virtual Status UpdateAgendaItem(const AgendaItem& item, const std::optional<AgendaRevision>& revision) = 0;
  // Removes the item with its attachments and links and renumbers the rest.
  virtual Status RemoveAgendaItem(AgendaItemId id) = 0;
  // Sets the positions 1..n in the given order; Conflict unless `order` holds exactly
  // the meeting's agenda item ids.
  virtual Status SetAgendaOrder(MeetingId meeting, const std::vector<AgendaItemId>& order) = 0;
  virtual Result<AgendaItem> GetAgendaItem(AgendaItemId id) = 0;
  virtual Result<std::vector<AgendaItem>> AgendaOf(MeetingId meeting) = 0;  // by position
  virtual Result<std::vector<AgendaItem>> AgendaItemsOfCase(CaseId case_id) = 0;
  // The agenda items linking the plan item, each with its meeting, in one read.
  virtual Result<std::vector<PlacedItem>> AgendaItemsForPlanItem(ItemId item) = 0;
  virtual Result<std::vector<AgendaRevision>> RevisionsOf(AgendaItemId agenda_item) = 0;  // oldest first

  // Batched reads for one meeting's page (a query each instead of one per item):
  // the cases on its agenda; its items' attachments (by item, then number); its items'
  // revisions (by item, then number); and the items of other meetings that treat the
  // same cases and have a decision (the earlier decisions on the route).
  virtual Result<std::vector<Case>> CasesOnAgenda(MeetingId meeting) = 0;
  virtual Result<std::vector<Attachment>> AttachmentsOfMeeting(MeetingId meeting) = 0;
  virtual Result<std::vector<AgendaRevision>> RevisionsOfMeeting(MeetingId meeting) = 0;
  virtual Result<std::vector<AgendaItem>> DecidedElsewhere(MeetingId meeting) = 0;

  // Stores the attachment and its bytes; number = count on the item + 1.
  virtual Result<Attachment> AddAttachment(const Attachment& meta, const std::string& bytes) = 0;
  virtual Result<Attachment> GetAttachment(AttachmentId id) = 0;
  virtual Result<std::string> AttachmentBytes(AttachmentId id) = 0;
  virtual Result<std::vector<Attachment>> AttachmentsOf(AgendaItemId agenda_item) = 0;  // by number
  virtual Status RemoveAttachment(AttachmentId id) = 0;

  // A number that changes with every write above (caches compare it).
  virtual Result<int64_t> Revision() = 0;

  virtual Result<RecurringTopic> AddTopic(const RecurringTopic& topic) = 0;
  virtual Result<std::vector<RecurringTopic>> Topics(const std::string& body) = 0;  // all when empty
  virtual Status RemoveTopic(int64_t id) = 0;

  // Creates the cases, then appends the items after the meeting's agenda (positions
  // count + 1 ...) with their plan item links and revisions, all in ONE transaction:
  // AlreadyExists when a case number is taken, NotFound for an unknown meeting or case;
  // on any error nothing is written. Returns the items with ids and positions.
  virtual Result<std::vector<AgendaItem>> WriteAgendaImport(const AgendaImportWrite& write) = 0;

  // The KLE list: replaced whole with its meta in one transaction (the old list stays on
  // any error); InvalidArgument for a number twice. KleEntries: by number, empty when
  // none is loaded; KleLoaded: the meta, nullopt when none is loaded.
  virtual Status ReplaceKle(const std::vector<KleEntry>& entries, const KleMeta& meta) = 0;
  virtual Result<std::vector<KleEntry>> KleEntries() = 0;
  virtual Result<std::optional<KleMeta>> KleLoaded() = 0;
};

}  // namespace bs
