// Meetings, cases, agendas, decisions and minutes (issue 6): the use cases. Every call
// takes the Viewer and asks the access rule (app/access.h) for the meeting's body:
// secretaries serving the body and administrators prepare; what others read is decided
// per agenda item (closed: members, secretaries, directors, administrators) and per
// attachment, and the views are built already redacted, so a page, a PDF or a feed
// made from them cannot show what the viewer may not see.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/meeting_read_models.h"
#include "app/people_service.h"
#include "app/plan_register.h"
#include "app/ports/meeting_store.h"
#include "core/clock.h"
#include "domain/meetings/kle.h"

namespace bs {

struct MeetingPolicy {
  int64_t upload_limit = 50LL * 1024 * 1024;  // bytes per attachment (--upload-limit-mb)
};

class MeetingService {
 public:
  MeetingService(MeetingStore& store, PlanRegister& plans, PeopleService& people, const Clock& clock,
                 MeetingPolicy policy = {})
      : store_(store), plans_(plans), people_(people), clock_(clock), policy_(policy) {}

  const MeetingPolicy& policy() const { return policy_; }
  // Whether the viewer prepares the meetings of `body` (administrators, its secretaries):
  // the pages' forms and buttons follow this.
  bool Prepares(const Viewer& v, const std::string& body) const;
  Date Today() const { return clock_.Today(); }

  // Meetings ------------------------------------------------------------------------
  Result<Meeting> CreateMeeting(const Viewer& v, const MeetingDraft& draft);
  // Changes date, times, place, kind, cancelled and the breaks ("10:45-10:55 Pause").
  // After publishing a change needs `reason` and is added to the meeting's change log.
  Result<Meeting> UpdateMeeting(const Viewer& v, MeetingId id, const MeetingDraft& draft, const std::string& breaks,
                                const std::string& reason = "");
  Result<MeetingView> GetMeeting(const Viewer& v, MeetingId id);
  // A body's meetings from `from` to `to` (public: dates and places are public).
  // `titles`: with the visible agenda titles (a read per meeting).
  Result<std::vector<MeetingSummary>> BodyMeetings(const Viewer& v, const std::string& body, Date from, Date to,
                                                   bool titles = true);
  // Publishes the agenda: Conflict when empty, cancelled or already published.
  Status PublishAgenda(const Viewer& v, MeetingId meeting);
  // Approves the minutes: Conflict unless published, held (date <= today) and
  // every item has a decision.
  Status ApproveMinutes(const Viewer& v, MeetingId meeting);
  // Attendance: user ids absent (Fraværende) and with apologies (Afbud); InvalidArgument
  // naming anyone who did not sit in the body that day.
  Status RecordAttendance(const Viewer& v, MeetingId meeting, const std::set<int64_t>& absent,
                          const std::set<int64_t>& apologies);

  // Cases ---------------------------------------------------------------------------
  // AlreadyExists (on field "number") when the number is taken. The viewer must
  // prepare meetings of a body on the route.
  // With a KLE list loaded, the journal number must name a subject in it (and a facet
  // in it when the list has facets): a field error on "kle" otherwise.
  Result<Case> CreateCase(const Viewer& v, const CaseDraft& draft);
  Result<std::vector<Case>> ListCases(const Viewer& v);
  // A case by its number ("24/7615"), with every agenda item it was on that the viewer
  // may see (issue 14). NotFound when the viewer sees none of them and prepares no body
  // on its route, so the page does not tell that a case exists; InvalidArgument for a
  // number that is not one.
  Result<CaseView> CaseHistory(const Viewer& v, const std::string& number);

  // KLE (issue 13) ------------------------------------------------------------------
  // The loaded list (empty when none: only shapes are checked then).
  Result<KleIndex> Kle();
  // Replaces the whole list (administrators; the command line as one): PermissionDenied
  // otherwise, InvalidArgument for a number twice; the old list stays on any error.
  Status ReplaceKle(const Viewer& v, const std::vector<KleEntry>& entries, const std::string& source);
  // The titles of the cases' journal numbers ("00.30.10.S00" -> "Budgetlægning,
  // Styring"); numbers the list does not know are left out.
  Result<std::map<std::string, std::string>> KleTitles(const std::vector<Case>& cases);

  // Agenda --------------------------------------------------------------------------
  // Puts the case (by number) on the meeting's agenda, last. After publishing a reason
  // is required and kept as the item's first revision.
  Result<AgendaItem> AddToAgenda(const Viewer& v, MeetingId meeting, const std::string& case_number,
                                 const std::string& reason);
  // Before publishing: changes freely. After: `reason` required, a revision written.
  Result<AgendaItem> UpdateAgendaItem(const Viewer& v, AgendaItemId id, const AgendaItemDraft& draft,
                                      const std::string& reason);
  // Moves the item up (-1) or down (+1); Conflict after publishing.
  Status MoveAgendaItem(const Viewer& v, AgendaItemId id, int delta);
  // Conflict after publishing.
  Status RemoveAgendaItem(const Viewer& v, AgendaItemId id);
  // The decision (preset or free text) and protocol note. Conflict before the
  // meeting day or before publishing; after approval `reason` is required.
  // `absences` (issue 14), when given, replaces who did not take part in the item: each
  // must have sat in the body that day and not be absent from or excused for the whole
  // meeting (a field error "deltog_ikke" naming them, with the other fields' errors).
  Result<AgendaItem> RecordDecision(const Viewer& v, AgendaItemId id, const std::string& decision,
                                    const std::string& protocol_note, const std::string& reason,
                                    const std::optional<std::vector<ItemAbsence>>& absences = std::nullopt);
  // Puts the case on the next meeting of the next body on its route (one action).
  Result<AgendaItem> SendOn(const Viewer& v, AgendaItemId id);

