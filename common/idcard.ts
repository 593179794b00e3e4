/**
 * 公民身份号码 (GB 11643-1999): the 18-character number every resident record hangs on.
 * Pure rules, shared by the renderer (instant feedback while typing) and main (which
 * re-checks everything, with its own clock).
 */

export type Sex = 'male' | 'female';

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

/** Province-level codes in use (GB/T 2260), plus 81–83 for 港澳台居民居住证 numbers, which share the format. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The mod 11-2 check character for the first 17 digits. */
export function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** YYYY-MM-DD of a real calendar day (rejects 1999-02-30 and the like). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The documents a number can be from, told apart by its first digit (GB 11643 puts a province
 * code first, 1–8; the 2023 永居证 starts with 9 by design), and the 居住证 of 港澳台 residents,
 * which take a 居民身份证-shaped number with the address code 810000, 820000 or 830000.
 */
export const ID_DOC_TYPES = ['resident', 'foreignPermanent', 'hkMoTwResidence'] as const;
export type IdDocType = (typeof ID_DOC_TYPES)[number];
export const ID_DOC_TYPE_LABELS: Record<IdDocType, string> = {
  resident: '居民身份证',
  foreignPermanent: '外国人永久居留身份证',
  hkMoTwResidence: '港澳台居民居住证',
};

/** Which document a stored (already checked) number belongs to. */
export function idDocTypeOf(idNumber: string): IdDocType {
  if (idNumber.startsWith('9')) return 'foreignPermanent';
  return /^8[1-3]/.test(idNumber) ? 'hkMoTwResidence' : 'resident';
}

export type IdCheck =
  | {
      ok: true;
      idNumber: string;
      docType: IdDocType;
      sex: Sex;
      birthDate: string;
      /** 居民身份证: the 6-digit address code; 永居证: the issuing province's code (e.g. 320000) */
      region: string;
      /** 永居证 only: the GB/T 2659 numeric nationality code; '' otherwise */
      nationality: string;
    }
  | { ok: false; message: string };

/**
 * Checks a typed 身份证号 (or 2023 外国人永久居留身份证号) and derives sex and birth date from it.
 * `today` is the station's date (YYYY-MM-DD): a birth date after it is refused.
 * Spaces are ignored and a lower-case x is accepted as X.
 * Whether the full address code and the nationality code exist is a warning, not a refusal,
 * and needs data: see id-data.ts.
 */
export function checkIdNumber(raw: string, today: string): IdCheck {
  const s = raw.replace(/[\s\u3000]/g, '').toUpperCase();
  if (s === '') return { ok: false, message: '请填写身份证号' };
  if (/^\d{15}$/.test(s)) {
    return { ok: false, message: '这是 15 位的第一代身份证号，已停止使用；请按居民第二代身份证上的 18 位号码登记' };
  }
  if (/^[A-Z]{3}\d{12}$/.test(s)) {
    return { ok: false, message: '这是 2017 版外国人永久居留身份证号（3 位字母加 12 位数字），暂不能登记；请按 2023 版永居证上以 9 开头的 18 位号码登记' };
  }
  const foreign = s.startsWith('9');
  const what = foreign ? '外国人永久居留身份证号' : '身份证号';
  if (!/^\d{17}[\dX]$/.test(s)) {
    if (/[^\dX]/.test(s)) return { ok: false, message: `${what}只能包含数字，最后一位可以是 X` };
    return { ok: false, message: `${what}应为 18 位，现在是 ${s.length} 位` };
  }
  if (foreign) {
    // 9, the issuing province (a mainland one: 永居证 are issued there), then the nationality.
    if (!PROVINCES.has(s.slice(1, 3)) || s[1] === '7' || s[1] === '8') return { ok: false, message: '外国人永久居留身份证号第 2–3 位受理地代码不正确，请核对' };
  } else if (!PROVINCES.has(s.slice(0, 2))) return { ok: false, message: '身份证号前 6 位地区码不正确，请核对' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1870 || !isRealDate(y, m, d)) return { ok: false, message: `${what}第 7–14 位的出生日期不是有效日期，请核对` };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, message: `${what}中的出生日期晚于今天，请核对` };
  const expected = checkCharOf(s);
  if (s[17] !== expected) return { ok: false, message: `${what}校验位不符，可能有数字录错，请逐位核对` };
  // The 永居证 keeps GB 11643's 顺序码, odd for men and even for women.
  const sex: Sex = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  return foreign
    ? { ok: true, idNumber: s, docType: 'foreignPermanent', sex, birthDate, region: `${s.slice(1, 3)}0000`, nationality: s.slice(3, 6) }
    : { ok: true, idNumber: s, docType: idDocTypeOf(s), sex, birthDate, region: s.slice(0, 6), nationality: '' };
}

/** `130102********1234`: what lists, exports and public prints show (DESIGN.md §4). */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD); a 29 Feb birthday counts from 1 Mar in other years. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/** The latest birth date of someone who is at least `years` old on `day` (for age-band filters). */
export function bornOnOrBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const ty = y - years;
  // 29 Feb in a non-leap target year: someone born 28 Feb has had the birthday by 29 Feb's stand-in.
  const dd = isRealDate(ty, m, d) ? d : d - 1;
  return `${String(ty).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
