/**
 * Residents' and the station's phone numbers: a mobile or a landline with its area code,
 * checked against libphonenumber's number plan for China (which mobile blocks are allocated,
 * which area codes exist, how long the local number is under each), with Chinese messages.
 * Stored in one canonical spelling (`13812345678`, `0311-86012345`, `0311-86012345-801`)
 * so that search by digits finds it however it was typed; numbers stored before these
 * checks are already in that spelling and are read as they are.
 */
import { PhoneNumber, type E164Number } from 'libphonenumber-js/core';
import { CN_METADATA } from './phone-metadata-cn.generated';

export type PhoneCheck = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; message: string };

/** Area codes with two digits after the 0: 010 Beijing and 020–029. Every other one has three. */
function areaCodeLength(digits: string): 3 | 4 {
  return digits[1] === '1' || digits[1] === '2' ? 3 : 4;
}

/** `national`: the digits without the trunk 0 (13812345678, 31186012345). */
function isType(national: string, type: 'MOBILE' | 'FIXED_LINE'): boolean {
  // getType() is undefined for a number outside every range: it is the validity check too.
  const t = new PhoneNumber(`+86${national}` as E164Number, CN_METADATA).getType();
  return t === type || t === 'FIXED_LINE_OR_MOBILE';
}

const inUse = new Map<string, boolean>();

/**
 * Whether any number of this length starting so is allocated: tried on a few fillers, only on
 * the error path, and remembered (there are a few thousand such prefixes at most), so a file
 * full of wrong numbers costs little more than one.
 */
function prefixInUse(prefix: string, length: number, type: 'MOBILE' | 'FIXED_LINE'): boolean {
  const key = `${type}:${prefix}:${length}`;
  const known = inUse.get(key);
  if (known !== undefined) return known;
  const fillers = ['0000000000', '1234567890', '5555555555', '8888888888', '2345678901', '6666666666', '9876543210'];
  let found = false;
  for (let d = 0; d <= 9 && !found; d++) {
    for (const f of fillers) {
      const n = (prefix + String(d) + f).slice(0, length);
      if (n.length === length && isType(n.replace(/^0/, ''), type)) {
        found = true;
        break;
      }
    }
  }
  if (inUse.size > 20_000) inUse.clear();
  inUse.set(key, found);
  return found;
}

function checkMobile(digits: string): PhoneCheck {
  if (digits.length !== 11) return { ok: false, message: `手机号应为 11 位，现在是 ${digits.length} 位` };
  if (!/^1[3-9]/.test(digits)) return { ok: false, message: '手机号应以 13–19 开头' };
  if (isType(digits, 'MOBILE')) return { ok: true, phone: digits, kind: 'mobile' };
  const block = [3, 4, 5].map((n) => digits.slice(0, n)).find((p) => !prefixInUse(p, 11, 'MOBILE'));
  return { ok: false, message: block ? `手机号段 ${block} 尚未分配使用，请核对号码` : '这个手机号码不在已分配的号段内，请核对' };
}

/** The lengths of local numbers in use under an area code (7 or 8; empty: no such area code). */
function localLengths(area: string): number[] {
  return [7, 8].filter((n) => prefixInUse(area, area.length + n, 'FIXED_LINE'));
}

function checkLandline(area: string, local: string, ext: string | undefined, explicitArea: boolean): PhoneCheck {
  if (!/^0\d{2,3}$/.test(area) || (explicitArea && area.length !== areaCodeLength(area))) return { ok: false, message: '区号不正确（如北京 010、石家庄 0311）' };
  if (ext !== undefined && !/^\d{1,6}$/.test(ext)) return { ok: false, message: '分机号应为 1–6 位数字' };
  // Subscriber numbers start with 2–9; libphonenumber's ranges do not say so for every area.
  if (/^[01]/.test(local) && local.length >= 7) return { ok: false, message: '座机号码（区号后的部分）不能以 0 或 1 开头' };
  if (isType((area + local).slice(1), 'FIXED_LINE')) return { ok: true, phone: ext ? `${area}-${local}-${ext}` : `${area}-${local}`, kind: 'landline' };
  const lengths = localLengths(area);
  if (lengths.length === 0) return { ok: false, message: `区号 ${area} 不存在，请核对（如北京 010、石家庄 0311）` };
  const want = lengths.join('–');
  if (!lengths.includes(local.length)) return { ok: false, message: `区号 ${area} 的座机号码应为 ${want} 位，现在是 ${local.length} 位` };
  return { ok: false, message: `区号 ${area} 下没有这样的座机号码，请核对` };
}

/**
 * Accepts what clerks type: spaces, hyphens, brackets, a +86 or 0086 prefix (with or without
 * the landline's 0), 转 for an extension.
 */
export function checkPhone(raw: string): PhoneCheck {
  let s = raw.trim().replace(/[\s\u3000]/g, '').replace(/[（(]/g, '').replace(/[）)]/g, '-').replace(/[—–－]/g, '-');
  s = s.replace(/(转|ext\.?|x)(\d{1,6})$/i, '-$2');
  const international = /^(\+86|0086)/.test(s);
  s = s.replace(/^(\+86|0086)-?/, '');
  if (s === '') return { ok: false, message: '请填写联系电话' };
  if (/[^\d-]/.test(s)) return { ok: false, message: '电话号码只能包含数字和连字符' };
  // After +86 a landline's area code comes without its 0 (+86 10 6234 5678, +86-311-86012345).
  if (international && !s.startsWith('0') && !/^1[3-9]\d{9}$/.test(s.replace(/-/g, ''))) s = `0${s}`;
  const digits = s.replace(/-/g, '');
  if (digits.startsWith('1')) return checkMobile(digits);
  if (!digits.startsWith('0')) return { ok: false, message: '座机号码请带区号（如 0311-86012345）；手机号为 11 位' };
  // With hyphens the parts are explicit (an extension is the third); without, the numbering plan splits them.
  const parts = s.split('-').filter((p) => p !== '');
  if (parts.length > 3) return { ok: false, message: '电话号码格式不正确' };
  if (parts.length >= 2 && parts[0]!.startsWith('0') && parts[0]!.length <= 4) {
    const [area, local, ext] = parts as [string, string, string | undefined];
    // 0311-8601-2345: a local number typed in groups, not an extension
    if (ext !== undefined && local.length < 7) return checkLandline(area, local + ext, undefined, true);
    return checkLandline(area, local, ext, true);
  }
  const n = areaCodeLength(digits);
  return checkLandline(digits.slice(0, n), digits.slice(n), undefined, false);
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
