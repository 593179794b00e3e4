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
