/**
 * A list exported as .xlsx the way a station head prints it: a title line, a line saying
 * what was filtered and when, a grey heading row with a filter, frozen under the title, on
 * landscape A4 fitted to the width; then saved under the data folder's exports/ with the
 * station's wall-clock time in its name. The 重点服务对象台账, the 操作日志 and the 社会救助台账 use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as ExcelJS from 'exceljs';
import { STATION_OFFSET_MS } from '../../common/time';
import { ensurePrivateDir, EXPORTS_DIR, writePrivateFile } from '../data-dir';
import type { AuditEvent, Write } from '../db/write';
import type { ActionName, EntityOf } from '../../common/entities';

export interface ReportColumn<K extends string> {
  key: K;
  header: string;
  width: number;
  /** stored as text: Excel would turn an 18-digit 身份证号 into 1.30102E+17 and drop digits */
  text?: boolean;
}

export async function reportWorkbook<K extends string>(opts: {
  sheet: string;
  title: string;
  subtitle: string;
  columns: readonly ReportColumn<K>[];
  rows: Iterable<Record<K, unknown>>;
  centreTitle?: boolean;
  /** the fastest deflate level, for long sheets of repeated text */
  fastZip?: boolean;
}): Promise<Buffer> {
  // exceljs is large: loaded when a list is exported, not at start-up.
  const { default: excel } = await import('exceljs');
  const wb: ExcelJS.Workbook = new excel.Workbook();
  wb.creator = 'StationDesk';
  const n = opts.columns.length;
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = opts.columns.map((c) => ({ key: c.key, width: c.width }));
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = opts.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  if (opts.centreTitle) ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = opts.subtitle;
  ws.getCell(2, 1).font = { size: 10, color: { argb: 'FF666666' } };
  const head = ws.getRow(3);
  opts.columns.forEach((c, i) => (head.getCell(i + 1).value = c.header));
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F3F5' } };
  for (const c of opts.columns) if (c.text) ws.getColumn(c.key).numFmt = '@';
  for (const r of opts.rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: n } };
  const bytes = await wb.xlsx.writeBuffer(opts.fastZip ? { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } : undefined);
  return Buffer.from(bytes as unknown as Uint8Array);
}

/** The station's wall clock (UTC+8, no daylight saving) as 20261127-153000, as in the sheet's 导出时间. */
export function exportStamp(at: Date): string {
  return new Date(at.getTime() + STATION_OFFSET_MS).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Writes an export under exports/ (owner-only: 0700 folder, 0600 file) and says where. Its
 * modification time is set to `at`, the injected clock's now, which is what the expiry
 * sweep (exports-expiry.ts) reads: an export is removed exportKeepDays after it was made.
 */
export function saveExport(dataDir: string, fileName: string, bytes: Buffer, at?: Date): string {
  const dir = path.join(dataDir, EXPORTS_DIR);
  ensurePrivateDir(dir);
  const savedPath = path.join(dir, fileName);
  writePrivateFile(savedPath, bytes);
  if (at) fs.utimesSync(savedPath, at, at);
  return savedPath;
}

/** What an export call answers: the file as saved and as bytes for the browser's download. */
export interface ExportResult {
  fileName: string;
  savedPath: string;
  base64: string;
  rows: number;
}

/**
 * The end of every export: the file saved under exports/ dated by the injected clock (so the
 * expiry sweep counts from it), and an entry in the 操作日志 saying who exported how many rows
 * under what name and filters — never the rows themselves.
 */
export function deliverExport<A extends ActionName>(
  deps: { dataDir: string; write: Write },
  at: Date,
  file: { fileName: string; buffer: Buffer; rows: number; actorId: string; audit: { action: A; entity: EntityOf<A> }; detail?: Record<string, unknown> },
): ExportResult {
  const savedPath = saveExport(deps.dataDir, file.fileName, file.buffer, at);
  // one action with its own entity: the pair the generic keeps together, which TypeScript cannot see through the spread
  const entry = { ...file.audit, actorId: file.actorId, entityId: null, detail: { rows: file.rows, fileName: file.fileName, ...file.detail } } as AuditEvent;
  deps.write((tx) => tx.note(entry));
  return { fileName: file.fileName, savedPath, base64: file.buffer.toString('base64'), rows: file.rows };
}
