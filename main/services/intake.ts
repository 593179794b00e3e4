/**
 * 代办 intake: accept a resident's affair against the catalogue, number it, promise a date
 * from the working-day calendar, track it through the status machine, and issue the
 * 受理回执 / 补正通知 / 办结回执. Records and their audit entries commit together; a
 * document is made only after its record is durably committed.
 */
import type { ServiceContext, ApiPart } from '../context';
import type { intakeCalls, IntakeRecord } from '../../common/contracts/intake';
import { allowedNext, canTransition, INTAKE_STATUS_LABELS, OPEN_STATUSES, requiredFor, type IntakeStatus } from '../../common/intake-status';
import { formatNumber, type NumberKind } from '../../common/numbering';
import { stationDate } from '../../common/time';
import { AppError } from '../../common/errors';
import { maskIdNumber } from '../../common/idcard';
import { timeLimitText, type TimeLimit } from '../../common/catalogue';
import type { PrintableDocument, StationHeader, ApplicantLine } from '../pdf/types';
import { newId } from '../clock';
import { nextSerial } from './serials';
import { createKeyedQueue } from '../one-at-a-time';
import { loadWorkCalendar, missingCalendarMessage } from './calendar';
import type { Residents } from './residents';
import type { Catalogue } from './catalogue';
import type { Documents } from './documents';
import { log } from '../log';

type IntakeCall = keyof typeof intakeCalls;

interface Row {
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
}

const SELECT = 'SELECT r.*, s.name AS accepted_by_name FROM intake_records r JOIN staff s ON s.id = r.accepted_by';
const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** Past its promise: an hour limit by the instant, a day limit by the station's date. */
const OVERDUE_SQL = 'CASE WHEN r.promised_at IS NOT NULL THEN r.promised_at < @nowIso ELSE r.promised_date < @today END';

