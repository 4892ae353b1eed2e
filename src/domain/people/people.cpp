#include "domain/people/people.h"

#include "core/text.h"

namespace bs {

const char* Slug(Role role) {
  switch (role) {
    case Role::kAdministrator: return "administrator";
    case Role::kFinance: return "okonomi";
    case Role::kDepartmentHead: return "fagchef";
    case Role::kDirector: return "direktion";
    case Role::kSecretary: return "sekretaer";
    case Role::kPolitician: return "politiker";
  }
  return "";
}

const char* Label(Role role) {
  switch (role) {
    case Role::kAdministrator: return "Administrator";
    case Role::kFinance: return "Økonomi";
    case Role::kDepartmentHead: return "Fagchef";
    case Role::kDirector: return "Direktion";
    case Role::kSecretary: return "Sekretær";
    case Role::kPolitician: return "Politiker";
  }
  return "";
}

std::optional<Role> RoleFromSlug(std::string_view slug) {
  for (Role r : kAllRoles)
    if (slug == Slug(r)) return r;
  return std::nullopt;
}

const char* Slug(MembershipKind kind) {
  switch (kind) {
    case MembershipKind::kMember: return "medlem";
    case MembershipKind::kChair: return "formand";
    case MembershipKind::kViceChair: return "naestformand";
    case MembershipKind::kSecretary: return "sekretaer";
  }
  return "";
}

const char* Label(MembershipKind kind) {
  switch (kind) {
    case MembershipKind::kMember: return "Medlem";
    case MembershipKind::kChair: return "Formand";
    case MembershipKind::kViceChair: return "Næstformand";
    case MembershipKind::kSecretary: return "Sekretær";
  }
  return "";
}

std::optional<MembershipKind> MembershipKindFromSlug(std::string_view slug) {
  for (auto k : {MembershipKind::kMember, MembershipKind::kChair, MembershipKind::kViceChair, MembershipKind::kSecretary})
    if (slug == Slug(k)) return k;
  return std::nullopt;
}

Result<User> ValidateUser(const UserDraft& draft, const std::set<std::string>& bodies) {
  std::vector<FieldError> errors;
  User u;
  u.username = text::FoldCase(text::Trim(draft.username));
  if (u.username.size() < 2 || u.username.size() > 64 ||
      u.username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos)
    errors.push_back({"username", "Brugernavnet skal være 2-64 tegn: små bogstaver a-z, tal, punktum, bindestreg eller understreg."});
  u.name = text::CleanSingleLine(text::Trim(draft.name));
  if (!text::IsValidUtf8(draft.name) || u.name.empty() || text::CodePointCount(u.name) > 120)
    errors.push_back({"name", "Skriv personens navn (højst 120 tegn)."});
  for (const auto& slug : draft.roles) {
    auto r = RoleFromSlug(text::Trim(slug));
    if (!r) { errors.push_back({"roles", "Ukendt rolle: «" + text::Truncate(slug, 40) + "»."}); break; }
    u.roles.insert(*r);
  }
  for (const auto& code : text::SplitTrimmed(draft.departments, ',')) {
    if (!bodies.count(code)) { errors.push_back({"departments", "Ukendt udvalg: «" + text::Truncate(code, 40) + "»."}); break; }
    u.departments.push_back(code);
  }
  u.active = draft.active;
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return u;
}

Status ValidateNewPassword(const std::string& password) {
  size_t n = text::IsValidUtf8(password) ? text::CodePointCount(password) : 0;
  if (n < kMinPasswordLength || password.size() > kMaxPasswordLength * 4 || n > kMaxPasswordLength)
    return FieldErrors({{"password", "Adgangskoden skal være 10-256 tegn."}});
  return OkStatus();
}

namespace {
// The party letter upper-cased: letters only (A-Z, Æ, Ø, Å), at most 12; an error on
// "party" otherwise.
std::string ReadParty(const std::string& input, std::vector<FieldError>* errors) {
  std::string in = text::IsValidUtf8(input) ? text::Trim(input) : std::string("?");
  std::string out;
  size_t letters = 0;
  for (size_t i = 0; i < in.size(); ++letters) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      out += static_cast<char>(c >= 'a' ? c - 32 : c);
      ++i;
      continue;
    }
    // æ ø å and Æ Ø Å: C3 A6/B8/A5 and C3 86/98/85 (lower case is upper + 0x20).
    if (c == 0xC3 && i + 1 < in.size()) {
      unsigned char d = static_cast<unsigned char>(in[i + 1]);
      if (d == 0xA6 || d == 0xB8 || d == 0xA5) d -= 0x20;
      if (d == 0x86 || d == 0x98 || d == 0x85) {
        out += static_cast<char>(0xC3);
        out += static_cast<char>(d);
        i += 2;
        continue;
      }
    }
    errors->push_back({"party", "Partibogstavet skrives med bogstaver, fx Æ, A eller SF."});
    return "";
  }
  if (letters > 12) {
    errors->push_back({"party", "Partibogstavet må højst være 12 bogstaver."});
    return "";
  }
  return out;
}
}  // namespace

Result<Membership> ValidateMembership(UserId user, const MembershipDraft& draft, const std::set<std::string>& bodies) {
  std::vector<FieldError> errors;
  Membership m;
  m.user_id = user;
  m.body = text::Trim(draft.body);
  if (!bodies.count(m.body)) errors.push_back({"body", "Vælg et organ, der findes."});
  auto kind = MembershipKindFromSlug(text::Trim(draft.kind));
  if (!kind) errors.push_back({"kind", "Vælg medlem, formand, næstformand eller sekretær."});
  else m.kind = *kind;
  auto from = Date::Parse(text::Trim(draft.from));
  if (!from.ok()) errors.push_back({"from", DateFieldError("Startdato", draft.from)});
  else m.from = *from;
  if (!text::Trim(draft.to).empty()) {
    auto to = Date::Parse(text::Trim(draft.to));
    if (!to.ok()) errors.push_back({"to", DateFieldError("Slutdato", draft.to) + " Lad feltet stå tomt, hvis medlemskabet fortsætter."});
    else if (from.ok() && *to < *from) errors.push_back({"to", "Slutdatoen ligger før startdatoen."});
    else m.to = *to;
  }
  m.party = ReadParty(draft.party, &errors);
  if (!m.party.empty() && kind && !m.Sits()) errors.push_back({"party", "En sekretær har intet partibogstav; lad feltet stå tomt."});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return m;
}

const char* AuditActionLabel(const std::string& a) {
  if (a == "sign_in") return "Logget ind";
  if (a == "sign_in_failed") return "Mislykket login";
  if (a == "rate_limited") return "Login spærret (for mange forsøg)";
  if (a == "sign_out") return "Logget ud";
  if (a == "user_created") return "Bruger oprettet";
  if (a == "user_changed") return "Bruger ændret (roller, udvalg, aktiv)";
  if (a == "password_set") return "Adgangskode sat";
  if (a == "membership_added") return "Medlemskab tilføjet";
  if (a == "membership_ended") return "Medlemskab afsluttet";
  return "Hændelse";
}

}  // namespace bs

namespace bs {

std::string Seat::Printed() const {
  return membership.party.empty() ? name : name + " (" + membership.party + ")";
}

}  // namespace bs
