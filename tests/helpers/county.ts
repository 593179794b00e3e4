/**
 * The real county server for tests: on PGlite (in memory) or on a throwaway PostgreSQL
 * cluster, listening on 127.0.0.1 with an OS-chosen port, spoken to with fetch. Each
 * server gets its own county (a name of its own), so tests in one file share a database
 * without seeing each other's stations.
 */
import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { migrate } from '../../county/db/migrate';
import { openPglite } from '../../county/db/pglite';
import { openPostgres } from '../../county/db/postgres';
import { createCountyServer, type CountyLimits, type CountyServer } from '../../county/server';
import type { Clock, Sql } from '../../county/store/types';
import { GENESIS_HASH, type OutboxEvent } from '../../common/county/protocol';
import { startPostgres, type PgCluster } from './postgres';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface RunningCounty extends CountyServer {
  url: string;
  close(): Promise<void>;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export function countyBackend(kind: Backend) {
  let sql: Sql | undefined;
  let cluster: PgCluster | undefined;
  const running: RunningCounty[] = [];
  const extraSql: Sql[] = [];

  beforeAll(async () => {
    if (kind === 'pglite') sql = await openPglite();
    else {
      cluster = await startPostgres();
      sql = openPostgres(cluster.url);
    }
    await migrate(sql);
  }, 120_000);
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.close()));
  });
  afterAll(async () => {
    await Promise.all(extraSql.splice(0).map((s) => s.close()));
    await sql?.close();
    await cluster?.stop();
  }, 60_000);

  const env = {
    kind,
    get sql(): Sql {
      if (!sql) throw new Error('backend not started');
      return sql;
    },
    get cluster(): PgCluster | undefined {
      return cluster;
    },
    /** Another pool on the same PostgreSQL database, as a second server instance has. */
    secondSql(): Sql {
      if (!cluster) throw new Error('only PostgreSQL has a second connection');
      const s = openPostgres(cluster.url);
      extraSql.push(s);
      return s;
    },
    async start(opts: { countyName?: string; clock?: Clock; limits?: Partial<CountyLimits>; sql?: Sql; publicUrl?: string | null; logger?: { level: string; stream?: NodeJS.WritableStream } } = {}): Promise<RunningCounty> {
      const server = await createCountyServer({
        sql: opts.sql ?? env.sql,
        countyName: opts.countyName ?? `测试县-${randomUUID().slice(0, 8)}`,
        publicUrl: opts.publicUrl ?? 'http://127.0.0.1/progress',
        limits: opts.limits,
        clock: opts.clock,
        logger: opts.logger,
      });
      const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
      const r: RunningCounty = { ...server, url, close: () => server.app.close() };
      running.push(r);
      return r;
    },
  };
  return env;
}

/** fetch as a station would: JSON (optionally gzip), a bearer token. */
export async function call<T = unknown>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  opts: { body?: unknown; raw?: Buffer | string; token?: string; gzip?: boolean; contentType?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: Buffer | string | undefined = opts.raw;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) {
    if (opts.contentType !== null) headers['content-type'] = opts.contentType ?? 'application/json';
    if (opts.gzip) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: left as text for the assertion to show
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** A station created on the county and enrolled: its token and id. */
export async function enrolledStation(county: RunningCounty, code = `S${randomUUID().replace(/-/g, '').slice(0, 10)}`, name = '测试站点') {
  const issued = await county.store.createStation({ code, name });
  const res = await call<{ token: string; stationId: string }>(county.url, 'POST', '/v1/enroll', { body: { code: issued.code, stationCode: code, stationName: name, deviceName: '窗口1' } });
  if (res.status !== 200) throw new Error(`enroll failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { code, name, token: res.body.token, stationId: res.body.stationId };
}

export function pushBody(events: readonly unknown[], auditHead = { seq: 0, hash: GENESIS_HASH }, backlog = 0) {
  return { events, auditHead, backlog };
}

export async function pushEvents(county: RunningCounty, token: string, events: readonly OutboxEvent[] | readonly unknown[], auditHead?: { seq: number; hash: string }) {
  return call<{ results: { seq: number; status: string; reason?: string; permanent?: boolean }[]; ackedThrough: number }>(county.url, 'POST', '/v1/push', { token, body: pushBody(events, auditHead) });
}
