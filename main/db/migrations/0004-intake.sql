-- 代办 intake: records, their status history, 一次性告知/补正通知, and daily serials.

-- Daily serials for numbers unique without the county; BEGIN IMMEDIATE serialises writers.
CREATE TABLE serials (
  scope  TEXT NOT NULL,
  day    TEXT NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (scope, day)
) WITHOUT ROWID;

CREATE TABLE intake_records (
  id                  TEXT PRIMARY KEY,
  receipt_no          TEXT NOT NULL UNIQUE,
  resident_id         TEXT NOT NULL,
  -- snapshot at acceptance, as printed on the receipt
  resident_name       TEXT NOT NULL,
  resident_id_masked  TEXT NOT NULL,
  item_code           TEXT NOT NULL,
  item_version        TEXT NOT NULL,
  item_name           TEXT NOT NULL,
  item_category       TEXT NOT NULL,
  department          TEXT NOT NULL,
  forwarded           INTEGER NOT NULL CHECK (forwarded IN (0, 1)),
  time_limit          TEXT NOT NULL,
  materials_required  TEXT NOT NULL,
  materials_received  TEXT NOT NULL,
  note                TEXT,
  status              TEXT NOT NULL CHECK (status IN ('accepted', 'processing', 'forwarded', 'completed', 'collected', 'delivered', 'returned', 'cancelled')),
  accepted_at         TEXT NOT NULL,
  accepted_by         TEXT NOT NULL REFERENCES staff(id),
  promised_date       TEXT NOT NULL,
  promised_at         TEXT,
  completed_at        TEXT,
  result              TEXT,
  handover_kind       TEXT CHECK (handover_kind IN ('collected', 'delivered')),
  handover_at         TEXT,
  receiver_name       TEXT,
  closed_reason       TEXT,
  updated_at          TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX intake_records_status_due ON intake_records (status, promised_date);
CREATE INDEX intake_records_accepted ON intake_records (accepted_at);
CREATE INDEX intake_records_clerk ON intake_records (accepted_by, accepted_at);
CREATE INDEX intake_records_resident ON intake_records (resident_id);
CREATE INDEX intake_records_item ON intake_records (item_code);

CREATE TABLE intake_events (
  id           TEXT PRIMARY KEY,
  intake_id    TEXT NOT NULL REFERENCES intake_records(id),
  at           TEXT NOT NULL,
  by           TEXT NOT NULL REFERENCES staff(id),
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  reason       TEXT
);
CREATE INDEX intake_events_record ON intake_events (intake_id, at);

CREATE TABLE intake_notices (
  id                  TEXT PRIMARY KEY,
  notice_no           TEXT NOT NULL UNIQUE,
  resident_id         TEXT NOT NULL,
  resident_name       TEXT NOT NULL,
  item_code           TEXT NOT NULL,
  item_version        TEXT NOT NULL,
  item_name           TEXT NOT NULL,
  materials_required  TEXT NOT NULL,
  materials_received  TEXT NOT NULL,
  materials_missing   TEXT NOT NULL,
  note                TEXT,
  issued_at           TEXT NOT NULL,
  issued_by           TEXT NOT NULL REFERENCES staff(id)
);
CREATE INDEX intake_notices_resident ON intake_notices (resident_id, issued_at);
