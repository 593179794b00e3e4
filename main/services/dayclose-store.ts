/** The day_closes table (migration 0013): its row, its readers and its one writer per change. */
import * as z from 'zod';
import type { Db } from '../db/open';
import type { Tx } from '../db/write';
import { AppError } from '../../common/errors';
import { DayGlance, type DayCloseDetail, type DayCloseStatus, type DayCloseSummary } from '../../common/contracts/dayclose';
import type { DayCloseRequest } from '../../common/county/protocol';

export interface DayCloseRow {
  id: string;
  request_id: string;
  day: string;
  from_seq: number;
  through_seq: number;
  digest: string;
  counts: string;
  summary: string;
  first_receipt_no: string | null;
  last_receipt_no: string | null;
  audit_seq: number;
  audit_hash: string;
  closed_at: string;
  closed_by: string;
  closed_by_name: string;
  county_status: DayCloseStatus;
  county_reason: string | null;
  county_answer: string | null;
  county_answered_at: string | null;
  county_tried_at: string | null;
  report_document_id: string | null;
  reprint_count: number;
  version: number;
}

const SELECT = 'SELECT c.*, s.name AS closed_by_name FROM day_closes c JOIN staff s ON s.id = c.closed_by';
const Counts = z.record(z.string(), z.number().int().min(0));

export function summaryOf(r: DayCloseRow): DayCloseSummary {
  return {
    closeId: r.id,
    day: r.day,
    fromSeq: r.from_seq,
    throughSeq: r.through_seq,
    digest: r.digest,
    firstReceiptNo: r.first_receipt_no,
    lastReceiptNo: r.last_receipt_no,
    auditHead: { seq: r.audit_seq, hash: r.audit_hash },
    closedAt: r.closed_at,
    closedBy: { id: r.closed_by, name: r.closed_by_name },
    county: { status: r.county_status, reason: r.county_reason, answeredAt: r.county_answered_at, triedAt: r.county_tried_at },
    documentId: r.report_document_id,
    reprintCount: r.reprint_count,
  };
}

/** The figures as frozen at the close, checked again: they are read back from a file. */
export function detailOf(r: DayCloseRow): DayCloseDetail {
  return { ...summaryOf(r), glance: DayGlance.parse(JSON.parse(r.summary)) };
}

/** What the county is sent: the protocol's DayCloseRequest, from the row alone. */
export function requestOf(r: DayCloseRow): DayCloseRequest {
  return {
    closeId: r.id,
    day: r.day,
    fromSeq: r.from_seq,
    throughSeq: r.through_seq,
    digest: r.digest,
    counts: Counts.parse(JSON.parse(r.counts)),
    firstReceiptNo: r.first_receipt_no,
    lastReceiptNo: r.last_receipt_no,
    auditHead: { seq: r.audit_seq, hash: r.audit_hash },
    closedAt: r.closed_at,
    closedBy: r.closed_by_name.slice(0, 30),
  };
}

/** The record's full state for its outbox event (no personal data: figures, numbers, hashes). */
export function snapshotOf(r: DayCloseRow) {
  return { ...requestOf(r), county: summaryOf(r).county, reprintCount: r.reprint_count, version: r.version };
}

export type NewClose = Omit<DayCloseRow, 'closed_by_name' | 'county_status' | 'county_answer' | 'county_answered_at' | 'county_tried_at' | 'report_document_id' | 'reprint_count' | 'version'> & { county_reason: string | null };

export function createDayCloseStore(db: Db) {
  const byId = db.prepare<[string], DayCloseRow>(`${SELECT} WHERE c.id = ?`);
  const byDay = db.prepare<[string], DayCloseRow>(`${SELECT} WHERE c.day = ?`);
  const byRequest = db.prepare<[string], DayCloseRow>(`${SELECT} WHERE c.request_id = ?`);
  const pending = db.prepare<[], DayCloseRow>(`${SELECT} WHERE c.county_status = 'pending' ORDER BY c.through_seq, c.day`);
  const list = db.prepare<[string, number], DayCloseRow>(`${SELECT} WHERE c.day < ? ORDER BY c.day DESC LIMIT ?`);
  const insert = db.prepare(
    `INSERT INTO day_closes (id, request_id, day, from_seq, through_seq, digest, counts, summary, first_receipt_no, last_receipt_no, audit_seq, audit_hash, closed_at, closed_by, county_reason)
     VALUES (@id, @request_id, @day, @from_seq, @through_seq, @digest, @counts, @summary, @first_receipt_no, @last_receipt_no, @audit_seq, @audit_hash, @closed_at, @closed_by, @county_reason)`,
  );
  const setAnswer = db.prepare(
    `UPDATE day_closes SET county_status = @status, county_reason = @reason, county_answer = @answer, county_answered_at = coalesce(@answeredAt, county_answered_at),
       county_tried_at = @triedAt, version = version + @bump WHERE id = @id`,
  );
  const setReport = db.prepare('UPDATE day_closes SET report_document_id = ?, reprint_count = reprint_count + ? WHERE id = ?');

  return {
    get(id: string): DayCloseRow {
      const r = byId.get(id);
      if (!r) throw new AppError('NOT_FOUND', '未找到该日结记录');
      return r;
    },
    find: (id: string) => byId.get(id),
    forDay: (day: string) => byDay.get(day),
    forRequest: (requestId: string) => byRequest.get(requestId),
    pending: () => pending.all(),
    list: (beforeDay: string, limit: number) => list.all(beforeDay, limit),

    insert(tx: Tx, row: NewClose, actorId: string): DayCloseRow {
      insert.run(row);
      const r = byId.get(row.id)!;
      tx.change({ actorId, action: 'day_close.close', entity: 'day_close', entityId: r.id, op: 'create', version: r.version, snapshot: snapshotOf(r), detail: { day: r.day, fromSeq: r.from_seq, throughSeq: r.through_seq } });
      return r;
    },

    /**
     * The county's answer (or why none came). A change of status is a change of the record:
     * audited and sent as an event; a retry that changes only the reason is delivery state.
     */
    answer(tx: Tx, before: DayCloseRow, a: { status: DayCloseStatus; reason: string | null; answer: string | null; answeredAt: string | null; triedAt: string }): DayCloseRow {
      const bump = a.status !== before.county_status ? 1 : 0;
      setAnswer.run({ id: before.id, ...a, bump });
      const r = byId.get(before.id)!;
      if (bump) {
        tx.change({ actorId: null, action: 'day_close.confirm', entity: 'day_close', entityId: r.id, op: 'update', version: r.version, snapshot: snapshotOf(r), detail: { day: r.day, status: r.county_status } });
      }
      return r;
    },

    setReport(id: string, documentId: string, reprinted: boolean): void {
      setReport.run(documentId, reprinted ? 1 : 0, id);
    },
  };
}
