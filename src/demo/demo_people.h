// Demo people: one user per role with memberships of the demo bodies. Passwords are
// random, returned once to be printed by the demo command, and stored nowhere else
// (only their argon2id hashes).
#pragma once

#include <string>
#include <vector>

#include "app/people_service.h"

namespace bs::demo {

struct DemoUser {
  std::string username;
  std::string name;
  std::string role_label;
  std::string password;  // plain, to print once
};

// Creates the demo users unless users exist already (then returns an empty list).
Result<std::vector<DemoUser>> LoadDemoPeople(PeopleService& people);

}  // namespace bs::demo
