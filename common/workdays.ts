/**
 * Working days at a Chinese government counter: Monday to Friday, minus public holidays,
 * plus the 调休 make-up Saturdays/Sundays, per the State Council's yearly notice.
 * Pure: calendars are data handed in (resources/calendar/cn-holidays-<year>.json).
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
  /** years crossed for which no holiday schedule was loaded: counted as weekends only */
  yearsWithoutData: number[];
}

export class WorkCalendar {
  private readonly holidays = new Map<string, string>();
  private readonly makeup = new Map<string, string>();
  private readonly years = new Set<number>();

  constructor(calendars: readonly HolidayCalendar[]) {
    for (const c of calendars) {
      this.years.add(c.year);
      for (const h of c.holidays) for (const d of h.dates) this.holidays.set(d, h.name);
      for (const m of c.makeupWorkdays) this.makeup.set(m.date, m.name);
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
    const missing = new Set<number>();
    const note = (d: number) => {
      const y = new Date(d * DAY_MS).getUTCFullYear();
      if (!this.years.has(y)) missing.add(y);
    };
    note(day);
    for (let left = n; left > 0; ) {
      day += 1;
      note(day);
      if (this.isWorkday(fromDay(day))) left -= 1;
    }
    return { date: fromDay(day), yearsWithoutData: [...missing].sort() };
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
