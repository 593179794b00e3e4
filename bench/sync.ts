/**
 * `npm run bench -- sync`: the county side of the sync (issue 7's bench), each figure for
 * the embedded PGlite and for a real PostgreSQL 15 (a throwaway cluster on 127.0.0.1).
 *
 * - a 10,000-event backlog of one station pushed on loopback in batches of the county's
 *   maxBatchEvents (three stations in turn, the median), beside the same pushed one event
 *   per request (time-boxed);
 * - 200 stations pushing 100 events each at once (batches of 20, one keep-alive agent of
 *   64 sockets, one batch in ten delivered twice at once, as a retry after a lost answer
 *   would be), lost and duplicate events counted in the county's database;
 * - PostgreSQL only: two county instances on one database, each station's batches
 *   alternating between them and one batch in five sent to both at once.
 *
 * The county runs in a child process (this same file, SYNC_BENCH_ROLE=server) so its peak
 * RSS is measured apart from the pushing side's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnrollResponse, type OutboxEvent } from '../common/county/protocol';
import { median, percentile, report, type Figure } from './lib';
import { startCluster } from './sync/pg-cluster';
import { makeEvents } from './sync/events';
import { newTally, pushAll, readConfig, request, type PushTally } from './sync/push';
import { serve, type EventCount, type FromServer, type ToServer } from './sync/server';
import { stationSide } from './sync/station';

type Backend = 'pglite' | 'postgres';
/** SYNC_BENCH_BACKENDS=pglite, SYNC_BENCH_PARTS=station: one part of the bench while working on it */
const backends = (process.env.SYNC_BENCH_BACKENDS ?? 'pglite,postgres').split(',') as Backend[];
const parts = new Set((process.env.SYNC_BENCH_PARTS ?? 'county,station').split(','));
type Omit_<T> = T extends unknown ? Omit<T, 'id'> : never;

interface CountyProcess {
  url: string;
  call<R extends FromServer>(m: Omit_<ToServer>): Promise<R>;
  stop(): Promise<void>;
}

async function startCounty(env: Record<string, string>): Promise<CountyProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, ...env, SYNC_BENCH_ROLE: 'server' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let next = 1;
  const waiting = new Map<number, (m: FromServer) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (raw) => {
      const m = raw as FromServer;
      if ('url' in m) resolve(m.url);
      else waiting.get(m.id)?.(m);
    });
    child.once('exit', (code) => reject(new Error(`county exited ${code}`)));
  });
  function call<R extends FromServer>(m: Omit_<ToServer>): Promise<R> {
    const id = next++;
    return new Promise<R>((resolve) => {
      waiting.set(id, (a) => resolve(a as R));
      child.send({ ...m, id });
    });
  }
  return {
    url,
    call,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      await call({ cmd: 'stop' });
      await exited;
    },
  };
}

/** The county page's "new station" on the server, then the station's own POST /v1/enroll. */
async function enrollStations(county: CountyProcess, agent: http.Agent, codes: string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const answer = await county.call<Extract<FromServer, { type: 'stations' }>>({ cmd: 'stations', stations: codes.map((c) => ({ code: c, name: `测试站点${c}` })) });
  for (const s of answer.codes) {
    const a = await request(agent, county.url, 'POST', '/v1/enroll', { code: s.enrollmentCode, stationCode: s.code, stationName: `测试站点${s.code}` });
    if (a.status !== 200) throw new Error(`enroll ${s.code}: ${a.status} ${JSON.stringify(a.body)}`);
    tokens.set(s.code, EnrollResponse.parse(a.body).token);
  }
  return tokens;
}

const count = async (c: CountyProcess) => (await c.call<Extract<FromServer, { type: 'count' }>>({ cmd: 'count' })).count;
const serverPeakMb = async (c: CountyProcess) => (await c.call<Extract<FromServer, { type: 'rss' }>>({ cmd: 'rss' })).peakMb;

/** This process's peak RSS between start() and stop(). */
function rssWatch(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    stop() {
      clearInterval(t);
      return Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
    },
  };
}

