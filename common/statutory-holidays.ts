/**
 * The holidays the law itself fixes, for a year whose State Council notice is not loaded:
 * 《全国年节及纪念日放假办法》 as revised in 2024 (in force from 2025-01-01), art. 2:
 * 元旦 1 day; 春节 4 days (除夕, 正月初一–初三); 清明 1 (the 清明 solar-term day); 劳动节 2
 * (5-1, 5-2); 端午 1 (五月初五); 中秋 1 (八月十五); 国庆 3 (10-1–10-3).
 * Art. 6: a holiday that falls on a Saturday or Sunday is made up on a working day (补假);
 * the make-up day goes on the first free weekday after the festival, as the notices do.
 * The yearly notice's 调休 (weekends turned into working days) cannot be foreseen and is
 * left out, so a deadline counted on this is never earlier than the notice's own count
 * would make it for the statutory days.
 * Lunar dates and the 清明 day come from tyme4ts (寿星天文历), never from a table of ours.
 */
import { LunarDay, SolarDay, SolarTerm } from 'tyme4ts';
import type { HolidayCalendar } from './workdays';

export const STATUTORY_SOURCE = '按《全国年节及纪念日放假办法》（2024 年修订）法定节假日推算';
/** the first year the 2024 revision governs; earlier years had other statutory days */
export const STATUTORY_SINCE = 2025;

export function iso(d: SolarDay): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getYear()}-${p(d.getMonth())}-${p(d.getDay())}`;
}

function isWeekend(d: SolarDay): boolean {
  const w = d.getWeek().getIndex();
  return w === 0 || w === 6;
}

/** The statutory days of each festival of a Gregorian year, in date order. */
export function statutoryDays(year: number): { name: string; days: SolarDay[] }[] {
  const springFestival = LunarDay.fromYmd(year, 1, 1).getSolarDay();
  const run = (first: SolarDay, n: number) => Array.from({ length: n }, (_, i) => first.next(i));
  const festivals = [
    { name: '元旦', days: [SolarDay.fromYmd(year, 1, 1)] },
    // 正月初一 always falls between 21 Jan and 20 Feb, so 除夕 is in the same Gregorian year.
    { name: '春节', days: run(springFestival.next(-1), 4) },
    { name: '清明节', days: [SolarTerm.fromName(year, '清明').getSolarDay()] },
    { name: '劳动节', days: run(SolarDay.fromYmd(year, 5, 1), 2) },
    { name: '端午节', days: [LunarDay.fromYmd(year, 5, 5).getSolarDay()] },
    { name: '中秋节', days: [LunarDay.fromYmd(year, 8, 15).getSolarDay()] },
    { name: '国庆节', days: run(SolarDay.fromYmd(year, 10, 1), 3) },
  ];
  return festivals.sort((a, b) => a.days[0]!.subtract(b.days[0]!));
}

/**
 * A calendar in the notice file's shape, made from the law alone. A festival day on a
 * weekend, or on a day another festival already holds (中秋 inside 国庆, as in 2028), is
 * made up on the first weekday after that festival that is not already off.
 */
export function statutoryCalendar(year: number): HolidayCalendar {
  const taken = new Set<string>();
  const holidays: HolidayCalendar['holidays'] = [];
  for (const f of statutoryDays(year)) {
    const dates: string[] = [];
    let owed = 0;
    for (const d of f.days) {
      const key = iso(d);
      if (taken.has(key)) {
        owed += 1;
        continue;
      }
      if (isWeekend(d)) owed += 1;
      taken.add(key);
      dates.push(key);
    }
    for (let d = f.days[f.days.length - 1]!.next(1); owed > 0; d = d.next(1)) {
      const key = iso(d);
      if (isWeekend(d) || taken.has(key)) {
        // a weekend between the festival and its make-up day is off anyway: list it, as notices do
        if (isWeekend(d) && !taken.has(key)) {
          taken.add(key);
          dates.push(key);
        }
        continue;
      }
      taken.add(key);
      dates.push(key);
      owed -= 1;
    }
    holidays.push({ name: f.name, dates });
  }
  return { year, source: STATUTORY_SOURCE, holidays, makeupWorkdays: [] };
}
