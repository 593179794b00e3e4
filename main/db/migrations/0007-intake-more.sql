-- 代办, issue 6: eligibility conditions on catalogue items; items done on the spot; the
-- notice an item followed; 转报 details with their 转报单; proxy collection (代领).

-- {minAge?, maxAge?, tags?, residence?} or NULL; warned about at intake, never enforced.
ALTER TABLE catalogue_items ADD COLUMN conditions TEXT CHECK (conditions IS NULL OR (json_valid(conditions) AND json_type(conditions) = 'object'));

-- One 转报单: several items handed to one county department at once.
CREATE TABLE intake_transmittals (
  id              TEXT PRIMARY KEY,
  transmittal_no  TEXT NOT NULL UNIQUE,
  department      TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('system', 'paper', 'mail', 'other')),
  channel_note    TEXT,
  receiver_name   TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  note            TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL REFERENCES staff(id)
);
CREATE INDEX intake_transmittals_created ON intake_transmittals (created_at);

-- accepted and completed in one step (当场办结): one receipt says so
ALTER TABLE intake_records ADD COLUMN on_the_spot INTEGER NOT NULL DEFAULT 0 CHECK (on_the_spot IN (0, 1));
-- the 一次性告知书 this acceptance followed (same resident and item)
ALTER TABLE intake_records ADD COLUMN notice_id TEXT REFERENCES intake_notices(id);
-- JSON [{rule, message}] shown at acceptance and accepted over by the clerk; NULL: none
ALTER TABLE intake_records ADD COLUMN eligibility_warnings TEXT CHECK (eligibility_warnings IS NULL OR json_valid(eligibility_warnings));
ALTER TABLE intake_records ADD COLUMN transmittal_id TEXT REFERENCES intake_transmittals(id);
-- 代领: the proxy who collected the result. The 身份证号 is kept in full (the record of who
-- took it) and shown masked; it never goes into the audit log.
ALTER TABLE intake_records ADD COLUMN proxy_name TEXT;
ALTER TABLE intake_records ADD COLUMN proxy_id_number TEXT;
ALTER TABLE intake_records ADD COLUMN proxy_relation TEXT;

CREATE INDEX intake_records_notice ON intake_records (notice_id);
CREATE INDEX intake_records_transmittal ON intake_records (transmittal_id);
CREATE INDEX intake_notices_item ON intake_notices (resident_id, item_code, issued_at);
