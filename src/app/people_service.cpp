#include "app/people_service.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace bs {
namespace {

constexpr const char* kWrongCredentials = "Forkert brugernavn eller adgangskode.";

Status RequireAdmin(const Viewer& actor) {
  return Check(actor, Action::kAdminister, Resource::Of(Resource::Kind::kAdministration), "brugeradministrationen");
}

bool LooksLikeToken(const std::string& t) {
  return t.size() == 64 && t.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string RolesText(const User& u) {
  std::vector<std::string> parts;
  for (Role r : u.roles) parts.push_back(Label(r));
  return parts.empty() ? "ingen roller" : text::Join(parts, ", ");
}

}  // namespace

const std::string& PeopleService::DummyHash() {
  std::call_once(dummy_once_, [this] {
    auto h = hasher_.Hash(tokens_.NewToken());
    dummy_hash_ = h.ok() ? *h : "";
  });
  return dummy_hash_;
}

void PeopleService::Record(const std::string& actor, const std::string& action, const std::string& subject,
                           const std::string& detail, const std::string& remote) {
  AuditEntry e;
  e.at = clock_.NowUnix();
  e.actor = text::Truncate(actor, 100);
  e.action = action;
  e.subject = subject;
  e.detail = detail;
  e.remote = text::Truncate(remote, 64);
  (void)people_.AppendAudit(e);  // a failed audit write must not block the action it records
}

Result<SignedIn> PeopleService::SignIn(const std::string& username_in, const std::string& password,
                                       const std::string& remote) {
  // Bounded input: no one hashes a megabyte through us.
  if (password.size() > kMaxPasswordLength * 4)
    return FieldErrors({{"password", "Adgangskoden er for lang (højst 256 tegn)."}});
  std::string username = text::IsValidUtf8(username_in) ? text::FoldCase(text::Trim(username_in)) : "";
  if (username.size() > 64) username = username.substr(0, 64);
  if (username.empty() || password.empty())
    return FieldErrors({{username.empty() ? "username" : "password", "Skriv både brugernavn og adgangskode."}});
  // Decide and reserve under one lock, so concurrent attempts are counted together.
  std::unique_lock attempts(attempts_mu_);
  const int64_t now = clock_.NowUnix();
  SignInFailures f = TRY(people_.CountSignInFailures(username, remote, now - policy_.window));
  auto pending = [](const std::map<std::string, int>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  };
  const int pending_account = pending(pending_by_account_, username);
  const int pending_address = pending(pending_by_address_, remote);
  if (pending_account) f.last_by_actor = now;
  if (pending_address) f.last_by_remote = now;
  auto delay = [this](int64_t failures, int64_t free) -> int64_t {
    if (failures < free) return 0;
    const int64_t doublings = std::min<int64_t>(failures - free, 30);
    return std::min<int64_t>(int64_t{1} << doublings, policy_.max_delay);
  };
  const int64_t account_wait = f.last_by_actor + delay(f.by_actor + pending_account, policy_.free_failures_per_account) - now;
  const int64_t address_failures = f.by_remote + pending_address;
  const bool address_applies =
      address_failures >= policy_.all_accounts_after || f.by_actor_at_remote > 0 || pending_account > 0;
  const int64_t address_wait =
      address_applies ? f.last_by_remote + delay(address_failures, policy_.free_failures_per_address) - now : 0;
  const int64_t wait = std::max(account_wait, address_wait);
  if ((f.by_actor + pending_account >= policy_.free_failures_per_account && account_wait > 0) ||
      (address_failures >= policy_.free_failures_per_address && address_wait > 0)) {
    attempts.unlock();
    Record(username, "rate_limited", username, account_wait >= address_wait ? "kontoen" : "adressen", remote);
    const int64_t seconds = std::max<int64_t>(1, wait);
    Error e = MakeError(ErrorCode::kTooManyRequests,
                        "For mange mislykkede loginforsøg. Vent " + std::to_string(seconds) +
                            (seconds == 1 ? " sekund" : " sekunder") +
                            ", og prøv igen. Har du glemt adgangskoden, så kontakt en administrator.");
    return e;
  }
  ++pending_by_account_[username];
  ++pending_by_address_[remote];
  attempts.unlock();
  struct Release {
    PeopleService* self;
    std::string account, address;
    ~Release() {
      std::lock_guard lock(self->attempts_mu_);
      if (--self->pending_by_account_[account] <= 0) self->pending_by_account_.erase(account);
      if (--self->pending_by_address_[address] <= 0) self->pending_by_address_.erase(address);
    }
  } release{this, username, remote};
  auto found = people_.FindUser(username);
  if (!found.ok() && found.error().code != ErrorCode::kNotFound) return found.error();
  bool usable = found.ok() && found->user.active && !found->password_hash.empty();
  // Verify in every case, against a dummy hash when there is no usable account, so an
  // unknown user and a wrong password take the same time.
  bool match = hasher_.Verify(usable ? found->password_hash : DummyHash(), password);
  if (!usable || !match) {
    Record(username, "sign_in_failed", username, found.ok() ? "forkert adgangskode eller inaktiv" : "ukendt brugernavn", remote);
    return FieldErrors({{"password", kWrongCredentials}});
  }
  SignedIn out;
  out.token = tokens_.NewToken();
  out.csrf = tokens_.NewToken();
  out.user = found->user;
  Session s{tokens_.Digest(out.token), out.user.id, out.csrf, clock_.NowUnix(), clock_.NowUnix(), text::Truncate(remote, 64)};
  RETURN_IF_ERROR(people_.CreateSession(s));
  // Housekeeping: sessions past every limit are of no use to anyone; a sign-in is a
  // rare enough moment to sweep them.
  (void)people_.DeleteSessionsSeenBefore(clock_.NowUnix() - std::max(policy_.idle_seconds, policy_.absolute_seconds));
  Record(username, "sign_in", username, "", remote);
  return out;
}

Result<ResolvedSession> PeopleService::Resolve(const std::string& token) {
  ResolvedSession out;
  if (token.empty()) return out;
  if (!LooksLikeToken(token)) return out;  // forged or mangled: the public
  std::string digest = tokens_.Digest(token);
  auto session = people_.GetSession(digest);
  if (!session.ok()) {
    if (session.error().code == ErrorCode::kNotFound) return out;
    return session.error();
  }
  int64_t now = clock_.NowUnix();
  if (now - session->last_seen > policy_.idle_seconds || now - session->created_at > policy_.absolute_seconds) {
    (void)people_.DeleteSession(digest);
    out.viewer.session_expired = true;
    return out;
  }
  auto user = people_.GetUser(session->user_id);
  if (!user.ok() && user.error().code != ErrorCode::kNotFound) return user.error();  // busy is not signed out
  if (!user.ok() || !user->user.active) {
    (void)people_.DeleteSession(digest);
    out.viewer.session_expired = true;
    return out;
  }
  if (now - session->last_seen >= policy_.touch_every) RETURN_IF_ERROR(people_.TouchSession(digest, now));
  auto memberships = TRY(people_.MembershipsOf(session->user_id));
  Date today = clock_.Today();
  for (auto& m : memberships)
    if (m.ActiveOn(today)) out.viewer.memberships.push_back(std::move(m));
  out.viewer.user = std::move(user->user);
  out.csrf = session->csrf;
  return out;
}

Status PeopleService::SignOut(const std::string& token, const std::string& remote) {
  if (!LooksLikeToken(token)) return OkStatus();
  std::string digest = tokens_.Digest(token);
  auto session = people_.GetSession(digest);
  if (!session.ok() && session.error().code != ErrorCode::kNotFound) return session.error();
  if (!session.ok()) return OkStatus();
  RETURN_IF_ERROR(people_.DeleteSession(digest));
  auto user = people_.GetUser(session->user_id);
  if (user.ok()) Record(user->user.username, "sign_out", user->user.username, "", remote);
  return OkStatus();
}

Result<std::set<std::string>> PeopleService::BodyCodes() {
  std::set<std::string> codes;
  for (const auto& b : TRY(plans_.ListBodies())) codes.insert(b.code);
  return codes;
}

Result<std::vector<User>> PeopleService::ListUsers(const Viewer& actor) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  auto users = TRY(people_.ListUsers());
  std::sort(users.begin(), users.end(), [](const User& a, const User& b) { return text::DanishLess(a.name, b.name); });
  return users;
}

