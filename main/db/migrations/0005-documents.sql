-- Printed documents (DESIGN.md §6): every PDF archived under the data folder with its sha256,
-- the data it was made from (to re-render a 补打 copy), and every copy made of it.

CREATE TABLE documents (
  id               TEXT PRIMARY KEY,
  -- 'intake.acceptance', 'intake.correction', 'intake.completion', … (checked in main, so a new form needs no migration)
  kind             TEXT NOT NULL,
  title            TEXT NOT NULL,
  entity           TEXT NOT NULL,
  entity_id        TEXT NOT NULL,
  number           TEXT NOT NULL,
  layout           TEXT NOT NULL CHECK (layout IN ('a4', 'thermal80')),
  -- the printable data as JSON: a reprint is made from it, never from the screen
  data             TEXT NOT NULL,
  -- relative to the data folder: documents/YYYY/MM/<number>-<kind>.pdf
  file             TEXT NOT NULL UNIQUE,
  sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes            INTEGER NOT NULL CHECK (bytes > 0),
  pages            INTEGER NOT NULL CHECK (pages > 0),
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL REFERENCES staff(id),
  print_count      INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
  last_printed_at  TEXT
);
CREATE INDEX documents_entity ON documents (entity, entity_id, created_at);
CREATE INDEX documents_number ON documents (number);

-- One row per copy made: copy 1 is usually the original's first print; a 补打 copy has its
-- own archived file and sha256. printer/job_id are null for a copy made without printing.
CREATE TABLE document_copies (
  id           TEXT PRIMARY KEY,
  document_id  TEXT NOT NULL REFERENCES documents(id),
  copy_no      INTEGER NOT NULL CHECK (copy_no >= 1),
  reprint_no   INTEGER CHECK (reprint_no IS NULL OR reprint_no >= 1),
  layout       TEXT NOT NULL CHECK (layout IN ('a4', 'thermal80')),
  file         TEXT NOT NULL,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes        INTEGER NOT NULL,
  pages        INTEGER NOT NULL,
  printer      TEXT,
  job_id       TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL REFERENCES staff(id),
  UNIQUE (document_id, copy_no),
  UNIQUE (document_id, reprint_no)
);
