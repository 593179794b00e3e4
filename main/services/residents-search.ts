/**
 * One search box for every way a clerk knows a resident. The query's shape picks the
 * lookups (characters → name or one of its characters, letters → pinyin, digits → 身份证号
 * and phone: its end, start or middle); each lookup
 * is one bounded index range, run best match first until the page is full, so a common
 * name among a million residents costs no more than a rare one.
 *
 * The lookups read only rids (from the index, mostly without touching the table), and the
 * page's rows are then read once, with only the columns a hit shows: reading whole rows for
 * every lookup cost most of a search's time, and 200 searches at once queue behind it (issue 8).
 */
import type { Db } from '../db/open';
import { PREFIX_END, reverse, type ResidentRow } from './residents-store';
import { checkIdNumber } from '../../common/idcard';
import type { MatchKind } from '../../common/contracts/residents';

interface Lookup {
  match: MatchKind;
  run: (limit: number) => number[];
}

/** What a search hit shows (residents-shared.ts summaryOf) and its rid, for the tags. */
export type HitRow = Pick<ResidentRow, 'rid' | 'id' | 'name' | 'sex' | 'birth_date' | 'id_number' | 'phone' | 'address' | 'grid'>;
const HIT_COLUMNS = 'rid, id, name, sex, birth_date, id_number, phone, address, grid';

export interface Found {
  row: HitRow;
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
  const ridsOf = (text: string) => db.prepare<unknown[], number>(text).pluck();
  const sql = (where: string, order?: string) => ridsOf(`SELECT rid FROM residents WHERE ${where}${order ? ` ORDER BY ${order}` : ''} LIMIT ?`);
  const hitRows = db.prepare<[string], HitRow>(`SELECT ${HIT_COLUMNS} FROM residents WHERE rid IN (SELECT value FROM json_each(?))`);
  const nameEq = sql('name = ?');
  const namePrefix = sql('name > ? AND name < ?', 'name');
  const nameContains = ridsOf(
    `SELECT r.rid FROM resident_name_grams g JOIN residents r ON r.rid = g.rid
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
  const nameHasChar = ridsOf('SELECT r.rid FROM resident_name_grams g JOIN residents r ON r.rid = g.rid WHERE g.gram = ? LIMIT ?');
  // Digits from a number's middle: the gram of their first six, then the whole query checked on the row.
  const phoneContains = ridsOf(
    `SELECT r.rid FROM resident_phone_grams g JOIN residents r ON r.rid = g.rid
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
    // rid → how it matched, in rank order (a Map keeps insertion order)
    const ranked = new Map<number, MatchKind>();
    page: for (const l of lookupsFor(q, shape, today)) {
      // Ask each lookup for a full page: rids an earlier lookup already returned are skipped.
      for (const rid of l.run(limit)) {
        if (ranked.has(rid)) continue;
        ranked.set(rid, l.match);
        if (ranked.size >= limit) break page;
      }
    }
    if (ranked.size === 0) return { found: [], hint: null };
    const rows = new Map(hitRows.all(JSON.stringify([...ranked.keys()])).map((r) => [r.rid, r]));
    const found: Found[] = [];
    for (const [rid, match] of ranked) {
      const row = rows.get(rid);
      if (row) found.push({ row, match });
    }
    return { found, hint: null };
  }

  return { search };
}

export type ResidentSearch = ReturnType<typeof createResidentSearch>;
