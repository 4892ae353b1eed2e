// The start pages (issue 14): "Mit overblik" per role and the public home page.
#pragma once

#include <string>

#include "app/start_page.h"

namespace bs::web::views {

std::string StartPageView(const StartPage& p);

}  // namespace bs::web::views
