/**
 * A year's State Council holiday notice as a file (the format of resources/calendar/
 * cn-holidays-<year>.json), checked before it may decide anyone's deadline: the shape,
 * then what a real notice always satisfies. Messages are Chinese, for the station head
 * who picked the file.
 */
import * as z from 'zod';
import { isIsoDate } from './idcard';
import { iso, STATUTORY_SINCE, statutoryDays } from './statutory-holidays';
import type { HolidayCalendar } from './workdays';
import { MAX_NOTICE_CHARS } from './contracts/calendar';
import { freeText } from './text';

/** A notice is a few kilobytes; anything near this is not one. */

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const DateText = z
  .string({ error: '日期须写成 YYYY-MM-DD' })
  .refine(isIsoDate, { error: (i) => `“${String(i.input).slice(0, 20)}”不是有效日期（应为 YYYY-MM-DD，如 2027-01-01）` });
const Name = (what: string) => freeText(`${what}名称`, { min: 1, max: 20, missing: `缺少${what}名称` });

const NoticeShape = z.object(
  {
    year: z.number({ error: (i) => (i.input === undefined ? '缺少年份（year）' : '年份（year）须为数字，如 2027') }).int({ error: '年份须为整数' }).min(2000, { error: '年份须在 2000 至 2100 之间' }).max(2100, { error: '年份须在 2000 至 2100 之间' }),
    source: freeText('通知名称', { max: 200, missing: '缺少通知名称（source）' })
      .refine((s) => s.length >= 4, { error: '请在 source 中写明通知名称，如“国务院办公厅关于2027年部分节假日安排的通知”' }),
    holidays: z
      .array(z.object({ name: Name('节日'), dates: z.array(DateText, { error: '放假日期须为列表' }).min(1, { error: '每个节日至少列出一个放假日期' }) }), {
        error: '缺少放假安排（holidays）',
      })
      .min(1, { error: '缺少放假安排（holidays）' })
      .max(20, { error: '节日不能超过 20 个' }),
    makeupWorkdays: z.array(z.object({ name: Name('调休'), date: DateText }), { error: '缺少调休上班日列表（makeupWorkdays，没有时写 []）' }).max(30, { error: '调休上班日不能超过 30 个' }),
  },
  { error: '文件内容不是放假安排（应含 year、source、holidays、makeupWorkdays）' },
);

/** What a real notice always satisfies, as issues on the parsed file. */
function checkNotice(c: z.output<typeof NoticeShape>, ctx: z.RefinementCtx, expectYear: number | undefined): void {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (expectYear !== undefined && c.year !== expectYear) {
    issue(`文件是 ${c.year} 年的放假安排，不是所选的 ${expectYear} 年`);
    return;
  }
  const seen = new Map<string, string>();
  const note = (date: string, what: string) => {
    const before = seen.get(date);
    if (before) issue(before === what ? `${date} 在“${what}”中重复列出` : `${date} 同时列为“${before}”和“${what}”`);
    else seen.set(date, what);
  };
  for (const h of c.holidays) {
    for (const d of h.dates) {
      // 元旦 may begin on the last days of the year before (the 2023 notice: 2022-12-31 to 2023-01-02)
      const eve = h.name.includes('元旦') && d >= `${c.year - 1}-12-29` && d <= `${c.year - 1}-12-31`;
      if (!d.startsWith(`${c.year}-`) && !eve) issue(`${h.name}的日期 ${d} 不在 ${c.year} 年内`);
      note(d, h.name);
    }
  }
  for (const m of c.makeupWorkdays) {
    if (!m.date.startsWith(`${c.year}-`)) issue(`${m.name}调休上班日 ${m.date} 不在 ${c.year} 年内`);
    const w = weekday(m.date);
    if (w !== 0 && w !== 6) issue(`调休上班日 ${m.date} 是${WEEKDAYS[w]}，本来就是工作日，请核对`);
    note(m.date, `${m.name}调休上班`);
  }
  if (c.year < STATUTORY_SINCE) return;
  const holidayDates = new Set(c.holidays.flatMap((h) => h.dates));
  const missing = statutoryDays(c.year).flatMap((f) =>
    f.days
      .map(iso)
      .filter((d) => !holidayDates.has(d))
      .map((d) => `${d}（${f.name}）`),
  );
  if (missing.length > 0) issue(`缺少法定节假日 ${missing.slice(0, 3).join('、')}${missing.length > 3 ? `等 ${missing.length} 天` : ''}，请确认这是完整的国务院放假通知`);
}

export function noticeSchema(expectYear?: number) {
  return NoticeShape.superRefine((c, ctx) => checkNotice(c, ctx, expectYear));
}

/** "holidays.2.dates.0" → "（第 3 个节日）": where in the file, in the station head's words. */
function where(path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if (typeof index !== 'number') return '';
  if (list === 'holidays') return `（第 ${index + 1} 个节日）`;
  if (list === 'makeupWorkdays') return `（第 ${index + 1} 个调休上班日）`;
  return '';
}

export type NoticeCheck = { ok: true; calendar: HolidayCalendar } | { ok: false; errors: string[] };

/** Reads a notice file's text; every problem found, in Chinese, or the calendar in canonical order. */
export function readNotice(text: string, expectYear?: number): NoticeCheck {
  if (text.length > MAX_NOTICE_CHARS) return { ok: false, errors: ['文件过大，不是放假安排文件'] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: ['文件不是有效的 JSON 格式，请选择国务院放假通知的 .json 文件（格式同 resources/calendar/cn-holidays-2026.json）'] };
  }
  const r = noticeSchema(expectYear).safeParse(raw);
  if (!r.success) {
    const errors = r.error.issues.map((i) => `${i.message}${where(i.path)}`);
    return { ok: false, errors: [...new Set(errors)] };
  }
  return { ok: true, calendar: canonical(r.data) };
}

/** Dates sorted, festivals in date order: the same notice always hashes the same. */
export function canonical(c: HolidayCalendar): HolidayCalendar {
  const holidays = c.holidays.map((h) => ({ name: h.name, dates: [...h.dates].sort() })).sort((a, b) => (a.dates[0] ?? '').localeCompare(b.dates[0] ?? ''));
  const makeupWorkdays = c.makeupWorkdays.map((m) => ({ name: m.name, date: m.date })).sort((a, b) => a.date.localeCompare(b.date));
  return { year: c.year, source: c.source.trim(), holidays, makeupWorkdays };
}
