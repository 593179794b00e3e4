/**
 * The station's sync worker against the real county server (embedded PGlite) on loopback:
 * a 10,000-event backlog pushed in batches sized by the county's limits, beside one event
 * per request (on 1,000 events, as a rate); and a county decision's way back to the station
 * with the worker's default timer. The backlog on embedded PGlite and on a throwaway PostgreSQL 15.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../main/db/open';
import { migrate } from '../main/db/migrate';
import { createAudit } from '../main/services/audit';
import { createWriter } from '../main/db/write';
import type { Clock } from '../main/clock';
import { createSyncWorker } from '../main/sync/worker';
import { createHttpTarget } from '../main/sync/http-target';
import { migrate as migrateCounty } from '../county/db/migrate';
import { openPglite } from '../county/db/pglite';
import { createCountyServer } from '../county/server';
import { benchRoot, median, report, type Figure } from './lib';
import { createStation } from '../main/station';
import { memoryStore } from '../main/settings-store';
import { clientOf, STATION, ADMIN } from '../tests/helpers/station';
import { startPostgres } from '../tests/helpers/postgres';
import { openPostgres } from '../county/db/postgres';
import type { Sql } from '../county/store/types';

const clock: Clock = { now: () => new Date() };
const sql = await openPglite();
await migrateCounty(sql);

async function county(maxBatchEvents?: number, on: Sql = sql) {
  const server = await createCountyServer({ sql: on, countyName: `基准县-${Math.random().toString(36).slice(2, 8)}`, publicUrl: null, limits: maxBatchEvents ? { maxBatchEvents } : {}, logger: false });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { server, url };
}

/** A station database holding `n` outbox events (resident snapshots of a realistic size), enrolled at the county. */
async function station(n: number, c: Awaited<ReturnType<typeof county>>, code: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-sync-'));
  const db = openDb(path.join(dir, 'stationdesk.db'));
  migrate(db);
  const audit = createAudit(db, clock);
  const write = createWriter(db, clock, audit.append);
  write((tx) => {
    for (let i = 0; i < n; i++) {
      tx.change({ actorId: null, action: 'resident.create', entity: 'resident', entityId: `r-${i}`, op: 'create', snapshot: { id: `r-${i}`, name: '张建华', id_number: '130102199001011234', phone: '13800138000', address: '建北街道中山东路 12 号 3 单元 501', tags: ['低保'], updated_at: clock.now().toISOString(), version: 1 } });
    }
  });
  const none = () => {
    throw new Error('no feed items in this bench');
  };
  const worker = createSyncWorker({
    db,
    write,
    clock,
    services: { intake: { assign: none, transition: none }, catalogue: { importVersion: none }, calendar: { load: none } },
    countyUrl: () => c.url,
    station: () => ({ code, name: '基准站' }),
    target: (url) => createHttpTarget(url),
  });
  const issued = await c.server.store.createStation({ code, name: '基准站' });
  await worker.enroll(c.url, issued.code);
  return { db, worker };
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

const figures: Record<string, Figure> = {};

/** The backlog figures on one county database; PostgreSQL's carry a _postgres suffix. */
async function backlog(on: Sql, suffix: string, label: string) {
  const c = await county(undefined, on);
  const s = await station(10_000, c, `BENCH1${suffix ? 'P' : 'G'}`);
  const rss0 = process.memoryUsage().rss;
  peak = rss0;
  // the counter's event loop while the backlog goes out (the county shares this process here, so this is an upper bound)
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  const r = await s.worker.runOnce();
  const ms = performance.now() - t0;
  h.disable();
  if (!r.ok || r.pending !== 0) throw new Error(`backlog not pushed: ${JSON.stringify(r)}`);
  figures[`backlog_10k_events_per_s${suffix}`] = { value: 10_000 / (ms / 1000), unit: 'events/s', note: `${label}, batches of ${c.server.limits.maxBatchEvents}` };
  figures[`backlog_10k_total_s${suffix}`] = { value: ms / 1000, unit: 's' };
  figures[`backlog_10k_peak_rss_mib${suffix}`] = { value: peak / 2 ** 20, unit: 'MiB', note: `station + county in one process; ${(rss0 / 2 ** 20).toFixed(0)} MiB before` };
  figures[`backlog_10k_event_loop_delay_p99_ms${suffix}`] = { value: h.percentile(99) / 1e6, unit: 'ms', note: 'station and county in one process: an upper bound for the counter' };
  await c.server.app.close();

  const one = await county(1, on);
  const s1 = await station(1_000, one, `BENCH2${suffix ? 'P' : 'G'}`);
  const t1 = performance.now();
  const r1 = await s1.worker.runOnce();
  const ms1 = performance.now() - t1;
  if (!r1.ok || r1.pending !== 0) throw new Error(`one-per-request not pushed: ${JSON.stringify(r1)}`);
  figures[`backlog_10k_events_per_s_one_per_request${suffix}`] = { value: 1_000 / (ms1 / 1000), unit: 'events/s', note: `${label}; measured on 1,000 events, one per request` };
  await one.server.app.close();
}

await backlog(sql, '', 'PGlite');
{
  const cluster = await startPostgres();
  const pg = openPostgres(cluster.url);
  await migrateCounty(pg);
  try {
    await backlog(pg, '_postgres', 'PostgreSQL 15');
  } finally {
    await pg.close();
    await cluster.stop();
  }
}
{
  // a county decision's way back: the real station, its worker on the default timer
  const c = await county();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-sync-st-'));
  const st = await createStation({ dataDir, transport: 'browser', store: memoryStore(), resourcesDir: path.join(benchRoot, 'resources') });
  const api = clientOf(st);
  await api['setup.init']({ station: STATION, admin: ADMIN });
  const issued = await c.server.store.createStation({ code: STATION.code, name: STATION.name });
  await api['sync.enroll']({ countyUrl: c.url, code: issued.code });
  const resident = await api['residents.create']({ name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号' });
  const item = await api['catalogue.get']({ code: 'DB-003' });
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const rec = (await api['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials })).record;
    const [fwd] = (await api['intake.forward']({ items: [{ id: rec.id, version: rec.version }], department: '县民政局', channel: 'system', receiverName: '刘洋', receivedAt: new Date().toISOString() })).records;
    await st.sync.runOnce();
    const t0 = performance.now();
    await c.server.store.decideItem(issued.stationId, fwd!.id, { decision: 'completed', result: '已办结', basedOnVersion: fwd!.version }, '刘科长');
    while ((await api['intake.get']({ id: fwd!.id })).record.status !== 'completed') await new Promise((r) => setTimeout(r, 50));
    samples.push((performance.now() - t0) / 1000);
  }
  figures.decision_to_station_s = { value: median(samples), unit: 's', note: `median of ${samples.map((x) => x.toFixed(1)).join(', ')}; decided just after a round: the worst case, one 15 s interval` };
  await st.sync.stop();
  st.close();
  await c.server.app.close();
}
clearInterval(sampler);
await sql.close();
report('sync', figures);
