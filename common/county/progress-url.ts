/**
 * The resident's progress link, as the 受理回执's QR code holds it and the county serves it
 * (county/routes/public-page.ts): `<publicUrl>/p/<receiptNo>?c=<查询码>`. Short, so the QR code
 * stays small enough for an 80 mm slip.
 */
export const PROGRESS_PATH = '/p';

/** http(s)://host[:port][/path], no query or fragment: anything else prints no link rather than a broken one. */
const BASE = /^(https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?)(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/i;

function root(publicUrl: string): string | null {
  const m = BASE.exec(publicUrl.trim());
  if (!m) return null;
  return `${m[1]!.toLowerCase()}${(m[2] ?? '').replace(/\/+$/, '')}`;
}

export function progressUrl(publicUrl: string, receiptNo: string, checkCode: string): string | null {
  const r = root(publicUrl);
  return r ? `${r}${PROGRESS_PATH}/${encodeURIComponent(receiptNo)}?c=${encodeURIComponent(checkCode)}` : null;
}

/** Where a resident types the number and code by hand: printed under the QR code. */
export function progressLookupUrl(publicUrl: string): string | null {
  const r = root(publicUrl);
  return r ? `${r}${PROGRESS_PATH}` : null;
}