Result<UserDetails> PeopleService::GetUser(const Viewer& actor, UserId id) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  auto stored = TRY(people_.GetUser(id));
  return UserDetails{std::move(stored.user), TRY(people_.MembershipsOf(id))};
}

Result<User> PeopleService::AddUser(const std::string& actor, const UserDraft& draft, const std::string& password,
                                    const std::string& remote, bool login) {
  auto bodies = TRY(BodyCodes());
  auto user = ValidateUser(draft, bodies);
  Status pw = login ? ValidateNewPassword(password) : OkStatus();
  if (!user.ok() || !pw.ok()) {
    std::vector<FieldError> errors = user.ok() ? std::vector<FieldError>{} : user.error().fields;
    if (!pw.ok()) errors.push_back(pw.error().fields.front());
    return FieldErrors(std::move(errors));
  }
  // Without login: no hash at all, which SignIn never matches (as for an unknown user).
  std::string hash = login ? TRY(hasher_.Hash(password)) : std::string();
  auto created = people_.CreateUser(*user, hash, clock_.NowUnix());
  if (!created.ok()) {
    if (created.error().code == ErrorCode::kAlreadyExists)
      return FieldErrors({{"username", "Brugernavnet «" + user->username + "» er allerede i brug."}});
    return created.error();
  }
  Record(actor, "user_created", created->username, created->name + ": " + RolesText(*created) + (login ? "" : " (uden login)"), remote);
  return created;
}

