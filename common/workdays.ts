/**
 * Working days at a Chinese government counter: Monday to Friday, minus public holidays,
 * plus the 调休 make-up Saturdays/Sundays, per the State Council's yearly notice.
 * Pure: calendars are data handed in (the notices loaded at the station); a year without
 * its notice is counted on a fallback (the statutory holidays, common/statutory-holidays.ts)
 * and every result says which years were counted that way.
 */
import * as z from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const HolidayCalendar = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string(),
  holidays: z.array(z.object({ name: z.string(), dates: z.array(IsoDate) })),
  makeupWorkdays: z.array(z.object({ name: z.string(), date: IsoDate })),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

const DAY_MS = 86_400_000;

function toDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface DeadlineResult {
  date: string;
  /** every year the count touched, from the start's to the result's */
  years: number[];
  /**
   * years touched for which no notice was loaded: counted on the fallback (the statutory
   * holidays), or on weekends alone when there is none. A date that depends on them is
   * provisional until the notice arrives.
   */
  provisionalYears: number[];
}

/** A year without its notice: what to count instead (null: weekends only). */
export type CalendarFallback = (year: number) => HolidayCalendar | null;

export class WorkCalendar {
  private readonly holidays = new Map<string, string>();
  private readonly makeup = new Map<string, string>();
  private readonly years = new Set<number>();
  /** fallback years already merged in (filled lazily: a count touches one or two years) */
  private readonly fallbackYears = new Set<number>();

  constructor(
    calendars: readonly HolidayCalendar[],
    private readonly fallback: CalendarFallback = () => null,
  ) {
    for (const c of calendars) this.years.add(c.year);
    // A notice may list a day of the year before (the 2023 notice's 元旦 began on 2022-12-31):
    // merged in year order, such a day is the newer notice's word.
    for (const c of [...calendars].sort((a, b) => a.year - b.year)) this.merge(c);
  }

  private merge(c: HolidayCalendar, onlyFree = false): void {
    for (const h of c.holidays) for (const d of h.dates) if (!onlyFree || !this.holidays.has(d)) this.holidays.set(d, h.name);
    for (const m of c.makeupWorkdays) if (!onlyFree || !this.makeup.has(m.date)) this.makeup.set(m.date, m.name);
  }

  private ensure(year: number): void {
    if (this.years.has(year) || this.fallbackYears.has(year)) return;
    this.fallbackYears.add(year);
    const f = this.fallback(year);
    // never over a loaded neighbour's days: a notice outranks an estimate
    if (f) this.merge(f, true);
  }

  hasDataFor(year: number): boolean {
    return this.years.has(year);
  }

  knownYears(): number[] {
    return [...this.years].sort();
  }

  /** Why a day is or is not a working day, for the clerk ("国庆节", "国庆节调休上班", "周末"). */
  describe(date: string): { workday: boolean; reason: string } {
    this.ensure(Number(date.slice(0, 4)));
    const holiday = this.holidays.get(date);
    if (holiday) return { workday: false, reason: holiday };
    const makeup = this.makeup.get(date);
    if (makeup) return { workday: true, reason: `${makeup}调休上班` };
    const dow = new Date(toDay(date) * DAY_MS).getUTCDay();
    return dow === 0 || dow === 6 ? { workday: false, reason: '周末' } : { workday: true, reason: '工作日' };
  }

  isWorkday(date: string): boolean {
    return this.describe(date).workday;
  }

  /**
   * The n-th working day after `start` (the day of acceptance does not count);
   * n = 0 gives `start` itself.
   */
  addWorkdays(start: string, n: number): DeadlineResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    let day = toDay(start);
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.isWorkday(fromDay(day))) left -= 1;
    }
    const years: number[] = [];
    for (let y = Number(start.slice(0, 4)); y <= new Date(day * DAY_MS).getUTCFullYear(); y++) years.push(y);
    return { date: fromDay(day), years, provisionalYears: years.filter((y) => !this.years.has(y)) };
  }

  /** The next working day strictly after `date`. */
  nextWorkday(date: string): string {
    return this.addWorkdays(date, 1).date;
  }

  /** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
  workdaysBetween(from: string, to: string): number {
    const a = toDay(from);
    const b = toDay(to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let d = lo + 1; d <= hi; d++) if (this.isWorkday(fromDay(d))) count++;
    return sign * count;
  }
}
