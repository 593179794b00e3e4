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

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

export class WorkCalendar {
  // keyed by day number: a count walks days, and a list recounts every open promise
  private readonly holidays = new Map<number, string>();
  private readonly makeup = new Map<number, string>();
  private readonly years = new Set<number>();
  /** fallback years already merged in (filled lazily: a count touches one or two years) */
  private readonly fallbackYears = new Set<number>();
  /** counts already made: many promises share an acceptance day and a limit */
  private readonly counted = new Map<string, DeadlineResult>();

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
    for (const h of c.holidays) {
      for (const d of h.dates) if (!onlyFree || !this.holidays.has(toDay(d))) this.holidays.set(toDay(d), h.name);
    }
    for (const m of c.makeupWorkdays) if (!onlyFree || !this.makeup.has(toDay(m.date))) this.makeup.set(toDay(m.date), m.name);
  }

  private ensure(year: number): void {
    if (this.years.has(year) || this.fallbackYears.has(year)) return;
    this.fallbackYears.add(year);
    const f = this.fallback(year);
    // never over a loaded neighbour's days: a notice outranks an estimate
    if (f) this.merge(f, true);
  }

  /** Whether a day number is a working day; its year must have been ensured. */
  private worked(day: number): boolean {
    if (this.holidays.has(day)) return false;
    if (this.makeup.has(day)) return true;
    const w = weekdayOf(day);
    return w !== 0 && w !== 6;
  }

  /** Walks day by day from `day` (exclusive), merging each year's fallback as it is reached. */
  private walk(day: number, step: (day: number) => boolean): number {
    let year = new Date(day * DAY_MS).getUTCFullYear();
    this.ensure(year);
    let next = yearStart(year + 1);
    for (;;) {
      day += 1;
      if (day >= next) {
        year += 1;
        this.ensure(year);
        next = yearStart(year + 1);
      }
      if (!step(day)) return day;
    }
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
    const day = toDay(date);
    const holiday = this.holidays.get(day);
    if (holiday) return { workday: false, reason: holiday };
    const makeup = this.makeup.get(day);
    if (makeup) return { workday: true, reason: `${makeup}调休上班` };
    const w = weekdayOf(day);
    return w === 0 || w === 6 ? { workday: false, reason: '周末' } : { workday: true, reason: '工作日' };
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
    const key = `${start}+${n}`;
    const known = this.counted.get(key);
    if (known) return { ...known, years: [...known.years], provisionalYears: [...known.provisionalYears] };
    let left = n;
    const end =
      n === 0
        ? toDay(start)
        : this.walk(toDay(start), (day) => {
            if (this.worked(day)) left -= 1;
            return left > 0;
          });
    const years: number[] = [];
    for (let y = Number(start.slice(0, 4)); y <= new Date(end * DAY_MS).getUTCFullYear(); y++) years.push(y);
    const r = { date: fromDay(end), years, provisionalYears: years.filter((y) => !this.years.has(y)) };
    this.counted.set(key, r);
    return { ...r, years: [...years], provisionalYears: [...r.provisionalYears] };
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
    if (hi > lo) {
      this.walk(lo, (day) => {
        if (this.worked(day)) count += 1;
        return day < hi;
      });
    }
    return sign * count;
  }
}
