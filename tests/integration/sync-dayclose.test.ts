/**
 * 日结 through the sync port (main/sync/port.ts) against the real county: a close whose
 * events the county lacks is answered incomplete, the worker pushes what it named and asks
 * once more; offline, the close stays 待确认 and the worker confirms it on a later round.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { countyBackend } from '../helpers/county';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { forwardedItems, stationRows, syncStation, type SyncTestStation } from '../helpers/sync';
import { createHttpTarget } from '../../main/sync/http-target';
import { dayDigestInput, type DayCloseRequest, type DayCloseResponse } from '../../common/county/protocol';

const env = countyBackend('pglite');
const open: SyncTestStation[] = [];
const proxies: FaultProxy[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

function closeOf(s: SyncTestStation): DayCloseRequest {
  const hashes = stationRows<{ hash: string }>(s.dataDir, 'SELECT hash FROM outbox ORDER BY seq').map((r) => r.hash);
  const head = stationRows<{ seq: number; hash: string }>(s.dataDir, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')[0]!;
  return {
    closeId: randomUUID(),
    day: '2026-11-27',
    fromSeq: 1,
    throughSeq: hashes.length,
    digest: createHash('sha256').update(dayDigestInput(hashes)).digest('hex'),
    counts: { 'intake.accepted': 2 },
    firstReceiptNo: null,
    lastReceiptNo: null,
    auditHead: head,
    closedAt: s.clock.now().toISOString(),
    closedBy: '王建国',
  };
}

async function setUp() {
  const county = await env.start();
  const proxy = await startFaultProxy(county.url);
  proxies.push(proxy);
  const s = await syncStation({ sync: { target: (url) => createHttpTarget(url, { totalTimeoutMs: 2_000 }) } });
  open.push(s);
  return { county, proxy, s };
}

describe('day close through the sync port', () => {
  it('an unenrolled station is told so and nothing is sent', async () => {
    const { s } = await setUp();
    expect(s.worker.port.enrolled()).toBe(false);
    expect(await s.worker.port.sendDayClose(closeOf(s))).toEqual({ sent: false, reason: expect.stringContaining('尚未登记') });
  });

  it('incomplete at first: the worker pushes what the county named and asks again, confirmed', async () => {
    const { county, proxy, s } = await setUp();
    const issued = await county.store.createStation({ code: '130102001', name: '测试站' });
    await s.client['sync.enroll']({ countyUrl: proxy.url, code: issued.code });
    await forwardedItems(s, 2);
    const out = await s.worker.port.sendDayClose(closeOf(s));
    expect(out).toMatchObject({ sent: true, response: { status: 'confirmed' } });
    expect(stationRows(s.dataDir, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL')).toEqual([{ n: 0 }]);
    expect(proxy.seen.filter((x) => x.path === '/v1/day-close')).toHaveLength(2);
  });

  it('offline: 待确认, then confirmed by the worker itself on a later round', async () => {
    const { county, proxy, s } = await setUp();
    const issued = await county.store.createStation({ code: '130102001', name: '测试站' });
    await s.client['sync.enroll']({ countyUrl: proxy.url, code: issued.code });
    await s.worker.runOnce();
    await forwardedItems(s, 1);
    const req = closeOf(s);
    proxy.down();
    expect(await s.worker.port.sendDayClose(req)).toMatchObject({ sent: false, reason: expect.stringContaining('连不上') });
    const pending = new Map<string, DayCloseRequest>([[req.closeId, req]]);
    const recorded: DayCloseResponse[] = [];
    s.worker.usePendingDayCloses({
      list: () => [...pending.values()],
      record: (id, res) => {
        recorded.push(res);
        if (res.status === 'confirmed') pending.delete(id);
      },
    });
    expect((await s.worker.runOnce()).ok).toBe(false);
    proxy.up();
    const round = await s.worker.port.syncNow();
    expect(round).toMatchObject({ ok: true, pending: 0, error: null });
    expect(recorded.map((r) => r.status)).toEqual(['confirmed']);
    expect(pending.size).toBe(0);
  });
});
