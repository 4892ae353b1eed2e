#include "storage/sqlite/sqlite_people_store.h"

#include "core/text.h"

namespace bs {
namespace {

using sqlite::QueryAll;
using sqlite::Stmt;

constexpr const char* kUserColumns = "id, username, name, roles, departments, active, created_at, password_hash";
constexpr const char* kMembershipColumns = "id, user_id, body, kind, from_date, to_date, party";

std::string EncodeRoles(const User& u) {
  std::vector<std::string> slugs;
  for (Role r : u.roles) slugs.push_back(Slug(r));
  return text::Join(slugs, ",");
}

StoredUser ReadUser(const Stmt& s) {
  StoredUser out;
  User& u = out.user;
  u.id = s.Int(0);
  u.username = s.Text(1);
  u.name = s.Text(2);
  for (const auto& slug : text::SplitTrimmed(s.Text(3), ','))
    if (auto r = RoleFromSlug(slug)) u.roles.insert(*r);
  u.departments = text::SplitTrimmed(s.Text(4), ',');
  u.active = s.Int(5) != 0;
  u.created_at = s.Int(6);
  out.password_hash = s.Text(7);
  return out;
}

User ReadUserOnly(const Stmt& s) { return ReadUser(s).user; }

// Dates that do not read back are an error, not an exception (issue 12).
Result<Membership> ReadMembership(const Stmt& s) {
  Membership m;
  m.id = s.Int(0);
  m.user_id = s.Int(1);
  m.body = s.Text(2);
  m.kind = MembershipKindFromSlug(s.Text(3)).value_or(MembershipKind::kMember);
  auto from = Date::Parse(s.Text(4));
  if (!from.ok()) return sqlite::Unreadable("memberships.from_date");
  m.from = *from;
  if (!s.IsNull(5)) {
    auto to = Date::Parse(s.Text(5));
    if (!to.ok()) return sqlite::Unreadable("memberships.to_date");
    m.to = *to;
  }
  m.party = s.Text(6);
  return m;
}

AuditEntry ReadAudit(const Stmt& s) { return {s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6)}; }

void BindAll(Stmt&, int) {}
template <typename T, typename... Rest>
void BindAll(Stmt& s, int i, const T& v, const Rest&... rest) {
  s.Bind(i, v);
  BindAll(s, i + 1, rest...);
}

}  // namespace

template <typename... Args>
Status SqlitePeopleStore::Write(const char* sql, const std::string& missing, const Args&... args) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(sql));
  BindAll(s, 1, args...);
  RETURN_IF_ERROR(s.Run());
  if (!missing.empty() && c->Changes() == 0) return NotFound(missing);
  c->AfterCommit();
  return OkStatus();
}

Result<User> SqlitePeopleStore::CreateUser(const User& user, const std::string& hash, int64_t now) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("INSERT INTO users (username, name, roles, departments, active, password_hash, created_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, user.username).Bind(2, user.name).Bind(3, EncodeRoles(user)).Bind(4, text::Join(user.departments, ","));
  s.Bind(5, user.active).Bind(6, hash).Bind(7, now);
  auto st = s.Run();
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kAlreadyExists) return AlreadyExists("Brugernavnet er allerede i brug.");
    return st.error();
  }
  User u = user;
  u.id = c->LastInsertId();
  u.created_at = now;
  c->AfterCommit();
  return u;
}

Status SqlitePeopleStore::UpdateUser(const User& u) {
  return Write("UPDATE users SET name = ?, roles = ?, departments = ?, active = ? WHERE id = ?",
               "Bruger " + std::to_string(u.id) + " findes ikke.", u.name, EncodeRoles(u),
               text::Join(u.departments, ","), u.active, u.id);
}

Status SqlitePeopleStore::SetPasswordHash(UserId id, const std::string& hash) {
  return Write("UPDATE users SET password_hash = ? WHERE id = ?", "Bruger " + std::to_string(id) + " findes ikke.", hash, id);
}

Result<StoredUser> SqlitePeopleStore::GetUser(UserId id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Bruger " + std::to_string(id) + " findes ikke.");
  return ReadUser(s);
}

Result<StoredUser> SqlitePeopleStore::FindUser(const std::string& username) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?"));
  s.Bind(1, username);
  if (!TRY(s.Step())) return NotFound("Brugeren findes ikke.");
  return ReadUser(s);
}

Result<std::vector<User>> SqlitePeopleStore::ListUsers() {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, std::string("SELECT ") + kUserColumns + " FROM users ORDER BY id", ReadUserOnly);
}

Result<int64_t> SqlitePeopleStore::CountUsers() {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT count(*) FROM users"));
  if (!TRY(s.Step())) return int64_t{0};
  return s.Int(0);
}

