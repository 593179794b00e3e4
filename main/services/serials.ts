import type { Db } from '../db/open';

/**
 * The next daily serial for a scope ('receipt', 'notice', …). Call inside the write
 * transaction that uses it: better-sqlite3 transactions run BEGIN IMMEDIATE, so two
 * processes on the same file can never take the same number, and a rolled-back
 * transaction gives its number back.
 */
export function nextSerial(db: Db, scope: string, day: string): number {
  return db
    .prepare<[string, string], number>('INSERT INTO serials (scope, day, last) VALUES (?, ?, 1) ON CONFLICT (scope, day) DO UPDATE SET last = last + 1 RETURNING last')
    .pluck()
    .get(scope, day)!;
}
