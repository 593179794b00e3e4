/**
 * Reading the spreadsheet a clerk chose into rows keyed by our column names, within
 * IMPORT_LIMITS: the workbook is streamed, only the columns the heading names are turned
 * into text, every cell is cut to IMPORT_LIMITS.cellChars before anything looks at it, and
 * a file over a limit is refused while it is read. Runs inside the import worker
 * (import-worker.ts); nothing here touches the database.
 */
import { Readable } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import { AppError } from '../../common/errors';
import { columnOf, IMPORT_LIMITS as L, IMPORT_MESSAGES as M, type ImportColumn, type Sheet, type SheetRow } from './residents-io';

/** done/total in any unit the reader likes (bytes of the sheet, characters of the CSV) */
export type ReadProgress = (done: number, total: number) => void;

/** The heading is looked for in the first rows only: sheets often start with a title line. */
const HEADING_ROWS = 10;

function refuse(message: string): never {
  throw new AppError('VALIDATION', message, { fileName: message });
}

function capped(s: string): string {
  return s.length > L.cellChars ? s.slice(0, L.cellChars) : s;
}

/** Collects rows once the heading is known; the same for .xlsx and .csv. */
class SheetBuilder {
  private cols: [number, ImportColumn][] | null = null;
  private ignored: string[] = [];
  readonly rows: SheetRow[] = [];

  get columns(): readonly [number, ImportColumn][] | null {
    return this.cols;
  }

  /** A row that may be the heading: its non-empty cells by column number. */
  offerHeading(cells: [number, string][]): void {
    if (cells.length > L.columns) refuse(M.tooManyColumns);
    const cols: [number, ImportColumn][] = [];
    const ignored: string[] = [];
    for (const [i, text] of cells) {
      const col = columnOf(text);
      if (col && !cols.some(([, c]) => c === col)) cols.push([i, col]);
      else if (text.trim() !== '') ignored.push(text.trim().slice(0, 40));
    }
    if (cols.some(([, c]) => c === 'name') && cols.some(([, c]) => c === 'idNumber')) {
      this.cols = cols;
      this.ignored = ignored;
    }
  }

  /** A data row: the text of each named column; rows with none of them are skipped. */
  addRow(line: number, text: (col: number) => string, numeric: (col: number) => boolean): void {
    const cells: SheetRow['cells'] = {};
    let any = false;
    let numericId = false;
    for (const [i, col] of this.cols!) {
      const t = capped(text(i)).trim();
      cells[col] = t;
      if (t !== '') any = true;
      if (col === 'idNumber' && t !== '') numericId = numeric(i);
    }
    if (!any) return;
    if (this.rows.length >= L.rows) refuse(M.tooManyRows);
    this.rows.push({ line, cells, numericId });
  }

  sheet(): Sheet {
    return { rows: this.rows, ignoredColumns: this.ignored };
  }
}

// ---------- .xlsx ----------

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** An Excel cell as the text the clerk sees; dates as YYYY-MM-DD (Excel keeps them as UTC midnight). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : `${v.getUTCFullYear()}-${two(v.getUTCMonth() + 1)}-${two(v.getUTCDate())}`;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'string') return capped(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) {
      let s = '';
      for (const t of o.richText) {
        if (typeof t.text === 'string') s += t.text;
        if (s.length > L.cellChars) break;
      }
      return capped(s);
    }
    if (typeof o.text === 'string') return capped(o.text);
    if ('result' in o) return cellText(o.result as ExcelJS.CellValue);
  }
  return '';
}

function isNumeric(v: ExcelJS.CellValue | undefined): boolean {
  return typeof v === 'number' || (v !== null && typeof v === 'object' && typeof (v as { result?: unknown }).result === 'number');
}

/** Counts the cells (`<c …>`) in the sheet's XML as it streams past, whatever the reader makes of them. */
function cellCounter() {
  const EMPTY = Buffer.alloc(0);
  const ENDS = new Set([0x20, 0x3e, 0x2f, 0x09, 0x0a, 0x0d]); // "<c " "<c>" "<c/" and blanks; not "<col"
  let count = 0;
  let tail: Buffer = EMPTY;
  return (chunk: Buffer): number => {
    const b = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    let at = b.indexOf('<c', 0, 'latin1');
    while (at !== -1 && at + 2 < b.length) {
      if (ENDS.has(b[at + 2]!)) count++;
      at = b.indexOf('<c', at + 2, 'latin1');
    }
    // a "<c" or "<" cut by the chunk's end is looked at again with the next chunk
    tail = at !== -1 ? b.subarray(at) : b[b.length - 1] === 0x3c ? b.subarray(b.length - 1) : EMPTY;
    return count;
  };
}

