/**
 * The station's sync worker against the real county server (embedded PGlite) on loopback:
 * a 10,000-event backlog pushed in batches sized by the county's limits, beside one event
 * per request (on 1,000 events, as a rate); and a county decision's way back to the station
 * with the worker's default timer. PostgreSQL: not measured here (see the closing note).
 */
import fs from 'node:fs';
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
import { report, type Figure } from './lib';

const clock: Clock = { now: () => new Date() };
const sql = await openPglite();
await migrateCounty(sql);

async function county(maxBatchEvents?: number) {
  const server = await createCountyServer({ sql, countyName: `基准县-${Math.random().toString(36).slice(2, 8)}`, publicUrl: null, limits: maxBatchEvents ? { maxBatchEvents } : {}, logger: false });
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
{
  const c = await county();
  const s = await station(10_000, c, 'BENCH0001');
  const rss0 = process.memoryUsage().rss;
  peak = rss0;
  const t0 = performance.now();
  const r = await s.worker.runOnce();
  const ms = performance.now() - t0;
  if (!r.ok || r.pending !== 0) throw new Error(`backlog not pushed: ${JSON.stringify(r)}`);
  figures.backlog_10k_events_per_s = { value: 10_000 / (ms / 1000), unit: 'events/s', note: `PGlite, batches of ${c.server.limits.maxBatchEvents}` };
  figures.backlog_10k_total_s = { value: ms / 1000, unit: 's' };
  figures.backlog_10k_peak_rss_mib = { value: peak / 2 ** 20, unit: 'MiB', note: `station + county in one process; ${(rss0 / 2 ** 20).toFixed(0)} MiB before` };
  await c.server.app.close();
}
{
  const c = await county(1);
  const s = await station(1_000, c, 'BENCH0002');
  const t0 = performance.now();
  const r = await s.worker.runOnce();
  const ms = performance.now() - t0;
  if (!r.ok || r.pending !== 0) throw new Error(`one-per-request not pushed: ${JSON.stringify(r)}`);
  figures.backlog_10k_events_per_s_one_per_request = { value: 1_000 / (ms / 1000), unit: 'events/s', note: 'measured on 1,000 events, one per request' };
  await c.server.app.close();
}
clearInterval(sampler);
await sql.close();
report('sync', figures);
