-- 居民 search, issue 6: a clerk's own pinyin, one given-name character, phone digits in the middle.

-- The clerk's correction of a resident's pinyin, one toneless syllable per character separated by
-- spaces ("wei zhe"); NULL: derived from the name (pinyin-pro, then the Unihan readings).
ALTER TABLE residents ADD COLUMN pinyin_manual TEXT CHECK (pinyin_manual IS NULL OR (length(pinyin_manual) BETWEEN 1 AND 200 AND pinyin_manual GLOB '[a-z]*' AND pinyin_manual NOT GLOB '*[^a-z ]*'));

-- Rows whose pinyin has a gap ('_': a character no dictionary knew when they were written).
-- Few, so this index is small; at start-up the service re-derives them with the readings it now
-- has (main/services/residents-store.ts, refillPinyinGaps), which SQL cannot do itself.
CREATE INDEX residents_pinyin_gaps ON residents (rid) WHERE instr(name_initials, '_') > 0;

-- resident_name_grams also holds every single character from a name's 2nd character on, so one
-- given-name character (堃) is an index lookup too. Existing rows get theirs here.
WITH RECURSIVE k(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM k WHERE i < 30)
INSERT OR IGNORE INTO resident_name_grams (gram, rid)
  SELECT substr(r.name, k.i, 1), r.rid FROM residents r JOIN k ON k.i <= length(r.name);

-- Phone digits typed from the middle (139311 of 13931112345 … or of 18613931145): every 6-digit
-- piece that neither starts nor ends the number (those are phone_digits and phone_rev ranges),
-- as an integer (all pieces are 6 digits long, so a leading 0 cannot collide).
CREATE TABLE resident_phone_grams (
  gram  INTEGER NOT NULL,
  rid   INTEGER NOT NULL,
  PRIMARY KEY (gram, rid)
) WITHOUT ROWID;

WITH RECURSIVE k(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM k WHERE i < 20)
INSERT OR IGNORE INTO resident_phone_grams (gram, rid)
  SELECT CAST(substr(r.phone_digits, k.i, 6) AS INTEGER), r.rid
  FROM residents r JOIN k ON k.i + 6 <= length(r.phone_digits)
  WHERE r.phone_digits IS NOT NULL;
