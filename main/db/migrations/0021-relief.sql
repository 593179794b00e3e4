-- 社会救助 relief applications (issue 10). A case (relief_cases) with its household: members
-- (each a resident of the registry), their incomes, assets, obliged supporters; its steps
-- (one row each, the step's fields in data), 先行救助 and its follow-up tasks, and the
-- 近亲属备案 records kept in their own table. Money is in fen (integers).
CREATE TABLE relief_cases (
  id                  TEXT PRIMARY KEY,
  case_no             TEXT NOT NULL UNIQUE,
  type                TEXT NOT NULL CHECK (type IN ('dibao', 'tekun', 'linshi', 'yiliao')),
  status              TEXT NOT NULL CHECK (status IN ('incomplete', 'accepted', 'investigated', 'reviewed', 'opinion', 'publicizing', 'forwarded', 'approved', 'refused', 'notified', 'withdrawn')),
  version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  applicant_id        TEXT NOT NULL REFERENCES residents (id),
  applicant_name      TEXT NOT NULL,
  applicant_id_masked TEXT NOT NULL,
  materials_received  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(materials_received) AND json_type(materials_received) = 'array'),
  note                TEXT,
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL REFERENCES staff (id),
  -- 受理: the 30 working days count from this instant's station day
  accepted_at         TEXT,
  accepted_by         TEXT REFERENCES staff (id),
  -- 30, or 45 once extended (relief_steps holds the reason)
  limit_workdays      INTEGER NOT NULL DEFAULT 30 CHECK (limit_workdays BETWEEN 1 AND 120),
  review_needed       INTEGER NOT NULL DEFAULT 0 CHECK (review_needed IN (0, 1)),
  -- investigation rounds: 1, then one more for each objection that reopened it
  round               INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
  close_relative      INTEGER NOT NULL DEFAULT 0 CHECK (close_relative IN (0, 1)),
  forwarded_at        TEXT,
  -- the county's decision as sync brought it
  decision            TEXT CHECK (decision IS NULL OR decision IN ('approved', 'refused')),
  decision_amount_fen INTEGER CHECK (decision_amount_fen IS NULL OR decision_amount_fen >= 0),
  decision_start_month TEXT,
  decision_reasons    TEXT,
  decided_at          TEXT,
  decided_by          TEXT,
  decided_on          TEXT,
  updated_at          TEXT NOT NULL
);
CREATE INDEX relief_cases_status ON relief_cases (status);
CREATE INDEX relief_cases_applicant ON relief_cases (applicant_id);

CREATE TABLE relief_members (
  case_id           TEXT NOT NULL REFERENCES relief_cases (id),
  resident_id       TEXT NOT NULL REFERENCES residents (id),
  position          INTEGER NOT NULL,
  relation          TEXT NOT NULL,
  employment        TEXT NOT NULL,
  disability_grade  TEXT CHECK (disability_grade IS NULL OR disability_grade IN ('1', '2', '3', '4')),
  disability_kind   TEXT,
  health            TEXT NOT NULL DEFAULT '',
  school            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (case_id, resident_id)
);

CREATE TABLE relief_incomes (
  case_id     TEXT NOT NULL REFERENCES relief_cases (id),
  resident_id TEXT NOT NULL,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('wage', 'business', 'property', 'transfer', 'pension', 'other')),
  amount_fen  INTEGER NOT NULL CHECK (amount_fen >= 0),
  -- over how many months amount_fen was received (1 = monthly; more = irregular, averaged)
  months      INTEGER NOT NULL CHECK (months BETWEEN 1 AND 12),
  note        TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (case_id, resident_id) REFERENCES relief_members (case_id, resident_id)
);
CREATE INDEX relief_incomes_case ON relief_incomes (case_id);

