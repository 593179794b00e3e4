/**
 * Files that used to take the counter down (issue 6 item 17), made here byte by byte: they
 * are refused with a Chinese reason or read without harm, and the station answers other
 * calls while such a file is being read.
 */
import { addStaff } from '../helpers/staff';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectAppError, setUpStation, tempDir } from '../helpers/station';
import { dispatch } from '../../main/dispatch';
import { checkCharOf } from '../../common/idcard';
import { columnOf, workbookBytes, IMPORT_LIMITS, IMPORT_MESSAGES } from '../../main/services/residents-io';
import { plainRow, xlsxOf, type XlsxRow } from '../helpers/xlsx-zip';
import type { TestApi } from '../helpers/station';

function idFor(birth: string, seq: string): string {
  const first17 = `130102${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharOf(first17);
}
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
const LIU = ['刘秀英', idFor('1941-10-02', '242')] as const;
const CHEN = ['陈志强', idFor('1988-08-18', '131')] as const;

/**
 * Starts `slow`, lets the event loop turn (a file read on the main thread would finish, or
 * freeze, right there), then makes another call: it must be answered while `slow` is still
 * under way.
 */
async function otherCallWhile(client: TestApi, slow: Promise<unknown>) {
  let slowDone = false;
  const settled = slow.then(
    (v) => ((slowDone = true), { ok: true as const, v }),
    (e: unknown) => ((slowDone = true), { ok: false as const, e }),
  );
  await new Promise((r) => setImmediate(r));
  const grids = await client['residents.grids']({});
  return { otherAnsweredFirst: !slowDone, grids, outcome: await settled };
}

describe('an .xlsx that reaches column XFD', () => {
  it('is read through its named columns only, while the station keeps answering', async () => {
    const s = await setUpStation();
    // The security test's file: a heading, and one cell in XFD on 20,000 rows (two of them real residents).
    const rows = function* (): Generator<XlsxRow> {
      yield plainRow(1, ['姓名', '身份证号']);
      yield plainRow(2, [...LIU], [{ col: 'XFD', value: 'x' }]);
      yield plainRow(3, [...CHEN], [{ col: 'XFD', value: 'x' }]);
      for (let r = 4; r <= 20_001; r++) yield { r, cells: [{ col: 'XFD', value: 'x' }] };
    };
    const file = xlsxOf(rows());
    expect(file.length).toBeLessThan(200 * 1024);
    const { otherAnsweredFirst, outcome } = await otherCallWhile(s.client, s.client['residents.importPreview']({ fileName: 'xfd.xlsx', base64: b64(file) }));
    expect(otherAnsweredFirst).toBe(true);
    expect(outcome.ok && outcome.v).toMatchObject({ total: 2, newCount: 2, errorCount: 0, ignoredColumns: [] });
    // the main thread's heap never held 20,000 × 16,384 cells
    expect(process.memoryUsage().heapUsed).toBeLessThan(1024 * 1024 * 1024);
    s.close();
  });

  it('still imports an ordinary file with formatting on whole rows and styled cells out to XFD', async () => {
    const s = await setUpStation();
    const rows: XlsxRow[] = [
      { r: 1, s: 1, cells: [{ col: 'A', value: '建北街道居民花名册', s: 1 }] },
      { ...plainRow(2, ['姓名', '身份证号', '出生日期', '备注']), s: 1 },
      { ...plainRow(3, [...LIU, 15251, '']), s: 1 },
      { r: 4, s: 1, cells: [...plainRow(4, [...CHEN]).cells, { col: 'XFD', s: 1 }] },
    ];
    rows[2]!.cells[2]!.s = 2; // 1941-10-02 as an Excel date
    for (let r = 5; r <= 3000; r++) rows.push({ r, s: 1, cells: [{ col: 'XFD', s: 1 }] });
    const file = xlsxOf(rows);
    const p = await s.client['residents.importPreview']({ fileName: '花名册.xlsx', base64: b64(file) });
    expect(p).toMatchObject({ total: 2, newCount: 2, errorCount: 0 });
    expect(await s.client['residents.importCommit']({ fileName: '花名册.xlsx', base64: b64(file), onExisting: 'skip' })).toEqual({ created: 2, updated: 0, skipped: 0 });
    expect((await s.client['residents.search']({ q: '陈志强', limit: 1 })).items[0]?.birthDate).toBe('1988-08-18');
    s.close();
  });

  it('never spools a sheet (names, 身份证号) to a temporary file, though Excel puts it before the shared strings', async () => {
    const s = await setUpStation();
    const file = xlsxOf([plainRow(1, ['姓名', '身份证号']), plainRow(2, [...LIU]), plainRow(3, [...CHEN])]);
    // once before watching: running from source, the first import writes the bundled worker to the temporary folder
    await s.client['residents.importPreview']({ fileName: 'a.xlsx', base64: b64(file) });
    const spool = tempDir('sd-spool-');
    const created: string[] = [];
    const watcher = fs.watch(spool, (_event, name) => created.push(String(name)));
    const before = process.env.TMPDIR;
    // the worker takes its environment, and so its temporary folder, when it starts
    process.env.TMPDIR = spool;
    try {
      expect((await s.client['residents.importPreview']({ fileName: 'a.xlsx', base64: b64(file) })).newCount).toBe(2);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      watcher.close();
    }
    expect(created).toEqual([]);
    s.close();
  });

  it('is refused with the limit and what to do when over a limit', async () => {
    const s = await setUpStation();
    const preview = (file: Buffer, name = 'a.xlsx') => expectAppError(s.client['residents.importPreview']({ fileName: name, base64: b64(file) }), 'VALIDATION');

    const formattedRows = function* (): Generator<XlsxRow> {
      yield plainRow(1, ['姓名', '身份证号']);
      for (let r = 2; r <= IMPORT_LIMITS.sheetRows + 1; r++) yield { r, s: 1, cells: [] };
    };
    expect(await preview(xlsxOf(formattedRows()))).toBe(IMPORT_MESSAGES.tooManySheetRows);
    expect(IMPORT_MESSAGES.tooManySheetRows).toMatch(/超过 100000 行.*删除多余的行、列.*分成多个/);

    const wide = [...Array.from({ length: IMPORT_LIMITS.columns - 1 }, (_, i) => `第${i}列`), '姓名', '身份证号'];
    const csvWide = `${wide.join(',')}\n`;
    expect(await preview(Buffer.from(csvWide), 'a.csv')).toMatch(/表头超过 200 列；请删除多余的列/);

    const people = ['姓名,身份证号'];
    for (let i = 0; i <= IMPORT_LIMITS.rows; i++) people.push(`居民,${idFor('1950-01-01', String(i % 1000).padStart(3, '0'))}`);
    expect(await preview(Buffer.from(people.join('\n')), 'a.csv')).toMatch(/一次最多导入 20000 位居民，请把文件分成多个后分批导入/);

    // A zip that says its sheet unzips to 3 GB is refused before anything is unzipped.
    expect(await preview(xlsxOf([plainRow(1, ['姓名', '身份证号'])], { declareSheetSize: 3 * 1024 ** 3 }))).toMatch(/解压后超过 256 MB/);

    const manyCells = ['姓名,身份证号', ...Array.from({ length: 30_000 }, () => ','.repeat(70))].join('\n');
    expect(await preview(Buffer.from(manyCells), 'a.csv')).toMatch(/单元格超过 200 万个/);
    s.close();
  });
});

describe('a CSV heading made to make a pattern backtrack', () => {
  it('is refused at once when its record is over the limit, and the station keeps answering', async () => {
    const s = await setUpStation();
    // 80,000 '(' and U+2028: the heading that froze the host for 12.6 s.
    const file = Buffer.from(`${'('.repeat(80_000)}\u2028,姓名,身份证号\r\n${LIU.join(',')}\r\n`);
    const { otherAnsweredFirst, outcome } = await otherCallWhile(s.client, s.client['residents.importPreview']({ fileName: 'evil.csv', base64: b64(file) }));
    expect(otherAnsweredFirst).toBe(true);
    expect(!outcome.ok && (outcome.e as Error).message).toBe(IMPORT_MESSAGES.recordTooLong(1));
    expect(IMPORT_MESSAGES.recordTooLong(1)).toMatch(/第 1 行超过 64 KB/);
    s.close();
  });

  it('is read, with the long heading ignored, when just under the limit', async () => {
    const s = await setUpStation();
    const file = Buffer.from(`${'（'.repeat(10_000)}\u2028${'('.repeat(30_000)}\u2028,姓名,身份证号\n${['', ...LIU].join(',')}\n`);
    const p = await s.client['residents.importPreview']({ fileName: 'evil.csv', base64: b64(file) });
    expect(p).toMatchObject({ total: 1, newCount: 1 });
    expect(p.ignoredColumns).toEqual(['（'.repeat(40)]);
    s.close();
  });

  it('cuts a cell to the limit before any check reads it, so the row gets its message', async () => {
    const s = await setUpStation();
    const notes = '长'.repeat(20_000);
    const file = Buffer.from(`姓名,身份证号,备注,重点服务对象\n${LIU.join(',')},${notes},${'低保('.repeat(5000)}\n`);
    const p = await s.client['residents.importPreview']({ fileName: 'a.csv', base64: b64(file) });
    expect(p.rows[0]).toMatchObject({ status: 'error', errors: { 备注: '备注不能超过 500 个字' } });
    s.close();
  });

  it('keeps a CSV saved by Excel in GBK readable, and names an unclosed quote', async () => {
    const s = await setUpStation();
    const gbk = Buffer.concat([Buffer.from('D0D5C3FB2CC9EDB7DDD6A4BAC50D0A', 'hex'), Buffer.from('D5C5C8FDB7E12C', 'hex'), Buffer.from(`${LIU[1]}\r\n`)]);
    expect((await s.client['residents.importPreview']({ fileName: 'gbk.csv', base64: b64(gbk) })).rows).toEqual([expect.objectContaining({ line: 2, name: '张三丰' })]);
    const env = await dispatch(s.calls, 'residents.importPreview', { fileName: 'q.csv', base64: b64(`姓名,身份证号\n刘秀英,${LIU[1]}\n"陈志强,${CHEN[1]}\n`) });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/第 3 行的引号没有配对/) } });
    s.close();
  });
});

