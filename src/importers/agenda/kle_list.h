// The KLE classification (KL Emnesystematik) as a text list, one entry per line
// "number title" (issue 13): main groups "00 Kommunens styrelse", groups "00.01 ...",
// subjects "00.01.00 ...", handling facets "G01 Generelle sager". Number and title may be
// separated by spaces, a tab or a semicolon; a header line, a UTF-8 BOM, CR LF and blank
// lines are accepted. Journal numbers of agenda items ("00.30.10.S00") are checked
// against the list and shown with their titles (Lookup).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "importers/agenda/agenda_text.h"

namespace bs::kle_import {

enum class Kind { kMainGroup, kGroup, kSubject, kFacet };
const char* Slug(Kind kind);  // "main_group", "group", "subject", "facet"

struct Entry {
  std::string number;  // "00.30.10", "G01"
  std::string title;
  Kind kind = Kind::kSubject;
  int line = 0;
};

// A located problem. Errors are lines that were not taken (wrong number shape, no
// title, a duplicate); warnings are taken but doubtful (a group or subject whose parent
// is not in the list).
struct Problem {
  int line = 0;
  std::string message;  // Danish
  bool warning = false;
};

struct KleList {
  std::vector<Entry> entries;    // in file order
  std::vector<Problem> problems; // by line
  const Entry* Find(std::string_view number) const;

  std::unordered_map<std::string, size_t> index;  // number -> entries position
};

inline constexpr size_t kMaxListBytes = 10u * 1024 * 1024;

// Errors: InvalidArgument for empty or non-UTF-8 input (naming the line), TooLarge over
// kMaxListBytes. Bad lines are problems, not errors.
Result<KleList> Parse(std::string_view text);

// A journal number with its titles: "00.30.10.S00" -> subject "00.30.10" and its title,
// facet "S00" and its title (empty when the number has no facet).
struct JournalTitle {
  std::string subject, subject_title, facet, facet_title;
  std::string Label() const;  // "00.30.10 Budgetlægning, S00 Styring"
};
// InvalidArgument when the number has the wrong shape (domain ValidateKle); NotFound
// ("KLE-nummeret 00.30.99 findes ikke i KLE-listen.") when the subject or the facet is
// not in the list.
Result<JournalTitle> Lookup(const KleList& list, std::string_view journal_number);

// For agenda_import::ToJson: each journal number's Label, or Lookup's error message.
// The lookup borrows `list`, which must outlive it.
agenda_import::JournalLookup LookupIn(const KleList& list);

// {"entries":[{"number","title","kind"}],"problems":[{"line","message","severity"}]},
// two-space indents. severity is "error" or "warning".
std::string ToJson(const KleList& list);

}  // namespace bs::kle_import
