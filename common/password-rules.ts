/**
 * What a password must not be, beyond its length and letters and digits (the contract's
 * Password schema): one of the commonest passwords, or the login itself. The login rule
 * needs the login, which some calls only know in main (a reset, a change), so it is a
 * function of its own that main applies wherever a password is set.
 */
import { COMMON_PASSWORDS_TEXT } from './common-passwords.generated';

let common: ReadonlySet<string> | null = null;

export const COMMON_PASSWORD_MESSAGE = '这是最常见的密码之一，很容易被猜中，请另设一个';
export const LOGIN_PASSWORD_MESSAGE = '密码不能是登录名本身、倒写或只在登录名前后加数字符号，请另设一个';

function fold(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n'));
  return common.has(fold(password));
}

/** The login (any case), the login reversed, or the login with only digits and signs around it. */
export function passwordIsLogin(password: string, login: string): boolean {
  const p = fold(password);
  const l = fold(login.trim());
  if (!l) return false;
  if (p === l || p === [...l].reverse().join('')) return true;
  return p.includes(l) && !/\p{L}/u.test(p.split(l).join(''));
}

/** The Chinese message for what is wrong with a password beyond the schema, or null. */
export function passwordProblem(password: string, login: string): string | null {
  if (passwordIsLogin(password, login)) return LOGIN_PASSWORD_MESSAGE;
  if (isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE;
  return null;
}
