// The page frame every HTML page shares: skip link, header, navigation, main, footer.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "web/html.h"

namespace bs::web::views {

using Crumbs = std::vector<std::pair<std::string, std::string>>;  // (label, href); last is current

void PageStart(Html& h, const std::string& title, const Crumbs& crumbs);
void PageEnd(Html& h);

// A confirmation note (role=status) and a list of what was wrong (role=alert), shared
// by every form page.
void Notice(Html& h, const std::string& notice);
template <typename Errors>
void ErrorSummary(Html& h, const std::string& heading, const Errors& errors) {
  if (errors.empty()) return;
  h.Raw("<div class=\"error-summary\" role=\"alert\" id=\"fejl\" tabindex=\"-1\"><p>").Text(heading).Raw("</p><ul>");
  for (const auto& e : errors) h.Raw("<li>").Text(e.message).Raw("</li>");
  h.Raw("</ul></div>");
}

}  // namespace bs::web::views
