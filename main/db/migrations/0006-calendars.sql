-- Working-day calendars: each State Council holiday notice the station has, however it came
-- (shipped with the app, loaded by the station head, pushed by the county), and, with every
-- intake promise, the calendars it was counted on.

-- Every load is kept (history, and a promise names the version it was counted on).
-- A year's notice in force is its latest loaded on purpose (station or county), else its
-- latest shipped one.
CREATE TABLE holiday_calendars (
  id         INTEGER PRIMARY KEY,
  year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  source     TEXT NOT NULL,
  -- sha256 of the canonical JSON (sorted dates): the notice's version
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  -- the canonical JSON itself, so a promise can be checked against it after an update removes the file
  content    TEXT NOT NULL,
  origin     TEXT NOT NULL CHECK (origin IN ('shipped', 'station', 'county')),
  loaded_at  TEXT NOT NULL,
  loaded_by  TEXT REFERENCES staff(id),
  file_name  TEXT
);
CREATE INDEX holiday_calendars_year ON holiday_calendars (year, id);

-- How each promise was counted. source: the notices' titles (or the statutory fallback) per year;
-- version: "2026:<sha256 prefix>;2027:statutory"; NULL for records accepted before this migration
-- and for limits in hours or 当场办结, which the calendar does not touch.
ALTER TABLE intake_records ADD COLUMN promise_calendar_source TEXT;
ALTER TABLE intake_records ADD COLUMN promise_calendar_version TEXT;
ALTER TABLE intake_records ADD COLUMN promise_provisional INTEGER NOT NULL DEFAULT 0 CHECK (promise_provisional IN (0, 1));
