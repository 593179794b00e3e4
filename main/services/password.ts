import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * OWASP's advice for scrypt (N=2^17, r=8, p=1): about 0.4 s and 128 MiB per hash on a
 * modest counter PC. Hashes made with other parameters keep working and are replaced at
 * the owner's next successful sign-in (needsRehash).
 */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LEN = 32;
// Node refuses when 128·N·r reaches maxmem; a stored hash asking for more than this is not ours.
const MAX_N = 2 ** 20;
const MAX_R = 16;
const MAX_P = 4;

function memoryFor(N: number, r: number): number {
  return 128 * N * r + 16 * 1024 * 1024;
}

// One scrypt at a time in this process: each takes 128 MiB, and parallel sign-in guesses
// on several logins must neither add up memory nor run faster than one after another.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions & { N: number; r: number }): Promise<Buffer> {
  return oneAtATime(
    () => new Promise<Buffer>((resolve, reject) => scrypt(password, salt, keylen, { ...opts, maxmem: memoryFor(opts.N, opts.r) }, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFC'), salt, KEY_LEN, { ...SCRYPT_PARAMS });
  return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (![N, R, P].every(Number.isSafeInteger) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || R < 1 || R > MAX_R || P < 1 || P > MAX_P) return null;
  const key = Buffer.from(keyB64, 'base64');
  if (key.length < 16) return null;
  return { N, r: R, p: P, salt: Buffer.from(saltB64, 'base64'), key };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const key = await scryptAsync(password.normalize('NFC'), h.salt, h.key.length, { N: h.N, r: h.r, p: h.p });
  return key.length === h.key.length && timingSafeEqual(key, h.key);
}

/** Whether a hash that just verified was made with other parameters than today's. */
export function needsRehash(stored: string): boolean {
  const h = parse(stored);
  return !h || h.N !== SCRYPT_PARAMS.N || h.r !== SCRYPT_PARAMS.r || h.p !== SCRYPT_PARAMS.p || h.key.length !== KEY_LEN;
}

/**
 * A hash no password matches, with today's parameters: checking a password against it costs
 * what checking a real one does, so an unknown login answers in the same time as a known one.
 */
export function unmatchableHash(): string {
  return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, randomBytes(16).toString('base64'), randomBytes(KEY_LEN).toString('base64')].join('$');
}
