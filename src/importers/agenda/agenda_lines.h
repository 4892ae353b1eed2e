// internal to the agenda importer: the cleaned lines, compiled layout rules and the text
// builder shared by agenda_text.cpp (the parser). Not API.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/agenda/agenda_text.h"

namespace bs::agenda_import::internal {

// The named capture groups of a LineRule, filled by name.
struct Fields {
  std::string number, title, kle, case_number, access, body, date, text, value, id;
};

// One input line, cleaned once.
struct Line {
  int number = 0;        // 1-based
  std::string trimmed;   // as in the file, trimmed (for unrecognised)
  std::string clean;     // whitespace runs as one space, markup and bullet removed
  bool blank = false;
  bool spaces = false;   // blank but not empty: a line of spaces (a paragraph break in PDF text)
  bool markdown = false; // had "#" or "**" markup
  bool bullet = false;
  bool numbered = false; // "1. ...", "a. ...", "iv. ..." list line (kept as printed)
  bool indented = false; // the raw line starts with a space and follows an empty line
  int role = -1;         // Role of the first context-free rule or heading that matched, -1: text
  const HeadingRule* heading = nullptr;
  Fields fields;
};

struct CompiledRule {
  const LineRule* rule;
  std::regex regex;
};

struct CompiledLayout {
  const Layout* layout = nullptr;
  std::vector<CompiledRule> rules;
  std::unordered_map<std::string, const HeadingRule*> headings;
  std::regex route_separator;
  std::regex route_code;
};

// Compiles the layout's patterns; InvalidArgument naming the pattern that does not compile.
Result<CompiledLayout> Compile(const Layout& layout);

// Splits and cleans; `text` is valid UTF-8 without BOM.
std::vector<Line> SplitLines(std::string_view text, const Layout& layout);

// Whether `rule` matches the cleaned line (pre-filter first), filling `fields`.
bool Match(const CompiledRule& rule, const std::string& clean, Fields& fields);

// Builds a section's text from physical lines (agenda_text.h: Section).
class TextBuilder {
 public:
  explicit TextBuilder(const Layout& layout) : layout_(&layout) {}
  void Add(const Line& line, bool paragraph_break);
  // A line of its own (no reflow), e.g. a name in an attendance list.
  void AddOwnLine(const std::string& text);
  // Continues the text on the same line: a space between, or a hyphenated word joined.
  void AddJoined(const std::string& text);
  const std::string& text() const { return out_; }
  bool empty() const { return out_.empty(); }
  std::string Take();

 private:
  const Layout* layout_;
  std::string out_;
  size_t last_length_ = 0;  // code points of the last physical line
  bool last_list_ = false;  // the last physical line started a list line
  char last_char_ = 0;      // its last byte
};

// Joins `next` onto `out` whose last physical line ended with a hyphen: the hyphen goes
// when a lower-case letter is on both sides ("udvik-" "ling"), stays before "og" ("Børne-
// og") and after capitals ("KB-" "seminaret"). Returns false when `out` does not end in
// such a hyphen.
bool JoinHyphenated(std::string& out, std::string_view next, const std::vector<std::string>& keep_before);

size_t CodePoints(std::string_view s);
bool StartsLower(std::string_view s);

}  // namespace bs::agenda_import::internal
