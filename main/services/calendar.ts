import fs from 'node:fs';
import path from 'node:path';
import { HolidayCalendar, WorkCalendar } from '../../common/workdays';
import { log } from '../log';

/**
 * Loads every resources/calendar/cn-holidays-<year>.json. A damaged file is skipped with
 * a warning rather than stopping the counter: that year then falls back to weekends only,
 * which the intake screen says out loud.
 */
export function loadWorkCalendar(resourcesDir: string): WorkCalendar {
  const dir = path.join(resourcesDir, 'calendar');
  const calendars: HolidayCalendar[] = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^cn-holidays-\d{4}\.json$/.test(f)) : [];
  for (const f of files) {
    const parsed = HolidayCalendar.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    if (parsed.success) calendars.push(parsed.data);
    else log.warn('holiday calendar ignored', { file: f });
  }
  return new WorkCalendar(calendars);
}

export function missingCalendarMessage(years: number[]): string | null {
  if (years.length === 0) return null;
  return `${years.join('、')} 年的法定节假日安排尚未导入，期限暂按周末计算，请留意节假日。`;
}
