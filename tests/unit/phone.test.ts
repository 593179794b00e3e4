import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkPhone, maskPhone, phoneDigits } from '../../common/phone';
import { CN_METADATA, LIBPHONENUMBER_VERSION } from '../../common/phone-metadata-cn.generated';
import { OptionalPhoneSchema } from '../../common/contracts/residents';
import { Phone } from '../../common/contract';

const require = createRequire(import.meta.url);

describe('phone numbers', () => {
  it('accepts an 11-digit mobile however it is grouped, and stores the digits', () => {
    for (const typed of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '008613812345678', '+86-138-1234-5678']) {
      expect(checkPhone(typed), typed).toEqual({ ok: true, phone: '13812345678', kind: 'mobile' });
    }
    for (const typed of ['19912345678', '16512345678', '14512345678', '17001234567', '17401234567']) expect(checkPhone(typed).ok, typed).toBe(true);
  });

  it('refuses mobiles of the wrong length or prefix', () => {
    expect(checkPhone('1381234567')).toMatchObject({ ok: false, message: expect.stringMatching(/11 位，现在是 10 位/) });
    expect(checkPhone('138123456789')).toMatchObject({ ok: false, message: expect.stringMatching(/11 位/) });
    expect(checkPhone('12812345678')).toMatchObject({ ok: false, message: expect.stringMatching(/13–19 开头/) });
  });

  it('refuses mobile blocks that are not allocated, naming the block', () => {
    for (const block of ['140', '141', '144', '154']) {
      expect(checkPhone(`${block}12345678`), block).toEqual({ ok: false, message: `手机号段 ${block} 尚未分配使用，请核对号码` });
    }
    // 174: only 1740 0–5 (satellite and emergency) is in use
    expect(checkPhone('17412345678')).toEqual({ ok: false, message: '手机号段 1741 尚未分配使用，请核对号码' });
    expect(checkPhone('17450123456')).toEqual({ ok: false, message: '手机号段 1745 尚未分配使用，请核对号码' });
  });

  it('accepts +86 landlines, with or without the area code’s 0, in the canonical area-local form', () => {
    expect(checkPhone('+86 10 6234 5678')).toEqual({ ok: true, phone: '010-62345678', kind: 'landline' });
    expect(checkPhone('+86-311-86012345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
    expect(checkPhone('0086 311 8601 2345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
    expect(checkPhone('+86 0311 86012345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
  });

  it('accepts landlines with an area code, in the canonical area-local form', () => {
    expect(checkPhone('0311-86012345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
    expect(checkPhone('031186012345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
    expect(checkPhone('0311-8601-2345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
    expect(checkPhone('(010)62345678')).toEqual({ ok: true, phone: '010-62345678', kind: 'landline' });
    expect(checkPhone('01062345678')).toEqual({ ok: true, phone: '010-62345678', kind: 'landline' });
    expect(checkPhone('020-81234567')).toEqual({ ok: true, phone: '020-81234567', kind: 'landline' });
    // 7-digit local numbers where the area still has them
    expect(checkPhone('0951-5012345')).toEqual({ ok: true, phone: '0951-5012345', kind: 'landline' });
    expect(checkPhone('0311-86012345转801')).toEqual({ ok: true, phone: '0311-86012345-801', kind: 'landline' });
  });

  it('refuses area codes that do not exist (011–019, 026, 0300)', () => {
    for (const area of ['011', '012', '013', '014', '015', '016', '017', '018', '019', '026']) {
      expect(checkPhone(`${area}-62345678`), area).toEqual({ ok: false, message: `区号 ${area} 不存在，请核对（如北京 010、石家庄 0311）` });
    }
    expect(checkPhone('0300-6234567')).toMatchObject({ ok: false, message: expect.stringMatching(/^区号 0300 不存在/) });
    expect(checkPhone('03006234567')).toMatchObject({ ok: false, message: expect.stringMatching(/^区号 0300 不存在/) });
  });

  it('ties the local number’s length to its area code', () => {
    // Beijing, Guangzhou, Shijiazhuang and Hangzhou have 8-digit numbers only
    expect(checkPhone('010-6234567')).toEqual({ ok: false, message: '区号 010 的座机号码应为 8 位，现在是 7 位' });
    expect(checkPhone('020-8123456')).toEqual({ ok: false, message: '区号 020 的座机号码应为 8 位，现在是 7 位' });
    expect(checkPhone('0311-8601234')).toEqual({ ok: false, message: '区号 0311 的座机号码应为 8 位，现在是 7 位' });
    expect(checkPhone('0571-8123456')).toMatchObject({ ok: false, message: expect.stringMatching(/应为 8 位/) });
    expect(checkPhone('0311-123')).toEqual({ ok: false, message: '区号 0311 的座机号码应为 8 位，现在是 3 位' });
    expect(checkPhone('0951-501234')).toEqual({ ok: false, message: '区号 0951 的座机号码应为 7 位，现在是 6 位' });
  });

  it('refuses a landline without an area code, or with a malformed one', () => {
    expect(checkPhone('86012345')).toMatchObject({ ok: false, message: expect.stringMatching(/请带区号/) });
    expect(checkPhone('031-86012345')).toMatchObject({ ok: false, message: expect.stringMatching(/区号不正确/) });
    expect(checkPhone('0311-06012345')).toMatchObject({ ok: false, message: expect.stringMatching(/不能以 0 或 1 开头/) });
    expect(checkPhone('0311-16012345')).toMatchObject({ ok: false, message: expect.stringMatching(/不能以 0 或 1 开头/) });
    expect(checkPhone('电话 138')).toMatchObject({ ok: false });
    expect(checkPhone('0311-86012345-1234567')).toMatchObject({ ok: false, message: expect.stringMatching(/分机号/) });
  });

  it('treats an empty optional phone as none, and canonicalises in the schema', () => {
    expect(OptionalPhoneSchema.parse('')).toBeNull();
    expect(OptionalPhoneSchema.parse(' 138-1234-5678 ')).toBe('13812345678');
    expect(OptionalPhoneSchema.parse('+86 10 6234 5678')).toBe('010-62345678');
    expect(OptionalPhoneSchema.safeParse('23456').error?.issues[0]?.message).toMatch(/座机号码请带区号/);
    expect(OptionalPhoneSchema.safeParse('14012345678').error?.issues[0]?.message).toMatch(/140 尚未分配/);
  });

  it('the station phone takes the same check and spelling', () => {
    expect(Phone.parse('+86-311-86012345')).toBe('0311-86012345');
    expect(Phone.parse('0311 8601 2345')).toBe('0311-86012345');
    expect(Phone.safeParse('011-62345678').error?.issues[0]?.message).toBe('电话格式不正确：区号 011 不存在，请核对（如北京 010、石家庄 0311）');
    expect(Phone.safeParse('').error?.issues[0]?.message).toBe('请填写联系电话');
  });

  it('masks the middle digits for lists and keeps digits for search', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0311-86012345')).toBe('0311-****2345');
    expect(phoneDigits('0311-86012345-801')).toBe('031186012345801');
  });
});

describe('the CN number plan shipped with the app', () => {
  it('is the installed libphonenumber-js’s max metadata for China (run scripts/gen-phone-metadata.mjs after an upgrade)', () => {
    const max = require('libphonenumber-js/metadata.max.json') as { countries: Record<string, unknown>; country_calling_codes: Record<string, unknown> };
    const pkg = require('libphonenumber-js/package.json') as { version: string };
    const cn = CN_METADATA as unknown as { countries: Record<string, unknown>; country_calling_codes: Record<string, unknown> };
    expect(LIBPHONENUMBER_VERSION).toBe(pkg.version);
    expect(cn.countries.CN).toEqual(max.countries.CN);
    expect(cn.country_calling_codes['86']).toEqual(['CN']);
    expect(Object.keys(cn.countries)).toEqual(['CN']);
  });
});
