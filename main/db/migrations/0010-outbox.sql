-- The station's outbox: one event per business change, written in the same
-- transaction as the row and its audit entry (main/db/write.ts). The county
-- receives them in seq order; seq is gapless (one station per database file),
-- and each event carries the hash of the one before it, like the audit log.
CREATE TABLE outbox (
  seq          INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL UNIQUE,
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  op           TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
  version      INTEGER NOT NULL CHECK (version >= 1),
  occurred_at  TEXT NOT NULL,
  payload      TEXT NOT NULL CHECK (json_valid(payload)),
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE,
  -- for the sync worker: when a push carried it, when the county acknowledged it
  sent_at      TEXT,
  acked_at     TEXT,
  UNIQUE (entity, entity_id, version)
);
CREATE INDEX outbox_unacked ON outbox (seq) WHERE acked_at IS NULL;

-- An event is frozen once written (an edit is a new event); only delivery state moves.
CREATE TRIGGER outbox_frozen BEFORE UPDATE OF seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash ON outbox
BEGIN
  SELECT RAISE(ABORT, 'outbox events are frozen');
END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN
  SELECT RAISE(ABORT, 'outbox events are kept');
END;
