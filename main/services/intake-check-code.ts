/** The 查询码 of a 受理回执 and the progress link its QR code holds. */
import { randomInt } from 'node:crypto';
import { CHECK_CODE_ALPHABET } from '../../common/county/protocol';
import { progressLookupUrl, progressUrl } from '../../common/county/progress-url';

/** Six characters, each drawn from node:crypto: ~29 bits, enough that a receipt number cannot be guessed into a page. */
export function newCheckCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CHECK_CODE_ALPHABET[randomInt(CHECK_CODE_ALPHABET.length)];
  return s;
}

/**
 * What the receipt prints about online progress: only when the station is enrolled and the
 * county published its page's address (the sync worker knows it); else nothing, and the
 * receipt keeps its offline QR code.
 */
export function onlineProgress(publicUrl: (() => string | null) | undefined, receiptNo: string, checkCode: string | null): { checkCode: string; url: string; lookupUrl: string } | undefined {
  const base = publicUrl?.() ?? null;
  if (!base || !checkCode) return undefined;
  const url = progressUrl(base, receiptNo, checkCode);
  const lookupUrl = progressLookupUrl(base);
  return url && lookupUrl ? { checkCode, url, lookupUrl } : undefined;
}
