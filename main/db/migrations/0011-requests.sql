-- Idempotent creates: each create carries a client-made request id; its first answer is
-- kept here, written in the same transaction as the record, so a repeat (a double Enter,
-- an HTTP retry) finds it and creates nothing.
CREATE TABLE requests (
  request_id  TEXT PRIMARY KEY,
  call        TEXT NOT NULL,
  actor_id    TEXT,
  result      TEXT NOT NULL CHECK (json_valid(result)),
  created_at  TEXT NOT NULL
) WITHOUT ROWID;

-- A county decision (applied by sync) moves an intake item with no station staff member
-- behind it: its history row keeps the county decider's name instead of a staff id.
CREATE TABLE intake_events_next (
  id           TEXT PRIMARY KEY,
  intake_id    TEXT NOT NULL REFERENCES intake_records(id),
  at           TEXT NOT NULL,
  by           TEXT REFERENCES staff(id),
  by_name      TEXT,
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  reason       TEXT,
  CHECK (by IS NOT NULL OR by_name IS NOT NULL)
);
-- rowid order is the history's tie-break for events at the same instant: kept as it was
INSERT INTO intake_events_next (id, intake_id, at, by, from_status, to_status, reason)
  SELECT id, intake_id, at, by, from_status, to_status, reason FROM intake_events ORDER BY rowid;
DROP TABLE intake_events;
ALTER TABLE intake_events_next RENAME TO intake_events;
CREATE INDEX intake_events_record ON intake_events (intake_id, at);