Result<Membership> SqlitePeopleStore::AddMembership(const Membership& m) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("INSERT INTO memberships (user_id, body, kind, from_date, to_date, party) VALUES (?, ?, ?, ?, ?, ?)"));
  s.Bind(1, m.user_id).Bind(2, m.body).Bind(3, Slug(m.kind)).Bind(4, m.from.Iso());
  if (m.to) s.Bind(5, m.to->Iso()); else s.BindNull(5);
  s.Bind(6, m.party);
  auto st = s.Run();
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kAlreadyExists) return NotFound("Brugeren eller organet findes ikke.");
    return st.error();
  }
  Membership out = m;
  out.id = c->LastInsertId();
  c->AfterCommit();
  return out;
}

Status SqlitePeopleStore::EndMembership(int64_t id, Date to) {
  return Write("UPDATE memberships SET to_date = ? WHERE id = ?", "Medlemskabet findes ikke.", to.Iso(), id);
}

Result<Membership> SqlitePeopleStore::GetMembership(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kMembershipColumns + " FROM memberships WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Medlemskabet findes ikke.");
  return ReadMembership(s);
}

Result<std::vector<Membership>> SqlitePeopleStore::MembershipsOf(UserId user) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, std::string("SELECT ") + kMembershipColumns + " FROM memberships WHERE user_id = ? ORDER BY from_date, id",
                  [&](Stmt& s) { s.Bind(1, user); }, ReadMembership);
}

Result<std::vector<Membership>> SqlitePeopleStore::MembershipsIn(const std::string& body) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, std::string("SELECT ") + kMembershipColumns + " FROM memberships WHERE body = ? ORDER BY from_date, id",
                  [&](Stmt& s) { s.Bind(1, body); }, ReadMembership);
}

Status SqlitePeopleStore::CreateSession(const Session& x) {
  auto st = Write("INSERT INTO sessions (digest, user_id, csrf, created_at, last_seen, remote) VALUES (?, ?, ?, ?, ?, ?)",
                  "", x.digest, x.user_id, x.csrf, x.created_at, x.last_seen, x.remote);
  if (!st.ok() && st.error().code == ErrorCode::kAlreadyExists) return NotFound("Brugeren findes ikke.");
  return st;
}

Result<Session> SqlitePeopleStore::GetSession(const std::string& digest) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT digest, user_id, csrf, created_at, last_seen, remote FROM sessions WHERE digest = ?"));
  s.Bind(1, digest);
  if (!TRY(s.Step())) return NotFound("Sessionen findes ikke.");
  return Session{s.Text(0), s.Int(1), s.Text(2), s.Int(3), s.Int(4), s.Text(5)};
}

Status SqlitePeopleStore::TouchSession(const std::string& digest, int64_t now) {
  return Write("UPDATE sessions SET last_seen = ? WHERE digest = ?", "", now, digest);
}

Status SqlitePeopleStore::DeleteSession(const std::string& digest) {
  return Write("DELETE FROM sessions WHERE digest = ?", "", digest);
}

Status SqlitePeopleStore::DeleteSessionsOf(UserId user) {
  return Write("DELETE FROM sessions WHERE user_id = ?", "", user);
}

Status SqlitePeopleStore::DeleteSessionsSeenBefore(int64_t cutoff) {
  return Write("DELETE FROM sessions WHERE last_seen < ?", "", cutoff);
}

Status SqlitePeopleStore::AppendAudit(const AuditEntry& e) {
  return Write("INSERT INTO audit_log (at, actor, action, subject, detail, remote) VALUES (?, ?, ?, ?, ?, ?)", "",
               e.at, e.actor, e.action, e.subject, e.detail, e.remote);
}

Result<std::vector<AuditEntry>> SqlitePeopleStore::ListAudit(int limit, int offset) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, "SELECT id, at, actor, action, subject, detail, remote FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?",
                  [&](Stmt& s) { s.Bind(1, limit).Bind(2, offset); }, ReadAudit);
}

Result<SignInFailures> SqlitePeopleStore::CountSignInFailures(const std::string& actor, const std::string& remote,
                                                              int64_t since) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(
      "SELECT coalesce(sum(actor = ?1), 0), coalesce(max(CASE WHEN actor = ?1 THEN at END), 0), "
      "coalesce(sum(remote = ?2), 0), coalesce(max(CASE WHEN remote = ?2 THEN at END), 0), "
      "coalesce(sum(actor = ?1 AND remote = ?2), 0) "
      "FROM audit_log WHERE action = 'sign_in_failed' AND at >= ?3 AND (actor = ?1 OR remote = ?2)"));
  s.Bind(1, actor).Bind(2, remote).Bind(3, since);
  SignInFailures f;
  if (!TRY(s.Step())) return f;
  f.by_actor = s.Int(0);
  f.last_by_actor = s.Int(1);
  f.by_remote = s.Int(2);
  f.last_by_remote = s.Int(3);
  f.by_actor_at_remote = s.Int(4);
  return f;
}

}  // namespace bs
