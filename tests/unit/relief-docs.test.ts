/**
 * The 社会救助 papers as relief-docs assembles them from a whole case (incomes, health, full
 * names, masked ids all present): each PDF read back; the 公示 sheet carries none of it but the
 * masked name, size, type and amount; a redacted case prints no income on the 入户调查表.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../common/contract';
import type { StaffActor } from '../../common/actor';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { PrintableDocumentSchema } from '../../main/pdf/schema';
import { createReliefDocs } from '../../main/services/relief-docs';
import type { ServiceContext } from '../../main/context';
import type { Relief } from '../../main/services/relief';
import type { Residents } from '../../main/services/residents';
import type { Documents } from '../../main/services/documents';
import { STATION_HEADER, compact, pdfText } from '../helpers/pdf';

type ReliefCase = CallOutput<'relief.get'>['case'];
const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
const NOW = new Date('2026-12-09T02:00:00.000Z');
const clerk: StaffActor = { kind: 'staff', id: 's1', name: '李娜', role: 'clerk' as StaffActor['role'] };

function wholeCase(over: Partial<ReliefCase> = {}): ReliefCase {
  const member = (residentId: string, name: string, relation: ReliefCase['members'][number]['relation'], idMasked: string, age: number, monthlyFen: number, health: string) => ({
    residentId,
    name,
    idMasked,
    age,
    adult: age >= 18,
    relation,
    employment: 'flexible' as const,
    incomes: monthlyFen ? [{ kind: 'wage' as const, amountFen: monthlyFen, months: 1, note: '' }] : [],
    disability: relation === 'spouse' ? { grade: '2', kind: '肢体' } : null,
    health,
    school: age < 18 ? '育才小学' : '',
  });
  return {
    id: 'case-1',
    caseNo: '130102001-20261127-J001',
    type: 'dibao',
    status: 'publicizing',
    version: 7,
    applicantId: 'r1',
    applicantName: '张𠈌华',
    applicantIdMasked: '130102********1234',
    applicantNameMasked: '张*华',
    householdSize: 3,
    members: [member('r1', '张𠈌华', 'applicant', '130102********1234', 45, 98765, '糖尿病'), member('r2', '王𪚥芳', 'spouse', '130102********2345', 43, 0, '心脏病'), member('r3', '张小明', 'child', '130102********0017', 10, 0, '')],
    assets: [{ kind: 'housing', description: '自有住房 56 平方米', valueFen: 0, count: 1, ownerResidentId: null }],
    supporters: [],
    means: {
      householdSize: 3,
      noIncome: ['王𪚥芳', '张小明'],
      awayForWork: [],
      lines: [{ residentId: 'r1', name: '张𠈌华', kind: 'wage', amountFen: 98765, months: 1, monthlyFen: 98765, text: '' }],
      totalMonthlyFen: 98765,
      perCapitaFen: 32922,
      standard: { fen: 96000, effectiveFrom: '2026-01-01', source: '县民政局' },
      gapFen: 32922 - 96000,
      belowStandard: true,
      steps: [],
    },
    assetWarnings: [],
    redacted: false,
    materialsRequired: ['申请书', '户口簿'],
    materialsReceived: ['申请书', '户口簿'],
    materialsMissing: [],
    closeRelative: false,
    closeRelatives: [],
    note: null,
    createdAt: '2026-11-27T01:00:00.000Z',
    createdByName: '李娜',
    acceptedAt: '2026-11-27T01:05:00.000Z',
    acceptedOn: '2026-11-27',
    acceptedByName: '李娜',
    limitWorkdays: 30,
    dueDate: '2027-01-11',
    extension: null,
    investigations: [{ round: 1, investigators: ['李娜', '赵强'], date: '2026-11-30', findings: '申报情况属实', reviewNeeded: false, recordedAt: '2026-11-30T08:00:00.000Z', recordedByName: '李娜' }],
    review: null,
    opinion: { agree: true, text: '同意', proposedAmountFen: 126000, recordedAt: '2026-12-01T08:00:00.000Z', recordedByName: '李娜' },
    publicity: { start: '2026-12-02', end: '2026-12-08', place: '建北社区公示栏', objections: [] },
    forwardedAt: null,
    decision: null,
    refusalNoticeDue: null,
    refusalNotice: null,
    emergency: null,
    tasks: [],
    withdrawal: null,
    dues: [],
    urgency: 'normal',
    provisional: false,
    next: ['forward'],
    updatedAt: '2026-12-02T01:00:00.000Z',
    ...over,
  };
}

const ctx = { station: { get: () => ({ ...STATION_HEADER, updatedAt: NOW.toISOString() }) }, clock: { now: () => NOW } } as unknown as ServiceContext;
const residents = { get: () => ({ phone: '13800138000', address: '长安区育才街 7 号 2-302' }) } as unknown as Residents;
const docs = createReliefDocs(ctx, { relief: {} as Relief, residents, documents: {} as Documents });

async function text(c: ReliefCase, form: Parameters<typeof docs.build>[0]) {
  const doc = docs.build(form, c, clerk);
  expect(PrintableDocumentSchema.safeParse(doc).success).toBe(true);
  const r = await renderDocument(fonts, doc, { layout: 'a4' });
  expect(r.missingGlyphs).toBe(0);
  return compact(pdfText(r.pdf));
}

describe('relief-docs', () => {
  it('公示 sheet from a whole case: masked name, 3 人, type, 1260.00 and the dates — no id, income, health, address', async () => {
    const t = await text(wholeCase(), 'publicity');
    for (const s of ['张*华', '3人', '最低生活保障', '1260.00', '建北社区公示栏', '2026年12月2日（星期三）至2026年12月8日（星期二）']) expect(t, s).toContain(compact(s));
    for (const s of ['张𠈌华', '𠈌', '王𪚥芳', '********', '987.65', '329.22', '糖尿病', '心脏病', '肢体', '育才', '身份证']) expect(t, s).not.toContain(s);
  });

  it('受理回执 and 核对授权书: the adults sign, the child does not', async () => {
    const a = await text(wholeCase(), 'acceptance');
    for (const s of ['130102001-20261127-J001', '张𠈌华', '王𪚥芳', '张小明', '30个工作日', '2027年1月11日']) expect(a, s).toContain(s);
    const auth = await text(wholeCase(), 'authorization');
    expect(auth).toContain('共2人');
    expect(auth).not.toContain('张小明');
  });

  it('入户调查表 filled prints incomes and health for a permitted caller, none when the case is redacted; blank has neither', async () => {
    const full = await text(wholeCase(), 'investigation');
    for (const s of ['李娜、赵强', '987.65', '糖尿病', '二级肢体残疾', '申报情况属实']) expect(full, s).toContain(s);
    const redacted = wholeCase({ redacted: true, means: null, members: wholeCase().members.map((m) => ({ ...m, incomes: null, health: null, disability: null })) });
    const r = await text(redacted, 'investigation');
    expect(r).toContain('申报情况属实');
    for (const s of ['987.65', '糖尿病', '肢体']) expect(r, s).not.toContain(s);
    const blank = await text(wholeCase(), 'investigationBlank');
    for (const s of ['987.65', '糖尿病', '申报情况属实', '赵强']) expect(blank, s).not.toContain(s);
    expect(blank).toContain('张小明');
  });

  it('refuses a paper the case cannot have yet, in Chinese', () => {
    expect(() => docs.build('refusal', wholeCase(), clerk)).toThrow('县级尚未作出不予批准的决定');
    expect(() => docs.build('acceptance', wholeCase({ acceptedAt: null, dueDate: null }), clerk)).toThrow('补正通知');
    expect(() => docs.build('correction', wholeCase(), clerk)).toThrow('无需补正');
    expect(() => docs.build('publicity', wholeCase({ publicity: null }), clerk)).toThrow('尚未开始公示');
  });

  it('不予批准通知书 carries the county\'s reasons', async () => {
    const t = await text(wholeCase({ status: 'refused', decision: { decision: 'refused', amountFen: null, startMonth: null, reasons: '人均收入高于标准', decidedAt: '2026-12-14T06:00:00.000Z', decidedBy: '长安区民政局', decidedOn: '2026-12-14' } }), 'refusal');
    for (const s of ['人均收入高于标准', '长安区民政局决定不予批准', '130102001-20261127-J001-N']) expect(t, s).toContain(s);
  });
});
