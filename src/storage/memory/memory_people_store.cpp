#include "storage/memory/memory_people_store.h"

#include <algorithm>

namespace bs {
namespace {
Error UserNotFound(UserId id) { return NotFound("Bruger " + std::to_string(id) + " findes ikke."); }
bool ByStart(const Membership& a, const Membership& b) { return a.from != b.from ? a.from < b.from : a.id < b.id; }
}  // namespace

Result<User> MemoryPeopleStore::CreateUser(const User& user, const std::string& hash, int64_t now) {
  std::lock_guard lock(mu_);
  for (const auto& [id, u] : users_)
    if (u.user.username == user.username) return AlreadyExists("Brugernavnet er allerede i brug.");
  User u = user;
  u.id = users_.empty() ? 1 : users_.rbegin()->first + 1;
  u.created_at = now;
  users_[u.id] = {u, hash};
  return u;
}

Status MemoryPeopleStore::UpdateUser(const User& user) {
  std::lock_guard lock(mu_);
  auto it = users_.find(user.id);
  if (it == users_.end()) return UserNotFound(user.id);
  User u = user;
  u.username = it->second.user.username;
  u.created_at = it->second.user.created_at;
  it->second.user = u;
  return OkStatus();
}

Status MemoryPeopleStore::SetPasswordHash(UserId id, const std::string& hash) {
  std::lock_guard lock(mu_);
  auto it = users_.find(id);
  if (it == users_.end()) return UserNotFound(id);
  it->second.password_hash = hash;
  return OkStatus();
}

Result<StoredUser> MemoryPeopleStore::GetUser(UserId id) {
  std::lock_guard lock(mu_);
  auto it = users_.find(id);
  if (it == users_.end()) return UserNotFound(id);
  return it->second;
}

Result<StoredUser> MemoryPeopleStore::FindUser(const std::string& username) {
  std::lock_guard lock(mu_);
  for (const auto& [id, u] : users_)
    if (u.user.username == username) return u;
  return NotFound("Brugeren findes ikke.");
}

Result<std::vector<User>> MemoryPeopleStore::ListUsers() {
  std::lock_guard lock(mu_);
  std::vector<User> out;
  for (const auto& [id, u] : users_) out.push_back(u.user);
  return out;
}

Result<int64_t> MemoryPeopleStore::CountUsers() {
  std::lock_guard lock(mu_);
  return static_cast<int64_t>(users_.size());
}

Result<Membership> MemoryPeopleStore::AddMembership(const Membership& membership) {
  std::lock_guard lock(mu_);
  if (!users_.count(membership.user_id)) return UserNotFound(membership.user_id);
  Membership m = membership;
  m.id = memberships_.empty() ? 1 : memberships_.rbegin()->first + 1;
  memberships_[m.id] = m;
  return m;
}

Status MemoryPeopleStore::EndMembership(int64_t id, Date to) {
  std::lock_guard lock(mu_);
  auto it = memberships_.find(id);
  if (it == memberships_.end()) return NotFound("Medlemskabet findes ikke.");
  it->second.to = to;
  return OkStatus();
}

Result<Membership> MemoryPeopleStore::GetMembership(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = memberships_.find(id);
  if (it == memberships_.end()) return NotFound("Medlemskabet findes ikke.");
  return it->second;
}

Result<std::vector<Membership>> MemoryPeopleStore::MembershipsOf(UserId user) {
  std::lock_guard lock(mu_);
  std::vector<Membership> out;
  for (const auto& [id, m] : memberships_)
    if (m.user_id == user) out.push_back(m);
  std::sort(out.begin(), out.end(), ByStart);
  return out;
}

Result<std::vector<Membership>> MemoryPeopleStore::MembershipsIn(const std::string& body) {
  std::lock_guard lock(mu_);
  std::vector<Membership> out;
  for (const auto& [id, m] : memberships_)
    if (m.body == body) out.push_back(m);
  std::sort(out.begin(), out.end(), ByStart);
  return out;
}

Status MemoryPeopleStore::CreateSession(const Session& session) {
  std::lock_guard lock(mu_);
  if (!users_.count(session.user_id)) return UserNotFound(session.user_id);
  if (sessions_.count(session.digest)) return AlreadyExists("Sessionen findes allerede.");
  sessions_[session.digest] = session;
  return OkStatus();
}

Result<Session> MemoryPeopleStore::GetSession(const std::string& digest) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(digest);
  if (it == sessions_.end()) return NotFound("Sessionen findes ikke.");
  return it->second;
}

Status MemoryPeopleStore::TouchSession(const std::string& digest, int64_t now) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(digest);
  if (it != sessions_.end()) it->second.last_seen = now;
  return OkStatus();
}

Status MemoryPeopleStore::DeleteSession(const std::string& digest) {
  std::lock_guard lock(mu_);
  sessions_.erase(digest);
  return OkStatus();
}

Status MemoryPeopleStore::DeleteSessionsOf(UserId user) {
  std::lock_guard lock(mu_);
  std::erase_if(sessions_, [&](const auto& kv) { return kv.second.user_id == user; });
  return OkStatus();
}

Status MemoryPeopleStore::DeleteSessionsSeenBefore(int64_t cutoff) {
  std::lock_guard lock(mu_);
  std::erase_if(sessions_, [&](const auto& kv) { return kv.second.last_seen < cutoff; });
  return OkStatus();
}

Status MemoryPeopleStore::AppendAudit(const AuditEntry& entry) {
  std::lock_guard lock(mu_);
  AuditEntry e = entry;
  e.id = static_cast<int64_t>(audit_.size()) + 1;
  audit_.push_back(e);
  return OkStatus();
}

Result<std::vector<AuditEntry>> MemoryPeopleStore::ListAudit(int limit, int offset) {
  std::lock_guard lock(mu_);
  std::vector<AuditEntry> out;
  for (auto it = audit_.rbegin(); it != audit_.rend(); ++it) {
    if (offset-- > 0) continue;
    if (static_cast<int>(out.size()) >= limit) break;
    out.push_back(*it);
  }
  return out;
}

Result<SignInFailures> MemoryPeopleStore::CountSignInFailures(const std::string& actor, const std::string& remote,
                                                              int64_t since) {
  std::lock_guard lock(mu_);
  SignInFailures f;
  for (const auto& e : audit_) {
    if (e.action != "sign_in_failed" || e.at < since) continue;
    if (e.actor == actor) { ++f.by_actor; f.last_by_actor = std::max(f.last_by_actor, e.at); }
    if (e.remote == remote) { ++f.by_remote; f.last_by_remote = std::max(f.last_by_remote, e.at); }
    if (e.actor == actor && e.remote == remote) ++f.by_actor_at_remote;
  }
  return f;
}

}  // namespace bs
