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

}  // namespace bs::web::views
