/** The application form's state turned into the contract's input, and the 公示 end it shows. */
import { describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { EMPTY_DRAFT, createInput, newMember, previewable, previewWaitsFor, type ApplicationDraft } from '../../renderer/src/features/relief/draft';
import { publicityEnd } from '../../renderer/src/features/relief/StepDialog';

const resident = (id: string, name: string) => ({ id, name, sex: 'male' as const, birthDate: '1970-01-01', age: 56, idMasked: '130102********1019', phoneMasked: null, address: '', grid: '', tags: [] });
const REQUEST = '0190a0b0-0000-7000-8000-000000000001';

function draft(): ApplicationDraft {
  const a = newMember(resident('r1', '张建华'), true);
  const b = newMember(resident('r2', '李秀英'), false);
  return {
    ...EMPTY_DRAFT,
    type: 'dibao',
    members: [
      { ...a, employment: 'flexible', incomes: [{ kind: 'wage', amount: 3600, months: 6 }] },
      { ...b, employment: 'unable', disability: { grade: '2', kind: '肢体' } },
    ],
    received: ['申请书'],
    closeRelative: true,
    closeRelatives: [{ residentId: 'r2', of: 'villageCommittee', relativeName: '王主任', relativePost: '居委会主任', relation: '兄妹' }],
  };
}

describe('relief draft', () => {
  it('becomes a relief.create input main accepts as it is', () => {
    const parsed = contract['relief.create'].input.safeParse(createInput(draft(), REQUEST));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.members[0]).toMatchObject({ residentId: 'r1', relation: 'applicant', incomes: [{ kind: 'wage', amount: 3600, months: 6 }] });
    expect(parsed.data?.closeRelatives).toHaveLength(1);
  });

  it('leaves an unchosen employment or an untyped amount for main to name at that field', () => {
    const d = draft();
    d.members[1] = { ...d.members[1]!, employment: null };
    d.members[0] = { ...d.members[0]!, incomes: [{ kind: 'wage', amount: null, months: 1 }] };
    expect(previewable(d)).toBe(false);
    const r = contract['relief.create'].input.safeParse(createInput(d, REQUEST));
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['members.1.employment', 'members.0.incomes.0.amount']));
  });

  it('names what the figures still wait for, the first gap member by member', () => {
    const d = draft();
    expect(previewWaitsFor(d)).toBeNull();
    expect(previewable(d)).toBe(true);
    expect(previewWaitsFor({ ...d, members: [] })).toBe('选择申请人后显示计算过程');
    expect(previewWaitsFor({ ...d, type: null })).toBe('选择救助类型后显示计算过程');
    const noJob = { ...d, members: [d.members[0]!, { ...d.members[1]!, employment: null }] };
    expect(previewWaitsFor(noJob)).toBe('请选择李秀英的就业状况，选好后显示计算过程');
    const noAmount = { ...noJob, members: [{ ...d.members[0]!, incomes: [{ kind: 'wage' as const, amount: null, months: 1 }] }, noJob.members[1]!] };
    expect(previewWaitsFor(noAmount)).toBe('请填写张建华的收入金额，填好后显示计算过程');
    expect(previewable(noAmount)).toBe(false);
  });

  it('drops the close-relative records when the answer is 否', () => {
    expect(createInput({ ...draft(), closeRelative: false }, REQUEST).closeRelatives).toEqual([]);
  });

  it('shows a 公示 of 7 natural days, both ends counted, across a month end', () => {
    expect(publicityEnd('2026-11-25')).toBe('2026-12-01');
    expect(publicityEnd('2026-12-28')).toBe('2027-01-03');
    expect(publicityEnd('2026-12')).toBeNull();
  });
});
