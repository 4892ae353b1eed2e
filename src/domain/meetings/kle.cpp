#include "domain/meetings/kle.h"

#include "domain/meetings/meeting.h"

namespace bs {

KleIndex::KleIndex(const std::vector<KleEntry>& entries) {
  for (const auto& e : entries) {
    titles_.emplace(e.number, e.title);
    if (e.kind == "facet") has_facets_ = true;
  }
}

Result<std::string> KleIndex::Titles(std::string_view journal_number) const {
  auto valid = ValidateKle(journal_number);
  if (!valid.ok()) return valid.error();
  if (empty()) return std::string();
  const std::string& n = *valid;
  // The subject is what the journal number files the case under; a list without facets
  // (an extract of subjects) does not make a facet wrong.
  std::string subject = n.substr(0, 8);
  auto s = titles_.find(subject);
  if (s == titles_.end()) return NotFound("KLE-nummeret " + subject + " findes ikke i KLE-listen.");
  std::string out = s->second;
  if (n.size() == 12) {
    std::string facet = n.substr(9);
    auto f = titles_.find(facet);
    if (f != titles_.end()) out += ", " + f->second;
    else if (has_facets_) return NotFound("Handlingsfacetten " + facet + " i KLE-nummeret " + n + " findes ikke i KLE-listen.");
  }
  return out;
}

}  // namespace bs
