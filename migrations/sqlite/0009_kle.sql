-- budgetspor schema 9 (issue 13): the municipality's KLE list.
-- Loaded whole by `budgetspor import kle` (replaced in one transaction); a case's journal
-- number is checked against it and shown with its title. Writes bump meeting_revision,
-- since meeting and case pages show the titles.

CREATE TABLE kle (
  number TEXT PRIMARY KEY,   -- "00.30.10", "00.30", "00", facet "S00"
  title  TEXT NOT NULL,
  kind   TEXT NOT NULL       -- main_group, group, subject, facet
);

CREATE TABLE kle_meta (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  source TEXT NOT NULL,      -- the file's name
  author TEXT NOT NULL,
  at     INTEGER NOT NULL    -- unix seconds
);

CREATE TRIGGER kle_meta_insert_bump AFTER INSERT ON kle_meta BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER kle_meta_delete_bump AFTER DELETE ON kle_meta BEGIN UPDATE meeting_revision SET value = value + 1; END;