Result<User> PeopleService::CreateUser(const Viewer& actor, const UserDraft& draft, const std::string& password,
                                       const std::string& remote, bool login) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  return AddUser(actor.user->username, draft, password, remote, login);
}

Result<User> PeopleService::CreateUserFromCommandLine(const UserDraft& draft, const std::string& password) {
  return AddUser("kommandolinje", draft, password, "");
}

Result<User> PeopleService::UpdateUser(const Viewer& actor, UserId id, const UserDraft& draft, const std::string& remote) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  auto before = TRY(people_.GetUser(id));
  UserDraft d = draft;
  d.username = before.user.username;  // the username never changes: history and audit name it
  auto bodies = TRY(BodyCodes());
  User user = TRY(ValidateUser(d, bodies));
  user.id = id;
  user.created_at = before.user.created_at;
  if (id == actor.user->id && !user.Has(Role::kAdministrator))
    return FieldErrors({{"roles", "Du kan ikke fjerne din egen administratorrolle; bed en anden administrator om det."}});
  RETURN_IF_ERROR(people_.UpdateUser(user));
  if (!user.active) RETURN_IF_ERROR(people_.DeleteSessionsOf(id));
  Record(actor.user->username, "user_changed", user.username,
        RolesText(before.user) + " → " + RolesText(user) + (user.active ? "" : "; deaktiveret"), remote);
  return user;
}

Status PeopleService::SetPassword(const Viewer& actor, UserId id, const std::string& password, const std::string& remote) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  auto user = TRY(people_.GetUser(id));
  RETURN_IF_ERROR(ValidateNewPassword(password));
  RETURN_IF_ERROR(people_.SetPasswordHash(id, TRY(hasher_.Hash(password))));
  RETURN_IF_ERROR(people_.DeleteSessionsOf(id));
  Record(actor.user->username, "password_set", user.user.username, "", remote);
  return OkStatus();
}

Result<User> PeopleService::SetPasswordFromCommandLine(const std::string& username, const std::string& password) {
  auto found = people_.FindUser(text::FoldCase(username));
  if (!found.ok()) return NotFoundAs(found.error(), "Brugeren «" + text::Truncate(username, 60) + "» findes ikke.");
  RETURN_IF_ERROR(ValidateNewPassword(password));
  RETURN_IF_ERROR(people_.SetPasswordHash(found->user.id, TRY(hasher_.Hash(password))));
  RETURN_IF_ERROR(people_.DeleteSessionsOf(found->user.id));
  Record("kommandolinje", "password_set", found->user.username, "", "");
  return found->user;
}