describe('the preview as a job', () => {
  it('answers with an id, then the same preview as the direct call; a refused file is the poll\'s error', async () => {
    const s = await setUpStation();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    ws.addRow(['姓名', '身份证号', '联系电话']);
    ws.addRow([...LIU, '13700001234']);
    ws.addRow([CHEN[0], CHEN[1], '12345']);
    const file = b64(await workbookBytes(wb));
    const { jobId } = await s.client['residents.importStart']({ fileName: 'a.xlsx', base64: file });
    let state = await s.client['residents.importProgress']({ jobId });
    while (state.state === 'running') {
      expect(state.done).toBeLessThanOrEqual(state.total || Infinity);
      state = await s.client['residents.importProgress']({ jobId });
    }
    expect(state.preview).toEqual(await s.client['residents.importPreview']({ fileName: 'a.xlsx', base64: file }));
    // a job's result is handed over once
    expect(await expectAppError(s.client['residents.importProgress']({ jobId }), 'NOT_FOUND')).toMatch(/已过期，请重新选择文件/);

    const bad = await s.client['residents.importStart']({ fileName: 'b.csv', base64: b64('名字,号码\n') });
    let msg = '';
    for (;;) {
      try {
        if ((await s.client['residents.importProgress']({ jobId: bad.jobId })).state === 'done') break;
      } catch (err) {
        msg = (err as Error).message;
        break;
      }
    }
    expect(msg).toMatch(/没有找到“姓名”和“身份证号”/);

    // another importer cannot read someone else's job (a clerk without the grant may not ask at all)
    const mine = await s.client['residents.importStart']({ fileName: 'a.xlsx', base64: file });
    await addStaff(s.client, { name: '李娜', login: 'lina', role: 'head', password: 'Counter123' });
    await s.client['auth.signIn']({ login: 'lina', password: 'Counter123' });
    await expectAppError(s.client['residents.importProgress']({ jobId: mine.jobId }), 'NOT_FOUND');
    s.close();
  });
});

describe('reading a heading', () => {
  it('finds the column by its name and marks, and gives up on anything else without scanning it', () => {
    expect(['  身份证号（必填）', '姓名*', '电话：', '\u3000现住址 ', '重点服务对象(认定日期)'].map(columnOf)).toEqual(['idNumber', 'name', 'phone', 'address', 'tags']);
    // a million characters of what the old pattern choked on: a scan of a few characters, then no
    expect(columnOf(`${'('.repeat(1_000_000)}\u2028`)).toBeNull();
    expect(columnOf(`${' '.repeat(999)}姓名`)).toBe('name');
    expect(columnOf('姓名甲')).toBeNull();
  });
});
