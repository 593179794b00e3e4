/** The working-day calendar: which years have their State Council notice, and loading one. */
import * as z from 'zod';
import { call, none, RequestId } from '../contract-kit';
import { freeText } from '../text';

/** A notice file is a few KB; anything this large is not one. Kept here, not in calendar-file.ts,
 * so the renderer's contract does not pull in the lunar calendar (tyme4ts) at start-up. */
export const MAX_NOTICE_CHARS = 256 * 1024;

export const CALENDAR_ORIGINS = ['shipped', 'station', 'county'] as const;
export type CalendarOrigin = (typeof CALENDAR_ORIGINS)[number];

export const CalendarYear = z.object({
  year: z.number(),
  /** published: the notice is loaded; provisional: counted on the statutory holidays (or weekends alone before 2025) */
  status: z.enum(['published', 'provisional']),
  /** the notice's title, or how the provisional days were made */
  source: z.string(),
  origin: z.enum(CALENDAR_ORIGINS).nullable(),
  sha256: z.string().nullable(),
  loadedAt: z.string().nullable(),
  loadedByName: z.string().nullable(),
  holidays: z.array(z.object({ name: z.string(), dates: z.array(z.string()) })),
  makeupWorkdays: z.array(z.object({ name: z.string(), date: z.string() })),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

/** What a promise was counted on, and what the calendar says now: kept with every intake record. */
export const PromiseCalendar = z.object({
  /** counted (in part) on the statutory holidays: the receipt says the date is provisional */
  provisional: z.boolean(),
  /** the calendars the promise was counted on; null for limits the calendar does not touch, or records from before they were kept */
  source: z.string().nullable(),
  version: z.string().nullable(),
  /** the date the current calendar gives, when it differs from the promised (printed) date */
  currentDate: z.string().nullable(),
  /** one sentence for the clerk, or null when there is nothing to say */
  note: z.string().nullable(),
});
export type PromiseCalendar = z.infer<typeof PromiseCalendar>;

export const calendarCalls = {
  /** last year to next year, and every year with a notice loaded */
  'calendar.years': call(none, z.object({ today: z.string(), years: z.array(CalendarYear) }), 'signedIn'),
  /** the station head loads a year's notice (the JSON file's text); audited */
  'calendar.load': call(
    z.object({
      requestId: RequestId,
      fileName: freeText('文件名', { min: 1, max: 200 }).refine((n) => /\.json$/i.test(n), { error: '只能导入 .json 格式的放假安排文件' }),
      text: z.string({ error: '请选择文件' }).min(1, { error: '文件是空的' }).max(MAX_NOTICE_CHARS, { error: '文件过大，不是放假安排文件' }),
      /** the year the station head chose the file for; omitted: whatever year the file is */
      year: z.number().int().min(2000).max(2100).optional(),
    }),
    z.object({
      year: CalendarYear,
      /** the same notice was already in force: nothing changed */
      unchanged: z.boolean(),
      /** open items whose printed date the new notice would have made different */
      affected: z.number(),
    }),
    'calendar.load',
  ),
} as const;
