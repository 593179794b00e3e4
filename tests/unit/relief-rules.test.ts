import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../main/services/calendar';
import { assetWarnings, computeMeans, standardOn } from '../../common/relief-means';
import { caseDues, DEFAULT_ASSET_LIMITS, DEFAULT_TIME_LIMITS, publicityPeriod, urgencyOf, type CaseFacts } from '../../common/relief-deadlines';
import { materialsFor, missingMaterials } from '../../common/relief';

const cal = loadWorkCalendar(path.resolve(import.meta.dirname, '../../resources'));
const standard = { fen: 78000, effectiveFrom: '2026-01-01', source: '县民政局〔2026〕1号' };

describe('per-capita monthly household income', () => {
  it('counts a member with no income in the household with 0, averages an irregular income, counts a member away for work in full', () => {
    const m = computeMeans(
      [
        { residentId: 'a', name: '张建华', employment: 'flexible', incomes: [{ kind: 'wage', amountFen: 360000, months: 6 }] },
        { residentId: 'b', name: '李秀英', employment: 'unable', incomes: [] },
        { residentId: 'c', name: '张小明', employment: 'migrant', incomes: [{ kind: 'wage', amountFen: 150000, months: 1 }] },
      ],
      [],
      standard,
    );
    expect(m.householdSize).toBe(3);
    expect(m.noIncome).toEqual(['李秀英']);
    expect(m.awayForWork).toEqual(['张小明']);
    // 3600 ÷ 6 = 600/月, + 1500 = 2100; ÷ 3 = 700 < 780
    expect(m.lines.map((l) => l.monthlyFen)).toEqual([60000, 150000]);
    expect(m.totalMonthlyFen).toBe(210000);
    expect(m.perCapitaFen).toBe(70000);
    expect(m.gapFen).toBe(-8000);
    expect(m.belowStandard).toBe(true);
    expect(m.steps).toContain('张建华 工资性收入 3600.00 元 ÷ 6 个月 = 600.00 元/月');
    expect(m.steps).toContain('人均月收入 = 2100.00 元 ÷ 3 人 = 700.00 元');
    expect(m.steps.at(-1)).toBe('当地低保标准 780.00 元/人·月（2026-01-01 起执行）：人均月收入低于标准 80.00 元');
  });

  it('rounds an uneven average to the fen and adds what supporters pay; no standard → no comparison', () => {
    const m = computeMeans([{ residentId: 'a', name: '王五', employment: 'other', incomes: [{ kind: 'business', amountFen: 100000, months: 3 }] }], [{ name: '王大', monthlyFen: 20000 }], null);
    expect(m.lines.map((l) => l.monthlyFen)).toEqual([33333, 20000]);
    expect(m.perCapitaFen).toBe(53333);
    expect(m.belowStandard).toBeNull();
    expect(m.steps.at(-1)).toBe('尚未设置当地低保标准，无法比较');
  });

  it('takes the standard in force on the day', () => {
    const later = { fen: 80000, effectiveFrom: '2026-07-01', source: 'b' };
    expect(standardOn([standard, later], '2026-06-30')).toBe(standard);
    expect(standardOn([later, standard], '2026-07-01')).toBe(later);
    expect(standardOn([later], '2026-06-01')).toBeNull();
  });
});

describe('asset limits', () => {
  it('warns on a second house, a car, deposits over 24 months of the standard per head, a business', () => {
    const w = assetWarnings(
      [
        { kind: 'housing', valueFen: 0, count: 2 },
        { kind: 'vehicle', valueFen: 5_000_000, count: 1 },
        { kind: 'deposit', valueFen: 4_000_000, count: 1 },
        { kind: 'securities', valueFen: 1_700_000, count: 1 },
        { kind: 'business', valueFen: 0, count: 1 },
      ],
      3,
      78000,
      DEFAULT_ASSET_LIMITS,
    );
    expect(w.map((x) => x.rule)).toEqual(['housing', 'vehicle', 'financial', 'business']);
    // (40000 + 17000) ÷ 3 = 19000 > 780 × 24 = 18720
    expect(w[2]!.message).toBe('人均存款及有价证券 19000.00 元，超过当地低保标准 24 个月之和（18720.00 元）');
    expect(assetWarnings([{ kind: 'deposit', valueFen: 5_616_000, count: 1 }, { kind: 'housing', valueFen: 0, count: 1 }], 3, 78000, DEFAULT_ASSET_LIMITS)).toEqual([]);
  });
});

describe('materials checklist', () => {
  it('lists the common items and the kind’s own, and every missing one', () => {
    expect(materialsFor('yiliao')).toContain('医疗费用票据');
    expect(materialsFor('dibao')).not.toContain('医疗费用票据');
    expect(missingMaterials('dibao', ['申请书', '户口簿'])).toEqual(['申请人及家庭成员身份证', '收入申报与诚信承诺书', '家庭经济状况核对授权书（每位成年成员签字）', '家庭财产申报表']);
  });
});

const facts = (over: Partial<CaseFacts>): CaseFacts => ({
  status: 'accepted',
  acceptedOn: '2026-09-29',
  extended: false,
  reopenedOn: null,
  investigatedOn: null,
  reviewNeeded: false,
  reviewedOn: null,
  opinionOn: null,
  publicity: null,
  forwardedOn: null,
  decision: null,
  notifiedOn: null,
  ...over,
});

