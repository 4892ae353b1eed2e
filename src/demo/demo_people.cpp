#include "demo/demo_people.h"

namespace bs::demo {
namespace {

struct Spec {
  const char* username;
  const char* name;
  Role role;
  const char* departments;
  std::vector<MembershipDraft> memberships;
  bool listed = true;  // printed with a password; the seeds' members are not
};

}  // namespace

Result<std::vector<DemoUser>> LoadDemoPeople(PeopleService& people) {
  std::vector<DemoUser> out;
  // Demo names (invented). The politician sat in ØK and BUU for the whole council
  // term from 2022 (and MTU in 2022-2023 only); the secretary serves ØK and KB; the head of department is BUU's.
  const std::vector<Spec> specs = {
      {"administrator", "Lene Berg", Role::kAdministrator, "", {}},
      {"okonomi", "Mette Holm", Role::kFinance, "", {}},
      {"fagchef", "Søren Dahl", Role::kDepartmentHead, "BUU", {}},
      {"direktion", "Jens Kragh", Role::kDirector, "", {{"DIR", "medlem", "01-01-2022", ""}}},
      {"sekretaer", "Pia Skov", Role::kSecretary, "", {{"ØK", "sekretaer", "01-01-2022", ""}, {"KB", "sekretaer", "01-01-2022", ""}}},
      {"politiker", "Ole Bæk", Role::kPolitician, "",
       {{"ØK", "medlem", "01-01-2022", ""}, {"BUU", "formand", "01-01-2022", ""}, {"KB", "medlem", "01-01-2022", ""},
        {"MTU", "medlem", "01-01-2022", "31-12-2023"}}},
      // Members the seeds name in their minutes' attendance (seeds 000 and 003); accounts
      // without a printed password, there so that the minutes can name them.
      {"diana", "Diana Therese Mikkelsen (Æ)", Role::kPolitician, "", {{"ØK", "medlem", "01-01-2022", ""}}, false},
      {"allan", "Allan Gjersbøl Jørgensen (A)", Role::kPolitician, "", {{"ØK", "medlem", "01-01-2022", ""}}, false},
      {"bente", "Bente Hedegaard (A)", Role::kPolitician, "", {{"BUU", "medlem", "01-01-2022", ""}}, false},
  };
  Viewer system;  // the command line acts as the first administrator below
  for (const auto& spec : specs) {
    UserDraft d;
    d.username = spec.username;
    d.name = spec.name;
    d.roles = {Slug(spec.role)};
    d.departments = spec.departments;
    std::string password = people.NewToken().substr(0, 20);
    auto user = people.CreateUserFromCommandLine(d, password);
    if (!user.ok()) {
      if (!user.error().fields.empty() && user.error().fields.front().field == "username") return std::vector<DemoUser>{};
      return user.error();
    }
    if (spec.role == Role::kAdministrator) system.user = *user;
    for (const auto& m : spec.memberships) {
      auto added = people.AddMembership(system, user->id, m, "");
      if (!added.ok()) return added.error();
    }
    if (spec.listed) out.push_back({spec.username, spec.name, Label(spec.role), password});
  }
  return out;
}

}  // namespace bs::demo
