import { describe, expect, it } from 'vitest';
import { ageOn, bornOnOrBefore, checkCharOf, checkIdNumber, idDocTypeOf, ID_DOC_TYPE_LABELS, maskIdNumber } from '../../common/idcard';
import { IdNumberSchema } from '../../common/contracts/residents';

const TODAY = '2026-11-27';

/** A number with a correct check character, for the date and sequence given. */
function idFor(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + checkCharOf(first17);
}

describe('身份证号 (GB 11643)', () => {
  it('accepts the standard’s sample number and derives sex and birth date', () => {
    // 11010519491231002X is the worked example in GB 11643-1999.
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      docType: 'resident',
      sex: 'female',
      birthDate: '1949-12-31',
      region: '110105',
      nationality: '',
    });
    const man = idFor('130102', '19800101', '123');
    expect(checkIdNumber(man, TODAY)).toMatchObject({ ok: true, sex: 'male', birthDate: '1980-01-01' });
  });

  it('upper-cases a lower-case x and ignores spaces the clerk typed', () => {
    const r = checkIdNumber(' 110105 19491231 002x ', TODAY);
    expect(r).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('refuses a wrong check character', () => {
    const good = idFor('130102', '19900315', '201');
    const last = good.at(-1)!;
    const wrong = good.slice(0, 17) + (last === '1' ? '2' : '1');
    const r = checkIdNumber(wrong, TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/校验位不符/);
  });

  it('refuses impossible dates such as 1999-02-30 and 2001-02-29, even with a correct check character', () => {
    for (const birth of ['19990230', '20010229', '19991301', '19990000']) {
      const r = checkIdNumber(idFor('130102', birth, '111'), TODAY);
      expect(r.ok, birth).toBe(false);
      expect(!r.ok && r.message, birth).toMatch(/出生日期不是有效日期/);
    }
    expect(checkIdNumber(idFor('130102', '20000229', '111'), TODAY).ok).toBe(true);
  });

  it('refuses a birth date after today, and accepts one born today', () => {
    const r = checkIdNumber(idFor('130102', '20261128', '111'), TODAY);
    expect(!r.ok && r.message).toMatch(/晚于今天/);
    expect(checkIdNumber(idFor('130102', '20261127', '111'), TODAY).ok).toBe(true);
  });

  it('refuses a 15-digit first-generation number with a message that says what to do', () => {
    const r = checkIdNumber('130102800101123', TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/15 位的第一代身份证号.*18 位/);
  });

  it('refuses wrong lengths, letters and unknown province codes', () => {
    expect(checkIdNumber('13010219800101123', TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/应为 18 位，现在是 17 位/) });
    expect(checkIdNumber('13010219800101A234', TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/只能包含数字/) });
    for (const region of ['190102', '000102', '720102']) {
      expect(checkIdNumber(idFor(region, '19800101', '123'), TODAY), region).toMatchObject({ ok: false, message: expect.stringMatching(/^身份证号前 6 位地区码不正确/) });
    }
    expect(checkIdNumber('', TODAY)).toMatchObject({ ok: false, message: '请填写身份证号' });
  });

  it('is what the contract schema applies, with the message as the issue', () => {
    expect(IdNumberSchema.parse('11010519491231002x')).toBe('11010519491231002X');
    const r = IdNumberSchema.safeParse('130102800101123');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/第一代身份证号/);
  });

  it('masks the middle eight digits', () => {
    expect(maskIdNumber('130102198001011234')).toBe('130102********1234');
    expect(maskIdNumber('932682198501010017')).toBe('932682********0017');
  });

  it('tells 港澳台居民居住证 numbers (810000, 820000, 830000) from 居民身份证 ones', () => {
    expect(checkIdNumber(idFor('810000', '19900101', '123'), TODAY)).toMatchObject({ ok: true, docType: 'hkMoTwResidence', region: '810000' });
    expect(idDocTypeOf('830000199001011234')).toBe('hkMoTwResidence');
    expect(idDocTypeOf('11010519491231002X')).toBe('resident');
  });
});

describe('外国人永久居留身份证 (2023 版)', () => {
  // The example of the 国家移民管理局's adaptation notes: 9, 32 江苏 (where it was issued), 682 沙特阿拉伯, 1985-01-01, 001, 7.
  const SAMPLE = '932682198501010017';

  it('accepts the published example as its own document type, with the nationality, sex and birth date', () => {
    expect(checkIdNumber(SAMPLE, TODAY)).toEqual({
      ok: true,
      idNumber: SAMPLE,
      docType: 'foreignPermanent',
      sex: 'male',
      birthDate: '1985-01-01',
      region: '320000',
      nationality: '682',
    });
    expect(idDocTypeOf(SAMPLE)).toBe('foreignPermanent');
    expect(ID_DOC_TYPE_LABELS.foreignPermanent).toBe('外国人永久居留身份证');
    expect(IdNumberSchema.parse(` ${SAMPLE} `)).toBe(SAMPLE);
  });

  it('derives sex from the 17th digit as GB 11643 does', () => {
    expect(checkIdNumber(idFor('911840', '19900521', '002'), TODAY)).toMatchObject({ ok: true, sex: 'female', nationality: '840', region: '110000' });
  });

  it('refuses with messages that name the 永居证, not the 地区码', () => {
    const wrongCheck = SAMPLE.slice(0, 17) + '8';
    expect(checkIdNumber(wrongCheck, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/^外国人永久居留身份证号校验位不符/) });
    // 99 / 71 / 81: not a mainland province, where 永居证 are issued
    for (const p of ['99', '71', '81', '00']) {
      const r = checkIdNumber(idFor(`9${p}682`, '19850101', '001'), TODAY);
      expect(!r.ok && r.message, p).toMatch(/外国人永久居留身份证号第 2–3 位受理地代码不正确/);
    }
    expect(checkIdNumber(idFor('932682', '19850230', '001'), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/^外国人永久居留身份证号第 7–14 位的出生日期不是有效日期/) });
    expect(checkIdNumber(idFor('932682', '20261128', '001'), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/^外国人永久居留身份证号中的出生日期晚于今天/) });
    expect(checkIdNumber('93268219850101001', TODAY)).toMatchObject({ ok: false, message: '外国人永久居留身份证号应为 18 位，现在是 17 位' });
  });

  it('explains that a 2017 版 number (3 letters and 12 digits) is not the 18-character one', () => {
    expect(checkIdNumber('KAZ110090123105', TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/2017 版外国人永久居留身份证号.*以 9 开头的 18 位/) });
  });
});

describe('ages and dates at the station', () => {
  it('counts whole years, birthdays on 29 February included', () => {
    expect(ageOn('1950-11-27', '2026-11-27')).toBe(76);
    expect(ageOn('1950-11-28', '2026-11-27')).toBe(75);
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
  });

  it('gives the latest birth date for a minimum age consistently with ageOn', () => {
    for (const day of ['2026-11-27', '2024-02-29', '2025-02-28', '2025-03-01']) {
      for (const years of [0, 1, 18, 60, 80]) {
        const edge = bornOnOrBefore(day, years);
        expect(ageOn(edge, day), `${day} ${years}`).toBeGreaterThanOrEqual(years);
        const next = new Date(`${edge}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(ageOn(next.toISOString().slice(0, 10), day), `${day} ${years}`).toBeLessThan(years === 0 ? 1 : years);
      }
    }
  });

});