  // Where an agenda item or attachment sits: NotFound when the viewer may not know it
  // exists (an unpublished agenda they do not prepare).
  struct Located {
    AgendaItem item;
    Meeting meeting;
  };
  Result<Located> AgendaItemFor(const Viewer& v, AgendaItemId agenda_item);
  Result<Located> AttachmentFor(const Viewer& v, AttachmentId attachment);

  // Attachments ---------------------------------------------------------------------
  Result<Attachment> AddAttachment(const Viewer& v, AgendaItemId agenda_item, const std::string& title, bool closed,
                                   const std::string& document_number, const std::string& filename,
                                   const std::string& claimed_type, const std::string& bytes);
  Status RemoveAttachment(const Viewer& v, AttachmentId id);
  struct File {
    Attachment meta;
    std::string bytes;
  };
  // The bytes only for a viewer entitled to them: NotFound (404) when the agenda is not
  // published and the viewer does not prepare it, PermissionDenied (403) when closed.
  Result<File> OpenAttachment(const Viewer& v, AttachmentId id);

  // Overviews -----------------------------------------------------------------------
  // All bodies' meetings from `from` for `days` days and the cases on their way.
  Result<Overview> RollingOverview(const Viewer& v, Date from, int days = 21);
  // The archive: every meeting of `body` (all bodies when empty) in `year`, and the
  // years that have meetings. NotFound for an unknown body.
  Result<MeetingArchive> Archive(const Viewer& v, const std::string& body, int year);
  Result<Portfolio> BodyPortfolio(const Viewer& v, const std::string& body);
  // Where a plan item was treated, for the item's page (only what the viewer may see).
  Result<std::vector<Treatment>> TreatmentsOf(const Viewer& v, ItemId item);

  // Year wheel ----------------------------------------------------------------------
  Result<RecurringTopic> AddTopic(const Viewer& v, const TopicDraft& draft);
  // The removed topic (its body names the page to go back to).
  Result<RecurringTopic> RemoveTopic(const Viewer& v, int64_t id);
  Result<Workplan> BodyWorkplan(const Viewer& v, const std::string& body, int year);
  // Adds the agenda items the year wheel plans for this meeting (those not there yet);
  // returns how many were added.
  Result<int> ApplyTopics(const Viewer& v, MeetingId meeting);

  // Changes whenever anything a meeting page, PDF or feed shows may have changed: the
  // meeting tables, any plan (titles of linked items), people (names, memberships).
  // Read from the database, so it holds across several app servers.
  Result<int64_t> ContentStamp();

  Result<std::vector<Body>> Bodies() { return plans_.ListBodies(); }

 private:
  Result<Body> FindBody(const std::string& code);
  // A field error on "kle" when a list is loaded and does not know the number.
  Status CheckKle(const KleIndex& kle, const std::string& journal_number);
  Status MayPrepare(const Viewer& v, const std::string& body);
  // Before validating a draft that names its body (create meeting, year-wheel topic).
  Status MayPrepareDraft(const Viewer& v, const std::string& body_text);
  // The agenda item, its meeting, and a check that the viewer prepares it.
  struct Editing {
    AgendaItem item;
    Meeting meeting;
  };
  Result<Editing> ForEditing(const Viewer& v, AgendaItemId agenda_item);
  // Printed names ("Name (P)") of those seated in the meeting's body on its day.
  Result<std::map<int64_t, std::string>> SeatNames(const Meeting& m);
  // The revision a change after publishing (or approval) makes: `what` empty when
  // nothing changed; InvalidArgument on "begrundelse" without a reason (`why_needed`
  // says why one is needed). `names` prints the item's absences (SeatNames).
  Result<AgendaRevision> Revise(const Viewer& v, const AgendaItem& before, const AgendaItem& after,
                                const std::string& reason, const std::string& why_needed,
                                const std::map<int64_t, std::string>& names = {});
  struct PageData;
  Result<PageData> LoadPageData(const Meeting& m);
  Result<AgendaEntry> Entry(const Viewer& v, const Meeting& m, const AgendaItem& item, bool prepares, PageData& data);
  // `titles`: the visible agenda titles too (a read per meeting; the archive goes without).
  Result<MeetingSummary> Summarize(const Viewer& v, const Meeting& m, const std::vector<Body>& bodies,
                                   bool titles = true);
  std::string Author(const Viewer& v) const { return v.AuthorName(); }

  MeetingStore& store_;
  PlanRegister& plans_;
  PeopleService& people_;
  const Clock& clock_;
  MeetingPolicy policy_;
};

}  // namespace bs
