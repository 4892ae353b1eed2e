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
      {"direktion", "Jens Kragh", Role::kDirector, "", {{"DIR", "medlem", "01-01-2022", "", ""}}},
      {"sekretaer", "Pia Skov", Role::kSecretary, "", {{"ØK", "sekretaer", "01-01-2022", "", ""}, {"KB", "sekretaer", "01-01-2022", "", ""}}},
      {"politiker", "Ole Bæk", Role::kPolitician, "",
       {{"ØK", "medlem", "01-01-2022", "", "V"}, {"BUU", "formand", "01-01-2022", "", "V"}, {"KB", "medlem", "01-01-2022", "", "V"},
        {"MTU", "medlem", "01-01-2022", "31-12-2023", "V"}}},
      // Members the seeds name in their minutes' attendance (seeds 000, 002 and 003), with
      // their party letters as the minutes print them; accounts without a printed
      // password, there so that the minutes can name them.
      {"diana", "Diana Therese Mikkelsen", Role::kPolitician, "", {{"ØK", "medlem", "01-01-2022", "", "Æ"}}, false},
      {"allan", "Allan Gjersbøl Jørgensen", Role::kPolitician, "",
       {{"ØK", "medlem", "01-01-2022", "", "A"}, {"KB", "medlem", "01-01-2022", "", "A"}}, false},
      {"bente", "Bente Hedegaard", Role::kPolitician, "", {{"BUU", "medlem", "01-01-2022", "", "A"}}, false},
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