function exactlyOnce(before: EventCount, after: EventCount, acked: number): { lost: number; duplicates: number; stored: number } {
  const stored = after.distinctSeqs - before.distinctSeqs;
  const rows = after.rows - before.rows;
  return { lost: Math.max(0, acked - stored), duplicates: Math.max(rows - stored, rows - (after.distinctEventIds - before.distinctEventIds)), stored };
}

async function backlog(b: Backend, county: CountyProcess, figures: Record<string, Figure>): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const config = await readConfig(agent, county.url);
  // three stations' backlogs one after the other: the machine is shared, the median is the figure
  const runs = ['BL0001', 'BL0002', 'BL0003'];
  const tokens = await enrollStations(county, agent, [...runs, 'BL0009']);
  const rates: number[] = [];
  const totals: number[] = [];
  let pusherMb = 0;
  let serverMb = 0;
  let stored = 0;
  let lost = 0;
  let acked = 0;
  let requests = 0;
  let baseMb = 0;
  for (const code of runs) {
    const events = makeEvents(code, 10_000);
    await serverPeakMb(county);
    const before = await count(county);
    baseMb = Math.max(baseMb, process.memoryUsage.rss() / 2 ** 20);
    const rss = rssWatch();
    const tally = newTally();
    const t0 = performance.now();
    await pushAll({ agent, bases: [county.url], token: tokens.get(code)!, events, batch: config.maxBatchEvents, maxBatch: config.maxBatchEvents, deadline: t0 + 300_000, tally });
    const s = (performance.now() - t0) / 1000;
    pusherMb = Math.max(pusherMb, rss.stop());
    serverMb = Math.max(serverMb, await serverPeakMb(county));
    const once = exactlyOnce(before, await count(county), tally.ackedThrough);
    rates.push(tally.ackedThrough / s);
    totals.push(s);
    stored += once.stored;
    lost += once.lost;
    acked += tally.ackedThrough;
    requests += tally.requests;
  }
  figures[`backlog_10k_events_per_s_${b}`] = { value: median(rates), unit: 'events/s', note: `goal > 2,000; median of ${rates.map((r) => r.toFixed(0)).join(', ')}; batches of ${config.maxBatchEvents}` };
  figures[`backlog_10k_total_s_${b}`] = { value: median(totals), unit: 's', note: `${acked} acknowledged, ${stored} stored, ${lost} lost in ${requests} requests` };
  figures[`backlog_10k_pusher_rss_peak_mb_${b}`] = { value: pusherMb, unit: 'MiB', note: `${baseMb.toFixed(0)} MiB before a push (events made)` };
  figures[`backlog_10k_server_rss_peak_mb_${b}`] = { value: serverMb, unit: 'MiB' };

  // the same backlog one event per request, time-boxed: the rate is what matters
  const one = newTally();
  const events2 = makeEvents('BL0009', 10_000);
  const t1 = performance.now();
  await pushAll({ agent, bases: [county.url], token: tokens.get('BL0009')!, events: events2, batch: 1, maxBatch: 1, deadline: t1 + 30_000, tally: one });
  const s1 = (performance.now() - t1) / 1000;
  figures[`backlog_10k_events_per_s_one_per_request_${b}`] = { value: one.ackedThrough / s1, unit: 'events/s', note: `${one.ackedThrough} events in ${s1.toFixed(1)} s (time-boxed at 30 s)` };
  agent.destroy();
}

