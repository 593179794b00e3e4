import { describe, expect, it } from 'vitest';
import { BACKENDS, call, countyBackend, enrolledStation, pushEvents, type RunningCounty } from '../helpers/county';
import { intakePayload, makeEvent, makeChain } from '../helpers/county-events';
import { manualClock } from '../helpers/station';
import { ErrorBody, GENESIS_HASH, PublicProgress } from '../../common/county/protocol';

describe.each(BACKENDS)('county store for the county page (%s)', (kind) => {
  const env = countyBackend(kind);

  /** A station that pushed intake events: each spec is one event, in order, chained. */
  async function withIntakes(county: RunningCounty, specs: Parameters<typeof intakePayload>[0][]) {
    const st = await enrolledStation(county);
    let prev = GENESIS_HASH;
    const events = specs.map((p, i) => {
      const e = makeEvent(i + 1, prev, { entity: 'intake', entityId: p.id, op: (p.version ?? 1) > 1 ? 'update' : 'create', version: p.version ?? 1, payload: intakePayload(p) });
      prev = e.hash;
      return e;
    });
    const res = await pushEvents(county, st.token, events);
    expect(res.body.ackedThrough).toBe(events.length);
    return st;
  }

  it('refuses a station code twice, and a new code for an unknown station', async () => {
    const county = await env.start();
    await county.store.createStation({ code: 'A0001', name: '一站' });
    await expect(county.store.createStation({ code: 'A0001', name: '二站' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/已存在/) });
    await expect(county.store.newEnrollmentCode('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(county.store.revokeStation('not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const other = await env.start();
    expect(await other.store.listStations()).toEqual([]);
  });

  it('projects the latest intake state, filters by status and overdue, and decides an item into the station’s feed', async () => {
    const clock = manualClock('2026-12-10T02:00:00.000Z');
    const county = await env.start({ clock });
    const st = await withIntakes(county, [
      { id: 'i1', receiptNo: 'SL-1', status: 'accepted', promisedDate: '2026-12-20' },
      { id: 'i2', receiptNo: 'SL-2', status: 'accepted', promisedDate: '2026-12-01' },
      { id: 'i2', receiptNo: 'SL-2', status: 'forwarded', version: 2, promisedDate: '2026-12-01' },
      { id: 'i3', receiptNo: 'SL-3', status: 'completed', promisedDate: '2026-12-01', result: '已办结' },
    ]);
    const all = await county.store.listItems({ status: 'all', limit: 100 });
    expect(all.map((i) => [i.intakeId, i.stationStatus, i.stationVersion, i.overdue])).toEqual([
      ['i2', 'forwarded', 2, true],
      ['i3', 'completed', 1, false],
      ['i1', 'accepted', 1, false],
    ]);
    expect((await county.store.listItems({ status: 'forwarded', limit: 100 })).map((i) => i.intakeId)).toEqual(['i2']);
    expect((await county.store.listItems({ status: 'open', limit: 100 })).map((i) => i.intakeId)).toEqual(['i2', 'i1']);
    expect((await county.store.listItems({ status: 'all', overdue: true, limit: 100 })).map((i) => i.intakeId)).toEqual(['i2']);
    expect((await county.store.listItems({ status: 'all', limit: 100, stationId: '00000000-0000-4000-8000-000000000000' }))).toEqual([]);

    await expect(county.store.decideItem(st.stationId, 'i2', { decision: 'accepted', department: '县民政局', basedOnVersion: 1 }, '刘芳')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(county.store.decideItem(st.stationId, 'nope', { decision: 'accepted', department: '县民政局', basedOnVersion: 1 }, '刘芳')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const decided = await county.store.decideItem(st.stationId, 'i2', { decision: 'returned', reason: '缺少户口簿原件，请带原件再来', basedOnVersion: 2 }, '刘芳');
    expect(decided.decision).toMatchObject({ decision: 'returned', reason: '缺少户口簿原件，请带原件再来', department: null, result: null, decidedBy: '刘芳', decidedAt: '2026-12-10T02:00:00.000Z', basedOnVersion: 2 });
    expect(decided.overdue).toBe(false);
    expect((await county.store.listItems({ status: 'decided', limit: 100 })).map((i) => i.intakeId)).toEqual(['i2']);
    expect((await county.store.listItems({ status: 'forwarded', limit: 100 }))).toEqual([]);

    const pulled = await call<{ items: { kind: string; body: { intakeId: string } }[] }>(county.url, 'GET', '/v1/pull', { token: st.token });
    expect(pulled.body.items.map((i) => [i.kind, i.body.intakeId])).toEqual([['intake.decision', 'i2']]);
  });

  it('answers the public progress for the receipt and its check code only, the same NOT_FOUND otherwise, nothing personal', async () => {
    const clock = manualClock('2026-12-02T03:00:00.000Z');
    const county = await env.start({ clock });
    const st = await withIntakes(county, [
      { id: 'p1', receiptNo: 'SL-130102001-20261127-0001', status: 'forwarded', checkCode: 'K7M3QX', residentName: '李秀英' },
      { id: 'p2', receiptNo: 'SL-130102001-20261127-0002', status: 'forwarded' },
    ]);
    const ask = (receipt: string, code: string) => call(county.url, 'GET', `/public/progress?receipt=${encodeURIComponent(receipt)}&code=${code}`);

    const ok = await ask('SL-130102001-20261127-0001', 'k7m3qx');
    expect(ok.status).toBe(200);
    expect(PublicProgress.parse(ok.body)).toEqual({
      receiptNo: 'SL-130102001-20261127-0001',
      itemName: '城乡居民基本医疗保险参保登记',
      stationName: '测试站点',
      statusLabel: '已转报',
      acceptedAt: '2026-11-27T01:00:00.000Z',
      promisedDate: '2026-12-04',
      updatedAt: '2026-11-27T01:05:00.000Z',
      result: null,
      reason: null,
      department: '县医疗保障局',
    });
    expect(JSON.stringify(ok.body)).not.toMatch(/李|秀英|130102\*/);

    const wrongCode = await ask('SL-130102001-20261127-0001', 'K7M3QY');
    const unknown = await ask('SL-130102001-20261127-9999', 'K7M3QX');
    const noCodeOnFile = await ask('SL-130102001-20261127-0002', 'K7M3QX');
    expect([wrongCode.status, unknown.status, noCodeOnFile.status]).toEqual([404, 404, 404]);
    expect(wrongCode.body).toEqual(unknown.body);
    expect(noCodeOnFile.body).toEqual(unknown.body);
    expect(ErrorBody.parse(unknown.body).error.code).toBe('NOT_FOUND');
    expect((await ask('SL-1', 'O0I1L0')).status).toBe(400);

    clock.advance(3600_000);
    await county.store.decideItem(st.stationId, 'p1', { decision: 'completed', result: '已办结，社保卡三日内寄到', basedOnVersion: 1 }, '刘芳');
    const done = PublicProgress.parse((await ask('SL-130102001-20261127-0001', 'K7M3QX')).body);
    expect(done).toMatchObject({ statusLabel: '已办结', result: '已办结，社保卡三日内寄到', updatedAt: '2026-12-02T04:00:00.000Z' });
  });

  it('creates admins with a one-time password kept as scrypt, verifies them, and keeps sessions in the database', async () => {
    const clock = manualClock('2026-12-02T03:00:00.000Z');
    const county = await env.start({ clock });
    const admin = await county.store.createAdmin('liufang', '刘芳');
    expect(admin.password).toMatch(/^[A-Za-z2-9]{14}$/);
    await expect(county.store.createAdmin('liufang', '另一个')).rejects.toMatchObject({ code: 'CONFLICT' });
    const [row] = await env.sql.query<{ password_hash: string }>('SELECT password_hash FROM admins WHERE login = $1 AND county_id = $2', ['liufang', county.store.countyId]);
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(row!.password_hash).not.toContain(admin.password);

    expect(await county.store.verifyAdmin('liufang', admin.password)).toEqual({ login: 'liufang', name: '刘芳' });
    expect(await county.store.verifyAdmin('liufang', `${admin.password}x`)).toBeNull();
    expect(await county.store.verifyAdmin('nobody', admin.password)).toBeNull();

    const session = await county.store.openAdminSession('liufang');
    expect(await county.store.adminSession(session.token)).toEqual({ login: 'liufang', name: '刘芳', csrf: session.csrf });
    expect(await county.store.adminSession(`${session.token}x`)).toBeNull();
    clock.advance(9 * 3600_000);
    expect(await county.store.adminSession(session.token)).toBeNull();
    const next = await county.store.openAdminSession('liufang');
    await county.store.closeAdminSession(next.token);
    expect(await county.store.adminSession(next.token)).toBeNull();
    // another county on the same database does not know this admin
    const other = await env.start();
    expect(await other.store.verifyAdmin('liufang', admin.password)).toBeNull();
  });

  it('keeps each county’s stations, items and feed apart on one database', async () => {
    const a = await env.start();
    const b = await env.start();
    const st = await enrolledStation(a);
    await pushEvents(a, st.token, makeChain(1, { spec: () => ({ entity: 'intake', entityId: 'x1', payload: intakePayload({ id: 'x1', receiptNo: 'SL-X1' }) }) }));
    expect(await b.store.listItems({ status: 'all', limit: 100 })).toEqual([]);
    await expect(b.store.decideItem(st.stationId, 'x1', { decision: 'accepted', department: '县民政局', basedOnVersion: 1 }, '刘芳')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // a's token means nothing at b
    expect((await call(b.url, 'GET', '/v1/pull', { token: st.token })).status).toBe(401);
  });
});
