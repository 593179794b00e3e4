/**
 * Issue 9: the 微心愿 expiry is recorded by main's timer (at start, hourly, when the station
 * date changes) and by the steps, never by a read. On a real SQLite file with the injected
 * clock: reads (list, wall, lobby wall, stats, get, the printed record) write nothing yet show
 * 已过期; stats are the same before and after the sweep; the timer records the expiry with no
 * read; a step on an expired, unswept wish is refused as expired.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStation } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import { openDb, type Db } from '../../main/db/open';
import { ADMIN, STATION, clientOf, manualClock, tempDir, refused } from '../helpers/station';

// Friday 27 Nov 2026, 09:00 at the station.
const FRIDAY_9AM = '2026-11-27T01:00:00.000Z';

async function boot(dataDir: string, clock: ReturnType<typeof manualClock>, store = memoryStore()) {
  const st = await createStation({ dataDir, transport: 'browser', store, clock, syncWorker: { autoStart: false } });
  return { st, api: clientOf(st), store, dataDir, clock };
}

async function station(clock = manualClock(FRIDAY_9AM)) {
  const t = await boot(tempDir(), clock);
  await t.api['setup.init']({ station: STATION, admin: ADMIN });
  const resident = await t.api['residents.create']({ name: '张建华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院 2 单元 101' });
  const { claimant: unit } = await t.api['claimants.create']({ category: '驻区单位', name: '长安区建设银行支行', contactName: '刘洋', phone: '0311-86011111' });
  return { ...t, resident, unit };
}

type Station = Awaited<ReturnType<typeof station>>;

function wish(t: Station, over: Partial<Parameters<Station['api']['wishes.create']>[0]> = {}) {
  return t.api['wishes.create']({ residentId: t.resident.id, title: '一台轮椅', description: '老人行动不便，家住三楼', category: '助残', value: '480', source: '入户走访', deadline: '2026-11-29', ...over });
}

/** Days pass at the station: the clerk signs in again (the idle sign-out ran meanwhile). */
async function later(t: Station, iso: string) {
  t.clock.set(iso);
  await t.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
}

/** What a write leaves behind, read on a second connection; data_version moves when any other connection commits. */
function watcher(dbPath: string) {
  const db: Db = openDb(dbPath);
  const state = () => ({
    dataVersion: db.pragma('data_version', { simple: true }) as number,
    audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
    events: db.prepare('SELECT count(*) FROM wish_events').pluck().get() as number,
    outbox: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
    wishes: db.prepare('SELECT group_concat(status || version) FROM (SELECT status, version FROM wishes ORDER BY id)').pluck().get() as string,
  });
  const expiries = () => ({
    events: db.prepare("SELECT count(*) FROM wish_events WHERE step = 'expire'").pluck().get() as number,
    audit: db.prepare("SELECT actor_id FROM audit_log WHERE action = 'wish.expire'").pluck().all() as (string | null)[],
    outbox: (db.prepare("SELECT payload FROM outbox WHERE entity = 'wish'").pluck().all() as string[]).map((p) => JSON.parse(p) as { id: string; step: string; status: string }).filter((p) => p.step === 'expire'),
  });
  return { state, expiries, close: () => db.close() };
}


afterEach(() => {
  vi.useRealTimers();
});

describe('微心愿 expiry: reads write nothing', () => {
  it('list, wall, lobby wall, stats, get and the printed record show 已过期 without a write', async () => {
    const t = await station();
    const { record: open } = await wish(t, { publishNow: true });
    const { record: pending } = await wish(t, { title: '助学文具' });
    const { record: toClaim } = await wish(t, { publishNow: true, title: '米面油' });
    await t.api['wishes.claim']({ id: toClaim.id, version: toClaim.version, shares: [{ claimantId: t.unit.id, percent: 100 }], promisedHandoverDate: '2026-12-10' });
    const { token } = await t.api['wishes.lobbyCreate']({ label: '一楼大厅电视' });
    await later(t, '2026-11-30T01:00:00.000Z'); // the day after the deadline, 09:00

    const w = watcher(t.st.dbPath);
    const before = w.state();
    const shown = (await t.api['wishes.list']({})).map((r) => [r.title, r.status]);
    expect(shown.sort()).toEqual([['一台轮椅', 'expired'], ['助学文具', 'expired'], ['米面油', 'claimed']]);
    // the filter goes by the status as shown, not as stored
    expect((await t.api['wishes.list']({ status: 'expired' })).map((r) => r.id).sort()).toEqual([open.id, pending.id].sort());
    expect(await t.api['wishes.list']({ status: 'published' })).toEqual([]);
    expect(await t.api['wishes.list']({ status: 'pending' })).toEqual([]);
    expect((await t.api['wishes.wall']({})).cards.map((c) => c.title)).toEqual(['米面油']);
    expect(t.st.lobby.wall(token, {})?.cards.map((c) => c.title)).toEqual(['米面油']);
    expect((await t.api['wishes.stats']({ from: '2026-11', to: '2026-11' })).months[0]).toMatchObject({ recorded: 3, published: 2, claimed: 1, expired: 2 });
    const got = await t.api['wishes.get']({ id: open.id });
    expect(got.record).toMatchObject({ status: 'expired', next: [] });
    expect(got.events.map((e) => e.step)).toEqual(['create', 'publish']);
    expect(t.st.wishes.record(pending.id).status).toBe('expired');
    expect((await t.api['claimants.get']({ id: t.unit.id })).history.map((h) => h.status)).toEqual(['claimed']);
    for (let i = 0; i < 5; i++) await t.api['wishes.wall']({}); // the lobby screen polling

    expect(w.state()).toEqual(before);
    expect(w.expiries()).toEqual({ events: 0, audit: [], outbox: [] });
    w.close();
    t.st.close();
  });
});

