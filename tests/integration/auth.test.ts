import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN, STATION, expectAppError, manualClock, openTestStation, setUpStation } from '../helpers/station';
import { dispatch } from '../../main/dispatch';
import { addStaff } from '../helpers/staff';

const MIN = 60_000;

async function actions(api: Awaited<ReturnType<typeof setUpStation>>['api']): Promise<string[]> {
  return (await api['audit.list']({ limit: 500 })).map((e) => e.action).reverse();
}

describe('first-run setup', () => {
  it('creates the station and the first administrator once, and signs them in', async () => {
    const s = await openTestStation();
    expect((await s.api['app.info']({})).setupNeeded).toBe(true);
    const session = await s.api['setup.init']({ station: STATION, admin: ADMIN });
    expect(session.staff).toMatchObject({ login: 'admin', role: 'admin', name: '王建国' });
    const info = await s.api['app.info']({});
    expect(info.setupNeeded).toBe(false);
    expect(info.station?.name).toBe(STATION.name);
    await expectAppError(s.api['setup.init']({ station: STATION, admin: { ...ADMIN, login: 'other' } }), 'CONFLICT');
    expect(await actions(s.api)).toEqual(['staff.create', 'station.create']);
    s.close();
  });

  it('rejects bad input field by field with Chinese messages, and saves nothing', async () => {
    const s = await openTestStation();
    const env = await dispatch(s.calls, 'setup.init', { station: { ...STATION, phone: '12345', code: 'x' }, admin: { ...ADMIN, password: 'short' } });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('VALIDATION');
    expect(env.error.fields?.['station.phone']).toMatch(/电话格式不正确/);
    expect(env.error.fields?.['station.code']).toMatch(/站点编码/);
    expect(env.error.fields?.['admin.password']).toMatch(/至少 8 位/);
    expect((await s.api['app.info']({})).setupNeeded).toBe(true);
    s.close();
  });

  it('keeps the station after a restart on the same file', async () => {
    const s = await setUpStation();
    s.close();
    const again = await openTestStation({ dataDir: s.dataDir });
    expect((await again.api['app.info']({})).station?.code).toBe(STATION.code);
    expect(await again.api['auth.session']({})).toBeNull();
    await again.api['auth.signIn']({ login: 'ADMIN', password: ADMIN.password });
    again.close();
  });
});

describe('sign-in', () => {
  it('counts wrong passwords, holds the login back after five, and lets it in when the wait has passed', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    await s.api['auth.signOut']({});
    for (let i = 1; i <= 4; i++) {
      const msg = await expectAppError(s.api['auth.signIn']({ login: 'admin', password: 'wrong-1' }), 'VALIDATION');
      expect(msg).toBe('登录名或密码错误');
    }
    expect(await expectAppError(s.api['auth.signIn']({ login: 'admin', password: 'wrong-1' }), 'FORBIDDEN')).toMatch(/错误次数过多，请于 09:00:30 后再试/);
    // Even the right password is refused while held back.
    expect(await expectAppError(s.api['auth.signIn']({ login: 'admin', password: ADMIN.password }), 'FORBIDDEN')).toMatch(/错误次数过多/);
    clock.advance(31_000);
    const session = await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    expect(session.staff.lockedUntil).toBeNull();
    const log = await actions(s.api);
    expect(log.filter((a) => a === 'staff.signInFailed')).toHaveLength(6);
    expect(log).toContain('staff.lock');
    expect(log.at(-1)).toBe('staff.signIn');
    s.close();
  });

  it('counts parallel guesses one by one: a burst cannot slip past the lockout', async () => {
    const s = await setUpStation();
    await s.api['auth.signOut']({});
    const burst = await Promise.allSettled(Array.from({ length: 8 }, () => s.api['auth.signIn']({ login: 'admin', password: 'guess-1234' })));
    const messages = burst.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'signed in'));
    expect(messages.slice(0, 4)).toEqual(Array(4).fill('登录名或密码错误'));
    expect(messages.slice(4).every((m) => m.includes('错误次数过多'))).toBe(true);
    await expectAppError(s.api['auth.signIn']({ login: 'admin', password: ADMIN.password }), 'FORBIDDEN');
    s.close();
  });

  it('does not keep a password typed into the login box', async () => {
    const s = await setUpStation();
    await s.api['auth.signIn']({ login: 'Station 2026!', password: 'x' }).catch(() => undefined);
    const last = (await s.api['audit.list']({ limit: 1 }))[0];
    expect(last?.action).toBe('staff.signInFailed');
    expect(JSON.stringify(last?.detail)).not.toContain('Station 2026!');
    s.close();
  });

  it('does not say whether an unknown login exists, and audits the attempt', async () => {
    const s = await setUpStation();
    expect(await expectAppError(s.api['auth.signIn']({ login: 'nobody', password: 'x' }), 'VALIDATION')).toBe('登录名或密码错误');
    const last = (await s.api['audit.list']({ limit: 1 }))[0];
    expect(last).toMatchObject({ action: 'staff.signInFailed', detail: { reason: 'unknown-login' } });
    // the text typed is not kept, only a keyed mark of it
    expect(last?.detail.login).toBeUndefined();
    expect(last?.detail.loginHash).toMatch(/^[0-9a-f]{20}$/);
    s.close();
  });

  it('signs the clerk out after the idle time, and activity keeps the session alive', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    await s.api['settings.update']({ idleMinutes: 10 });
    clock.advance(9 * MIN);
    expect((await s.api['auth.activity']({})).expiresAt).not.toBeNull();
    clock.advance(9 * MIN);
    expect(await s.api['auth.session']({})).not.toBeNull();
    clock.advance(2 * MIN);
    expect(await s.api['auth.session']({})).toBeNull();
    await expectAppError(s.api['staff.list']({}), 'FORBIDDEN');
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    expect(await actions(s.api)).toContain('staff.idleSignOut');
    s.close();
  });
});

