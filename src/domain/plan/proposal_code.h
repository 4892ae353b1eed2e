// Proposal codes from the råderumskatalog, e.g. "R307(B)", "R001(I)(B)", "R101 (I)(B)",
// "R706". The code is kept exactly as written (a single space before the flags is
// part of how the catalogue writes some codes) and parsed into prefix, number and
// flag letters for sorting and filtering.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bs {

class ProposalCode {
 public:
  static Result<ProposalCode> Parse(std::string_view text);

  const std::string& text() const { return text_; }      // as written
  const std::string& prefix() const { return prefix_; }  // "R"
  int number() const { return number_; }                 // 307
  int digits() const { return digits_; }                 // 3 for "R001"
  const std::vector<std::string>& flags() const { return flags_; }  // {"I","B"}
  bool operator==(const ProposalCode& o) const { return text_ == o.text_; }

 private:
  std::string text_;
  std::string prefix_;
  int number_ = 0;
  int digits_ = 0;
  std::vector<std::string> flags_;
};

}  // namespace bs
