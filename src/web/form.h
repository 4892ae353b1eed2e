// Query strings and application/x-www-form-urlencoded bodies.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bs::web {

// Decodes %XX (and '+' as space when plus_is_space); false on a malformed escape.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);
std::string PercentEncode(std::string_view in);

// Parsed key/value pairs; later duplicates are kept in `all`, `Get` returns the first.
class FormData {
 public:
  // False when an escape is malformed or a value is not UTF-8.
  static bool Parse(std::string_view encoded, FormData* out);
  std::string Get(const std::string& key) const;
  bool Has(const std::string& key) const { return values_.count(key) > 0; }
  const std::multimap<std::string, std::string>& all() const { return values_; }

 private:
  std::multimap<std::string, std::string> values_;
};

}  // namespace bs::web
