import type { Row } from '../store/types';

/** Both backends answer timestamptz as Date: the store speaks ISO strings, as the protocol does. */
export function normaliseRows<T>(rows: readonly Row[]): T[] {
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      const v = r[k];
      if (v instanceof Date) r[k] = v.toISOString();
    }
  }
  return rows as T[];
}
