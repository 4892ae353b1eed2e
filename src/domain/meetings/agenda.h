// Agenda items, attachments, revisions and the year wheel (issue 6): the pure model.
// A meeting (meeting.h) has an ordered agenda; each agenda item puts one case before
// the body, with the sections of a Danish dagsordenspunkt, its attachments (bilag),
// after the meeting its decision, and once the agenda is published every change as a
// visible revision with a reason.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/meetings/meeting.h"
#include "domain/plan/plan_item.h"

namespace bs {

// The sections of an agenda item, in the order they are printed.
struct AgendaSections {
  std::string background;      // Baggrund
  std::string presentation;    // Sagsfremstilling
  std::string policies;        // Sammenhæng til andre politikker/strategier
  std::string economy;         // Økonomiske konsekvenser
  std::string legal_basis;     // Lovgrundlag
  std::string recommendation;  // Indstilling
  std::string recommended_by;  // who recommends ("Kommunaldirektøren")
  bool operator==(const AgendaSections&) const = default;
};
// The headings, in print order, paired with the member they show.
struct SectionField {
  const char* slug;   // form field name: "baggrund"
  const char* label;  // "Baggrund"
  std::string AgendaSections::*member;
};
const std::vector<SectionField>& SectionFields();

// A member who did not take part in one agenda item although at the meeting (issue 14),
// e.g. for inhabilitet; the minutes print a line under the item's decision.
struct ItemAbsence {
  int64_t person = 0;   // user id
  bool inhabil = false; // declared themselves disqualified (inhabil)
  bool operator==(const ItemAbsence&) const = default;
};
// "Jens Meilvang (I) deltog ikke under behandling af punktet." (seed 002), with
// " på grund af inhabilitet" before the full stop when inhabil.
std::string AbsenceLine(const std::string& who, bool inhabil);

struct AgendaItem {
  AgendaItemId id = 0;
  MeetingId meeting_id = 0;
  CaseId case_id = 0;
  int position = 0;           // 1-based number on the agenda
  std::string title;          // as printed; the case title by default
  bool closed = false;        // Lukket punkt (the case's by default)
  AgendaSections sections;
  int slot_start = -1;        // time slot, minutes after midnight; -1: none
  int slot_end = -1;
  std::string participants;   // "Borgmester deltager under behandlingen."
  std::vector<ItemId> plan_items;  // the plan items it concerns
  std::string decision;       // Beslutning; empty until decided
  std::string protocol_note;  // Protokoltilførsel
  std::vector<ItemAbsence> absences;  // members who did not take part in this item, by id
  int revision = 0;           // visible revisions made after publishing
};

// What a secretary types into the agenda item form.
struct AgendaItemDraft {
  std::string title, slot_start, slot_end, participants;
  AgendaSections sections;
  std::vector<ItemId> plan_items;
  // The plan item ids as a form writes them ("12, 14"); when set, read into plan_items
  // by MeetingService, a wrong one reported beside the other fields' errors.
  std::optional<std::string> plan_items_text;
  bool closed = false;
};
// Plan item ids as a form writes them ("12, 14"): every positive id, in order; the first
// part that is not one is put in `bad` (and left out).
std::vector<ItemId> ReadItemIds(const std::string& text, std::string* bad = nullptr);
// Every wrong field reported (titel, tid_fra, tid_til, sections over 100.000 characters).
Result<AgendaItem> ApplyDraft(AgendaItem item, const AgendaItemDraft& draft);

// A change after publishing (agenda) or approval (minutes): the reason and the text as
// it was before, so nothing changes silently.
struct AgendaRevision {
  AgendaItemId agenda_item_id = 0;
  int number = 0;        // 1, 2, ...
  std::string reason;    // required
  std::string author;
  int64_t at = 0;        // unix seconds
  std::string what;      // "Sagsfremstilling, Beslutning"
  std::string before;    // the changed fields as they were, "Overskrift:\ntekst" blocks
};
// The fields that differ, by label, and their earlier text; empty when nothing changed.
// `names` prints the people of `absences` (user id -> "Name (P)"); an id it lacks is
// written "Person <id>".
AgendaRevision DiffForRevision(const AgendaItem& before, const AgendaItem& after,
                               const std::map<int64_t, std::string>& names = {});

// "Beslutning i Økonomiudvalget den 10-06-2025"
std::string DecisionHeading(const std::string& body_name, Date date);

// A section's text as written (issue 14): each line a paragraph, and lines starting with
// "-", "–", "•" or "*" list items, so the page and the PDF show a list where the writer
// wrote one.
struct TextBlock {
  bool bullet = false;
  std::string text;  // without the bullet
};
std::vector<TextBlock> TextBlocks(const std::string& text);

// An attachment (bilag).
struct Attachment {
  AttachmentId id = 0;
  AgendaItemId agenda_item_id = 0;
  int number = 0;            // 1, 2, ... within the agenda item
  std::string title;
  bool closed = false;       // Lukket bilag
  std::string document_number;  // "52074/25" (as written), may be empty
  std::string filename;
  std::string content_type;  // checked against the bytes
  int64_t size = 0;
};

// Document numbers look like case numbers: digits, slash, two-digit year ("52074/25").
Result<std::string> ValidateDocumentNumber(std::string_view text);

// The content types we accept and how their bytes begin. An upload must be non-empty,
// at most `limit` bytes and its bytes must match the type it claims (from the file name
// or the browser): PDF, PNG, JPEG, Office documents (zip), plain text and CSV (UTF-8).
// Returns the content type to serve it with.
Result<std::string> CheckUpload(const std::string& filename, const std::string& claimed_type,
                                std::string_view bytes, int64_t limit);

// Lines "10:45-10:55 Pause"; each wrong line reported by number.
Result<std::vector<ScheduleBreak>> ParseBreaks(std::string_view text);
std::string FormatBreaks(const std::vector<ScheduleBreak>& breaks);

// One row of a meeting's time schedule (Tid / Punkt).
struct ScheduleRow {
  int start = 0, end = -1;
  std::string label;         // "1. Beslutningsprotokoller ..." or "Pause"
  std::string participants;
  bool is_break = false;
};
// Agenda items with a slot and the breaks, by start time.
std::vector<ScheduleRow> TimeSchedule(const std::vector<AgendaItem>& agenda, const std::vector<ScheduleBreak>& breaks);

// A recurring topic of the year wheel (årshjul): defined once for a body, due in the
// given months; it produces an agenda item for its case on each of the body's meetings
// in those months.
struct RecurringTopic {
  int64_t id = 0;
  std::string body;
  std::string title;        // "Halvårlig status på udmøntningsplanen"
  std::vector<int> months;  // 1..12, ascending
  CaseId case_id = 0;      // the case its agenda items put before the body
};
struct TopicDraft {
  std::string body, title, months, case_number;  // months "6, 12" or "alle"
};
// Months "6, 12", "juni, december" or "alle"/"hver måned".
Result<std::vector<int>> ParseMonths(std::string_view text);
std::string FormatMonths(const std::vector<int>& months);

}  // namespace bs
