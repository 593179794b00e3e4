/**
 * 社会救助 on a real SQLite file: the step machine from 登记 to 报县 including 民主评议 and an
 * objection that reopens the investigation, the refusals of illegal steps, idempotent
 * creates, the 近亲属备案 flag on the head's list, 先行救助 tasks, and the privacy rule.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { forwardedCase, household } from '../helpers/relief';
import { stationRows } from '../helpers/sync';

const DAY = 86_400_000;
// Monday 14 Sep 2026, 09:00 at the station
const MONDAY = '2026-09-14T01:00:00.000Z';

async function counter() {
  const clock = manualClock(MONDAY);
  const s = await setUpStation({ clock });
  await s.client['relief.updateSettings']({ standard: { amount: 780, effectiveFrom: '2026-01-01', source: '长安区民政局〔2026〕1号' } });
  const h = await household(s.client);
  return { s, clock, h };
}

describe('relief: registration, materials, idempotent create', () => {
  it('registers with missing materials as 材料待补正 listing them all, answers a repeat with the same case, and 受理 once complete', async () => {
    const { s, h } = await counter();
    const requestId = randomUUID();
    const input = { requestId, type: 'dibao' as const, members: h.members, materialsReceived: h.all.slice(0, 2) };
    const first = await s.client['relief.create'](input);
    expect(first.case).toMatchObject({ status: 'incomplete', caseNo: '130102001-20260914-J0001', householdSize: 3, applicantNameMasked: '张*华', dueDate: null });
    expect(first.missing).toEqual(h.all.slice(2));
    const again = await s.client['relief.create'](input);
    expect(again.case.id).toBe(first.case.id);
    expect(await s.client['relief.list']({ view: 'all' })).toHaveLength(1);

    // the figures, with the arithmetic: 3600 ÷ 6 = 600; ÷ 3 = 200 < 780
    expect(first.case.means).toMatchObject({ perCapitaFen: 20000, belowStandard: true, noIncome: ['李秀英', '张小明'] });
    expect(first.case.means!.steps).toContain('人均月收入 = 600.00 元 ÷ 3 人 = 200.00 元');
    expect(first.case.members.filter((m) => m.adult).map((m) => m.name)).toEqual(['张建华', '李秀英']);

    const refused = await expectAppError(s.client['relief.step']({ id: first.case.id, version: first.case.version, input: { step: 'accept' } }), 'VALIDATION');
    expect(refused).toContain(`缺少：${h.all.slice(2).join('、')}`);
    const m = await s.client['relief.materials']({ id: first.case.id, version: first.case.version, materialsReceived: h.all });
    expect(m.missing).toEqual([]);
    expect(m.case.next).toContain('accept');
    const accepted = await s.client['relief.step']({ id: first.case.id, version: m.case.version, input: { step: 'accept' } });
    // Mon 14 Sep + 30 working days over 中秋 (25 Sep) and 国庆 (1–7 Oct), with the 调休 Sun 20 Sep and Sat 10 Oct:
    // 15–18 (4), 20 (5), 21–24 (9), 28–30 (12), 8–10 (15), 12–16 (20), 19–23 (25), 26–30 Oct (30)
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: '2026-09-14', dueDate: '2026-10-30' });
    expect(await expectAppError(s.client['relief.step']({ id: first.case.id, version: m.case.version, input: { step: 'withdraw', reason: '重复' } }), 'CONFLICT')).toBe('该案件刚被其他人更新过，请刷新后再操作');
  });

  it('takes no material back once the case is accepted, and none at all once it is with the county', async () => {
    const { s, h, clock } = await counter();
    const c = (await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all })).case;
    expect(c.status).toBe('accepted');
    const dropped = await expectAppError(s.client['relief.materials']({ id: c.id, version: c.version, materialsReceived: h.all.slice(1) }), 'VALIDATION');
    expect(dropped).toBe(`案件已受理，已收的材料不能撤销：${h.all[0]}`);
    expect((await s.client['relief.get']({ id: c.id })).case.version).toBe(c.version);
    // the same list again (or more) is taken
    expect((await s.client['relief.materials']({ id: c.id, version: c.version, materialsReceived: h.all })).missing).toEqual([]);
    const forwarded = await forwardedCase(s.client, clock, await household(s.client, '2'), ADMIN);
    expect(await expectAppError(s.client['relief.materials']({ id: forwarded.id, version: forwarded.version, materialsReceived: h.all }), 'CONFLICT')).toBe('该案件已报县审批，材料不能再变更');
  });

  it('offers 受理 on a case whose materials are missing, refuses it while any is still missing, and accepts with the materials brought later ticked in the step', async () => {
    const { s, h } = await counter();
    const { case: c } = await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all.slice(0, 3) });
    // the case page offers its steps from `next`: without 受理 there an incomplete case could never move on
    expect(c.next).toEqual(['accept', 'withdraw']);
    const refused = await expectAppError(s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'accept', materialsReceived: h.all.slice(0, 5) } }), 'VALIDATION');
    expect(refused).toBe(`材料不齐，缺少：${h.all.slice(5).join('、')}。请出具补正通知，材料补齐后再受理。`);
    const still = (await s.client['relief.get']({ id: c.id })).case;
    expect(still).toMatchObject({ status: 'incomplete', version: c.version, materialsReceived: h.all.slice(0, 3), acceptedOn: null });
    const accepted = await s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'accept', materialsReceived: h.all } });
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: '2026-09-14', materialsMissing: [], next: ['investigate', 'withdraw', 'extend'] });
  });

  it('refuses a household without its applicant, a member twice, and materials outside the list, saving nothing', async () => {
    const { s, h } = await counter();
    expect(await expectAppError(s.client['relief.create']({ type: 'dibao', members: h.members.slice(1) }), 'VALIDATION')).toBe('请在家庭成员中登记申请人本人');
    expect(await expectAppError(s.client['relief.create']({ type: 'dibao', members: [...h.members, h.members[1]!] }), 'VALIDATION')).toBe('同一居民在家庭成员中登记了两次');
    expect(await expectAppError(s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: ['医疗费用票据'] }), 'VALIDATION')).toContain('不在该救助类型的材料清单中');
    expect(await s.client['relief.list']({ view: 'all' })).toHaveLength(0);
    expect(stationRows(s.dataDir, "SELECT count(*) AS n FROM outbox WHERE entity = 'relief_case'")).toEqual([{ n: 0 }]);
  });
});

describe('relief: preview and household changes', () => {
  it('previews the figures and asset warnings for a household as typed, and recounts after a household change', async () => {
    const { s, h } = await counter();
    const p = await s.client['relief.preview']({ type: 'dibao', members: h.members, assets: [{ kind: 'vehicle', description: '小轿车一辆', value: 60000 }, { kind: 'deposit', description: '银行存款', value: 60000 }] });
    expect(p.means).toMatchObject({ householdSize: 3, perCapitaFen: 20000, belowStandard: true });
    // 60000 ÷ 3 = 20000 > 780 × 24 = 18720
    expect(p.assetWarnings.map((w) => w.rule)).toEqual(['vehicle', 'financial']);
    expect(p.adults.map((a) => a.name)).toEqual(['张建华', '李秀英']);
    expect(p.materialsRequired).toContain('家庭财产申报表');
    expect(stationRows(s.dataDir, 'SELECT count(*) AS n FROM relief_cases')).toEqual([{ n: 0 }]);

    let c = (await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all })).case;
    // the son finds work: 1500 a month; and a 居委 member's relative is recorded later (appended)
    const members = h.members.map((m) => (m.residentId === h.child.id ? { ...m, employment: 'migrant' as const, incomes: [{ kind: 'wage' as const, amount: 1500, months: 1 }] } : m));
    c = await s.client['relief.updateHousehold']({ id: c.id, version: c.version, members, closeRelatives: [{ residentId: h.child.id, of: 'stationStaff', relativeName: '王建国', relation: '舅舅' }] });
    expect(c.means).toMatchObject({ perCapitaFen: 70000, awayForWork: ['张小明'] });
    expect(c.closeRelative).toBe(true);
    const swapped = h.members.map((m) => (m.relation === 'applicant' ? { ...m, relation: 'spouse' as const } : m.relation === 'spouse' ? { ...m, relation: 'applicant' as const } : m));
    expect(await expectAppError(s.client['relief.updateHousehold']({ id: c.id, version: c.version, members: swapped }), 'VALIDATION')).toBe('不能更换申请人；如需更换，请撤回后重新登记');
    expect(await expectAppError(s.client['relief.updateHousehold']({ id: c.id, version: c.version - 1, members }), 'CONFLICT')).toBe('该案件刚被其他人更新过，请刷新后再操作');
  });
});

describe('relief: the step machine', () => {
  it('walks 调查 → 民主评议 → 初审 → 公示, reopens the investigation on an objection, then 报县 after the 7 natural days', async () => {
    const { s, clock, h } = await counter();
    let c = (await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all })).case;
    const step = async (input: Parameters<typeof s.client['relief.step']>[0]['input']) => (c = await s.client['relief.step']({ id: c.id, version: c.version, input }));
    const later = async (ms: number) => {
      clock.advance(ms);
      // a day later the session has idled out: the clerk signs in again
      await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    };
    const refusedStep = (input: Parameters<typeof s.client['relief.step']>[0]['input']) => expectAppError(s.client['relief.step']({ id: c.id, version: c.version, input }), 'CONFLICT');

    expect(await refusedStep({ step: 'opinion', agree: true, text: '同意', proposedAmount: 580 })).toBe('当前为“已受理，待入户调查”，不能进行“初审意见”');
    expect(await refusedStep({ step: 'forward' })).toBe('当前为“已受理，待入户调查”，不能进行“报县审批”');
    expect(await expectAppError(s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'investigate', investigators: ['王建国', '王建国'], date: '2026-09-14', findings: '属实' } }), 'VALIDATION')).toBe('入户调查须由两名不同的调查人员进行');
    expect(await expectAppError(s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'investigate', investigators: ['王建国', '刘芳'], date: '2026-09-15', findings: '属实' } }), 'VALIDATION')).toBe('调查日期不能晚于今天');

    await later(DAY);
    await step({ step: 'investigate', investigators: ['王建国', '刘芳（社区居委会）'], date: '2026-09-15', findings: '家中有重病患者，收入来源单一', reviewNeeded: true });
    expect(c.dues.find((d) => d.key === 'investigate')).toMatchObject({ state: 'done', doneOn: '2026-09-15' });
    expect(c.dues.find((d) => d.key === 'review')!.state).toBe('open');
    expect(await refusedStep({ step: 'opinion', agree: true, text: '同意', proposedAmount: 580 })).toContain('请先登记民主评议结果');
    await step({ step: 'review', date: '2026-09-15', participants: '社区居委会成员 5 人、居民代表 4 人', outcome: '一致认为家庭困难属实' });
    await step({ step: 'opinion', agree: true, text: '经调查评议，拟同意纳入低保', proposedAmount: 580 });
    await step({ step: 'publicize', start: '2026-09-16', place: '建北社区公示栏' });
    expect(c.publicity).toMatchObject({ start: '2026-09-16', end: '2026-09-22' });
    expect(c.next).not.toContain('forward');
    expect(await refusedStep({ step: 'forward' })).toBe('公示期至 2026-09-22 结束，2026-09-23 起方可报县审批');

    // an objection on day 3 reopens the investigation (round 2)
    await later(2 * DAY);
    await step({ step: 'objection', receivedOn: '2026-09-17', text: '有居民反映申请人有一辆面包车' });
    expect(c).toMatchObject({ status: 'accepted', publicity: null });
    expect(c.dues.find((d) => d.key === 'investigate')).toMatchObject({ label: '重新入户调查', state: 'open' });
    await step({ step: 'investigate', investigators: ['王建国', '刘芳（社区居委会）'], date: '2026-09-17', findings: '面包车已于 2025 年报废，有报废证明' });
    expect(c.investigations.map((i) => i.round)).toEqual([1, 2]);
    await step({ step: 'opinion', agree: true, text: '异议不成立，维持原意见', proposedAmount: 580 });
    await step({ step: 'publicize', start: '2026-09-17', place: '建北社区公示栏' });
    clock.set('2026-09-23T01:00:00.000Z'); // the 7th day is 23 Sep
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect(await refusedStep({ step: 'forward' })).toContain('2026-09-24 起方可报县审批');
    await later(DAY);
    await step({ step: 'forward' });
    expect(c).toMatchObject({ status: 'forwarded', next: ['withdraw', 'extend'] });
    expect(await refusedStep({ step: 'notifyRefusal', givenOn: '2026-09-24', how: '当面送达' })).toContain('不能进行“送达不予批准通知”');

    await step({ step: 'extend', reason: '申请人外地亲属收入待核实' });
    expect(c).toMatchObject({ limitWorkdays: 45, dueDate: '2026-11-20' });
    expect(await refusedStep({ step: 'extend', reason: '再延' })).toBe('该案件已延长过办理期限');

    // every step went through the outbox with the case's version
    const events = stationRows<{ version: number }>(s.dataDir, "SELECT version FROM outbox WHERE entity = 'relief_case' AND entity_id = ? ORDER BY seq", c.id);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: c.version }, (_, i) => i + 1));
    const audit = await s.client['audit.search']({ filter: { action: 'relief_case.forward' } });
    expect(audit.entries).toHaveLength(1);
    // no income or health in the audit log
    const all = JSON.stringify((await s.client['audit.search']({ pageSize: 200 })).entries);
    expect(all).not.toContain('尿毒症');
    expect(all).not.toContain('3600');
  });

  it('withdraws at any open step with a reason, after which no step is accepted', async () => {
    const { s, h } = await counter();
    let c = (await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all })).case;
    c = await s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'withdraw', reason: '申请人家庭收入已好转，自愿撤回' } });
    expect(c).toMatchObject({ status: 'withdrawn', next: [], urgency: 'closed', withdrawal: { reason: '申请人家庭收入已好转，自愿撤回', fromStatus: 'accepted' } });
    expect(await expectAppError(s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'investigate', investigators: ['甲', '乙'], date: '2026-09-14', findings: 'x' } }), 'CONFLICT')).toBe('当前为“申请人已撤回”，不能进行“入户调查”');
  });

  it('withdraws from each later step too — investigated, opinion given, in 公示 — and records where from', async () => {
    const { s, h } = await counter();
    const steps = [
      { step: 'investigate' as const, investigators: ['王建国', '刘芳'] as [string, string], date: '2026-09-14', findings: '家庭困难属实' },
      { step: 'opinion' as const, agree: true, text: '拟同意纳入低保', proposedAmount: 580 },
      { step: 'publicize' as const, start: '2026-09-14', place: '社区公示栏' },
    ];
    const from: string[] = [];
    for (let n = 1; n <= steps.length; n++) {
      let c = (await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all })).case;
      for (const input of steps.slice(0, n)) c = await s.client['relief.step']({ id: c.id, version: c.version, input });
      c = await s.client['relief.step']({ id: c.id, version: c.version, input: { step: 'withdraw', reason: '申请人自愿撤回' } });
      expect(c).toMatchObject({ status: 'withdrawn', next: [], urgency: 'closed' });
      from.push(c.withdrawal!.fromStatus);
    }
    expect(from).toEqual(['investigated', 'opinion', 'publicizing']);
  });
});

describe('relief: 近亲属备案, privacy, 先行救助', () => {
  it('flags a close relative of a 居委 member, keeps it on the head’s list, and hides income and health from a clerk', async () => {
    const { s, h } = await counter();
    const created = await s.client['relief.create']({
      type: 'dibao',
      members: h.members,
      materialsReceived: h.all,
      closeRelatives: [{ residentId: h.spouse.id, of: 'villageCommittee', relativeName: '李秀兰', relativePost: '居委会委员', relation: '姐妹' }],
    });
    expect(created.case).toMatchObject({ closeRelative: true, closeRelatives: [{ memberName: '李秀英', of: 'villageCommittee', relativeName: '李秀兰', relation: '姐妹' }] });
    expect(stationRows(s.dataDir, 'SELECT relative_of, relative_name FROM relief_close_relatives')).toEqual([{ relative_of: 'villageCommittee', relative_name: '李秀兰' }]);
    const head = await s.client['relief.headList']({});
    expect(head.closeRelatives.map((c) => c.id)).toEqual([created.case.id]);
    expect((await s.client['relief.counts']({})).closeRelative).toBe(1);
    expect((await s.client['audit.search']({ filter: { action: 'relief_close_relative.record' } })).total).toBe(1);

    await s.client['relief.step']({ id: created.case.id, version: created.case.version, input: { step: 'investigate', investigators: ['王建国', '刘芳'], date: '2026-09-14', findings: '妻子尿毒症每周透析三次，月医疗支出约 2000 元' } });
    await addStaff(s.client, { name: '赵敏', login: 'zhao', role: 'clerk', password: 'Clerk2026x' });
    await s.client['auth.signIn']({ login: 'zhao', password: 'Clerk2026x' });
    const seen = (await s.client['relief.get']({ id: created.case.id })).case;
    expect(seen.redacted).toBe(true);
    expect(seen.means).toBeNull();
    expect(seen.members.map((m) => [m.incomes, m.health, m.disability])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(JSON.stringify(seen)).not.toContain('尿毒症');
    expect(seen.investigations[0]).toMatchObject({ investigators: ['王建国', '刘芳'], findings: '（已隐去，需查看救助信息权限）' });
    const history = (await s.client['relief.get']({ id: created.case.id })).events;
    expect(history.map((e) => e.step)).toEqual(['create', 'accept', 'investigate']);
    expect(JSON.stringify(history)).not.toContain('尿毒症');
    expect(JSON.stringify(seen)).not.toContain('360000');
    expect(seen.members.map((m) => m.name)).toEqual(['张建华', '李秀英', '张小明']);
    expect(await expectAppError(s.client['relief.headList']({}), 'FORBIDDEN')).toBe('只有站长、管理员或经站长授权的救助经办人员可以查看社会救助的收入、健康等信息');
    expect(await expectAppError(s.client['relief.export']({}), 'FORBIDDEN')).toContain('只有站长、管理员或经站长授权的救助经办人员');
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const shown = (await s.client['relief.get']({ id: created.case.id })).case;
    expect(shown.members[1]).toMatchObject({ health: '尿毒症，每周透析', disability: { grade: '2', kind: '肢体' } });
  });

  it('lets only the head grant 先行救助 on a 临时救助 case; the paperwork becomes tasks due in 5 working days', async () => {
    const { s, h } = await counter();
    let c = (await s.client['relief.create']({ type: 'linshi', members: h.members })).case;
    expect(c.status).toBe('incomplete');
    expect(await expectAppError(s.client['relief.emergency']({ id: c.id, version: c.version, amount: 2000, reason: '火灾' }), 'FORBIDDEN')).toBe('只有站长可以批准先行救助');
    await addStaff(s.client, { name: '孙站长', login: 'sun', role: 'head', password: 'Head2026x' });
    await s.client['auth.signIn']({ login: 'sun', password: 'Head2026x' });
    const requestId = randomUUID();
    c = await s.client['relief.emergency']({ requestId, id: c.id, version: c.version, amount: 2000, reason: '住房失火，生活无着' });
    // Mon 14 Sep + 5 working days: 15–18, then Sun 20 Sep, a 国庆 调休 working day
    expect(c.tasks.map((t) => [t.label, t.due, t.state])).toEqual([
      ['补齐临时救助申请材料', '2026-09-20', 'open'],
      ['完成入户调查核实', '2026-09-20', 'open'],
      ['补办审核审批手续', '2026-09-20', 'open'],
    ]);
    expect(c.emergency).toMatchObject({ amountFen: 200000, grantedByName: '孙站长' });
    const again = await s.client['relief.emergency']({ requestId, id: c.id, version: c.version - 1, amount: 2000, reason: '住房失火，生活无着' });
    expect(again.version).toBe(c.version);
    expect((await s.client['relief.headList']({})).tasks).toHaveLength(3);
    c = await s.client['relief.completeTask']({ id: c.id, version: c.version, taskId: c.tasks[0]!.id });
    expect(c.tasks[0]!.doneAt).not.toBeNull();
    expect((await s.client['relief.headList']({})).tasks).toHaveLength(2);
    const dibao = (await s.client['relief.create']({ type: 'dibao', members: h.members })).case;
    expect(await expectAppError(s.client['relief.emergency']({ id: dibao.id, version: dibao.version, amount: 100, reason: 'x' }), 'VALIDATION')).toBe('只有临时救助可以先行救助');
  });

  it('exports the cases as .xlsx, dated by the injected clock for the expiry sweep, and audits the export', async () => {
    const { s, h, clock } = await counter();
    await s.client['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all });
    const out = await s.client['relief.export']({});
    expect(out.rows).toBe(1);
    expect(Buffer.from(out.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    // exports/ is swept exportKeepDays after the file's time, which must be the station's clock
    expect(fs.statSync(out.savedPath).mtimeMs).toBe(clock.now().getTime());
    expect((await s.client['audit.search']({ filter: { action: 'relief_case.export' } })).total).toBe(1);
  });
});
