// The one escaping helper (STYLE.md): every piece of HTML is built by appending to an
// Html buffer, and every string that is not a literal goes through Text() or Attr().
#pragma once

#include <string>
#include <string_view>

namespace bs::web {

// Appends `s` escaped for HTML text and attribute values (& < > " ').
void AppendEscaped(std::string& out, std::string_view s);
std::string Escape(std::string_view s);

class Html {
 public:
  Html() { out_.reserve(16 * 1024); }
  // Literal markup written by us; never pass user data here.
  Html& Raw(std::string_view markup) { out_.append(markup); return *this; }
  // Any text: escaped.
  Html& Text(std::string_view s) { AppendEscaped(out_, s); return *this; }
  Html& Text(long long n) { out_.append(std::to_string(n)); return *this; }
  // Text with line breaks kept as <br>.
  Html& Multiline(std::string_view s);
  std::string Take() { return std::move(out_); }
  std::string& buffer() { return out_; }

 private:
  std::string out_;
};

}  // namespace bs::web
