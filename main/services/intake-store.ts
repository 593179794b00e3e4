/**
 * The intake_records row as read (with its clerk, its notice and its transmittal), the
 * record main answers, and the one writer of a status step: accept, 办结, 领取, 转报 and
 * 当场办结 all move a record through changeStatus, so each step is written the same way.
 */
import type { PromiseRow } from './calendar';
import type { Actor } from '../../common/actor';
import * as z from 'zod';
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import { newId } from '../clock';
import type { IntakeRecord } from '../../common/contracts/intake';
import { allowedNext, type ForwardChannel, type IntakeStatus } from '../../common/intake-status';
import { EligibilityWarning } from '../../common/eligibility';
import { maskIdNumber } from '../../common/idcard';
import { timeLimitText, type TimeLimit } from '../../common/catalogue';
import { AppError } from '../../common/errors';

export interface IntakeRow extends PromiseRow {
  id: string;
  receipt_no: string;
  resident_id: string;
  resident_name: string;
  resident_id_masked: string;
  item_code: string;
  item_version: string;
  item_name: string;
  item_category: string;
  department: string;
  forwarded: number;
  time_limit: string;
  materials_required: string;
  materials_received: string;
  note: string | null;
  status: IntakeStatus;
  accepted_at: string;
  accepted_by: string;
  accepted_by_name: string;
  promised_date: string;
  promised_at: string | null;
  completed_at: string | null;
  result: string | null;
  handover_kind: 'collected' | 'delivered' | null;
  handover_at: string | null;
  receiver_name: string | null;
  closed_reason: string | null;
  updated_at: string;
  version: number;
  on_the_spot: number;
  notice_id: string | null;
  notice_no: string | null;
  notice_issued_at: string | null;
  eligibility_warnings: string | null;
  transmittal_id: string | null;
  t_no: string | null;
  t_department: string | null;
  t_channel: ForwardChannel | null;
  t_channel_note: string | null;
  t_receiver_name: string | null;
  t_received_at: string | null;
  proxy_name: string | null;
  proxy_id_number: string | null;
  proxy_relation: string | null;
  county_decision: 'accepted' | 'completed' | 'returned' | null;
  county_department: string | null;
  county_result: string | null;
  county_reason: string | null;
  county_decided_at: string | null;
  county_decided_by: string | null;
}

export const SELECT_RECORD = `SELECT r.*, s.name AS accepted_by_name, n.notice_no, n.issued_at AS notice_issued_at,
    t.transmittal_no AS t_no, t.department AS t_department, t.channel AS t_channel, t.channel_note AS t_channel_note, t.receiver_name AS t_receiver_name, t.received_at AS t_received_at
  FROM intake_records r JOIN staff s ON s.id = r.accepted_by
  LEFT JOIN intake_notices n ON n.id = r.notice_id LEFT JOIN intake_transmittals t ON t.id = r.transmittal_id`;

