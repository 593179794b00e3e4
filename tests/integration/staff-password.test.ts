import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, setUpStation } from '../helpers/station';
import { CALL_NAMES } from '../../common/contract';
import { OPEN_WHILE_PASSWORD_CHANGE_PENDING, PASSWORD_CHANGE_REQUIRED } from '../../main/password-gate';
import { dispatch } from '../../main/dispatch';

const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Given2026x' };

describe('a password someone else typed', () => {
  it('does not force the first administrator, who chose their own at setup', async () => {
    const s = await setUpStation();
    expect((await s.client['auth.session']({}))?.staff.mustChangePassword).toBe(false);
    await s.client['auth.signOut']({});
    const again = await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect(again.staff.mustChangePassword).toBe(false);
    expect((await s.client['staff.list']({})).length).toBe(1);
    s.close();
  });

  it('must be replaced at first sign-in: until then every other call is refused in main', async () => {
    const s = await setUpStation();
    const created = await s.client['staff.create'](CLERK);
    expect(created.mustChangePassword).toBe(true);
    const session = await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
    expect(session.staff.mustChangePassword).toBe(true);

    // through the transport, with valid input
    expect(await expectAppError(s.client['staff.list']({}), 'FORBIDDEN')).toBe(PASSWORD_CHANGE_REQUIRED);
    expect(await expectAppError(s.client['residents.search']({ q: '李' }), 'FORBIDDEN')).toBe(PASSWORD_CHANGE_REQUIRED);
    expect(await expectAppError(s.client['settings.get']({}), 'FORBIDDEN')).toBe(PASSWORD_CHANGE_REQUIRED);

    // every call of the contract, including ones added later, before it looks at its input
    const refused: string[] = [];
    for (const name of CALL_NAMES) {
      if (OPEN_WHILE_PASSWORD_CHANGE_PENDING.has(name)) continue;
      const env = await dispatch(s.calls, name, {});
      if (!env.ok && env.error.code === 'FORBIDDEN' && env.error.message === PASSWORD_CHANGE_REQUIRED) refused.push(name);
    }
    expect(refused).toEqual(CALL_NAMES.filter((n) => !OPEN_WHILE_PASSWORD_CHANGE_PENDING.has(n)));
    expect(refused.length).toBeGreaterThan(20);

    // what stays open: the session, activity, app info
    expect((await s.client['auth.session']({}))?.staff.login).toBe(CLERK.login);
    expect((await s.client['auth.activity']({})).expiresAt).not.toBeNull();
    expect((await s.client['app.info']({})).setupNeeded).toBe(false);

    // the new password must differ, and the current one must be right
    expect(await expectAppError(s.client['auth.changePassword']({ current: CLERK.password, next: CLERK.password }), 'VALIDATION')).toMatch(/不能与当前密码相同/);
    expect(await expectAppError(s.client['auth.changePassword']({ current: 'Wrong2026x', next: 'Mine2026x' }), 'VALIDATION')).toBe('当前密码不正确');
    await expectAppError(s.client['staff.list']({}), 'FORBIDDEN');

    const changed = await s.client['auth.changePassword']({ current: CLERK.password, next: 'Mine2026x' });
    expect(changed.session.staff.mustChangePassword).toBe(false);
    expect((await s.client['staff.list']({})).find((x) => x.login === CLERK.login)?.mustChangePassword).toBe(false);

    // the old password no longer works; the new one does and nothing is asked again
    await s.client['auth.signOut']({});
    await expectAppError(s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password }), 'VALIDATION');
    expect((await s.client['auth.signIn']({ login: CLERK.login, password: 'Mine2026x' })).staff.mustChangePassword).toBe(false);

    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const log = (await s.client['audit.search']({ filter: { record: CLERK.login } })).entries.map((e) => [e.action, e.detail.required ?? e.detail.mustChangePassword ?? null]);
    expect(log).toContainEqual(['staff.create', true]);
    expect(log).toContainEqual(['staff.changePassword', true]);
    s.close();
  });

  it('signing out is allowed while a change is pending, and the next sign-in asks again', async () => {
    const s = await setUpStation();
    await s.client['staff.create'](CLERK);
    await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
    expect((await s.client['auth.signOut']({})).signedOut).toBe(true);
    expect((await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password })).staff.mustChangePassword).toBe(true);
    await expectAppError(s.client['intake.counts']({}), 'FORBIDDEN');
    s.close();
  });

  it('is asked for again after an administrator resets it', async () => {
    const s = await setUpStation();
    const clerk = await s.client['staff.create'](CLERK);
    await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
    await s.client['auth.changePassword']({ current: CLERK.password, next: 'Mine2026x' });

    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const reset = await s.client['staff.resetPassword']({ id: clerk.id, password: 'Reset2026x' });
    expect(reset.mustChangePassword).toBe(true);

    const session = await s.client['auth.signIn']({ login: CLERK.login, password: 'Reset2026x' });
    expect(session.staff.mustChangePassword).toBe(true);
    expect(await expectAppError(s.client['residents.search']({ q: '李' }), 'FORBIDDEN')).toBe(PASSWORD_CHANGE_REQUIRED);
    await s.client['auth.changePassword']({ current: 'Reset2026x', next: 'Mine2027y' });
    expect((await s.client['residents.search']({ q: '李' })).items).toEqual([]);

    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const entries = (await s.client['audit.search']({ filter: { actorId: clerk.id, action: 'staff.changePassword' } })).entries;
    expect(entries.map((e) => e.detail.required)).toEqual([true, true]);
    const resets = (await s.client['audit.search']({ filter: { action: 'staff.resetPassword' } })).entries;
    expect(resets[0]).toMatchObject({ actorName: ADMIN.name, detail: { login: CLERK.login, mustChangePassword: true } });
    s.close();
  });

  it('an ordinary change by someone not forced is audited as not required', async () => {
    const s = await setUpStation();
    await s.client['auth.changePassword']({ current: ADMIN.password, next: 'Station2027' });
    const last = (await s.client['audit.list']({ limit: 1 }))[0];
    expect(last).toMatchObject({ action: 'staff.changePassword', detail: { login: ADMIN.login, required: false } });
    expect(JSON.stringify(last)).not.toContain('Station2027');
    s.close();
  });
});
