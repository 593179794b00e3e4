/**
 * The sync worker against the in-memory county (main/sync/memory-target.ts) with a real
 * station database: backoff, batch halving, verdicts, 401, malformed answers, cuts and
 * repeats, conflicts, and the county's catalogue and calendar applied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryCounty, type MemoryCounty } from '../../main/sync/memory-target';
import { forwardedItems, stationRows, syncStation, type SyncTestStation } from '../helpers/sync';

const open: SyncTestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function setUp(o: { maxBatchEvents?: number; random?: () => number } = {}) {
  const mem = createMemoryCounty({ maxBatchEvents: o.maxBatchEvents ?? 500 });
  const s = await syncStation({ sync: { target: () => mem.target, backoffMs: 1000, maxBackoffMs: 16_000, random: o.random ?? (() => 1) } });
  open.push(s);
  await s.client['sync.enroll']({ countyUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-2345' });
  await s.worker.runOnce();
  return { mem, s };
}

const outboxCount = (s: SyncTestStation) => stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox')[0]!.n;
const unacked = (s: SyncTestStation) => stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL')[0]!.n;

/** The county holds every station event exactly once, and the station's outbox is all acknowledged. */
function exactlyOnce(mem: MemoryCounty, s: SyncTestStation) {
  const seqs = mem.events().map((e) => e.event.seq).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: outboxCount(s) }, (_, i) => i + 1));
  expect(unacked(s)).toBe(0);
}

