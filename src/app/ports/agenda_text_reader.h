// The port through which the agenda import reads an agenda text (issue 13), implemented
// by importers/agenda (AgendaTextParser). The web pages and the command line hand the use
// case the text; how lines are recognised is the importer's, what the items do to a
// meeting is AgendaImportService's (app/agenda_import.h). These are the app's own types,
// so web/ never needs importers/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace bs {

struct AgendaTextSection {
  std::string heading;  // as printed: "Sagsfremstilling"
  std::string text;
  std::string field;    // the AgendaSections member it fills ("presentation"); "" for a heading we do not know
  int line = 0;
};

struct AgendaTextDecision {
  std::string body;  // as printed: "Direktionen" (a name or a code)
  std::optional<Date> date;
  std::string text;
  bool earlier = false;  // from a "Sagsforløb" block of earlier meetings
  int line = 0;
};

struct AgendaTextItem {
  int line = 0;
  std::optional<int> number;
  std::string title;
  std::string case_number;     // normalised ("24/7615"), "" when not printed
  std::string journal_number;  // KLE as written
  std::optional<bool> closed;  // nullopt when the text does not say
  std::vector<std::string> route;  // body codes as printed
  std::string responsible;
  std::vector<AgendaTextSection> sections;
  std::vector<AgendaTextDecision> decisions;
  std::vector<std::string> proposal_codes;  // "R101(I)(B)", without spaces
};

struct AgendaTextLine {
  int line = 0;
  std::string text;
  std::string reason;  // why no rule placed it (Danish)
};

struct AgendaText {
  std::string layout;  // the layout used
  int lines = 0;
  std::vector<AgendaTextItem> items;
  std::vector<AgendaTextLine> unrecognised;  // every line not placed, never dropped
};

class AgendaTextReader {
 public:
  virtual ~AgendaTextReader() = default;
  // Reads `text` with the named layout, or the one that places most lines when `layout`
  // is empty. Errors: InvalidArgument for empty or non-UTF-8 text (naming the line) and,
  // with a field error on "layout", for a layout that does not exist; TooLarge for text
  // over the importer's limit.
  virtual Result<AgendaText> Read(std::string_view text, const std::string& layout) const = 0;
  // The layouts' names, for the form's choice.
  virtual std::vector<std::string> Layouts() const = 0;
};

}  // namespace bs
