-- budgetspor schema 2: append-only item history, status updates, published versions.
-- item_revisions holds every revision of every item, whole; nothing may change or
-- remove a row (the triggers refuse it). A version is a list of (item, revision).

CREATE TABLE item_revisions (
  item_id             INTEGER NOT NULL REFERENCES items(id),
  revision            INTEGER NOT NULL,
  plan_id             INTEGER NOT NULL REFERENCES plans(id),
  category            TEXT NOT NULL,
  committee           TEXT,
  theme_id            INTEGER,
  code                TEXT,
  title               TEXT NOT NULL,
  process             TEXT NOT NULL,
  status_text         TEXT NOT NULL,
  state               TEXT NOT NULL,
  traffic_light       TEXT NOT NULL,
  responsible         TEXT NOT NULL,
  director            TEXT NOT NULL,
  timing              TEXT NOT NULL,
  political_treatment TEXT NOT NULL,
  directors_role      TEXT NOT NULL,
  amounts             TEXT NOT NULL,
  cross_cutting       INTEGER NOT NULL,
  strategic           INTEGER NOT NULL,
  strategic_line_id   INTEGER,
  obs                 INTEGER NOT NULL,
  obs_note            TEXT NOT NULL,
  case_numbers        TEXT NOT NULL,
  strategies          TEXT NOT NULL,
  sdgs                TEXT NOT NULL,
  demo                INTEGER NOT NULL,
  at                  INTEGER NOT NULL,
  author              TEXT NOT NULL,
  source              TEXT NOT NULL,   -- form, api, import, restore, status, demo
  action              TEXT NOT NULL,   -- create, update, status, delete
  comment             TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, revision)
);

CREATE TRIGGER item_revisions_append_only_update BEFORE UPDATE ON item_revisions
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER item_revisions_append_only_delete BEFORE DELETE ON item_revisions
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- Items that existed before this migration get their present state as revision history.
INSERT INTO item_revisions
SELECT id, revision, plan_id, category, committee, theme_id, code, title, process, status_text, state,
       traffic_light, responsible, director, timing, political_treatment, directors_role, amounts,
       cross_cutting, strategic, strategic_line_id, obs, obs_note, case_numbers, strategies, sdgs, demo,
       updated_at, updated_by, 'import', CASE WHEN deleted_at IS NULL THEN 'create' ELSE 'delete' END, ''
FROM items;

CREATE TABLE status_updates (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL REFERENCES items(id),
  item_revision  INTEGER NOT NULL,
  as_of          TEXT NOT NULL,              -- ISO date of the status
  author         TEXT NOT NULL,
  status_text    TEXT NOT NULL,
  state          TEXT NOT NULL,
  traffic_light  TEXT NOT NULL,
  realised       TEXT NOT NULL DEFAULT '',   -- expected realised effect: "2025:-400000;..."
  obs_action     TEXT NOT NULL DEFAULT '',   -- '', 'raise', 'resolve'
  obs_note       TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL
);
CREATE INDEX status_updates_item ON status_updates(item_id, id);
CREATE TRIGGER status_updates_append_only_update BEFORE UPDATE ON status_updates
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER status_updates_append_only_delete BEFORE DELETE ON status_updates
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

CREATE TABLE versions (
  id               INTEGER PRIMARY KEY,
  plan_id          INTEGER NOT NULL REFERENCES plans(id),
  name             TEXT NOT NULL,
  as_of            TEXT NOT NULL,
  reporting_round  TEXT NOT NULL DEFAULT '',
  published_at     INTEGER NOT NULL,
  published_by     TEXT NOT NULL,
  item_count       INTEGER NOT NULL,
  UNIQUE (plan_id, name)
);

CREATE TABLE version_items (
  version_id     INTEGER NOT NULL REFERENCES versions(id),
  item_id        INTEGER NOT NULL,
  item_revision  INTEGER NOT NULL,
  PRIMARY KEY (version_id, item_id),
  FOREIGN KEY (item_id, item_revision) REFERENCES item_revisions(item_id, revision)
);

CREATE TRIGGER versions_immutable_update BEFORE UPDATE ON versions
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
CREATE TRIGGER versions_immutable_delete BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
CREATE TRIGGER version_items_immutable_update BEFORE UPDATE ON version_items
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
CREATE TRIGGER version_items_immutable_delete BEFORE DELETE ON version_items
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
