import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Write } from '../db/write';
import { toStaff, type StaffService } from './staff';
import { verifyPassword } from './password';
import { AppError } from '../../common/errors';
import { createKeyedQueue } from '../one-at-a-time';
import { formatTime } from '../../common/time';
import { LOGIN_PATTERN, type Session, type Staff } from '../../common/contract';
import type { StationSettings } from './settings';

interface Current {
  staffId: string;
  signedInAt: Date;
  lastActivity: Date;
}

/**
 * One counter, one signed-in clerk: the session lives in main, so permissions and
 * idle sign-out hold whichever transport the renderer uses.
 */
export function createAuth(db: Db, clock: Clock, write: Write, staff: StaffService, settings: StationSettings, idleMinutes: () => number) {
  let current: Current | null = null;

  function sessionOf(c: Current): Session {
    return { staff: toStaff(staff.get(c.staffId), clock.now()), signedInAt: c.signedInAt.toISOString(), idleMinutes: idleMinutes() };
  }

  /** Ends the session if it idled out or the account was disabled meanwhile; returns the live one. */
  function live(): Current | null {
    if (!current) return null;
    const now = clock.now();
    const row = staff.get(current.staffId);
    if (row.active !== 1) {
      end('staff.signOutDisabled');
      return null;
    }
    if (now.getTime() - current.lastActivity.getTime() > idleMinutes() * 60_000) {
      end('staff.idleSignOut');
      return null;
    }
    return current;
  }

  function end(action: 'staff.signOut' | 'staff.idleSignOut' | 'staff.signOutDisabled'): void {
    if (!current) return;
    const id = current.staffId;
    current = null;
    // the login, so the log names whose session ended without looking the id up
    write((tx) => tx.note({ actorId: id, action, entity: 'staff', entityId: id, detail: { login: staff.get(id).login } }));
  }

  /**
   * The signed-in staff member, or FORBIDDEN. Counts as activity. Only the caller
   * resolution (main/access.ts) asks: services are handed an actor and never read the session.
   */
  function require(): Staff {
    const c = live();
    if (!c) throw new AppError('FORBIDDEN', '请先登录；如果刚才长时间未操作，系统已自动退出登录');
    const who = toStaff(staff.get(c.staffId), clock.now());
    c.lastActivity = clock.now();
    return who;
  }

  // Attempts on one login run one after another, so parallel guesses cannot all read the
  // same failure count while scrypt runs and slip past the lockout.
  const oneAtATime = createKeyedQueue();

  function signIn(login: string, password: string): Promise<Session> {
    return oneAtATime(login.toLowerCase(), () => attemptSignIn(login, password));
  }

  async function attemptSignIn(login: string, password: string): Promise<Session> {
    const row = staff.byLogin(login);
    const now = clock.now();
    const failed = (detail: Record<string, unknown>, actorId: string | null) =>
      write((tx) => tx.note({ actorId, action: 'staff.signInFailed', entity: 'staff', entityId: actorId, detail: { login, ...detail } }));

    if (!row) {
      // What was typed may be a password or a 身份证号 in the wrong box: keep it only if it could be a login.
      failed({ reason: 'unknown-login', login: LOGIN_PATTERN.test(login) ? login : '（非登录名格式，未记录）' }, null);
      throw new AppError('VALIDATION', '登录名或密码错误');
    }
    if (row.active !== 1) {
      failed({ reason: 'inactive' }, row.id);
      throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员');
    }
    if (row.locked_until && row.locked_until > now.toISOString()) {
      failed({ reason: 'locked' }, row.id);
      throw new AppError('FORBIDDEN', `该账号因多次密码错误已锁定，请于 ${formatTime(row.locked_until)} 后再试，或请管理员解锁`);
    }
    const ok = await verifyPassword(password, row.password_hash);
    if (!ok) {
      const max = settings.getNumber('auth.maxFailedSignIns');
      // A lock that has run out starts the count afresh.
      const count = (row.locked_until ? 0 : row.failed_count) + 1;
      const lockNow = count >= max;
      const lockedUntil = lockNow ? new Date(clock.now().getTime() + settings.getNumber('auth.lockMinutes') * 60_000).toISOString() : null;
      write((tx) => {
        db.prepare('UPDATE staff SET failed_count = ?, locked_until = ? WHERE id = ?').run(lockNow ? 0 : count, lockedUntil, row.id);
        tx.note({ actorId: row.id, action: 'staff.signInFailed', entity: 'staff', entityId: row.id, detail: { login, reason: 'wrong-password', attempt: count } });
        if (lockNow) tx.note({ actorId: row.id, action: 'staff.lock', entity: 'staff', entityId: row.id, detail: { login, until: lockedUntil } });
      });
      if (lockNow) throw new AppError('FORBIDDEN', `密码连续错误 ${max} 次，账号已锁定至 ${formatTime(lockedUntil!)}，请稍后再试或请管理员解锁`);
      throw new AppError('VALIDATION', `登录名或密码错误，还可尝试 ${max - count} 次`, { password: '密码错误' });
    }
    if (current) end('staff.signOut');
    write((tx) => {
      db.prepare('UPDATE staff SET failed_count = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?').run(now.toISOString(), row.id);
      tx.note({ actorId: row.id, action: 'staff.signIn', entity: 'staff', entityId: row.id, detail: { login: row.login } });
    });
    current = { staffId: row.id, signedInAt: now, lastActivity: now };
    return sessionOf(current);
  }

  /** Used by first-run setup: the administrator just created is signed in. */
  function startSession(staffId: string): Session {
    const now = clock.now();
    current = { staffId, signedInAt: now, lastActivity: now };
    return sessionOf(current);
  }

  /** Whether the signed-in staff member still holds a password someone else typed. */
  function passwordChangePending(): boolean {
    const c = live();
    return c !== null && staff.get(c.staffId).must_change_password === 1;
  }

  /** The signed-in staff member replaces their own password; allowed while a change is pending. */
  async function changePassword(staffId: string, currentPassword: string, next: string): Promise<Session> {
    const me = { id: staffId };
    if (!(await verifyPassword(currentPassword, staff.get(me.id).password_hash))) {
      throw new AppError('VALIDATION', '当前密码不正确', { current: '当前密码不正确' });
    }
    if (next === currentPassword) {
      throw new AppError('VALIDATION', '新密码不能与当前密码相同，请另设一个', { next: '新密码不能与当前密码相同' });
    }
    await staff.setPassword(me.id, next, me.id, 'staff.changePassword');
    const c = live();
    if (!c) throw new AppError('FORBIDDEN', '请先登录；如果刚才长时间未操作，系统已自动退出登录');
    return sessionOf(c);
  }

  return {
    signIn,
    startSession,
    require,
    passwordChangePending,
    changePassword,
    signOut(): { signedOut: boolean } {
      const had = current !== null;
      end('staff.signOut');
      return { signedOut: had };
    },
    session(): Session | null {
      const c = live();
      return c ? sessionOf(c) : null;
    },
    activity(): { expiresAt: string | null } {
      const c = live();
      if (!c) return { expiresAt: null };
      c.lastActivity = clock.now();
      return { expiresAt: new Date(c.lastActivity.getTime() + idleMinutes() * 60_000).toISOString() };
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
