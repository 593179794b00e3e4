import { LOCK, type Ctx } from './context';
import { adminsStore } from './admins';
import { dayClose } from './dayclose';
import { feedStore } from './feed';
import { itemsStore } from './items';
import { reliefStore } from './relief';
import { wishesStore } from './wishes';
import { push } from './push';
import { stationsStore } from './stations';
import type { Sql, Store, StoreOptions } from './types';

export * from './types';

const DAY = 24 * 3600_000;

/**
 * The county's store over one Sql (migrated already: see county/db/migrate.ts). Finds or
 * creates the county by name, with its own partition of station_events.
 */
export async function openStore(sql: Sql, opts: StoreOptions): Promise<Store> {
  const name = opts.countyName.trim();
  if (!name) throw new Error('county name is empty');
  const countyId = await sql.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK.county]);
    const [found] = await q.query<{ id: number }>('SELECT id FROM counties WHERE name = $1', [name]);
    if (found) return found.id;
    const [made] = await q.query<{ id: number }>('INSERT INTO counties (name, created_at) VALUES ($1, $2) RETURNING id', [name, opts.clock.now().toISOString()]);
    const id = made!.id;
    // An integer from the database, so safe to name in DDL (which takes no parameters).
    await q.exec(`CREATE TABLE IF NOT EXISTS station_events_c${id} PARTITION OF station_events FOR VALUES IN (${id})`);
    return id;
  });
  const ctx: Ctx = { sql, clock: opts.clock, countyId, countyName: name, enrollmentTtlMs: opts.enrollmentTtlMs ?? 7 * DAY, adminSessionTtlMs: opts.adminSessionTtlMs ?? 8 * 3600_000 };
  return {
    countyId,
    countyName: name,
    ...stationsStore(ctx),
    ...itemsStore(ctx),
    ...reliefStore(ctx),
    ...wishesStore(ctx),
    ...feedStore(ctx),
    ...adminsStore(ctx),
    push: (station, batch) => push(ctx, station, batch),
    dayClose: (station, input) => dayClose(ctx, station, input),
  };
}
