/**
 * A resident's past at the station, for their record: the 代办 items accepted for them, the
 * 一次性告知书 given to them, and every receipt or notice printed for either. Read-only: the
 * rows belong to intake and documents; this module only gathers them by resident.
 */
import type { ServiceContext, ApiPart } from '../context';
import { AppError } from '../../common/errors';
import type { DocumentMeta } from '../../common/contracts/documents';
import { documentMetaOf, type DocumentMetaRow } from './documents-row';
import { HISTORY_LIMIT, type ResidentHistory } from '../../common/contracts/residents';
import type { IntakeStatus } from '../../common/intake-status';

interface ItemRow {
  id: string;
  receipt_no: string;
  item_name: string;
  status: IntakeStatus;
  accepted_at: string;
  promised_date: string;
  completed_at: string | null;
}

interface NoticeRow {
  id: string;
  notice_no: string;
  item_name: string;
  issued_at: string;
  materials_missing: string;
  document_id: string | null;
}



export function createResidentHistory(ctx: ServiceContext) {
  const { db } = ctx;
  // one more than shown, to know whether the list was cut
  const cap = HISTORY_LIMIT + 1;
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM residents WHERE id = ?');
  const items = db.prepare<[string, number], ItemRow>(
    `SELECT id, receipt_no, item_name, status, accepted_at, promised_date, completed_at
     FROM intake_records WHERE resident_id = ? ORDER BY accepted_at DESC, receipt_no DESC LIMIT ?`,
  );
  const notices = db.prepare<[string, number], NoticeRow>(
    `SELECT n.id, n.notice_no, n.item_name, n.issued_at, n.materials_missing,
       (SELECT d.id FROM documents d WHERE d.entity = 'intake_notice' AND d.entity_id = n.id ORDER BY d.created_at LIMIT 1) AS document_id
     FROM intake_notices n WHERE n.resident_id = ? ORDER BY n.issued_at DESC, n.notice_no DESC LIMIT ?`,
  );
  const documents = db.prepare<{ rid: string; cap: number }, DocumentMetaRow>(
    `SELECT d.id, d.kind, d.title, d.entity, d.entity_id, d.number, d.layout, d.sha256, d.bytes, d.pages, d.created_at, d.created_by,
       s.name AS created_by_name, d.print_count, d.last_printed_at
     FROM documents d LEFT JOIN staff s ON s.id = d.created_by
     WHERE (d.entity = 'intake' AND d.entity_id IN (SELECT id FROM intake_records WHERE resident_id = @rid))
        OR (d.entity = 'intake_notice' AND d.entity_id IN (SELECT id FROM intake_notices WHERE resident_id = @rid))
     ORDER BY d.created_at DESC, d.rowid DESC LIMIT @cap`,
  );

  function historyOf(residentId: string): ResidentHistory {
    if (!exists.get(residentId)) throw new AppError('NOT_FOUND', '未找到该居民，可能已被合并或编号有误');
    const itemRows = items.all(residentId, cap);
    const noticeRows = notices.all(residentId, cap);
    // A kind this version cannot name (from a newer station) is left out rather than failing the whole record.
    const docRows = documents.all({ rid: residentId, cap }).map(documentMetaOf).filter((d): d is DocumentMeta => d !== null);
    return {
      items: itemRows.slice(0, HISTORY_LIMIT).map((r) => ({
        id: r.id,
        receiptNo: r.receipt_no,
        itemName: r.item_name,
        status: r.status,
        acceptedAt: r.accepted_at,
        promisedDate: r.promised_date,
        completedAt: r.completed_at,
      })),
      notices: noticeRows.slice(0, HISTORY_LIMIT).map((r) => ({
        id: r.id,
        noticeNo: r.notice_no,
        itemName: r.item_name,
        issuedAt: r.issued_at,
        materialsMissing: JSON.parse(r.materials_missing) as string[],
        documentId: r.document_id,
      })),
      documents: docRows.slice(0, HISTORY_LIMIT),
      truncated: itemRows.length > HISTORY_LIMIT || noticeRows.length > HISTORY_LIMIT || docRows.length > HISTORY_LIMIT,
    };
  }

  const api: ApiPart<'residents.history'> = {
    async 'residents.history'({ id }) {
      return historyOf(id);
    },
  };
  return { api };
}
