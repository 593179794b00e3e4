/**
 * The working-day calendar the station counts promises on: every year's State Council
 * notice it holds (shipped in resources/calendar, loaded by the station head in 设置, or,
 * later, pushed by the county), and the statutory holidays for a year without one.
 * A promise keeps the calendars it was counted on; reading it later compares it with the
 * calendar in force, so a notice that arrives after the receipt shows what changed while
 * the printed date stands.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../db/write';
import type { ApiPart, ServiceContext } from '../context';
import type { calendarCalls, CalendarOrigin, CalendarYear, PromiseCalendar } from '../../common/contracts/calendar';
import { readNotice, type NoticeCheck } from '../../common/calendar-file';
import { STATUTORY_SINCE, STATUTORY_SOURCE, statutoryCalendar } from '../../common/statutory-holidays';
import { HolidayCalendar, WorkCalendar, type CalendarFallback } from '../../common/workdays';
import type { TimeLimit } from '../../common/catalogue';
import { OPEN_STATUSES } from '../../common/intake-status';
import { stationDate } from '../../common/time';
import { AppError } from '../../common/errors';
import { log } from '../log';

export const PROVISIONAL_CAVEAT = '承诺日期按法定节假日推算，以国务院当年放假通知为准';
const WEEKENDS_ONLY = '尚无放假通知，仅按周末计算';

/** A year without its notice: the statutory holidays where the 2024 rules govern, else weekends alone. */
export const statutoryFallback: CalendarFallback = (year) => (year >= STATUTORY_SINCE ? statutoryCalendar(year) : null);

/** The shipped notices, checked like an uploaded one; a damaged file is skipped, not fatal. */
export function readShipped(resourcesDir: string): HolidayCalendar[] {
  const dir = path.join(resourcesDir, 'calendar');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const out: HolidayCalendar[] = [];
  for (const f of files) {
    const year = /^cn-holidays-(\d{4})\.json$/.exec(f)?.[1];
    if (!year) continue;
    const r: NoticeCheck = readNotice(fs.readFileSync(path.join(dir, f), 'utf8'), Number(year));
    if (r.ok) out.push(r.calendar);
    else log.warn('holiday calendar ignored', { file: f, problems: r.errors.length });
  }
  return out;
}

/** The shipped notices with the statutory fallback, without a database (tests, benches). */
export function loadWorkCalendar(resourcesDir: string): WorkCalendar {
  return new WorkCalendar(readShipped(resourcesDir), statutoryFallback);
}

