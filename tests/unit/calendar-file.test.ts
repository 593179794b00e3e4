import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotice } from '../../common/calendar-file';

const shipped = fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/calendar/cn-holidays-2026.json'), 'utf8');
const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/calendar/test-notice-2027.json'), 'utf8');

type Notice = { year: number; source: string; holidays: { name: string; dates: string[] }[]; makeupWorkdays: { name: string; date: string }[] };
const base = () => JSON.parse(fixture) as Notice;
const errorsOf = (n: unknown, year?: number) => {
  const r = readNotice(typeof n === 'string' ? n : JSON.stringify(n), year);
  return r.ok ? [] : r.errors;
};

describe('a holiday notice file', () => {
  it('accepts the shipped 2026 notice and the 2027 test notice, in canonical order', () => {
    const r = readNotice(shipped, 2026);
    expect(r.ok).toBe(true);
    const again = readNotice(JSON.stringify({ ...JSON.parse(shipped), holidays: [...(JSON.parse(shipped) as Notice).holidays].reverse() }, null, 4));
    // the same notice, reordered and reformatted, reads the same (so it hashes the same)
    expect(again).toEqual(r);
    expect(readNotice(`\uFEFF${fixture}`).ok).toBe(true);
  });

  it('refuses what is not JSON, or not a notice', () => {
    expect(errorsOf('{"year": 2027,')).toEqual([expect.stringMatching(/不是有效的 JSON/)]);
    expect(errorsOf([1, 2])[0]).toMatch(/文件内容不是放假安排/);
    expect(errorsOf({ ...base(), source: undefined })).toEqual([expect.stringMatching(/缺少通知名称/)]);
    expect(errorsOf({ ...base(), year: '2027' })).toEqual(['年份（year）须为数字，如 2027']);
    expect(errorsOf({ ...base(), year: undefined })).toEqual(['缺少年份（year）']);
    expect(errorsOf({ ...base(), makeupWorkdays: undefined })[0]).toMatch(/没有时写 \[\]/);
  });

  it('refuses a notice for another year than the one chosen', () => {
    expect(errorsOf(base(), 2026)).toEqual(['文件是 2027 年的放假安排，不是所选的 2026 年']);
  });

  it('refuses dates that are not real or not in the year', () => {
    const n = base();
    n.holidays[0]!.dates.push('2027-02-30');
    expect(errorsOf(n)).toEqual(['“2027-02-30”不是有效日期（应为 YYYY-MM-DD，如 2027-01-01）（第 1 个节日）']);
    expect(errorsOf({ ...base(), makeupWorkdays: [{ name: '', date: '2027-02-20' }] })).toEqual(['缺少调休名称（第 1 个调休上班日）']);
    const m = base();
    m.holidays[6]!.dates.push('2028-10-08');
    m.makeupWorkdays.push({ name: '国庆节', date: '2026-09-26' });
    expect(errorsOf(m)).toEqual(expect.arrayContaining(['国庆节的日期 2028-10-08 不在 2027 年内', '国庆节调休上班日 2026-09-26 不在 2027 年内']));
  });

  it('lets 元旦 begin on the last days of the year before, as the 2023 notice did', () => {
    const n = base();
    n.holidays[0]!.dates.unshift('2026-12-31');
    expect(errorsOf(n)).toEqual([]);
    const m = base();
    m.holidays[1]!.dates.unshift('2026-12-31');
    expect(errorsOf(m)).toEqual(['春节的日期 2026-12-31 不在 2027 年内']);
  });

  it('refuses a date listed twice, or both off and worked', () => {
    const n = base();
    n.holidays[5]!.dates.push('2027-10-01');
    expect(errorsOf(n)).toEqual(['2027-10-01 同时列为“中秋节”和“国庆节”']);
    const m = base();
    m.holidays[4]!.dates.push('2027-06-09');
    expect(errorsOf(m)).toEqual(['2027-06-09 在“端午节”中重复列出']);
    const k = base();
    k.makeupWorkdays.push({ name: '劳动节', date: '2027-05-02' });
    expect(errorsOf(k)).toEqual(['2027-05-02 同时列为“劳动节”和“劳动节调休上班”']);
  });

  it('refuses a 调休 working day that is a weekday anyway', () => {
    const n = base();
    n.makeupWorkdays.push({ name: '劳动节', date: '2027-05-06' });
    expect(errorsOf(n)).toEqual(['调休上班日 2027-05-06 是星期四，本来就是工作日，请核对']);
  });

  it('refuses a notice that leaves out a statutory holiday (checked against tyme4ts)', () => {
    const n = base();
    n.holidays = n.holidays.filter((h) => h.name !== '中秋节' && h.name !== '春节');
    expect(errorsOf(n)).toEqual(['缺少法定节假日 2027-02-05（春节）、2027-02-06（春节）、2027-02-07（春节）等 5 天，请确认这是完整的国务院放假通知']);
  });
});
