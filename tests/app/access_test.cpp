// The access rule as a table: person x object x action -> expected decision (issue 5).
#include "app/access.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

using K = Resource::Kind;
constexpr Decision kAllow = Decision::kAllow;
constexpr Decision k403 = Decision::kForbidden;
constexpr Decision k404 = Decision::kHidden;

Viewer Person(std::set<Role> roles, std::vector<std::string> departments = {}, std::vector<Membership> seats = {},
              std::string name = "Person") {
  Viewer v;
  User u;
  u.id = 7;
  u.username = "p";
  u.name = std::move(name);
  u.roles = std::move(roles);
  u.departments = std::move(departments);
  v.user = u;
  v.memberships = std::move(seats);
  return v;
}

Membership Seat(const std::string& body, MembershipKind kind = MembershipKind::kMember) {
  Membership m;
  m.body = body;
  m.kind = kind;
  m.from = Date{2022, 1, 1};
  return m;
}

Resource Item(bool published, const std::string& committee, const std::string& responsible = "") {
  Resource r = Resource::Of(K::kItem, published);
  r.committee = committee;
  r.responsible = responsible;
  return r;
}

struct Row {
  const char* who;
  Viewer viewer;
  Action action;
  Resource resource;
  Decision expected;
};

TEST(AccessRuleTest, Table) {
  const Viewer anon = Viewer::Anonymous();
  const Viewer admin = Person({Role::kAdministrator});
  const Viewer finance = Person({Role::kFinance});
  const Viewer head_buu = Person({Role::kDepartmentHead}, {"BUU"}, {}, "Søren Dahl");
  const Viewer director = Person({Role::kDirector});
  const Viewer secretary_ok = Person({Role::kSecretary}, {}, {Seat("ØK", MembershipKind::kSecretary)});
  const Viewer politician_ok = Person({Role::kPolitician}, {}, {Seat("ØK")});
  Viewer inactive = Person({Role::kFinance});
  inactive.user->active = false;

  const Resource published_plan = Resource::Plan(true);
  const Resource unpublished_plan = Resource::Plan(false);
  const Resource buu_item = Item(true, "BUU");
  const Resource au_item = Item(true, "AU");
  const Resource au_item_of_soren = Item(true, "AU", "Søren Dahl");
  const Resource hidden_item = Item(false, "BUU");
  const Resource closed_ok_case = Resource::Meeting(K::kCase, "ØK", true);
  const Resource closed_buu_case = Resource::Meeting(K::kCase, "BUU", true);
  const Resource open_buu_case = Resource::Meeting(K::kAgendaItem, "BUU", false);
  const Resource closed_buu_attachment = Resource::Meeting(K::kAttachment, "BUU", true);
  const Resource admin_pages = Resource::Of(K::kAdministration);

  const std::vector<Row> rows = {
      // The live plan: public only through its published versions.
      {"anon", anon, Action::kRead, published_plan, k403},
      {"anon", anon, Action::kRead, unpublished_plan, k404},
      {"anon", anon, Action::kRead, Resource::Of(K::kVersion, true), kAllow},
      {"anon", anon, Action::kRead, Resource::Of(K::kVersion, false), k404},
      {"anon", anon, Action::kRead, Resource::Of(K::kRedlineToNow, true), k403},
      {"anon", anon, Action::kRead, buu_item, k403},
      {"anon", anon, Action::kRead, hidden_item, k404},
      {"anon", anon, Action::kEdit, hidden_item, k404},
      {"anon", anon, Action::kRead, Resource::Of(K::kHistory, false), k404},
      {"anon", anon, Action::kRead, admin_pages, k403},
      {"inactive", inactive, Action::kRead, unpublished_plan, k404},
      // Finance edits all of a plan and publishes; reads history.
      {"finance", finance, Action::kRead, unpublished_plan, kAllow},
      {"finance", finance, Action::kEdit, au_item, kAllow},
      {"finance", finance, Action::kPublish, published_plan, kAllow},
      {"finance", finance, Action::kSetup, unpublished_plan, kAllow},
      {"finance", finance, Action::kHandleObs, buu_item, kAllow},
      {"finance", finance, Action::kRead, Resource::Of(K::kHistory, true), kAllow},
      {"finance", finance, Action::kAdminister, admin_pages, k403},
      // Head of department: status on own department's items or those they answer for.
      {"fagchef", head_buu, Action::kReportStatus, buu_item, kAllow},
      {"fagchef", head_buu, Action::kReportStatus, au_item, k403},
      {"fagchef", head_buu, Action::kReportStatus, au_item_of_soren, kAllow},
      {"fagchef", head_buu, Action::kEdit, buu_item, k403},
      {"fagchef", head_buu, Action::kHandleObs, buu_item, k403},
      {"fagchef", head_buu, Action::kPublish, published_plan, k403},
      {"fagchef", head_buu, Action::kRead, hidden_item, kAllow},
      // Directors read everything and handle OBS points, but do not edit items.
      {"direktion", director, Action::kHandleObs, au_item, kAllow},
      {"direktion", director, Action::kReportStatus, au_item, kAllow},
      {"direktion", director, Action::kEdit, au_item, k403},
      {"direktion", director, Action::kRead, closed_buu_case, kAllow},
      // Secretary: the meetings of the bodies they serve.
      {"sekretær ØK", secretary_ok, Action::kRead, closed_ok_case, kAllow},
      {"sekretær ØK", secretary_ok, Action::kEdit, closed_ok_case, kAllow},
      {"sekretær ØK", secretary_ok, Action::kRead, closed_buu_case, k403},
      {"sekretær ØK", secretary_ok, Action::kEdit, open_buu_case, k403},
      {"sekretær ØK", secretary_ok, Action::kEdit, buu_item, k403},
      // Politician: their bodies' material, closed included; not another body's.
      {"politiker ØK", politician_ok, Action::kRead, closed_ok_case, kAllow},
      {"politiker ØK", politician_ok, Action::kRead, closed_buu_case, k403},
      {"politiker ØK", politician_ok, Action::kRead, closed_buu_attachment, k403},
      {"politiker ØK", politician_ok, Action::kRead, open_buu_case, kAllow},
      {"politiker ØK", politician_ok, Action::kRead, unpublished_plan, kAllow},
      {"politiker ØK", politician_ok, Action::kRead, Resource::Of(K::kHistory, true), k403},
      {"politiker ØK", politician_ok, Action::kEdit, buu_item, k403},
      {"politiker ØK", politician_ok, Action::kReportStatus, buu_item, k403},
      {"politiker ØK", politician_ok, Action::kEdit, closed_ok_case, k403},
      // The public: open meeting material yes, closed no (listed by title only).
      {"anon", anon, Action::kRead, open_buu_case, kAllow},
      {"anon", anon, Action::kRead, closed_ok_case, k403},
      {"anon", anon, Action::kRead, closed_buu_attachment, k403},
      // Administrators: everything, including the administration.
      {"admin", admin, Action::kAdminister, admin_pages, kAllow},
      {"admin", admin, Action::kEdit, au_item, kAllow},
      {"admin", admin, Action::kRead, closed_buu_case, kAllow},
  };
  for (const auto& row : rows)
    EXPECT_EQ(Decide(row.viewer, row.action, row.resource), row.expected)
        << row.who << " action " << static_cast<int>(row.action) << " on kind " << static_cast<int>(row.resource.kind);
}

