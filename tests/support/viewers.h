// A signed-in viewer with one role, for tests that call services directly.
#pragma once

#include <string>

#include "app/access.h"

namespace bs::testing {

inline Viewer SignedIn(Role role, std::string username = "test", std::string name = "test") {
  Viewer v;
  User u;
  u.username = std::move(username);
  u.name = std::move(name);
  u.roles = {role};
  u.active = true;
  v.user = u;
  return v;
}

}  // namespace bs::testing
