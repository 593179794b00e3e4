import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Opens the station database with the pragmas DESIGN.md §4 requires. */
export function openDb(file: string, opts: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A receipt is printed only for a record that survives a power cut.
  db.pragma('synchronous = FULL');
  return db;
}
