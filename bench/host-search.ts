/**
 * issue 8 "Also": many searches at once against the real browser-mode host (dist/main/host.js
 * in its own process, as a station runs it), over a seeded registry of a street's size.
 * Figures: one search at a time (median, p95), then 200 sent together (p50, p95, max, and
 * the whole burst), repeated for several bursts; the ratio of the two tells whether requests
 * wait on each other (one connection, per-request work) or only on the search itself.
 * host_cpu_per_search (the host's CPU time, from /proc) is the figure to compare across runs
 * on a shared machine: the wall-clock ones move with everyone else's load.
 *
 * Where the time went (issue 8 "Also", profiled with --cpu-prof): most of a search was reading
 * whole 25-column rows for every lookup; residents-search.ts now reads rids, then the page's
 * rows once with the columns a hit shows. The side-by-side figures lookup_whole_rows and
 * lookup_rids_then_hit_columns time the two ways in this process over the same queries.
 * Also seen: the host's PDF warm-up 2 s after start holds the event loop for ~0.8 s of CPU,
 * and searches sent meanwhile wait behind it (the bench waits for it to pass).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createStation } from '../main/station';
import { jsonFileStore } from '../main/host/json-store';
import { dispatch } from '../main/dispatch';
import { createResidentStore } from '../main/services/residents-store';
import { createWriter } from '../main/db/write';
import { systemClock } from '../main/clock';
import { generator, rng } from './gen/residents';
import { connectHost, type HostClient } from './gen/host-client';
import { median, percentile, report, spawnHost, type Figure } from './lib';

const RESIDENTS = Number(process.env.BENCH_HOST_RESIDENTS ?? 30_000);
const CONCURRENT = 200;
const BURSTS = 5;
const SEQUENTIAL = 200;

/** The old way (whole rows per lookup) against the new (rids, then the hit columns once), in ms per query. */
function lookupSideBySide(db: Database.Database, names: string[]): { wholeRows: number; ridsThenHits: number } {
  const END = '\u{10FFFF}';
  const whole = db.prepare('SELECT * FROM residents WHERE name > ? AND name < ? ORDER BY name LIMIT 20');
  const rids = db.prepare('SELECT rid FROM residents WHERE name > ? AND name < ? ORDER BY name LIMIT 20').pluck();
  const hits = db.prepare('SELECT rid, id, name, sex, birth_date, id_number, phone, address, grid FROM residents WHERE rid IN (SELECT value FROM json_each(?))');
  const time = (fn: (q: string) => unknown) => {
    for (const q of names.slice(0, 20)) fn(q);
    const t = performance.now();
    for (let round = 0; round < 10; round++) for (const q of names) fn(q);
    return (performance.now() - t) / (10 * names.length);
  };
  return {
    wholeRows: time((q) => whole.all(q, q + END)),
    ridsThenHits: time((q) => hits.all(JSON.stringify(rids.all(q, q + END)))),
  };
}

let sideBySide: { wholeRows: number; ridsThenHits: number } = { wholeRows: NaN, ridsThenHits: NaN };

async function seed(dataDir: string): Promise<string[]> {
  const station = await createStation({ dataDir, transport: 'browser', store: jsonFileStore(dataDir), version: 'bench' });
  const setup = await dispatch(station, 'setup.init', {
    station: { code: '130102001', name: '建北街道党群服务中心', county: '石家庄市长安区', address: '中山东路 12 号', phone: '0311-86012345' },
    admin: { name: '王建国', login: 'admin', password: 'Station2026' },
  });
  if (!setup.ok) throw new Error(`setup: ${setup.error.message}`);
  const dbPath = station.dbPath;
  station.close();
  const db = new Database(dbPath);
  const store = createResidentStore(db as never, createWriter(db as never, systemClock, () => undefined));
  const next = generator(20261202);
  const at = new Date().toISOString();
  db.transaction(() => {
    for (let i = 1; i <= RESIDENTS; i++) {
      const { fields, tags } = next();
      store.insert(`00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`, fields, tags, at, null);
    }
  })();
  // What a clerk types: the start of a name, pinyin initials, the end of a 身份证号 or a phone.
  const rows = db.prepare('SELECT name, name_initials, id_number, phone_digits FROM residents').all() as { name: string; name_initials: string; id_number: string; phone_digits: string | null }[];
  const r = rng(11);
  const qs: string[] = [];
  while (qs.length < CONCURRENT) {
    const row = rows[Math.floor(r() * rows.length)]!;
    const kind = qs.length % 4;
    if (kind === 0) qs.push(Array.from(row.name).slice(0, 2).join(''));
    else if (kind === 1) qs.push(row.name_initials);
    else if (kind === 2) qs.push(row.id_number.slice(-4));
    else if (row.phone_digits) qs.push(row.phone_digits.slice(-4));
  }
  sideBySide = lookupSideBySide(db, qs.filter((_, i) => i % 4 === 0));
  db.close();
  return qs;
}

