import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { checkCharOf } from '../../common/idcard';
import { loadWorkbook } from '../../main/services/residents-io';
import type { TestApi } from '../helpers/station';
import type { KeyTag } from '../../common/contracts/residents';

function idFor(birth: string, seq: string): string {
  const first17 = `130102${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharOf(first17);
}

async function seed(api: TestApi) {
  // the sequence's last digit is the sex: odd for men, even for women
  const people: { name: string; birth: string; seq: string; grid: string; tags: KeyTag[]; phone?: string }[] = [
    { name: '赵桂兰', birth: '1938-02-11', seq: '102', grid: '第一网格', tags: ['独居老人', '重病'], phone: '13933310001' },
    { name: '钱德胜', birth: '1950-07-01', seq: '103', grid: '第一网格', tags: ['空巢老人'] },
    { name: '孙小雨', birth: '2016-09-09', seq: '104', grid: '第二网格', tags: ['留守儿童'] },
    { name: '李卫东', birth: '1975-12-12', seq: '105', grid: '第二网格', tags: ['残疾人', '低保'] },
    { name: '周大海', birth: '1960-01-20', seq: '107', grid: '第一网格', tags: [] },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const r = await api['residents.create']({
      name: p.name,
      idNumber: idFor(p.birth, p.seq),
      phone: p.phone ?? '',
      address: '建北街道',
      grid: p.grid,
      householdHeadId: null,
      relation: null,
      notes: '',
      tags: p.tags.map((tag) => ({ tag, since: '2024-05-01' })),
    });
    ids[p.name] = r.id;
  }
  return ids;
}

const names = (items: { name: string }[]) => items.map((i) => i.name).sort();

describe('重点服务对象台账', () => {
  it('lists only key-service targets and filters by tag, grid and age band', async () => {
    const s = await setUpStation();
    await seed(s.client);
    const all = await s.client['residents.ledger']({ filter: {}, page: 1, pageSize: 50 });
    expect(all.total).toBe(4);
    expect(names(all.items)).toEqual(['孙小雨', '李卫东', '赵桂兰', '钱德胜'].sort());
    expect(all.items.find((i) => i.name === '赵桂兰')?.tagEntries).toEqual([
      { tag: '独居老人', since: '2024-05-01' },
      { tag: '重病', since: '2024-05-01' },
    ]);

    const byTag = await s.client['residents.ledger']({ filter: { tags: ['低保', '留守儿童'] }, page: 1, pageSize: 50 });
    expect(names(byTag.items)).toEqual(['孙小雨', '李卫东'].sort());
    const byGrid = await s.client['residents.ledger']({ filter: { grid: '第一网格' }, page: 1, pageSize: 50 });
    expect(names(byGrid.items)).toEqual(['赵桂兰', '钱德胜'].sort());
    // 钱德胜 (born 1950-07-01) is 76 on 2026-11-27; 赵桂兰 is 88.
    const elderly = await s.client['residents.ledger']({ filter: { ageMin: 60, ageMax: 79 }, page: 1, pageSize: 50 });
    expect(names(elderly.items)).toEqual(['钱德胜']);
    const eighty = await s.client['residents.ledger']({ filter: { ageMin: 80 }, page: 1, pageSize: 50 });
    expect(names(eighty.items)).toEqual(['赵桂兰']);
    const children = await s.client['residents.ledger']({ filter: { ageMax: 17 }, page: 1, pageSize: 50 });
    expect(names(children.items)).toEqual(['孙小雨']);

    const page2 = await s.client['residents.ledger']({ filter: {}, page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.items).toHaveLength(1);
    expect(await s.client['residents.grids']({})).toEqual(['第一网格', '第二网格']);

    // tags taken away: off the 台账; given: on it
    const ids = Object.fromEntries(all.items.map((i) => [i.name, i.id]));
    const qian = await s.client['residents.get']({ id: ids['钱德胜']! });
    await s.client['residents.update']({ id: qian.id, version: qian.version, name: qian.name, grid: qian.grid, tags: [] });
    const zhou = (await s.client['residents.search']({ q: '周大海' })).items[0]!;
    const zhouView = await s.client['residents.get']({ id: zhou.id });
    await s.client['residents.update']({ id: zhou.id, version: zhouView.version, name: zhou.name, grid: zhou.grid, tags: [{ tag: '优抚对象', since: '2020-08-01' }] });
    expect(names((await s.client['residents.ledger']({ filter: { grid: '第一网格' } })).items)).toEqual(['周大海', '赵桂兰'].sort());
    s.close();
  });

  it('exports the filtered list to .xlsx with masked numbers, saved in exports/ and returned for download', async () => {
    const s = await setUpStation();
    await seed(s.client);
    const out = await s.client['residents.exportLedger']({ filter: { grid: '第一网格' }, fullIdNumbers: false });
    expect(out.rows).toBe(2);
    expect(path.dirname(out.savedPath)).toBe(path.join(s.dataDir, 'exports'));
    const bytes = Buffer.from(out.base64, 'base64');
    expect(fs.readFileSync(out.savedPath).equals(bytes)).toBe(true);

    const wb = await loadWorkbook(bytes);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toMatch(/重点服务对象台账/);
    expect(String(ws.getCell(2, 1).value)).toMatch(/身份证号已脱敏/);
    const header = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => ws.getRow(3).getCell(c).text);
    expect(header).toEqual(['姓名', '性别', '出生日期', '年龄', '身份证号', '联系电话', '现住址', '网格', '重点服务对象（认定日期）']);
    const rows = [4, 5].map((r) => ws.getRow(r));
    const zhao = rows.find((r) => r.getCell(1).text === '赵桂兰')!;
    expect(zhao.getCell(2).text).toBe('女');
    expect(zhao.getCell(5).text).toBe(`130102********${idFor('1938-02-11', '102').slice(-4)}`);
    expect(zhao.getCell(6).text).toBe('13933310001');
    expect(zhao.getCell(9).text).toBe('独居老人（2024-05-01）、重病（2024-05-01）');
    expect(ws.rowCount).toBe(5);
    const last = (await s.client['audit.list']({ limit: 1 }))[0];
    expect(last).toMatchObject({ action: 'resident.exportLedger', detail: { rows: 2, fullIdNumbers: false } });
    s.close();
  });

  it('puts full numbers in the export only for a permitted role, and audits it', async () => {
    const s = await setUpStation();
    await seed(s.client);
    const full = await s.client['residents.exportLedger']({ filter: { tags: ['留守儿童'] }, fullIdNumbers: true });
    const wb = await loadWorkbook(Buffer.from(full.base64, 'base64'));
    expect(wb.worksheets[0]!.getRow(4).getCell(5).text).toBe(idFor('2016-09-09', '104'));
    expect((await s.client['audit.list']({ limit: 1 }))[0]).toMatchObject({ action: 'resident.exportLedger', detail: { fullIdNumbers: true, rows: 1 } });

    await addStaff(s.client, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await s.client['auth.signIn']({ login: 'lina', password: 'Counter123' });
    // a clerk exports nothing unless the 站长 grants it (staff-grants.test.ts)
    await expectAppError(s.client['residents.exportLedger']({ filter: {}, fullIdNumbers: true }), 'FORBIDDEN');
    await expectAppError(s.client['residents.exportLedger']({ filter: {}, fullIdNumbers: false }), 'FORBIDDEN');
    await s.client['auth.signIn']({ login: 'admin', password: ADMIN.password });
    s.close();
  });
});
