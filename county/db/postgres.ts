import pg from 'pg';
import type { Queryable, Row, Sql } from '../store/types';
import { normaliseRows } from './rows';
import { cleanParams } from './text';

const INT8 = 20;

function bigintAsNumber(s: string): number {
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 beyond 2^53: ${s}`);
  return n;
}

const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? bigintAsNumber : pg.types.getTypeParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser,
};

function over(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends object = Row>(text: string, params: readonly unknown[] = []) {
      const r = await c.query<Row>(text, cleanParams(params));
      return normaliseRows<T>(r.rows);
    },
    async exec(text: string) {
      await c.query(text);
    },
  };
}

/** A real PostgreSQL server through a pool (DATABASE_URL); every instance of the server shares it. */
export function openPostgres(connectionString: string, opts: { max?: number } = {}): Sql {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 10_000,
    // a transaction left open by a stuck request must not hold a station's row for ever
    idle_in_transaction_session_timeout: 60_000,
    // a push waits for the same station's push in flight, never for minutes: busy → 503, the station retries
    lock_timeout: 20_000,
    statement_timeout: 30_000,
    types: typeParsers,
  });
  // an idle client losing its connection is reported here; the pool replaces it
  pool.on('error', () => undefined);
  const direct = over(pool);
  return {
    kind: 'postgres',
    query: (text, params) => direct.query(text, params),
    exec: (text) => direct.exec(text),
    async tx(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(over(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (e) {
          broken = e as Error;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
