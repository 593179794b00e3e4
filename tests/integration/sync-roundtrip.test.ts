/**
 * The station's sync worker against the real county server (PGlite and PostgreSQL) on 127.0.0.1: an item
 * accepted and forwarded reaches the county, the county decides it, and the decision comes
 * back onto the item through the station's intake service with the county as the actor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, countyBackend } from '../helpers/county';
import { ItemFilter } from '../../common/county/admin';
import { countyEventCounts, enrollAt, forwardedItems, stationRows, syncStation, type SyncTestStation } from '../helpers/sync';

const open: SyncTestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function station() {
  const s = await syncStation();
  open.push(s);
  return s;
}

describe.each(BACKENDS)('sync round trip (%s)', (kind) => {
  const env = countyBackend(kind);

  it('pushes the outbox, the county completes the item, and the station shows 已办结 with the county result', async () => {
    const county = await env.start({ publicUrl: 'https://county.example/p' });
    const s = await station();
    const { stationId, status } = await enrollAt(county, s);
    expect(status.state).not.toBe('unenrolled');
    const [item] = await forwardedItems(s);
    const round = await s.worker.runOnce();
    expect(round).toMatchObject({ ok: true, pending: 0, error: null });
    const total = stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox')[0]!.n;
    expect(await countyEventCounts(env.sql, stationId)).toEqual({ n: total, seqs: total, max: total });
    expect(stationRows(s.dataDir, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL OR sent_at IS NULL')).toEqual([{ n: 0 }]);
    expect(s.worker.publicUrl()).toBe('https://county.example/p');

    const seen = (await county.store.listItems(ItemFilter.parse({ stationId, status: 'all' }))).find((i) => i.intakeId === item!.id);
    expect(seen).toMatchObject({ receiptNo: item!.receiptNo });
    await county.store.decideItem(stationId, item!.id, { decision: 'accepted', department: '县民政局养老服务科', basedOnVersion: item!.version }, '刘科长');
    // completed before the station pushed its own step for the acceptance: not a conflict
    await county.store.decideItem(stationId, item!.id, { decision: 'completed', result: '老年证已制成，请到站点领取', basedOnVersion: item!.version }, '刘科长');
    expect((await s.worker.runOnce()).ok).toBe(true);

    const { record, events } = await s.client['intake.get']({ id: item!.id });
    expect(record).toMatchObject({ status: 'completed', result: '老年证已制成，请到站点领取', department: '县民政局养老服务科' });
    expect(record.county).toMatchObject({ decision: 'completed', result: '老年证已制成，请到站点领取', decidedBy: '刘科长' });
    expect(events.map((e) => e.byName).slice(-2)).toEqual(['刘科长（县级）', '刘科长（县级）']);
    expect((await s.client['sync.conflicts']({})).length).toBe(0);
    expect(await s.client['sync.decisions']({})).toEqual([expect.objectContaining({ intakeId: item!.id, receiptNo: item!.receiptNo, status: 'completed', decision: 'completed', result: '老年证已制成，请到站点领取', decidedBy: '刘科长' })]);

    // applied once: another round changes nothing, and the county holds the station's later events
    const versions = record.version;
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect((await s.client['intake.get']({ id: item!.id })).record.version).toBe(versions);
    const after = stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox')[0]!.n;
    expect(await countyEventCounts(env.sql, stationId)).toEqual({ n: after, seqs: after, max: after });
    const st = await s.client['sync.status']({});
    expect(st).toMatchObject({ state: 'online', pending: 0, rejectedCount: 0, conflictCount: 0 });
  });
});
