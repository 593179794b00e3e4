import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectAppError, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { dispatch } from '../../main/dispatch';
import { checkCharOf } from '../../common/idcard';
import ExcelJS from 'exceljs';
import { loadWorkbook, workbookBytes } from '../../main/services/residents-io';
import type { TestApi } from '../helpers/station';

function idFor(birth: string, seq: string): string {
  const first17 = `130102${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharOf(first17);
}

const HEAD = ['姓名', '身份证号', '性别', '出生日期', '联系电话', '现住址', '网格', '重点服务对象', '备注'];

/** An .xlsx the way a community office would make one: a title line, then the headings, ids as text. */
async function xlsx(rows: (string | number | Date | null)[][], opts: { title?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  if (opts.title !== false) ws.addRow(['建北街道居民花名册（2026 年）']);
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  return (await workbookBytes(wb)).toString('base64');
}

const OLD = { name: '张三', idNumber: idFor('1950-03-08', '121') };
const NEW1 = ['刘秀英', idFor('1941-10-02', '242'), '女', new Date(Date.UTC(1941, 9, 2)), '13700001234', '中山东路 8 号', '第三网格', '独居老人（2025-02-01）、低保', ''];
const NEW2 = ['陈志强', idFor('1988-08-18', '131'), '', '', '0311 8601 5555', '', '第三网格', '', '外出务工'];

async function withExisting() {
  const s = await setUpStation();
  const old = await s.client['residents.create']({ ...OLD, phone: '13812345678', address: '旧地址', grid: '第一网格', householdHeadId: null, relation: null, notes: '', tags: [] });
  return { s, old };
}

async function count(api: TestApi): Promise<number> {
  return (await api['residents.ledger']({ filter: {}, page: 1, pageSize: 1 })).total;
}

describe('importing residents from a spreadsheet', () => {
  it('previews every row: new, already registered, and what is wrong per column', async () => {
    const { s, old } = await withExisting();
    const file = await xlsx([
      NEW1,
      NEW2,
      [OLD.name, OLD.idNumber, '', '', '', '新地址', '', '空巢老人', ''],
      ['王五', idFor('1970-02-30'.replace('30', '28'), '111').slice(0, 17) + 'Y', '', '', '12345', '', '', '五保户', ''],
      ['赵六', 130102198001011230, '', '', '', '', '', '', ''],
      ['钱七', NEW2[1]!, '', '', '', '', '', '', ''],
      ['孙八', idFor('1990-01-01', '111'), '女', '', '', '', '', '', ''],
      [],
    ]);
    const p = await s.client['residents.importPreview']({ fileName: '花名册.xlsx', base64: file });
    expect(p).toMatchObject({ total: 7, newCount: 2, existingCount: 1, errorCount: 4, ignoredColumns: [] });
    const byLine = new Map(p.rows.map((r) => [r.line, r]));
    expect(byLine.get(3)).toMatchObject({ name: '刘秀英', status: 'new', tags: ['独居老人', '低保'], errors: {} });
    expect(byLine.get(3)?.idMasked).toMatch(/^130102\*{8}/);
    expect(byLine.get(5)).toMatchObject({ status: 'existing', existingId: old.id });
    expect(byLine.get(6)?.errors).toMatchObject({ 身份证号: expect.stringMatching(/只能包含数字/), 联系电话: expect.stringMatching(/11 位/), 重点服务对象: expect.stringMatching(/不认识.*五保户/) });
    expect(byLine.get(7)?.errors.身份证号).toMatch(/存成了数字/);
    expect(byLine.get(8)?.errors.身份证号).toBe('与第 4 行的身份证号重复');
    expect(byLine.get(9)?.errors.性别).toMatch(/性别与身份证号不符（应为男）/);
    expect(JSON.stringify(p)).not.toContain(NEW1[1]);
    s.close();
  });

  it('imports nothing while any row has an error', async () => {
    const { s } = await withExisting();
    const file = await xlsx([NEW1, ['王五', '130102500308121', '', '', '', '', '', '', '']]);
    const before = (await s.client['audit.list']({ limit: 500 })).length;
    const msg = await expectAppError(s.client['residents.importCommit']({ fileName: 'a.xlsx', base64: file, onExisting: 'skip' }), 'VALIDATION');
    expect(msg).toMatch(/有 1 行数据有误（第 4 行）.*本次未导入任何数据/);
    expect((await s.client['residents.search']({ q: '刘秀英', limit: 5 })).items).toEqual([]);
    expect((await s.client['audit.list']({ limit: 500 })).length).toBe(before);
    s.close();
  });

  it('skips people already registered when told to, and fills them in when told to match', async () => {
    const { s, old } = await withExisting();
    const file = await xlsx([NEW1, NEW2, [OLD.name, OLD.idNumber.toLowerCase(), '男', '1950-03-08', '', '新地址 5 号', '', '空巢老人(2022-01-01)', '']]);
    const skipped = await s.client['residents.importCommit']({ fileName: 'a.xlsx', base64: file, onExisting: 'skip' });
    expect(skipped).toEqual({ created: 2, updated: 0, skipped: 1 });
    expect((await s.client['residents.get']({ id: old.id })).address).toBe('旧地址');
    const liu = (await s.client['residents.search']({ q: '刘秀英', limit: 5 })).items[0]!;
    expect(liu).toMatchObject({ sex: 'female', birthDate: '1941-10-02', tags: ['独居老人', '低保'], grid: '第三网格' });
    const liuView = await s.client['residents.get']({ id: liu.id });
    expect(liuView.tagEntries).toEqual([
      { tag: '独居老人', since: '2025-02-01' },
      { tag: '低保', since: '2026-11-27' },
    ]);
    expect((await s.client['residents.search']({ q: '5555', limit: 5 })).items[0]?.name).toBe('陈志强');

    const matched = await s.client['residents.importCommit']({ fileName: 'a.xlsx', base64: file, onExisting: 'match' });
    // the two new people are registered now, and unchanged: they count as skipped
    expect(matched).toEqual({ created: 0, updated: 1, skipped: 2 });
    const after = await s.client['residents.get']({ id: old.id });
    expect(after).toMatchObject({ address: '新地址 5 号', phone: '13812345678', grid: '第一网格', version: 2, tagEntries: [{ tag: '空巢老人', since: '2022-01-01' }] });
    const log = await s.client['audit.list']({ limit: 500 });
    expect(log.filter((e) => e.action === 'resident.import').map((e) => e.detail)).toEqual([
      { rows: 3, created: 0, updated: 1, skipped: 2, onExisting: 'match' },
      { rows: 3, created: 2, updated: 0, skipped: 1, onExisting: 'skip' },
    ]);
    expect(log.find((e) => e.action === 'resident.update' && e.entityId === old.id)?.detail).toEqual({ changed: ['address', 'tags'], via: 'import' });
    s.close();
  });

  it('rolls the whole import back when a row fails while being written', async () => {
    const { s } = await withExisting();
    // Something the preview cannot foresee (here: a trigger standing in for a full disk) fails on the last row.
    const raw = new Database(path.join(s.dataDir, 'stationdesk.db'));
    raw.exec("CREATE TRIGGER fail_on_chen BEFORE INSERT ON residents WHEN NEW.name = '陈志强' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    raw.close();
    const file = await xlsx([NEW1, NEW2]);
    const before = { people: await count(s.client), audit: (await s.client['audit.list']({ limit: 500 })).length };
    const env = await dispatch(s.calls, 'residents.importCommit', { requestId: randomUUID(), fileName: 'a.xlsx', base64: file, onExisting: 'skip' });
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await s.client['residents.search']({ q: '刘秀英', limit: 5 })).items).toEqual([]);
    expect((await s.client['residents.search']({ q: 'lxy', limit: 5 })).items).toEqual([]);
    expect({ people: await count(s.client), audit: (await s.client['audit.list']({ limit: 500 })).length }).toEqual(before);
    expect((await s.client['audit.verify']({})).ok).toBe(true);
    s.close();
  });

  it('reads a CSV saved by Excel in GBK, and one in UTF-8 with a BOM', async () => {
    const { s } = await withExisting();
    const id = idFor('1966-06-06', '161');
    // "姓名,身份证号\r\n张三丰,<id>\r\n" in GBK, as Excel for Chinese Windows writes it
    const gbk = Buffer.concat([Buffer.from('D0D5C3FB2CC9EDB7DDD6A4BAC50D0A', 'hex'), Buffer.from('D5C5C8FDB7E12C', 'hex'), Buffer.from(`${id}\r\n`)]);
    const p = await s.client['residents.importPreview']({ fileName: 'gbk.csv', base64: gbk.toString('base64') });
    expect(p.rows).toEqual([expect.objectContaining({ line: 2, name: '张三丰', status: 'new' })]);

    const utf8 = Buffer.from(`\uFEFF备注,"姓名",身份证号,所属网格,电话\n"住在""老街"",3 楼",李四,${idFor('1999-09-09', '191')},第二网格,13612345678\n`);
    const q = await s.client['residents.importPreview']({ fileName: 'u.CSV', base64: utf8.toString('base64') });
    expect(q).toMatchObject({ total: 1, newCount: 1, ignoredColumns: [] });
    await s.client['residents.importCommit']({ fileName: 'u.CSV', base64: utf8.toString('base64'), onExisting: 'skip' });
    const li = (await s.client['residents.search']({ q: '李四', limit: 1 })).items[0]!;
    expect(await s.client['residents.get']({ id: li.id })).toMatchObject({ notes: '住在"老街",3 楼', grid: '第二网格', phone: '13612345678' });
    s.close();
  });

  it('says which file cannot be read, and lets only 站长 or 管理员 import', async () => {
    const { s } = await withExisting();
    const env = await dispatch(s.calls, 'residents.importPreview', { fileName: 'a.xls', base64: 'AAAA' });
    expect(!env.ok && env.error.fields?.fileName).toMatch(/只能导入 .xlsx 或 .csv/);
    expect(await expectAppError(s.client['residents.importPreview']({ fileName: 'a.xlsx', base64: Buffer.from('not a zip').toString('base64') }), 'VALIDATION')).toMatch(/无法读取/);
    const noHeader = Buffer.from('名字甲,号码\n张三,1\n').toString('base64');
    expect(await expectAppError(s.client['residents.importPreview']({ fileName: 'a.csv', base64: noHeader }), 'VALIDATION')).toMatch(/没有找到“姓名”和“身份证号”/);

    const template = await s.client['residents.importTemplate']({});
    const wb = await loadWorkbook(Buffer.from(template.base64, 'base64'));
    expect([1, 2, 3].map((c) => wb.worksheets[0]!.getRow(1).getCell(c).text)).toEqual(['姓名', '身份证号', '性别']);

    await addStaff(s.client, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await s.client['auth.signIn']({ login: 'lina', password: 'Counter123' });
    const file = await xlsx([NEW1]);
    // the preview reads every row of the file against the registry: import holders only
    await expectAppError(s.client['residents.importPreview']({ fileName: 'a.xlsx', base64: file }), 'FORBIDDEN');
    await expectAppError(s.client['residents.importStart']({ fileName: 'a.xlsx', base64: file }), 'FORBIDDEN');
    await expectAppError(s.client['residents.importCommit']({ fileName: 'a.xlsx', base64: file, onExisting: 'skip' }), 'FORBIDDEN');
    s.close();
  });
});
