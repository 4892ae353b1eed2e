// Administration: users, roles, memberships and the audit log. Administrators only;
// PeopleService asks the access rule on every call.
#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/handler_helpers.h"
#include "web/routes.h"
#include "web/views/people_views.h"

namespace bs::web {
namespace {

UserDraft DraftFromForm(const FormData& form) {
  UserDraft d;
  d.username = form.Get("username");
  d.name = form.Get("name");
  d.departments = form.Get("departments");
  for (const auto& [k, v] : form.all())
    if (k == "roles") d.roles.push_back(v);
  d.active = form.Get("active") == "1";
  return d;
}

UserDraft DraftFromUser(const User& u) {
  UserDraft d;
  d.username = u.username;
  d.name = u.name;
  d.departments = text::Join(u.departments, ", ");
  for (Role r : u.roles) d.roles.push_back(Slug(r));
  d.active = u.active;
  return d;
}


Response UsersList(Services s, const Request& r, const views::UserFormModel& form, int status) {
  auto users = s.people.ListUsers(r.viewer);
  if (!users.ok()) return Denied(r, users.error());
  auto bodies = s.plans.ListBodies();
  if (!bodies.ok()) return HtmlError(bodies.error());
  return Response::Html(status, views::UsersPage(*users, *bodies, form));
}

Response ShowUsers(Services s, const Request& r, const Params&) {
  views::UserFormModel form;
  if (r.query.find("oprettet=1") != std::string::npos) form.notice = "Brugeren er oprettet.";
  return UsersList(s, r, form, 200);
}

Response CreateUser(Services s, const Request& r, const Params&) {
  FormData form = TRY_PAGE(ReadForm(r));
  views::UserFormModel m;
  m.draft = DraftFromForm(form);
  m.draft.active = true;
  m.without_login = form.Get("uden_login") == "1";
  auto created = s.people.CreateUser(r.viewer, m.draft, form.Get("password"), r.remote, !m.without_login);
  if (created.ok()) return Response::Redirect("/admin/brugere/" + std::to_string(created->id) + "?gemt=1");
  if (created.error().fields.empty()) return Denied(r, created.error());
  m.errors = created.error().fields;
  return UsersList(s, r, m, HttpStatus(created.error().code));
}

Response RenderUser(Services s, const Request& r, UserId id, views::UserPageModel m, int status) {
  auto details = s.people.GetUser(r.viewer, id);
  if (!details.ok()) return Denied(r, details.error());
  auto bodies = s.plans.ListBodies();
  if (!bodies.ok()) return HtmlError(bodies.error());
  m.details = std::move(*details);
  m.bodies = std::move(*bodies);
  m.today = s.people.Today();
  if (m.draft.name.empty()) m.draft = DraftFromUser(m.details.user);
  if (m.membership.from.empty()) m.membership.from = m.today.Short();
  if (m.membership.kind.empty()) m.membership.kind = "medlem";
  return Response::Html(status, views::UserPage(m));
}

Response ShowUser(Services s, const Request& r, const Params& p) {
  UserId id = TRY_PAGE(PathId(p, "id", "Brugeren findes ikke."));
  views::UserPageModel m;
  if (r.query.find("gemt=1") != std::string::npos) m.notice = "Gemt.";
  return RenderUser(s, r, id, m, 200);
}

// After a change: back to the user's page, or the page with the errors and input kept.
Response AfterChange(Services s, const Request& r, UserId id, const Status& st, views::UserPageModel m) {
  if (st.ok()) return Response::Redirect("/admin/brugere/" + std::to_string(id) + "?gemt=1");
  if (st.error().fields.empty()) return Denied(r, st.error());
  m.errors = st.error().fields;
  return RenderUser(s, r, id, m, HttpStatus(st.error().code));
}

Response UpdateUser(Services s, const Request& r, const Params& p) {
  UserId id = TRY_PAGE(PathId(p, "id", "Brugeren findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  views::UserPageModel m;
  m.draft = DraftFromForm(form);
  auto updated = s.people.UpdateUser(r.viewer, id, m.draft, r.remote);
  return AfterChange(s, r, id, updated.ok() ? OkStatus() : Status(updated.error()), m);
}

Response SetPassword(Services s, const Request& r, const Params& p) {
  UserId id = TRY_PAGE(PathId(p, "id", "Brugeren findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  return AfterChange(s, r, id, s.people.SetPassword(r.viewer, id, form.Get("password"), r.remote), {});
}

Response AddMembership(Services s, const Request& r, const Params& p) {
  UserId id = TRY_PAGE(PathId(p, "id", "Brugeren findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  views::UserPageModel m;
  m.membership = {form.Get("body"), form.Get("kind"), form.Get("from"), form.Get("to"), form.Get("party")};
  auto added = s.people.AddMembership(r.viewer, id, m.membership, r.remote);
  return AfterChange(s, r, id, added.ok() ? OkStatus() : Status(added.error()), m);
}

Response EndMembership(Services s, const Request& r, const Params& p) {
  int64_t mid = TRY_PAGE(PathId(p, "mid", "Medlemskabet findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  auto st = s.people.EndMembership(r.viewer, mid, form.Get("to"), r.remote);
  if (st.ok()) return Response::Redirect("/admin/brugere");
  if (!st.error().fields.empty()) return HtmlError(400, st.error().fields.front().message);
  return Denied(r, st.error());
}

Response ShowAudit(Services s, const Request& r, const Params&) {
  FormData q;
  FormData::Parse(r.query, &q);
  std::string side = q.Get("side");
  int page = (!side.empty() && side.size() < 6 && side.find_first_not_of("0123456789") == std::string::npos) ? std::stoi(side) : 1;
  if (page < 1) page = 1;
  constexpr int kPerPage = 100;
  auto entries = s.people.Audit(r.viewer, kPerPage + 1, (page - 1) * kPerPage);
  if (!entries.ok()) return Denied(r, entries.error());
  bool more = static_cast<int>(entries->size()) > kPerPage;
  if (more) entries->pop_back();
  return Response::Html(200, views::AuditPage(*entries, page, more));
}

}  // namespace

void AddAdminPages(Router& router, Services s) {
  auto bind = [s](ServiceHandler fn) { return Bind(s, fn); };
  router.Add("GET", "/admin/brugere", bind(ShowUsers));
  router.Add("POST", "/admin/brugere", bind(CreateUser));
  router.Add("GET", "/admin/brugere/{id}", bind(ShowUser));
  router.Add("POST", "/admin/brugere/{id}", bind(UpdateUser));
  router.Add("POST", "/admin/brugere/{id}/adgangskode", bind(SetPassword));
  router.Add("POST", "/admin/brugere/{id}/medlemskaber", bind(AddMembership));
  router.Add("POST", "/admin/medlemskaber/{mid}/afslut", bind(EndMembership));
  router.Add("GET", "/admin/log", bind(ShowAudit));
}

}  // namespace bs::web
