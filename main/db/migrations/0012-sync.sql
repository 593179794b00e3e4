-- The station's sync worker (main/sync): its one state row, the county's permanent
-- rejections of outbox events, county decisions kept as conflicts, and the county's
-- latest decision on each 代办 item.

CREATE TABLE sync_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  county_url       TEXT,
  station_id       TEXT,
  -- the county's bearer token; never logged, never in a URL
  station_token    TEXT,
  county_name      TEXT,
  -- the county's public progress page, printed on receipts once enrolled
  public_url       TEXT,
  enrolled_at      TEXT,
  -- every outbox seq <= this is settled at the county
  acked_through    INTEGER NOT NULL DEFAULT 0 CHECK (acked_through >= 0),
  -- the county feed's cursor: advanced in the same transaction as the page it applies
  pull_cursor      INTEGER NOT NULL DEFAULT 0 CHECK (pull_cursor >= 0),
  -- the token was refused (401/403): no retries until re-enrolled; the queue is kept
  needs_reenroll   INTEGER NOT NULL DEFAULT 0 CHECK (needs_reenroll IN (0, 1)),
  last_push_at     TEXT,
  last_pull_at     TEXT,
  last_success_at  TEXT,
  last_error       TEXT,
  last_error_at    TEXT,
  next_attempt_at  TEXT,
  clock_skew_s     REAL
);
INSERT INTO sync_state (id) VALUES (1);

-- A permanent rejection: kept and shown to the station head; it never blocks the queue.
CREATE TABLE sync_rejections (
  seq          INTEGER PRIMARY KEY REFERENCES outbox(seq),
  reason       TEXT NOT NULL,
  message      TEXT NOT NULL,
  rejected_at  TEXT NOT NULL
);

-- A county decision not applied because the station changed the record after the county
-- saw it (or the record could no longer take it): never applied, never dropped.
CREATE TABLE sync_conflicts (
  id               TEXT PRIMARY KEY,
  feed_seq         INTEGER NOT NULL UNIQUE,
  kind             TEXT NOT NULL,
  entity           TEXT NOT NULL,
  entity_id        TEXT NOT NULL,
  label            TEXT NOT NULL,
  summary          TEXT NOT NULL,
  body             TEXT NOT NULL CHECK (json_valid(body)),
  based_on_version INTEGER NOT NULL,
  station_version  INTEGER NOT NULL,
  received_at      TEXT NOT NULL,
  resolved_at      TEXT,
  resolved_by      TEXT REFERENCES staff(id),
  resolution       TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts (received_at) WHERE resolved_at IS NULL;

-- The county's latest decision on a forwarded item, as the 代办 item shows it.
ALTER TABLE intake_records ADD COLUMN county_decision TEXT CHECK (county_decision IS NULL OR county_decision IN ('accepted', 'completed', 'returned'));
ALTER TABLE intake_records ADD COLUMN county_department TEXT;
ALTER TABLE intake_records ADD COLUMN county_result TEXT;
ALTER TABLE intake_records ADD COLUMN county_reason TEXT;
ALTER TABLE intake_records ADD COLUMN county_decided_at TEXT;
ALTER TABLE intake_records ADD COLUMN county_decided_by TEXT;
-- the record's version right after a county decision was applied, and the station's own
-- version that decision was based on: a next decision based on that version is not a
-- conflict, since only the county's own step came between
ALTER TABLE intake_records ADD COLUMN county_version INTEGER;
ALTER TABLE intake_records ADD COLUMN county_based_on INTEGER;
CREATE INDEX intake_records_county_decided ON intake_records (county_decided_at) WHERE county_decided_at IS NOT NULL;
