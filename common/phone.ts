/**
 * Residents' phone numbers: a mobile (11 digits, 1[3-9]…) or a landline with its area
 * code (0 + 2–3 digits, then a 7–8 digit local number, optionally an extension).
 * Stored in one canonical spelling so search by digits finds it however it was typed.
 */

export type PhoneCheck = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; message: string };

/** Area codes with two digits after the 0: 010 Beijing and 020–029. Every other one has three. */
function areaCodeLength(digits: string): 3 | 4 {
  return digits[1] === '1' || digits[1] === '2' ? 3 : 4;
}

/**
 * Accepts what clerks type: spaces, hyphens, brackets, a +86 or 0086 prefix, 转 for an
 * extension. Answers the canonical form: `13812345678` or `0311-86012345` (`-801` extension).
 */
export function checkPhone(raw: string): PhoneCheck {
  let s = raw.trim().replace(/[\s\u3000]/g, '').replace(/[（(]/g, '').replace(/[）)]/g, '-').replace(/[—–－]/g, '-');
  s = s.replace(/(转|ext\.?|x)(\d{1,6})$/i, '-$2');
  s = s.replace(/^(\+86|0086)-?/, '');
  if (s === '') return { ok: false, message: '请填写联系电话' };
  if (/[^\d-]/.test(s)) return { ok: false, message: '电话号码只能包含数字和连字符' };
  const digits = s.replace(/-/g, '');
  if (digits.startsWith('1')) {
    if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, phone: digits, kind: 'mobile' };
    if (digits.length !== 11) return { ok: false, message: `手机号应为 11 位，现在是 ${digits.length} 位` };
    return { ok: false, message: '手机号应以 13–19 开头' };
  }
  if (!digits.startsWith('0')) {
    return { ok: false, message: '座机号码请带区号（如 0311-86012345）；手机号为 11 位' };
  }
  // With hyphens the parts are explicit; without, the area code length follows the numbering plan.
  const parts = s.split('-').filter((p) => p !== '');
  let area: string;
  let local: string;
  let ext: string | undefined;
  if (parts.length >= 2) {
    [area, local, ext] = parts as [string, string, string | undefined];
    if (parts.length > 3) return { ok: false, message: '电话号码格式不正确' };
  } else {
    const n = areaCodeLength(digits);
    area = digits.slice(0, n);
    local = digits.slice(n);
  }
  if (!/^0\d{2,3}$/.test(area) || area.length !== areaCodeLength(area)) return { ok: false, message: '区号不正确（如北京 010、石家庄 0311）' };
  if (!/^[2-9]\d{6,7}$/.test(local)) return { ok: false, message: '座机号码应为区号加 7–8 位号码' };
  if (ext !== undefined && !/^\d{1,6}$/.test(ext)) return { ok: false, message: '分机号应为 1–6 位数字' };
  return { ok: true, phone: ext ? `${area}-${local}-${ext}` : `${area}-${local}`, kind: 'landline' };
}

/** The digits only, as search compares them. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** `138****5678`, `0311-****2345`: what lists show. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const m = /^(0\d{2,3})-(\d+)(-\d+)?$/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat(Math.max(0, m[2]!.length - 4))}${m[2]!.slice(-4)}`;
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : phone;
}
