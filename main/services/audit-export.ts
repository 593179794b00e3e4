/**
 * 操作日志 as .xlsx: the same Chinese the screen shows, then the raw action code and
 * JSON detail in columns of their own for county IT. Saved under exports/ like the
 * residents ledger, and the export itself goes into the log.
 */
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { Audit } from './audit';
import type { Write } from '../db/write';
import type { StationInfo } from './station-info';
import type { AuditEntry, AuditFilter } from '../../common/contract';
import { actionLabel, detailText, recordText } from '../../common/audit-labels';
import { formatDateTime } from '../../common/time';
import { deliverExport, exportStamp, reportWorkbook, type ExportResult } from './xlsx-report';
import { AppError } from '../../common/errors';

export const AUDIT_EXPORT_LIMIT = 50_000;

/** an ideographic space between the sheet's subtitle parts */
const GAP = '\u3000';

const COLUMNS = [
  { key: 'seq', header: '序号', width: 8 },
  { key: 'at', header: '时间', width: 18 },
  { key: 'actor', header: '操作人', width: 12 },
  { key: 'action', header: '操作', width: 20 },
  { key: 'record', header: '记录', width: 30 },
  { key: 'detail', header: '详情', width: 60 },
  { key: 'code', header: '操作代码', width: 24 },
  { key: 'raw', header: '原始详情（JSON）', width: 60 },
] as const;

/** A typed record term that looks like a 身份证号 or a phone stays out of the log. */
function loggableRecord(term: string): string {
  return /^\d{15}$|^\d{17}[\dXx]$|^1\d{10}$/.test(term) ? '（疑似个人信息，未记录）' : term;
}

export function filterSummary(f: AuditFilter, actorName: string | null): string {
  const parts = [
    f.dateFrom || f.dateTo ? `日期：${f.dateFrom ?? '最早'} 至 ${f.dateTo ?? '今天'}` : '日期：全部',
    `操作人：${actorName ?? (f.actorId ? f.actorId : '全部')}`,
    `操作：${f.action ? actionLabel(f.action) : '全部'}`,
    f.record ? `记录：${loggableRecord(f.record)}` : '',
  ];
  return parts.filter(Boolean).join(GAP);
}

function workbook(title: string, subtitle: string, entries: AuditEntry[]): Promise<Buffer> {
  return reportWorkbook({
    sheet: '操作日志',
    title,
    subtitle,
    columns: COLUMNS,
    rows: entries.map((e) => ({
      seq: e.seq,
      at: formatDateTime(e.at),
      actor: e.actorName ?? (e.actorId ? '—' : '系统'),
      action: actionLabel(e.action),
      record: recordText(e),
      detail: detailText(e),
      code: e.action,
      raw: JSON.stringify({ entity: e.entity, entityId: e.entityId, detail: e.detail }),
    })),
    // a month's log is mostly repeated text: the fastest deflate writes it in half the time
    fastZip: true,
  });
}

export function createAuditExport(deps: { db: Db; clock: Clock; audit: Audit; write: Write; station: StationInfo; dataDir: string }) {
  const { db, clock, audit } = deps;
  const staffName = db.prepare<[string], { name: string }>('SELECT name FROM staff WHERE id = ?');

  return async function exportLog(filter: AuditFilter, actorId: string): Promise<ExportResult> {
    const { entries, total } = audit.search(filter, 0, AUDIT_EXPORT_LIMIT);
    if (total > AUDIT_EXPORT_LIMIT) {
      throw new AppError('VALIDATION', `符合条件的记录有 ${total} 条，超过单次导出上限 ${AUDIT_EXPORT_LIMIT} 条，请缩小日期范围分批导出`);
    }
    const actorName = filter.actorId ? (staffName.get(filter.actorId)?.name ?? null) : null;
    const now = clock.now();
    const subtitle = [filterSummary(filter, actorName), `共 ${entries.length} 条`, `导出时间：${formatDateTime(now)}`].join(GAP);
    const buffer = await workbook(`${deps.station.get()?.name ?? ''}操作日志`, subtitle, entries);
    const filters = { ...filter, ...(filter.record ? { record: loggableRecord(filter.record) } : {}) };
    return deliverExport(deps, now, { fileName: `操作日志-${exportStamp(now)}.xlsx`, buffer, rows: entries.length, actorId, audit: { action: 'audit_log.export', entity: 'audit_log' }, detail: { filters } });
  };
}
