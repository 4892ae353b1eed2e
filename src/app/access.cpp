#include "app/access.h"

#include <algorithm>

namespace bs {

bool Viewer::SitsIn(const std::string& body) const {
  if (!user || !user->active) return false;
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const Membership& m) { return m.body == body && m.Sits(); });
}

bool Viewer::Serves(const std::string& body) const {
  if (!user || !user->active) return false;
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const Membership& m) { return m.body == body && m.kind == MembershipKind::kSecretary; });
}

bool Viewer::IsStaff() const {
  return Has(Role::kAdministrator) || Has(Role::kFinance) || Has(Role::kDepartmentHead) || Has(Role::kDirector) ||
         Has(Role::kSecretary);
}

std::string Viewer::AuthorName() const { return user ? user->name : "anonym"; }

Viewer Viewer::CommandLine() {
  Viewer v;
  User u;
  u.username = "kommandolinje";
  u.name = "budgetspor (kommandolinje)";
  u.roles = {Role::kFinance};
  u.active = true;
  v.user = u;
  return v;
}

std::string Viewer::AccessClass() const {
  if (!user || !user->active) return "anon";
  std::string s = "r";
  for (Role r : user->roles) s += std::string(":") + Slug(r);
  s += "|d";
  for (const auto& d : user->departments) s += ":" + d;
  s += "|n:" + user->name;  // responsible-officer matching uses the name
  s += "|m";
  for (const auto& m : memberships) s += ":" + m.body + "/" + Slug(m.kind);
  return s;
}

namespace {

// Whether the person may read the live plan and its items at all; the public may not
// (a plan is public only in its published versions).
bool ReadsLive(const Viewer& v) { return v.IsStaff() || v.Has(Role::kPolitician); }

// Denial for someone who may not read the live plan: 403 when the plan's existence is
// public (it has a published version), 404 when it is not.
Decision DenyPlan(const Viewer& v, bool published) {
  if (ReadsLive(v)) return Decision::kForbidden;
  return published ? Decision::kForbidden : Decision::kHidden;
}

bool Responsible(const Viewer& v, const std::string& committee, const std::string& responsible) {
  if (!v.user || !v.user->active) return false;
  if (v.Has(Role::kDepartmentHead)) {
    const auto& deps = v.user->departments;
    if (!committee.empty() && std::find(deps.begin(), deps.end(), committee) != deps.end()) return true;
  }
  return !responsible.empty() && responsible == v.user->name;
}

bool OwnsItem(const Viewer& v, const Resource& r) {
  return v.Has(Role::kDepartmentHead) && Responsible(v, r.committee, r.responsible);
}

// Closed meeting material (Styrelsesloven §10: closed items are listed by number and
// title; their content goes to the members of the body only). Open material is public.
Decision DecideMeetingMaterial(const Viewer& v, Action a, const Resource& r) {
  if (a != Action::kRead) {
    if (v.Has(Role::kAdministrator) || v.Serves(r.body)) return Decision::kAllow;
    return Decision::kForbidden;
  }
  if (!r.published) return (v.Has(Role::kAdministrator) || v.Serves(r.body)) ? Decision::kAllow : Decision::kHidden;
  if (!r.closed) return Decision::kAllow;
  if (v.Has(Role::kAdministrator) || v.Has(Role::kDirector) || v.SitsIn(r.body) || v.Serves(r.body))
    return Decision::kAllow;
  return Decision::kForbidden;  // its number and title are public, so its existence is too
}

}  // namespace

