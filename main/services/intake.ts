/**
 * 代办 intake: accept a resident's affair against the catalogue, number it, promise a date
 * from the working-day calendar, track it through the status machine, and issue the
 * 受理回执 / 补正通知 / 办结回执. Records and their audit entries commit together; a
 * document is made only after its record is durably committed.
 */
import type { ServiceContext, ApiPart } from '../context';
import type { intakeCalls, IntakeRecord } from '../../common/contracts/intake';
import { canTransition, INTAKE_STATUS_LABELS, OPEN_STATUSES, requiredFor, type IntakeStatus } from '../../common/intake-status';
import { formatNumber, type NumberKind } from '../../common/numbering';
import { stationDate } from '../../common/time';
import { AppError } from '../../common/errors';
import { maskIdNumber } from '../../common/idcard';
import { timeLimitText, type TimeLimit } from '../../common/catalogue';
import type { PrintableDocument, StationHeader, ApplicantLine } from '../pdf/types';
import { newId } from '../clock';
import { nextSerial } from './serials';
import { createKeyedQueue } from '../one-at-a-time';
import type { Calendar } from './calendar';
import type { Residents } from './residents';
import type { Catalogue } from './catalogue';
import type { Documents } from './documents';
import { log } from '../log';
import { createIntakeChecks } from './intake-checks';
import { createIntakeStore, recordOf, SELECT_RECORD, type IntakeRow as Row } from './intake-store';
import { createIntakeForward } from './intake-forward';
import { createIntakeNotices } from './intake-notices';
import { newCheckCode, onlineProgress } from './intake-check-code';

type IntakeCall = keyof typeof intakeCalls;


const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** Past its promise: an hour limit by the instant, a day limit by the station's date. */
const OVERDUE_SQL = 'CASE WHEN r.promised_at IS NOT NULL THEN r.promised_at < @nowIso ELSE r.promised_date < @today END';

