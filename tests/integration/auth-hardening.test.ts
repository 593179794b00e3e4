/**
 * Issue 8's sign-in findings: what the audit log keeps of the login box, guessing through
 * the password change, telling which logins exist, the last administrator's lock-out,
 * scrypt parameters and re-hashing, weak passwords, and what counts as the clerk's activity.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, scryptSync, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, openTestStation, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';

const SEC = 1000;
const MIN = 60 * SEC;
const ID_NUMBER = '11010519491231002X';
const PHONE = '13800138000';

type Api = Awaited<ReturnType<typeof setUpStation>>['api'];

async function allAudit(api: Api) {
  return api['audit.list']({ limit: 500 });
}

/** Every byte SQLite holds for the station: the database file and its WAL. */
function rawBytes(dataDir: string): string {
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('stationdesk.db'))
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('');
}

async function failSignIn(api: Api, login: string, password = 'Wrong2026x'): Promise<{ code: string; message: string }> {
  try {
    await api['auth.signIn']({ login, password });
  } catch (err) {
    const e = err as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('signed in');
}

describe('the login box in the audit log (item 1)', () => {
  it('never keeps a 身份证号 or a phone typed as the login, in audit.list or in the file', async () => {
    const s = await setUpStation();
    await s.api['auth.signOut']({});
    for (const login of [ID_NUMBER, PHONE, ID_NUMBER.toLowerCase()]) await failSignIn(s.api, login);
    await s.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const entries = await allAudit(s.api);
    const failed = entries.filter((e) => e.action === 'staff.signInFailed');
    expect(failed).toHaveLength(3);
    const text = JSON.stringify(entries);
    for (const needle of [ID_NUMBER, ID_NUMBER.toLowerCase(), PHONE, '1101051949', '0013800']) expect(text).not.toContain(needle);
    // a keyed hash: the same text (any case) gives the same mark, other text another, and it is not a bare hash
    const marks = failed.map((e) => e.detail.loginHash);
    expect(marks.every((m) => typeof m === 'string' && m.length >= 16)).toBe(true);
    expect(new Set(marks).size).toBe(2);
    expect(marks).not.toContain(createHash('sha256').update(ID_NUMBER).digest('hex').slice(0, (marks[0] as string).length));
    expect(failed.every((e) => e.detail.login === undefined)).toBe(true);
    s.close();
    const raw = rawBytes(s.dataDir);
    expect(raw).toContain('staff.signInFailed');
    for (const needle of [ID_NUMBER, ID_NUMBER.toLowerCase(), PHONE]) expect(raw).not.toContain(needle);
  });

  it('names a login that exists as it is stored, and refuses an id or a phone as a new login', async () => {
    const s = await setUpStation();
    await s.api['auth.signOut']({});
    await failSignIn(s.api, 'ADMIN');
    await s.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const failed = (await allAudit(s.api)).find((e) => e.action === 'staff.signInFailed');
    expect(failed?.detail).toMatchObject({ login: 'admin', reason: 'wrong-password' });
    for (const login of [PHONE, ID_NUMBER, 'wang13800138000']) {
      const msg = await expectAppError(s.api['staff.create']({ name: '李娜', login, role: 'clerk', password: 'Counter123' }), 'VALIDATION');
      expect(msg).toMatch(/身份证号或电话号码/);
    }
    s.close();
  });
});

describe('guessing the current password through 修改密码 (item 2)', () => {
  it('counts wrong tries, audits each, and after five signs the guesser out and holds the account back', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    await addStaff(s.api, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await s.api['auth.signIn']({ login: 'lina', password: 'Counter123' });
    for (let i = 1; i <= 4; i++) {
      expect(await expectAppError(s.api['auth.changePassword']({ current: `Guess${i}abc`, next: 'Mine2026x' }), 'VALIDATION')).toBe('当前密码不正确');
    }
    const fifth = await expectAppError(s.api['auth.changePassword']({ current: 'Guess5abc', next: 'Mine2026x' }), 'FORBIDDEN');
    expect(fifth).toMatch(/已退出登录/);
    expect(await s.api['auth.session']({})).toBeNull();
    // the owner cannot come straight back in either: the hold-back is the sign-in's
    await expectAppError(s.api['auth.signIn']({ login: 'lina', password: 'Counter123' }), 'FORBIDDEN');
    clock.advance(31 * SEC);
    await s.api['auth.signIn']({ login: 'lina', password: 'Counter123' });
    // the right current password still works, and the count starts afresh
    await s.api['auth.changePassword']({ current: 'Counter123', next: 'Mine2026x' });

    await s.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const log = (await allAudit(s.api)).reverse();
    const failed = log.filter((e) => e.action === 'staff.changePasswordFailed');
    expect(failed.map((e) => e.detail.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(failed.every((e) => e.detail.login === 'lina')).toBe(true);
    expect(log.map((e) => e.action)).toContain('staff.lock');
    expect(JSON.stringify(log)).not.toContain('Guess');
    s.close();
  });
});

describe('sign-in does not tell which logins exist (item 8)', () => {
  it('answers an unknown login and a known one with a wrong password in the same words, up to the hold-back', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    await s.api['auth.signOut']({});
    const known: { code: string; message: string }[] = [];
    const unknown: { code: string; message: string }[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await failSignIn(s.api, 'admin'));
      unknown.push(await failSignIn(s.api, 'nobody'));
    }
    expect(unknown).toEqual(known);
    expect(known[0]).toEqual({ code: 'VALIDATION', message: '登录名或密码错误' });
    expect(known[4]?.message).toMatch(/错误次数过多，请于 09:00:30 后再试/);
    expect(known[5]?.message).toBe(known[4]?.message);
    s.close();
  });

  it('a disabled account with a wrong password answers like any wrong password', async () => {
    const s = await setUpStation();
    const clerk = await addStaff(s.api, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await s.api['staff.update']({ id: clerk.id, active: false });
    await s.api['auth.signOut']({});
    expect(await failSignIn(s.api, 'lina')).toEqual(await failSignIn(s.api, 'nobody'));
    expect(await expectAppError(s.api['auth.signIn']({ login: 'lina', password: 'Counter123' }), 'FORBIDDEN')).toMatch(/已停用/);
    s.close();
  });

  it('five wrong tries hold the last administrator back for seconds, growing with each further one, not for 15 minutes', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    await s.api['auth.signOut']({});
    for (let i = 0; i < 5; i++) await failSignIn(s.api, 'admin');
    await expectAppError(s.api['auth.signIn']({ login: 'admin', password: ADMIN.password }), 'FORBIDDEN');
    clock.advance(31 * SEC);
    // a sixth wrong try doubles the wait
    expect((await failSignIn(s.api, 'admin')).message).toMatch(/请于 09:01:31 后再试/);
    clock.advance(31 * SEC);
    await expectAppError(s.api['auth.signIn']({ login: 'admin', password: ADMIN.password }), 'FORBIDDEN');
    clock.advance(30 * SEC);
    const session = await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    expect(session.staff.lockedUntil).toBeNull();
    // a successful sign-in starts the count afresh
    await s.api['auth.signOut']({});
    expect(await failSignIn(s.api, 'admin')).toEqual({ code: 'VALIDATION', message: '登录名或密码错误' });
    s.close();
  });

  it('caps the growing wait at the lock time', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    await s.api['auth.signOut']({});
    // the tenth wrong try would wait 30 s · 2^5 = 16 min; the cap is the 15-minute lock time
    for (let i = 0; i < 10; i++) {
      if (i > 0) clock.advance(16 * MIN);
      await failSignIn(s.api, 'admin');
    }
    clock.advance(15 * MIN - SEC);
    await expectAppError(s.api['auth.signIn']({ login: 'admin', password: ADMIN.password }), 'FORBIDDEN');
    clock.advance(2 * SEC);
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    s.close();
  });
});

function oldHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 32768, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('scrypt parameters and weak passwords (item 9)', () => {
  it('hashes with N=2^17, r=8, p=1 and re-hashes a password kept with the old parameters at its next sign-in', async () => {
    const s = await setUpStation();
    const dbFile = path.join(s.dataDir, 'stationdesk.db');
    const read = () => {
      const raw = new Database(dbFile, { readonly: true });
      const row = raw.prepare<[], { password_hash: string }>("SELECT password_hash FROM staff WHERE login = 'admin'").get();
      raw.close();
      return row!.password_hash;
    };
    expect(read()).toMatch(/^scrypt\$131072\$8\$1\$/);
    const raw = new Database(dbFile);
    raw.prepare("UPDATE staff SET password_hash = ? WHERE login = 'admin'").run(oldHash(ADMIN.password));
    raw.close();
    await s.api['auth.signOut']({});
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    expect(read()).toMatch(/^scrypt\$131072\$8\$1\$/);
    await s.api['auth.signOut']({});
    await s.api['auth.signIn']({ login: 'admin', password: ADMIN.password });
    const signIns = (await allAudit(s.api)).filter((e) => e.action === 'staff.signIn');
    expect(signIns.map((e) => e.detail.rehashed ?? false)).toEqual([false, true]);
    s.close();
  });

  it('refuses the commonest passwords and the login itself, in Chinese, wherever a password is set', async () => {
    const s = await openTestStation();
    const setup = await expectAppError(s.api['setup.init']({ station: { code: '130102001', name: '站', county: '县', address: '路 1 号', phone: '0311-86012345' }, admin: { ...ADMIN, password: 'Admin2026' } }), 'VALIDATION');
    expect(setup).toMatch(/登录名/);
    expect((await s.api['app.info']({})).setupNeeded).toBe(true);
    s.close();

    const t = await setUpStation();
    for (const password of ['password1', 'Qwerty123', 'ABC12345']) {
      const msg = await expectAppError(t.api['staff.create']({ name: '李娜', login: 'lina', role: 'clerk', password }), 'VALIDATION');
      expect(msg).toMatch(/常见/);
    }
    for (const password of ['Lina2026', 'lina2026', '6202anil']) {
      expect(await expectAppError(t.api['staff.create']({ name: '李娜', login: 'lina2026', role: 'clerk', password }), 'VALIDATION')).toMatch(/登录名/);
    }
    const clerk = await t.api['staff.create']({ name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    expect(await expectAppError(t.api['staff.resetPassword']({ id: clerk.id, password: 'LINA12345' }), 'VALIDATION')).toMatch(/登录名/);
    expect(await expectAppError(t.api['auth.changePassword']({ current: ADMIN.password, next: 'admin2027' }), 'VALIDATION')).toMatch(/登录名/);
    expect(await expectAppError(t.api['auth.changePassword']({ current: ADMIN.password, next: 'iloveyou1' }), 'VALIDATION')).toMatch(/常见/);
    t.close();
  });
});

describe('idle sign-out counts only what the clerk does (item 10)', () => {
  it('background calls do not keep the session alive; the reported keyboard and mouse activity does', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    await s.api['settings.update']({ idleMinutes: 10 });
    clock.advance(9 * MIN);
    // polling as a screen or a script would: authenticated reads, none of them the clerk
    await s.api['staff.list']({});
    await s.api['settings.get']({});
    clock.advance(2 * MIN);
    expect(await s.api['auth.session']({})).toBeNull();
    await expectAppError(s.api['staff.list']({}), 'FORBIDDEN');

    await s.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    clock.advance(9 * MIN);
    expect((await s.api['auth.activity']({})).expiresAt).toBe(new Date(clock.now().getTime() + 10 * MIN).toISOString());
    clock.advance(9 * MIN);
    expect(await s.api['auth.session']({})).not.toBeNull();
    const log = (await allAudit(s.api)).map((e) => e.action);
    expect(log).toContain('staff.idleSignOut');
    s.close();
  });
});
