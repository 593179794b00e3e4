-- The 查询码 printed on a 受理回执 beside its QR code: with the receipt number it opens the
-- county's public progress page, and without it a receipt number alone shows nothing, so
-- numbers cannot be walked through. Six characters from CHECK_CODE_ALPHABET (common/county/
-- protocol.ts: no 0/O, 1/I/L). New acceptances draw theirs from node:crypto (main/services/
-- intake-check-code.ts); records accepted before this version get one here, from SQLite's
-- own generator (seeded by the OS), since a migration is SQL only.
ALTER TABLE intake_records ADD COLUMN check_code TEXT CHECK (check_code IS NULL OR (length(check_code) = 6 AND check_code NOT GLOB '*[^23456789ABCDEFGHJKMNPQRSTUVWXYZ]*'));

UPDATE intake_records SET check_code =
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', abs(random() % 31) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', abs(random() % 31) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', abs(random() % 31) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', abs(random() % 31) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', abs(random() % 31) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', abs(random() % 31) + 1, 1)
WHERE check_code IS NULL;

-- Every record accepted from now on carries one: a row without it is refused, not printed without it.
CREATE TRIGGER intake_records_check_code_required BEFORE INSERT ON intake_records
WHEN NEW.check_code IS NULL
BEGIN
  SELECT RAISE(ABORT, 'intake_records.check_code is required');
END;
