-- The county's whole state (DESIGN.md §5): nothing lives in the server process, so any
-- number of instances can serve one PostgreSQL. Instants are timestamptz, except the
-- station's own texts that its hashes cover (occurred_at, payload), kept byte for byte.

CREATE TABLE counties (
  id          SERIAL PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE stations (
  id                     UUID PRIMARY KEY,
  county_id              INT NOT NULL REFERENCES counties (id),
  code                   TEXT NOT NULL,
  name                   TEXT NOT NULL,
  status                 TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'enrolled', 'revoked')),
  -- sha256 hex of the bearer token; the token itself is never stored or logged
  token_hash             TEXT UNIQUE,
  -- the one-time enrollment code, hashed; cleared when used. used_code_hash keeps the last
  -- used one so a second use is told 已使用 rather than 不正确.
  enrollment_code_hash   TEXT,
  enrollment_expires_at  TIMESTAMPTZ,
  used_code_hash         TEXT,
  enrolled_at            TIMESTAMPTZ,
  device_name            TEXT,
  -- every seq <= acked_through is settled (stored, or permanently rejected)
  acked_through          BIGINT NOT NULL DEFAULT 0,
  backlog                BIGINT NOT NULL DEFAULT 0,
  last_push_at           TIMESTAMPTZ,
  last_pull_at           TIMESTAMPTZ,
  -- the `after` of the last pull: what a re-enrolled station resumes from
  pull_cursor            BIGINT NOT NULL DEFAULT 0,
  audit_head_seq         BIGINT,
  audit_head_hash        TEXT,
  audit_head_at          TIMESTAMPTZ,
  audit_tail_cut         BOOLEAN NOT NULL DEFAULT false,
  created_at             TIMESTAMPTZ NOT NULL,
  UNIQUE (county_id, code)
);

-- One row per settled seq of a station's outbox. rejected NULL: applied; else the reason of
-- the permanent rejection that settled the seq (details in rejected_events): the row keeps
-- the hash the station claimed, which the next seq's prev_hash links to (county/store/push.ts). Partitioned by county: a province's
-- PostgreSQL holds each county's events in its own partition (created with the county).
CREATE TABLE station_events (
  county_id     INT NOT NULL,
  station_id    UUID NOT NULL,
  seq           BIGINT NOT NULL,
  event_id      TEXT NOT NULL,
  entity        TEXT NOT NULL,
  entity_id     TEXT NOT NULL,
  op            TEXT NOT NULL,
  version       INT NOT NULL,
  occurred_at   TEXT NOT NULL,
  -- the exact JSON text the hash covers: TEXT, never jsonb (which would re-serialise it)
  payload       TEXT NOT NULL,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL,
  rejected      TEXT CHECK (rejected IN ('HASH_MISMATCH', 'BAD_HASH', 'BROKEN_CHAIN', 'INVALID')),
  received_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (county_id, station_id, seq)
) PARTITION BY LIST (county_id);
CREATE TABLE station_events_default PARTITION OF station_events DEFAULT;

-- The 操作日志 heads a station reported (seq → hash): a head lower than the last one is a cut
-- tail unless it is one already seen (a delayed request carrying an older head).
CREATE TABLE audit_heads (
  station_id  UUID NOT NULL REFERENCES stations (id),
  seq         BIGINT NOT NULL,
  hash        TEXT NOT NULL,
  at          TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (station_id, seq)
);

-- Every permanent rejection, as shown to the station head. settled: this rejection settled
-- its seq (else the seq was already settled by an earlier event, e.g. HASH_MISMATCH).
CREATE TABLE rejected_events (
  id            BIGSERIAL PRIMARY KEY,
  station_id    UUID NOT NULL REFERENCES stations (id),
  seq           BIGINT NOT NULL,
  event_id      TEXT NOT NULL,
  entity        TEXT NOT NULL,
  entity_id     TEXT NOT NULL,
  reason        TEXT NOT NULL,
  message       TEXT NOT NULL,
  claimed_hash  TEXT NOT NULL,
  settled       BOOLEAN NOT NULL,
  -- the event as it arrived (JSON text, at most 64 KiB), for whoever looks into it
  event         TEXT NOT NULL,
  at            TIMESTAMPTZ NOT NULL,
  UNIQUE (station_id, seq, reason, claimed_hash)
);
CREATE INDEX rejected_events_by_station ON rejected_events (station_id, seq);

-- The county's side of the sync: ordered by its own sequence, never by a clock.
-- station_id NULL: for every station of the county (catalogue versions, calendars).
CREATE TABLE feed (
  seq         BIGSERIAL PRIMARY KEY,
  county_id   INT NOT NULL REFERENCES counties (id),
  station_id  UUID REFERENCES stations (id),
  kind        TEXT NOT NULL CHECK (kind IN ('intake.decision', 'catalogue.version', 'calendar.year')),
  body        JSON NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX feed_by_county ON feed (county_id, seq);

CREATE TABLE day_closes (
  close_id          UUID PRIMARY KEY,
  station_id        UUID NOT NULL REFERENCES stations (id),
  day               TEXT NOT NULL,
  from_seq          BIGINT NOT NULL,
  through_seq       BIGINT NOT NULL,
  digest            TEXT NOT NULL,
  counts            JSON NOT NULL,
  first_receipt_no  TEXT,
  last_receipt_no   TEXT,
  closed_at         TEXT NOT NULL,
  closed_by         TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('confirmed', 'incomplete', 'mismatch')),
  missing_count     BIGINT NOT NULL DEFAULT 0,
  received_at       TIMESTAMPTZ NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL,
  confirmed_at      TIMESTAMPTZ
);
CREATE INDEX day_closes_by_station ON day_closes (station_id, received_at);

-- Each station's 代办 items as the county sees them: the latest intake event's state
-- (no 身份证号, the applicant's name masked), plus the county's latest decision.
CREATE TABLE items (
  station_id        UUID NOT NULL REFERENCES stations (id),
  intake_id         TEXT NOT NULL,
  county_id         INT NOT NULL,
  receipt_no        TEXT NOT NULL,
  check_code        TEXT,
  item_code         TEXT NOT NULL,
  item_name         TEXT NOT NULL,
  department        TEXT NOT NULL,
  applicant_masked  TEXT NOT NULL,
  station_status    TEXT NOT NULL,
  station_version   INT NOT NULL,
  station_result    TEXT,
  station_reason    TEXT,
  station_updated_at TEXT NOT NULL,
  accepted_at       TEXT NOT NULL,
  promised_date     TEXT NOT NULL,
  decision          JSON,
  decided_at        TIMESTAMPTZ,
  updated_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (station_id, intake_id)
);
CREATE INDEX items_by_receipt ON items (county_id, receipt_no);
CREATE INDEX items_by_county ON items (county_id, accepted_at);

CREATE TABLE admins (
  county_id      INT NOT NULL REFERENCES counties (id),
  login          TEXT NOT NULL,
  name           TEXT NOT NULL,
  -- scrypt$N$r$p$salt$hash (hex)
  password_hash  TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (county_id, login)
);

CREATE TABLE admin_sessions (
  token_hash  TEXT PRIMARY KEY,
  county_id   INT NOT NULL,
  login       TEXT NOT NULL,
  csrf        TEXT NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  FOREIGN KEY (county_id, login) REFERENCES admins (county_id, login)
);
