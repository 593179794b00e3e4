/**
 * The station process SIGKILLed in the middle of a push (the county has applied the batch,
 * its answer not yet back) and in the middle of applying a pull page (inside the page's
 * transaction), then restarted and synced: the county holds every event exactly once, the
 * station's outbox is fully acknowledged, and every county decision is applied once.
 */
import fs from 'node:fs';
import path from 'node:path';
import fsp from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countyBackend } from '../helpers/county';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { countyEventCounts, forwardedItems, stationRows, syncStation, type SyncTestStation } from '../helpers/sync';
import { createHttpTarget } from '../../main/sync/http-target';

const env = countyBackend('pglite');
const CHILD = path.resolve('node_modules/.cache/sd-sync-child/child.mjs');
const open: SyncTestStation[] = [];
const proxies: FaultProxy[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

beforeAll(async () => {
  await build({
    entryPoints: ['tests/helpers/sync-child.ts'],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'raw',
        setup(b) {
          b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
          b.onLoad({ filter: /.*/, namespace: 'raw' }, async (a) => ({ contents: await fsp.readFile(a.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
}, 120_000);

/** Runs the station process; resolves with its exit signal and what it printed. */
function child(dataDir: string, extra: Record<string, string> = {}) {
  const p = spawn(process.execPath, [CHILD], { env: { ...process.env, DATA_DIR: dataDir, RESOURCES_DIR: path.resolve('resources'), ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (c: Buffer) => (out += c.toString()));
  p.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => p.on('exit', (code, signal) => resolve({ code, signal, out })));
  return { p, done };
}

async function enrolledStation(limits: { maxBatchEvents?: number } = {}) {
  const county = await env.start({ limits });
  const proxy = await startFaultProxy(county.url);
  proxies.push(proxy);
  const s = await syncStation({ sync: { target: (url) => createHttpTarget(url) } });
  const issued = await county.store.createStation({ code: '130102001', name: '测试站' });
  await s.client['sync.enroll']({ countyUrl: proxy.url, code: issued.code });
  return { county, proxy, s, stationId: issued.stationId };
}

const count = (dataDir: string, sql: string) => stationRows<{ n: number }>(dataDir, sql)[0]!.n;

describe('sync survives the station process being killed', () => {
  it('SIGKILL in the middle of a push: restarted, every event is at the county exactly once and the outbox is acknowledged', async () => {
    const { proxy, s, stationId } = await enrolledStation({ maxBatchEvents: 3 });
    await forwardedItems(s, 3);
    const { dataDir } = s;
    s.close();
    expect(count(dataDir, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL')).toBeGreaterThan(6);

    // the second batch reaches the county and is applied; its answer is held back; then the kill
    proxy.inject('hold', '/v1/push', 1);
    const { p, done } = child(dataDir);
    await proxy.whenHeld();
    p.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const atCounty = await countyEventCounts(env.sql, stationId);
    expect(atCounty.n).toBeGreaterThan(0);
    expect(count(dataDir, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL')).toBeGreaterThan(0);
    proxy.releaseAll();

    const again = child(dataDir);
    const r = await again.done;
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('"ok":true');
    const n = count(dataDir, 'SELECT count(*) AS n FROM outbox');
    expect(await countyEventCounts(env.sql, stationId)).toEqual({ n, seqs: n, max: n });
    expect(count(dataDir, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL')).toBe(0);
  });

  it('SIGKILL in the middle of applying a pull page: restarted, every decision is applied once', async () => {
    const { county, s, stationId } = await enrolledStation();
    const items = await forwardedItems(s, 4);
    expect((await s.worker.runOnce()).ok).toBe(true);
    const { dataDir } = s;
    s.close();
    for (const it of items) await county.store.decideItem(stationId, it.id, { decision: 'completed', result: `已办结 ${it.receiptNo}`, basedOnVersion: it.version }, '刘科长');

    // dies inside the page's transaction, on the third decision
    const killed = await child(dataDir, { KILL_AT: '3' }).done;
    expect(killed.signal, killed.out).toBe('SIGKILL');
    // all or nothing: none of the page is applied and the cursor has not moved
    expect(count(dataDir, "SELECT count(*) AS n FROM intake_records WHERE status = 'completed'")).toBe(0);
    expect(count(dataDir, 'SELECT pull_cursor AS n FROM sync_state')).toBe(0);

    const r = await child(dataDir).done;
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('"ok":true');
    for (const it of items) {
      expect(stationRows(dataDir, 'SELECT status, result, county_decision FROM intake_records WHERE id = ?', it.id)).toEqual([{ status: 'completed', result: `已办结 ${it.receiptNo}`, county_decision: 'completed' }]);
      expect(count(dataDir, `SELECT count(*) AS n FROM intake_events WHERE intake_id = '${it.id}' AND to_status = 'completed'`)).toBe(1);
    }
    expect(count(dataDir, 'SELECT count(*) AS n FROM sync_conflicts')).toBe(0);
    // and the station's own steps for them go up once each on the next round
    expect((await child(dataDir).done).code).toBe(0);
    const n = count(dataDir, 'SELECT count(*) AS n FROM outbox');
    expect(await countyEventCounts(env.sql, stationId)).toEqual({ n, seqs: n, max: n });
    expect(fs.existsSync(CHILD)).toBe(true);
  });
});
