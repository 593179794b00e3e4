/**
 * Spreadsheets in and out of the registry: reading an .xlsx/.csv the clerk chose into
 * rows of text keyed by our column names, and writing the 重点服务对象台账 as .xlsx.
 * No database here; the service decides what the rows mean.
 */
import type * as ExcelJS from 'exceljs';
import { AppError } from '../../common/errors';

/** exceljs types its bytes as its own `Buffer extends ArrayBuffer`; at run time they are Node Buffers. */
/** exceljs is large: loaded when a spreadsheet is read or written, not at start-up. */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

/** The columns an import understands, with the headings people actually use for them. */
export const IMPORT_COLUMNS = {
  name: ['姓名', '名字', '居民姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码'],
  sex: ['性别'],
  birthDate: ['出生日期', '出生年月日', '生日'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式'],
  address: ['现住址', '住址', '地址', '家庭住址', '居住地址'],
  grid: ['网格', '所属网格', '网格名称'],
  tags: ['重点服务对象', '重点对象', '标签', '人员类别'],
  notes: ['备注'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

export const IMPORT_COLUMN_LABELS: Record<ImportColumn, string> = {
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  phone: '联系电话',
  address: '现住址',
  grid: '网格',
  tags: '重点服务对象',
  notes: '备注',
};

export interface SheetRow {
  /** the row number the clerk sees in Excel (or the line in the CSV) */
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
  /** cells Excel stored as numbers where we need text: an 18-digit 身份证号 loses its last digits that way */
  numericId: boolean;
}

export interface Sheet {
  rows: SheetRow[];
  ignoredColumns: string[];
}

export const MAX_IMPORT_ROWS = 20_000;

function columnOf(heading: string): ImportColumn | null {
  const h = heading.replace(/[\s\u3000*＊:：（(].*$/, '').trim();
  for (const [col, names] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]) {
    if ((names as readonly string[]).includes(h)) return col;
  }
  return null;
}

/** Finds the heading row among the first few (sheets often start with a title line). */
function mapHeadings(table: string[][]): { at: number; cols: Map<number, ImportColumn>; ignored: string[] } {
  for (let r = 0; r < Math.min(table.length, 10); r++) {
    const cols = new Map<number, ImportColumn>();
    const ignored: string[] = [];
    (table[r] ?? []).forEach((cell, i) => {
      const col = columnOf(cell);
      if (col && ![...cols.values()].includes(col)) cols.set(i, col);
      else if (cell.trim() !== '') ignored.push(cell.trim());
    });
    if ([...cols.values()].includes('idNumber') && [...cols.values()].includes('name')) return { at: r, cols, ignored };
  }
  throw new AppError('VALIDATION', '没有找到“姓名”和“身份证号”两列的表头，请使用导入模板或检查第一行的列名', { fileName: '文件缺少“姓名”“身份证号”列' });
}

function toSheet(table: string[][], numericIdAt: (row: number, col: number) => boolean, lineOf: (row: number) => number): Sheet {
  const { at, cols, ignored } = mapHeadings(table);
  const idCol = [...cols.entries()].find(([, c]) => c === 'idNumber')?.[0];
  const rows: SheetRow[] = [];
  for (let r = at + 1; r < table.length; r++) {
    const raw = table[r] ?? [];
    if (raw.every((c) => c.trim() === '')) continue;
    const cells: SheetRow['cells'] = {};
    for (const [i, col] of cols) cells[col] = (raw[i] ?? '').trim();
    rows.push({ line: lineOf(r), cells, numericId: idCol !== undefined && numericIdAt(r, idCol) });
    if (rows.length > MAX_IMPORT_ROWS) throw new AppError('VALIDATION', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件后分批导入`);
  }
  return { rows, ignoredColumns: ignored };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** An Excel cell as the text the clerk sees; dates as YYYY-MM-DD (Excel keeps them as UTC midnight). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${two(v.getUTCMonth() + 1)}-${two(v.getUTCDate())}`;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    if ('result' in o) return cellText(o.result as ExcelJS.CellValue);
  }
  return '';
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch {
    throw new AppError('VALIDATION', '无法读取该 Excel 文件；请确认是 .xlsx 格式（旧的 .xls 请在 Excel 中另存为 .xlsx）', { fileName: '文件无法读取' });
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new AppError('VALIDATION', '文件里没有数据', { fileName: '文件里没有数据' });
  if (ws.rowCount > MAX_IMPORT_ROWS + 10) throw new AppError('VALIDATION', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件后分批导入`);
  const table: string[][] = [];
  const numeric: boolean[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const texts: string[] = [];
    const nums: boolean[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) {
      const v = row.getCell(c).value;
      texts.push(cellText(v));
      nums.push(typeof v === 'number' || (v !== null && typeof v === 'object' && typeof (v as { result?: unknown }).result === 'number'));
    }
    table.push(texts);
    numeric.push(nums);
  }
  return toSheet(table, (r, c) => numeric[r]?.[c] === true, (r) => r + 1);
}

/** Excel in China saves CSV as GBK; anything that is not valid UTF-8 is read as GBK (GB18030). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180: commas, "quoted, fields" with "" for a quote, CRLF or LF; returns each record's first line number too. */
export function parseCsv(text: string): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      lines.push(startLine);
      record = [];
      field = '';
      line++;
      startLine = line;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
    lines.push(startLine);
  }
  return { records, lines };
}

/** Reads the file the clerk picked; throws VALIDATION with a Chinese reason when it cannot be read. */
export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件是空的', { fileName: '文件是空的' });
  if (/\.csv$/i.test(fileName)) {
    const { records, lines } = parseCsv(decodeText(bytes));
    // CSV keeps digits as typed, unless Excel wrote them in scientific notation (1.30102E+17).
    const sci = (r: number, c: number) => /^\d(\.\d+)?E\+\d+$/i.test((records[r]?.[c] ?? '').trim());
    return toSheet(records, sci, (r) => lines[r] ?? r + 1);
  }
  return readXlsx(bytes);
}

export interface LedgerSheetRow {
  name: string;
  sex: string;
  birthDate: string;
  age: number;
  idNumber: string;
  phone: string;
  address: string;
  grid: string;
  tags: string;
  notes: string;
}

const LEDGER_COLUMNS: { header: string; key: keyof LedgerSheetRow; width: number }[] = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '性别', key: 'sex', width: 6 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '年龄', key: 'age', width: 6 },
  { header: '身份证号', key: 'idNumber', width: 21 },
  { header: '联系电话', key: 'phone', width: 15 },
  { header: '现住址', key: 'address', width: 34 },
  { header: '网格', key: 'grid', width: 14 },
  { header: '重点服务对象（认定日期）', key: 'tags', width: 36 },
  { header: '备注', key: 'notes', width: 30 },
];

/** The 台账 workbook: a title line saying what was filtered and when, then one row per person. */
export async function ledgerWorkbook(opts: { title: string; subtitle: string; rows: LedgerSheetRow[] }): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'StationDesk';
  const ws = wb.addWorksheet('重点服务对象台账', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  ws.getCell(1, 1).value = opts.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, LEDGER_COLUMNS.length);
  ws.getCell(2, 1).value = opts.subtitle;
  ws.getCell(2, 1).font = { size: 10, color: { argb: 'FF666666' } };
  const head = ws.getRow(3);
  LEDGER_COLUMNS.forEach((c, i) => (head.getCell(i + 1).value = c.header));
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F3F5' } };
  // Text, not numbers: Excel would otherwise turn an 18-digit 身份证号 into 1.30102E+17 and drop digits.
  ws.getColumn('idNumber').numFmt = '@';
  ws.getColumn('phone').numFmt = '@';
  for (const r of opts.rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: LEDGER_COLUMNS.length } };
  return workbookBytes(wb);
}

/** An empty import file with the headings and one note row on how to fill it. */
export async function importTemplate(tagsHelp: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('居民信息');
  const cols: ImportColumn[] = ['name', 'idNumber', 'sex', 'birthDate', 'phone', 'address', 'grid', 'tags', 'notes'];
  ws.columns = cols.map((c) => ({ header: IMPORT_COLUMN_LABELS[c], key: c, width: c === 'address' || c === 'tags' || c === 'notes' ? 30 : c === 'idNumber' ? 21 : 13 }));
  ws.getRow(1).font = { bold: true };
  ws.getColumn('idNumber').numFmt = '@';
  ws.getColumn('phone').numFmt = '@';
  ws.getCell('A2').note = `姓名、身份证号必填；性别、出生日期可不填（按身份证号自动生成）。重点服务对象可填多个，用顿号分隔，括号内写认定日期，例如：${tagsHelp}`;
  return workbookBytes(wb);
}