describe('微心愿 expiry: stats before and after the sweep', () => {
  it('counts an unswept expiry in the month its deadline day ended, as the sweep does, even when the sweep runs months later', async () => {
    const t = await station();
    await wish(t, { publishNow: true, deadline: '2026-11-29' }); // ends 29 Nov → expired 30 Nov
    await wish(t, { publishNow: true, deadline: '2026-11-30', title: '助学文具' }); // ends 30 Nov → expired 1 Dec
    await wish(t, { deadline: '2026-12-31', title: '冬衣' }); // ends 31 Dec → expired 1 Jan, pending
    await wish(t, { publishNow: true, deadline: '2027-03-31', title: '米面油' }); // not yet
    await later(t, '2027-01-02T01:00:00.000Z'); // the station was off over the new year: nothing swept

    const w = watcher(t.st.dbPath);
    const unswept = w.state();
    const range = { from: '2026-11', to: '2027-01' } as const;
    const before = await t.api['wishes.stats'](range);
    const listedBefore = (await t.api['wishes.list']({ status: 'expired' })).map((r) => r.id).sort();
    expect(w.state()).toEqual(unswept);
    expect(before.months.map((m) => [m.month, m.expired])).toEqual([
      ['2026-11', 1],
      ['2026-12', 1],
      ['2027-01', 1],
    ]);

    expect(t.st.sweepWishes()).toBe(3);
    expect(w.expiries().events).toBe(3);
    expect(await t.api['wishes.stats'](range)).toEqual(before);
    expect((await t.api['wishes.list']({ status: 'expired' })).map((r) => r.id).sort()).toEqual(listedBefore);
    expect(listedBefore).toHaveLength(3);
    w.close();
    t.st.close();
  });
});

describe('微心愿 expiry: the timer in main', () => {
  it('records the expiry (audited, in the outbox) once the station date passes the deadline, without any read', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const t = await station();
    const { record: open } = await wish(t, { publishNow: true });
    const w = watcher(t.st.dbPath);

    t.clock.set('2026-11-29T15:59:00.000Z'); // 23:59 on the deadline day
    vi.advanceTimersByTime(60_000);
    expect(w.expiries().events).toBe(0);

    t.clock.set('2026-11-29T16:00:30.000Z'); // just past midnight: the date changed
    vi.advanceTimersByTime(60_000);
    const e = w.expiries();
    expect(e.events).toBe(1);
    expect(e.audit).toEqual([null]);
    expect(e.outbox).toEqual([expect.objectContaining({ id: open.id, step: 'expire', status: 'expired' })]);

    // once: later ticks on the same date, and the hourly one, find nothing more
    vi.advanceTimersByTime(2 * 3_600_000);
    t.clock.set('2026-11-30T03:00:00.000Z');
    vi.advanceTimersByTime(60_000);
    expect(w.expiries().events).toBe(1);

    // stopped with the station (the exports timer too; the sync worker was not started)
    expect(vi.getTimerCount()).toBe(2);
    t.st.close();
    expect(vi.getTimerCount()).toBe(0);
    w.close();
  });

  it('sweeps at start: a station opened after the deadline records the expiry before anything is read', async () => {
    const t = await station();
    const { record: open } = await wish(t, { publishNow: true });
    t.st.close();
    t.clock.set('2026-12-01T01:00:00.000Z');
    const again = await boot(t.dataDir, t.clock, t.store);
    const w = watcher(again.st.dbPath);
    expect(w.expiries().outbox.map((p) => p.id)).toEqual([open.id]);
    w.close();
    again.st.close();
  });
});

describe('微心愿 expiry: a step on an expired wish not yet swept', () => {
  it('is refused as expired, the step\'s own sweep recording the expiry first', async () => {
    const t = await station();
    const { record: open } = await wish(t, { publishNow: true });
    const { record: pending } = await wish(t, { title: '助学文具' });
    await later(t, '2026-11-30T01:00:00.000Z');
    const w = watcher(t.st.dbPath);
    const seen = await t.api['wishes.get']({ id: open.id });
    expect(seen.record.status).toBe('expired');
    expect(w.expiries().events).toBe(0);

    const claim = await refused(t.api['wishes.claim']({ id: open.id, version: seen.record.version, shares: [{ claimantId: t.unit.id, percent: 100 }], promisedHandoverDate: '2026-12-10' }));
    expect(claim.message).toBe('该心愿当前为“已过期”，只有已发布的心愿可以认领');
    const publish = await refused(t.api['wishes.publish']({ id: pending.id, version: pending.version }));
    expect(publish.message).toBe('该心愿当前为“已过期”，只有待审核的心愿可以审核或发布');
    const withdraw = await refused(t.api['wishes.withdraw']({ id: open.id, version: seen.record.version, reason: '居民不再需要' }));
    expect(withdraw.message).toBe('该心愿当前为“已过期”，不能撤回');

    const e = w.expiries();
    expect(e.events).toBe(2);
    expect(e.audit).toEqual([null, null]);
    expect(e.outbox.map((p) => p.id).sort()).toEqual([open.id, pending.id].sort());
    w.close();
    t.st.close();
  });
});