CREATE TABLE relief_assets (
  case_id           TEXT NOT NULL REFERENCES relief_cases (id),
  position          INTEGER NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('housing', 'vehicle', 'deposit', 'securities', 'business', 'other')),
  description       TEXT NOT NULL,
  value_fen         INTEGER NOT NULL CHECK (value_fen >= 0),
  count             INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
  owner_resident_id TEXT,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE relief_supporters (
  case_id             TEXT NOT NULL REFERENCES relief_cases (id),
  position            INTEGER NOT NULL,
  name                TEXT NOT NULL,
  relation            TEXT NOT NULL CHECK (relation IN ('shanyang', 'fuyang', 'fuyangSpouse')),
  relation_note       TEXT NOT NULL DEFAULT '',
  monthly_income_fen  INTEGER NOT NULL CHECK (monthly_income_fen >= 0),
  household_size      INTEGER NOT NULL CHECK (household_size >= 1),
  monthly_support_fen INTEGER NOT NULL DEFAULT 0 CHECK (monthly_support_fen >= 0),
  note                TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (case_id, position)
);

-- every step in order: 受理, 入户调查 (round, two investigators, date, findings), 民主评议,
-- 初审意见, 公示 (start, end, place), 异议, 报县, the county's decision, 送达, 撤回, 延期
CREATE TABLE relief_steps (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES relief_cases (id),
  step        TEXT NOT NULL CHECK (step IN ('create', 'accept', 'materials', 'household', 'investigate', 'review', 'opinion', 'publicize', 'objection', 'forward', 'decision', 'notifyRefusal', 'withdraw', 'extend', 'emergency', 'task')),
  round       INTEGER NOT NULL DEFAULT 1,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  data        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data) AND json_type(data) = 'object'),
  at          TEXT NOT NULL,
  -- a staff member, or NULL for the county (by_name says who decided there)
  by          TEXT REFERENCES staff (id),
  by_name     TEXT NOT NULL
);
CREATE INDEX relief_steps_case ON relief_steps (case_id, at);

-- 临时救助 先行救助: granted once per case by the station head
CREATE TABLE relief_emergencies (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL UNIQUE REFERENCES relief_cases (id),
  amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
  reason      TEXT NOT NULL,
  granted_at  TEXT NOT NULL,
  granted_by  TEXT NOT NULL REFERENCES staff (id)
);

-- the paperwork that must follow 先行救助, each with its deadline
CREATE TABLE relief_tasks (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES relief_cases (id),
  emergency_id TEXT NOT NULL REFERENCES relief_emergencies (id),
  position     INTEGER NOT NULL,
  label        TEXT NOT NULL,
  due          TEXT NOT NULL,
  done_at      TEXT,
  done_by      TEXT REFERENCES staff (id)
);
CREATE INDEX relief_tasks_open ON relief_tasks (done_at, due);

-- 近亲属备案: kept apart from the case so the head's list reads it alone
CREATE TABLE relief_close_relatives (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES relief_cases (id),
  resident_id   TEXT NOT NULL REFERENCES residents (id),
  relative_of   TEXT NOT NULL CHECK (relative_of IN ('stationStaff', 'villageCommittee')),
  relative_name TEXT NOT NULL,
  relative_post TEXT NOT NULL DEFAULT '',
  relation      TEXT NOT NULL,
  staff_id      TEXT REFERENCES staff (id),
  recorded_at   TEXT NOT NULL,
  recorded_by   TEXT NOT NULL REFERENCES staff (id)
);
CREATE INDEX relief_close_relatives_case ON relief_close_relatives (case_id);

-- the local 低保 standard, yuan (fen) per person per month, from its effective date; the county pushes it
CREATE TABLE relief_standards (
  id             INTEGER PRIMARY KEY,
  fen            INTEGER NOT NULL CHECK (fen > 0),
  effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source         TEXT NOT NULL,
  origin         TEXT NOT NULL CHECK (origin IN ('county', 'station')),
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT REFERENCES staff (id)
);

-- asset limits and time limits set for this county (JSON objects; absent keys take the rules' defaults)
CREATE TABLE relief_config (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  limits     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(limits) AND json_type(limits) = 'object'),
  time       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(time) AND json_type(time) = 'object'),
  updated_at TEXT
);
INSERT INTO relief_config (id) VALUES (1);