export function createIntake(ctx: ServiceContext, deps: { residents: Residents; catalogue: Catalogue; documents: Documents }) {
  const { db, clock, audit, auth } = ctx;
  const calendar = loadWorkCalendar(ctx.resourcesDir);

  /** "today" and the overdue / due-soon thresholds, at the station's clock. */
  function now() {
    const at = clock.now();
    const today = stationDate(at);
    return { iso: at.toISOString(), today, nextWorkday: calendar.nextWorkday(today) };
  }

  /** UTC bounds of the station's calendar day. */
  function dayBounds(day: string): [string, string] {
    const start = new Date(`${day}T00:00:00+08:00`);
    return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
  }

  function urgencyOf(r: Pick<Row, 'status' | 'promised_date' | 'promised_at'>, n = now()): IntakeRecord['urgency'] {
    if (!OPEN_STATUSES.includes(r.status)) return 'closed';
    if (r.promised_at ? r.promised_at < n.iso : r.promised_date < n.today) return 'overdue';
    if (r.promised_date <= n.nextWorkday) return 'dueSoon';
    return 'normal';
  }

  function toRecord(r: Row, n = now()): IntakeRecord {
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
      urgency: urgencyOf(r, n),
      next: allowedNext(r.status, { forwarded: r.forwarded === 1 }),
    };
  }

  function row(id: string): Row {
    const r = db.prepare<[string], Row>(`${SELECT} WHERE r.id = ?`).get(id);
    if (!r) throw new AppError('NOT_FOUND', '未找到该代办事项');
    return r;
  }

  function promise(limit: TimeLimit, at: Date) {
    const today = stationDate(at);
    if (limit.unit === 'hours') {
      const promisedAt = new Date(at.getTime() + limit.value * 3_600_000).toISOString();
      return { promisedDate: stationDate(promisedAt), promisedAt, calendarWarning: null };
    }
    if (limit.unit === 'immediate') return { promisedDate: today, promisedAt: null, calendarWarning: null };
    const r = calendar.addWorkdays(today, limit.value);
    return { promisedDate: r.date, promisedAt: null, calendarWarning: missingCalendarMessage(r.yearsWithoutData) };
  }

  function stationHeader(): StationHeader {
    const s = ctx.station.get();
    if (!s) throw new AppError('UNAVAILABLE', '站点尚未完成初始设置');
    return { code: s.code, name: s.name, county: s.county, address: s.address, phone: s.phone };
  }

  function applicant(residentId: string): ApplicantLine & { id: string } {
    const r = deps.residents.get(residentId);
    return { id: r.id, name: r.name, idMasked: maskIdNumber(r.idNumber), phone: r.phone ?? '', address: r.address ?? '' };
  }

  /** Received materials must come from the item's list; returns what is still missing. */
  function checkMaterials(required: string[], received: string[]): string[] {
    const unknown = received.filter((m) => !required.includes(m));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION', `材料“${unknown[0]}”不在该事项的材料清单中`, { materialsReceived: '材料与事项不符，请重新勾选' });
    }
    return required.filter((m) => !received.includes(m));
  }

  function number(kind: NumberKind, stationCode: string, day: string): string {
    return formatNumber(kind, stationCode, day, nextSerial(db, kind, day));
  }

  /** Makes the printed document after the commit; a failure leaves the saved record alone. */
  async function issue(doc: PrintableDocument, ref: { entity: string; entityId: string; number: string }, actorId: string) {
    try {
      // The PDF follows the id: the preview opens now and waits for it (documents-pending.ts).
      const d = deps.documents.issueSoon(doc, ref, actorId);
      return { documentId: d.id, documentError: null };
    } catch (err) {
      log.error('document not issued', { kind: doc.kind, entityId: ref.entityId, error: err instanceof Error ? err.name : 'unknown' });
      const why = err instanceof AppError ? err.message : '生成 PDF 时出错';
      return { documentId: null, documentError: `记录已保存（${ref.number}），但单据未能生成：${why}。可在事项详情或本页点“重新生成回执”再试；如仍失败请联系管理员。` };
    }
  }

  /** The 受理回执, from the record as accepted: the same paper whenever it is made. */
  function acceptanceDoc(r: Row): PrintableDocument {
    const station = stationHeader();
    const limit = JSON.parse(r.time_limit) as TimeLimit;
    return {
      kind: 'intake.acceptance',
      data: {
        station,
        receiptNo: r.receipt_no,
        item: { code: r.item_code, name: r.item_name, category: r.item_category, department: r.department, forwarded: r.forwarded === 1 },
        applicant: { ...applicant(r.resident_id), name: r.resident_name, idMasked: r.resident_id_masked },
        materialsReceived: JSON.parse(r.materials_received) as string[],
        acceptedAt: r.accepted_at,
        promisedDate: r.promised_date,
        timeLimitText: timeLimitText(limit),
        clerkName: r.accepted_by_name,
        progressHint: `凭回执编号到${station.name}窗口，或致电 ${station.phone} 查询办理进度`,
        qrPayload: r.receipt_no,
      },
    };
  }

  function completionDoc(r: Row): PrintableDocument {
    return {
      kind: 'intake.completion',
      data: {
        station: stationHeader(),
        receiptNo: r.receipt_no,
        item: { code: r.item_code, name: r.item_name },
        applicant: { ...applicant(r.resident_id), name: r.resident_name, idMasked: r.resident_id_masked },
        acceptedAt: r.accepted_at,
        completedAt: r.completed_at ?? r.updated_at,
        result: r.result ?? '',
        handover: r.handover_kind && r.handover_at ? { kind: r.handover_kind === 'collected' ? '领取' : '送达', at: r.handover_at, receiverName: r.receiver_name ?? '' } : null,
        clerkName: auth.require().name,
      },
    };
  }

  const reissueQueue = createKeyedQueue();

  async function reissue(id: string): Promise<{ documentId: string }> {
    const me = auth.require();
    // A document still being made counts as made: a double click must not make two.
    await deps.documents.settledFor('intake', id);
    const r = row(id);
    const have = (kind: string) => deps.documents.listFor('intake', id).filter((d) => d.kind === kind).length;
    const completions = r.status === 'completed' ? 1 : r.status === 'collected' || r.status === 'delivered' ? 2 : 0;
    const doc = have('intake.acceptance') === 0 ? acceptanceDoc(r) : have('intake.completion') < completions ? completionDoc(r) : null;
    if (!doc) throw new AppError('CONFLICT', '该事项的单据齐全，无需重新生成；如需再打一份，请在单据预览中点“补打”');
    const issued = await issue(doc, { entity: 'intake', entityId: id, number: r.receipt_no }, me.id);
    if (!issued.documentId) throw new AppError('UNAVAILABLE', issued.documentError ?? '单据未能生成');
    return { documentId: issued.documentId };
  }

  const api: ApiPart<IntakeCall> = {
    async 'intake.preview'({ itemCode }) {
      auth.require();
      const item = deps.catalogue.getItem(itemCode);
      return { ...promise(item.timeLimit, clock.now()), timeLimitText: timeLimitText(item.timeLimit) };
    },

    async 'intake.notice'({ residentId, itemCode, materialsReceived, note }) {
      const me = auth.require();
      const item = deps.catalogue.getItem(itemCode);
      const person = applicant(residentId);
      const missing = checkMaterials(item.materials, materialsReceived);
      if (missing.length === 0) throw new AppError('VALIDATION', '材料已齐全，无需补正，可直接受理');
      const at = clock.now();
      const station = stationHeader();
      const id = newId(clock);
      const noticeNo = db
        .transaction(() => {
          const no = number('notice', station.code, stationDate(at));
          db.prepare(
            `INSERT INTO intake_notices (id, notice_no, resident_id, resident_name, item_code, item_version, item_name, materials_required, materials_received, materials_missing, note, issued_at, issued_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(id, no, person.id, person.name, item.code, String(item.version), item.name, JSON.stringify(item.materials), JSON.stringify(materialsReceived), JSON.stringify(missing), note ?? null, at.toISOString(), me.id);
          audit.append({ actorId: me.id, action: 'intake.notice', entity: 'intake_notice', entityId: id, detail: { noticeNo: no, itemCode: item.code, missing: missing.length } });
          return no;
        })
        .immediate();
      const issued = await issue(
        {
          kind: 'intake.correction',
          data: {
            station,
            noticeNo,
            item: { code: item.code, name: item.name, department: item.department },
            applicant: person,
            materialsRequired: item.materials,
            materialsReceived,
            materialsMissing: missing,
            issuedAt: at.toISOString(),
            clerkName: me.name,
            ...(note ? { note } : {}),
          },
        },
        { entity: 'intake_notice', entityId: id, number: noticeNo },
        me.id,
      );
      return { ...issued, noticeNo, missing };
    },

    async 'intake.accept'({ residentId, itemCode, materialsReceived, note }) {
      const me = auth.require();
      const item = deps.catalogue.getItem(itemCode);
      const person = applicant(residentId);
      const missing = checkMaterials(item.materials, materialsReceived);
      if (missing.length > 0) {
        throw new AppError('VALIDATION', `材料不齐，缺少：${missing.join('、')}。请先出具一次性告知书，材料补齐后再受理。`, { materialsReceived: `缺少 ${missing.length} 项材料` });
      }
      const at = clock.now();
      const station = stationHeader();
      const p = promise(item.timeLimit, at);
      const id = newId(clock);
      const r = db
        .transaction(() => {
          const receiptNo = number('receipt', station.code, stationDate(at));
          const iso = at.toISOString();
          db.prepare(
            `INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded,
               time_limit, materials_required, materials_received, note, status, accepted_at, accepted_by, promised_date, promised_at, updated_at, version)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?, 1)`,
          ).run(
            id,
            receiptNo,
            person.id,
            person.name,
            person.idMasked,
            item.code,
            String(item.version),
            item.name,
            item.category,
            item.department,
            item.forwarded ? 1 : 0,
            JSON.stringify(item.timeLimit),
            JSON.stringify(item.materials),
            JSON.stringify(materialsReceived),
            note ?? null,
            iso,
            me.id,
            p.promisedDate,
            p.promisedAt,
            iso,
          );
          db.prepare('INSERT INTO intake_events (id, intake_id, at, by, from_status, to_status, reason) VALUES (?, ?, ?, ?, NULL, ?, NULL)').run(newId(clock), id, iso, me.id, 'accepted');
          audit.append({ actorId: me.id, action: 'intake.accept', entity: 'intake', entityId: id, detail: { receiptNo, itemCode: item.code, promisedDate: p.promisedDate } });
          return row(id);
        })
        .immediate();
      const issued = await issue(acceptanceDoc(r), { entity: 'intake', entityId: id, number: r.receipt_no }, me.id);
      return { ...issued, record: toRecord(r) };
    },

    async 'intake.transition'({ id, to, version, reason, result, receiverName }) {
      const me = auth.require();
      const r = db
        .transaction(() => {
          const before = row(id);
          if (before.version !== version) throw new AppError('CONFLICT', '该事项刚被其他人更新过，请刷新后再操作');
          const forwarded = before.forwarded === 1;
          if (!canTransition(before.status, to, { forwarded })) {
            const why =
              to === 'cancelled' && !OPEN_STATUSES.includes(before.status)
                ? '（已办结的事项不能撤销）'
                : to === 'forwarded' && !forwarded
                  ? '（该事项不需转报县级部门）'
                  : to === 'completed' && forwarded
                    ? '（该事项须先转报县级部门，由县级部门办结）'
                    : '';
            throw new AppError('CONFLICT', `不能从“${INTAKE_STATUS_LABELS[before.status]}”变为“${INTAKE_STATUS_LABELS[to]}”${why}`);
          }
          const need = requiredFor(to);
          if (need === 'reason' && !reason) throw new AppError('VALIDATION', `请填写${INTAKE_STATUS_LABELS[to]}原因`, { reason: '请填写原因' });
          if (need === 'result' && !result) throw new AppError('VALIDATION', '请填写办理结果', { result: '请填写办理结果' });
          if (need === 'receiver' && !receiverName) throw new AppError('VALIDATION', to === 'collected' ? '请填写领取人姓名' : '请填写签收人姓名', { receiverName: '请填写姓名' });
          const iso = clock.now().toISOString();
          db.prepare(
            `UPDATE intake_records SET status = @to, updated_at = @iso, version = version + 1,
               completed_at = CASE WHEN @to = 'completed' THEN @iso ELSE completed_at END,
               result = CASE WHEN @to = 'completed' THEN @result ELSE result END,
               handover_kind = CASE WHEN @to IN ('collected', 'delivered') THEN @to ELSE handover_kind END,
               handover_at = CASE WHEN @to IN ('collected', 'delivered') THEN @iso ELSE handover_at END,
               receiver_name = CASE WHEN @to IN ('collected', 'delivered') THEN @receiver ELSE receiver_name END,
               closed_reason = CASE WHEN @to IN ('returned', 'cancelled') THEN @reason ELSE closed_reason END
             WHERE id = @id`,
          ).run({ id, to, iso, result: result ?? null, receiver: receiverName ?? null, reason: reason ?? null });
          db.prepare('INSERT INTO intake_events (id, intake_id, at, by, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
            newId(clock),
            id,
            iso,
            me.id,
            before.status,
            to,
            reason ?? result ?? null,
          );
          audit.append({ actorId: me.id, action: 'intake.transition', entity: 'intake', entityId: id, detail: { receiptNo: before.receipt_no, from: before.status, to } });
          return row(id);
        })
        .immediate();
      const printsReceipt = to === 'completed' || to === 'collected' || to === 'delivered';
      const issued = printsReceipt ? await issue(completionDoc(r), { entity: 'intake', entityId: id, number: r.receipt_no }, me.id) : { documentId: null, documentError: null };
      return { ...issued, record: toRecord(r) };
    },

    /** Makes the document a record should have but lacks (its making failed after the commit). */
    'intake.reissue'({ id }) {
      // One at a time per record: a double click must not make two originals.
      return reissueQueue(id, () => reissue(id));
    },

    async 'intake.get'({ id }) {
      auth.require();
      const events = db
        .prepare<[string], { at: string; by_name: string; from_status: IntakeStatus | null; to_status: IntakeStatus; reason: string | null }>(
          'SELECT e.at, s.name AS by_name, e.from_status, e.to_status, e.reason FROM intake_events e JOIN staff s ON s.id = e.by WHERE e.intake_id = ? ORDER BY e.at, e.rowid',
        )
        .all(id);
      return { record: toRecord(row(id)), events: events.map((e) => ({ at: e.at, byName: e.by_name, from: e.from_status, to: e.to_status, reason: e.reason })) };
    },

    async 'intake.list'({ view, status, itemCode, residentId, limit }) {
      const me = auth.require();
      const n = now();
      const [dayStart, dayEnd] = dayBounds(n.today);
      const params: Record<string, string | number> = { limit, nowIso: n.iso, today: n.today, next: n.nextWorkday, dayStart, dayEnd, me: me.id };
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
      const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit`;
      const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
      return db
        .prepare<Record<string, string | number>, Row>(sql)
        .all(used)
        .map((r) => toRecord(r, n));
    },

    async 'intake.counts'() {
      const me = auth.require();
      const n = now();
      const [dayStart, dayEnd] = dayBounds(n.today);
      const overdue = `(${OVERDUE_SQL})`;
      const c = db
        .prepare<Record<string, string>, { today: number; mine: number; overdue: number; dueSoon: number; open: number }>(
          `SELECT
             coalesce(sum(r.accepted_at >= @dayStart AND r.accepted_at < @dayEnd), 0) AS today,
             coalesce(sum(r.accepted_by = @me AND r.status IN ${OPEN_SQL}), 0) AS mine,
             coalesce(sum(r.status IN ${OPEN_SQL} AND ${overdue}), 0) AS overdue,
             coalesce(sum(r.status IN ${OPEN_SQL} AND r.promised_date <= @next AND NOT ${overdue}), 0) AS dueSoon,
             coalesce(sum(r.status IN ${OPEN_SQL}), 0) AS open
           FROM intake_records r`,
        )
        .get({ dayStart, dayEnd, me: me.id, nowIso: n.iso, today: n.today, next: n.nextWorkday })!;
      return c;
    },
  };

  return { api, calendar };
}
