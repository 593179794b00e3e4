/**
 * Access rules as declared in the contract, checked once in dispatch, whichever transport
 * carried the call: an anonymous caller, a clerk without the permission, and the refusals'
 * words, which are the ones the counter has always shown.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import { NOT_ALLOWED } from '../../main/access';
import { ADMIN, manualClock, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';

const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Counter123' };
const SIGN_IN_FIRST = '请先登录；如果刚才长时间未操作，系统已自动退出登录';

async function refusal(env: Promise<{ ok: boolean; error?: { code: string; message: string } }>) {
  const e = await env;
  expect(e.ok).toBe(false);
  return e.error!;
}

describe('access checked in dispatch', () => {
  it('refuses an anonymous caller on a signed-in call before reading its input, and lets the public calls through', async () => {
    const s = await setUpStation();
    await s.client['auth.signOut']({});
    expect(await refusal(dispatch(s.calls, 'residents.search', { q: '张' }))).toEqual({ code: 'FORBIDDEN', message: SIGN_IN_FIRST });
    // bad input gets the same answer: a caller who may not call learns nothing from the schema
    expect(await refusal(dispatch(s.calls, 'residents.create', { name: 42 }))).toEqual({ code: 'FORBIDDEN', message: SIGN_IN_FIRST });
    expect(await refusal(dispatch(s.calls, 'staff.create', { requestId: randomUUID(), ...CLERK }))).toEqual({ code: 'FORBIDDEN', message: SIGN_IN_FIRST });
    for (const name of ['app.info', 'station.get', 'auth.session'] as const) expect((await dispatch(s.calls, name, {})).ok).toBe(true);
    s.close();
  });

  it('refuses a clerk on a permission call with the words the counter shows, and changes nothing', async () => {
    const s = await setUpStation();
    await addStaff(s.client, CLERK);
    const resident = await s.client['residents.create']({ name: '张三', idNumber: '11010519491231002X' });
    await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });

    expect(await refusal(dispatch(s.calls, 'staff.create', { requestId: randomUUID(), name: '赵敏', login: 'zhaomin', role: 'admin', password: 'Admin2026x' }))).toEqual({ code: 'FORBIDDEN', message: NOT_ALLOWED });
    expect((await refusal(dispatch(s.calls, 'catalogue.add', { requestId: randomUUID(), fields: {} }))).message).toBe('只有站长或管理员可以修改服务清单');
    expect((await refusal(dispatch(s.calls, 'calendar.load', { requestId: randomUUID(), fileName: 'a.json', text: '{}' }))).message).toBe('只有站长或管理员可以导入放假安排');
    expect((await refusal(dispatch(s.calls, 'residents.importCommit', { requestId: randomUUID(), fileName: 'a.csv', base64: '', onExisting: 'skip' }))).message).toBe('只有站长、管理员或经站长授权的工作人员可以批量导入居民');
    expect((await refusal(dispatch(s.calls, 'audit.verify', {}))).message).toBe(NOT_ALLOWED);
    expect((await refusal(dispatch(s.calls, 'residents.revealIdNumber', { id: resident.id }))).message).toBe('只有站长或管理员可以查看完整身份证号');
    // a signed-in call works for the clerk
    expect((await dispatch(s.calls, 'residents.get', { id: resident.id })).ok).toBe(true);

    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect((await s.client['staff.list']({})).map((x) => x.login).sort()).toEqual(['admin', 'lina']);
    // the refused reveal is itself in the log, by whom and of whom (and nothing else was)
    const log = await s.client['audit.list']({ limit: 50 });
    const refused = log.filter((e) => e.action === 'resident.revealRefused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ actorName: CLERK.name, entityId: resident.id, detail: { via: 'revealIdNumber' } });
    expect(log.filter((e) => e.action === 'staff.create')).toHaveLength(2);
    s.close();
  });

  it('does not count a signed-in call as activity: only the activity the renderer reports does (issue 8)', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    const idle = (await s.client['auth.session']({}))!.idleMinutes;
    clock.advance((idle - 1) * 60_000);
    expect((await dispatch(s.calls, 'auth.activity', {})).ok).toBe(true);
    clock.advance((idle - 1) * 60_000);
    // still signed in: the reported activity reset the idle timer; this call does not
    expect((await dispatch(s.calls, 'intake.counts', {})).ok).toBe(true);
    clock.advance(2 * 60_000);
    expect(await refusal(dispatch(s.calls, 'intake.counts', {}))).toEqual({ code: 'FORBIDDEN', message: SIGN_IN_FIRST });
    s.close();
  });
});

describe('a refused reveal with no input at all', () => {
  it('is refused and audited without a resident, not a crash', async () => {
    const s = await setUpStation();
    await addStaff(s.client, CLERK);
    await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
    expect((await refusal(dispatch(s.calls, 'residents.revealIdNumber', undefined))).message).toBe('只有站长或管理员可以查看完整身份证号');
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const refused = (await s.client['audit.list']({ limit: 50 })).filter((e) => e.action === 'resident.revealRefused');
    expect(refused.map((e) => e.entityId)).toEqual([null]);
    s.close();
  });
});
