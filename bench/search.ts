/**
 * Resident search at 1,000,000 residents (issue 3): median and p95 of the real search call
 * for a 2-character name, pinyin initials, a 4-digit 身份证 suffix and a phone suffix, side by
 * side with a plain LIKE '%…%' scan over the same rows.
 *
 * The residents are generated through the app's own schema and write path (migrations,
 * residents-store), with valid 身份证号 and realistic surname frequencies, into a database
 * in the temp folder; it is reused while the schema and the generator are unchanged.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../main/db/migrate';
import { MIGRATIONS } from '../main/db/migrations/index';
import { createResidentStore } from '../main/services/residents-store';
import { createResidents } from '../main/services/residents';
import { createAudit } from '../main/services/audit';
import { createWriter } from '../main/db/write';
import { systemClock } from '../main/clock';
import type { ServiceContext } from '../main/context';
import { KEY_TAGS, type KeyTag } from '../common/contracts/residents';
import { generator, rng } from './gen/residents';
import { median, percentile, report, type Figure } from './lib';

const COUNT = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const QUERIES = 200;
const SCAN_QUERIES = 30;
const GENERATOR_VERSION = 3;

// ---------- the database, generated once per schema ----------

const schemaKey = createHash('sha256')
  .update(MIGRATIONS.map((m) => m.sql).join('\n'))
  .update(`${GENERATOR_VERSION}:${COUNT}`)
  .digest('hex')
  .slice(0, 12);
const dbFile = path.join(os.tmpdir(), `stationdesk-search-bench-${schemaKey}.db`);

function complete(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true });
    const n = db.prepare("SELECT v FROM bench_meta WHERE k = 'complete'").pluck().get();
    db.close();
    return n === COUNT;
  } catch {
    return false;
  }
}

function generate(): number {
  for (const f of fs.readdirSync(os.tmpdir())) {
    if (/^stationdesk-search-bench-.*\.db(-wal|-shm|-journal)?$/.test(f)) fs.rmSync(path.join(os.tmpdir(), f), { force: true });
  }
  const t0 = performance.now();
  const db = new Database(dbFile);
  // A throwaway file: no journal and no fsync while it is filled, then the app's own settings apply when read.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  migrate(db, MIGRATIONS);
  const store = createResidentStore(db, createWriter(db, systemClock, () => undefined));
  const next = generator(20261127);
  const at = new Date().toISOString();
  const BATCH = 50_000;
  let id = 0;
  const batch = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const { fields, tags } = next();
      id++;
      store.insert(`00000000-0000-7000-8000-${id.toString(16).padStart(12, '0')}`, fields, tags, at, null);
    }
  });
  for (let done = 0; done < COUNT; done += BATCH) {
    batch(Math.min(BATCH, COUNT - done));
    process.stdout.write(`\r生成居民 ${Math.min(done + BATCH, COUNT).toLocaleString()} / ${COUNT.toLocaleString()}`);
  }
  db.exec("CREATE TABLE bench_meta (k TEXT PRIMARY KEY, v); INSERT INTO bench_meta VALUES ('complete', " + COUNT + ')');
  db.close();
  process.stdout.write('\n');
  return performance.now() - t0;
}

let generatedMs: number | null = null;
if (!complete(dbFile)) generatedMs = generate();
else console.log(`复用已生成的数据库：${dbFile}`);

// ---------- measure ----------

const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
db.pragma('query_only = ON');

// The real residents service, behind a stand-in for the signed-in clerk.
const clerk = { id: 'bench', login: 'bench', name: '基准', role: 'clerk' as const, active: true, lockedUntil: null, lastSignInAt: null, createdAt: '' };
const BENCH_ACTOR = { kind: 'staff' as const, id: clerk.id, name: clerk.name, role: clerk.role };
const ctx = {
  db,
  clock: systemClock,
  audit: createAudit(db, systemClock),
  write: createWriter(db, systemClock, () => undefined),
  auth: { require: () => clerk },
  dataDir: os.tmpdir(),
  resourcesDir: '',
} as unknown as ServiceContext;
const residents = createResidents(ctx);

interface Sample {
  name: string;
  id_number: string;
  phone_digits: string | null;
  name_initials: string;
}
const maxRid = db.prepare('SELECT max(rid) FROM residents').pluck().get() as number;
const pickRow = db.prepare<[number], Sample>('SELECT name, id_number, phone_digits, name_initials FROM residents WHERE rid >= ? ORDER BY rid LIMIT 1');
const sampler = rng(7);
function samples(n: number, ok: (s: Sample) => boolean): Sample[] {
  const out: Sample[] = [];
  while (out.length < n) {
    const s = pickRow.get(1 + Math.floor(sampler() * maxRid));
    if (s && ok(s)) out.push(s);
  }
  return out;
}

const people = samples(QUERIES, (s) => s.phone_digits !== null && /^[a-z]+$/.test(s.name_initials));
const threeChar = samples(QUERIES, (s) => Array.from(s.name).length === 3);
const queries = {
  name: people.map((s) => Array.from(s.name).slice(0, 2).join('')),
  namepart: threeChar.map((s) => Array.from(s.name).slice(1).join('')),
  pinyin: people.map((s) => s.name_initials),
  idsuffix: people.map((s) => s.id_number.slice(-4)),
  phone: people.map((s) => s.phone_digits!.slice(-4)),
  // issue 6 item 9: one character of the given name (堃), six digits from a phone's middle (139311)
  givenchar: threeChar.map((s) => Array.from(s.name).at(-1)!),
  phonemiddle: people.map((s) => s.phone_digits!.slice(3, 9)),
};

async function timeSearch(qs: string[]): Promise<{ times: number[]; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (const q of qs.slice(0, 10)) await residents.api['residents.search']({ q, limit: 20 }, BENCH_ACTOR);
  for (const q of qs) {
    const t = performance.now();
    const r = await residents.api['residents.search']({ q, limit: 20 }, BENCH_ACTOR);
    times.push(performance.now() - t);
    hits += r.items.length;
  }
  return { times, hits };
}

// What one would write without the search design: a pattern tried on row after row until 20 match
// (no ranking, so it may stop early; pinyin still needs the precomputed initials column).
const scan = (col: string) => db.prepare(`SELECT * FROM residents WHERE ${col} LIKE '%' || ? || '%' LIMIT 20`);
const scans = {
  name: scan('name'),
  namepart: scan('name'),
  pinyin: scan('name_initials'),
  idsuffix: scan('id_number'),
  phone: scan('phone'),
  givenchar: scan('name'),
  phonemiddle: scan('phone_digits'),
};

function timeScan(kind: keyof typeof scans, qs: string[]): number[] {
  const times: number[] = [];
  for (const q of qs.slice(0, SCAN_QUERIES)) {
    const t = performance.now();
    scans[kind].all(q);
    times.push(performance.now() - t);
  }
  return times;
}

const figures: Record<string, Figure> = {};
const labels: Record<keyof typeof queries, string> = {
  name: '2-character name (first two characters of a real name)',
  namepart: '2-character given name (inside a 3-character name)',
  pinyin: 'pinyin initials of a real name',
  idsuffix: 'last 4 digits of a 身份证号',
  phone: 'last 4 digits of a phone',
  givenchar: 'one given-name character (last of a 3-character name)',
  phonemiddle: '6 digits from the middle of a phone',
};
for (const kind of Object.keys(queries) as (keyof typeof queries)[]) {
  const { times, hits } = await timeSearch(queries[kind]);
  const scan = timeScan(kind, queries[kind]);
  figures[`search_${kind}_median`] = { value: median(times), unit: 'ms', note: `${labels[kind]}; ${QUERIES} queries, ${(hits / QUERIES).toFixed(1)} results each` };
  figures[`search_${kind}_p95`] = { value: percentile(times, 95), unit: 'ms' };
  figures[`search_${kind}_median_like_scan`] = { value: median(scan), unit: 'ms', note: `LIKE '%…%' scan, first 20 matches, ${scan.length} queries` };
  figures[`search_${kind}_p95_like_scan`] = { value: percentile(scan, 95), unit: 'ms' };
}

// The 台账's first page over the same million (every key-service target, then one tag and a grid).
const ledgerTimes: number[] = [];
for (const filter of [{}, { tags: ['低保' as KeyTag] }, { grid: '第7网格' }, { tags: [KEY_TAGS[0]], ageMin: 80 }]) {
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await residents.api['residents.ledger']({ filter: { tags: [], grid: '', ...filter }, page: 1, pageSize: 50 }, BENCH_ACTOR);
    ledgerTimes.push(performance.now() - t);
  }
}
figures.ledger_page_median = { value: median(ledgerTimes), unit: 'ms', note: '重点服务对象台账 first page of 50 with its total, 4 filters × 5' };

figures.residents = { value: maxRid, unit: 'rows' };
figures.db_size_mb = { value: fs.statSync(dbFile).size / 2 ** 20, unit: 'MiB' };
if (generatedMs !== null) figures.generate_s = { value: generatedMs / 1000, unit: 's', note: 'one-off: generating and indexing the residents' };
db.close();
report('search', figures);
