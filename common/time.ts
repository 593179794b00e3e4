/** Instants are stored as UTC ISO strings and shown in Asia/Shanghai (DESIGN.md §4). */
export const STATION_TZ = 'Asia/Shanghai';

const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: STATION_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: STATION_TZ, hour: '2-digit', minute: '2-digit', hour12: false });

/** "2026/11/27 15:04" */
export function formatDateTime(iso: string | Date): string {
  return dateTimeFmt.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** "15:04" */
export function formatTime(iso: string | Date): string {
  return timeFmt.format(typeof iso === 'string' ? new Date(iso) : iso);
}

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
export const STATION_OFFSET_MS = 8 * 3600_000;

/** The calendar date (YYYY-MM-DD) at the station for an instant. */
export function stationDate(instant: string | Date): string {
  const t = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
  return new Date(t + STATION_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-10-13 → "2026年10月13日" */
export function formatDateCn(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** A calendar date (YYYY-MM-DD) plus n natural days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * 86_400_000).toISOString().slice(0, 10);
}