/**
 * The worksheet reader's internals we lean on, with exceljs 4.4 pinned: `iterator` (the sheet's
 * XML chunks, not yet read when the sheet is handed to us) and `_dimensions`, which exceljs
 * widens per row by walking every cell index up to the last one: 16,384 per row for a cell in
 * XFD, which is what makes such a file take seconds per thousand rows.
 */
interface SheetInternals {
  iterator: AsyncIterable<Buffer>;
  _dimensions: { expandRow(row: unknown): void };
}

interface ZipEntry {
  name: string;
  /** unzipped, as declared */
  size: number;
  /** of its local header */
  offset: number;
}

/**
 * The entries the zip's central directory declares, with their unzipped sizes: the sheets'
 * sizes are the progress bar's whole, and a file declaring far more than a sheet may hold is
 * refused before anything is unzipped. What a file declares may be false; the reader counts
 * the real bytes as well.
 */
function zipDirectory(b: Uint8Array): { entries: ZipEntry[]; directoryAt: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) !== 0x06054b50) continue;
    const count = v.getUint16(i + 10, true);
    const directoryAt = v.getUint32(i + 16, true);
    let p = directoryAt;
    const entries: ZipEntry[] = [];
    for (let n = 0; n < count && p + 46 <= b.length && v.getUint32(p, true) === 0x02014b50; n++) {
      const nameLength = v.getUint16(p + 28, true);
      const name = Buffer.from(b.buffer, b.byteOffset + p + 46, Math.min(nameLength, b.length - p - 46)).toString('utf8');
      entries.push({ name, size: v.getUint32(p + 24, true), offset: v.getUint32(p + 42, true) });
      p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    }
    return { entries, directoryAt };
  }
  return null;
}

const isSheet = (e: ZipEntry) => e.name.startsWith('xl/worksheets/sheet') && e.name.endsWith('.xml');

/**
 * The zip's records with the worksheets moved to the end. Excel writes the sheets before the
 * shared strings, and exceljs then spools each sheet, unzipped, into a temporary file until the
 * strings have been read: names and 身份证号 in plain text on disk, left there if the worker is
 * ended, and written in full before any limit could look at them. Reordered, every sheet
 * streams straight through the limits. The streaming unzip reads the records in the order
 * given and needs no offsets; anything unexpected leaves the file as it is.
 */
function sheetsLast(b: Uint8Array, dir: { entries: ZipEntry[]; directoryAt: number } | null): Uint8Array[] {
  if (!dir || dir.entries.length === 0) return [b];
  const byOffset = [...dir.entries].sort((x, y) => x.offset - y.offset);
  const ranges: { entry: ZipEntry; from: number; to: number }[] = [];
  let expected = 0;
  for (let i = 0; i < byOffset.length; i++) {
    const entry = byOffset[i]!;
    const to = i + 1 < byOffset.length ? byOffset[i + 1]!.offset : dir.directoryAt;
    if (entry.offset !== expected || to <= entry.offset || to > b.length) return [b];
    ranges.push({ entry, from: entry.offset, to });
    expected = to;
  }
  const ordered = [...ranges.filter((r) => !isSheet(r.entry)), ...ranges.filter((r) => isSheet(r.entry))];
  return [...ordered.map((r) => b.subarray(r.from, r.to)), b.subarray(dir.directoryAt)];
}

