-- 社区服务清单, versioned. Every change — the shipped seed, an edit by the station head,
-- a list pushed by the county — adds one row to catalogue_versions; the items it changed
-- get a new row in catalogue_items under that version. An item as of version V is its
-- row with the greatest version_id <= V, so old versions stay readable without copying
-- the whole list for every edit, and an intake record (item code + version) can always
-- be resolved. Both tables are append-only: history is never rewritten.
CREATE TABLE catalogue_versions (
  id            INTEGER PRIMARY KEY,  -- the version number: larger is newer
  label         TEXT NOT NULL,        -- "2026.1", "2026.1-本站修订2", the county's own label
  source        TEXT NOT NULL CHECK (source IN ('seed', 'station', 'county')),
  published_at  TEXT NOT NULL,        -- YYYY-MM-DD, the publisher's date
  summary       TEXT NOT NULL DEFAULT '',
  item_count    INTEGER NOT NULL,     -- items in force (not retired) in this version
  content_hash  TEXT,                 -- sha256 of a published list, so a repeated push is recognised
  created_at    TEXT NOT NULL,
  created_by    TEXT REFERENCES staff(id),
  UNIQUE (source, label)
);

CREATE TABLE catalogue_items (
  code              TEXT NOT NULL,
  version_id        INTEGER NOT NULL REFERENCES catalogue_versions(id),
  name              TEXT NOT NULL,
  category          TEXT NOT NULL CHECK (category IN ('主动服务', '可直接办结', '审核转报', '代办服务')),
  department        TEXT NOT NULL,
  materials         TEXT NOT NULL CHECK (json_valid(materials) AND json_type(materials) = 'array'),
  time_limit_unit   TEXT NOT NULL CHECK (time_limit_unit IN ('workdays', 'hours', 'immediate')),
  time_limit_value  INTEGER,
  forwarded         INTEGER NOT NULL CHECK (forwarded IN (0, 1)),
  notes             TEXT,
  retired           INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  retired_reason    TEXT,
  pinyin_initials   TEXT NOT NULL,
  pinyin_full       TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  PRIMARY KEY (code, version_id),
  CHECK ((time_limit_unit = 'immediate' AND time_limit_value IS NULL)
      OR (time_limit_unit <> 'immediate' AND time_limit_value IS NOT NULL AND time_limit_value >= 1)),
  CHECK (category <> '审核转报' OR forwarded = 1),
  CHECK (category <> '可直接办结' OR forwarded = 0)
) WITHOUT ROWID;
CREATE INDEX catalogue_items_version ON catalogue_items (version_id);

CREATE TRIGGER catalogue_versions_no_update BEFORE UPDATE ON catalogue_versions
BEGIN
  SELECT RAISE(ABORT, 'catalogue_versions is append-only');
END;
CREATE TRIGGER catalogue_versions_no_delete BEFORE DELETE ON catalogue_versions
BEGIN
  SELECT RAISE(ABORT, 'catalogue_versions is append-only');
END;
CREATE TRIGGER catalogue_items_no_update BEFORE UPDATE ON catalogue_items
BEGIN
  SELECT RAISE(ABORT, 'catalogue_items is append-only');
END;
CREATE TRIGGER catalogue_items_no_delete BEFORE DELETE ON catalogue_items
BEGIN
  SELECT RAISE(ABORT, 'catalogue_items is append-only');
END;
