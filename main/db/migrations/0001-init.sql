-- The station this installation serves: exactly one row once set up.
CREATE TABLE station (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  county      TEXT NOT NULL,
  address     TEXT NOT NULL,
  phone       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE staff (
  id               TEXT PRIMARY KEY,
  login            TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name             TEXT NOT NULL,
  role             TEXT NOT NULL CHECK (role IN ('clerk', 'head', 'admin')),
  password_hash    TEXT NOT NULL,
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_count     INTEGER NOT NULL DEFAULT 0,
  locked_until     TEXT,
  last_sign_in_at  TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

-- Append-only: each row carries the hash of the one before it, so a removed or
-- edited row breaks the chain (audit.verify finds where).
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   TEXT REFERENCES staff(id),
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  detail     TEXT NOT NULL DEFAULT '{}',
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Station-wide policy that must be the same on every PC of the station
-- (machine-local settings live in config.json instead).
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
INSERT INTO settings (key, value, updated_at) VALUES
  ('auth.maxFailedSignIns', '5', '1970-01-01T00:00:00.000Z'),
  ('auth.lockMinutes', '15', '1970-01-01T00:00:00.000Z');
