/**
 * The papers intake prints: the 受理回执 and 办结回执 built from the record as stored, and
 * issuing one after its record is committed, so a failed PDF never loses the record.
 */
import type { ServiceContext } from '../context';
import { AppError } from '../../common/errors';
import { maskIdNumber } from '../../common/idcard';
import { timeLimitText, type TimeLimit } from '../../common/catalogue';
import type { PrintableDocument, StationHeader, ApplicantLine } from '../pdf/types';
import type { Calendar } from './calendar';
import type { Residents } from './residents';
import type { Documents } from './documents';
import type { IntakeRow as Row } from './intake-store';
import { log } from '../log';

export type Issued = { documentId: string | null; documentError: string | null };

export function createIntakeDocs(ctx: ServiceContext, deps: { residents: Residents; documents: Documents; calendar: Calendar }) {
  const { calendar } = deps;

  function stationHeader(): StationHeader {
    const s = ctx.station.get();
    if (!s) throw new AppError('UNAVAILABLE', '站点尚未完成初始设置');
    return { code: s.code, name: s.name, county: s.county, address: s.address, phone: s.phone };
  }

  function applicant(residentId: string): ApplicantLine & { id: string } {
    const r = deps.residents.get(residentId);
    return { id: r.id, name: r.name, idMasked: maskIdNumber(r.idNumber), phone: r.phone ?? '', address: r.address ?? '' };
  }

  /** Makes the printed document after the commit; a failure leaves the saved record alone. */
  function issue(doc: PrintableDocument, ref: { entity: string; entityId: string; number: string }, actorId: string): Issued {
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

  /** A repeated create's answer: the document its first time made (waited for if still being made). */
  async function issuedBefore(entity: string, entityId: string, kind: string): Promise<Issued> {
    await deps.documents.settledFor(entity, entityId);
    const d = deps.documents.listFor(entity, entityId).find((x) => x.kind === kind);
    return { documentId: d?.id ?? null, documentError: null };
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
        promiseCaveat: calendar.caveat(r),
        timeLimitText: timeLimitText(limit),
        clerkName: r.accepted_by_name,
        progressHint: `凭回执编号到${station.name}窗口，或致电 ${station.phone} 查询办理进度`,
        qrPayload: r.receipt_no,
        ...(r.on_the_spot === 1 && r.completed_at
          ? { onTheSpot: { completedAt: r.completed_at, result: r.result ?? '', handedOverTo: r.handover_kind === 'collected' ? (r.receiver_name ?? r.resident_name) : null } }
          : {}),
      },
    };
  }

  /** The 办结回执; clerkName is whoever hands it over (the one making it now). */
  function completionDoc(r: Row, clerkName: string): PrintableDocument {
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
        clerkName,
      },
    };
  }

  return { stationHeader, applicant, issue, issuedBefore, acceptanceDoc, completionDoc };
}

export type IntakeDocs = ReturnType<typeof createIntakeDocs>;