describe('staff and permissions (checked in main)', () => {
  it('lets only an administrator manage staff; a clerk is refused', async () => {
    const s = await setUpStation();
    const clerk = await addStaff(s.api, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await expectAppError(s.api['staff.create']({ name: '李娜', login: 'LINA', role: 'clerk', password: 'Counter123' }), 'CONFLICT');
    await s.api['auth.signIn']({ login: 'lina', password: 'Counter123' });
    await expectAppError(s.api['staff.create']({ name: '张三', login: 'zs', role: 'admin', password: 'Counter123' }), 'FORBIDDEN');
    await expectAppError(s.api['station.update']({ ...STATION, name: '改名' }), 'FORBIDDEN');
    await expectAppError(s.api['settings.update']({ printer: 'x' }), 'FORBIDDEN');
    await expectAppError(s.api['audit.list']({ limit: 10 }), 'FORBIDDEN');
    expect((await s.api['staff.list']({})).map((x) => x.login)).toEqual(['admin', 'lina']);
    await s.api['auth.changePassword']({ current: 'Counter123', next: 'Counter456' });
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    await s.api['staff.update']({ id: clerk.id, role: 'head' });
    const reset = await s.api['staff.resetPassword']({ id: clerk.id, password: 'Reset2026x' });
    expect(reset.role).toBe('head');
    await s.api['staff.update']({ id: clerk.id, active: false });
    await s.api['auth.signOut']({});
    await expectAppError(s.api['auth.signIn']({ login: 'lina', password: 'Reset2026x' }), 'FORBIDDEN');
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    const log = await actions(s.api);
    expect(log).toEqual(expect.arrayContaining(['staff.create', 'staff.update', 'staff.resetPassword', 'staff.changePassword']));
    s.close();
  });

  it('never leaves the station without an active administrator', async () => {
    const s = await setUpStation();
    const me = (await s.api['auth.session']({}))!.staff;
    await expectAppError(s.api['staff.update']({ id: me.id, role: 'clerk' }), 'CONFLICT');
    const other = await addStaff(s.api, { name: '赵敏', login: 'zhaomin', role: 'admin', password: 'Admin2026x' });
    await s.api['auth.signIn']({ login: 'zhaomin', password: 'Admin2026x' });
    await s.api['staff.update']({ id: me.id, active: false });
    await expectAppError(s.api['staff.update']({ id: other.id, active: false }), 'CONFLICT');
    s.close();
  });

  it('unlocks a locked account on an administrator’s request', async () => {
    const s = await setUpStation();
    const clerk = await s.api['staff.create']({ name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    for (let i = 0; i < 5; i++) await s.api['auth.signIn']({ login: 'lina', password: 'nope' }).catch(() => undefined);
    expect((await s.api['staff.list']({})).find((x) => x.id === clerk.id)?.lockedUntil).not.toBeNull();
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    await s.api['staff.unlock']({ id: clerk.id });
    await s.api['auth.signIn']({ login: 'lina', password: 'Counter123' });
    s.close();
  });
});

describe('audit log', () => {
  it('chains every row to the one before, and finds a tampered row', async () => {
    const s = await setUpStation();
    await s.api['staff.create']({ name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await s.api['auth.signIn']({ login: 'lina', password: 'wrong' }).catch(() => undefined);
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    const good = await s.api['audit.verify']({});
    expect(good.ok).toBe(true);
    expect(good.count).toBeGreaterThanOrEqual(5);

    // Someone edits the file behind the app's back: drop the guard and change row 3.
    const raw = new Database(path.join(s.dataDir, 'stationdesk.db'));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET detail = '{\"login\":\"someone-else\"}' WHERE seq = 3").run();
    raw.close();
    expect(await s.api['audit.verify']({})).toMatchObject({ ok: false, brokenAt: 3 });
    s.close();
  });
});

describe('machine settings', () => {
  it('validates and persists county URL, printer and idle time', async () => {
    const s = await setUpStation();
    expect(await s.api['settings.get']({})).toEqual({ countyUrl: '', printer: '', idleMinutes: 15, receiptLayout: 'a4', exportKeepDays: 7 });
    const env = await dispatch(s.calls, 'settings.update', { countyUrl: 'ftp://x', idleMinutes: 0 });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.fields?.countyUrl).toMatch(/http/);
      expect(env.error.fields?.idleMinutes).toMatch(/至少 1 分钟/);
    }
    const saved = await s.api['settings.update']({ countyUrl: 'https://county.example.cn/api', printer: 'StationPDF' });
    expect(saved).toEqual({ countyUrl: 'https://county.example.cn/api', printer: 'StationPDF', idleMinutes: 15, receiptLayout: 'a4', exportKeepDays: 7 });
    expect((await s.api['audit.list']({ limit: 1 }))[0]).toMatchObject({ action: 'settings.update', detail: { changed: ['countyUrl', 'printer'] } });
    s.close();
  });
});
