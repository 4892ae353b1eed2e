#include "domain/plan/proposal_code.h"

#include "core/text.h"

namespace bs {
namespace {
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
Error Bad(const std::string& code, const std::string& why) {
  return InvalidArgument("Forslagskoden «" + code + "» er ugyldig: " + why +
                         " Skriv den som i kataloget, fx R307(B), R001(I)(B) eller R706.");
}
}  // namespace

Result<ProposalCode> ProposalCode::Parse(std::string_view input) {
  std::string s = text::Trim(input);
  if (s.empty()) return InvalidArgument("Forslagskoden mangler.");
  if (s.size() > 40) return Bad(s.substr(0, 40) + "…", "den er for lang.");
  ProposalCode code;
  code.text_ = s;
  size_t i = 0;
  while (i < s.size() && IsUpper(s[i]) && i < 3) code.prefix_.push_back(s[i++]);
  if (code.prefix_.empty()) return Bad(s, "den skal begynde med et stort bogstav.");
  std::string number;
  while (i < s.size() && IsDigit(s[i])) number.push_back(s[i++]);
  if (number.empty()) return Bad(s, "der mangler et nummer efter " + code.prefix_ + ".");
  if (number.size() > 5) return Bad(s, "nummeret er for langt.");
  code.number_ = std::stoi(number);
  code.digits_ = static_cast<int>(number.size());
  if (i < s.size() && s[i] == ' ') {
    ++i;
    if (i >= s.size() || s[i] != '(') return Bad(s, "efter nummeret må kun følge bogstaver i parentes.");
  }
  while (i < s.size()) {
    if (s[i] != '(') return Bad(s, "efter nummeret må kun følge bogstaver i parentes.");
    ++i;
    std::string flag;
    while (i < s.size() && IsUpper(s[i])) flag.push_back(s[i++]);
    if (flag.empty() || flag.size() > 3) return Bad(s, "en parentes skal indeholde 1-3 store bogstaver.");
    if (i >= s.size() || s[i] != ')') return Bad(s, "en parentes er ikke lukket.");
    ++i;
    code.flags_.push_back(flag);
  }
  return code;
}

}  // namespace bs