Decision Decide(const Viewer& v, Action a, const Resource& r) {
  using K = Resource::Kind;
  const bool admin = v.Has(Role::kAdministrator);
  const bool finance = v.Has(Role::kFinance);
  switch (r.kind) {
    case K::kVersion:
      // Published versions are public; a plan without any has none to show.
      if (a == Action::kRead) return (r.plan_published || ReadsLive(v)) ? Decision::kAllow : DenyPlan(v, false);
      return (admin || finance) ? Decision::kAllow : DenyPlan(v, true);
    case K::kPlan:
      switch (a) {
        case Action::kRead: return ReadsLive(v) ? Decision::kAllow : DenyPlan(v, r.plan_published);
        case Action::kEdit:
        case Action::kPublish:
        case Action::kSetup: return (admin || finance) ? Decision::kAllow : DenyPlan(v, r.plan_published);
        default: return DenyPlan(v, r.plan_published);
      }
    case K::kItem:
      switch (a) {
        case Action::kRead: return ReadsLive(v) ? Decision::kAllow : DenyPlan(v, r.plan_published);
        case Action::kEdit: return (admin || finance) ? Decision::kAllow : DenyPlan(v, r.plan_published);
        case Action::kReportStatus:
          return (admin || finance || v.Has(Role::kDirector) || OwnsItem(v, r)) ? Decision::kAllow
                                                                                 : DenyPlan(v, r.plan_published);
        case Action::kHandleObs:
          return (admin || finance || v.Has(Role::kDirector)) ? Decision::kAllow : DenyPlan(v, r.plan_published);
        default: return DenyPlan(v, r.plan_published);
      }
    case K::kStatusEntry:
      if (a == Action::kRead) return ReadsLive(v) ? Decision::kAllow : DenyPlan(v, r.plan_published);
      return DenyPlan(v, r.plan_published);
    case K::kHistory:
      // Revisions hold every field, internal ones included: staff only.
      if (a == Action::kRead) return v.IsStaff() ? Decision::kAllow : DenyPlan(v, r.plan_published);
      if (a == Action::kEdit) return (admin || finance) ? Decision::kAllow : DenyPlan(v, r.plan_published);
      return DenyPlan(v, r.plan_published);
    case K::kRedlineToNow:
      return (a == Action::kRead && ReadsLive(v)) ? Decision::kAllow : DenyPlan(v, r.plan_published);
    case K::kAdministration:
      return admin ? Decision::kAllow : Decision::kForbidden;
    case K::kRound:
      // Who has reported and who has not is the administration's own business.
      switch (a) {
        case Action::kRead: return v.IsStaff() ? Decision::kAllow : DenyPlan(v, r.plan_published);
        case Action::kPublish: return (admin || finance) ? Decision::kAllow : DenyPlan(v, r.plan_published);
        case Action::kHighlight:
          // The directors decide what is lifted to ØK (seed 004 item 7).
          return v.Has(Role::kDirector) ? Decision::kAllow : DenyPlan(v, r.plan_published);
        default: return DenyPlan(v, r.plan_published);
      }
    case K::kReport:
      // A report of the live plan is a draft: for those who read the live plan.
      return (a == Action::kRead && ReadsLive(v)) ? Decision::kAllow : DenyPlan(v, r.plan_published);
    case K::kCase:
    case K::kAgendaItem:
    case K::kAttachment:
      return DecideMeetingMaterial(v, a, r);
  }
  return Decision::kHidden;
}

Status Check(const Viewer& v, Action a, const Resource& r, const std::string& what) {
  switch (Decide(v, a, r)) {
    case Decision::kAllow: return OkStatus();
    case Decision::kHidden: {
      std::string w = what.empty() ? "Siden" : what;
      w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      return NotFound(w + " findes ikke.");
    }
    case Decision::kForbidden:
      if (v.anonymous())
        return PermissionDenied("Du skal logge ind for at se eller gøre dette. Offentligheden kan se planens "
                                "offentliggjorte versioner.");
      return PermissionDenied("Din rolle giver ikke adgang til dette (" + what + ").");
  }
  return PermissionDenied("Ingen adgang.");
}

bool ResponsibleFor(const Viewer& v, const PlanItem& item) {
  return Responsible(v, item.data().committee, item.data().responsible);
}

bool MaySeeField(const Viewer& v, ItemField) { return v.IsStaff(); }

PlanItem Redact(const Viewer& v, const PlanItem& item) {
  if (MaySeeField(v, ItemField::kDirectorsRole) && MaySeeField(v, ItemField::kObsNote)) return item;
  ItemData d = item.data();
  if (!MaySeeField(v, ItemField::kDirectorsRole)) d.directors_role.clear();
  if (!MaySeeField(v, ItemField::kObsNote)) d.obs_note.clear();
  return PlanItem::Restore(item.id(), item.plan_id(), std::move(d), item.revision(), item.created_at(), item.updated_at());
}

bool SeesEveryItemField(const Viewer& v) {
  return MaySeeField(v, ItemField::kDirectorsRole) && MaySeeField(v, ItemField::kObsNote);
}

void RedactAll(const Viewer& v, std::vector<PlanItem>& items) {
  if (SeesEveryItemField(v)) return;
  for (auto& i : items) i = Redact(v, i);
}

void RedactAll(const Viewer& v, std::vector<StatusUpdate>& updates) {
  if (MaySeeField(v, ItemField::kObsNote)) return;
  for (auto& u : updates) u.obs_note.clear();
}

Capabilities CapabilitiesOf(const Viewer& v, bool published) {
  Capabilities c;
  Resource plan = Resource::Plan(published);
  c.edit = Decide(v, Action::kEdit, plan) == Decision::kAllow;
  c.publish = Decide(v, Action::kPublish, plan) == Decision::kAllow;
  c.setup = Decide(v, Action::kSetup, plan) == Decision::kAllow;
  c.live = Decide(v, Action::kRead, plan) == Decision::kAllow;
  c.history = Decide(v, Action::kRead, Resource::Of(Resource::Kind::kHistory, published)) == Decision::kAllow;
  c.administer = Decide(v, Action::kAdminister, Resource::Of(Resource::Kind::kAdministration)) == Decision::kAllow;
  c.internal_fields = MaySeeField(v, ItemField::kDirectorsRole);
  return c;
}

}  // namespace bs
