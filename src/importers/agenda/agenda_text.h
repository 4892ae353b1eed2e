// Agenda text import (issue 13): an agenda or minutes as text extracted from a PDF (the
// format of ../shared/seeds) becomes agenda items with their case head (case number,
// KLE journal number, Åben/Lukket sag, Sagsgang, Sagsansvarlig), sections, decisions,
// attendance, attachments and the råderum proposal codes they mention.
//
// Agenda systems lay the same things out differently, so a layout is data (Layout): a
// table of line rules (a role, a regular expression, which capture group is which
// field, a cheap pre-filter) and a table of headings. A new layout is a table entry in
// agenda_layouts.cpp, not new code. Every line is either consumed by a rule (blank
// lines, page headers/footers, signature pages and the attachment overview are consumed
// as noise and counted) or reported in `unrecognised` with its 1-based line number;
// nothing is silently dropped.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/plan/plan.h"
#include "domain/plan/plan_item.h"

namespace bs::agenda_import {

// A section as printed: heading "Sagsfremstilling"; text with paragraphs joined by
// "\n\n", list lines (bullets as "- ...", numbered as "1. ...") and lines that ended on
// purpose (short lines) by "\n", wrapped lines joined by a space, and words hyphenated
// at line ends joined ("udvik-" + "ling" -> "udvikling"; "Børne-" + "og" keeps "Børne- og").
struct Section {
  std::string heading;
  std::string text;
  std::string field;  // the AgendaSections member it fills ("presentation"), "" if none
  int line = 0;
};

// "Beslutning i Økonomiudvalget den 10-06-2025" and the text after it; decisions from a
// "Sagsforløb" block of earlier meetings have earlier = true. The attendance printed
// after a decision (Fraværende/Afbud) belongs to that meeting: names one per line,
// joined by "\n".
struct Decision {
  std::string body;
  std::optional<Date> date;
  std::string text;
  std::string absent;
  std::string apologies;
  bool earlier = false;
  int line = 0;
};

// "1 - 3389825 Åben Udmøntningsplan 2023-2026 (151433/22) (H)": number "1", id "3389825",
// access "open", title "Udmøntningsplan 2023-2026", document_number "151433/22", marks {"H"}.
struct AttachmentRef {
  std::string number;
  std::string title;
  std::string access;  // "open", "closed" or "" when the line does not say
  std::string id;
  std::string document_number;
  std::vector<std::string> marks;
  int line = 0;
};

struct ImportedItem {
  int line = 0;                     // where the item starts
  std::optional<int> number;        // "7.  Status på ..." -> 7
  std::string title;
  std::string case_number;          // normalised by CaseNumber::Parse ("24/7615")
  std::string journal_number;       // KLE as written, shape checked ("00.30.10.S00")
  std::optional<bool> closed;       // Åben sag / Lukket sag; nullopt when not printed
  std::vector<std::string> route;   // Sagsgang: body codes in order ("DIR", "ØK", "KB")
  std::string responsible;          // Sagsansvarlig
  std::vector<Section> sections;
  std::vector<Decision> decisions;
  std::vector<std::string> proposal_codes;  // without spaces, unique, in order: "R101(I)(B)"
  std::vector<AttachmentRef> attachments;
  // Attendance of the meeting the text is from: that of the last decision, or printed
  // in the item outside any decision.
  std::string absent;
  std::string apologies;
  bool markdown = false;  // the item was written with Markdown markup (### headings)
};

struct UnrecognisedLine {
  int line = 0;
  std::string text;    // the line as it stands in the file (trimmed)
  std::string reason;  // Danish: why it could not be placed
};

// Lines consumed without content, per kind.
struct NoiseCount {
  int blank = 0;
  int page_furniture = 0;       // page headers/footers and page numbers
  int table_rules = 0;          // "-------  ------" lines (Role::kNoise)
  int signature_page = 0;
  int attachment_overview = 0;  // "Bilagsoversigt" (repeats the items' Bilag lists)
};

struct AgendaImport {
  std::string layout;
  int lines = 0;
  std::vector<ImportedItem> items;
  std::vector<UnrecognisedLine> unrecognised;
  NoiseCount noise;
};

// What a line is to the parser.
enum class Role {
  kItemStart,     // starts an item by itself; groups: number, title
  kItemTitle,     // an item title, only when the next significant line is a kCaseLine
  kCaseLine,      // kle, case, access: the case head; starts an item unless a title just did
  kCaseNumber,    // case
  kJournal,       // kle
  kAccess,        // access
  kRoute,         // Sagsgang; value (inline) or the lines after it
  kResponsible,   // Sagsansvarlig; value or the lines after it
  kSection,       // a section heading
  kDecision,      // body, date, text (inline, optional)
  kAbsent,        // Fraværende; value or one name per line after it
  kApologies,     // Afbud
  kAttachments,   // the start of a Bilag list
  kAttachment,    // number, id, access, title: only inside a Bilag list
  kHistory,       // Sagsforløb: earlier decisions follow
  kHistoryEntry,  // body, date, text: only inside a Sagsforløb block
  kPageFurniture, // page header/footer: noise
  kPageNumber,    // a bare page number: noise only right after page furniture
  kSignaturePage, // everything after it, up to the next item, is noise
  kOverview,      // the attachment overview: noise up to the next item or signature page
  kNoise,         // a line that carries nothing (table rules "-----")
};

// One line rule: a regular expression (ECMAScript, matched against the whole cleaned
// line: trimmed, runs of whitespace as one space, Markdown markup removed) whose capture
// groups are named, in order, by `groups` ("number", "title", "kle", "case", "access",
// "body", "date", "text", "value", "id"; "" for a group to ignore). The pre-filter is
// what keeps 25,000 lines fast: the regex runs only on lines of at most `max_length`
// bytes that contain `hint` (within the first `hint_within` bytes when that is set).
struct LineRule {
  Role role;
  std::string pattern;
  std::vector<std::string> groups;
  std::string hint;
  size_t max_length = 200;
  size_t hint_within = 0;  // 0: anywhere
};

// A heading: the line (cleaned, one trailing ':' removed) equals one of `texts`.
struct HeadingRule {
  Role role;
  std::vector<std::string> texts;
  std::string field;  // for kSection: the AgendaSections member ("background", ...)
};

struct Layout {
  std::string name;
  std::string description;
  std::vector<LineRule> rules;        // tried in order; the first match decides
  std::vector<HeadingRule> headings;  // exact headings, tried before the rules
  // Access words meaning closed (case-folded compare); any other access text is open.
  std::vector<std::string> closed_words = {"lukket"};
  // A Sagsgang line is a route when it splits (on these separators) into body codes.
  std::string route_separator = R"(\s*(?:,|→|->|–)\s*)";
  std::string route_code = R"([A-ZÆØÅ][A-ZÆØÅa-zæøå0-9]{0,7})";
  // Bullets at a line's start, as printed (the PDF's Symbol-font bullet U+F0B7 first).
  std::vector<std::string> bullets = {"\xEF\x82\xB7", "\xE2\x80\xA2", "\xE2\x97\x8F", "- ", "– ", "* "};
  // A physical line shorter than this (code points) ended on purpose: the next line
  // starts a new line of text instead of continuing it (PDF reflow).
  size_t short_line = 60;
  // A physical line shorter than this that ends a sentence (. : ! ?) ended on purpose too,
  // and only after such a line (or a list line) does "1. ..." start a numbered list line
  // ("hhv. d." + "17. og 26. juni" is one sentence).
  size_t sentence_line = 80;
  // A line indented by a space right after an empty line, next to another such line, is
  // a bullet whose glyph the PDF extraction lost (a page's first line is indented too,
  // but follows the previous page's last line without an empty line).
  bool indented_bullets = true;
  // An empty line breaks a paragraph (texts with one line per paragraph); otherwise only
  // a line of spaces or two empty lines do (PDF extraction puts an empty line after
  // every line). Items written in Markdown always break on an empty line.
  bool empty_line_breaks_paragraph = false;
  // Hyphen at a line's end followed by one of these words is a real hyphen ("Børne- og").
  std::vector<std::string> hyphen_keep_before = {"og", "eller", "samt", "til"};
  bool strip_markdown = true;  // "### **Lovgrundlag**" -> "Lovgrundlag"
};

// The built-in layouts: "norddjurs" (the seeds) and "sagsnr" ("Nr.275 - title",
// "Sagsnr.: 17/20180", "Beslutningstema", numbered recommendations, "Sagsforløb").
const std::vector<Layout>& BuiltInLayouts();
// A built-in layout by name; nullptr when there is none.
const Layout* FindLayout(std::string_view name);

inline constexpr size_t kMaxTextBytes = 20u * 1024 * 1024;

// Parses `text` with `layout`. Errors: InvalidArgument for empty input, text that is not
// UTF-8 (the message names the line) or a layout whose pattern does not compile;
// TooLarge over kMaxTextBytes. A UTF-8 BOM, CR LF and form feeds are accepted.
Result<AgendaImport> Parse(std::string_view text, const Layout& layout);
// Parses with every built-in layout and keeps the one that places most lines (the
// first on a tie).
Result<AgendaImport> ParseDetect(std::string_view text);

// Proposal codes of the råderum shape in `text`: "R" + 3-5 digits + flag groups "(X)",
// with or without a space before the flags, normalised without spaces, unique, in order.
std::vector<std::string> FindProposalCodes(std::string_view text);

// The plan items whose proposal code is one of the item's (compared without spaces).
std::vector<ItemId> LinkedPlanItems(const ImportedItem& item, const std::vector<PlanItem>& plan_items);

// The JSON of the CLI contract (`budgetspor import agenda-text --dry-run --json FILE`),
// pretty-printed with two-space indents, UTF-8:
// {"layout", "lines", "items": [{"line", "number", "title", "case_number",
//  "journal_number", "access": "open"|"closed"|null, "route": [..], "responsible",
//  "sections": [{"heading", "field", "line", "text"}], "decisions": [{"body", "date"
//  (yyyy-mm-dd), "text", "absent", "apologies", "earlier", "line"}], "proposal_codes",
//  "attachments": [{"number", "title", "access", "id", "document_number", "marks",
//  "line"}], "absent", "apologies"}], "unrecognised": [{"line", "text", "reason"}],
//  "noise": {...}}. Text the import did not find is null (strings) or empty (lists).
std::string ToJson(const AgendaImport& import);

// What the KLE list says of a journal number: its title ("00.30.10 Budgetlægning, S00
// Styring") or the problem (Danish). kle_import::LookupIn gives one for a parsed list.
struct JournalCheck {
  std::string title;
  std::string problem;
};
using JournalLookup = std::function<JournalCheck(const std::string& journal_number)>;
// As ToJson, with "journal_title" and "journal_problem" after "journal_number" (null
// when the item has no journal number or nothing to say).
std::string ToJson(const AgendaImport& import, const JournalLookup& lookup);

}  // namespace bs::agenda_import
