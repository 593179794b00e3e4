/**
 * Spreadsheets in and out of the registry: reading an .xlsx/.csv the clerk chose into
 * rows of text keyed by our column names, and writing the 重点服务对象台账 as .xlsx.
 * No database here; the service decides what the rows mean.
 */
import type * as ExcelJS from 'exceljs';
import { reportWorkbook, type ReportColumn } from './xlsx-report';

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

/**
 * What one import may hold. A file over any of them is refused with the limit and what to do,
 * while it is read (the reader never builds more than these): formatting applied to whole rows
 * makes Excel store cells out to column XFD, and a file must not be able to take the counter down.
 */
export const IMPORT_LIMITS = {
  /** residents in one file */
  rows: 20_000,
  /** rows the sheet stores, empty or formatted ones included */
  sheetRows: 100_000,
  /** non-empty headings */
  columns: 200,
  /** cells the sheet stores, in every column */
  cells: 2_000_000,
  /** characters kept of one cell: more than any field takes, so an over-long one still gets its message */
  cellChars: 1_000,
  /** bytes (as UTF-8) in one CSV record */
  recordBytes: 64 * 1024,
  /** the worksheet's XML once unzipped */
  sheetBytes: 256 * 1024 * 1024,
} as const;

export const MAX_IMPORT_ROWS = IMPORT_LIMITS.rows;

const SPLIT_ADVICE = '请删除多余的行、列（或整行整列的格式），或把文件分成多个后分批导入';

/** The Chinese refusals, each naming its limit and what to do about it. */
export const IMPORT_MESSAGES = {
  tooManyRows: `一次最多导入 ${IMPORT_LIMITS.rows} 位居民，请把文件分成多个后分批导入`,
  tooManySheetRows: `表格中的行数超过 ${IMPORT_LIMITS.sheetRows} 行（含只有格式的空行）；${SPLIT_ADVICE}`,
  tooManyColumns: `表头超过 ${IMPORT_LIMITS.columns} 列；请删除多余的列后重新导入`,
  tooManyCells: `表格中的单元格超过 ${IMPORT_LIMITS.cells / 10_000} 万个；${SPLIT_ADVICE}`,
  tooBigUnzipped: `文件解压后超过 ${IMPORT_LIMITS.sheetBytes / 1024 / 1024} MB，内容过多或文件已损坏；${SPLIT_ADVICE}`,
  recordTooLong: (line: number) => `CSV 文件第 ${line} 行超过 ${IMPORT_LIMITS.recordBytes / 1024} KB，可能不是居民名单或文件已损坏；请检查该行，或用导入模板重新整理`,
  quoteNotClosed: (line: number) => `CSV 文件第 ${line} 行的引号没有配对，请在 Excel 中打开检查后另存为 CSV`,
  noHeading: '没有找到“姓名”和“身份证号”两列的表头，请使用导入模板或检查第一行的列名',
  noData: '文件里没有数据',
  unreadableXlsx: '无法读取该 Excel 文件；请确认是 .xlsx 格式（旧的 .xls 请在 Excel 中另存为 .xlsx）',
  unreadableCsv: '无法读取该 CSV 文件；请在 Excel 中打开后另存为“CSV（逗号分隔）”再导入',
  tooSlow: (seconds: number) => `读取文件超过 ${seconds} 秒仍未完成，文件过大或格式异常；${SPLIT_ADVICE}`,
  tooMuchMemory: `读取文件所需内存超出上限，文件过大或格式异常；${SPLIT_ADVICE}`,
  busy: '正在读取其他导入文件，请等它完成后再试',
  expired: '这次导入的读取结果已过期，请重新选择文件',
  broken: '读取文件时出错，本次未导入任何数据；请重试，如仍失败请用导入模板重新整理文件',
} as const;

/** What ends a heading's name ("身份证号（必填）", "姓名*", "电话："): the marks, and blanks as \s knows them. */
const NAME_MARKS = '*＊:：（(';
const BLANKS = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** the longest heading name we know, with room to spare */
const NAME_SCAN = 16;

/**
 * The column a heading names. A scan of at most a few characters, not a pattern: no
 * heading, however long or strange, can make it backtrack.
 */
export function columnOf(heading: string): ImportColumn | null {
  let start = 0;
  while (start < heading.length && BLANKS.includes(heading[start]!)) start++;
  let end = start;
  while (end < heading.length && end - start <= NAME_SCAN && !BLANKS.includes(heading[end]!) && !NAME_MARKS.includes(heading[end]!)) end++;
  const h = heading.slice(start, end);
  for (const [col, names] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]) {
    if ((names as readonly string[]).includes(h)) return col;
  }
  return null;
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

const LEDGER_COLUMNS: ReportColumn<keyof LedgerSheetRow>[] = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '性别', key: 'sex', width: 6 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '年龄', key: 'age', width: 6 },
  { header: '身份证号', key: 'idNumber', width: 21, text: true },
  { header: '联系电话', key: 'phone', width: 15, text: true },
  { header: '现住址', key: 'address', width: 34 },
  { header: '网格', key: 'grid', width: 14 },
  { header: '重点服务对象（认定日期）', key: 'tags', width: 36 },
  { header: '备注', key: 'notes', width: 30 },
];

/** The 台账 workbook: a title line saying what was filtered and when, then one row per person. */
export function ledgerWorkbook(opts: { title: string; subtitle: string; rows: LedgerSheetRow[] }): Promise<Buffer> {
  return reportWorkbook({ sheet: '重点服务对象台账', title: opts.title, subtitle: opts.subtitle, columns: LEDGER_COLUMNS, rows: opts.rows, centreTitle: true });
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
