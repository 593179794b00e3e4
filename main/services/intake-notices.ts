/**
 * 一次性告知书 found again: by number (the full 130102001-20261127-G0001, its tail
 * 20261127-G0001 or just G0001 / G1) or by resident, each with its printed document and
 * the item accepted after it, if the resident came back.
 */
import type { Db } from '../db/open';
import type { NoticeSummary } from '../../common/contracts/intake';
import type { Documents } from './documents';

interface NoticeRow {
  id: string;
  notice_no: string;
  resident_id: string;
  resident_name: string;
  item_code: string;
  item_name: string;
  materials_missing: string;
  issued_at: string;
  issued_by_name: string;
  followed_id: string | null;
  followed_no: string | null;
}

const SELECT = `SELECT n.id, n.notice_no, n.resident_id, n.resident_name, n.item_code, n.item_name, n.materials_missing, n.issued_at,
    s.name AS issued_by_name, r.id AS followed_id, r.receipt_no AS followed_no
  FROM intake_notices n JOIN staff s ON s.id = n.issued_by LEFT JOIN intake_records r ON r.notice_id = n.id`;

/**
 * The number's tail as stored, or null when the text cannot be part of a notice number.
 * "g1" → "-G0001": the serial is always printed with at least four digits.
 */
export function noticeTail(query: string): string | null {
  const q = query.replace(/\s+/g, '').toUpperCase();
  const m = /^(?:(?:([0-9A-Z]{4,20})-)?(\d{8})-)?G(\d{1,5})$/.exec(q);
  if (!m) return null;
  const [, code, day, serial] = m;
  const tail = `G${serial!.padStart(4, '0')}`;
  return code ? `${code}-${day}-${tail}` : day ? `-${day}-${tail}` : `-${tail}`;
}

export function createIntakeNotices(db: Db, documents: Documents) {
  const byResident = db.prepare<[string, number], NoticeRow>(`${SELECT} WHERE n.resident_id = ? ORDER BY n.issued_at DESC LIMIT ?`);
  // Only [0-9A-Z-] reach the pattern (noticeTail), so LIKE has nothing to escape.
  const byTail = db.prepare<[string, string, number], NoticeRow>(`${SELECT} WHERE n.notice_no = ? OR n.notice_no LIKE '%' || ? ORDER BY n.issued_at DESC LIMIT ?`);

  function toSummary(n: NoticeRow): NoticeSummary {
    const doc = documents.listFor('intake_notice', n.id).find((d) => d.kind === 'intake.correction');
    return {
      id: n.id,
      noticeNo: n.notice_no,
      residentId: n.resident_id,
      residentName: n.resident_name,
      itemCode: n.item_code,
      itemName: n.item_name,
      materialsMissing: JSON.parse(n.materials_missing) as string[],
      issuedAt: n.issued_at,
      issuedByName: n.issued_by_name,
      documentId: doc?.id ?? null,
      followedBy: n.followed_id && n.followed_no ? { id: n.followed_id, receiptNo: n.followed_no } : null,
    };
  }

  return {
    find(v: { query?: string | undefined; residentId?: string | undefined; limit: number }): NoticeSummary[] {
      let rows: NoticeRow[];
      if (v.query) {
        const tail = noticeTail(v.query);
        if (!tail) return [];
        rows = byTail.all(tail, tail, v.limit);
        if (v.residentId) rows = rows.filter((r) => r.resident_id === v.residentId);
      } else if (v.residentId) rows = byResident.all(v.residentId, v.limit);
      else rows = [];
      return rows.map(toSummary);
    },
  };
}
