-- budgetspor schema 4: people, roles, memberships of bodies, sessions and the audit
-- log (issue 5). Sessions are stored by a digest of the cookie token, never the token.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  roles         TEXT NOT NULL DEFAULT '',   -- role slugs, comma separated
  departments   TEXT NOT NULL DEFAULT '',   -- body codes, comma separated (fagchef)
  active        INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT NOT NULL DEFAULT '',   -- argon2id encoded (libsodium)
  created_at    INTEGER NOT NULL
);

CREATE TABLE memberships (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  body       TEXT NOT NULL REFERENCES bodies(code),
  kind       TEXT NOT NULL,                 -- medlem, formand, naestformand, sekretaer
  from_date  TEXT NOT NULL,                 -- ISO date
  to_date    TEXT                           -- ISO date, inclusive; NULL: still sitting
);
CREATE INDEX memberships_user ON memberships(user_id);
CREATE INDEX memberships_body ON memberships(body);

CREATE TABLE sessions (
  digest     TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  remote     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  detail  TEXT NOT NULL DEFAULT '',
  remote  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_actor ON audit_log(action, actor, at);
CREATE INDEX audit_remote ON audit_log(action, remote, at);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
