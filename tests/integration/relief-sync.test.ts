/**
 * 社会救助 through the real county (PGlite and a throwaway PostgreSQL cluster) on 127.0.0.1: a forwarded case reaches the county
 * with its household summary (masked name, no 身份证号); the county approves one and refuses
 * another through its admin routes; the decisions come back through the feed and the
 * station applies them; a decision on a case the station changed since is kept as a conflict.
 * The county's 低保 standard reaches the station through the feed too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, countyBackend } from '../helpers/county';
import { signedInAdmin } from '../helpers/county-admin';
import { enrollAt, syncStation, type SyncTestStation } from '../helpers/sync';
import { ADMIN, expectAppError, manualClock } from '../helpers/station';
import { forwardedCase, household } from '../helpers/relief';
import { decisionAtStation, type CountyReliefCase } from '../../common/county/admin';

const open: SyncTestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function station() {
  const clock = manualClock('2026-11-02T01:00:00.000Z');
  const s = await syncStation({ clock });
  open.push(s);
  return { ...s, clock };
}

describe.each(BACKENDS)('relief sync round trip (%s)', (kind) => {
  const env = countyBackend(kind);

  it('sends the case with its household summary; the county approves one and refuses another; both come back', async () => {
    const s = await station();
    // one clock for both ends: the county's decision instant is the station's "today", on any machine date
    const county = await env.start({ clock: s.clock });
    const { stationId } = await enrollAt(county, s);
    const { client: admin, admin: creds } = await signedInAdmin(county);
    // the county publishes its standard first: the station counts on it
    expect((await admin.req('POST', '/relief/standard', { body: { fen: 78000, effectiveFrom: '2026-01-01', source: '长安区民政局〔2026〕1号' } })).status).toBe(200);
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect((await s.client['relief.settings']({})).standards).toEqual([expect.objectContaining({ fen: 78000, effectiveFrom: '2026-01-01', origin: 'county' })]);

    const a = await forwardedCase(s.client, s.clock, await household(s.client, '1'), ADMIN);
    const b = await forwardedCase(s.client, s.clock, await household(s.client, '2'), ADMIN);
    expect(a.status).toBe('forwarded');
    expect((await s.worker.runOnce()).ok).toBe(true);

    // two weeks on, the county officer signs in again (sessions last 8 hours)
    expect((await admin.signIn(creds.login, creds.password)).status).toBe(200);
    const listed = await admin.req<CountyReliefCase[]>('GET', '/relief');
    expect(listed.status).toBe(200);
    const seenA = listed.body.find((c) => c.caseId === a.id)!;
    expect(seenA).toMatchObject({ caseNo: a.caseNo, applicantMasked: '张*华', stationVersion: a.version, typeLabel: '最低生活保障', opinion: { agree: true, proposedAmountFen: 58000 } });
    expect(seenA.household).toMatchObject({ size: 3, perCapitaFen: 20000, standardFen: 78000 });
    expect(seenA.household.steps).toContain('人均月收入 = 600.00 元 ÷ 3 人 = 200.00 元');
    expect(seenA.household.steps).toContain('张*华 工资性收入 3600.00 元 ÷ 6 个月 = 600.00 元/月');
    // no 身份证号 and no full name at the county's projection
    const stored = JSON.stringify(await env.sql.query('SELECT * FROM relief_cases WHERE case_id = $1', [a.id]));
    expect(stored).not.toContain('张建华');
    expect(stored).not.toMatch(/1301021970/);

    const ok = await admin.req<CountyReliefCase>('POST', `/relief/${stationId}/${a.id}/decision`, { body: { decision: 'approved', amount: 580, startMonth: '2026-12', basedOnVersion: a.version } });
    expect(ok.status).toBe(200);
    expect(ok.body.decision).toMatchObject({ decision: 'approved', amountFen: 58000, startMonth: '2026-12', decidedBy: '王科长' });
    const bad = await admin.req('POST', `/relief/${stationId}/${b.id}/decision`, { body: { decision: 'refused', reasons: '', basedOnVersion: b.version } });
    expect(bad.status).toBe(400);
    const no = await admin.req('POST', `/relief/${stationId}/${b.id}/decision`, { body: { decision: 'refused', reasons: '家庭人均存款超过规定标准', basedOnVersion: b.version } });
    expect(no.status).toBe(200);
    expect((await admin.req('POST', `/relief/${stationId}/${b.id}/decision`, { body: { decision: 'refused', reasons: '再次', basedOnVersion: b.version } })).status).toBe(409);
    // until the station syncs, the county page says the decision waits for it
    expect(decisionAtStation((await admin.req<CountyReliefCase[]>('GET', '/relief?status=decided')).body.find((c) => c.caseId === a.id)!)).toBe('pending');

    expect((await s.worker.runOnce()).ok).toBe(true);
    const gotA = (await s.client['relief.get']({ id: a.id })).case;
    expect(gotA).toMatchObject({ status: 'approved', decision: { decision: 'approved', amountFen: 58000, startMonth: '2026-12', decidedBy: '王科长' }, urgency: 'closed' });
    const gotB = (await s.client['relief.get']({ id: b.id })).case;
    expect(gotB).toMatchObject({ status: 'refused', decision: { decision: 'refused', reasons: '家庭人均存款超过规定标准' }, next: ['notifyRefusal'] });
    // decided on Mon 16 Nov (b was forwarded that morning): the notice is due 3 working days on
    expect(gotB.decision!.decidedOn).toBe('2026-11-16');
    expect(gotB.refusalNoticeDue).toBe('2026-11-19');
    expect((await s.client['relief.counts']({})).refusalNoticesDue).toBe(1);
    const notified = await s.client['relief.step']({ id: b.id, version: gotB.version, input: { step: 'notifyRefusal', givenOn: '2026-11-16', how: '当面送达，申请人签收' } });
    expect(notified).toMatchObject({ status: 'notified', refusalNotice: { givenOn: '2026-11-16' } });
    expect((await s.client['sync.conflicts']({})).length).toBe(0);

    // the station's later steps reach the county: the county's list no longer shows them as awaiting
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect((await admin.req<CountyReliefCase[]>('GET', '/relief')).body.map((c) => c.caseId)).toEqual([]);
    const decided = (await admin.req<CountyReliefCase[]>('GET', '/relief?status=decided')).body;
    expect(decided.find((c) => c.caseId === b.id)!.stationStatus).toBe('notified');
    expect(decided.map((c) => decisionAtStation(c))).toEqual(['applied', 'applied']);
  });

  it('counts on the county’s standard over one keyed at the station for the same day, and refuses keying another for that day', async () => {
    const s = await station();
    const county = await env.start({ clock: s.clock });
    await enrollAt(county, s);
    const { client: admin } = await signedInAdmin(county);
    const h = await household(s.client);
    const standardOn = async () => (await s.client['relief.preview']({ type: 'dibao', members: h.members })).means.standard;
    // keyed from the paper notice before the county published: it counts until the county's arrives
    await s.client['relief.updateSettings']({ standard: { amount: 800, effectiveFrom: '2026-01-01', source: '本站据纸质通知录入' } });
    expect(await standardOn()).toMatchObject({ fen: 80000 });
    expect((await admin.req('POST', '/relief/standard', { body: { fen: 78000, effectiveFrom: '2026-01-01', source: '长安区民政局〔2026〕1号' } })).status).toBe(200);
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect(await standardOn()).toMatchObject({ fen: 78000, source: '长安区民政局〔2026〕1号' });
    // another figure for the county's day is refused at the date, nothing kept
    const refused = s.client['relief.updateSettings']({ standard: { amount: 820, effectiveFrom: '2026-01-01', source: '本站录入' } });
    expect(await expectAppError(refused, 'VALIDATION')).toBe('县级已下发 2026-01-01 起执行的低保标准 780.00 元，本站不能另录同日生效的标准');
    expect((await s.client['relief.settings']({})).standards).toHaveLength(2);
    // a later day the county has not set yet is the station's to key, and counts from then
    await s.client['relief.updateSettings']({ standard: { amount: 820, effectiveFrom: '2026-11-01', source: '本站据纸质通知录入' } });
    expect(await standardOn()).toMatchObject({ fen: 82000 });
  });

  it('takes one decision when two county instances decide the same case at once, while the station pushes to one of them', async () => {
    const s = await station();
    const countyName = `救助并发县-${kind}`;
    // two servers on one database: on PostgreSQL each with its own pool, as two processes behind a load balancer
    const one = await env.start({ countyName, clock: s.clock });
    const two = await env.start({ countyName, clock: s.clock, sql: kind === 'postgres' ? env.secondSql() : env.sql });
    const { stationId } = await enrollAt(one, s);
    const a = await forwardedCase(s.client, s.clock, await household(s.client, '4'), ADMIN);
    const b = await forwardedCase(s.client, s.clock, await household(s.client, '5'), ADMIN);
    expect((await s.worker.runOnce()).ok).toBe(true);
    // b moves on at the station (an extension) while the county decides on its old version
    const extended = await s.client['relief.step']({ id: b.id, version: b.version, input: { step: 'extend', reason: '待核实外地子女收入' } });
    const outcomes = await Promise.allSettled([
      one.store.decideRelief(stationId, a.id, { decision: 'approved', amount: 580, startMonth: '2026-12', basedOnVersion: a.version }, '王科长'),
      two.store.decideRelief(stationId, a.id, { decision: 'refused', reasons: '家庭人均存款超过规定标准', basedOnVersion: a.version }, '刘科长'),
      s.worker.runOnce(),
      two.store.decideRelief(stationId, b.id, { decision: 'approved', amount: 580, startMonth: '2026-12', basedOnVersion: b.version }, '刘科长'),
    ]);
    const onA = outcomes.slice(0, 2);
    expect(onA.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(onA.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect(outcomes[2]).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    // b: decided before the push landed (the station keeps it as a conflict) or refused as stale after it
    const onB = outcomes[3]!;
    if (onB.status === 'rejected') expect(onB.reason).toMatchObject({ code: 'CONFLICT' });

    // exactly one decision per decided case in the station's feed, whichever instance took it
    const feed = await env.sql.query<{ case_id: string; n: number }>(
      `SELECT f.body->>'caseId' AS case_id, count(*)::int AS n FROM feed f WHERE f.station_id = $1 AND f.kind = 'relief.decision' GROUP BY 1 ORDER BY 1`,
      [stationId],
    );
    expect(feed).toEqual([{ case_id: a.id, n: 1 }, ...(onB.status === 'fulfilled' ? [{ case_id: b.id, n: 1 }] : [])].sort((x, y) => x.case_id.localeCompare(y.case_id)));
    const won = (onA.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ decision: { decision: string } | null }>).value.decision!.decision;

    expect((await s.worker.runOnce()).ok).toBe(true);
    const gotA = (await s.client['relief.get']({ id: a.id })).case;
    expect(gotA.status).toBe(won);
    const gotB = (await s.client['relief.get']({ id: b.id })).case;
    expect(gotB).toMatchObject({ status: 'forwarded', decision: null, version: extended.version });
    const conflicts = await s.client['sync.conflicts']({});
    expect(conflicts.map((c) => c.entityId)).toEqual(onB.status === 'fulfilled' ? [b.id] : []);
    // the county's row agrees with its feed
    const rows = await one.store.listRelief({ stationId, status: 'all', limit: 10 });
    expect(rows.find((c) => c.caseId === a.id)!.decision!.decision).toBe(won);
  });

  it('keeps a decision on a case the station changed since as a conflict, not applied', async () => {
    const s = await station();
    // one clock for both ends: the county's decision instant is the station's "today", on any machine date
    const county = await env.start({ clock: s.clock });
    const { stationId } = await enrollAt(county, s);
    const c = await forwardedCase(s.client, s.clock, await household(s.client, '3'), ADMIN);
    expect((await s.worker.runOnce()).ok).toBe(true);
    // the county decides on version N; meanwhile the station records an extension (N + 1) and a withdrawal
    await county.store.decideRelief(stationId, c.id, { decision: 'approved', amount: 580, startMonth: '2026-12', basedOnVersion: c.version }, '刘科长');
    const extended = await s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'extend', reason: '待核实外地子女收入' } });
    const withdrawn = await s.client['relief.step']({ id: c.id, version: extended.version, input: { step: 'withdraw', reason: '申请人自愿撤回' } });
    expect((await s.worker.runOnce()).ok).toBe(true);

    const after = (await s.client['relief.get']({ id: c.id })).case;
    expect(after).toMatchObject({ status: 'withdrawn', decision: null, version: withdrawn.version });
    const conflicts = await s.client['sync.conflicts']({});
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'relief.decision', entity: 'relief_case', entityId: c.id, label: c.caseNo, basedOnVersion: c.version, stationVersion: withdrawn.version })]);
    expect(conflicts[0]!.summary).toContain('县级批准救助：580.00 元/月');
    // the county page shows the decision as not taken at the station, with the station's status
    const shown = (await county.store.listRelief({ stationId, status: 'all', limit: 10 })).find((x) => x.caseId === c.id)!;
    expect(shown).toMatchObject({ stationStatus: 'withdrawn', decision: expect.objectContaining({ decision: 'approved' }) });
    expect(decisionAtStation(shown)).toBe('notApplied');
    // the county, now holding the newer version, refuses a decision on the old one
    await expect(county.store.decideRelief(stationId, c.id, { decision: 'refused', reasons: 'x', basedOnVersion: c.version }, '刘科长')).rejects.toThrow(/不是待审批状态|已作出审批决定|站点在此期间更新/);
  });
});
