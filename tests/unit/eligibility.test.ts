import { describe, expect, it } from 'vitest';
import { checkEligibility, conditionsText, EligibilityConditions, normalizeConditions } from '../../common/eligibility';
import { toFields, valuesOf } from '../../renderer/src/features/catalogue/ItemForm';
import { loadSeed, seedPath } from '../../main/services/catalogue';
import path from 'node:path';

const who = { birthDate: '1946-11-28', tags: [] as const, grid: '' };

describe('eligibility conditions', () => {
  it('counts full years on the given station date, the birthday itself included', () => {
    expect(checkEligibility({ minAge: 80 }, who, '2026-11-27').map((w) => w.rule)).toEqual(['minAge']);
    expect(checkEligibility({ minAge: 80 }, who, '2026-11-28')).toEqual([]);
    // a 29 Feb birth in a leap year: older on the day itself, not the day before
    expect(checkEligibility({ minAge: 60 }, { ...who, birthDate: '1968-02-29' }, '2028-02-28')).toHaveLength(1);
    expect(checkEligibility({ minAge: 60 }, { ...who, birthDate: '1968-02-29' }, '2028-02-29')).toEqual([]);
    expect(checkEligibility({ maxAge: 17 }, { ...who, birthDate: '2009-01-01' }, '2026-12-31')).toEqual([]);
    expect(checkEligibility({ maxAge: 17 }, { ...who, birthDate: '2009-01-01' }, '2027-01-01').map((w) => w.rule)).toEqual(['maxAge']);
  });

  it('wants one of the tags, and a recorded grid for residence', () => {
    const c = { tags: ['空巢老人', '独居老人'] as const, residence: true };
    expect(checkEligibility({ ...c, tags: [...c.tags] }, who, '2026-11-27').map((w) => w.rule)).toEqual(['tags', 'residence']);
    expect(checkEligibility({ ...c, tags: [...c.tags] }, { ...who, tags: ['独居老人'], grid: '一网格' }, '2026-11-27')).toEqual([]);
    expect(checkEligibility(null, who, '2026-11-27')).toEqual([]);
  });

  it('treats an empty set as none, words them for the clerk, and refuses a minimum above the maximum', () => {
    expect(normalizeConditions({ tags: [], residence: false })).toBeNull();
    expect(normalizeConditions({ tags: ['独居老人', '空巢老人'] })).toEqual({ tags: ['空巢老人', '独居老人'] });
    expect(conditionsText({ minAge: 80, residence: true })).toBe('年满 80 周岁；居住在本站辖区');
    expect(conditionsText({ maxAge: 17 })).toBe('未满 18 周岁');
    expect(conditionsText({ minAge: 16, maxAge: 59, tags: ['残疾人'] })).toBe('16–59 周岁；须为残疾人');
    expect(EligibilityConditions.safeParse({ minAge: 70, maxAge: 60 }).success).toBe(false);
    expect(EligibilityConditions.safeParse({ minAge: -1 }).success).toBe(false);
  });

  it('the seed carries the rules its own notes state', () => {
    const seed = loadSeed(seedPath(path.resolve(import.meta.dirname, '../../resources')));
    const by = new Map(seed.items.map((i) => [i.code, i]));
    expect(by.get('ZB-001')).toMatchObject({ name: '高龄津贴申请', conditions: { minAge: 80, residence: true } });
    expect(by.get('DB-003')).toMatchObject({ name: '老年证办理', conditions: { minAge: 60 } });
    for (const code of ['ZB-003', 'ZB-014', 'DB-012']) expect(by.get(code)?.conditions?.tags).toEqual(['残疾人']);
    expect(by.get('BJ-001')?.conditions).toBeNull();
  });

  it('the catalogue editor sends empty boxes as no condition, and what is set as set', () => {
    const item = {
      code: 'DB-003', name: '老年证办理', category: '代办服务' as const, department: '县民政局', materials: ['身份证'], timeLimit: { unit: 'workdays' as const, value: 10 },
      forwarded: true, notes: null, conditions: { minAge: 60 }, version: 1, retired: false, retiredReason: null, pinyinInitials: 'lnzbl', pinyinFull: '', revisedAt: '',
    };
    const v = valuesOf(item).fields;
    expect(toFields(v).conditions).toEqual({ minAge: 60 });
    expect(toFields({ ...v, conditions: { minAge: null, maxAge: null, tags: [], residence: false } }).conditions).toBeNull();
    expect(toFields({ ...v, conditions: { maxAge: 17, tags: ['留守儿童'] } }).conditions).toEqual({ maxAge: 17, tags: ['留守儿童'] });
  });
});
