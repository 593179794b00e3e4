/**
 * The 工作台 counts of 社会救助 (relief.counts reads narrow: relief-counts.ts) against the
 * same figures made from every case read whole (relief.get → countCases), on a real SQLite
 * file with the injected clock, over a mix of cases: overdue (an untouched investigation; an
 * investigation reopened by an objection received the day before it was recorded), due soon,
 * 近亲属备案 (open and withdrawn), 先行救助 tasks due (open, withdrawn with its tasks still
 * open, one task done), and two county refusals that reach the station late through the real
 * county (PGlite): their written notice is due 3 working days from the county's decision day,
 * not from the day the station heard of it, so one is already overdue and the other due soon.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countyBackend } from '../helpers/county';
import { enrollAt, syncStation, type SyncTestStation } from '../helpers/sync';
import { ADMIN, manualClock } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { household } from '../helpers/relief';
import { countCases } from '../../main/services/relief-counts';
import type { ReliefCase } from '../../common/contracts/relief';

const open: SyncTestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('relief counts', () => {
  const env = countyBackend('pglite');

  it('counts overdue, due soon, close relatives, tasks due and refusal notices as the whole cases do, a late refusal counted from the county’s decision day', async () => {
    // Monday 2 Nov 2026, 09:00 at the station
    const clock = manualClock('2026-11-02T01:00:00.000Z');
    const countyClock = manualClock('2026-11-02T01:00:00.000Z');
    const s = await syncStation({ clock });
    open.push(s);
    const county = await env.start({ clock: countyClock });
    const { stationId } = await enrollAt(county, s);
    const api = s.client;
    await addStaff(api, { name: '孙站长', login: 'sun', role: 'head', password: 'Head2026x' });
    const as = (who: 'admin' | 'head') => api['auth.signIn'](who === 'admin' ? { login: ADMIN.login, password: ADMIN.password } : { login: 'sun', password: 'Head2026x' });
    const on = async (day: string) => {
      clock.set(`${day}T01:00:00.000Z`);
      await as('admin');
    };
    /** a round with the county, the county's clock on the station's */
    const sync = async () => {
      countyClock.set(clock.now().toISOString());
      expect((await s.worker.runOnce()).ok).toBe(true);
    };
    const step = async (c: ReliefCase, input: Parameters<(typeof api)['relief.step']>[0]['input']) => api['relief.step']({ id: c.id, version: c.version, input });
    const create = async (tag: string, extra: Partial<Parameters<(typeof api)['relief.create']>[0]> = {}) => {
      const h = await household(api, tag);
      return { h, c: (await api['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all, ...extra })).case };
    };
    const toPublicity = async (c: ReliefCase, day: string) => {
      c = await step(c, { step: 'investigate', investigators: ['王建国', '刘芳'], date: day, findings: '家庭困难属实' });
      c = await step(c, { step: 'opinion', agree: true, text: '拟同意纳入低保', proposedAmount: 580 });
      return step(c, { step: 'publicize', start: day, place: '社区公示栏' });
    };
    const grant = async (tag: string) => {
      const h = await household(api, tag);
      const c = (await api['relief.create']({ type: 'linshi', members: h.members })).case;
      await as('head');
      const granted = await api['relief.emergency']({ id: c.id, version: c.version, amount: 2000, reason: '住房失火，生活无着' });
      await as('admin');
      return granted;
    };

    // Mon 2 Nov: A and B to 公示; C accepted and left; I to 公示 (an objection will reopen it)
    let a = await toPublicity((await create('1')).c, '2026-11-02');
    let b = await toPublicity((await create('2')).c, '2026-11-02');
    const c = (await create('3')).c;
    let i = await toPublicity((await create('4')).c, '2026-11-02');
    // Fri 6 Nov: the objection received on Thursday is recorded; the investigation is counted afresh from Thursday
    await on('2026-11-06');
    i = await step(i, { step: 'objection', receivedOn: '2026-11-05', text: '邻居反映其有经营收入' });
    i = await step(i, { step: 'extend', reason: '待核实经营收入' });
    // Mon 9 Nov: A and B to the county; D accepted; G2's 先行救助, then withdrawn with its paperwork still open
    await on('2026-11-09');
    a = await step(a, { step: 'forward' });
    b = await step(b, { step: 'forward' });
    const d = (await create('5')).c;
    const g2 = await grant('6');
    await step(g2, { step: 'withdraw', reason: '申请人自愿撤回' });
    await sync();
    // Mon 16 Nov: the county refuses A; the station does not hear of it yet. G1's 先行救助, one task done at once
    await on('2026-11-16');
    countyClock.set('2026-11-16T02:00:00.000Z');
    await county.store.decideRelief(stationId, a.id, { decision: 'refused', reasons: '家庭人均存款超过规定标准', basedOnVersion: a.version }, '刘科长');
    const g1 = await grant('7');
    await api['relief.completeTask']({ id: g1.id, version: g1.version, taskId: g1.tasks[0]!.id });
    // Thu 19 Nov: the county refuses B
    countyClock.set('2026-11-19T08:00:00.000Z');
    await county.store.decideRelief(stationId, b.id, { decision: 'refused', reasons: '家庭人均收入高于当地低保标准', basedOnVersion: b.version }, '刘科长');
    // Fri 20 Nov: E (a close relative of a 居委 member) accepted; F likewise, then withdrawn; the station syncs at last
    await on('2026-11-20');
    const relative = (h: Awaited<ReturnType<typeof household>>) => [{ residentId: h.spouse.id, of: 'villageCommittee' as const, relativeName: '李秀兰', relativePost: '居委会委员', relation: '姐妹' }];
    const hE = await household(api, '8');
    const e = (await api['relief.create']({ type: 'dibao', members: hE.members, materialsReceived: hE.all, closeRelatives: relative(hE) })).case;
    const hF = await household(api, '9');
    const f = (await api['relief.create']({ type: 'dibao', members: hF.members, materialsReceived: hF.all, closeRelatives: relative(hF) })).case;
    await step(f, { step: 'withdraw', reason: '申请人自愿撤回' });
    await sync();

    const whole = async () => {
      const ids = (await api['relief.list']({ view: 'all', limit: 500 })).map((x) => x.id);
      return Promise.all(ids.map(async (id) => (await api['relief.get']({ id })).case));
    };
    const cases = await whole();
    const byId = new Map(cases.map((x) => [x.id, x]));
    expect(cases).toHaveLength(9);

    // the late refusals: due from the county's day (A: Mon 16 → Thu 19; B: Thu 19 → Tue 24), not from Fri 20 (→ Wed 25)
    const gotA = byId.get(a.id)!;
    const gotB = byId.get(b.id)!;
    expect(gotA).toMatchObject({ status: 'refused', decision: { decidedOn: '2026-11-16' }, refusalNoticeDue: '2026-11-19', urgency: 'overdue' });
    expect(gotA.dues.find((x) => x.key === 'notifyRefusal')!.state).toBe('overdue');
    expect(gotB).toMatchObject({ status: 'refused', decision: { decidedOn: '2026-11-19' }, refusalNoticeDue: '2026-11-24', urgency: 'dueSoon' });
    expect(gotB.dues.find((x) => x.key === 'notifyRefusal')!.state).toBe('dueSoon');
    // the rest of the mix is what it was built to be
    expect([c, i, d, g2, g1, e, f].map((x) => [x.caseNo, byId.get(x.id)!.urgency])).toEqual([
      [c.caseNo, 'overdue'],
      // reopened from Thu 5 Nov: the investigation was due Thu 19 (from Fri 6 it would be due today, Fri 20)
      [i.caseNo, 'overdue'],
      [d.caseNo, 'dueSoon'],
      [g2.caseNo, 'overdue'],
      [g1.caseNo, 'dueSoon'],
      [e.caseNo, 'normal'],
      [f.caseNo, 'closed'],
    ]);

    const expected = { open: 7, overdue: 4, dueSoon: 3, closeRelative: 1, tasksDue: 5, refusalNoticesDue: 2 };
    expect(countCases(cases)).toEqual(expected);
    expect(await api['relief.counts']({})).toEqual(expected);

    // A's notice is given; a working day on, the figures move together
    await step(gotA, { step: 'notifyRefusal', givenOn: '2026-11-20', how: '当面送达，申请人签收' });
    expect(await api['relief.counts']({})).toEqual(countCases(await whole()));
    expect(await api['relief.counts']({})).toMatchObject({ open: 6, refusalNoticesDue: 1 });
    for (const day of ['2026-11-23', '2026-11-25', '2026-12-01']) {
      await on(day);
      const counted = await api['relief.counts']({});
      expect(counted).toEqual(countCases(await whole()));
    }
    // by Tue 1 Dec B's notice (due Tue 24) is overdue too
    expect((await api['relief.get']({ id: b.id })).case.dues.find((x) => x.key === 'notifyRefusal')!.state).toBe('overdue');
  });
});