/** `stations` stations × `each` events pushed at once over `bases`. */
async function crowd(opts: { label: string; suffix: Backend; counties: CountyProcess[]; stations: number; each: number; prefix: string; redeliverEvery: number; figures: Record<string, Figure> }): Promise<void> {
  const { counties, figures, label } = opts;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const codes = Array.from({ length: opts.stations }, (_, i) => `${opts.prefix}${String(i + 1).padStart(4, '0')}`);
  const tokens = await enrollStations(counties[0]!, agent, codes);
  const events = new Map<string, OutboxEvent[]>(codes.map((c) => [c, makeEvents(c, opts.each)]));
  const before = await count(counties[0]!);
  const tallies: PushTally[] = [];
  const t0 = performance.now();
  await Promise.all(
    codes.map((c, i) => {
      const tally = newTally();
      tallies.push(tally);
      // two instances: station i starts on instance i % 2, then alternates batch by batch
      const bases = counties.map((_, k) => counties[(i + k) % counties.length]!.url);
      return pushAll({ agent, bases, token: tokens.get(c)!, events: events.get(c)!, batch: 20, maxBatch: 20, deadline: t0 + 180_000, tally, redeliver: (n) => (i * 7 + n) % opts.redeliverEvery === 0 });
    }),
  );
  const s = (performance.now() - t0) / 1000;
  const acked = tallies.reduce((a, t) => a + t.ackedThrough, 0);
  const once = exactlyOnce(before, await count(counties[0]!), acked);
  const ms = tallies.flatMap((t) => t.batchMs);
  const dupVerdicts = tallies.reduce((a, t) => a + t.duplicate, 0);
  const expected = opts.stations * opts.each;
  figures[`${label}_events_per_s_${opts.suffix}`] = { value: acked / s, unit: 'events/s', note: `${acked}/${expected} in ${s.toFixed(1)} s` };
  figures[`${label}_batch_p95_ms_${opts.suffix}`] = { value: percentile(ms, 95), unit: 'ms', note: `p50 ${percentile(ms, 50).toFixed(0)} ms, ${ms.length} requests` };
  const rejected = tallies.reduce((a, t) => a + t.rejected, 0);
  figures[`${label}_lost_events_${opts.suffix}`] = { value: once.lost, unit: 'events', note: `acknowledged but not in the county's database; ${rejected} rejected` };
  figures[`${label}_undelivered_in_time_${opts.suffix}`] = { value: expected - acked, unit: 'events', note: 'not acknowledged within the 180 s box' };
  figures[`${label}_duplicate_events_${opts.suffix}`] = { value: once.duplicates, unit: 'events', note: `stored twice; ${dupVerdicts} answered duplicate to re-deliveries` };
  agent.destroy();
}

async function run(b: Backend, figures: Record<string, Figure>): Promise<void> {
  const cluster = b === 'postgres' ? await startCluster() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-county-'));
  const env: Record<string, string> = cluster ? { SYNC_BENCH_DATABASE_URL: cluster.url } : { SYNC_BENCH_DATA_DIR: dataDir };
  const counties: CountyProcess[] = [];
  try {
    counties.push(await startCounty(env));
    if (parts.has('county')) {
      console.log(`· ${b}: 10,000-event backlog`);
      await backlog(b, counties[0]!, figures);
      console.log(`· ${b}: 200 stations at once`);
      await crowd({ label: 'stations_200', suffix: b, counties, stations: 200, each: 100, prefix: 'ST', redeliverEvery: 10, figures });
    }
    const c0 = counties[0]!;
    if (parts.has('station')) console.log(`· ${b}: the station's worker against it`);
    if (parts.has('station')) await stationSide(b, {
      url: c0.url,
      async createStation(code, name) {
        const [s] = (await c0.call<Extract<FromServer, { type: 'stations' }>>({ cmd: 'stations', stations: [{ code, name }] })).codes;
        return s!;
      },
      complete: async (stationId, intakeId) => (await c0.call<Extract<FromServer, { done: boolean }>>({ cmd: 'complete', stationId, intakeId })).done,
      held: async (stationId, intakeId) => (await c0.call<Extract<FromServer, { done: boolean }>>({ cmd: 'held', stationId, intakeId })).done,
    }, figures);
    if (cluster && parts.has('county')) {
      console.log(`· ${b}: two instances on one PostgreSQL`);
      counties.push(await startCounty(env));
      await crowd({ label: 'two_instances', suffix: b, counties, stations: 200, each: 100, prefix: 'TI', redeliverEvery: 5, figures });
    }
  } finally {
    for (const c of counties) await c.stop().catch(() => undefined);
    cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.env.SYNC_BENCH_ROLE === 'server') {
  await serve();
} else {
  const figures: Record<string, Figure> = {};
  for (const b of backends) await run(b, figures);
  report('sync', figures);
  process.exit(0);
}
