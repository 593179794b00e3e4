/**
 * What the audit log may say about the text typed into the login box. A login that exists is
 * named as it is stored; anything else may be a 身份证号, a phone number or a password typed
 * in the wrong box, so only a keyed hash of it is kept: the same text gives the same mark (a
 * 站长 sees one text tried twenty times), and without the key, which stays in the data folder
 * and never in the database, nobody can test guesses against the mark.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';

export const LOGIN_KEY_FILE = 'login-mark.key';

/** The station's key, made on first use (readable by the signed-in OS user only). */
export function loadLoginKey(dataDir: string): Buffer {
  const file = path.join(dataDir, LOGIN_KEY_FILE);
  try {
    const key = fs.readFileSync(file);
    if (key.length >= 32) return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** A run of 7 digits or more: the shape of a 身份证号 or a phone number, never written in clear. */
export function looksPersonal(text: string): boolean {
  return /\d{7}/.test(text);
}

export function createLoginMarks(key: Buffer) {
  const mark = (typed: string): string => createHmac('sha256', key).update(typed.normalize('NFC').toLowerCase()).digest('hex').slice(0, 20);
  return {
    mark,
    /** The detail naming a login that exists: the login, unless an older one has the shape of personal data. */
    known: (login: string): { login: string } | { loginHash: string } => (looksPersonal(login) ? { loginHash: mark(login) } : { login }),
  };
}
export type LoginMarks = ReturnType<typeof createLoginMarks>;
