import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkCalendar, provisionalMessage } from '../../main/services/calendar';

const cal = loadWorkCalendar(path.resolve(import.meta.dirname, '../../resources'));

describe('working-day calendar (2026 State Council schedule)', () => {
  it('knows 2026 from resources/calendar', () => {
    expect(cal.hasDataFor(2026)).toBe(true);
  });

  it('skips the National Day holiday and counts the 调休 Saturday', () => {
    // Accepted Wed 30 Sep: 1–7 Oct off; Thu 8 (1), Fri 9 (2), Sat 10 调休 (3), Mon 12 (4), Tue 13 (5).
    expect(cal.describe('2026-10-10')).toEqual({ workday: true, reason: '国庆节调休上班' });
    expect(cal.describe('2026-10-05')).toEqual({ workday: false, reason: '国庆节' });
    expect(cal.addWorkdays('2026-09-30', 5)).toEqual({ date: '2026-10-13', years: [2026], provisionalYears: [] });
    expect(cal.addWorkdays('2026-09-30', 3).date).toBe('2026-10-10');
  });

  it('counts the 国庆 make-up Sunday 20 Sep before the holiday', () => {
    // Fri 18 Sep + 1 → Sun 20 Sep is a working day.
    expect(cal.addWorkdays('2026-09-18', 1).date).toBe('2026-09-20');
    // Mid-Autumn 25–27 Sep: Thu 24 + 1 → Mon 28.
    expect(cal.addWorkdays('2026-09-24', 1).date).toBe('2026-09-28');
  });

  it('crosses the Spring Festival with both make-up Saturdays', () => {
    // Fri 13 Feb + 1 → Sat 14 Feb (调休); +2 → Tue 24 Feb (15–23 off); Sat 28 Feb counts.
    expect(cal.addWorkdays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(cal.addWorkdays('2026-02-13', 2).date).toBe('2026-02-24');
    expect(cal.addWorkdays('2026-02-24', 4).date).toBe('2026-02-28');
  });

  it('plain weeks skip Saturday and Sunday', () => {
    expect(cal.addWorkdays('2026-11-27', 1).date).toBe('2026-11-30');
    expect(cal.addWorkdays('2026-11-27', 0).date).toBe('2026-11-27');
    expect(cal.workdaysBetween('2026-11-27', '2026-12-04')).toBe(5);
    expect(cal.workdaysBetween('2026-12-04', '2026-11-27')).toBe(-5);
  });

  it('falls back to the statutory holidays for a year without its notice, and says the date is provisional', () => {
    // Wed 30 Dec: Thu 31 (1); 元旦 Fri 1 Jan is off by law; Mon 4 … Thu 7 (5).
    const r = cal.addWorkdays('2026-12-30', 5);
    expect(r.date).toBe('2027-01-07');
    expect(r.provisionalYears).toEqual([2027]);
    expect(cal.describe('2027-01-01')).toEqual({ workday: false, reason: '元旦' });
    expect(provisionalMessage(r.provisionalYears)).toBe('2027 年的国务院放假通知尚未导入，承诺日期按法定节假日推算，以国务院当年放假通知为准。');
    expect(provisionalMessage([])).toBeNull();
  });
});
