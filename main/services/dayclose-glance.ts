/**
 * The day at a glance, read from the records themselves (intake, its status events, notices,
 * documents and their copies), and what a close now would cover in the outbox. Read-only:
 * the close (dayclose.ts) freezes what this returns.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { ENTITIES, isEntityName } from '../../common/entities';
import { ACTION_LABELS } from '../../common/audit-labels';
import { OPEN_STATUSES } from '../../common/intake-status';
import { DAY_COUNT_KEYS, type ClerkDay, type DayCountKey, type DayCounts, type DayGlance, type LateChange } from '../../common/contracts/dayclose';
import { dayDigestInput } from '../../common/county/protocol';

const LATE_SHOWN = 50;
const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** Who made a change the county made (a decision applied by sync has no staff member). */
export const COUNTY_NAME = '县级平台';

/** UTC bounds of a station day (Asia/Shanghai, no daylight saving). */
export function dayBounds(day: string): [string, string] {
  const start = new Date(`${day}T00:00:00+08:00`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

export function zeroCounts(): DayCounts {
  return Object.fromEntries(DAY_COUNT_KEYS.map((k) => [k, 0])) as DayCounts;
}

/** The protocol's counts ("counts per capability and status") from the day's totals. */
export const PROTOCOL_COUNT_KEYS: Record<DayCountKey, string> = {
  accepted: 'intake.accepted',
  completed: 'intake.completed',
  forwarded: 'intake.forwarded',
  returned: 'intake.returned',
  cancelled: 'intake.cancelled',
  handedOver: 'intake.handedOver',
  overdue: 'intake.overdue',
  notices: 'intake_notice.issued',
  receipts: 'document.acceptanceReceipts',
  reprints: 'document.reprints',
};

export function protocolCounts(c: DayCounts): Record<string, number> {
  return Object.fromEntries(DAY_COUNT_KEYS.map((k) => [PROTOCOL_COUNT_KEYS[k], c[k]]));
}

/** sha256 over the covered events' hashes, exactly as the county recomputes it. */
export function digestOf(hashes: readonly string[]): string {
  return createHash('sha256').update(dayDigestInput(hashes)).digest('hex');
}

/**
 * When a change is dated: a record's own time where its snapshot has one (a county decision
 * applied today may be dated yesterday), else when it was recorded.
 */
const DATED = "coalesce(json_extract(payload, '$.updated_at'), json_extract(payload, '$.updatedAt'), occurred_at)";
/** After the last close, dated before today; the closes' own events are not the day's business. */
const LATE_WHERE = `seq > @after AND entity <> 'day_close' AND (occurred_at < @start OR ${DATED} < @start)`;

const STATUS_COUNT: Record<string, DayCountKey> = { completed: 'completed', forwarded: 'forwarded', returned: 'returned', cancelled: 'cancelled', collected: 'handedOver', delivered: 'handedOver' };

type ByRow = { by: string | null; n: number };

export function createGlance(db: Db) {
  const q = {
    accepted: db.prepare<[string, string], ByRow>('SELECT accepted_by AS by, count(*) AS n FROM intake_records WHERE accepted_at >= ? AND accepted_at < ? GROUP BY accepted_by'),
    // status changes only: an acceptance is counted from the record (its first event has no from_status),
    // and a history line that keeps the status (the county assigning a department) is no step
    steps: db.prepare<[string, string], ByRow & { to: string }>(
      'SELECT by, to_status AS "to", count(*) AS n FROM intake_events WHERE at >= ? AND at < ? AND from_status IS NOT NULL AND from_status <> to_status GROUP BY by, to_status',
    ),
    overdue: db.prepare<{ nowIso: string; today: string }, ByRow>(
      `SELECT accepted_by AS by, count(*) AS n FROM intake_records r
        WHERE r.status IN ${OPEN_SQL} AND (CASE WHEN r.promised_at IS NOT NULL THEN r.promised_at < @nowIso ELSE r.promised_date < @today END)
        GROUP BY accepted_by`,
    ),
    notices: db.prepare<[string, string], ByRow>('SELECT issued_by AS by, count(*) AS n FROM intake_notices WHERE issued_at >= ? AND issued_at < ? GROUP BY issued_by'),
    receipts: db.prepare<[string, string], ByRow>("SELECT created_by AS by, count(*) AS n FROM documents WHERE kind = 'intake.acceptance' AND created_at >= ? AND created_at < ? GROUP BY created_by"),
    reprints: db.prepare<[string, string], ByRow>('SELECT created_by AS by, count(*) AS n FROM document_copies WHERE reprint_no IS NOT NULL AND created_at >= ? AND created_at < ? GROUP BY created_by'),
    receiptRange: db.prepare<[string, string], { first: string | null; last: string | null }>('SELECT min(receipt_no) AS first, max(receipt_no) AS last FROM intake_records WHERE accepted_at >= ? AND accepted_at < ?'),
    staffName: db.prepare<[string], { name: string }>('SELECT name FROM staff WHERE id = ?'),
    lastClose: db.prepare<[], { id: string; day: string; closed_at: string; through_seq: number }>('SELECT id, day, closed_at, through_seq FROM day_closes ORDER BY through_seq DESC, day DESC LIMIT 1'),
    headSeq: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM outbox'),
    hashes: db.prepare<[number, number], { hash: string }>('SELECT hash FROM outbox WHERE seq BETWEEN ? AND ? ORDER BY seq'),
    lateCount: db.prepare<{ after: number; start: string }, { n: number }>(`SELECT count(*) AS n FROM outbox WHERE ${LATE_WHERE}`),
    late: db.prepare<{ after: number; start: string; limit: number }, { seq: number; occurred_at: string; dated: string; entity: string; entity_id: string; op: string }>(
      `SELECT seq, occurred_at, min(occurred_at, ${DATED}) AS dated, entity, entity_id, op FROM outbox WHERE ${LATE_WHERE} ORDER BY seq DESC LIMIT @limit`,
    ),
    auditOf: db.prepare<[string, string, string], { action: string; name: string | null; actor_id: string | null }>(
      'SELECT a.action, a.actor_id, s.name FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id WHERE a.entity = ? AND a.entity_id = ? AND a.at = ? ORDER BY a.seq DESC LIMIT 1',
    ),
    receiptNo: db.prepare<[string], { no: string }>('SELECT receipt_no AS no FROM intake_records WHERE id = ?'),
    noticeNo: db.prepare<[string], { no: string }>('SELECT notice_no AS no FROM intake_notices WHERE id = ?'),
    transmittalNo: db.prepare<[string], { no: string }>('SELECT transmittal_no AS no FROM intake_transmittals WHERE id = ?'),
    documentNo: db.prepare<[string], { no: string }>('SELECT number AS no FROM documents WHERE id = ?'),
    closeDay: db.prepare<[string], { no: string }>('SELECT day AS no FROM day_closes WHERE id = ?'),
    after: db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM outbox WHERE seq > ? AND entity <> 'day_close'"),
  };

  /** A record named as a clerk knows it: its printed number, never a resident's personal data. */
  function recordText(entity: string, id: string): string {
    const kind = isEntityName(entity) ? ENTITIES[entity] : entity;
    const no =
      entity === 'intake' ? q.receiptNo.get(id)
      : entity === 'intake_notice' ? q.noticeNo.get(id)
      : entity === 'intake_transmittal' ? q.transmittalNo.get(id)
      : entity === 'document' ? q.documentNo.get(id)
      : entity === 'day_close' ? q.closeDay.get(id)
      : undefined;
    return no ? `${kind} ${no.no}` : `${kind} ${id.slice(0, 8)}`;
  }

  // The closes' own events (the close, the county's answer) are not changes to a day's business.
  function lateChanges(afterSeq: number, beforeIso: string): { shown: LateChange[]; total: number } {
    const total = q.lateCount.get({ after: afterSeq, start: beforeIso })?.n ?? 0;
    const shown = q.late
      .all({ after: afterSeq, start: beforeIso, limit: LATE_SHOWN })
      .reverse()
      .map((r): LateChange => {
        const a = q.auditOf.get(r.entity, r.entity_id, r.occurred_at);
        const action = a ? (ACTION_LABELS[a.action] ?? a.action) : r.op === 'create' ? '新增记录' : '修改记录';
        return { seq: r.seq, at: r.dated, action, record: recordText(r.entity, r.entity_id), actorName: a ? (a.name ?? (a.actor_id ? null : COUNTY_NAME)) : null };
      });
    return { shown, total };
  }

  /**
   * The day so far at `now`. Overdue is counted at `now`: the open items past their promised
   * date or time when the day is looked at (or closed).
   */
  function glance(day: string, now: Date): DayGlance {
    const [start, end] = dayBounds(day);
    const per = new Map<string, DayCounts>();
    const add = (by: string | null, key: DayCountKey, n: number) => {
      const k = by ?? '';
      const c = per.get(k) ?? zeroCounts();
      c[key] += n;
      per.set(k, c);
    };
    for (const r of q.accepted.all(start, end)) add(r.by, 'accepted', r.n);
    for (const r of q.steps.all(start, end)) {
      const key = STATUS_COUNT[r.to];
      if (key) add(r.by, key, r.n);
    }
    for (const r of q.overdue.all({ nowIso: now.toISOString(), today: day })) add(r.by, 'overdue', r.n);
    for (const r of q.notices.all(start, end)) add(r.by, 'notices', r.n);
    for (const r of q.receipts.all(start, end)) add(r.by, 'receipts', r.n);
    for (const r of q.reprints.all(start, end)) add(r.by, 'reprints', r.n);

    const totals = zeroCounts();
    const perClerk: ClerkDay[] = [...per.entries()].map(([staffId, counts]) => {
      for (const k of DAY_COUNT_KEYS) totals[k] += counts[k];
      return { staffId, name: staffId ? (q.staffName.get(staffId)?.name ?? staffId.slice(0, 8)) : COUNTY_NAME, counts };
    });
    perClerk.sort((a, b) => b.counts.accepted - a.counts.accepted || a.name.localeCompare(b.name, 'zh'));

    const range = q.receiptRange.get(start, end);
    const last = q.lastClose.get();
    const fromSeq = (last?.through_seq ?? 0) + 1;
    const throughSeq = q.headSeq.get()?.seq ?? 0;
    // Without an earlier close there is nothing "since the last close" to single out.
    const late = last ? lateChanges(last.through_seq, start) : { shown: [], total: 0 };
    return {
      day,
      totals,
      perClerk,
      firstReceiptNo: range?.first ?? null,
      lastReceiptNo: range?.last ?? null,
      fromSeq,
      throughSeq: Math.max(throughSeq, fromSeq - 1),
      lateChanges: late.shown,
      lateChangesTotal: late.total,
      lastClose: last ? { closeId: last.id, day: last.day, closedAt: last.closed_at } : null,
    };
  }

  /** The digest of the outbox events fromSeq..throughSeq (empty range: the digest of nothing). */
  function digest(fromSeq: number, throughSeq: number): string {
    return digestOf(q.hashes.all(fromSeq, throughSeq).map((r) => r.hash));
  }

  /** Business changes recorded after a close (they go on the next report). */
  function changesAfter(throughSeq: number): number {
    return q.after.get(throughSeq)?.n ?? 0;
  }

  return { glance, digest, changesAfter };
}
export type Glance = ReturnType<typeof createGlance>;