export function createIntake(ctx: ServiceContext, deps: { residents: Residents; catalogue: Catalogue; documents: Documents; calendar: Calendar }) {
  const { db, clock, auth, write } = ctx;
  const { calendar } = deps;
  const extra = createIntakeChecks(db, clock, deps.residents);
  const store = createIntakeStore(db, clock);
  const { row, changeStatus } = store;

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
    return { ...recordOf(r, urgencyOf(r, n)), calendar: calendar.review(r) };
  }

  function promise(limit: TimeLimit, at: Date) {
    return calendar.promise(limit, at);
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
    const online = onlineProgress(ctx.countyPublicUrl, r.receipt_no, r.check_code);
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
        promiseCaveat: calendar.caveat(r),
        timeLimitText: timeLimitText(limit),
        clerkName: r.accepted_by_name,
        progressHint: `凭回执编号到${station.name}窗口，或致电 ${station.phone} 查询办理进度`,
        qrPayload: r.receipt_no,
        ...(online ? { online } : {}),
        ...(r.on_the_spot === 1 && r.completed_at
          ? { onTheSpot: { completedAt: r.completed_at, result: r.result ?? '', handedOverTo: r.handover_kind === 'collected' ? (r.receiver_name ?? r.resident_name) : null } }
          : {}),
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
        ...(r.proxy_name ? { proxy: { name: r.proxy_name, idMasked: maskIdNumber(r.proxy_id_number ?? ''), relation: r.proxy_relation ?? '' } } : {}),
        clerkName: auth.require().name,
      },
    };
  }



  const forwarding = createIntakeForward<Row>(ctx, { row, changeStatus, stationHeader, number });
  const notices = createIntakeNotices(db, deps.documents);

  const reissueQueue = createKeyedQueue();

  async function reissue(id: string): Promise<{ documentId: string }> {
    const me = auth.require();
    // A document still being made counts as made: a double click must not make two.
    await deps.documents.settledFor('intake', id);
    const r = row(id);
    const have = (kind: string) => deps.documents.listFor('intake', id).filter((d) => d.kind === kind).length;
    // an on-the-spot record's one receipt says it was completed: it has no separate 办结回执
    const completions = r.on_the_spot === 1 ? 0 : r.status === 'completed' ? 1 : r.status === 'collected' || r.status === 'delivered' ? 2 : 0;
    const doc = have('intake.acceptance') === 0 ? acceptanceDoc(r) : have('intake.completion') < completions ? completionDoc(r) : null;
    if (!doc) throw new AppError('CONFLICT', '该事项的单据齐全，无需重新生成；如需再打一份，请在单据预览中点“补打”');
    const issued = await issue(doc, { entity: 'intake', entityId: id, number: r.receipt_no }, me.id);
    if (!issued.documentId) throw new AppError('UNAVAILABLE', issued.documentError ?? '单据未能生成');
    return { documentId: issued.documentId };
  }

  const api: ApiPart<IntakeCall> = {
    async 'intake.preview'({ itemCode, residentId }) {
      auth.require();
      const item = deps.catalogue.getItem(itemCode);
      const about = residentId ? { warnings: extra.eligibility(item, residentId), notice: extra.openNotice(residentId, item.code) } : { warnings: [], notice: null };
      return { ...promise(item.timeLimit, clock.now()), timeLimitText: timeLimitText(item.timeLimit), ...about };
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
      const noticeNo = write((tx) => {
          const no = number('notice', station.code, stationDate(at));
          db.prepare(
            `INSERT INTO intake_notices (id, notice_no, resident_id, resident_name, item_code, item_version, item_name, materials_required, materials_received, materials_missing, note, issued_at, issued_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(id, no, person.id, person.name, item.code, String(item.version), item.name, JSON.stringify(item.materials), JSON.stringify(materialsReceived), JSON.stringify(missing), note ?? null, at.toISOString(), me.id);
          const notice: unknown = db.prepare('SELECT * FROM intake_notices WHERE id = ?').get(id);
          tx.change({ actorId: me.id, action: 'intake_notice.issue', entity: 'intake_notice', entityId: id, op: 'create', snapshot: notice, detail: { noticeNo: no, itemCode: item.code, missing: missing.length } });
          return no;
        });
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

    async 'intake.accept'({ residentId, itemCode, materialsReceived, note, overrideWarnings, onTheSpot }) {
      const me = auth.require();
      const item = deps.catalogue.getItem(itemCode);
      const person = applicant(residentId);
      const missing = checkMaterials(item.materials, materialsReceived);
      if (missing.length > 0) {
        throw new AppError('VALIDATION', `材料不齐，缺少：${missing.join('、')}。请先出具一次性告知书，材料补齐后再受理。`, { materialsReceived: `缺少 ${missing.length} 项材料` });
      }
      if (onTheSpot) extra.checkOnTheSpot(item);
      const warnings = extra.eligibility(item, residentId);
      if (warnings.length > 0 && !overrideWarnings) {
        throw new AppError('VALIDATION', `${warnings.map((w) => w.message).join('；')}。请核实；确需受理的，勾选“已核实，仍予受理”后再受理。`, { overrideWarnings: '请核实办理条件' });
      }
      const at = clock.now();
      const station = stationHeader();
      const p = promise(item.timeLimit, at);
      const id = newId(clock);
      const r = write((tx) => {
          const receiptNo = number('receipt', station.code, stationDate(at));
          const iso = at.toISOString();
          db.prepare(
            `INSERT INTO intake_records (id, receipt_no, check_code, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded,
               time_limit, materials_required, materials_received, note, status, accepted_at, accepted_by, promised_date, promised_at, updated_at, version)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?, 1)`,
          ).run(
            id,
            receiptNo,
            newCheckCode(),
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
          calendar.stamp(id, p);
          db.prepare('INSERT INTO intake_events (id, intake_id, at, by, from_status, to_status, reason) VALUES (?, ?, ?, ?, NULL, ?, NULL)').run(newId(clock), id, iso, me.id, 'accepted');
          const linked = extra.afterAccept(id, { residentId: person.id, itemCode: item.code, warnings, onTheSpot: !!onTheSpot });
          if (onTheSpot) {
            // The same status machine a later 办结 would walk, in the same transaction and instant.
            changeStatus(row(id), 'completed', { result: onTheSpot.result }, me.id, iso);
            if (onTheSpot.handedOver) changeStatus(row(id), 'collected', { receiverName: person.name }, me.id, iso);
          }
          const after = row(id);
          tx.change({
            actorId: me.id,
            action: onTheSpot ? 'intake.acceptOnTheSpot' : 'intake.accept',
            entity: 'intake',
            entityId: id,
            op: 'create',
            version: after.version,
            snapshot: after,
            detail: {
              receiptNo,
              itemCode: item.code,
              promisedDate: p.promisedDate,
              ...(onTheSpot ? { handedOver: onTheSpot.handedOver } : {}),
              ...(linked ? { noticeNo: linked } : {}),
              // which rules warned, never the resident's age or tags
              ...(warnings.length > 0 ? { warningsOverridden: warnings.map((w) => w.rule) } : {}),
            },
          });
          return after;
        });
      const issued = await issue(acceptanceDoc(r), { entity: 'intake', entityId: id, number: r.receipt_no }, me.id);
      return { ...issued, record: toRecord(r) };
    },

    async 'intake.transition'({ id, to, version, reason, result, receiverName, proxy }) {
      if (to === 'forwarded') throw new AppError('VALIDATION', '转报请点“转报”，登记接收部门、报送方式和接收人');
      if (proxy && to !== 'collected') throw new AppError('VALIDATION', '只有领取时才登记代领人');
      const me = auth.require();
      const r = write((tx) => {
          const before = row(id);
          if (before.version !== version) throw new AppError('CONFLICT', '该事项刚被其他人更新过，请刷新后再操作');
          const forwarded = before.forwarded === 1;
          if (!canTransition(before.status, to, { forwarded })) {
            const why =
              to === 'cancelled' && !OPEN_STATUSES.includes(before.status)
                ? '（已办结的事项不能撤销）'
                : to === 'completed' && forwarded
                  ? '（该事项须先转报县级部门，由县级部门办结）'
                  : '';
            throw new AppError('CONFLICT', `不能从“${INTAKE_STATUS_LABELS[before.status]}”变为“${INTAKE_STATUS_LABELS[to]}”${why}`);
          }
          const need = requiredFor(to);
          if (need === 'reason' && !reason) throw new AppError('VALIDATION', `请填写${INTAKE_STATUS_LABELS[to]}原因`, { reason: '请填写原因' });
          if (need === 'result' && !result) throw new AppError('VALIDATION', '请填写办理结果', { result: '请填写办理结果' });
          if (need === 'receiver' && !receiverName && !proxy) throw new AppError('VALIDATION', to === 'collected' ? '请填写领取人姓名' : '请填写签收人姓名', { receiverName: '请填写姓名' });
          const iso = clock.now().toISOString();
          // 代领: the proxy's number is checked before anything is written, and stays out of the audit
          const proxyIdNumber = proxy ? extra.checkProxy(proxy, before.resident_id) : null;
          changeStatus(before, to, { result, reason, receiverName: proxy ? proxy.name : receiverName }, me.id, iso);
          if (proxy && proxyIdNumber) extra.recordProxy(id, { ...proxy, idNumber: proxyIdNumber });
          const after = row(id);
          tx.change({ actorId: me.id, action: 'intake.transition', entity: 'intake', entityId: id, op: 'update', version: after.version, snapshot: after, detail: { receiptNo: before.receipt_no, from: before.status, to, ...(proxy ? { proxy: true } : {}) } });
          return after;
        });
      const printsReceipt = to === 'completed' || to === 'collected' || to === 'delivered';
      const issued = printsReceipt ? await issue(completionDoc(r), { entity: 'intake', entityId: id, number: r.receipt_no }, me.id) : { documentId: null, documentError: null };
      return { ...issued, record: toRecord(r) };
    },

    async 'intake.forward'(input) {
      const me = auth.require();
      const done = forwarding.forward(input);
      const issued = await deps.documents
        .issue(done.doc, { entity: 'intake_transmittal', entityId: done.transmittalId, number: done.transmittalNo }, me.id, { layout: 'a4' })
        .then(
          (d) => ({ documentId: d.id, documentError: null }),
          (err: unknown) => {
            log.error('document not issued', { kind: 'intake.transmittal', entityId: done.transmittalId, error: err instanceof Error ? err.name : 'unknown' });
            return { documentId: null, documentError: `已转报（${done.transmittalNo}），但转报单未能生成：${err instanceof AppError ? err.message : '生成 PDF 时出错'}。请联系管理员。` };
          },
        );
      const n = now();
      return { ...issued, transmittalNo: done.transmittalNo, records: done.ids.map((id) => toRecord(row(id), n)) };
    },

    async 'intake.notices'(input) {
      auth.require();
      return notices.find(input);
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
      const sql = `${SELECT_RECORD} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit`;
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
