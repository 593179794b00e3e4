/**
 * The free-text rule (common/text.ts) on every string field of every call's input: a lone
 * surrogate and a bidi override are refused, field by field, walking the contract itself,
 * so a field added later without the rule fails here. The fields that may hold them are
 * named below, each with its reason.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { contract } from '../../common/contract';
import { readNotice } from '../../common/calendar-file';
import { PublishedCatalogue } from '../../common/catalogue';
import { goodStringFor, insertAfterFirst, stringLeaves } from '../helpers/zod-walk';

/** call → field path: why the field may hold any character */
const MAY_HOLD_ANYTHING: Record<string, string> = {
  'setup.init admin.password': 'a secret: never shown, stored only as its scrypt hash',
  'auth.signIn password': 'a secret, compared by hash',
  'auth.changePassword current': 'a secret, compared by hash',
  'auth.changePassword next': 'a secret: never shown, stored only as its scrypt hash',
  'staff.create password': 'a secret: never shown, stored only as its scrypt hash',
  'staff.resetPassword password': 'a secret: never shown, stored only as its scrypt hash',
  'calendar.load text': "a file's content: parsed by common/calendar-file.ts, whose names go through freeText (tested below)",
};

const BAD = { loneSurrogate: '\uD800', rightToLeftOverride: '\u202E' } as const;

interface Gap {
  field: string;
  problem: string;
}

/** Every string field of the calls' inputs that accepts a bad character (or that no good sample fits). */
function gaps(calls: Record<string, { input: z.ZodType }>, allow: Record<string, string>): { gaps: Gap[]; checked: number; allowedSeen: string[] } {
  const out: Gap[] = [];
  const allowedSeen: string[] = [];
  let checked = 0;
  for (const [name, def] of Object.entries(calls)) {
    for (const leaf of stringLeaves(def.input)) {
      const field = `${name} ${leaf.path}`;
      checked++;
      const good = goodStringFor(leaf.schema);
      if (good === null) {
        out.push({ field, problem: 'no sample value fits: add one to GOOD_STRINGS (tests/helpers/zod-walk.ts)' });
        continue;
      }
      const accepted = Object.entries(BAD).filter(([, ch]) => leaf.schema.safeParse(insertAfterFirst(good, ch)).success);
      if (accepted.length === 0) continue;
      if (allow[field]) allowedSeen.push(field);
      else out.push({ field, problem: `accepts ${accepted.map(([k]) => k).join(' and ')}: use freeText/plainKey (common/text.ts)` });
    }
  }
  return { gaps: out, checked, allowedSeen };
}

describe('every free-text field of the contract follows the one text rule', () => {
  const result = gaps(contract, MAY_HOLD_ANYTHING);

  it('refuses a lone surrogate and U+202E in every string field of every call, but the named exceptions', () => {
    expect(result.checked).toBeGreaterThan(80);
    expect(result.gaps).toEqual([]);
  });

  it('names no exception that is not needed (a field that now refuses leaves the list)', () => {
    expect(result.allowedSeen.sort()).toEqual(Object.keys(MAY_HOLD_ANYTHING).sort());
  });

  it('the walk catches a field without the rule, inside objects, arrays, unions and defaults', () => {
    const fake = {
      'x.create': {
        input: z.object({
          ok: z.string().regex(/^[a-z]+$/),
          bare: z.string().trim().max(30),
          nested: z.object({ list: z.array(z.string().min(1)).default([]) }).optional(),
          either: z.discriminatedUnion('k', [z.object({ k: z.literal('a'), note: z.string().nullable() }), z.object({ k: z.literal('b') })]),
        }),
      },
    };
    expect(gaps(fake, {}).gaps.map((g) => g.field)).toEqual(['x.create bare', 'x.create nested.list[]', 'x.create either|0.note']);
  });

  it('refuses the same in a loaded holiday notice and a county catalogue push (schemas behind a call)', () => {
    const notice = (name: string, source = '国务院办公厅关于2027年部分节假日安排的通知') =>
      JSON.stringify({ year: 2027, source, holidays: [{ name, dates: ['2027-01-01'] }], makeupWorkdays: [] });
    for (const ch of Object.values(BAD)) {
      expect(readNotice(notice(`元${ch}旦`), 2027).ok).toBe(false);
      expect(readNotice(notice('元旦', `国务院${ch}办公厅关于2027年部分节假日安排的通知`), 2027).ok).toBe(false);
    }
    const item = { code: 'DB-001', name: '高龄津贴申请', category: '代办服务', department: '民政局', materials: ['户口簿'], timeLimit: { unit: 'workdays', value: 5 }, forwarded: true };
    const list = (over: object) => ({ version: '2026-1', publishedAt: '2026-01-01', source: '县民政局', items: [{ ...item, ...over }] });
    expect(PublishedCatalogue.safeParse(list({})).success).toBe(true);
    for (const ch of Object.values(BAD)) {
      expect(PublishedCatalogue.safeParse(list({ name: `高龄${ch}津贴` })).success).toBe(false);
      expect(PublishedCatalogue.safeParse(list({ materials: [`户口${ch}簿`] })).success).toBe(false);
      expect(PublishedCatalogue.safeParse(list({ notes: `说明${ch}` })).success).toBe(false);
    }
  });

  it('a resident name keeps rare CJK (Ext B–H) and refuses the bad characters', () => {
    const name = contract['residents.create'].input.shape.name;
    for (const ok of ['𠈌', '王𪚥', '𰻞𰻞', '李𫚉', '陈𬱖', '赵𮯠', '孙𱁬', '周𲎯']) expect(name.safeParse(ok)).toMatchObject({ success: true, data: ok });
    for (const bad of ['王\uD800五', '王\uDC00五', '王\u202E五', '王\u2067五', '王\u200B五', '王\u0007五']) expect(name.safeParse(bad).success).toBe(false);
  });

  it('a login refuses them by its own pattern', () => {
    const login = contract['staff.create'].input.shape.login;
    expect(login.safeParse('zhang.san').success).toBe(true);
    for (const ch of Object.values(BAD)) expect(login.safeParse(`zhang${ch}san`).success).toBe(false);
  });
});
