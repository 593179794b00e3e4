/**
 * Spreadsheet import (issue 6 item 17): the preview of a 20,000-row file (.xlsx and .csv),
 * the two hostile files (a cell in XFD on 20,000 rows; a CSV heading of 80,000 '(' and
 * U+2028), and the commit of 20,000 residents, each with the longest stall of the main
 * thread while it ran (what every other call waits behind). Beside them, baselines of what
 * the old reader did: the old heading pattern on 20,000 '(' and exceljs's unpatched
 * streaming reader on 2,000 XFD rows. Runs the built worker (dist/main/import-worker.cjs).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { checkCharOf } from '../common/idcard';
import { columnOf, workbookBytes } from '../main/services/residents-io';
import { setUpStation } from '../tests/helpers/station';
import { plainRow, xlsxOf, type XlsxRow } from '../tests/helpers/xlsx-zip';
import { benchRoot, report, type Figure } from './lib';

const build = spawnSync(process.execPath, [path.join(benchRoot, 'scripts/build-main.mjs')], { cwd: benchRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
process.env.STATIONDESK_IMPORT_WORKER = path.join(benchRoot, 'dist/main/import-worker.cjs');

const ROWS = 20_000;
const HEAD = ['姓名', '身份证号', '性别', '出生日期', '联系电话', '现住址', '网格', '重点服务对象', '备注'];
function idFor(i: number): string {
  const first17 = `130102${1940 + Math.floor(i / 1000)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharOf(first17);
}
const person = (i: number) => [`居民${String.fromCharCode(0x4e00 + (i % 500))}`, idFor(i), '', '', `138${String(i).padStart(8, '0')}`, `中山东路 ${i} 号`, `第${1 + (i % 8)}网格`, i % 7 === 0 ? '低保' : '', ''];
// one birth year per thousand and the serial within it: 20,000 distinct ids
const people = Array.from({ length: ROWS }, (_, i) => person(i));

const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('花名册');
ws.addRow(HEAD);
for (const p of people) ws.addRow(p);
const normalXlsx = (await workbookBytes(wb)).toString('base64');
const normalCsv = Buffer.from([HEAD.join(','), ...people.map((p) => p.join(','))].join('\r\n')).toString('base64');
const xfdRows = function* (): Generator<XlsxRow> {
  yield plainRow(1, ['姓名', '身份证号']);
  for (let r = 2; r <= ROWS + 1; r++) yield { r, cells: [{ col: 'XFD', value: 'x' }] };
};
const xfdBytes = xlsxOf(xfdRows());
const xfd = xfdBytes.toString('base64');
const evilCsv = Buffer.from(`${'('.repeat(80_000)}\u2028,姓名,身份证号\r\n`).toString('base64');
const evilUnderLimit = Buffer.from(`${'('.repeat(60_000)}\u2028,姓名,身份证号\r\n刘秀英,${idFor(1)}\r\n`).toString('base64');
const tiny = Buffer.from(`姓名,身份证号\r\n刘秀英,${idFor(1)}\r\n`).toString('base64');

const s = await setUpStation();
const api = s.client;

/** Runs `fn` once, timing it and the longest stall of this thread meanwhile. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; stall: number; ok: boolean }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  let ok = true;
  try {
    await fn();
  } catch {
    ok = false;
  }
  const ms = performance.now() - t0;
  h.disable();
  return { ms, stall: h.max / 1e6, ok };
}

const figures: Record<string, Figure> = {};
function put(name: string, r: { ms: number; stall: number; ok: boolean }, note: string) {
  figures[`${name}_ms`] = { value: r.ms, unit: 'ms', note: `${note}${r.ok ? '' : '（被拒绝）'}` };
  figures[`${name}_main_stall_ms`] = { value: r.stall, unit: 'ms', note: 'longest main-thread stall meanwhile' };
}

await api['residents.importPreview']({ fileName: 'a.csv', base64: tiny }); // first worker start: OS file cache
put('preview_tiny_csv', await timed(() => api['residents.importPreview']({ fileName: 'a.csv', base64: tiny })), '1 row: worker start-up');
put('preview_20k_xlsx', await timed(() => api['residents.importPreview']({ fileName: 'a.xlsx', base64: normalXlsx })), `${ROWS} rows, ${Math.round((normalXlsx.length * 3) / 4 / 1024)} KB`);
put('preview_20k_csv', await timed(() => api['residents.importPreview']({ fileName: 'a.csv', base64: normalCsv })), `${ROWS} rows`);
put('preview_xfd_20k_xlsx', await timed(() => api['residents.importPreview']({ fileName: 'xfd.xlsx', base64: xfd })), `hostile: a cell in XFD on ${ROWS} rows, ${Math.round(xfdBytes.length / 1024)} KB`);
put('preview_evil_csv_80k', await timed(() => api['residents.importPreview']({ fileName: 'evil.csv', base64: evilCsv })), "hostile: 80,000 '(' + U+2028");
put('preview_evil_csv_60k', await timed(() => api['residents.importPreview']({ fileName: 'evil.csv', base64: evilUnderLimit })), "60,000 '(' + U+2028, under the record limit: read");
put('commit_20k_csv', await timed(() => api['residents.importCommit']({ fileName: 'a.csv', base64: normalCsv, onExisting: 'skip' })), `${ROWS} residents in one transaction`);
s.close();

// Baselines: what the old code did with the same kind of input, on smaller sizes.
const oldPattern = (h: string) => h.replace(/[\s\u3000*＊:：（(].*$/, '').trim();
const paren20k = `${'('.repeat(20_000)}\u2028`;
let t0 = performance.now();
oldPattern(paren20k);
figures.heading_20k_paren_old_pattern_ms = { value: performance.now() - t0, unit: 'ms', note: 'the old /[\\s…(].*$/ (quadratic; 80,000 took 12.6 s)' };
t0 = performance.now();
columnOf(`${'('.repeat(1_000_000)}\u2028`);
figures.heading_1m_paren_columnOf_ms = { value: performance.now() - t0, unit: 'ms', note: 'the scan that replaced it, on 1,000,000' };

const xfd2k = xlsxOf(
  (function* (): Generator<XlsxRow> {
    yield plainRow(1, ['姓名', '身份证号']);
    for (let r = 2; r <= 2001; r++) yield { r, cells: [{ col: 'XFD', value: 'x' }] };
  })(),
);
t0 = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([xfd2k]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
for await (const sheet of reader) for await (const row of sheet) void row;
figures.xfd_2k_rows_exceljs_stream_unpatched_ms = { value: performance.now() - t0, unit: 'ms', note: 'exceljs streaming as shipped, 2,000 XFD rows (per-row dimension walk)' };

// this machine is shared: read every figure above against the load it ran under
figures.machine_load_1m = { value: os.loadavg()[0]!, unit: 'load', note: `1-minute load average on ${os.cpus().length} cores` };

report('import', figures);
