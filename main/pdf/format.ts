/** How printed forms spell dates, times and identity numbers (Asia/Shanghai, DESIGN.md §4). */
import { STATION_TZ } from '../../common/time';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: STATION_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function fields(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error('not an instant');
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute! };
}

/** "2026年11月27日 09:00" */
export function dateTimeCn(iso: string): string {
  const f = fields(iso);
  return `${f.year}年${Number(f.month)}月${Number(f.day)}日 ${f.hour}:${f.minute}`;
}

/** "2026年11月27日" for an instant, in the station's time zone */
export function dayOfCn(iso: string): string {
  const f = fields(iso);
  return `${f.year}年${Number(f.month)}月${Number(f.day)}日`;
}

/** "2026/11" parts for the archive folder, in the station's time zone */
export function yearMonth(iso: string): { year: string; month: string } {
  const f = fields(iso);
  return { year: f.year, month: f.month.padStart(2, '0') };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** "2026-12-04" → "2026年12月4日（星期五）": a calendar date, no time zone involved */
export function calendarDateCn(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) throw new Error('not a YYYY-MM-DD date');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${y}年${mo}月${d}日（星期${WEEKDAYS[weekday]}）`;
}

/**
 * The data arrives masked; a full 18-digit number that slipped through is masked here as
 * well, because a receipt leaves the building (DESIGN.md §4).
 */
export function ensureMaskedId(id: string): string {
  const t = id.trim();
  if (/^\d{17}[\dXx]$/.test(t)) return `${t.slice(0, 6)}********${t.slice(-4).toUpperCase()}`;
  if (/^\d{15}$/.test(t)) return `${t.slice(0, 6)}*****${t.slice(-4)}`;
  return t;
}
