-- 日结 (issue 7): one close per station day. It covers the outbox events from_seq..through_seq
-- (from_seq = the previous close's through_seq + 1) with a digest the county recomputes, and
-- keeps the county's answer. The day's figures are frozen in summary, as printed.
CREATE TABLE day_closes (
  id                 TEXT PRIMARY KEY,
  -- the client's request id: a repeated 日结 (a double Enter) answers with the first close
  request_id         TEXT NOT NULL UNIQUE,
  -- the station day (Asia/Shanghai), YYYY-MM-DD: a day is closed once
  day                TEXT NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  from_seq           INTEGER NOT NULL CHECK (from_seq >= 1),
  through_seq        INTEGER NOT NULL CHECK (through_seq >= from_seq - 1),
  digest             TEXT NOT NULL CHECK (length(digest) = 64),
  -- the protocol's counts ({"intake.accepted": 12, …}) and the day at a glance as printed
  counts             TEXT NOT NULL CHECK (json_valid(counts) AND json_type(counts) = 'object'),
  summary            TEXT NOT NULL CHECK (json_valid(summary) AND json_type(summary) = 'object'),
  first_receipt_no   TEXT,
  last_receipt_no    TEXT,
  -- the 操作日志's head when the day was closed
  audit_seq          INTEGER NOT NULL CHECK (audit_seq >= 0),
  audit_hash         TEXT NOT NULL CHECK (length(audit_hash) = 64),
  closed_at          TEXT NOT NULL,
  closed_by          TEXT NOT NULL REFERENCES staff(id),
  -- 待确认 / 已确认 / 不一致
  county_status      TEXT NOT NULL DEFAULT 'pending' CHECK (county_status IN ('pending', 'confirmed', 'mismatch')),
  -- why it is still pending (未登记县级平台, 无法连接, 尚缺 N 条记录) or the county's mismatch message
  county_reason      TEXT,
  -- the county's last answer as received (DayCloseResponse JSON)
  county_answer      TEXT CHECK (county_answer IS NULL OR json_valid(county_answer)),
  -- the county's time of confirmation (or of its last answer)
  county_answered_at TEXT,
  -- when the station last tried to send it
  county_tried_at    TEXT,
  -- the latest 日结报表 (a reprint makes a new one)
  report_document_id TEXT REFERENCES documents(id),
  reprint_count      INTEGER NOT NULL DEFAULT 0 CHECK (reprint_count >= 0),
  version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX day_closes_through ON day_closes (through_seq);
CREATE INDEX day_closes_pending ON day_closes (closed_at) WHERE county_status = 'pending';

-- The day at a glance reads each table by the day's time range.
CREATE INDEX intake_events_at ON intake_events (at);
CREATE INDEX intake_notices_issued ON intake_notices (issued_at);
CREATE INDEX documents_kind_created ON documents (kind, created_at);
CREATE INDEX document_copies_created ON document_copies (created_at);
