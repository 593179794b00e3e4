import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { Tx } from '../db/write';
import type { Station, StationInput } from '../../common/contract';

interface StationRow {
  code: string;
  name: string;
  county: string;
  address: string;
  phone: string;
  updated_at: string;
}

/** The one station row: who this installation serves. */
export function createStationInfo(db: Db, clock: Clock) {
  const read = db.prepare<[], StationRow>('SELECT code, name, county, address, phone, updated_at FROM station WHERE id = 1');

  function get(): Station | null {
    const r = read.get();
    return r ? { code: r.code, name: r.name, county: r.county, address: r.address, phone: r.phone, updatedAt: r.updated_at } : null;
  }

  /** Writes the row; the caller holds the transaction. */
  function save(tx: Tx, input: StationInput, actorId: string): Station {
    const before = get();
    const now = clock.now().toISOString();
    db.prepare(
      `INSERT INTO station (id, code, name, county, address, phone, created_at, updated_at) VALUES (1, @code, @name, @county, @address, @phone, @now, @now)
       ON CONFLICT(id) DO UPDATE SET code = @code, name = @name, county = @county, address = @address, phone = @phone, updated_at = @now`,
    ).run({ ...input, now });
    const changed = before ? (Object.keys(input) as (keyof StationInput)[]).filter((k) => before[k] !== input[k]) : Object.keys(input);
    const after = get()!;
    tx.change({ actorId, action: before ? 'station.update' : 'station.create', entity: 'station', entityId: input.code, op: before ? 'update' : 'create', snapshot: after, detail: { changed } });
    return after;
  }

  return { get, save };
}

export type StationInfo = ReturnType<typeof createStationInfo>;
