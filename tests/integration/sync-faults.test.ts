/**
 * The sync worker over real HTTP to the real county server (PGlite) through a fault proxy
 * (tests/helpers/fault-proxy.ts): whatever the network or the county does, the county ends
 * up holding every station event exactly once (counted in its database) and the station's
 * outbox is fully acknowledged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countyBackend } from '../helpers/county';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { countyEventCounts, forwardedItems, stationRows, syncStation, type SyncTestStation } from '../helpers/sync';
import { createHttpTarget } from '../../main/sync/http-target';

const env = countyBackend('pglite');
const open: SyncTestStation[] = [];
const proxies: FaultProxy[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function setUp(limits: { maxBatchEvents?: number } = {}) {
  const county = await env.start({ limits });
  const proxy = await startFaultProxy(county.url);
  proxies.push(proxy);
  const s = await syncStation({ sync: { target: (url) => createHttpTarget(url, { totalTimeoutMs: 1_500, connectTimeoutMs: 1_000, gzipAboveBytes: 2_048 }) } });
  open.push(s);
  const issued = await county.store.createStation({ code: '130102001', name: '测试站' });
  await s.client['sync.enroll']({ countyUrl: proxy.url, code: issued.code });
  await s.worker.runOnce();
  return { county, proxy, s, stationId: issued.stationId };
}

const outboxCount = (s: SyncTestStation) => stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox')[0]!.n;
const unacked = (s: SyncTestStation) => stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL')[0]!.n;

async function exactlyOnce(s: SyncTestStation, stationId: string) {
  const n = outboxCount(s);
  expect(await countyEventCounts(env.sql, stationId)).toEqual({ n, seqs: n, max: n });
  expect(unacked(s)).toBe(0);
}


describe('sync through faults (real county, real HTTP)', () => {
  it('county down while items are created, then up: everything arrives once', async () => {
    const { proxy, s, stationId } = await setUp();
    proxy.down();
    await forwardedItems(s, 3);
    const r = await s.worker.runOnce();
    expect(r).toMatchObject({ ok: false });
    expect(r.error).toContain('连不上县级平台');
    expect(s.worker.status()).toMatchObject({ state: 'offline' });
    expect(unacked(s)).toBeGreaterThan(0);
    proxy.up();
    expect((await s.worker.runOnce()).ok).toBe(true);
    await exactlyOnce(s, stationId);
    expect(s.worker.status()).toMatchObject({ state: 'online', lastError: null, pending: 0 });
  });

  it('a 500 and an answer that never comes are retried; the batch is halved after the 500', async () => {
    const { proxy, s, stationId } = await setUp({ maxBatchEvents: 8 });
    await forwardedItems(s, 3);
    proxy.inject('500', '/v1/push');
    const a = await s.worker.runOnce();
    expect(a.ok).toBe(false);
    expect(a.error).toContain('500');
    proxy.inject('hang', '/v1/push');
    const b = await s.worker.runOnce();
    expect(b.ok).toBe(false);
    expect(b.error).toContain('没有答复');
    expect((await s.worker.runOnce()).ok).toBe(true);
    await exactlyOnce(s, stationId);
  });

  it('the connection cut in the middle of the request, and of the answer after the county applied it', async () => {
    const { proxy, s, stationId } = await setUp({ maxBatchEvents: 6 });
    await forwardedItems(s, 3);
    proxy.inject('cutRequest', '/v1/push');
    expect((await s.worker.runOnce()).ok).toBe(false);
    proxy.inject('cutResponse', '/v1/push');
    const r = await s.worker.runOnce();
    expect(r.ok).toBe(false);
    expect(r.error).toContain('中途断开');
    expect((await s.worker.runOnce()).ok).toBe(true);
    await exactlyOnce(s, stationId);
  });

  it('the same batch delivered twice is stored once', async () => {
    const { proxy, s, stationId } = await setUp();
    await forwardedItems(s, 2);
    proxy.inject('duplicate', '/v1/push', 3);
    expect((await s.worker.runOnce()).ok).toBe(true);
    await exactlyOnce(s, stationId);
  });

  it('a tampered event is refused, kept and listed; a reordered or gapped batch is refused and pushed again in order', async () => {
    const { county, proxy, s, stationId } = await setUp({ maxBatchEvents: 4 });
    const firstNew = outboxCount(s) + 1;
    await forwardedItems(s, 1);
    proxy.inject('tamper', '/v1/push');
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect(await s.client['sync.rejected']({})).toEqual([expect.objectContaining({ seq: firstNew, reason: 'BAD_HASH' })]);
    expect(unacked(s)).toBe(0); // settled, never blocking
    expect((await county.store.rejectedEvents(stationId)).map((r) => r.seq)).toContain(firstNew);

    await forwardedItems(s, 2);
    proxy.inject('reorder', '/v1/push');
    expect((await s.worker.runOnce()).ok).toBe(true);
    proxy.inject('gap', '/v1/push');
    await s.worker.runOnce(); // the answer names fewer events than were sent: not taken as an ack
    expect((await s.worker.runOnce()).ok).toBe(true);
    await exactlyOnce(s, stationId);
    // nothing but the tampered one was refused for good
    expect((await s.client['sync.rejected']({})).map((r) => r.seq)).toEqual([firstNew]);
  });

  it('a revoked station is refused: state 重新登记, no more retries, the queue kept; a new code resumes it', async () => {
    const { county, proxy, s, stationId } = await setUp();
    await county.store.revokeStation(stationId);
    await forwardedItems(s, 1);
    const r = await s.worker.runOnce();
    expect(r.ok).toBe(false);
    expect(s.worker.status()).toMatchObject({ state: 'reenroll' });
    const pending = unacked(s);
    expect(pending).toBeGreaterThan(0);
    const before = proxy.seen.length;
    await s.worker.runOnce();
    expect(proxy.seen.length).toBe(before); // no retry at all
    const again = await county.store.newEnrollmentCode(stationId);
    await s.client['sync.enroll']({ countyUrl: proxy.url, code: again.code });
    expect((await s.worker.runOnce()).ok).toBe(true);
    await exactlyOnce(s, stationId);
  });

  it('a county decision against a later station change is stored as a conflict and listed, the station change kept', async () => {
    const { county, s, stationId } = await setUp();
    const [item] = await forwardedItems(s, 1);
    expect((await s.worker.runOnce()).ok).toBe(true);
    // the clerk cancels it at the counter; before that change reaches the county, the county decides
    await s.client['intake.transition']({ id: item!.id, to: 'cancelled', version: item!.version, reason: '群众撤回申请' });
    await county.store.decideItem(stationId, item!.id, { decision: 'completed', result: '已制证', basedOnVersion: item!.version }, '刘科长');
    expect((await s.worker.runOnce()).ok).toBe(true);
    const { record } = await s.client['intake.get']({ id: item!.id });
    expect(record.status).toBe('cancelled');
    expect(record.county).toBeNull();
    const conflicts = await s.client['sync.conflicts']({});
    expect(conflicts).toEqual([expect.objectContaining({ entityId: item!.id, basedOnVersion: item!.version, stationVersion: item!.version + 1 })]);
    expect(s.worker.status().conflictCount).toBe(1);
  });
});