Result<Membership> PeopleService::AddMembership(const Viewer& actor, UserId id, const MembershipDraft& draft,
                                                const std::string& remote) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  auto user = TRY(people_.GetUser(id));
  Membership m = TRY(ValidateMembership(id, draft, TRY(BodyCodes())));
  // One seat per person and body on any day (a change of party ends the old membership
  // the day before): otherwise the minutes would name them twice.
  if (m.Sits())
    for (const auto& other : TRY(people_.MembershipsOf(id))) {
      if (other.body != m.body || !other.Sits()) continue;
      bool overlaps = (!other.to || m.from <= *other.to) && (!m.to || other.from <= *m.to);
      if (overlaps)
        return FieldErrors({{"from", user.user.name + " sidder allerede i " + m.body + " fra " + other.from.Short() +
                                         (other.to ? " til " + other.to->Short() : "") +
                                         ". Afslut det medlemskab dagen før, det nye begynder."}});
    }
  m = TRY(people_.AddMembership(m));
  Record(actor.user->username, "membership_added", user.user.username,
        std::string(Label(m.kind)) + " af " + m.body + (m.party.empty() ? "" : " (" + m.party + ")") + " fra " + m.from.Short() +
            (m.to ? " til " + m.to->Short() : ""), remote);
  return m;
}

Status PeopleService::EndMembership(const Viewer& actor, int64_t membership_id, const std::string& to_text,
                                    const std::string& remote) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  Membership m = TRY(people_.GetMembership(membership_id));
  auto to = Date::Parse(text::Trim(to_text));
  if (!to.ok()) return FieldErrors({{"to", DateFieldError("Slutdato", to_text)}});
  if (*to < m.from) return FieldErrors({{"to", "Slutdatoen ligger før medlemskabets start (" + m.from.Short() + ")."}});
  RETURN_IF_ERROR(people_.EndMembership(membership_id, *to));
  auto user = people_.GetUser(m.user_id);
  Record(actor.user->username, "membership_ended", user.ok() ? user->user.username : "",
        std::string(Label(m.kind)) + " af " + m.body + " til " + to->Short(), remote);
  return OkStatus();
}

Result<std::vector<AuditEntry>> PeopleService::Audit(const Viewer& actor, int limit, int offset) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  return people_.ListAudit(std::clamp(limit, 1, 1000), std::max(offset, 0));
}

Result<std::vector<Seat>> PeopleService::SeatsOn(const std::string& body, Date day) {
  auto codes = TRY(BodyCodes());
  if (!codes.count(body)) return NotFound("Organet «" + text::Truncate(body, 20) + "» findes ikke.");
  std::vector<Seat> out;
  std::map<UserId, size_t> at;  // one seat per person: the latest begun, if periods overlap
  for (auto& m : TRY(people_.MembershipsIn(body))) {
    if (!m.Sits() || !m.ActiveOn(day)) continue;
    if (auto seen = at.find(m.user_id); seen != at.end()) {
      if (out[seen->second].membership.from <= m.from) out[seen->second].membership = std::move(m);
      continue;
    }
    auto user = TRY(people_.GetUser(m.user_id));
    at[m.user_id] = out.size();
    out.push_back({std::move(m), user.user.name});
  }
  std::sort(out.begin(), out.end(), [](const Seat& a, const Seat& b) {
    auto rank = [](MembershipKind k) { return k == MembershipKind::kChair ? 0 : k == MembershipKind::kViceChair ? 1 : 2; };
    if (rank(a.membership.kind) != rank(b.membership.kind)) return rank(a.membership.kind) < rank(b.membership.kind);
    return text::DanishLess(a.name, b.name);
  });
  return out;
}

}  // namespace bs

namespace bs {

Result<int64_t> PeopleService::ChangeStamp() {
  auto newest = TRY(people_.ListAudit(1, 0));
  return newest.empty() ? int64_t{0} : newest.front().id;
}

Result<std::string> PeopleService::NameOf(UserId id) {
  auto u = people_.GetUser(id);
  if (!u.ok()) return NotFoundAs(u.error(), "Personen findes ikke.");
  return u->user.name;
}

}  // namespace bs
