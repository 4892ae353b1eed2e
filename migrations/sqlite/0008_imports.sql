-- budgetspor schema 8 (issue 13): imports.
-- Items (and their history) carry their keys in the finance system, so realised amounts
-- imported from there find their item. The mapping a user confirmed for a sheet layout
-- (its header row) is remembered. An uploaded sheet waits in the database between the
-- mapping step and apply, so any app server can continue the import.

ALTER TABLE items ADD COLUMN external_keys TEXT NOT NULL DEFAULT '';           -- "3.22.01,3.22.02"
ALTER TABLE item_revisions ADD COLUMN external_keys TEXT NOT NULL DEFAULT '';

CREATE TABLE import_mappings (
  layout_key  TEXT PRIMARY KEY,   -- the kind of import and the header row, normalised
  mapping     TEXT NOT NULL,      -- JSON: header as written -> field
  updated_at  INTEGER NOT NULL,
  updated_by  TEXT NOT NULL
);

CREATE TABLE import_uploads (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: an old link must not open a newer file
  plan_id     INTEGER NOT NULL REFERENCES plans(id),
  kind        TEXT NOT NULL,      -- plan-sheet, realised
  filename    TEXT NOT NULL,
  bytes       BLOB NOT NULL,
  uploaded_at INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL
);
