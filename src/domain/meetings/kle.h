// The municipality's KLE list (KL Emnesystematik) as the meeting side keeps it (issue 13):
// entries loaded by `budgetspor import kle`, against which a case's journal number is
// checked and beside which its title is shown. Pure: the list comes from the store.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bs {

struct KleEntry {
  std::string number;  // "00.30.10", "00.30", "00", or a facet "S00"
  std::string title;
  std::string kind;    // "main_group", "group", "subject", "facet"
  bool operator==(const KleEntry&) const = default;
};

// Where the stored list came from (shown and logged, never checked).
struct KleMeta {
  std::string source;  // file name
  std::string author;  // who loaded it
  int64_t at = 0;      // unix seconds
  bool operator==(const KleMeta&) const = default;
};

class KleIndex {
 public:
  KleIndex() = default;
  explicit KleIndex(const std::vector<KleEntry>& entries);

  // No list loaded: journal numbers are checked for their shape only.
  bool empty() const { return titles_.empty(); }
  bool has_facets() const { return has_facets_; }

  // The titles of a journal number whose shape ValidateKle accepts: "Budgetlægning,
  // Styring" for "00.30.10.S00". NotFound ("KLE-nummeret 00.30.99 findes ikke i
  // KLE-listen.") when its subject (the first three groups) is not in the list, or its
  // facet is not while the list has facets; InvalidArgument for a wrong shape. With an
  // empty list: "" for any well-shaped number.
  Result<std::string> Titles(std::string_view journal_number) const;

 private:
  std::map<std::string, std::string, std::less<>> titles_;
  bool has_facets_ = false;
};

}  // namespace bs