/** CPU time (user + system) a process has used, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

async function timed(client: HostClient, q: string): Promise<number> {
  const t = performance.now();
  const r = await client.call('residents.search', { q, limit: 20 });
  const ms = performance.now() - t;
  const body = r.body as { ok: boolean; error?: { message: string } };
  if (r.status !== 200 || !body.ok) throw new Error(`search failed: ${r.status} ${body.error?.message ?? ''}`);
  return ms;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-host-'));
const queries = await seed(dataDir);
const { child, url } = await spawnHost(dataDir, { stderr: 'inherit', env: { ...process.env, STATIONDESK_QUIET: '1' } });
try {
  const client = await connectHost(url);
  const signIn = await client.call('auth.signIn', { login: 'admin', password: 'Station2026' });
  if (!(signIn.body as { ok: boolean }).ok) throw new Error(`sign-in: ${JSON.stringify(signIn.body)}`);

  // The host warms its PDF fonts 2 s after start: let that pass, so it is not counted here.
  await new Promise((r) => setTimeout(r, 5000));
  for (const q of queries.slice(0, 20)) await timed(client, q);
  const single: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) single.push(await timed(client, queries[i % queries.length]!));

  const each: number[] = [];
  const bursts: number[] = [];
  const cpuBefore = cpuMsOf(child.pid);
  const clientBefore = process.cpuUsage();
  for (let b = 0; b < BURSTS; b++) {
    const t = performance.now();
    each.push(...(await Promise.all(queries.map((q) => timed(client, q)))));
    bursts.push(performance.now() - t);
  }
  const cpuAfter = cpuMsOf(child.pid);
  const clientCpu = process.cpuUsage(clientBefore);
  client.close();

  const figures: Record<string, Figure> = {
    residents: { value: RESIDENTS, unit: 'rows', note: 'seeded registry (generated, realistic names, ids, phones)' },
    search_single_median: { value: median(single), unit: 'ms', note: `${SEQUENTIAL} searches one after another over HTTP` },
    search_single_p95: { value: percentile(single, 95), unit: 'ms' },
    search_concurrent_p50: { value: median(each), unit: 'ms', note: `${CONCURRENT} searches sent at once, ${BURSTS} bursts, own keep-alive sockets` },
    search_concurrent_p95: { value: percentile(each, 95), unit: 'ms' },
    search_concurrent_max: { value: Math.max(...each), unit: 'ms' },
    search_burst_median: { value: median(bursts), unit: 'ms', note: `time for all ${CONCURRENT} answers of one burst` },
    search_per_request_in_burst: { value: median(bursts) / CONCURRENT, unit: 'ms', note: 'burst time / requests: the host\'s cost per search under load' },
  };
  figures.lookup_rids_then_hit_columns = { value: sideBySide.ridsThenHits, unit: 'ms', note: 'one name-prefix lookup of 20, as residents-search.ts reads it now (in this process)' };
  figures.lookup_whole_rows = { value: sideBySide.wholeRows, unit: 'ms', note: 'the same lookup reading whole rows, as it did before (SELECT *)' };
  if (cpuBefore !== null && cpuAfter !== null) {
    figures.host_cpu_per_search = { value: (cpuAfter - cpuBefore) / (BURSTS * CONCURRENT), unit: 'ms', note: 'host process CPU (user + system) per search during the bursts' };
  }
  figures.client_cpu_per_search = { value: (clientCpu.user + clientCpu.system) / 1000 / (BURSTS * CONCURRENT), unit: 'ms', note: 'this bench process (the client) per search' };
  report('host-search', figures);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
