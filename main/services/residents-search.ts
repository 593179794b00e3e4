/**
 * One search box for every way a clerk knows a resident. The query's shape picks the
 * lookups (characters → name or one of its characters, letters → pinyin, digits → 身份证号
 * and phone: its end, start or middle); each lookup
 * is one bounded index range, run best match first until the page is full, so a common
 * name among a million residents costs no more than a rare one.
 */
import type { Db } from '../db/open';
import { PREFIX_END, reverse, type ResidentRow } from './residents-store';
import { checkIdNumber } from '../../common/idcard';
import type { MatchKind } from '../../common/contracts/residents';

interface Lookup {
  match: MatchKind;
  run: (limit: number) => ResidentRow[];
}

export interface Found {
  row: ResidentRow;
  match: MatchKind;
}

export type QueryShape = 'empty' | 'digits' | 'letters' | 'name';

export const MIN_DIGITS = 4;
/** Digits from a phone's start or middle: six, the length of the pieces migration 0009 indexes. */
export const MIN_INNER_DIGITS = 6;

/** Spaces and hyphens are how people group digits; they never matter to a match. */
export function normalizeQuery(raw: string): { q: string; shape: QueryShape } {
  const compact = raw.replace(/[\s\u3000]/g, '');
  if (compact === '') return { q: '', shape: 'empty' };
  const digits = compact.replace(/[-－]/g, '');
  if (/^\d+[xX]?$/.test(digits) || /^[xX]$/.test(digits)) return { q: digits.toUpperCase(), shape: 'digits' };
  if (/^[A-Za-z]+$/.test(compact)) return { q: compact.toLowerCase(), shape: 'letters' };
  return { q: compact, shape: 'name' };
}

export function createResidentSearch(db: Db) {
  // Equality lookups need no ORDER BY: an index keeps equal keys in rid (registration) order.
  const sql = (where: string, order?: string) => db.prepare<unknown[], ResidentRow>(`SELECT * FROM residents WHERE ${where}${order ? ` ORDER BY ${order}` : ''} LIMIT ?`);
  const nameEq = sql('name = ?');
  const namePrefix = sql('name > ? AND name < ?', 'name');
  const nameContains = db.prepare<[string, string, number], ResidentRow>(
    `SELECT r.* FROM resident_name_grams g JOIN residents r ON r.rid = g.rid
     WHERE g.gram = ? AND instr(r.name, ?) > 1 LIMIT ?`,
  );
  const initialsEq = sql('name_initials = ?', 'name_initials, name');
  const initialsPrefix = sql('name_initials > ? AND name_initials < ?', 'name_initials, name');
  const pinyinPrefix = sql('name_pinyin >= ? AND name_pinyin < ?', 'name_pinyin');
  const idRevEq = sql('id_rev = ?');
  const idRevPrefix = sql('id_rev >= ? AND id_rev < ?', 'id_rev');
  const phoneEq = sql('phone_digits = ?');
  const phoneRevPrefix = sql('phone_rev >= ? AND phone_rev < ?', 'phone_rev');
  const phonePrefix = sql('phone_digits > ? AND phone_digits < ?', 'phone_digits');
  // One character from the 2nd on: its single-character gram (a name starting with it is namePrefix's).
  const nameHasChar = db.prepare<[string, number], ResidentRow>('SELECT r.* FROM resident_name_grams g JOIN residents r ON r.rid = g.rid WHERE g.gram = ? LIMIT ?');
  // Digits from a number's middle: the gram of their first six, then the whole query checked on the row.
  const phoneContains = db.prepare<[number, string, number], ResidentRow>(
    `SELECT r.* FROM resident_phone_grams g JOIN residents r ON r.rid = g.rid
     WHERE g.gram = ? AND instr(r.phone_digits, ?) > 1 LIMIT ?`,
  );

  function lookupsFor(q: string, shape: QueryShape, today: string): Lookup[] {
    switch (shape) {
      case 'empty':
        return [];
      case 'digits': {
        const out: Lookup[] = [];
        if (q.length === 18 && checkIdNumber(q, today).ok) out.push({ match: 'idNumber', run: (n) => idRevEq.all(reverse(q), n) });
        if (!q.endsWith('X')) out.push({ match: 'phone', run: (n) => phoneEq.all(q, n) });
        if (q.length < 18) {
          const rev = reverse(q);
          out.push({ match: 'idSuffix', run: (n) => idRevPrefix.all(rev, rev + PREFIX_END, n) });
        }
        if (!q.endsWith('X')) {
          const rev = reverse(q);
          out.push({ match: 'phoneSuffix', run: (n) => phoneRevPrefix.all(rev, rev + PREFIX_END, n) });
          // A number typed from its start (手机号前几位) or from its middle is worth trying once it is specific enough.
          if (q.length >= MIN_INNER_DIGITS) {
            out.push({ match: 'phonePrefix', run: (n) => phonePrefix.all(q, q + PREFIX_END, n) });
            out.push({ match: 'phoneContains', run: (n) => phoneContains.all(Number(q.slice(0, MIN_INNER_DIGITS)), q, n) });
          }
        }
        return out;
      }
      case 'letters':
        return [
          { match: 'initials', run: (n) => initialsEq.all(q, n) },
          { match: 'initialsPrefix', run: (n) => initialsPrefix.all(q, q + PREFIX_END, n) },
          ...(q.length >= 2 ? [{ match: 'pinyin' as const, run: (n: number) => pinyinPrefix.all(q, q + PREFIX_END, n) }] : []),
        ];
      case 'name': {
        const out: Lookup[] = [
          { match: 'name', run: (n) => nameEq.all(q, n) },
          { match: 'namePrefix', run: (n) => namePrefix.all(q, q + PREFIX_END, n) },
        ];
        const cs = Array.from(q);
        if (cs.length >= 2) out.push({ match: 'nameContains', run: (n) => nameContains.all(cs[0]! + cs[1]!, q, n) });
        else out.push({ match: 'nameContains', run: (n) => nameHasChar.all(q, n) });
        return out;
      }
    }
  }

  /** Best matches first, each resident once, at most `limit`. `today` is the station's date. */
  function search(raw: string, limit: number, today: string): { found: Found[]; hint: string | null } {
    const { q, shape } = normalizeQuery(raw);
    if (shape === 'digits' && q.length < MIN_DIGITS) return { found: [], hint: `请至少输入 ${MIN_DIGITS} 位数字（身份证号或电话的后几位）` };
    const seen = new Set<number>();
    const found: Found[] = [];
    for (const l of lookupsFor(q, shape, today)) {
      // Ask each lookup for a full page: rows an earlier lookup already returned are skipped.
      for (const row of l.run(limit)) {
        if (seen.has(row.rid)) continue;
        seen.add(row.rid);
        found.push({ row, match: l.match });
        if (found.length >= limit) return { found, hint: null };
      }
    }
    return { found, hint: null };
  }

  return { search };
}

export type ResidentSearch = ReturnType<typeof createResidentSearch>;
