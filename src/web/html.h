// The one escaping helper (STYLE.md): every piece of HTML is built by appending to an
// Html buffer, and every string that is not a literal goes through Text() or Attr().
#pragma once

#include <string>
#include <string_view>

namespace bs::web {

// Per-session slots (issue 5). Pages are rendered once per access class and cached;
// what differs per session is filled in afterwards by the Site (web/session.cpp):
// kSlot followed by 'U' is the header's sign-in state, followed by 'C' the CSRF field
// of a POST form. Html writes the 'C' slot after the opening tag of every
// `<form method="post"` it is given, so views cannot forget it. Escaped text never
// contains kSlot (the escaper drops it), so user text cannot forge a slot.
inline constexpr char kSlot = '\x01';
inline constexpr const char* kUserBarSlot = "\x01U";

// Appends `s` escaped for HTML text and attribute values (& < > " ').
void AppendEscaped(std::string& out, std::string_view s);
std::string Escape(std::string_view s);

class Html {
 public:
  Html() { out_.reserve(16 * 1024); }
  // Literal markup written by us; never pass user data here.
  Html& Raw(std::string_view markup) {
    if (!form_open_ && markup.find("<form method=\"post\"") == std::string_view::npos) out_.append(markup);
    else RawWithCsrfSlots(markup);
    return *this;
  }
  // Any text: escaped.
  Html& Text(std::string_view s) { AppendEscaped(out_, s); return *this; }
  Html& Text(long long n) { out_.append(std::to_string(n)); return *this; }
  // Text with line breaks kept as <br>.
  Html& Multiline(std::string_view s);
  std::string Take() { return std::move(out_); }
  std::string& buffer() { return out_; }

 private:
  void RawWithCsrfSlots(std::string_view markup);
  std::string out_;
  bool form_open_ = false;  // inside the opening tag of a POST form
};

}  // namespace bs::web
