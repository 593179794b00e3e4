import fs from 'node:fs';
import path from 'node:path';
import { LegalHoliday } from 'tyme4ts';
import { describe, expect, it } from 'vitest';
import { iso, statutoryCalendar, statutoryDays } from '../../common/statutory-holidays';
import { WorkCalendar } from '../../common/workdays';
import { loadWorkCalendar, statutoryFallback } from '../../main/services/calendar';

const resources = path.resolve(import.meta.dirname, '../../resources');
const notice2026 = JSON.parse(fs.readFileSync(path.join(resources, 'calendar/cn-holidays-2026.json'), 'utf8')) as { holidays: { dates: string[] }[] };

const festival = (year: number, name: string) => statutoryDays(year).find((f) => f.name === name)!.days.map(iso);
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('statutory holidays (全国年节及纪念日放假办法, 2024 revision) from tyme4ts', () => {
  it('puts 2027 元旦 on 1 Jan and 春节 on 除夕 5 Feb to 初三 8 Feb (正月初一 6 Feb)', () => {
    expect(festival(2027, '元旦')).toEqual(['2027-01-01']);
    expect(festival(2027, '春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
  });

  it.each([
    // year, 正月初一, 清明, 端午, 中秋: published lunar-calendar dates
    [2025, '2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'],
    [2026, '2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'],
    [2027, '2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'],
    [2028, '2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'],
    [2030, '2030-02-03', '2030-04-05', '2030-06-05', '2030-09-12'],
  ])('knows %i: 春节 %s, 清明 %s, 端午 %s, 中秋 %s', (year, springFestival, qingming, duanwu, zhongqiu) => {
    expect(festival(year, '春节')[1]).toBe(springFestival);
    expect(festival(year, '清明节')).toEqual([qingming]);
    expect(festival(year, '端午节')).toEqual([duanwu]);
    expect(festival(year, '中秋节')).toEqual([zhongqiu]);
    expect(festival(year, '劳动节')).toEqual([`${year}-05-01`, `${year}-05-02`]);
    expect(festival(year, '国庆节')).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
  });

  it('every statutory day of 2026, with its 补假, is a holiday in the State Council notice for 2026', () => {
    const notice = new Set(notice2026.holidays.flatMap((h) => h.dates));
    const made = statutoryCalendar(2026).holidays.flatMap((h) => h.dates);
    expect(made.filter((d) => !notice.has(d))).toEqual([]);
    // 清明 fell on Sunday 5 Apr: made up on Monday 6 Apr, as the notice has it
    expect(statutoryCalendar(2026).holidays.find((h) => h.name === '清明节')!.dates).toEqual(['2026-04-05', '2026-04-06']);
  });

  it.each([2025, 2026])('agrees with the notices tyme4ts carries for %i: every day made is a day off there', (year) => {
    const notOff = statutoryCalendar(year)
      .holidays.flatMap((h) => h.dates)
      .filter((d) => {
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const h = LegalHoliday.fromYmd(y, m, day);
        return h ? h.isWork() : weekday(d) !== 0 && weekday(d) !== 6;
      });
    expect(notOff).toEqual([]);
  });

  it.each([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035])('gives %i exactly 13 weekdays off: one per statutory day, weekend ones made up', (year) => {
    const days = statutoryCalendar(year).holidays.flatMap((h) => h.dates);
    expect(new Set(days).size).toBe(days.length);
    expect(days.filter((d) => weekday(d) !== 0 && weekday(d) !== 6)).toHaveLength(13);
    expect(days.every((d) => d.startsWith(`${year}-`))).toBe(true);
  });

  it('makes up a weekend 元旦 on Monday and a 中秋 that falls inside 国庆 after it (2028)', () => {
    const c = statutoryCalendar(2028);
    expect(c.holidays.find((h) => h.name === '元旦')!.dates).toEqual(['2028-01-01', '2028-01-02', '2028-01-03']);
    expect(c.holidays.find((h) => h.name === '国庆节')!.dates).toEqual(['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04']);
    expect(c.holidays.find((h) => h.name === '中秋节')!.dates).toEqual(['2028-10-05']);
  });

  it('has no statutory days before the 2024 rules took effect: such a year counts weekends only', () => {
    expect(statutoryFallback(2024)).toBeNull();
    expect(new WorkCalendar([], statutoryFallback).isWorkday('2024-10-01')).toBe(true);
  });
});

describe('deadlines across into a year without its notice', () => {
  const cal = loadWorkCalendar(resources);

  it('promises a 30-working-day item accepted 2026-12-02 for 2027-01-14, not 2027-01-13, and says it is provisional', () => {
    const r = cal.addWorkdays('2026-12-02', 30);
    expect(r).toEqual({ date: '2027-01-14', years: [2026, 2027], provisionalYears: [2027] });
    // weekends alone would have counted 元旦 as a working day
    expect(new WorkCalendar([]).addWorkdays('2026-12-02', 30).date).toBe('2027-01-13');
  });

  it('skips 春节 2027 by law: 除夕 Friday 5 Feb to Wednesday 10 Feb (two days made up for the weekend)', () => {
    expect(cal.describe('2027-02-05')).toEqual({ workday: false, reason: '春节' });
    expect(cal.describe('2027-02-10')).toEqual({ workday: false, reason: '春节' });
    expect(cal.addWorkdays('2027-02-04', 1)).toEqual({ date: '2027-02-11', years: [2027], provisionalYears: [2027] });
  });

  it('is not provisional inside a year whose notice is loaded', () => {
    expect(cal.addWorkdays('2026-12-02', 10)).toEqual({ date: '2026-12-16', years: [2026], provisionalYears: [] });
  });
});

describe('notices and the fallback side by side', () => {
  it('counts a 元旦 that a notice begins in the year before, and never lets an estimate override a notice', () => {
    // as the 2023 notice did: 元旦 from Saturday 31 Dec of the year before to Monday 2 Jan
    const notice2028 = { year: 2028, source: '测试', holidays: [{ name: '元旦', dates: ['2027-12-31', '2028-01-01', '2028-01-02'] }], makeupWorkdays: [] };
    const cal = new WorkCalendar([notice2028], statutoryFallback);
    expect(cal.describe('2027-12-31')).toEqual({ workday: false, reason: '元旦' });
    // 2027 has no notice: its statutory days still count, and the count says it is provisional
    expect(cal.addWorkdays('2027-12-29', 2)).toEqual({ date: '2028-01-03', years: [2027, 2028], provisionalYears: [2027] });
    // 2028's notice has no 补假 on 3 Jan although the fallback would: the notice wins
    expect(cal.isWorkday('2028-01-03')).toBe(true);
    expect(new WorkCalendar([], statutoryFallback).isWorkday('2028-01-03')).toBe(false);
  });

  it('counts working days between two dates across years on the same days', () => {
    const cal = loadWorkCalendar(resources);
    expect(cal.workdaysBetween('2026-12-02', '2027-01-14')).toBe(30);
    expect(cal.workdaysBetween('2027-01-14', '2026-12-02')).toBe(-30);
    expect(cal.workdaysBetween('2026-12-02', '2026-12-02')).toBe(0);
  });
});