export function provisionalMessage(years: number[]): string | null {
  if (years.length === 0) return null;
  return `${years.join('、')} 年的国务院放假通知尚未导入，${PROVISIONAL_CAVEAT}。`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface CalendarRow {
  id: number;
  year: number;
  source: string;
  sha256: string;
  content: string;
  origin: CalendarOrigin;
  loaded_at: string;
  loaded_by: string | null;
  loaded_by_name: string | null;
}

/** The intake record's columns a promise is read from (migration 0006 added the last three). */
export interface PromiseRow {
  accepted_at: string;
  time_limit: string;
  promised_date: string;
  promise_calendar_source: string | null;
  promise_calendar_version: string | null;
  promise_provisional: number;
}

export interface PromiseMade {
  promisedDate: string;
  promisedAt: string | null;
  calendarWarning: string | null;
  provisional: boolean;
  calendarSource: string | null;
  calendarVersion: string | null;
}

export function createCalendar(ctx: ServiceContext) {
  const { db, clock, write } = ctx;
  const q = {
    // per year, the latest shipped row and the latest loaded on purpose
    latest: db.prepare<[], CalendarRow>(
      `SELECT c.*, s.name AS loaded_by_name FROM holiday_calendars c LEFT JOIN staff s ON s.id = c.loaded_by
       WHERE c.id IN (SELECT max(id) FROM holiday_calendars GROUP BY year, origin = 'shipped') ORDER BY c.year, c.id`,
    ),
    has: db.prepare<[number, string], number>('SELECT count(*) FROM holiday_calendars WHERE year = ? AND sha256 = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO holiday_calendars (year, source, sha256, content, origin, loaded_at, loaded_by, file_name)
       VALUES (@year, @source, @sha256, @content, @origin, @loadedAt, @loadedBy, @fileName)`,
    ),
    stamp: db.prepare('UPDATE intake_records SET promise_calendar_source = ?, promise_calendar_version = ?, promise_provisional = ? WHERE id = ?'),
    open: db.prepare<[], PromiseRow>(
      `SELECT accepted_at, time_limit, promised_date, promise_calendar_source, promise_calendar_version, promise_provisional
       FROM intake_records WHERE status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`,
    ),
  };

  let shippedDone = false;
  /**
   * Records the shipped notices the first time the calendar is used (not at startup: the
   * audit log begins with the station's setup), each version once, so a promise can name it
   * even after an update drops the file.
   */
  function ensureShipped(): void {
    if (shippedDone) return;
    const fresh = readShipped(ctx.resourcesDir)
      .map((c) => ({ c, content: JSON.stringify(c) }))
      .map((x) => ({ ...x, sha: sha256(x.content) }))
      .filter((x) => q.has.get(x.c.year, x.sha) === 0);
    if (fresh.length > 0) {
      write((tx) => {
        for (const { c, content, sha } of fresh) {
          add({ year: c.year, source: c.source, sha256: sha, content, origin: 'shipped', loadedBy: null, fileName: null });
          tx.note({ actorId: null, action: 'calendar.load', entity: 'calendar', entityId: String(c.year), detail: { year: c.year, origin: 'shipped', source: c.source, sha256: sha.slice(0, 16) } });
        }
      });
    }
    // inside a caller's transaction the rows may still roll back: look again next time
    if (!db.inTransaction) shippedDone = true;
  }

  /** A year's notice in force: loaded on purpose (station head, county) outranks shipped. */
  function inForce(): Map<number, CalendarRow> {
    const m = new Map<number, CalendarRow>();
    for (const r of q.latest.all()) {
      const had = m.get(r.year);
      if (!had || (had.origin === 'shipped' && r.origin !== 'shipped')) m.set(r.year, r);
    }
    return m;
  }

  type InForce = { rows: Map<number, CalendarRow>; work: WorkCalendar };
  let cache: InForce | null = null;

  function build(): InForce {
    const rows = inForce();
    return { rows, work: new WorkCalendar([...rows.values()].map((r) => HolidayCalendar.parse(JSON.parse(r.content))), statutoryFallback) };
  }

  /**
   * The calendar in force, built once and kept until a row is added. Every row is added
   * through add() (shipped, loaded here, later the county's through load()), so a read
   * need not ask the database whether it changed: a work list recounts each open item.
   */
  function current(): InForce {
    ensureShipped();
    if (cache) return cache;
    const built = build();
    // one built inside a transaction may hold rows that roll back: used, not kept
    if (!db.inTransaction) cache = built;
    return built;
  }

  function add(row: { year: number; source: string; sha256: string; content: string; origin: CalendarOrigin; loadedBy: string | null; fileName: string | null }): void {
    q.insert.run({ ...row, loadedAt: clock.now().toISOString() });
    cache = null;
  }

  function stampOf(years: number[], rows: Map<number, CalendarRow>) {
    return {
      version: years.map((y) => `${y}:${rows.get(y)?.sha256 ?? 'statutory'}`).join(';'),
      source: years.map((y) => `${y} 年：${rows.get(y)?.source ?? STATUTORY_SOURCE}`).join('；'),
    };
  }

  /** What accepting at `at` promises for a limit, and what it was counted on. */
  function promise(limit: TimeLimit, at: Date): PromiseMade {
    const none = { calendarWarning: null, provisional: false, calendarSource: null, calendarVersion: null };
    if (limit.unit === 'hours') {
      const promisedAt = new Date(at.getTime() + limit.value * 3_600_000).toISOString();
      return { promisedDate: stationDate(promisedAt), promisedAt, ...none };
    }
    if (limit.unit === 'immediate') return { promisedDate: stationDate(at), promisedAt: null, ...none };
    const c = current();
    const r = c.work.addWorkdays(stationDate(at), limit.value);
    const s = stampOf(r.years, c.rows);
    return {
      promisedDate: r.date,
      promisedAt: null,
      calendarWarning: provisionalMessage(r.provisionalYears),
      provisional: r.provisionalYears.length > 0,
      calendarSource: s.source,
      calendarVersion: s.version,
    };
  }

  /** Keeps with the record what its promise was counted on; call in the transaction that inserts it. */
  function stamp(intakeId: string, p: PromiseMade): void {
    q.stamp.run(p.calendarSource, p.calendarVersion, p.provisional ? 1 : 0, intakeId);
  }

  /** The promise against the calendar in force now: the printed date stands, a difference is shown. */
  function review(r: PromiseRow, cal: InForce = current()): PromiseCalendar {
    const base = { provisional: r.promise_provisional === 1, source: r.promise_calendar_source, version: r.promise_calendar_version };
    const limit = JSON.parse(r.time_limit) as TimeLimit;
    if (limit.unit !== 'workdays') return { ...base, currentDate: null, note: null };
    const now = cal.work.addWorkdays(stationDate(r.accepted_at), limit.value);
    const stillProvisional = now.provisionalYears.length > 0;
    if (now.date !== r.promised_date) {
      const why = stillProvisional ? '按现行法定节假日推算' : '按新公布的放假安排';
      return { ...base, currentDate: now.date, note: `${why}应为 ${now.date}，回执承诺日期不变` };
    }
    if (base.provisional) return { ...base, currentDate: null, note: stillProvisional ? PROVISIONAL_CAVEAT : '已按新公布的放假安排核对，承诺日期不变' };
    return { ...base, currentDate: null, note: null };
  }

  /** The receipt's words beside a provisional date; the same on every reprint. */
  function caveat(r: Pick<PromiseRow, 'promise_provisional'>): string | undefined {
    return r.promise_provisional === 1 ? PROVISIONAL_CAVEAT : undefined;
  }

  function nextWorkday(date: string): string {
    return current().work.nextWorkday(date);
  }

  function yearView(year: number, row: CalendarRow | undefined): CalendarYear {
    if (row) {
      const c = HolidayCalendar.parse(JSON.parse(row.content));
      return { year, status: 'published', source: row.source, origin: row.origin, sha256: row.sha256, loadedAt: row.loaded_at, loadedByName: row.loaded_by_name, holidays: c.holidays, makeupWorkdays: c.makeupWorkdays };
    }
    const f = statutoryFallback(year);
    return { year, status: 'provisional', source: f ? f.source : WEEKENDS_ONLY, origin: null, sha256: null, loadedAt: null, loadedByName: null, holidays: f?.holidays ?? [], makeupWorkdays: [] };
  }

  function years(): { today: string; years: CalendarYear[] } {
    const today = stationDate(clock.now());
    const y = Number(today.slice(0, 4));
    const rows = current().rows;
    const all = [...new Set([y - 1, y, y + 1, ...rows.keys()])].sort((a, b) => a - b);
    return { today, years: all.map((year) => yearView(year, rows.get(year))) };
  }

  /** Open items whose printed date the calendar in force would now make different. */
  function affected(): number {
    const cal = current();
    return q.open.all().filter((r) => review(r, cal).currentDate !== null).length;
  }

  /**
   * Loads a year's notice from a file's text. Not tied to a signed-in clerk: the county
   * sync will call it with origin 'county'.
   */
  /** With a requestId (the station's 导入 form) a repeat answers with the first load's result. */
  function load(text: string, opts: { origin: Exclude<CalendarOrigin, 'shipped'>; actorId: string | null; year?: number; fileName?: string; requestId?: string }) {
    const check = readNotice(text, opts.year);
    if (!check.ok) {
      const more = check.errors.length > 3 ? `（共 ${check.errors.length} 处问题）` : '';
      throw new AppError('VALIDATION', `放假安排文件有误：${check.errors.slice(0, 3).join('；')}${more}`);
    }
    const c = check.calendar;
    const content = JSON.stringify(c);
    const sha = sha256(content);
    current();
    const once = <T>(fn: (tx: Tx) => T): T => (opts.requestId ? write.once({ requestId: opts.requestId, call: 'calendar.load', actorId: opts.actorId }, fn).value : write(fn));
    return once((tx) => {
        const before = inForce().get(c.year);
        if (before?.sha256 === sha) return { year: yearView(c.year, before), unchanged: true, affected: affected() };
        add({ year: c.year, source: c.source, sha256: sha, content, origin: opts.origin, loadedBy: opts.actorId, fileName: opts.fileName ?? null });
        const n = affected();
        // the shipped files are the county's own: only a loaded notice is news for it (ensureShipped notes)
        tx.change({
          actorId: opts.actorId,
          action: 'calendar.load',
          entity: 'calendar',
          entityId: String(c.year),
          op: before ? 'update' : 'create',
          snapshot: { year: c.year, source: c.source, sha256: sha, origin: opts.origin, fileName: opts.fileName ?? null, calendar: c },
          detail: { year: c.year, origin: opts.origin, source: c.source, sha256: sha.slice(0, 16), replaced: before ? before.sha256.slice(0, 16) : null, fileName: opts.fileName ?? null, affected: n },
        });
        return { year: yearView(c.year, current().rows.get(c.year)), unchanged: false, affected: n };
      });
  }

  const api: ApiPart<keyof typeof calendarCalls> = {
    async 'calendar.years'() {
      return years();
    },
    async 'calendar.load'({ requestId, fileName, text, year }, me) {
      return load(text, { origin: 'station', actorId: me.id, fileName, requestId, ...(year === undefined ? {} : { year }) });
    },
  };

  /** the working-day calendar in force now (loaded notices, statutory fallback) */
  const work = () => current().work;

  return { api, promise, stamp, review, caveat, nextWorkday, load, years, work };
}

export type Calendar = ReturnType<typeof createCalendar>;
