// Saving an agenda text into a meeting (issue 13). The text (an agenda or minutes as
// extracted from a PDF) is read through the AgendaTextReader port; each item becomes a
// case found by its number or created, an agenda item on the meeting with its sections,
// links to the plan items whose proposal codes it names, and, when the text has this
// meeting's decision and the meeting may have one, that decision.
//
// First always a dry run that says for every item what would happen and every problem
// with its item and line; then, asked to apply and without problems, everything written
// in ONE store transaction (MeetingStore::WriteAgendaImport): all or nothing.
//
// Decided rules:
// - Only those who prepare the meeting's body (its secretaries, administrators) import.
// - An item without a case number is not imported (a note, not a problem): standing
//   items ("Beslutningsprotokoller", "Eventuelt") often have none; the secretary puts
//   them on by hand. An item whose case is already on the agenda is skipped with a
//   note, so importing the same text twice adds nothing the second time.
// - An existing case is used as it stands (its title, route and KLE are not changed).
//   A new case gets number, KLE (journal number), title, officer (Sagsansvarlig), route
//   (Sagsgang; the meeting's body when none is printed) and closed (Lukket sag).
// - Headings we know fill their section; others are appended to Sagsfremstilling under
//   their own heading, so no text is lost.
// - A decision is taken from the text only when it is this meeting's (its body by name
//   or code, its date, not an earlier one on the route) and only when the meeting may
//   have decisions (agenda published, day come: as RecordDecision); otherwise a note.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/meeting_service.h"
#include "app/plan_register.h"
#include "app/ports/agenda_text_reader.h"
#include "app/ports/meeting_store.h"
#include "core/clock.h"

namespace bs {

// A problem (blocks the import) or a note (says what is left out), located in the text.
struct AgendaImportProblem {
  std::optional<int> item;  // the item's number as printed; nullopt for the text as a whole
  int line = 0;             // 1-based line in the text; 0 when none
  std::string message;      // Danish
  std::string Located() const;  // "Punkt 3 (linje 120): ..."
  bool operator==(const AgendaImportProblem&) const = default;
};

struct AgendaImportItem {
  AgendaTextItem source;
  enum class Action { kCreateCase, kUseCase, kAlreadyOnAgenda, kNoCase, kRefused } action = Action::kRefused;
  Case c;                  // as it is (kUseCase, kAlreadyOnAgenda) or will be (kCreateCase)
  std::string kle_title;   // the KLE list's titles of c.kle, "" when unknown
  AgendaItem item;         // the agenda item as it will be (kCreateCase, kUseCase)
  std::vector<PlanLink> plan_items;  // id, code, title of the linked plan items
  std::vector<AgendaImportProblem> notes;
  bool written() const { return action == Action::kCreateCase || action == Action::kUseCase; }
};
std::string_view Label(AgendaImportItem::Action a);  // "Ny sag", "Eksisterende sag", ...

struct AgendaImportResult {
  Meeting meeting;
  std::string body_name;
  std::string source;  // the file's name, or "indsat tekst"
  AgendaText text;
  std::vector<AgendaImportItem> items;
  std::vector<AgendaImportProblem> problems;  // by line
  size_t new_cases = 0, added = 0, skipped = 0, decisions = 0;
  bool applied = false;  // written; never with problems
};

class AgendaImportService {
 public:
  AgendaImportService(MeetingService& meetings, MeetingStore& store, PlanRegister& plans, const AgendaTextReader& reader,
                      const Clock& clock)
      : meetings_(meetings), store_(store), plans_(plans), reader_(reader), clock_(clock) {}

  // Reads `text` (`layout` "" detects it) and checks it against the meeting; with
  // `apply` and no problems, writes it all in one transaction (applied = true). With
  // problems nothing is written and they are in the result (not an error).
  // Errors: NotFound (meeting), PermissionDenied (the viewer does not prepare the
  // meeting's body), the reader's (InvalidArgument, TooLarge), the store's.
  Result<AgendaImportResult> Import(const Viewer& v, MeetingId meeting, std::string_view text, const std::string& layout,
                                    const std::string& source, bool apply);
  std::vector<std::string> Layouts() const { return reader_.Layouts(); }

 private:
  MeetingService& meetings_;
  MeetingStore& store_;
  PlanRegister& plans_;
  const AgendaTextReader& reader_;
  const Clock& clock_;
};

}  // namespace bs
