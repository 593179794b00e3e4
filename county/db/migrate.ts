import type { Sql } from '../store/types';
import { MIGRATIONS, type Migration } from './migrations';

/** Any constant shared by every instance: pg_advisory_xact_lock serialises the migrators. */
const MIGRATION_LOCK = 7_730_001;

/**
 * Applies the migrations not yet recorded, all in one transaction. Two instances starting
 * at once both wait on the advisory lock; the second then finds them recorded and does nothing.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return sql.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await q.exec('CREATE TABLE IF NOT EXISTS county_migrations (version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await q.query<{ version: number }>('SELECT version FROM county_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await q.exec(m.sql);
      await q.query('INSERT INTO county_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
