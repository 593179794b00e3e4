/**
 * Simple eligibility conditions a catalogue item may carry (age, a key-service tag,
 * residence in the station's area). They WARN at intake and never refuse: the clerk
 * knows things the registry does not (a tag not yet recorded, a birthday misread), so the
 * clerk may accept anyway, and the warning and the override are kept on the record.
 */
import * as z from 'zod';
import { ageOn } from './idcard';
import { KEY_TAGS, type KeyTag } from './contracts/residents';

const age = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能小于 0` })
    .max(150, { error: `${label}不能超过 150` });

export const EligibilityConditions = z
  .object({
    /** at least this many full years old on the station's date */
    minAge: age('最低年龄').optional(),
    /** at most this many full years old (e.g. 17: under 18) */
    maxAge: age('最高年龄').optional(),
    /** the resident carries at least one of these key-service tags */
    tags: z.array(z.enum(KEY_TAGS, { error: '重点服务对象类别不正确' })).max(KEY_TAGS.length).optional(),
    /** lives in the station's area: the resident's 所属网格 is recorded */
    residence: z.boolean().optional(),
  })
  .refine((c) => c.minAge === undefined || c.maxAge === undefined || c.minAge <= c.maxAge, { error: '最低年龄不能大于最高年龄', path: ['maxAge'] });
export type EligibilityConditions = z.output<typeof EligibilityConditions>;

export const ELIGIBILITY_RULES = ['minAge', 'maxAge', 'tags', 'residence'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export const EligibilityWarning = z.object({ rule: z.enum(ELIGIBILITY_RULES), message: z.string() });
export type EligibilityWarning = z.infer<typeof EligibilityWarning>;

/** Conditions with nothing set are no conditions: stored and compared as null. */
export function normalizeConditions(c: EligibilityConditions | null | undefined): EligibilityConditions | null {
  if (!c) return null;
  const out: EligibilityConditions = {};
  if (c.minAge !== undefined) out.minAge = c.minAge;
  if (c.maxAge !== undefined) out.maxAge = c.maxAge;
  if (c.tags && c.tags.length > 0) out.tags = KEY_TAGS.filter((t) => c.tags!.includes(t));
  if (c.residence) out.residence = true;
  return Object.keys(out).length > 0 ? out : null;
}

/** "年满 80 周岁；须为 残疾人" — for the item picker, the catalogue and the receipt of a warning. */
export function conditionsText(c: EligibilityConditions | null): string {
  if (!c) return '';
  const parts: string[] = [];
  if (c.minAge !== undefined && c.maxAge !== undefined) parts.push(`${c.minAge}–${c.maxAge} 周岁`);
  else if (c.minAge !== undefined) parts.push(`年满 ${c.minAge} 周岁`);
  else if (c.maxAge !== undefined) parts.push(`未满 ${c.maxAge + 1} 周岁`);
  if (c.tags && c.tags.length > 0) parts.push(`须为${c.tags.join('或')}`);
  if (c.residence) parts.push('居住在本站辖区');
  return parts.join('；');
}

export interface EligibilitySubject {
  birthDate: string;
  tags: readonly KeyTag[];
  grid: string;
}

/** What the clerk should check before accepting; empty when nothing is amiss. `day` is the station's date. */
export function checkEligibility(c: EligibilityConditions | null, who: EligibilitySubject, day: string): EligibilityWarning[] {
  if (!c) return [];
  const out: EligibilityWarning[] = [];
  const years = ageOn(who.birthDate, day);
  if (c.minAge !== undefined && years < c.minAge) out.push({ rule: 'minAge', message: `该事项须年满 ${c.minAge} 周岁，该居民现年 ${years} 周岁` });
  if (c.maxAge !== undefined && years > c.maxAge) out.push({ rule: 'maxAge', message: `该事项限 ${c.maxAge} 周岁及以下，该居民现年 ${years} 周岁` });
  if (c.tags && c.tags.length > 0 && !c.tags.some((t) => who.tags.includes(t))) {
    out.push({ rule: 'tags', message: `该事项面向${c.tags.join('或')}，该居民未登记为${c.tags.length > 1 ? '其中任何一类' : '此类'}重点服务对象` });
  }
  if (c.residence && !who.grid.trim()) out.push({ rule: 'residence', message: '该事项须居住在本站辖区，该居民未登记所属网格' });
  return out;
}
