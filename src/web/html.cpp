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

void Html::RawWithCsrfSlots(std::string_view m) {
  static constexpr std::string_view kOpen = "<form method=\"post\"";
  while (!m.empty()) {
    if (form_open_) {
      size_t gt = m.find('>');
      if (gt == std::string_view::npos) { out_.append(m); return; }
      out_.append(m.substr(0, gt + 1)).push_back(kSlot);
      out_.push_back('C');
      form_open_ = false;
      m.remove_prefix(gt + 1);
      continue;
    }
    size_t at = m.find(kOpen);
    if (at == std::string_view::npos) { out_.append(m); return; }
    out_.append(m.substr(0, at + kOpen.size()));
    form_open_ = true;
    m.remove_prefix(at + kOpen.size());
  }
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

}  // namespace bs::web
