/**
 * The working-day calendar (common/workdays.ts, common/statutory-holidays.ts): what a
 * year's statutory holidays cost to make from tyme4ts, one promise counted, and the
 * recount every open item gets when a list is read (main/services/calendar.ts review),
 * against the same recount with no remembered counts.
 */
import path from 'node:path';
import { statutoryCalendar } from '../common/statutory-holidays';
import { loadWorkCalendar, readShipped, statutoryFallback } from '../main/services/calendar';
import { WorkCalendar } from '../common/workdays';
import { benchRoot, median, report } from './lib';

const resources = path.join(benchRoot, 'resources');
const shipped = readShipped(resources);
const us = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e3;

// A year's statutory days, from lunar dates and the 清明 solar term.
const yearTimes: number[] = [];
for (let y = 2025; y <= 2075; y++) {
  const t0 = process.hrtime.bigint();
  statutoryCalendar(y);
  yearTimes.push(us(t0));
}

// One promise into a year without its notice, on a calendar made fresh each time.
const coldTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = process.hrtime.bigint();
  new WorkCalendar(shipped, statutoryFallback).addWorkdays('2026-12-02', 30);
  coldTimes.push(us(t0));
}

// 200 open items: 50 acceptance days × 4 limits, as a work list reads them.
const starts = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2026, 9, 1 + i * 2)).toISOString().slice(0, 10));
const limits = [5, 10, 20, 30];
function recount(cal: WorkCalendar): number {
  const t0 = process.hrtime.bigint();
  for (const s of starts) for (const n of limits) cal.addWorkdays(s, n);
  return us(t0) / 1e3;
}
const warmCal = loadWorkCalendar(resources);
recount(warmCal);
const remembered: number[] = [];
const fresh: number[] = [];
for (let i = 0; i < 30; i++) {
  remembered.push(recount(warmCal));
  const cal = new WorkCalendar(shipped, statutoryFallback);
  fresh.push(recount(cal));
}

report('calendar', {
  statutory_year_us: { value: median(yearTimes), unit: 'µs', note: 'median, 2025–2075' },
  promise_30wd_fresh_calendar_us: { value: median(coldTimes), unit: 'µs', note: 'new calendar, 2027 made from tyme4ts' },
  recount_200_items_ms: { value: median(remembered), unit: 'ms', note: 'counts remembered by the calendar in force' },
  recount_200_items_ms_fresh: { value: median(fresh), unit: 'ms', note: 'same on a calendar just rebuilt (after a load)' },
});
