/**
 * Until a staff member replaces a password someone else typed (a new account, a reset),
 * the only things they may do are change it, look at their session and sign out. The
 * rule sits in the caller resolution every call takes (main/access.ts), so a call added
 * later is refused too without having to remember it.
 */
import { AppError } from '../common/errors';
import type { CallName } from '../common/contract';

export const PASSWORD_CHANGE_REQUIRED = '请先修改密码：这是您首次登录或密码刚被管理员重置，设置您自己的新密码后才能办理业务';

/** What works with a pending change: the change itself, the session, and what the sign-in screen needs. */
export const OPEN_WHILE_PASSWORD_CHANGE_PENDING: ReadonlySet<CallName> = new Set<CallName>([
  'app.info',
  'station.get',
  'auth.signIn',
  'auth.signOut',
  'auth.session',
  'auth.activity',
  'auth.changePassword',
]);

export function refuseWhilePasswordChangePending(name: CallName, pending: () => boolean): void {
  if (!OPEN_WHILE_PASSWORD_CHANGE_PENDING.has(name) && pending()) throw new AppError('FORBIDDEN', PASSWORD_CHANGE_REQUIRED);
}
