import type { Db } from './open';

let depth = 0;

/**
 * Runs fn inside the caller's open transaction as a SAVEPOINT: a failure undoes only fn's
 * writes and is rethrown, so the caller can record it and go on (sync keeps a county item
 * it could not apply as a conflict, in the same transaction that advances the cursor).
 */
export function savepoint<T>(db: Db, fn: () => T): T {
  if (!db.inTransaction) throw new Error('savepoint outside a transaction');
  const name = `sp_${++depth}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const out = fn();
    db.exec(`RELEASE ${name}`);
    return out;
  } catch (err) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw err;
  } finally {
    depth -= 1;
  }
}
