/**
 * A station whose clock is hours off (a PC with a flat CMOS battery, a wrong time zone): sync
 * still delivers every event once and applies the county's decision, because order is the
 * station's seq and the county's feed seq, never a clock; the skew is measured from the county's
 * answers and shown in 同步.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countyBackend } from '../helpers/county';
import { manualClock } from '../helpers/station';
import { countyEventCounts, enrollAt, forwardedItems, stationRows, syncStation, type SyncTestStation } from '../helpers/sync';
import { skewText } from '../../renderer/src/features/sync/format';

const open: SyncTestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('a station clock hours off the county', () => {
  const env = countyBackend('pglite');

  it('syncs in order and once, applies the decision, and shows the skew', async () => {
    const FIVE_HOURS = 5 * 3600;
    const stationClock = manualClock('2026-12-08T01:00:00.000Z');
    // the county is five hours ahead of the station
    const countyClock = manualClock('2026-12-08T06:00:00.000Z');
    const county = await env.start({ clock: countyClock });
    const s = await syncStation({ clock: stationClock });
    open.push(s);
    const { stationId } = await enrollAt(county, s);
    const [item] = await forwardedItems(s);
    expect((await s.worker.runOnce()).ok).toBe(true);
    const total = stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox')[0]!.n;
    expect(await countyEventCounts(env.sql, stationId)).toEqual({ n: total, seqs: total, max: total });

    // the county decides "before" the station's clock says the item was accepted: still applied
    await county.store.decideItem(stationId, item!.id, { decision: 'returned', reason: '缺少户口簿复印件，请补交后重新申请', basedOnVersion: item!.version }, '刘科长');
    expect((await s.worker.runOnce()).ok).toBe(true);
    const { record } = await s.client['intake.get']({ id: item!.id });
    expect(record).toMatchObject({ status: 'returned', closedReason: '缺少户口簿复印件，请补交后重新申请' });

    // the return is the station's own change too: the next round takes it to the county, once
    expect((await s.worker.runOnce()).ok).toBe(true);
    const after = stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox')[0]!.n;
    expect(after).toBeGreaterThan(total);
    expect(await countyEventCounts(env.sql, stationId)).toEqual({ n: after, seqs: after, max: after });
    const st = await s.client['sync.status']({});
    expect(st.clockSkewSeconds).toBe(FIVE_HOURS);
    expect(skewText(st.clockSkewSeconds)).toContain('5 小时');
    expect(st).toMatchObject({ pending: 0, conflictCount: 0, rejectedCount: 0 });
  });
});
