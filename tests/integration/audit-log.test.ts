import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { stationDate } from '../../common/time';
import type { AuditEntry } from '../../common/contract';

const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Counter123' };
const MIN = 60_000;

type Station = Awaited<ReturnType<typeof setUpStation>>;

async function all(s: Station, filter: Parameters<Station['client']['audit.search']>[0]['filter'] = {}): Promise<AuditEntry[]> {
  return (await s.client['audit.search']({ filter, pageSize: 200 })).entries;
}

async function readSheet(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('操作日志');
  if (!ws) throw new Error('no sheet 操作日志');
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= 8; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return rows;
}

describe('操作日志 filters', () => {
  it('takes dates as the station’s days (Beijing), across midnight and into the next year', async () => {
    // 23:30 on 31 Dec 2026 in Beijing is 15:30 UTC; an hour later it is 2027 at the station, still 2026 in UTC.
    const clock = manualClock('2026-12-31T15:30:00.000Z');
    const s = await setUpStation({ clock });
    clock.advance(60 * MIN);
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const clerk = await addStaff(s.client, CLERK);

    const lastYear = await all(s, { dateFrom: '2026-12-31', dateTo: '2026-12-31' });
    const newYear = await all(s, { dateFrom: '2027-01-01' });
    expect(lastYear.map((e) => e.action).sort()).toEqual(['staff.create', 'station.create']);
    expect(newYear.map((e) => e.action)).toEqual(expect.arrayContaining(['staff.create', 'staff.signIn', 'staff.changePassword']));
    expect(newYear.every((e) => stationDate(e.at) === '2027-01-01')).toBe(true);
    expect(newYear.some((e) => e.at.startsWith('2026-12-31'))).toBe(true); // the UTC date says otherwise
    expect(await all(s, { dateTo: '2026-12-30' })).toEqual([]);
    expect((await s.client['audit.search']({ filter: {} })).total).toBe(lastYear.length + newYear.length);

    const byClerk = await all(s, { actorId: clerk.id });
    expect(byClerk.length).toBeGreaterThan(0);
    expect(byClerk.every((e) => e.actorId === clerk.id && e.actorName === CLERK.name)).toBe(true);
    expect((await all(s, { action: 'staff.signIn' })).every((e) => e.action === 'staff.signIn')).toBe(true);

    expect(await expectAppError(s.client['audit.search']({ filter: { dateFrom: '2027-01-02', dateTo: '2027-01-01' } }), 'VALIDATION')).toBe('起始日期不能晚于截止日期');
    expect(await expectAppError(s.client['audit.search']({ filter: { dateFrom: '2027/1/1' } }), 'VALIDATION')).toMatch(/年-月-日/);
    s.close();
  });

  it('finds a record by its receipt number, pages newest first, and lists the actions present', async () => {
    const s = await setUpStation({ clock: manualClock('2026-11-27T01:00:00.000Z') });
    const resident = await s.client['residents.create']({ name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' });
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const first = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    const second = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    const no = first.record.receiptNo;
    await s.client['documents.get']({ id: first.documentId! }); // the receipt is made after the answer

    const about = await all(s, { record: no });
    expect(about.map((e) => e.action)).toEqual(expect.arrayContaining(['intake.accept', 'document.issue']));
    expect(JSON.stringify(about)).not.toContain(second.record.receiptNo);
    expect(await all(s, { record: no.toLowerCase() })).toEqual(about);
    expect((await all(s, { record: first.record.id })).map((e) => e.action)).toContain('intake.accept');
    expect(await all(s, { record: 'no-such-record' })).toEqual([]);
    // a whole value only: part of a number, a key name or LIKE's wildcards find nothing
    expect(await all(s, { record: no.slice(-4) })).toEqual([]);
    expect(await all(s, { record: 'receiptNo' })).toEqual([]);
    expect(await all(s, { record: '%' })).toEqual([]);
    expect(await all(s, { record: no.replace(/\d$/, '_') })).toEqual([]);

    const total = (await s.client['audit.search']({ filter: {} })).total;
    const p1 = await s.client['audit.search']({ filter: {}, page: 1, pageSize: 3 });
    const p2 = await s.client['audit.search']({ filter: {}, page: 2, pageSize: 3 });
    expect(p1.total).toBe(total);
    expect(p1.entries).toHaveLength(3);
    const seqs = [...p1.entries, ...p2.entries].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs[0]).toBe(total);

    expect(await s.client['audit.actions']({})).toEqual(expect.arrayContaining(['intake.accept', 'document.issue', 'resident.create', 'staff.create']));
    s.close();
  });

  it('is for the station head and the administrator only', async () => {
    const s = await setUpStation();
    await addStaff(s.client, CLERK);
    await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
    await expectAppError(s.client['audit.search']({ filter: {} }), 'FORBIDDEN');
    await expectAppError(s.client['audit.export']({ filter: {} }), 'FORBIDDEN');
    await expectAppError(s.client['audit.actions']({}), 'FORBIDDEN');
    s.close();
  });
});

describe('操作日志 export', () => {
  it('saves the filtered log as .xlsx in Chinese under exports/, raw codes beside it, and audits the export', async () => {
    const s = await setUpStation({ clock: manualClock('2026-11-27T01:00:00.000Z') });
    const resident = await s.client['residents.create']({ name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' });
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const r = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    await s.client['documents.get']({ id: r.documentId! });

    const out = await s.client['audit.export']({ filter: { record: r.record.receiptNo } });
    expect(out.fileName).toBe('操作日志-20261127-090000.xlsx');
    expect(out.savedPath).toBe(`${s.dataDir}/exports/${out.fileName}`);
    expect(Buffer.from(out.base64, 'base64').equals(fs.readFileSync(out.savedPath))).toBe(true);

    const rows = await readSheet(out.savedPath);
    expect(rows[0]?.[0]).toBe('长安区建北街道党群服务中心操作日志');
    expect(rows[1]?.[0]).toContain(`记录：${r.record.receiptNo}`);
    expect(rows[2]).toEqual(['序号', '时间', '操作人', '操作', '记录', '详情', '操作代码', '原始详情（JSON）']);
    const body = rows.slice(3);
    expect(body).toHaveLength(out.rows);
    const accept = body.find((row) => row[6] === 'intake.accept');
    const issue = body.find((row) => row[6] === 'document.issue');
    expect(accept?.slice(2, 5)).toEqual([ADMIN.name, '受理代办事项', `代办事项 ${r.record.receiptNo}`]);
    expect(accept?.[1]).toBe('2026/11/27 09:00');
    expect(accept?.[5]).toContain(`回执编号：${r.record.receiptNo}`);
    expect(issue?.[3]).toBe('生成单据');
    expect(issue?.[5]).toContain('单据类型：受理回执');
    expect(issue?.[5]).toContain('文件校验码：');
    // The Chinese columns carry no internal codes; the raw column keeps them for county IT.
    for (const row of body) expect(row.slice(3, 6).join(' ')).not.toMatch(/intake\.|documents\.|sha256|receiptNo|kind/);
    expect(JSON.parse(issue?.[7] ?? '{}')).toMatchObject({ entity: 'document', detail: { kind: 'intake.acceptance' } });
    // no 身份证号 and no phone anywhere in the file
    expect(JSON.stringify(rows)).not.toMatch(/11010519491231002X|13800138000/);

    const last = (await s.client['audit.list']({ limit: 1 }))[0];
    expect(last).toMatchObject({ action: 'audit_log.export', entity: 'audit_log', detail: { rows: out.rows, fileName: out.fileName, filters: { record: r.record.receiptNo } } });
    s.close();
  });

  it('keeps a 身份证号 typed into the record box out of the log of the export', async () => {
    const s = await setUpStation();
    const out = await s.client['audit.export']({ filter: { record: '11010519491231002X' } });
    expect(out.rows).toBe(0);
    const last = (await s.client['audit.list']({ limit: 1 }))[0];
    expect(last?.action).toBe('audit_log.export');
    expect(JSON.stringify(last)).not.toContain('11010519491231002X');
    expect(JSON.stringify(await readSheet(out.savedPath))).not.toContain('11010519491231002X');
    s.close();
  });
});
