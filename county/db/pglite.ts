import fs from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Queryable, Row, Sql } from '../store/types';
import { normaliseRows } from './rows';
import { cleanParams } from './text';

function bigintAsNumber(s: string): number {
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 beyond 2^53: ${s}`);
  return n;
}

function over(tx: Transaction | PGlite): Queryable {
  return {
    async query<T extends object = Row>(text: string, params: readonly unknown[] = []) {
      const r = await tx.query<Row>(text, cleanParams(params));
      return normaliseRows<T>(r.rows);
    },
    async exec(text: string) {
      await tx.exec(text);
    },
  };
}

/**
 * Embedded PostgreSQL in this process: ONE connection, so every statement and transaction
 * takes its turn through one queue (a query arriving while a transaction is open would
 * otherwise run inside it). dataDir undefined: in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Sql> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { parsers: { [types.INT8]: bigintAsNumber } });
  let tail: Promise<unknown> = Promise.resolve();
  function turn<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  }
  const direct = over(db);
  return {
    kind: 'pglite',
    query: (text, params) => turn(() => direct.query(text, params)),
    exec: (text) => turn(() => direct.exec(text)),
    tx: (fn) => turn(() => db.transaction((tx) => fn(over(tx)))),
    close: () => turn(() => db.close()),
  };
}
