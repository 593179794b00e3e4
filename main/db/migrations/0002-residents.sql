-- 居民 residents registry (综合信息库).
--
-- Search must stay under 10 ms at 1,000,000 rows (bench/search.ts), so every way a clerk
-- looks someone up is an index range, never a scan:
--   name, or its start        residents_name            (name >= q AND name < q || U+10FFFF)
--   a part not at the start   resident_name_grams       (every 2-character piece from the 2nd character on)
--   pinyin initials / pinyin  residents_initials, residents_pinyin (precomputed with pinyin-pro)
--   身份证号 last digits       id_rev, the number reversed: a suffix becomes a prefix range
--   phone last digits / start phone_rev, phone_digits
-- FTS5's trigram tokenizer cannot answer the common case (a 2-character name), hence the bigram table.

CREATE TABLE residents (
  -- compact key the search tables point at; `id` is what everything else (and the county) uses
  rid                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
  id_number          TEXT NOT NULL CHECK (length(id_number) = 18),
  -- id_number reversed; its UNIQUE index both enforces one record per person and answers suffix search,
  -- so id_number itself needs no index of its own
  id_rev             TEXT NOT NULL UNIQUE,
  sex                TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date         TEXT NOT NULL,
  -- canonical spelling (13812345678, 0311-86012345); digits and reversed digits for search
  phone              TEXT,
  phone_digits       TEXT,
  phone_rev          TEXT,
  address            TEXT NOT NULL DEFAULT '',
  grid               TEXT NOT NULL DEFAULT '',
  -- 户: a member points at the 户主's record; the 户主 points at nobody (one level, no chains)
  household_head_id  TEXT REFERENCES residents (id),
  relation           TEXT CHECK (relation IS NULL OR relation IN ('户主', '配偶', '子女', '父母', '孙子女', '祖父母', '兄弟姐妹', '儿媳/女婿', '其他')),
  notes              TEXT NOT NULL DEFAULT '',
  -- 1 while the resident has any 重点服务对象 tag: the 台账 walks only these, already in its order
  key_service        INTEGER NOT NULL DEFAULT 0 CHECK (key_service IN (0, 1)),
  name_initials      TEXT NOT NULL,
  name_pinyin        TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  created_by         TEXT REFERENCES staff (id),
  updated_at         TEXT NOT NULL,
  updated_by         TEXT REFERENCES staff (id),
  CHECK (household_head_id IS NULL OR household_head_id <> id)
);

CREATE INDEX residents_name ON residents (name);
-- (initials, name): people sharing initials come out grouped by name, not by registration order
CREATE INDEX residents_initials ON residents (name_initials, name);
CREATE INDEX residents_pinyin ON residents (name_pinyin);
CREATE INDEX residents_phone_rev ON residents (phone_rev) WHERE phone_rev IS NOT NULL;
CREATE INDEX residents_phone_digits ON residents (phone_digits) WHERE phone_digits IS NOT NULL;
CREATE INDEX residents_grid ON residents (grid, name);
CREATE INDEX residents_household ON residents (household_head_id) WHERE household_head_id IS NOT NULL;
-- the 台账: in grid and name order, counted and age-filtered without touching the rows
CREATE INDEX residents_key_service ON residents (grid, name, birth_date) WHERE key_service = 1;

-- 重点服务对象 tags, each with the date it applies from.
CREATE TABLE resident_tags (
  rid    INTEGER NOT NULL REFERENCES residents (rid),
  tag    TEXT NOT NULL CHECK (tag IN ('空巢老人', '独居老人', '残疾人', '低保', '特困', '优抚对象', '留守儿童', '重病')),
  since  TEXT NOT NULL,
  PRIMARY KEY (rid, tag)
) WITHOUT ROWID;
CREATE INDEX resident_tags_tag ON resident_tags (tag, rid);

-- Every 2-character piece of a name that does not start at its first character (those are
-- found through residents_name). Kept by the service with the name, in the same transaction.
CREATE TABLE resident_name_grams (
  gram  TEXT NOT NULL,
  rid   INTEGER NOT NULL,
  PRIMARY KEY (gram, rid)
) WITHOUT ROWID;
