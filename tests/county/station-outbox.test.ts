/**
 * A real station's outbox, written by main/db/write.ts into a real SQLite file, pushed to
 * the county as the sync worker sends it: the county recomputes the same hashes.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, countyBackend, enrolledStation, pushEvents } from '../helpers/county';
import { manualClock, setUpStation } from '../helpers/station';
import { openDb } from '../../main/db/open';
import { DB_FILE } from '../../main/paths';
import type { OutboxEventRow } from '../../main/db/write';
import { toEvent } from '../../main/sync/store';
import { PushResponse } from '../../common/county/protocol';


describe.each(BACKENDS)('a real station outbox at the county (%s)', (kind) => {
  const env = countyBackend(kind);
  const cleanup: (() => void)[] = [];
  afterEach(() => cleanup.splice(0).forEach((f) => f()));

  it('verifies every event the station wrote, and shows its forwarded intake item without the ID number', async () => {
    const s = await setUpStation({ clock: manualClock('2026-11-27T01:00:00.000Z') });
    const db = openDb(path.join(s.dataDir, DB_FILE));
    cleanup.push(() => db.close(), () => s.close());
    const r = await s.client['residents.create']({ name: '张建华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' });
    await s.client['residents.update']({ id: r.id, version: r.version, name: r.name, grid: '第三网格', tags: [] });
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const accepted = await s.client['intake.accept']({ residentId: r.id, itemCode: item.code, materialsReceived: item.materials });

    const rows = db.prepare<[], OutboxEventRow>('SELECT seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash FROM outbox ORDER BY seq').all();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const county = await env.start({ clock: manualClock('2026-11-27T02:00:00.000Z') });
    const st = await enrolledStation(county);
    const res = PushResponse.parse((await pushEvents(county, st.token, rows.map(toEvent))).body);
    expect(res.results.map((v) => v.status)).toEqual(rows.map(() => 'applied'));
    expect(res.ackedThrough).toBe(rows.length);

    // the stored text is the station's text, byte for byte
    const stored = await env.sql.query<{ seq: number; payload: string; hash: string }>('SELECT seq, payload, hash FROM station_events WHERE station_id = $1 ORDER BY seq', [st.stationId]);
    expect(stored.map((x) => [x.payload, x.hash])).toEqual(rows.map((x) => [x.payload, x.hash]));

    const items = await county.store.listItems({ status: 'all', limit: 100, stationId: st.stationId });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ intakeId: accepted.record.id, receiptNo: accepted.record.receiptNo, itemCode: item.code, itemName: item.name, applicantMasked: '张*华', stationStatus: 'accepted', stationVersion: 1, overdue: false, decision: null });
    expect(JSON.stringify(items)).not.toContain('11010519491231002X');
  });
});