/** The record without its calendar review, which needs the calendar service (intake.ts adds it). */
export function recordOf(r: IntakeRow, urgency: IntakeRecord['urgency']): Omit<IntakeRecord, 'calendar'> {
  const limit = JSON.parse(r.time_limit) as TimeLimit;
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    residentId: r.resident_id,
    residentName: r.resident_name,
    residentIdMasked: r.resident_id_masked,
    itemCode: r.item_code,
    itemVersion: r.item_version,
    itemName: r.item_name,
    itemCategory: r.item_category,
    department: r.department,
    forwarded: r.forwarded === 1,
    timeLimitText: timeLimitText(limit),
    materialsRequired: JSON.parse(r.materials_required) as string[],
    materialsReceived: JSON.parse(r.materials_received) as string[],
    note: r.note,
    status: r.status,
    acceptedAt: r.accepted_at,
    acceptedBy: r.accepted_by,
    acceptedByName: r.accepted_by_name,
    promisedDate: r.promised_date,
    promisedAt: r.promised_at,
    completedAt: r.completed_at,
    result: r.result,
    handoverKind: r.handover_kind,
    handoverAt: r.handover_at,
    receiverName: r.receiver_name,
    closedReason: r.closed_reason,
    updatedAt: r.updated_at,
    version: r.version,
    urgency,
    next: allowedNext(r.status, { forwarded: r.forwarded === 1 }),
    onTheSpot: r.on_the_spot === 1,
    notice: r.notice_id && r.notice_no && r.notice_issued_at ? { id: r.notice_id, noticeNo: r.notice_no, issuedAt: r.notice_issued_at } : null,
    eligibilityWarnings: r.eligibility_warnings ? z.array(EligibilityWarning).parse(JSON.parse(r.eligibility_warnings)) : [],
    transmittal:
      r.transmittal_id && r.t_no && r.t_department && r.t_channel && r.t_receiver_name && r.t_received_at
        ? { id: r.transmittal_id, transmittalNo: r.t_no, department: r.t_department, channel: r.t_channel, channelNote: r.t_channel_note, receiverName: r.t_receiver_name, receivedAt: r.t_received_at }
        : null,
    proxy: r.proxy_name ? { name: r.proxy_name, idMasked: maskIdNumber(r.proxy_id_number ?? ''), relation: r.proxy_relation ?? '' } : null,
    county:
      r.county_decision && r.county_decided_at
        ? { decision: r.county_decision, department: r.county_department, result: r.county_result, reason: r.county_reason, decidedAt: r.county_decided_at, decidedBy: r.county_decided_by ?? '' }
        : null,
  };
}
/** The county's decider has no staff row: the history keeps their name. */
function byName(actor: Actor): string | null {
  return actor.kind === 'county' ? actor.name : null;
}

/** Who a history line names: the staff member, or the county's decider. */
export const EVENT_BY_NAME_SQL = "coalesce(s.name, e.by_name || '（县级）')";

export function createIntakeStore(db: Db, clock: Clock) {
  const byId = db.prepare<[string], IntakeRow>(`${SELECT_RECORD} WHERE r.id = ?`);
  const step = db.prepare(
    `UPDATE intake_records SET status = @to, updated_at = @iso, version = version + 1,
       completed_at = CASE WHEN @to = 'completed' THEN @iso ELSE completed_at END,
       result = CASE WHEN @to = 'completed' THEN @result ELSE result END,
       handover_kind = CASE WHEN @to IN ('collected', 'delivered') THEN @to ELSE handover_kind END,
       handover_at = CASE WHEN @to IN ('collected', 'delivered') THEN @iso ELSE handover_at END,
       receiver_name = CASE WHEN @to IN ('collected', 'delivered') THEN @receiver ELSE receiver_name END,
       closed_reason = CASE WHEN @to IN ('returned', 'cancelled') THEN @reason ELSE closed_reason END
     WHERE id = @id`,
  );
  const event = db.prepare('INSERT INTO intake_events (id, intake_id, at, by, by_name, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');

  return {
    row(id: string): IntakeRow {
      const r = byId.get(id);
      if (!r) throw new AppError('NOT_FOUND', '未找到该代办事项');
      return r;
    },

    /** One step of the status machine on a record the caller has checked; inside the caller's transaction. */
    changeStatus(before: IntakeRow, to: IntakeStatus, v: { result?: string | undefined; reason?: string | undefined; receiverName?: string | undefined }, actor: Actor, iso: string): void {
      step.run({ id: before.id, to, iso, result: v.result ?? null, receiver: v.receiverName ?? null, reason: v.reason ?? null });
      event.run(newId(clock), before.id, iso, actor.id, byName(actor), before.status, to, v.reason ?? v.result ?? null);
    },

    /** A history line that is not a status step (the county assigning a department); the status stays. */
    noteEvent(before: IntakeRow, reason: string, actor: Actor, iso: string): void {
      event.run(newId(clock), before.id, iso, actor.id, byName(actor), before.status, before.status, reason);
    },
  };
}

export type IntakeStore = ReturnType<typeof createIntakeStore>;
