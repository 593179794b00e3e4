/**
 * The request id of one create (common/contract-kit.ts RequestId): made when a form opens
 * and again after a success, never per keypress, so a double Enter or a retry of the same
 * submit carries the same id and main answers with the first record instead of a second.
 */
import { useCallback, useState } from 'react';

export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // a page served over plain http to a LAN name is not a secure context: no randomUUID there
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** [the current id, renew() — call it after the create succeeded, for the next one]. */
export function useRequestId(): [string, () => void] {
  const [id, setId] = useState(newRequestId);
  const renew = useCallback(() => setId(newRequestId()), []);
  return [id, renew];
}
