import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Write } from '../db/write';
import { toStaff, type StaffRow, type StaffService } from './staff';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword } from './password';
import { AppError } from '../../common/errors';
import { createKeyedQueue } from '../one-at-a-time';
import { STATION_TZ } from '../../common/time';
import { passwordProblem } from '../../common/password-rules';
import type { Session, Staff } from '../../common/contract';
import type { StationSettings } from './settings';
import { createLoginMarks } from './login-mark';
import { createUnknownLoginTally, holdBackMs } from './sign-in-throttle';

interface Current {
  staffId: string;
  signedInAt: Date;
  lastActivity: Date;
}

/** One wording for an unknown login and a wrong password: the answer does not tell which logins exist. */
export const WRONG_CREDENTIALS = '登录名或密码错误';
const secondsFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: STATION_TZ, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
export function heldBackMessage(until: string | Date): string {
  return `登录名或密码错误次数过多，请于 ${secondsFmt.format(new Date(until))} 后再试，或请管理员解锁`;
}
const SIGN_IN_FIRST = '请先登录；如果刚才长时间未操作，系统已自动退出登录';

/**
 * One counter, one signed-in clerk: the session lives in main, so permissions and
 * idle sign-out hold whichever transport the renderer uses.
 */
export function createAuth(db: Db, clock: Clock, write: Write, staff: StaffService, settings: StationSettings, idleMinutes: () => number, loginKey: Buffer = randomBytes(32)) {
  let current: Current | null = null;
  const marks = createLoginMarks(loginKey);
  const unknownLogins = createUnknownLoginTally();
  // checked for a login that does not exist, so it costs the scrypt a real one does
  const decoy = unmatchableHash();

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
    write((tx) => tx.note({ actorId: id, action, entity: 'staff', entityId: id, detail: marks.known(staff.get(id).login) }));
  }

  /**
   * The signed-in staff member, or FORBIDDEN. Not activity: a screen polling or a script
   * calling would keep the session alive for ever; only what the clerk does counts (activity()).
   * Only the caller resolution (main/access.ts) asks: services are handed an actor and never read the session.
   */
  function require(): Staff {
    const c = live();
    if (!c) throw new AppError('FORBIDDEN', SIGN_IN_FIRST);
    return toStaff(staff.get(c.staffId), clock.now());
  }

  // Attempts on one login run one after another, so parallel guesses cannot all read the
  // same failure count while scrypt runs and slip past the hold-back.
  const oneAtATime = createKeyedQueue();

  function signIn(login: string, password: string): Promise<Session> {
    return oneAtATime(login.toLowerCase(), () => attemptSignIn(login, password));
  }

  const maxFailures = () => settings.getNumber('auth.maxFailedSignIns');
  const capMs = () => settings.getNumber('auth.lockMinutes') * 60_000;

  /** Counts a wrong password on an account; returns when it is held back until, if it now is. */
  function countFailure(id: string, action: 'staff.signInFailed' | 'staff.changePasswordFailed', reason: string | null): { attempt: number; until: string | null } {
    return write((tx) => {
      const row = staff.get(id);
      const attempt = row.failed_count + 1;
      const wait = holdBackMs(attempt, maxFailures(), capMs());
      const until = wait ? new Date(clock.now().getTime() + wait).toISOString() : null;
      db.prepare('UPDATE staff SET failed_count = ?, locked_until = ? WHERE id = ?').run(attempt, until, id);
      const who = marks.known(row.login);
      tx.note({ actorId: id, action, entity: 'staff', entityId: id, detail: { ...who, ...(reason ? { reason } : {}), attempt } });
      if (until) tx.note({ actorId: id, action: 'staff.lock', entity: 'staff', entityId: id, detail: { ...who, until, attempt } });
      return { attempt, until };
    });
  }

  function heldBack(row: StaffRow, now: Date): string | null {
    return row.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null;
  }

  async function attemptSignIn(login: string, password: string): Promise<Session> {
    const row = staff.byLogin(login);
    const now = clock.now();
    // Every path checks one password with the same scrypt work, so the time does not tell either.
    if (!row) {
      const mark = marks.mark(login);
      const tally = unknownLogins.get(mark);
      await verifyPassword(password, decoy);
      const note = (reason: string) => write((tx) => tx.note({ actorId: null, action: 'staff.signInFailed', entity: 'staff', entityId: null, detail: { loginHash: mark, reason } }));
      if (tally.until && tally.until > now.getTime()) {
        note('locked');
        throw new AppError('FORBIDDEN', heldBackMessage(new Date(tally.until)));
      }
      const after = unknownLogins.fail(mark, now.getTime(), maxFailures(), capMs());
      note('unknown-login');
      if (after.until) throw new AppError('FORBIDDEN', heldBackMessage(new Date(after.until)));
      throw new AppError('VALIDATION', WRONG_CREDENTIALS);
    }
    const until = heldBack(row, now);
    const ok = await verifyPassword(password, row.password_hash);
    if (until) {
      // refused without a verdict on the password, and not counted: waiting out a hold-back does not lengthen it
      write((tx) => tx.note({ actorId: row.id, action: 'staff.signInFailed', entity: 'staff', entityId: row.id, detail: { ...marks.known(row.login), reason: 'locked' } }));
      throw new AppError('FORBIDDEN', heldBackMessage(until));
    }
    if (!ok) {
      const failed = countFailure(row.id, 'staff.signInFailed', row.active === 1 ? 'wrong-password' : 'inactive');
      if (failed.until) throw new AppError('FORBIDDEN', heldBackMessage(failed.until));
      throw new AppError('VALIDATION', WRONG_CREDENTIALS);
    }
    if (row.active !== 1) {
      // only someone who knows the password learns the account is disabled
      write((tx) => tx.note({ actorId: row.id, action: 'staff.signInFailed', entity: 'staff', entityId: row.id, detail: { ...marks.known(row.login), reason: 'inactive' } }));
      throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员');
    }
    // a hash made with older scrypt parameters is replaced now that the password is at hand
    const rehash = needsRehash(row.password_hash) ? await hashPassword(password) : null;
    if (current) end('staff.signOut');
    write((tx) => {
      if (rehash) db.prepare('UPDATE staff SET password_hash = ? WHERE id = ?').run(rehash, row.id);
      db.prepare('UPDATE staff SET failed_count = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?').run(now.toISOString(), row.id);
      tx.note({ actorId: row.id, action: 'staff.signIn', entity: 'staff', entityId: row.id, detail: { ...marks.known(row.login), ...(rehash ? { rehashed: true } : {}) } });
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

  /**
   * The signed-in staff member replaces their own password; allowed while a change is pending.
   * Wrong current passwords count with the sign-in's: the hold-back signs the guesser out.
   */
  function changePassword(staffId: string, currentPassword: string, next: string): Promise<Session> {
    return oneAtATime(staff.get(staffId).login.toLowerCase(), () => attemptChange(staffId, currentPassword, next));
  }

  async function attemptChange(staffId: string, currentPassword: string, next: string): Promise<Session> {
    const row = staff.get(staffId);
    const ok = await verifyPassword(currentPassword, row.password_hash);
    if (!ok) {
      const failed = countFailure(row.id, 'staff.changePasswordFailed', null);
      if (failed.until) {
        if (current?.staffId === row.id) end('staff.signOut');
        throw new AppError('FORBIDDEN', `当前密码连续输错 ${failed.attempt} 次，已退出登录；请于 ${secondsFmt.format(new Date(failed.until))} 后重新登录`);
      }
      throw new AppError('VALIDATION', '当前密码不正确', { current: '当前密码不正确' });
    }
    if (next === currentPassword) {
      throw new AppError('VALIDATION', '新密码不能与当前密码相同，请另设一个', { next: '新密码不能与当前密码相同' });
    }
    const problem = passwordProblem(next, row.login);
    if (problem) throw new AppError('VALIDATION', problem, { next: problem });
    await staff.setPassword(row.id, next, row.id, 'staff.changePassword');
    const c = live();
    if (!c) throw new AppError('FORBIDDEN', SIGN_IN_FIRST);
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
    /** The clerk at the keyboard or mouse (the renderer reports it, throttled): the one thing that keeps a session alive. */
    activity(): { expiresAt: string | null } {
      const c = live();
      if (!c) return { expiresAt: null };
      c.lastActivity = clock.now();
      return { expiresAt: new Date(c.lastActivity.getTime() + idleMinutes() * 60_000).toISOString() };
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
