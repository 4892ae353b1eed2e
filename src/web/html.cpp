#include "web/html.h"

namespace bs::web {

void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      case kSlot: break;  // never in output from text: slots are ours
      default: out.push_back(c);
    }
  }
}

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  AppendEscaped(out, s);
  return out;
}

Html& Html::PostForm(std::string_view action, Literal attrs) {
  out_.append("<form method=\"post\" action=\"");
  AppendEscaped(out_, action);
  out_.push_back('"');
  if (!attrs.view().empty()) out_.append(" ").append(attrs.view());
  out_.push_back('>');
  out_.push_back(kSlot);
  out_.push_back('C');
  return *this;
}

Html& Html::Multiline(std::string_view s) {
  size_t start = 0;
  while (true) {
    size_t nl = s.find('\n', start);
    AppendEscaped(out_, s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    out_.append("<br>");
    start = nl + 1;
  }
  return *this;
}

std::string FillRequestId(std::string_view page, std::string_view id) {
  std::string out;
  out.reserve(page.size() + 32);
  for (size_t i = 0; i < page.size(); ++i) {
    if (page[i] == kSlot && i + 1 < page.size() && page[i + 1] == kRequestIdSlotLetter) {
      AppendEscaped(out, id);
      ++i;
      continue;
    }
    out.push_back(page[i]);
  }
  return out;
}

std::string DropSlots(std::string_view page) {
  std::string out;
  out.reserve(page.size());
  for (size_t i = 0; i < page.size(); ++i) {
    if (page[i] == kSlot) { ++i; continue; }  // the slot byte and its letter
    out.push_back(page[i]);
  }
  return out;
}

}  // namespace bs::web
