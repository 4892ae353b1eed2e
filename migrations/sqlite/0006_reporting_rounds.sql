-- budgetspor schema 6 (issue 11): the expected realised effect on items (and in their
-- history, so versions and redline carry it), reporting rounds with the directors'
-- highlights, status updates tied to the round they were given in, and the
-- municipality's name for the documents.

ALTER TABLE items ADD COLUMN realised TEXT NOT NULL DEFAULT '';          -- "2025:-400000;..." (kroner)
ALTER TABLE item_revisions ADD COLUMN realised TEXT NOT NULL DEFAULT '';

-- Items that reported figures before this migration keep the latest figures they gave.
UPDATE items SET realised = coalesce((SELECT s.realised FROM status_updates s
                                      WHERE s.item_id = items.id AND s.realised != ''
                                      ORDER BY s.id DESC LIMIT 1), '');

CREATE TABLE reporting_rounds (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES plans(id),
  name            TEXT NOT NULL,
  cutoff          TEXT NOT NULL,              -- ISO date
  followup        TEXT NOT NULL DEFAULT '',   -- the budget follow-up round it belongs to
  opened_at       INTEGER NOT NULL,
  opened_by       TEXT NOT NULL,
  closed_at       INTEGER,                    -- NULL while open
  closed_by       TEXT,
  version_id      INTEGER REFERENCES versions(id),
  reported_count  INTEGER NOT NULL DEFAULT 0, -- completeness when it closed
  item_count      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (plan_id, name)
);
-- At most one open round per plan, also when two requests race.
CREATE UNIQUE INDEX reporting_rounds_one_open ON reporting_rounds(plan_id) WHERE closed_at IS NULL;
-- A closed round is history: it cannot change or go away.
CREATE TRIGGER reporting_rounds_closed_immutable BEFORE UPDATE ON reporting_rounds
WHEN OLD.closed_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'closed rounds are history'); END;
CREATE TRIGGER reporting_rounds_no_delete BEFORE DELETE ON reporting_rounds
BEGIN SELECT RAISE(ABORT, 'rounds are history'); END;

CREATE TABLE round_highlights (
  round_id  INTEGER NOT NULL REFERENCES reporting_rounds(id),
  item_id   INTEGER NOT NULL REFERENCES items(id),
  reason    TEXT NOT NULL,
  internal  INTEGER NOT NULL DEFAULT 0,
  by_name   TEXT NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (round_id, item_id)
);
-- Highlights change only while their round is open.
CREATE TRIGGER round_highlights_open_insert BEFORE INSERT ON round_highlights
WHEN (SELECT closed_at FROM reporting_rounds WHERE id = NEW.round_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the round is closed'); END;
CREATE TRIGGER round_highlights_open_update BEFORE UPDATE ON round_highlights
WHEN (SELECT closed_at FROM reporting_rounds WHERE id = OLD.round_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the round is closed'); END;
CREATE TRIGGER round_highlights_open_delete BEFORE DELETE ON round_highlights
WHEN (SELECT closed_at FROM reporting_rounds WHERE id = OLD.round_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the round is closed'); END;

ALTER TABLE status_updates ADD COLUMN round_id INTEGER REFERENCES reporting_rounds(id);
CREATE INDEX status_updates_round ON status_updates(round_id) WHERE round_id IS NOT NULL;
CREATE INDEX status_updates_as_of ON status_updates(as_of);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
