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

export type IdCheck =
  | { ok: true; idNumber: string; sex: Sex; birthDate: string; region: string }
  | { ok: false; message: string };

/**
 * Checks a typed 身份证号 against GB 11643 and derives sex and birth date from it.
 * `today` is the station's date (YYYY-MM-DD): a birth date after it is refused.
 * Spaces are ignored and a lower-case x is accepted as X.
 */
export function checkIdNumber(raw: string, today: string): IdCheck {
  const s = raw.replace(/[\s\u3000]/g, '').toUpperCase();
  if (s === '') return { ok: false, message: '请填写身份证号' };
  if (/^\d{15}$/.test(s)) {
    return { ok: false, message: '这是 15 位的第一代身份证号，已停止使用；请按居民第二代身份证上的 18 位号码登记' };
  }
  if (!/^\d{17}[\dX]$/.test(s)) {
    if (/[^\dX]/.test(s)) return { ok: false, message: '身份证号只能包含数字，最后一位可以是 X' };
    return { ok: false, message: `身份证号应为 18 位，现在是 ${s.length} 位` };
  }
  if (!PROVINCES.has(s.slice(0, 2))) return { ok: false, message: '身份证号前 6 位地区码不正确，请核对' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1870 || !isRealDate(y, m, d)) return { ok: false, message: '身份证号第 7–14 位的出生日期不是有效日期，请核对' };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, message: '身份证号中的出生日期晚于今天，请核对' };
  const expected = checkCharOf(s);
  if (s[17] !== expected) return { ok: false, message: '身份证号校验位不符，可能有数字录错，请逐位核对' };
  const sex: Sex = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, idNumber: s, sex, birthDate, region: s.slice(0, 6) };
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
