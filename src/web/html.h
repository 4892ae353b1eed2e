// The one escaping helper (STYLE.md): every piece of HTML is built by appending to an
// Html buffer. Markup comes in three ways only, and the types enforce them:
//   Raw(Literal)     markup written in the source: a string literal, checked at compile
//                    time (a runtime std::string or string_view does not compile);
//   Text(...)        any other string, escaped;
//   Append(SafeHtml) a fragment another Html built (Html::Fragment()).
#pragma once

#include <string>
#include <string_view>

namespace bs::web {

// Per-session slots (issue 5). Pages are rendered once per access class and cached;
// what differs per session is filled in afterwards by the Site (web/session.cpp):
// kSlot followed by 'U' is the header's sign-in state, followed by 'C' the CSRF field
// of a POST form, written by Html::PostForm (the one way to open a POST form). Escaped
// text never contains kSlot (the escaper drops it), so user text cannot forge a slot.
inline constexpr char kSlot = '\x01';
inline constexpr const char* kUserBarSlot = "\x01U";
// On error pages: the request's id, filled by the server as the answer goes out.
inline constexpr char kRequestIdSlotLetter = 'R';
// Fills the request-id slots of `page` with `id` (an id is [0-9a-zA-Z-] only).
std::string FillRequestId(std::string_view page, std::string_view id);
// A page answered without the Site (the server's own 400/413/500): its slots removed, so
// no placeholder byte reaches the browser (the header then shows no sign-in state).
std::string DropSlots(std::string_view page);

// Appends `s` escaped for HTML text and attribute values (& < > " ').
void AppendEscaped(std::string& out, std::string_view s);
std::string Escape(std::string_view s);

// Markup from the source code. The constructor is consteval: only a constant
// expression (a string literal, a constexpr pointer) makes one, so data cannot.
// A choice between two literals: `cond ? Literal("a") : Literal("b")` or Html::RawIf.
class Literal {
 public:
  consteval Literal(const char* s) : text_(s) {}  // NOLINT(google-explicit-constructor): literals convert
  constexpr std::string_view view() const { return text_; }
  constexpr bool empty() const { return text_.empty(); }

 private:
  std::string_view text_;
};

// Markup built by an Html (escaped text and literals); only Html makes one.
class SafeHtml {
 public:
  SafeHtml() = default;
  const std::string& str() const { return html_; }
  bool empty() const { return html_.empty(); }

 private:
  friend class Html;
  explicit SafeHtml(std::string html) : html_(std::move(html)) {}
  std::string html_;
};

class Html {
 public:
  Html() { out_.reserve(16 * 1024); }
  // Literal markup written by us.
  Html& Raw(Literal markup) { out_.append(markup.view()); return *this; }
  Html& RawIf(bool condition, Literal markup) {
    if (condition) out_.append(markup.view());
    return *this;
  }
  // A fragment built by another Html.
  Html& Append(const SafeHtml& fragment) { out_.append(fragment.html_); return *this; }
  // Any text: escaped.
  Html& Text(std::string_view s) { AppendEscaped(out_, s); return *this; }
  Html& Text(long long n) { out_.append(std::to_string(n)); return *this; }
  // Text with line breaks kept as <br>.
  Html& Multiline(std::string_view s);
  // The one way to open a POST form: `<form method="post" action="ACTION" ATTRS>` and
  // the CSRF slot the Site fills per session. `action` is escaped; `attrs` are literal
  // attributes (`class="stack"`, `enctype="multipart/form-data"`).
  Html& PostForm(std::string_view action, Literal attrs = "");

  // The markup so far, as a fragment for Append.
  SafeHtml Fragment() { return SafeHtml(std::move(out_)); }
  // The finished page for a response body (Response::Html takes a string).
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace bs::web
