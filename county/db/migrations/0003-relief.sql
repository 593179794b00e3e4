-- 社会救助 (issue 10): the county's view of each station's relief cases, projected from the
-- latest relief_case event a station pushed (its payload: the case and a household summary,
-- no 身份证号), plus the county's decision. The applicant's name is kept masked only.
CREATE TABLE relief_cases (
  station_id        UUID NOT NULL REFERENCES stations (id),
  case_id           TEXT NOT NULL,
  county_id         INT NOT NULL,
  case_no           TEXT NOT NULL,
  type              TEXT NOT NULL,
  station_status    TEXT NOT NULL,
  station_version   INT NOT NULL,
  applicant_masked  TEXT NOT NULL,
  household         JSON NOT NULL,
  opinion           JSON,
  accepted_at       TEXT,
  due_date          TEXT,
  forwarded_at      TEXT,
  station_updated_at TEXT NOT NULL,
  decision          JSON,
  decided_at        TIMESTAMPTZ,
  updated_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (station_id, case_id)
);
CREATE INDEX relief_cases_by_county ON relief_cases (county_id, station_status, forwarded_at);

-- the feed carries relief.decision and relief.standard too. The kinds are checked by the
-- protocol's FeedItem schema on every pull; here only their shape, so another migration's
-- kinds (whichever runs first) are not undone by this one.
ALTER TABLE feed DROP CONSTRAINT IF EXISTS feed_kind_check;
ALTER TABLE feed ADD CONSTRAINT feed_kind_check CHECK (kind ~ '^[a-z]+\.[a-z]+$');
