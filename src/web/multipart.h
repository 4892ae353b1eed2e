// multipart/form-data bodies (RFC 7578), for attachment uploads. Small and strict:
// parts with a Content-Disposition name, optional filename and Content-Type.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bs::web {

struct Part {
  std::string name;
  std::string filename;       // empty for ordinary fields
  bool is_file = false;       // a filename parameter was present (even empty)
  std::string content_type;   // as sent, may be empty
  std::string data;
};

class Multipart {
 public:
  // nullopt when the Content-Type has no boundary or the body is malformed.
  static std::optional<Multipart> Parse(std::string_view content_type, std::string_view body);
  // The value of the first ordinary field `name` without copying any other part (the
  // CSRF check reads `_csrf` of an upload this way); "" when absent or malformed.
  static std::string FieldOf(std::string_view content_type, std::string_view body, const std::string& name);
  // The first part with this name, or nullptr.
  const Part* Find(const std::string& name) const;
  // A field's value ("" when absent).
  std::string Get(const std::string& name) const;
  const std::vector<Part>& parts() const { return parts_; }

 private:
  std::vector<Part> parts_;
};

}  // namespace bs::web
