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
import { createResidentStore, type ResidentFields } from '../main/services/residents-store';
import { createResidents } from '../main/services/residents';
import { createAudit } from '../main/services/audit';
import { createWriter } from '../main/db/write';
import { systemClock } from '../main/clock';
import type { ServiceContext } from '../main/context';
import { checkCharOf } from '../common/idcard';
import { stationDate } from '../common/time';
import { KEY_TAGS, type KeyTag, type TagEntry } from '../common/contracts/residents';
import { median, percentile, report, type Figure } from './lib';

const COUNT = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const QUERIES = 200;
const SCAN_QUERIES = 30;
const GENERATOR_VERSION = 3;

// ---------- a deterministic generator of plausible residents ----------

/** mulberry32: the same million people on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Surnames with rough shares (per mille) from the 2020 census; the tail shares the rest. */
const SURNAMES: [string, number][] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 11], ['高', 11], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 4], ['卢', 4], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['单', 1], ['欧阳', 1], ['司马', 1], ['诸葛', 1],
];
const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文东海峰亮成新春永庆德福生祥荣宝金山振兴家晨博';
const FEMALE = '芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳婷雪慧颖琴云洁晶倩欣怡佳悦丹凤淑珍翠秋月莉玉彤萱琪雅诗涵梓';
const REGIONS = ['130102', '130104', '130105', '130107', '130108', '130109', '130110', '130111', '130121', '130123', '130125', '130126', '130127', '130128', '130129', '130130', '130131', '130132', '130133', '130181', '130183', '130184', '110105', '120101', '370102', '410102'];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '173', '177', '180', '181', '182', '185', '186', '187', '188', '189', '199'];
const ROADS = ['中山东路', '建设北大街', '裕华路', '谈固南大街', '槐安路', '体育大街', '和平路', '胜利街', '翟营大街', '育才街'];

function generator(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const total = SURNAMES.reduce((n, [, w]) => n + w, 0);
  const cumulative: [string, number][] = [];
  let acc = 0;
  for (const [s, w] of SURNAMES) cumulative.push([s, (acc += w) / total]);
  const surname = () => {
    const x = r();
    return cumulative.find(([, c]) => x < c)?.[0] ?? '王';
  };
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
    return s;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const taken = new Set<string>();
  const today = stationDate(new Date());

  return function next(): { fields: ResidentFields; tags: TagEntry[] } {
    const male = r() < 0.5;
    const chars = male ? MALE : FEMALE;
    const name = surname() + pick([...chars]) + (r() < 0.7 ? pick([...chars]) : '');
    let year: number;
    let birth: string;
    let idNumber: string;
    do {
      // ages 0–99, thinner at the old end
      year = 2026 - Math.floor(Math.pow(r(), 1.15) * 100);
      const month = 1 + Math.floor(r() * 12);
      const day = 1 + Math.floor(r() * 28);
      birth = `${year}-${pad(month)}-${pad(day)}`;
      const seq = digits(2) + String(Math.floor(r() * 5) * 2 + (male ? 1 : 0));
      const first17 = `${pick(REGIONS)}${year}${pad(month)}${pad(day)}${seq}`;
      idNumber = first17 + checkCharOf(first17);
    } while (taken.has(idNumber) || birth > today);
    const age = 2026 - year;
    taken.add(idNumber);
    const p = r();
    const phone = p < 0.85 ? pick(MOBILE_PREFIXES) + digits(8) : p < 0.9 ? `0311-8${digits(7)}` : null;
    const tags: TagEntry[] = [];
    if (r() < 0.09) {
      const pool: readonly KeyTag[] = age >= 60 ? ['空巢老人', '独居老人', '低保', '残疾人', '特困', '优抚对象', '重病'] : age < 16 ? ['留守儿童', '残疾人', '低保'] : ['低保', '残疾人', '重病', '优抚对象'];
      const n = r() < 0.8 ? 1 : 2;
      for (let i = 0; i < n; i++) {
        const tag = pick(pool);
        if (!tags.some((t) => t.tag === tag)) tags.push({ tag, since: `${Math.max(year, 2015) + Math.floor(r() * 3)}-${pad(1 + Math.floor(r() * 12))}-01` });
      }
    }
    return {
      fields: {
        name,
        idNumber,
        sex: male ? 'male' : 'female',
        birthDate: birth,
        phone,
        address: `建北街道${pick(ROADS)} ${1 + Math.floor(r() * 200)} 号 ${1 + Math.floor(r() * 6)}-${1 + Math.floor(r() * 4)}-${1 + Math.floor(r() * 18)}0${1 + Math.floor(r() * 4)}`,
        grid: `第${1 + Math.floor(r() * 30)}网格`,
        householdHeadId: null,
        relation: null,
        notes: '',
        pinyinManual: null,
      },
      tags: tags.filter((t) => t.since <= today && t.since >= birth),
    };
  };
}

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
