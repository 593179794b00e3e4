/**
 * A station with its sync worker for the sync tests: the real station on a real SQLite file,
 * the worker's timer off unless asked for (tests drive rounds with runOnce), enrolled at a
 * real county server on 127.0.0.1.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStation, type StationOptions } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import type { Clock } from '../../main/clock';
import { DB_FILE } from '../../main/paths';
import { clientOf, manualClock, STATION, ADMIN, tempDir } from './station';
import type { RunningCounty } from './county';
import type { Sql } from '../../county/store/types';

export async function syncStation(opts: { clock?: Clock; dataDir?: string; sync?: StationOptions['syncWorker']; setUp?: boolean } = {}) {
  const dataDir = opts.dataDir ?? tempDir('sd-sync-');
  const clock = opts.clock ?? manualClock();
  const station = await createStation({ dataDir, transport: 'browser', store: memoryStore(), clock, syncWorker: { autoStart: false, ...opts.sync } });
  const client = clientOf(station);
  if (opts.setUp !== false) {
    if ((await client['app.info']({})).setupNeeded) await client['setup.init']({ station: STATION, admin: ADMIN });
    else await client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
  }
  return { station, client, worker: station.sync, services: station.services, dataDir, clock, close: station.close };
}

export type SyncTestStation = Awaited<ReturnType<typeof syncStation>>;

/** Creates the station at the county and enrolls it through the 同步 call. */
export async function enrollAt(county: RunningCounty, s: SyncTestStation) {
  const issued = await county.store.createStation({ code: STATION.code, name: STATION.name });
  const status = await s.client['sync.enroll']({ countyUrl: county.url, code: issued.code });
  return { stationId: issued.stationId, status };
}

/** A resident and n items of a forwarded kind, accepted and forwarded to the county department. */
const residentOf = new Map<string, string>();

export async function forwardedItems(s: SyncTestStation, n = 1) {
  let residentId = residentOf.get(s.dataDir);
  if (!residentId) {
    residentId = (await s.client['residents.create']({ name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号' })).id;
    residentOf.set(s.dataDir, residentId);
  }
  const resident = { id: residentId };
  const item = await s.client['catalogue.get']({ code: 'DB-003' });
  const accepted = [];
  for (let i = 0; i < n; i++) accepted.push((await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials })).record);
  const fwd = await s.client['intake.forward']({ items: accepted.map((r) => ({ id: r.id, version: r.version })), department: '县民政局', channel: 'system', receiverName: '刘洋', receivedAt: s.clock.now().toISOString() });
  // the receipts are made after the commit: wait for them, so closing the station leaves none half made
  for (const r of accepted) await s.client['documents.listFor']({ entity: 'intake', entityId: r.id });
  return fwd.records;
}

/** Reads the station's database file directly (another connection), as a check from outside. */
export function stationRows<T = Record<string, unknown>>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The county's own count of one station's stored events, and of distinct seqs among them. */
export async function countyEventCounts(sql: Sql, stationId: string) {
  const [r] = await sql.query<{ n: string | number; seqs: string | number; max: string | number | null }>('SELECT count(*) AS n, count(DISTINCT seq) AS seqs, max(seq) AS max FROM station_events WHERE station_id::text = $1', [stationId]);
  return { n: Number(r!.n), seqs: Number(r!.seqs), max: r!.max === null ? 0 : Number(r!.max) };
}
