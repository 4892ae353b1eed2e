-- budgetspor schema 3: append-only history of changes to plans and the municipality's
-- bodies (plan created, theme or strategic line added, version published, body changed).
-- Item changes live in item_revisions.

CREATE TABLE plan_events (
  id       INTEGER PRIMARY KEY,
  plan_id  INTEGER REFERENCES plans(id),   -- NULL: municipality-wide (bodies)
  at       INTEGER NOT NULL,
  author   TEXT NOT NULL,
  source   TEXT NOT NULL,
  action   TEXT NOT NULL,                  -- plan_created, theme_added, strategic_line_added, version_published, body_changed
  detail   TEXT NOT NULL
);
CREATE INDEX plan_events_plan ON plan_events(plan_id, id);
CREATE TRIGGER plan_events_append_only_update BEFORE UPDATE ON plan_events
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER plan_events_append_only_delete BEFORE DELETE ON plan_events
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

INSERT INTO plan_events (plan_id, at, author, source, action, detail)
SELECT id, created_at, created_by, 'import', 'plan_created', name FROM plans;