TEST(AccessRuleTest, PoliticianWhoseMembershipEndedLosesClosedMaterial) {
  Viewer v = Person({Role::kPolitician}, {}, {});  // memberships hold only those active today
  EXPECT_EQ(Decide(v, Action::kRead, Resource::Meeting(K::kCase, "ØK", true)), k403);
}

TEST(AccessRuleTest, InternalFieldsAreRedactedForPoliticiansAndThePublic) {
  ItemData d;
  d.title = "Punkt";
  d.directors_role = "INTERN ROLLE";
  d.obs = true;
  d.obs_note = "INTERN NOTE";
  PlanItem item = PlanItem::Restore(1, 1, d, 1, 0, 0);
  for (const Viewer& v : {Viewer::Anonymous(), Person({Role::kPolitician})}) {
    PlanItem r = Redact(v, item);
    EXPECT_EQ(r.data().directors_role, "");
    EXPECT_EQ(r.data().obs_note, "");
    EXPECT_TRUE(r.data().obs);  // the flag itself is public; the note is not
    EXPECT_EQ(r.data().title, "Punkt");
  }
  for (Role role : {Role::kFinance, Role::kDirector, Role::kDepartmentHead, Role::kSecretary, Role::kAdministrator}) {
    PlanItem r = Redact(Person({role}), item);
    EXPECT_EQ(r.data().directors_role, "INTERN ROLLE");
    EXPECT_EQ(r.data().obs_note, "INTERN NOTE");
  }
  std::vector<StatusUpdate> updates(1);
  updates[0].obs_note = "INTERN";
  RedactAll(Viewer::Anonymous(), updates);
  EXPECT_EQ(updates[0].obs_note, "");
}

TEST(AccessRuleTest, CheckGivesNotFoundOrPermissionDenied) {
  auto hidden = Check(Viewer::Anonymous(), Action::kRead, Resource::Plan(false), "planen");
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(hidden.error().message, "Planen findes ikke.");
  auto forbidden = Check(Person({Role::kPolitician}), Action::kEdit, Resource::Plan(true), "planen");
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().code, ErrorCode::kPermissionDenied);
}

TEST(AccessRuleTest, AccessClassSeparatesWhatTheRuleLooksAt) {
  EXPECT_EQ(Viewer::Anonymous().AccessClass(), "anon");
  EXPECT_NE(Person({Role::kFinance}).AccessClass(), Person({Role::kPolitician}).AccessClass());
  EXPECT_NE(Person({Role::kPolitician}, {}, {Seat("ØK")}).AccessClass(), Person({Role::kPolitician}, {}, {Seat("BUU")}).AccessClass());
  EXPECT_NE(Person({Role::kDepartmentHead}, {"BUU"}).AccessClass(), Person({Role::kDepartmentHead}, {"AU"}).AccessClass());
}

}  // namespace
}  // namespace bs
