-- 微心愿 (issue 9): each station's wishes as its latest wish event says, and every step it
-- sent, once per (station, wish, version). Projected in the push transaction from applied
-- events only (county/store/wishes.ts), so a retried batch adds nothing. Names only masked.
CREATE TABLE station_wishes (
  station_id          UUID NOT NULL REFERENCES stations (id),
  wish_id             TEXT NOT NULL,
  county_id           INT NOT NULL,
  wish_no             TEXT NOT NULL,
  title               TEXT NOT NULL,
  category            TEXT NOT NULL,
  value_fen           BIGINT NOT NULL,
  beneficiary_masked  TEXT NOT NULL,
  source              TEXT NOT NULL,
  deadline            TEXT NOT NULL,
  status              TEXT NOT NULL,
  station_version     INT NOT NULL,
  claim               JSON,
  handover_date       TEXT,
  proofs              INT NOT NULL DEFAULT 0,
  satisfaction        TEXT,
  created_at          TEXT NOT NULL,
  station_updated_at  TEXT NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (station_id, wish_id)
);
CREATE INDEX station_wishes_by_county ON station_wishes (county_id, created_at);

CREATE TABLE station_wish_steps (
  station_id   UUID NOT NULL REFERENCES stations (id),
  wish_id      TEXT NOT NULL,
  version      INT NOT NULL,
  seq          BIGINT NOT NULL,
  step         TEXT NOT NULL,
  status       TEXT NOT NULL,
  occurred_at  TEXT NOT NULL,
  note         TEXT,
  PRIMARY KEY (station_id, wish_id, version)
);
