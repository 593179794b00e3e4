import { describe, expect, it } from 'vitest';
import { checkPhone, maskPhone, phoneDigits } from '../../common/phone';
import { OptionalPhoneSchema } from '../../common/contracts/residents';

describe('phone numbers', () => {
  it('accepts an 11-digit mobile however it is grouped, and stores the digits', () => {
    for (const typed of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '008613812345678']) {
      expect(checkPhone(typed), typed).toEqual({ ok: true, phone: '13812345678', kind: 'mobile' });
    }
  });

  it('refuses mobiles of the wrong length or prefix', () => {
    expect(checkPhone('1381234567')).toMatchObject({ ok: false, message: expect.stringMatching(/11 位，现在是 10 位/) });
    expect(checkPhone('138123456789')).toMatchObject({ ok: false, message: expect.stringMatching(/11 位/) });
    expect(checkPhone('12812345678')).toMatchObject({ ok: false, message: expect.stringMatching(/13–19 开头/) });
  });

  it('accepts landlines with an area code, in the canonical area-local form', () => {
    expect(checkPhone('0311-86012345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
    expect(checkPhone('031186012345')).toEqual({ ok: true, phone: '0311-86012345', kind: 'landline' });
    expect(checkPhone('(010)62345678')).toEqual({ ok: true, phone: '010-62345678', kind: 'landline' });
    expect(checkPhone('01062345678')).toEqual({ ok: true, phone: '010-62345678', kind: 'landline' });
    expect(checkPhone('020-8123456')).toEqual({ ok: true, phone: '020-8123456', kind: 'landline' });
    expect(checkPhone('0311-86012345转801')).toEqual({ ok: true, phone: '0311-86012345-801', kind: 'landline' });
  });

  it('refuses a landline without an area code, or with a malformed one', () => {
    expect(checkPhone('86012345')).toMatchObject({ ok: false, message: expect.stringMatching(/请带区号/) });
    expect(checkPhone('031-86012345')).toMatchObject({ ok: false, message: expect.stringMatching(/区号不正确/) });
    expect(checkPhone('0311-123')).toMatchObject({ ok: false, message: expect.stringMatching(/7–8 位/) });
    expect(checkPhone('0311-06012345')).toMatchObject({ ok: false, message: expect.stringMatching(/7–8 位/) });
    expect(checkPhone('电话 138')).toMatchObject({ ok: false });
  });

  it('treats an empty optional phone as none, and canonicalises in the schema', () => {
    expect(OptionalPhoneSchema.parse('')).toBeNull();
    expect(OptionalPhoneSchema.parse(' 138-1234-5678 ')).toBe('13812345678');
    expect(OptionalPhoneSchema.safeParse('23456').error?.issues[0]?.message).toMatch(/座机号码请带区号/);
  });

  it('masks the middle digits for lists and keeps digits for search', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0311-86012345')).toBe('0311-****2345');
    expect(phoneDigits('0311-86012345-801')).toBe('031186012345801');
  });
});