describe('sync worker (in-memory county)', () => {
  it('enrolls, then pushes everything and keeps the county URL and public address', async () => {
    const { mem, s } = await setUp();
    await forwardedItems(s, 2);
    expect((await s.worker.runOnce()).ok).toBe(true);
    exactlyOnce(mem, s);
    expect(s.worker.publicUrl()).toBe('https://county.example/p');
    expect((await s.client['settings.get']({})).countyUrl).toBe('http://127.0.0.1:9');
    expect(s.worker.port.enrolled()).toBe(true);
  });

  it('backs off exponentially with jitter while the county is down, then catches up', async () => {
    const { mem, s } = await setUp({ random: () => 1 });
    await forwardedItems(s, 1);
    mem.inject('down', 'config', 3);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await s.worker.runOnce();
      expect(r.ok).toBe(false);
      expect(r.error).toContain('连不上县级平台');
      const st = s.worker.status();
      delays.push(Date.parse(st.nextAttemptAt!) - s.clock.now().getTime());
      expect(st.state).toBe('offline');
    }
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(unacked(s)).toBeGreaterThan(0);
    expect((await s.worker.runOnce()).ok).toBe(true);
    exactlyOnce(mem, s);
    expect(s.worker.status()).toMatchObject({ state: 'online', lastError: null });
  });

  it('jitter takes between half and all of the step', async () => {
    const { mem, s } = await setUp({ random: () => 0 });
    mem.inject('500', 'config', 2);
    await s.worker.runOnce();
    expect(Date.parse(s.worker.status().nextAttemptAt!) - s.clock.now().getTime()).toBe(500);
    await s.worker.runOnce();
    expect(Date.parse(s.worker.status().nextAttemptAt!) - s.clock.now().getTime()).toBe(1000);
  });

  it('sizes batches by the county limit, halves on 413 at once and on 500 for the next round', async () => {
    const { mem, s } = await setUp({ maxBatchEvents: 8 });
    await forwardedItems(s, 6);
    const total = unacked(s);
    expect(total).toBeGreaterThan(12);
    mem.requests.splice(0);
    mem.inject('413', 'push');
    expect((await s.worker.runOnce()).ok).toBe(true);
    const sizes = mem.requests.filter((r) => r.call === 'push').map((r) => r.size);
    expect(sizes[0]).toBe(8);
    expect(sizes[1]).toBe(4); // halved, same round
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    exactlyOnce(mem, s);

    await forwardedItems(s, 4);
    mem.requests.splice(0);
    mem.inject('500', 'push');
    expect((await s.worker.runOnce()).ok).toBe(false);
    expect((await s.worker.runOnce()).ok).toBe(true);
    const after = mem.requests.filter((r) => r.call === 'push').map((r) => r.size);
    expect(after.slice(0, 2)).toEqual([8, 4]);
    exactlyOnce(mem, s);
  });

  it('a connection cut after the county applied, and a batch delivered twice, leave every event once', async () => {
    const { mem, s } = await setUp({ maxBatchEvents: 5 });
    await forwardedItems(s, 3);
    mem.inject('cutAfterApply', 'push');
    expect((await s.worker.runOnce()).ok).toBe(false);
    mem.inject('duplicate', 'push', 2);
    expect((await s.worker.runOnce()).ok).toBe(true);
    exactlyOnce(mem, s);
  });

  it('a malformed answer is an error and nothing of it is applied', async () => {
    const { mem, s } = await setUp();
    await forwardedItems(s, 1);
    const pending = unacked(s);
    mem.inject('malformed', 'push');
    const r = await s.worker.runOnce();
    expect(r.ok).toBe(false);
    expect(r.error).toContain('格式');
    expect(unacked(s)).toBe(pending); // the county stored them, but the station does not take a bad answer as an ack
    expect((await s.worker.runOnce()).ok).toBe(true); // duplicates now
    exactlyOnce(mem, s);

    mem.publish({ kind: 'intake.decision', body: { intakeId: 'x', receiptNo: 'R', basedOnVersion: 1, decision: 'completed', department: null, result: '好', reason: null, decidedAt: new Date().toISOString(), decidedBy: '刘' } });
    mem.inject('malformed', 'pull');
    expect((await s.worker.runOnce()).ok).toBe(false);
    expect(stationRows(s.dataDir, 'SELECT pull_cursor FROM sync_state')).toEqual([{ pull_cursor: 0 }]);
  });

  it('permanent rejections are kept, listed and settled; a gap pushes again from the county ackedThrough', async () => {
    const { mem, s } = await setUp({ maxBatchEvents: 4 });
    const bad = outboxCount(s) + 2;
    await forwardedItems(s, 1);
    mem.tamper(bad);
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect(unacked(s)).toBe(0); // settled: it never blocks the queue
    const rejected = await s.client['sync.rejected']({});
    expect(rejected).toEqual([expect.objectContaining({ seq: bad, reason: 'BAD_HASH', message: expect.stringContaining('改动') })]);
    expect(s.worker.status().rejectedCount).toBe(1);

    // the county lost everything above seq 3 (restored from a backup): GAP, then pushed again
    mem.forget(bad + 1);
    await forwardedItems(s, 1);
    expect((await s.worker.runOnce()).ok).toBe(true);
    exactlyOnce(mem, s);
  });

  it('401 stops the retries, keeps the queue and asks for re-enrollment', async () => {
    const { mem, s } = await setUp();
    await forwardedItems(s, 1);
    mem.inject('revoked', 'push');
    const r = await s.worker.runOnce();
    expect(r.ok).toBe(false);
    const pending = unacked(s);
    expect(pending).toBeGreaterThan(0);
    expect(s.worker.status()).toMatchObject({ state: 'reenroll', nextAttemptAt: null });
    mem.requests.splice(0);
    await s.worker.runOnce();
    await s.worker.runOnce();
    expect(mem.requests).toEqual([]); // no retries
    expect(s.worker.port.enrolled()).toBe(false);
    expect(await s.worker.port.sendDayClose({} as never)).toMatchObject({ sent: false });
    await s.client['sync.enroll']({ countyUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-2346' });
    expect((await s.worker.runOnce()).ok).toBe(true);
    exactlyOnce(mem, s);
  });

  it('a decision based on a version older than the station changed since is stored as a conflict, never applied', async () => {
    const { mem, s } = await setUp();
    const [item] = await forwardedItems(s, 1);
    await s.worker.runOnce();
    // the clerk cancels the item at the counter after the county saw version n
    await s.client['intake.transition']({ id: item!.id, to: 'cancelled', version: item!.version, reason: '群众撤回申请' });
    mem.publish({ kind: 'intake.decision', body: { intakeId: item!.id, receiptNo: item!.receiptNo, basedOnVersion: item!.version, decision: 'completed', department: null, result: '已办结', reason: null, decidedAt: '2026-11-27T02:00:00.000Z', decidedBy: '刘科长' } });
    expect((await s.worker.runOnce()).ok).toBe(true);
    const { record } = await s.client['intake.get']({ id: item!.id });
    expect(record).toMatchObject({ status: 'cancelled', county: null });
    const conflicts = await s.client['sync.conflicts']({});
    expect(conflicts).toEqual([expect.objectContaining({ entityId: item!.id, label: item!.receiptNo, basedOnVersion: item!.version, stationVersion: item!.version + 1, resolvedAt: null })]);
    expect(conflicts[0]!.summary).toContain('县级办结');
    // the same page again (a restarted pull) makes no second conflict
    expect(stationRows(s.dataDir, 'SELECT pull_cursor FROM sync_state')).toEqual([{ pull_cursor: 1 }]);
    const done = await s.client['sync.resolveConflict']({ id: conflicts[0]!.id, resolution: '已电话告知县级：群众已撤回' });
    expect(done.resolvedAt).not.toBeNull();
    expect(await s.client['sync.conflicts']({})).toEqual([]);
    expect(await s.client['sync.conflicts']({ includeResolved: true })).toHaveLength(1);
  });

  it('returned and accepted decisions apply through the intake service; a decision for an unknown item is a conflict', async () => {
    const { mem, s } = await setUp();
    const [a, b] = await forwardedItems(s, 2);
    mem.publish({ kind: 'intake.decision', body: { intakeId: a!.id, receiptNo: a!.receiptNo, basedOnVersion: a!.version, decision: 'accepted', department: '县民政局', result: null, reason: null, decidedAt: '2026-11-27T02:00:00.000Z', decidedBy: '刘' } });
    mem.publish({ kind: 'intake.decision', body: { intakeId: b!.id, receiptNo: b!.receiptNo, basedOnVersion: b!.version, decision: 'returned', department: null, result: null, reason: '缺户口本原件', decidedAt: '2026-11-27T02:00:00.000Z', decidedBy: '刘' } });
    mem.publish({ kind: 'intake.decision', body: { intakeId: 'nope', receiptNo: 'X', basedOnVersion: 1, decision: 'returned', department: null, result: null, reason: '无', decidedAt: '2026-11-27T02:00:00.000Z', decidedBy: '刘' } });
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect((await s.client['intake.get']({ id: a!.id })).record).toMatchObject({ status: 'forwarded', department: '县民政局', county: { decision: 'accepted', department: '县民政局' } });
    expect((await s.client['intake.get']({ id: b!.id })).record).toMatchObject({ status: 'returned', closedReason: '缺户口本原件', county: { decision: 'returned', reason: '缺户口本原件' } });
    expect((await s.client['sync.conflicts']({})).map((c) => c.entityId)).toEqual(['nope']);
  });

  it('applies the county catalogue and next year calendar from the feed', async () => {
    const { mem, s } = await setUp();
    const seed = JSON.parse(fs.readFileSync(path.resolve('resources/catalogue/seed.json'), 'utf8')) as { version: string; items: { code: string; name: string }[] };
    const published = { ...seed, version: '2027.1', source: '县级服务清单', items: seed.items.map((i) => (i.code === 'DB-003' ? { ...i, name: `${i.name}（县级修订）` } : i)) };
    mem.publish({ kind: 'catalogue.version', body: published });
    const notice = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/calendar/test-notice-2027.json'), 'utf8')) as unknown;
    mem.publish({ kind: 'calendar.year', body: notice });
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect((await s.client['catalogue.get']({ code: 'DB-003' })).name).toContain('县级修订');
    const years = await s.client['calendar.years']({});
    expect(years.years.find((y) => y.year === 2027)).toMatchObject({ status: 'published', origin: 'county' });
    expect(await s.client['sync.conflicts']({})).toEqual([]);
  });

  it('runs by itself: soon after a local change, and again on its timer while the county feed has news', async () => {
    const mem = createMemoryCounty();
    const s = await syncStation({ sync: { target: () => mem.target, autoStart: false, intervalMs: 300, watchMs: 20 } });
    open.push(s);
    await s.client['sync.enroll']({ countyUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-2345' });
    s.worker.start();
    expect(s.worker.started).toBe(true);
    await forwardedItems(s, 1);
    await vi.waitFor(() => expect(unacked(s)).toBe(0), { timeout: 10_000, interval: 20 });
    exactlyOnce(mem, s);
    // nothing changes at the station: the timer alone brings the county's decision
    const [item] = stationRows<{ id: string; receipt_no: string; version: number }>(s.dataDir, "SELECT id, receipt_no, version FROM intake_records WHERE status = 'forwarded'");
    mem.publish({ kind: 'intake.decision', body: { intakeId: item!.id, receiptNo: item!.receipt_no, basedOnVersion: item!.version, decision: 'returned', department: null, result: null, reason: '缺材料', decidedAt: '2026-11-27T02:00:00.000Z', decidedBy: '刘' } });
    await vi.waitFor(() => expect(stationRows(s.dataDir, 'SELECT status FROM intake_records WHERE id = ?', item!.id)).toEqual([{ status: 'returned' }]), { timeout: 10_000, interval: 20 });
    await s.worker.stop();
    expect(s.worker.started).toBe(false);
  });

  it('shows 同步中 with its progress while a backlog goes out', async () => {
    const { mem, s } = await setUp({ maxBatchEvents: 4 });
    await forwardedItems(s, 2);
    const total = unacked(s);
    const release = mem.hold('push');
    mem.requests.splice(0);
    const round = s.worker.runOnce();
    await vi.waitFor(() => expect(mem.requests.some((r) => r.call === 'push')).toBe(true), { timeout: 5_000, interval: 10 });
    expect(s.worker.status()).toMatchObject({ state: 'syncing', pending: total, progress: { sent: 0, total } });
    release();
    expect((await round).ok).toBe(true);
    expect(s.worker.status()).toMatchObject({ state: 'online', progress: null, pending: 0 });
  });
});
