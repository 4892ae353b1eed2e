-- budgetspor schema 5: meetings, cases, agendas, decisions, attachments and the year
-- wheel (issue 6). Agenda items keep their revisions (changes after publishing) in
-- agenda_revisions, which is append-only like the audit log.

CREATE TABLE meetings (
  id           INTEGER PRIMARY KEY,
  body         TEXT NOT NULL REFERENCES bodies(code),
  date         TEXT NOT NULL,              -- ISO date
  start_minute INTEGER NOT NULL,
  end_minute   INTEGER NOT NULL,
  place        TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL,              -- ordinaer, ekstraordinaer, temamoede
  cancelled    INTEGER NOT NULL DEFAULT 0,
  published_at INTEGER NOT NULL DEFAULT 0, -- unix seconds; 0: agenda not published
  approved_at  INTEGER NOT NULL DEFAULT 0, -- unix seconds; 0: minutes not approved
  breaks       TEXT NOT NULL DEFAULT '',   -- "10:45-10:55 Pause" lines
  absent       TEXT NOT NULL DEFAULT '',   -- user ids, comma separated (Fraværende)
  apologies    TEXT NOT NULL DEFAULT '',   -- user ids, comma separated (Afbud)
  change_log   TEXT NOT NULL DEFAULT ''    -- changes after publishing, one line each
);
CREATE INDEX meetings_date ON meetings(date, start_minute);
CREATE INDEX meetings_body ON meetings(body, date);

CREATE TABLE cases (
  id      INTEGER PRIMARY KEY,
  number  TEXT NOT NULL UNIQUE,            -- "24/7615", normalised
  year    INTEGER NOT NULL,
  serial  INTEGER NOT NULL,
  kle     TEXT NOT NULL DEFAULT '',
  title   TEXT NOT NULL,
  officer TEXT NOT NULL DEFAULT '',
  closed  INTEGER NOT NULL DEFAULT 0,
  route   TEXT NOT NULL DEFAULT ''          -- body codes, comma separated, in order
);

CREATE TABLE agenda_items (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  position       INTEGER NOT NULL,
  title          TEXT NOT NULL,
  closed         INTEGER NOT NULL DEFAULT 0,
  background     TEXT NOT NULL DEFAULT '',
  presentation   TEXT NOT NULL DEFAULT '',
  policies       TEXT NOT NULL DEFAULT '',
  economy        TEXT NOT NULL DEFAULT '',
  legal_basis    TEXT NOT NULL DEFAULT '',
  recommendation TEXT NOT NULL DEFAULT '',
  recommended_by TEXT NOT NULL DEFAULT '',
  slot_start     INTEGER NOT NULL DEFAULT -1,
  slot_end       INTEGER NOT NULL DEFAULT -1,
  participants   TEXT NOT NULL DEFAULT '',
  decision       TEXT NOT NULL DEFAULT '',
  protocol_note  TEXT NOT NULL DEFAULT '',
  revision       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_items_case ON agenda_items(case_id);

CREATE TABLE agenda_plan_items (
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  item_id        INTEGER NOT NULL,          -- plan item (items may be deleted; kept as history)
  PRIMARY KEY (agenda_item_id, item_id)
) WITHOUT ROWID;
CREATE INDEX agenda_plan_items_item ON agenda_plan_items(item_id);

CREATE TABLE agenda_revisions (
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  number         INTEGER NOT NULL,
  reason         TEXT NOT NULL,
  author         TEXT NOT NULL,
  at             INTEGER NOT NULL,
  what           TEXT NOT NULL,
  previous       TEXT NOT NULL,
  PRIMARY KEY (agenda_item_id, number)
);
CREATE TRIGGER agenda_revisions_no_update BEFORE UPDATE ON agenda_revisions
BEGIN SELECT RAISE(ABORT, 'agenda_revisions is append-only'); END;

CREATE TABLE attachments (
  id             INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  number         INTEGER NOT NULL,
  title          TEXT NOT NULL,
  closed         INTEGER NOT NULL DEFAULT 0,
  document_number TEXT NOT NULL DEFAULT '',
  filename       TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size           INTEGER NOT NULL
);
CREATE INDEX attachments_item ON attachments(agenda_item_id, number);
-- The bytes apart, so that listing attachments never reads them.
CREATE TABLE attachment_bytes (
  attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id),
  bytes         BLOB NOT NULL
);

CREATE TABLE recurring_topics (
  id      INTEGER PRIMARY KEY,
  body    TEXT NOT NULL REFERENCES bodies(code),
  title   TEXT NOT NULL,
  months  TEXT NOT NULL,                   -- "6,12"
  case_id INTEGER NOT NULL REFERENCES cases(id)
);

-- One counter bumped by every write to the tables above, in the same transaction, so
-- that rendered meeting pages can be cached and never served stale, also with several
-- app servers on one database (the page cache compares it on every request).
CREATE TABLE meeting_revision (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO meeting_revision (id, value) VALUES (1, 0);
CREATE TRIGGER meetings_insert_bump AFTER INSERT ON meetings BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER meetings_update_bump AFTER UPDATE ON meetings BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER meetings_delete_bump AFTER DELETE ON meetings BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER cases_insert_bump AFTER INSERT ON cases BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER cases_update_bump AFTER UPDATE ON cases BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER cases_delete_bump AFTER DELETE ON cases BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_items_insert_bump AFTER INSERT ON agenda_items BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_items_update_bump AFTER UPDATE ON agenda_items BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_items_delete_bump AFTER DELETE ON agenda_items BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_plan_items_insert_bump AFTER INSERT ON agenda_plan_items BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_plan_items_update_bump AFTER UPDATE ON agenda_plan_items BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_plan_items_delete_bump AFTER DELETE ON agenda_plan_items BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_revisions_insert_bump AFTER INSERT ON agenda_revisions BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_revisions_update_bump AFTER UPDATE ON agenda_revisions BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER agenda_revisions_delete_bump AFTER DELETE ON agenda_revisions BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER attachments_insert_bump AFTER INSERT ON attachments BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER attachments_update_bump AFTER UPDATE ON attachments BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER attachments_delete_bump AFTER DELETE ON attachments BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER recurring_topics_insert_bump AFTER INSERT ON recurring_topics BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER recurring_topics_update_bump AFTER UPDATE ON recurring_topics BEGIN UPDATE meeting_revision SET value = value + 1; END;
CREATE TRIGGER recurring_topics_delete_bump AFTER DELETE ON recurring_topics BEGIN UPDATE meeting_revision SET value = value + 1; END;
