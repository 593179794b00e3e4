/**
 * The station's side of a push, as the sync protocol says it (docs/sync-protocol.md §4):
 * batches within the county's limits, halved on 413/5xx, every answer parsed with the
 * protocol's schema, resumed from ackedThrough. Over one keep-alive HTTP agent per caller.
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { ConfigResponse, PushResponse, type OutboxEvent } from '../../common/county/protocol';

export interface Answer {
  status: number;
  body: unknown;
  ms: number;
}

export function request(agent: http.Agent, base: string, method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<Answer> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : gzipSync(JSON.stringify(body), { level: 1 });
  const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': payload.length });
  if (token) headers.authorization = `Bearer ${token}`;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // an HTML error page or a cut body: kept as text, the caller treats it as a failure
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - t0 });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

export async function readConfig(agent: http.Agent, base: string): Promise<ConfigResponse> {
  const a = await request(agent, base, 'GET', '/v1/config');
  return ConfigResponse.parse(a.body);
}

export interface PushTally {
  requests: number;
  applied: number;
  duplicate: number;
  rejected: number;
  retries: number;
  /** every request's time, for percentiles */
  batchMs: number[];
  ackedThrough: number;
}

export const newTally = (): PushTally => ({ requests: 0, applied: 0, duplicate: 0, rejected: 0, retries: 0, batchMs: [], ackedThrough: 0 });

export function addVerdicts(t: PushTally, r: PushResponse): void {
  for (const v of r.results) t[v.status] += 1;
}

/**
 * Pushes `events` (seq 1…n of one station) until the county holds them all or the deadline
 * passes. `pick` chooses the county instance of each request; `redeliver` sends a batch a
 * second time at once (to the other instance when there are two), as a retry after a
 * lost answer would.
 */
export async function pushAll(opts: {
  agent: http.Agent;
  bases: string[];
  token: string;
  events: readonly OutboxEvent[];
  batch: number;
  maxBatch: number;
  deadline: number;
  tally: PushTally;
  redeliver?: (batchNo: number) => boolean;
}): Promise<void> {
  const { agent, bases, token, events, tally } = opts;
  let batch = opts.batch;
  let acked = 0;
  let n = 0;
  while (acked < events.length && performance.now() < opts.deadline) {
    const slice = events.slice(acked, acked + batch);
    const body = { events: slice, auditHead: { seq: acked + slice.length, hash: slice[slice.length - 1]!.hash }, backlog: events.length - acked - slice.length };
    const base = bases[n % bases.length]!;
    const twice = opts.redeliver?.(n) ?? false;
    n += 1;
    const sends = [request(agent, base, 'POST', '/v1/push', body, token)];
    if (twice) sends.push(request(agent, bases[n % bases.length]!, 'POST', '/v1/push', body, token));
    const answers = await Promise.allSettled(sends);
    let moved = false;
    for (const a of answers) {
      tally.requests += 1;
      if (a.status === 'rejected') continue;
      tally.batchMs.push(a.value.ms);
      if (a.value.status !== 200) {
        if (a.value.status === 413 || a.value.status >= 500) batch = Math.max(1, batch >> 1);
        continue;
      }
      const r = PushResponse.parse(a.value.body);
      addVerdicts(tally, r);
      if (r.ackedThrough > acked) {
        acked = r.ackedThrough;
        moved = true;
      }
    }
    if (!moved) tally.retries += 1;
    else if (batch < opts.maxBatch) batch = Math.min(opts.maxBatch, batch * 2);
  }
  tally.ackedThrough += acked;
}
