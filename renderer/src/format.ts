/** How instants are shown: always in the station's time zone, whatever the PC is set to (DESIGN.md §4). */
import { STATION_TZ } from '../../common/time';

const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: STATION_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface Parts {
  year: string;
  month: string;
  day: string;
  weekday: string;
  hour: string;
  minute: string;
  second: string;
}

function partsOf(at: Date | string | number): Parts {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(new Date(at))) out[p.type] = p.value;
  return {
    year: out.year ?? '',
    month: out.month ?? '',
    day: out.day ?? '',
    weekday: out.weekday ?? '',
    hour: (out.hour ?? '').padStart(2, '0'),
    minute: (out.minute ?? '').padStart(2, '0'),
    second: (out.second ?? '').padStart(2, '0'),
  };
}

/** "2026年11月27日" */
export function formatDateLong(at: Date | string | number): string {
  const p = partsOf(at);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** "星期五" */
export function formatWeekday(at: Date | string | number): string {
  return partsOf(at).weekday;
}

/** "2026年11月27日 星期五 15:04" — the status bar's clock */
export function formatClock(at: Date | string | number): string {
  const p = partsOf(at);
  return `${p.year}年${p.month}月${p.day}日 ${p.weekday} ${p.hour}:${p.minute}`;
}

/** "2026-11-27 15:04" — compact, for tables */
export function formatDateTime(at: Date | string | number | null | undefined): string {
  if (at === null || at === undefined || at === '') return '—';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '—';
  const p = partsOf(d);
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')} ${p.hour}:${p.minute}`;
}

/** "2026-11-27 15:04:05" — for the audit log, where seconds matter */
export function formatDateTimeSeconds(at: Date | string | number): string {
  const p = partsOf(at);
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')} ${p.hour}:${p.minute}:${p.second}`;
}

/** 上午/下午/晚上 greeting for the workbench, by the station's clock */
export function greetingFor(at: Date | string | number): string {
  const h = Number(partsOf(at).hour);
  if (h < 5) return '夜深了';
  if (h < 11) return '上午好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}