describe('deadline chain across the 2026 National Day holiday', () => {
  it('counts 30 working days from 受理 over 1–7 Oct and the 调休 Saturday 10 Oct, 45 when extended', () => {
    // Tue 29 Sep: 30 Sep (1); 1–7 Oct off; 8 (2), 9 (3), Sat 10 调休 (4), 12–16 (5–9), 19–23, 26–30, 2–6 Nov, 9–13 Nov (29), Mon 16 Nov (30)
    const r = caseDues(facts({}), DEFAULT_TIME_LIMITS, cal, '2026-09-29');
    expect(r.dueDate).toBe('2026-11-16');
    expect(r.provisional).toBe(false);
    // investigate: 10 working days → 30 Sep, 8, 9, 10, 12, 13, 14, 15, 16, 19 Oct
    expect(r.dues.find((d) => d.key === 'investigate')).toMatchObject({ due: '2026-10-19', state: 'open', basis: 'workdays' });
    expect(r.dues.find((d) => d.key === 'review')!.state).toBe('skipped');
    expect(caseDues(facts({ extended: true }), DEFAULT_TIME_LIMITS, cal, '2026-09-29').dueDate).toBe('2026-12-07');
  });

  it('flags due-soon within 2 working days, and overdue after the due date', () => {
    // due Mon 19 Oct: on Thu 15 Oct it is 2 working days away (16, 19)
    expect(caseDues(facts({}), DEFAULT_TIME_LIMITS, cal, '2026-10-14').dues.find((d) => d.key === 'investigate')!.state).toBe('open');
    expect(caseDues(facts({}), DEFAULT_TIME_LIMITS, cal, '2026-10-15').dues.find((d) => d.key === 'investigate')!.state).toBe('dueSoon');
    const late = caseDues(facts({}), DEFAULT_TIME_LIMITS, cal, '2026-10-20');
    expect(late.dues.find((d) => d.key === 'investigate')!.state).toBe('overdue');
    expect(urgencyOf('accepted', late.dues)).toBe('overdue');
    const done = caseDues(facts({ status: 'investigated', investigatedOn: '2026-10-16' }), DEFAULT_TIME_LIMITS, cal, '2026-10-20');
    expect(done.dues.find((d) => d.key === 'investigate')!.state).toBe('done');
  });

  it('runs 公示 for 7 natural days through the holiday, the start counted', () => {
    expect(publicityPeriod('2026-09-28', DEFAULT_TIME_LIMITS)).toEqual({ start: '2026-09-28', end: '2026-10-04', forwardFrom: '2026-10-05' });
    const r = caseDues(facts({ status: 'publicizing', investigatedOn: '2026-09-29', opinionOn: '2026-09-29', publicity: { start: '2026-09-28', end: '2026-10-04' } }), DEFAULT_TIME_LIMITS, cal, '2026-10-04');
    expect(r.dues.find((d) => d.key === 'publicize')).toMatchObject({ due: '2026-10-04', doneOn: null, basis: 'naturalDays' });
    expect(caseDues(facts({ status: 'publicizing', publicity: { start: '2026-09-28', end: '2026-10-04' } }), DEFAULT_TIME_LIMITS, cal, '2026-10-05').dues.find((d) => d.key === 'publicize')!.state).toBe('done');
  });

  it('gives a refusal notice 3 working days from the decision: Wed 30 Sep → the 调休 Saturday 10 Oct', () => {
    const r = caseDues(facts({ status: 'refused', forwardedOn: '2026-09-29', decision: { decision: 'refused', decidedOn: '2026-09-30' } }), DEFAULT_TIME_LIMITS, cal, '2026-10-09');
    expect(r.refusalNoticeDue).toBe('2026-10-10');
    expect(r.dues.find((d) => d.key === 'notifyRefusal')!.state).toBe('dueSoon');
    expect(caseDues(facts({ status: 'refused', decision: { decision: 'refused', decidedOn: '2026-09-30' } }), DEFAULT_TIME_LIMITS, cal, '2026-10-12').dues.find((d) => d.key === 'notifyRefusal')!.state).toBe('overdue');
  });

  it('counts the steps afresh from the objection that reopened the investigation; the case limit stays', () => {
    const r = caseDues(facts({ reopenedOn: '2026-10-12' }), DEFAULT_TIME_LIMITS, cal, '2026-10-12');
    expect(r.dueDate).toBe('2026-11-16');
    expect(r.dues.find((d) => d.key === 'investigate')).toMatchObject({ label: '重新入户调查', due: '2026-10-26' });
  });

  it('marks nothing due before 受理 and skips open items of a withdrawn case', () => {
    expect(caseDues(facts({ status: 'incomplete', acceptedOn: null }), DEFAULT_TIME_LIMITS, cal, '2026-09-29').dues).toEqual([]);
    const w = caseDues(facts({ status: 'withdrawn' }), DEFAULT_TIME_LIMITS, cal, '2026-12-29');
    expect(w.dues.filter((d) => d.state !== 'done').every((d) => d.state === 'skipped')).toBe(true);
    expect(urgencyOf('withdrawn', w.dues)).toBe('closed');
  });
});
