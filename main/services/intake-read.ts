/**
 * Reading 代办 items: the lists behind 工作台 and the 代办 views, their counts, and one
 * item with its history. Urgency is worked out at the station's clock on every read.
 */
import type { ServiceContext } from '../context';
import type { IntakeRecord } from '../../common/contracts/intake';
import type { ParsedInput } from '../../common/contract';
import { OPEN_STATUSES, type IntakeStatus } from '../../common/intake-status';
import { stationDate } from '../../common/time';
import type { Calendar } from './calendar';
import { EVENT_BY_NAME_SQL, recordOf, SELECT_RECORD, type IntakeRow as Row } from './intake-store';

const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** Past its promise: an hour limit by the instant, a day limit by the station's date. */
const OVERDUE_SQL = 'CASE WHEN r.promised_at IS NOT NULL THEN r.promised_at < @nowIso ELSE r.promised_date < @today END';

/** UTC bounds of the station's calendar day. */
function dayBounds(day: string): [string, string] {
  const start = new Date(`${day}T00:00:00+08:00`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

export function createIntakeRead(ctx: ServiceContext, calendar: Calendar) {
  const { db, clock } = ctx;

  /** "today" and the overdue / due-soon thresholds, at the station's clock. */
  function now() {
    const at = clock.now();
    const today = stationDate(at);
    return { iso: at.toISOString(), today, nextWorkday: calendar.nextWorkday(today) };
  }

  function urgencyOf(r: Pick<Row, 'status' | 'promised_date' | 'promised_at'>, n = now()): IntakeRecord['urgency'] {
    if (!OPEN_STATUSES.includes(r.status)) return 'closed';
    if (r.promised_at ? r.promised_at < n.iso : r.promised_date < n.today) return 'overdue';
    if (r.promised_date <= n.nextWorkday) return 'dueSoon';
    return 'normal';
  }

  function toRecord(r: Row, n = now()): IntakeRecord {
    return { ...recordOf(r, urgencyOf(r, n)), calendar: calendar.review(r) };
  }

  const eventsOf = db.prepare<[string], { at: string; by_name: string; from_status: IntakeStatus | null; to_status: IntakeStatus; reason: string | null }>(
    // LEFT JOIN: a county decision has no staff row behind it (migration 0011)
    `SELECT e.at, ${EVENT_BY_NAME_SQL} AS by_name, e.from_status, e.to_status, e.reason FROM intake_events e LEFT JOIN staff s ON s.id = e.by WHERE e.intake_id = ? ORDER BY e.at, e.rowid`,
  );

  function events(id: string) {
    return eventsOf.all(id).map((e) => ({ at: e.at, byName: e.by_name, from: e.from_status, to: e.to_status, reason: e.reason }));
  }

  function list({ view, status, itemCode, residentId, limit }: ParsedInput<'intake.list'>, meId: string): IntakeRecord[] {
    const n = now();
    const [dayStart, dayEnd] = dayBounds(n.today);
    const params: Record<string, string | number> = { limit, nowIso: n.iso, today: n.today, next: n.nextWorkday, dayStart, dayEnd, me: meId };
    const overdue = OVERDUE_SQL;
    const where: string[] = [];
    if (view === 'today') where.push('r.accepted_at >= @dayStart AND r.accepted_at < @dayEnd');
    if (view === 'mine') where.push(`r.accepted_by = @me AND r.status IN ${OPEN_SQL}`);
    if (view === 'open') where.push(`r.status IN ${OPEN_SQL}`);
    if (view === 'overdue') where.push(`r.status IN ${OPEN_SQL} AND (${overdue})`);
    if (view === 'dueSoon') where.push(`r.status IN ${OPEN_SQL} AND r.promised_date <= @next AND NOT (${overdue})`);
    for (const [key, column, value] of [
      ['status', 'r.status', status],
      ['itemCode', 'r.item_code', itemCode],
      ['residentId', 'r.resident_id', residentId],
    ] as const) {
      if (value === undefined) continue;
      params[key] = value;
      where.push(`${column} = @${key}`);
    }
    // Open work first by due date; closed items most recent first.
    const order = view === 'today' || view === 'all' ? 'r.accepted_at DESC' : 'r.promised_date ASC, r.accepted_at ASC';
    const sql = `${SELECT_RECORD} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit`;
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
    return db
      .prepare<Record<string, string | number>, Row>(sql)
      .all(used)
      .map((r) => toRecord(r, n));
  }

  function counts(meId: string) {
    const n = now();
    const [dayStart, dayEnd] = dayBounds(n.today);
    const overdue = `(${OVERDUE_SQL})`;
    return db
      .prepare<Record<string, string>, { today: number; mine: number; overdue: number; dueSoon: number; open: number }>(
        `SELECT
           coalesce(sum(r.accepted_at >= @dayStart AND r.accepted_at < @dayEnd), 0) AS today,
           coalesce(sum(r.accepted_by = @me AND r.status IN ${OPEN_SQL}), 0) AS mine,
           coalesce(sum(r.status IN ${OPEN_SQL} AND ${overdue}), 0) AS overdue,
           coalesce(sum(r.status IN ${OPEN_SQL} AND r.promised_date <= @next AND NOT ${overdue}), 0) AS dueSoon,
           coalesce(sum(r.status IN ${OPEN_SQL}), 0) AS open
         FROM intake_records r`,
      )
      .get({ dayStart, dayEnd, me: meId, nowIso: n.iso, today: n.today, next: n.nextWorkday })!;
  }

  return { now, toRecord, events, list, counts };
}
