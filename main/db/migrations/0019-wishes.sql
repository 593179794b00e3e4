-- 微心愿 micro-wishes (issue 9): wishes with their status machine (common/wish-status.ts),
-- claimants, claims with their shares, proofs of handover, the value cap, and the hall
-- screen's read-only links. Money is in 分 (integers). The machine's statuses and steps are
-- pinned by CHECKs so a row can never hold one main does not know.

CREATE TABLE wish_settings (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  -- above this a wish needs the 站长's approval; 500 元 by default
  value_cap_fen  INTEGER NOT NULL CHECK (value_cap_fen >= 0),
  updated_at     TEXT,
  updated_by     TEXT REFERENCES staff (id)
);
INSERT INTO wish_settings (id, value_cap_fen) VALUES (1, 50000);

CREATE TABLE wishes (
  id                  TEXT PRIMARY KEY,
  wish_no             TEXT NOT NULL UNIQUE,
  resident_id         TEXT NOT NULL REFERENCES residents (id),
  -- as at recording, for the history; the wall and the county only ever see the masked one
  beneficiary_name    TEXT NOT NULL,
  beneficiary_masked  TEXT NOT NULL,
  title               TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
  description         TEXT NOT NULL DEFAULT '',
  category            TEXT NOT NULL CHECK (category IN ('生活物资', '助学', '助老', '助残', '医疗健康', '就业', '其他')),
  value_fen           INTEGER NOT NULL CHECK (value_fen >= 0),
  -- the cap it was judged against, and whether it was above it
  cap_fen             INTEGER NOT NULL CHECK (cap_fen >= 0),
  needs_approval      INTEGER NOT NULL CHECK (needs_approval IN (0, 1)),
  source              TEXT NOT NULL CHECK (source IN ('居民提出', '网格员收集', '入户走访')),
  deadline            TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status              TEXT NOT NULL CHECK (status IN ('pending', 'published', 'claimed', 'fulfilled', 'followedUp', 'rejected', 'withdrawn', 'expired')),
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL REFERENCES staff (id),
  published_at        TEXT,
  published_by        TEXT REFERENCES staff (id),
  reason              TEXT,
  closed_at           TEXT,
  claim_id            TEXT,
  handover_date       TEXT,
  delivered           TEXT,
  confirmation        TEXT CHECK (confirmation IS NULL OR confirmation IN ('本人签收', '家属代为签收')),
  confirmer_name      TEXT,
  fulfilled_at        TEXT,
  fulfilled_by        TEXT REFERENCES staff (id),
  visited_on          TEXT,
  satisfaction        TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('满意', '基本满意', '不满意')),
  follow_up_note      TEXT,
  followed_up_at      TEXT,
  followed_up_by      TEXT REFERENCES staff (id),
  updated_at          TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX wishes_status ON wishes (status, deadline);
CREATE INDEX wishes_created ON wishes (created_at);
CREATE INDEX wishes_resident ON wishes (resident_id);

-- every step, in order: the history a clerk reads
CREATE TABLE wish_events (
  id           TEXT PRIMARY KEY,
  wish_id      TEXT NOT NULL REFERENCES wishes (id),
  at           TEXT NOT NULL,
  -- null: the station itself (the expiry sweep)
  by           TEXT REFERENCES staff (id),
  step         TEXT NOT NULL CHECK (step IN ('create', 'publish', 'approve', 'reject', 'withdraw', 'claim', 'unclaim', 'fulfil', 'followUp', 'expire')),
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  reason       TEXT
);
CREATE INDEX wish_events_wish ON wish_events (wish_id, at);
CREATE INDEX wish_events_step ON wish_events (step, at);

CREATE TABLE claimants (
  id            TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('person', 'unit')),
  category      TEXT NOT NULL CHECK (category IN ('党员', '志愿者', '居民', '驻区单位', '党组织', '企业')),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  contact_name  TEXT,
  phone         TEXT NOT NULL,
  -- 统一社会信用代码 as typed (upper-cased); a GB 32100 mismatch is a warning, never a refusal
  credit_code   TEXT,
  note          TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL REFERENCES staff (id),
  updated_at    TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  CHECK ((kind = 'person' AND category IN ('党员', '志愿者', '居民')) OR (kind = 'unit' AND category IN ('驻区单位', '党组织', '企业')))
);
CREATE INDEX claimants_name ON claimants (name);

CREATE TABLE wish_claims (
  id                      TEXT PRIMARY KEY,
  wish_id                 TEXT NOT NULL REFERENCES wishes (id),
  claim_no                TEXT NOT NULL UNIQUE,
  claimed_at              TEXT NOT NULL,
  claimed_by              TEXT NOT NULL REFERENCES staff (id),
  promised_handover_date  TEXT NOT NULL,
  note                    TEXT,
  cancelled_at            TEXT,
  cancel_reason           TEXT
);
CREATE INDEX wish_claims_wish ON wish_claims (wish_id);

-- whole percentages; main checks they add up to 100 before writing (common/wish-status.ts)
CREATE TABLE wish_claim_shares (
  claim_id     TEXT NOT NULL REFERENCES wish_claims (id),
  claimant_id  TEXT NOT NULL REFERENCES claimants (id),
  ord          INTEGER NOT NULL,
  percent      INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
  value_fen    INTEGER NOT NULL CHECK (value_fen >= 0),
  PRIMARY KEY (claim_id, claimant_id)
) WITHOUT ROWID;
CREATE INDEX wish_claim_shares_claimant ON wish_claim_shares (claimant_id);

-- photos or scans of a handover; the file lives under the data folder (wish-proofs/), 0600
CREATE TABLE wish_proofs (
  id           TEXT PRIMARY KEY,
  wish_id      TEXT NOT NULL REFERENCES wishes (id),
  file_name    TEXT NOT NULL,
  mime         TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes        INTEGER NOT NULL CHECK (bytes > 0),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  path         TEXT NOT NULL,
  uploaded_at  TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL REFERENCES staff (id),
  attached     INTEGER NOT NULL DEFAULT 0 CHECK (attached IN (0, 1)),
  UNIQUE (wish_id, sha256)
);

-- the hall screen: a token that reads the public wall only; kept as its sha256, shown once
CREATE TABLE wish_lobby_links (
  id          TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES staff (id),
  revoked_at  TEXT,
  revoked_by  TEXT REFERENCES staff (id)
);
