/**
 * 微心愿 through the real county server (PGlite and PostgreSQL) on 127.0.0.1: the county sees
 * the wish, the joint claim and the fulfilment exactly once — also when the same events
 * arrive again — and lists them, read only, on its admin API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, countyBackend } from '../helpers/county';
import { signedInAdmin } from '../helpers/county-admin';
import { countyEventCounts, enrollAt, stationRows, syncStation, type SyncTestStation } from '../helpers/sync';
import { STATION } from '../helpers/station';
import { toEvent } from '../../main/sync/store';
import type { OutboxEventRow } from '../../main/db/write';
import type { CountyWish } from '../../common/county/wishes';
import { projectWishes } from '../../county/store/wishes';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const open: SyncTestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function wishLife(s: SyncTestStation) {
  const resident = await s.client['residents.create']({ name: '欧阳𠮷华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号' });
  const a = (await s.client['claimants.create']({ category: '驻区单位', name: '长安区建设银行支行', contactName: '刘洋', phone: '0311-86011111' })).claimant;
  const b = (await s.client['claimants.create']({ category: '志愿者', name: '王志强', phone: '13700137000' })).claimant;
  const { record: w } = await s.client['wishes.create']({ residentId: resident.id, title: '一台轮椅', description: '家住三楼', category: '助残', value: '480', source: '入户走访', deadline: '2026-12-31', publishNow: true });
  const { record: c } = await s.client['wishes.claim']({ id: w.id, version: w.version, shares: [{ claimantId: a.id, percent: 70 }, { claimantId: b.id, percent: 30 }], promisedHandoverDate: '2026-12-01' });
  const { proof } = await s.client['wishes.proofUpload']({ id: w.id, fileName: '交接.png', base64: PNG_1PX });
  const { record: f } = await s.client['wishes.fulfil']({ id: w.id, version: c.version, handoverDate: '2026-11-27', delivered: '轮椅一台', proofIds: [proof.id], confirmation: '本人签收' });
  return { wish: f };
}

describe.each(BACKENDS)('微心愿 sync round trip (%s)', (kind) => {
  const env = countyBackend(kind);

  it('the county holds the wish, the claim and the fulfilment once each, and lists them with their steps', async () => {
    const county = await env.start();
    const s = await syncStation();
    open.push(s);
    const { stationId } = await enrollAt(county, s);
    const { wish } = await wishLife(s);

    expect(await s.worker.runOnce()).toMatchObject({ ok: true, pending: 0, error: null });
    const total = stationRows<{ n: number }>(s.dataDir, 'SELECT count(*) AS n FROM outbox')[0]!.n;
    expect(await countyEventCounts(env.sql, stationId)).toEqual({ n: total, seqs: total, max: total });

    // the same events again, as a push whose answer was lost: duplicates, nothing projected twice
    const rows = stationRows<OutboxEventRow>(s.dataDir, 'SELECT seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash FROM outbox ORDER BY seq');
    const again = await county.store.push({ id: stationId, code: STATION.code, name: STATION.name }, { events: rows.map(toEvent), auditHead: { seq: 0, hash: rows[0]!.prev_hash }, backlog: 0 });
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
    expect((await s.worker.runOnce()).ok).toBe(true);

    const listed = await county.store.listWishes({ stationId, limit: 100 });
    expect(listed).toHaveLength(1);
    const seen = listed[0]!;
    expect(seen).toMatchObject({
      wishId: wish.id,
      wishNo: wish.wishNo,
      stationName: STATION.name,
      title: '一台轮椅',
      category: '助残',
      valueFen: 48000,
      beneficiaryMasked: '欧**华',
      status: 'fulfilled',
      stationVersion: wish.version,
      claimNo: `${wish.wishNo}-R1`,
      promisedHandoverDate: '2026-12-01',
      handoverDate: '2026-11-27',
      proofs: 1,
    });
    expect(seen.shares).toEqual([
      { name: '长安区建设银行支行', kind: 'unit', category: '驻区单位', percent: 70, valueFen: 33600 },
      { name: '王*强', kind: 'person', category: '志愿者', percent: 30, valueFen: 14400 },
    ]);
    expect(seen.steps.map((x) => [x.version, x.step, x.status])).toEqual([
      [1, 'create', 'pending'],
      [2, 'publish', 'published'],
      [3, 'claim', 'claimed'],
      [4, 'fulfil', 'fulfilled'],
    ]);
    expect(seen.steps[2]!.note).toBe(`${wish.wishNo}-R1：长安区建设银行支行 70%，王*强 30%；承诺 2026-12-01 交接`);
    const [n] = await env.sql.query<{ n: string | number }>("SELECT count(*) AS n FROM station_wish_steps WHERE station_id::text = $1 AND step IN ('create', 'claim', 'fulfil')", [stationId]);
    expect(Number(n!.n)).toBe(3);
    // nothing private reached the county's tables
    const stored = JSON.stringify(await env.sql.query('SELECT * FROM station_wishes')) + JSON.stringify(await env.sql.query('SELECT * FROM station_wish_steps'));
    for (const secret of ['𠮷', '11010519491231002X', '13800138000', '王志强', '13700137000', '三楼']) expect(stored).not.toContain(secret);

    // the follow-up comes later and moves the same row on
    await s.client['wishes.followUp']({ id: wish.id, version: wish.version, visitedOn: '2026-11-27', satisfaction: '满意' });
    expect((await s.worker.runOnce()).ok).toBe(true);
    const later = (await county.store.listWishes({ stationId, limit: 100 }))[0]!;
    expect([later.status, later.satisfaction, later.steps.length]).toEqual(['followedUp', '满意', 5]);

    // the county page's read-only route
    const { client } = await signedInAdmin(county);
    const res = await client.req<CountyWish[]>('GET', `/wishes?stationId=${stationId}`);
    expect(res.status).toBe(200);
    expect(res.body.map((x) => [x.wishNo, x.status, x.steps.length])).toEqual([[wish.wishNo, 'followedUp', 5]]);
    expect((await client.req('GET', '/wishes?status=expired')).body).toEqual([]);
    expect((await client.req('POST', '/wishes', { body: {} })).status).toBe(404);

    // a station from before its migration 0022 sent a one-character name, and a person's name, whole:
    // the county masks what it receives again, and its migration 0004 fixes a copy it already holds
    const [last] = stationRows<{ payload: string; entity_id: string; version: number }>(s.dataDir, "SELECT payload, entity_id, version FROM outbox WHERE entity = 'wish' ORDER BY seq DESC LIMIT 1");
    const old = JSON.parse(last!.payload) as { beneficiary_masked: string; claim: { shares: { name: string; kind: string }[] } };
    old.beneficiary_masked = '𠮷';
    for (const share of old.claim.shares) if (share.kind === 'person') share.name = '王志强';
    const [{ county_id: countyId }] = (await env.sql.query<{ county_id: number }>('SELECT county_id FROM station_wishes WHERE wish_id = $1', [wish.id])) as [{ county_id: number }];
    await projectWishes(env.sql, countyId, stationId, [{ seq: 999, entity_id: last!.entity_id, version: last!.version + 1, occurred_at: '2026-11-28T01:00:00.000Z', payload: JSON.stringify(old) }], '2026-11-28T01:00:00.000Z');
    const remasked = (await county.store.listWishes({ stationId, limit: 100 }))[0]!;
    expect(remasked.beneficiaryMasked).toBe('*');
    expect(remasked.shares.map((x) => x.name)).toEqual(['长安区建设银行支行', '王*强']);
    await env.sql.query("UPDATE station_wishes SET beneficiary_masked = '𠮷' WHERE wish_id = $1", [wish.id]);
    await env.sql.exec(fs.readFileSync(path.join(__dirname, '../../county/db/migrations/0004-wish-masked-names.sql'), 'utf8'));
    expect((await county.store.listWishes({ stationId, limit: 100 }))[0]!.beneficiaryMasked).toBe('*');
  });

  it('refuses the wish list to anyone not signed in at the county', async () => {
    const county = await env.start();
    const res = await fetch(`${county.url}/admin/api/wishes`);
    expect(res.status).toBe(401);
  });
});
