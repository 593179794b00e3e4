import { createHash, randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Equal-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A station token: `sdt_` + 256 random bits; the county keeps only sha256(token). */
export function newStationToken(): string {
  return `sdt_${randomBytes(32).toString('base64url')}`;
}

/** Read out over the phone: no 0/O, 1/I/L. Every character is also in EnrollmentCode's [0-9A-Z]. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function randomText(length: number, alphabet = CODE_ALPHABET): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** 12 characters (~59 bits), shown as ABCD-EFGH-JKMN; EnrollmentCode strips the dashes. */
export function newEnrollmentCode(): { shown: string; normalised: string } {
  const normalised = randomText(12);
  return { shown: normalised.replace(/(.{4})(?=.)/g, '$1-'), normalised };
}

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, opts: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** scrypt$N$r$p$salt$hash */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('hex')}$${key.toString('hex')}`;
}

const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${'00'.repeat(16)}$${'00'.repeat(32)}`;

/** stored null: an unknown login still costs one scrypt, so timing does not tell logins apart. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [kind, n, r, p, saltHex, keyHex] = (stored ?? DUMMY_HASH).split('$');
  if (kind !== 'scrypt' || !saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const key = await scrypt(password, Buffer.from(saltHex, 'hex'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return stored !== null && timingSafeEqual(key, expected);
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
