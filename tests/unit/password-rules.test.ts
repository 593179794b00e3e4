import { createRequire } from 'node:module';
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS_SOURCE, COMMON_PASSWORDS_TEXT } from '../../common/common-passwords.generated';
import { COMMON_PASSWORD_MESSAGE, LOGIN_PASSWORD_MESSAGE, isCommonPassword, passwordIsLogin, passwordProblem } from '../../common/password-rules';
import { Login, Password } from '../../common/contract';
import { SCRYPT_PARAMS, hashPassword, needsRehash, unmatchableHash, verifyPassword } from '../../main/services/password';
import { FIRST_HOLD_BACK_MS, createUnknownLoginTally, holdBackMs } from '../../main/services/sign-in-throttle';
import { createLoginMarks, looksPersonal } from '../../main/services/login-mark';

const require = createRequire(import.meta.url);

describe('the common-password list shipped with the app', () => {
  it('is the installed @zxcvbn-ts/language-common list, filtered to what the other rules let through (run scripts/gen-common-passwords.mjs after an upgrade)', () => {
    const pkg = require('@zxcvbn-ts/language-common/package.json') as { version: string };
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    expect(COMMON_PASSWORDS_SOURCE).toBe(`@zxcvbn-ts/language-common@${pkg.version}`);
    const expected = [...new Set(dictionary['passwords-common']!.map((p) => p.normalize('NFC').toLowerCase()).filter((p) => p.length >= 8 && p.length <= 128 && /[a-z]/.test(p) && /\d/.test(p)))];
    expect(COMMON_PASSWORDS_TEXT.split('\n')).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5000);
  });

  it('refuses common passwords in any case, and lets an uncommon one through', () => {
    for (const p of ['password1', 'PASSWORD1', 'Qwerty123', '1qaz2wsx', 'qq123456', 'a1234567']) expect(isCommonPassword(p), p).toBe(true);
    for (const p of ['Station2026', 'Counter123', 'Lina2026x', 'Mine2026x']) expect(isCommonPassword(p), p).toBe(false);
    const r = Password.safeParse('Abc12345');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(COMMON_PASSWORD_MESSAGE);
    expect(Password.safeParse('Station2026').success).toBe(true);
  });
});

describe('a password like the login', () => {
  it('is the login in any case, reversed, or with only digits and signs around it', () => {
    for (const p of ['lina2026', 'LINA2026', '6202anil', 'lina2026!', '2026-lina2026']) expect(passwordIsLogin(p, 'lina2026'), p).toBe(true);
    for (const p of ['admin2026', '2026Admin', 'ADMIN_123']) expect(passwordIsLogin(p, 'admin'), p).toBe(true);
    for (const p of ['Lina2026x', 'Station2026']) expect(passwordIsLogin(p, 'lina'), p).toBe(false);
    expect(passwordProblem('Admin2026', 'admin')).toBe(LOGIN_PASSWORD_MESSAGE);
    expect(passwordProblem('Station2026', 'admin')).toBeNull();
  });
});

describe('logins and the audit log', () => {
  it('refuses a login with the shape of a 身份证号 or a phone number', () => {
    for (const l of ['13800138000', '11010519491231002X', '86012345', 'wang13800138000']) expect(Login.safeParse(l).success, l).toBe(false);
    for (const l of ['admin', 'lina2026', 'clerk_01']) expect(Login.safeParse(l).success, l).toBe(true);
    expect(looksPersonal('0311-86012345')).toBe(true);
  });

  it('marks typed text with a keyed hash: same text and key, same mark; another key, another mark', () => {
    const a = createLoginMarks(randomBytes(32));
    const b = createLoginMarks(randomBytes(32));
    expect(a.mark('13800138000')).toBe(a.mark('13800138000'));
    expect(a.mark('Nobody')).toBe(a.mark('nobody'));
    expect(a.mark('13800138000')).not.toBe(b.mark('13800138000'));
    expect(a.known('admin')).toEqual({ login: 'admin' });
    expect(a.known('13800138000')).toEqual({ loginHash: a.mark('13800138000') });
  });
});

describe('scrypt', () => {
  it('hashes with N=2^17, r=8, p=1 and still verifies a hash made with N=2^15, which it asks to re-hash', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    const now = await hashPassword('Station2026');
    expect(now).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(now)).toBe(false);
    const salt = randomBytes(16);
    const old = ['scrypt', 32768, 8, 1, salt.toString('base64'), scryptSync('Station2026', salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString('base64')].join('$');
    expect(await verifyPassword('Station2026', old)).toBe(true);
    expect(await verifyPassword('Station2027', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses stored parameters that are not ours instead of spending memory on them, and the decoy matches nothing', async () => {
    const salt = randomBytes(16).toString('base64');
    const key = randomBytes(32).toString('base64');
    for (const bad of [`scrypt$${2 ** 24}$8$1$${salt}$${key}`, `scrypt$1000$8$1$${salt}$${key}`, `scrypt$16384$64$1$${salt}$${key}`, 'bcrypt$x', '']) {
      expect(await verifyPassword('x', bad), bad).toBe(false);
    }
    const decoy = unmatchableHash();
    expect(decoy).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('', decoy)).toBe(false);
  });
});

describe('the hold-back after wrong passwords', () => {
  it('is nothing for four, 30 s at the fifth, doubling after, capped at the lock time', () => {
    const cap = 15 * 60_000;
    expect([1, 2, 3, 4].map((n) => holdBackMs(n, 5, cap))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 500].map((n) => holdBackMs(n, 5, cap) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(FIRST_HOLD_BACK_MS).toBe(30_000);
  });

  it('keeps the same count for unknown logins, bounded in memory', () => {
    const t = createUnknownLoginTally(2);
    for (let i = 0; i < 4; i++) expect(t.fail('a', 0, 5, 900_000).until).toBeNull();
    expect(t.fail('a', 0, 5, 900_000).until).toBe(30_000);
    t.fail('b', 0, 5, 900_000);
    t.fail('c', 0, 5, 900_000);
    expect(t.get('a').failures).toBe(0);
    expect(t.get('c').failures).toBe(1);
  });
});
