/**
 * Issue 8, item 3: the 台账 export and the resident import (its preview included) are the
 * 站长's and 管理员's, or a clerk's the 站长 granted them to; grants are audited, a disabled
 * account's grant counts for nothing, and a clerk's export has phones and 身份证号 masked.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, setUpStation, type TestApi } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { checkCharOf } from '../../common/idcard';
import { loadWorkbook } from '../../main/services/residents-io';
import { openDb } from '../../main/db/open';
import { createGrants } from '../../main/services/grants';
import { createWriter } from '../../main/db/write';
import { createAudit } from '../../main/services/audit';
import { manualClock } from '../helpers/station';

const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Counter123' };
const HEAD = { name: '周站长', login: 'zhou', role: 'head' as const, password: 'Header2026' };
const PHONE = '13933310001';

function idFor(birth: string, seq: string): string {
  const first17 = `130102${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharOf(first17);
}

async function seed(api: TestApi) {
  await api['residents.create']({ name: '赵桂兰', idNumber: idFor('1938-02-11', '102'), phone: PHONE, address: '建北街道中山东路 3 号', grid: '第一网格', tags: [{ tag: '独居老人', since: '2024-05-01' }] });
  await api['residents.create']({ name: '李卫东', idNumber: idFor('1975-12-12', '105'), phone: '0311-86012345', address: '建北街道', grid: '第二网格', tags: [{ tag: '低保', since: '2024-05-01' }] });
}

const csv = (rows: string[]) => Buffer.from(['姓名,身份证号', ...rows].join('\n')).toString('base64');

async function station() {
  const s = await setUpStation();
  await seed(s.client);
  const clerk = await addStaff(s.client, CLERK);
  const head = await addStaff(s.client, HEAD);
  const as = (who: { login: string; password: string }) => s.client['auth.signIn']({ login: who.login, password: who.password });
  return { s, clerk, head, as };
}

describe('permissions the 站长 grants', () => {
  it('refuses a clerk the 台账 export and every import call, the preview and the template included', async () => {
    const { s, as } = await station();
    await as(CLERK);
    expect(await expectAppError(s.client['residents.exportLedger']({ filter: {} }), 'FORBIDDEN')).toBe('只有站长、管理员或经站长授权的工作人员可以导出重点服务对象台账');
    expect(await expectAppError(s.client['residents.importPreview']({ fileName: 'a.csv', base64: csv([`张三,${idFor('1980-01-01', '101')}`]) }), 'FORBIDDEN')).toMatch(/批量导入居民/);
    await expectAppError(s.client['residents.importStart']({ fileName: 'a.csv', base64: csv([]) }), 'FORBIDDEN');
    await expectAppError(s.client['residents.importTemplate']({}), 'FORBIDDEN');
    // nor may a clerk grant anything, to anyone
    await expectAppError(s.client['staff.grants']({}), 'FORBIDDEN');
    expect(await s.client['staff.myPermissions']({})).toEqual([]);
    s.close();
  });

  it('lets the 站长 grant the export to one clerk, who then exports with phones and 身份证号 masked; audited without personal data', async () => {
    const { s, clerk, as } = await station();
    await as(HEAD);
    const list = await s.client['staff.grants']({});
    expect(list.find((x) => x.login === 'lina')).toMatchObject({ role: 'clerk', active: true, grants: [] });
    expect(await s.client['staff.setGrant']({ staffId: clerk.id, permission: 'residents.export', granted: true })).toMatchObject({ login: 'lina', grants: ['residents.export'] });
    // granting again changes nothing and writes nothing
    const before = (await s.client['audit.list']({ limit: 500 })).length;
    await s.client['staff.setGrant']({ staffId: clerk.id, permission: 'residents.export', granted: true });
    expect((await s.client['audit.list']({ limit: 500 })).length).toBe(before);

    await as(CLERK);
    expect(await s.client['staff.myPermissions']({})).toEqual(['residents.export']);
    const out = await s.client['residents.exportLedger']({ filter: {} });
    expect(out.rows).toBe(2);
    const ws = (await loadWorkbook(Buffer.from(out.base64, 'base64'))).worksheets[0]!;
    const rows = [4, 5].map((r) => ws.getRow(r));
    const zhao = rows.find((r) => r.getCell(1).text === '赵桂兰')!;
    expect(zhao.getCell(6).text).toBe('139****0001');
    expect(zhao.getCell(5).text).toMatch(/^130102\*{8}\d{3}[\dX]$/);
    expect(rows.find((r) => r.getCell(1).text === '李卫东')!.getCell(6).text).toBe('0311-****2345');
    expect(ws.getRow(2).getCell(1).text).toContain('联系电话已脱敏');
    // the grant is for the export, not for full numbers
    await expectAppError(s.client['residents.exportLedger']({ filter: {}, fullIdNumbers: true }), 'FORBIDDEN');
    // and not for the import
    await expectAppError(s.client['residents.importPreview']({ fileName: 'a.csv', base64: csv([]) }), 'FORBIDDEN');

    await as(ADMIN);
    const log = await s.client['audit.list']({ limit: 500 });
    const exp = log.find((e) => e.action === 'resident.exportLedger')!;
    expect(exp).toMatchObject({ actorName: CLERK.name, detail: { rows: 2, fullIdNumbers: false, phonesMasked: true } });
    expect(Object.keys(exp.detail).sort()).toEqual(['fileName', 'fullIdNumbers', 'phonesMasked', 'rows']);
    expect(JSON.stringify(exp.detail)).not.toMatch(/赵桂兰|1393331|86012345|130102/);
    expect(log.filter((e) => e.action === 'staff.grant')).toEqual([expect.objectContaining({ actorName: HEAD.name, entityId: clerk.id, detail: { login: 'lina', permission: 'residents.export' } })]);
    // the 站长's own export keeps full phones (they may see full numbers)
    await as(HEAD);
    const headOut = await s.client['residents.exportLedger']({ filter: { tags: ['独居老人'] } });
    expect((await loadWorkbook(Buffer.from(headOut.base64, 'base64'))).worksheets[0]!.getRow(4).getCell(6).text).toBe(PHONE);
    s.close();
  });

  it('lets the 站长 grant the import, preview included, and withdraw it again', async () => {
    const { s, clerk, as } = await station();
    await as(HEAD);
    await s.client['staff.setGrant']({ staffId: clerk.id, permission: 'residents.import', granted: true });
    await as(CLERK);
    const file = csv([`张三,${idFor('1980-01-01', '101')}`]);
    expect((await s.client['residents.importPreview']({ fileName: 'a.csv', base64: file })).newCount).toBe(1);
    expect(await s.client['residents.importCommit']({ fileName: 'a.csv', base64: file, onExisting: 'skip' })).toMatchObject({ created: 1 });

    await as(HEAD);
    expect(await s.client['staff.setGrant']({ staffId: clerk.id, permission: 'residents.import', granted: false })).toMatchObject({ grants: [] });
    await as(CLERK);
    await expectAppError(s.client['residents.importPreview']({ fileName: 'a.csv', base64: file }), 'FORBIDDEN');
    await as(ADMIN);
    const log = await s.client['audit.list']({ limit: 500 });
    expect(log.filter((e) => e.action === 'staff.revokeGrant')).toEqual([expect.objectContaining({ actorName: HEAD.name, detail: { login: 'lina', permission: 'residents.import' } })]);
    s.close();
  });

  it('refuses what cannot be granted, to whom it cannot be granted', async () => {
    const { s, clerk, head, as } = await station();
    await as(HEAD);
    expect((await expectAppError(s.client['staff.setGrant']({ staffId: clerk.id, permission: 'residents.revealId' as 'residents.export', granted: true }), 'VALIDATION'))).toBe('该权限不能单独授予');
    expect(await expectAppError(s.client['staff.setGrant']({ staffId: head.id, permission: 'residents.export', granted: true }), 'CONFLICT')).toMatch(/站长本身已有/);
    await expectAppError(s.client['staff.setGrant']({ staffId: 'no-such-id', permission: 'residents.export', granted: true }), 'NOT_FOUND');
    s.close();
  });

  it('a grant held by a disabled account counts for nothing', async () => {
    const { s, clerk, as } = await station();
    await as(HEAD);
    await s.client['staff.setGrant']({ staffId: clerk.id, permission: 'residents.export', granted: true });
    await as(ADMIN);
    await s.client['staff.update']({ id: clerk.id, active: false });
    // the row is still there (the grants screen shows it), but it grants nothing
    expect((await s.client['staff.grants']({})).find((x) => x.id === clerk.id)!.grants).toEqual(['residents.export']);
    const db = openDb(s.dbPath);
    const clock = manualClock();
    const grants = createGrants(db, clock, createWriter(db, clock, createAudit(db, clock).append));
    expect(grants.grantsOf(clerk.id)).toEqual([]);
    db.close();
    await as(ADMIN);
    await s.client['staff.update']({ id: clerk.id, active: true });
    const db2 = openDb(s.dbPath);
    expect(createGrants(db2, clock, createWriter(db2, clock, createAudit(db2, clock).append)).grantsOf(clerk.id)).toEqual(['residents.export']);
    db2.close();
    s.close();
  });
});
