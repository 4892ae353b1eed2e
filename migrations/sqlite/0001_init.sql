-- budgetspor schema 1: bodies, plans, themes, strategic lines, plan items.
-- Applied once, in a transaction, by storage/sqlite at start. Numbering matches
-- migrations/postgres.

CREATE TABLE bodies (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  owns_items  INTEGER NOT NULL DEFAULT 0,
  sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plans (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  budget_name TEXT NOT NULL,
  first_year  INTEGER NOT NULL,
  last_year   INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  revision    INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  created_by  TEXT NOT NULL
);

CREATE TABLE themes (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans(id),
  name        TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  UNIQUE (plan_id, name)
);

CREATE TABLE strategic_lines (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans(id),
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0,
  UNIQUE (plan_id, title)
);

CREATE TABLE items (
  id                  INTEGER PRIMARY KEY,
  plan_id             INTEGER NOT NULL REFERENCES plans(id),
  category            TEXT NOT NULL,
  committee           TEXT REFERENCES bodies(code),
  theme_id            INTEGER REFERENCES themes(id),
  code                TEXT,
  title               TEXT NOT NULL,
  process             TEXT NOT NULL DEFAULT '',
  status_text         TEXT NOT NULL DEFAULT '',
  state               TEXT NOT NULL,
  traffic_light       TEXT NOT NULL DEFAULT '',
  responsible         TEXT NOT NULL DEFAULT '',
  director            TEXT NOT NULL DEFAULT '',
  timing              TEXT NOT NULL DEFAULT '',
  political_treatment TEXT NOT NULL DEFAULT '',
  directors_role      TEXT NOT NULL DEFAULT '',
  amounts             TEXT NOT NULL DEFAULT '',   -- "2025:-500000;2026:-1000000" (kroner)
  cross_cutting       INTEGER NOT NULL DEFAULT 0,
  strategic           INTEGER NOT NULL DEFAULT 0,
  strategic_line_id   INTEGER REFERENCES strategic_lines(id),
  obs                 INTEGER NOT NULL DEFAULT 0,
  obs_note            TEXT NOT NULL DEFAULT '',
  case_numbers        TEXT NOT NULL DEFAULT '',   -- comma separated
  strategies          TEXT NOT NULL DEFAULT '',   -- one per line
  sdgs                TEXT NOT NULL DEFAULT '',   -- comma separated
  demo                INTEGER NOT NULL DEFAULT 0,
  -- derived by the domain, for filters and sorting (same keys in every backend)
  search_text         TEXT NOT NULL,
  responsible_key     TEXT NOT NULL,
  code_key            TEXT NOT NULL,
  title_key           TEXT NOT NULL,
  state_order         INTEGER NOT NULL,
  timing_key          INTEGER NOT NULL,
  revision            INTEGER NOT NULL,
  created_at          INTEGER NOT NULL,
  created_by          TEXT NOT NULL,
  updated_at          INTEGER NOT NULL,
  updated_by          TEXT NOT NULL,
  deleted_at          INTEGER,
  request_key         TEXT
);

CREATE UNIQUE INDEX items_request_key ON items(plan_id, request_key) WHERE request_key IS NOT NULL;
CREATE INDEX items_plan_committee ON items(plan_id, committee) WHERE deleted_at IS NULL;
CREATE INDEX items_plan_code ON items(plan_id, code_key) WHERE deleted_at IS NULL;
CREATE INDEX items_plan_cross ON items(plan_id, cross_cutting) WHERE deleted_at IS NULL;