async function readXlsx(bytes: Uint8Array, progress: ReadProgress): Promise<Sheet> {
  const dir = zipDirectory(bytes);
  const entries = dir?.entries ?? [];
  if (entries.reduce((sum, e) => sum + e.size, 0) > 2 * L.sheetBytes) refuse(M.tooBigUnzipped);
  // 0 when the sizes are not known (ZIP64): the bar then shows activity only
  const total = entries.filter((e) => isSheet(e) && e.size !== 0xffffffff).reduce((sum, e) => sum + e.size, 0);
  const parts = sheetsLast(bytes, dir);
  const { default: excel } = await import('exceljs');
  const builder = new SheetBuilder();
  let anyValues = false;
  const input = Readable.from(
    (function* () {
      for (const part of parts) for (let at = 0; at < part.length; at += 64 * 1024) yield Buffer.from(part.buffer, part.byteOffset + at, Math.min(64 * 1024, part.length - at));
    })(),
  );
  const reader = new excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let sheetBytes = 0;
  try {
    for await (const ws of reader) {
      const inner = ws as unknown as SheetInternals;
      inner._dimensions = { expandRow: () => undefined };
      const source = inner.iterator;
      const countCells = cellCounter();
      inner.iterator = (async function* () {
        for await (const chunk of source) {
          sheetBytes += chunk.length;
          if (sheetBytes > L.sheetBytes) refuse(M.tooBigUnzipped);
          if (countCells(chunk) > L.cells) refuse(M.tooManyCells);
          progress(Math.min(sheetBytes, total), total);
          yield chunk;
        }
      })();
      let sheetRows = 0;
      let sheetHasValues = false;
      for await (const row of ws) {
        if (++sheetRows > L.sheetRows) refuse(M.tooManySheetRows);
        const cols = builder.columns;
        if (cols) {
          builder.addRow(
            row.number,
            (c) => cellText(row.findCell(c)?.value),
            (c) => isNumeric(row.findCell(c)?.value),
          );
          continue;
        }
        if (row.number > HEADING_ROWS) {
          // Past the rows a heading may be in: a sheet with values there has none; an empty one may precede the real sheet.
          if (sheetHasValues || row.hasValues) refuse(M.noHeading);
          continue;
        }
        const cells: [number, string][] = [];
        row.eachCell((cell, c) => {
          const t = cellText(cell.value);
          if (t.trim() !== '') cells.push([c, t]);
        });
        if (cells.length === 0) continue;
        sheetHasValues = anyValues = true;
        builder.offerHeading(cells);
      }
      if (builder.columns) break;
      if (sheetHasValues) refuse(M.noHeading);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    refuse(M.unreadableXlsx);
  } finally {
    input.destroy();
  }
  if (!builder.columns) refuse(anyValues ? M.noHeading : M.noData);
  progress(total, total);
  return builder.sheet();
}

// ---------- .csv ----------

/** Excel in China saves CSV as GBK; anything that is not valid UTF-8 is read as GBK (GB18030). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** How Excel writes a long number in a CSV it saved (1.30102E+17): its digits are already lost. Linear: one way to match. */
function isScientific(s: string): boolean {
  return /^\d(\.\d+)?E\+\d+$/i.test(s.trim());
}

async function readCsv(bytes: Uint8Array, progress: ReadProgress): Promise<Sheet> {
  const { parse } = await import('csv-parse/sync');
  const text = decodeText(bytes);
  // csv-parse counts UTF-8 bytes
  const total = Buffer.byteLength(text);
  const builder = new SheetBuilder();
  let records = 0;
  let cells = 0;
  let lastLine = 0;
  let anyValues = false;
  try {
    parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: L.recordBytes,
      on_record: (record: string[], ctx) => {
        // ctx.lines is where the record ends; it starts on the line after the previous one.
        const line = lastLine + 1;
        lastLine = ctx.lines;
        if (++records > L.sheetRows) refuse(M.tooManySheetRows);
        cells += record.length;
        if (cells > L.cells) refuse(M.tooManyCells);
        if (records % 2000 === 0) progress(Math.min(ctx.bytes, total), total);
        if (builder.columns) {
          builder.addRow(
            line,
            (c) => record[c - 1] ?? '',
            (c) => isScientific(capped(record[c - 1] ?? '')),
          );
          return null;
        }
        const nonEmpty: [number, string][] = [];
        record.forEach((v, i) => {
          if (v.trim() !== '') nonEmpty.push([i + 1, capped(v)]);
        });
        if (nonEmpty.length > 0) anyValues = true;
        // Past the rows a heading may be in, any value means the file has none.
        if (records > HEADING_ROWS) {
          if (anyValues) refuse(M.noHeading);
          return null;
        }
        builder.offerHeading(nonEmpty);
        return null;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: unknown; lines?: unknown };
    const at = typeof e.lines === 'number' ? e.lines : lastLine + 1;
    if (e.code === 'CSV_MAX_RECORD_SIZE') refuse(M.recordTooLong(lastLine + 1));
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') refuse(M.quoteNotClosed(Math.max(1, Math.min(at, lastLine + 1))));
    refuse(M.unreadableCsv);
  }
  if (!builder.columns) refuse(anyValues ? M.noHeading : M.noData);
  progress(total, total);
  return builder.sheet();
}

/** Reads the file the clerk picked; throws VALIDATION with a Chinese reason when it cannot or may not be read. */
export async function readSheet(fileName: string, bytes: Uint8Array, progress: ReadProgress = () => undefined): Promise<Sheet> {
  if (bytes.length === 0) refuse('文件是空的');
  if (fileName.toLowerCase().endsWith('.csv')) return readCsv(bytes, progress);
  return readXlsx(bytes, progress);
}
