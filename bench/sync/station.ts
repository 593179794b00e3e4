/**
 * The station's side of the sync bench: the real station (main/station.ts) with its sync
 * worker on its default timer, against the county child process.
 *
 * - search_p95_idle_ms beside search_p95_during_push_ms: 100,000 residents, a 10,000-event
 *   backlog made through the one write path; the clerk's search measured before enrolling,
 *   then while the worker pushes the backlog after 同步 → 登记;
 * - decision_to_station_s: an item forwarded and seen at the county, decided there, and
 *   timed until the station's 代办 item shows the county's result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkCharOf } from '../../common/idcard';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { createWriter } from '../../main/db/write';
import { createAudit } from '../../main/services/audit';
import { createResidentStore } from '../../main/services/residents-store';
import { systemClock } from '../../main/clock';
import { DB_FILE } from '../../main/paths';
import { createStation } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import { ADMIN, clientOf, STATION, tempDir } from '../../tests/helpers/station';
import { forwardedItems, type SyncTestStation } from '../../tests/helpers/sync';
import { benchRoot, median, percentile, type Figure } from '../lib';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 100_000);
const BACKLOG = 10_000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳婷雪慧颖琴';

/** mulberry32: the same people on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The station database before first start: residents, and a backlog of resident.create events. */
function prepare(dataDir: string): string[] {
  const db = openDb(path.join(dataDir, DB_FILE));
  migrate(db);
  const audit = createAudit(db, systemClock);
  const write = createWriter(db, systemClock, audit.append);
  const store = createResidentStore(db, write);
  const r = rng(20261202);
  const pick = (s: string) => s[Math.floor(r() * s.length)]!;
  const names: string[] = [];
  const at = systemClock.now().toISOString();
  const batch = 20_000;
  for (let done = 0; done < RESIDENTS; done += batch) {
    write((tx) => {
      for (let i = done; i < Math.min(RESIDENTS, done + batch); i++) {
        const name = pick(SURNAMES) + pick(GIVEN) + (r() < 0.7 ? pick(GIVEN) : '');
        // unique: (month, day) from i / 1000, the 3-digit sequence from i % 1000
        const k = Math.floor(i / 1000);
        const first17 = `130102${1930 + (i % 90)}${String(1 + (k % 12)).padStart(2, '0')}${String(1 + Math.floor(k / 12)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
        const id = `00000000-0000-7000-8000-${(i + 1).toString(16).padStart(12, '0')}`;
        store.insert(id, { name, idNumber: first17 + checkCharOf(first17), sex: i % 2 ? 'male' : 'female', birthDate: `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`, phone: `138${String(10_000_000 + i).slice(-8)}`, address: `建北街道中山东路 ${1 + (i % 200)} 号`, grid: `第${1 + (i % 30)}网格`, householdHeadId: null, relation: null, notes: '', pinyinManual: null }, [], at, null);
        if (i < BACKLOG) tx.change({ actorId: null, action: 'resident.create', entity: 'resident', entityId: id, op: 'create', ...store.snapshot(id)!, detail: { via: 'bench' } });
        if (i % 500 === 0) names.push(name.slice(0, 2));
      }
    });
  }
  db.close();
  return names;
}

async function searches(s: SyncTestStation, qs: string[], until: () => Promise<boolean>, max: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; times.length < max; i++) {
    const t = performance.now();
    await s.client['residents.search']({ q: qs[i % qs.length]!, limit: 20 });
    times.push(performance.now() - t);
    // a clerk types between searches: give the worker's I/O its turn
    await new Promise((r) => setTimeout(r, 5));
    if (i % 20 === 19 && (await until())) break;
  }
  return times;
}

export interface CountyHooks {
  url: string;
  /** the county page's 新建站点: station id and one-time code */
  createStation(code: string, name: string): Promise<{ stationId: string; enrollmentCode: string }>;
  /** whether the county holds the item as forwarded */
  held(stationId: string, intakeId: string): Promise<boolean>;
  /** the county page's 办结 on it */
  complete(stationId: string, intakeId: string): Promise<boolean>;
}

export async function stationSide(suffix: string, county: CountyHooks, figures: Record<string, Figure>): Promise<void> {
  const dataDir = tempDir('sd-bench-station-');
  try {
    console.log(`  station: ${RESIDENTS.toLocaleString()} residents, ${BACKLOG.toLocaleString()} events waiting`);
    const names = prepare(dataDir);
    // the worker on its default timer, as it ships (the bundle is not beside resources/: say where it is)
    const station = await createStation({ dataDir, transport: 'browser', store: memoryStore(), clock: systemClock, resourcesDir: path.join(benchRoot, 'resources') });
    const s: SyncTestStation = { station, client: clientOf(station), worker: station.sync, services: station.services, dataDir, clock: systemClock, close: station.close };
    await s.client['setup.init']({ station: STATION, admin: ADMIN });
    try {
      const pending = async () => (await s.client['sync.status']({})).pending;
      const idle = await searches(s, names, async () => false, 300);
      figures[`search_p95_idle_ms_${suffix}`] = { value: percentile(idle, 95), unit: 'ms', note: `p50 ${median(idle).toFixed(1)} ms, ${RESIDENTS.toLocaleString()} residents` };

      const issued = await county.createStation(STATION.code, STATION.name);
      const total = await pending();
      const t0 = performance.now();
      await s.client['sync.enroll']({ countyUrl: county.url, code: issued.enrollmentCode });
      const during = await searches(s, names, async () => (await pending()) === 0, 100_000);
      while ((await pending()) > 0 && performance.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 50));
      const pushS = (performance.now() - t0) / 1000;
      figures[`search_p95_during_push_ms_${suffix}`] = { value: percentile(during, 95), unit: 'ms', note: `p50 ${median(during).toFixed(1)} ms, ${during.length} searches while ${total.toLocaleString()} events went out` };
      figures[`station_backlog_push_s_${suffix}`] = { value: pushS, unit: 's', note: `${total.toLocaleString()} events by the worker (${(total / pushS).toFixed(0)} events/s), searching meanwhile` };

      // decision_to_station_s, three times: each from the county's decision to the item showing
      // it. A county official decides at any moment, not right after the station's last round:
      // the decisions fall 2, 7 and 12 s after the county has the item, across the 15 s timer.
      const samples: number[] = [];
      for (const delayMs of [2_000, 7_000, 12_000]) {
        const [item] = await forwardedItems(s);
        while (!(await county.held(issued.stationId, item!.id))) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, delayMs));
        await county.complete(issued.stationId, item!.id);
        const t = performance.now();
        for (;;) {
          const { record } = await s.client['intake.get']({ id: item!.id });
          if (record.county?.decision === 'completed') break;
          if (performance.now() - t > 120_000) throw new Error('the decision did not reach the station in 120 s');
          await new Promise((r) => setTimeout(r, 50));
        }
        samples.push((performance.now() - t) / 1000);
      }
      figures[`decision_to_station_s_${suffix}`] = { value: median(samples), unit: 's', note: `median of 3 (${samples.map((x) => x.toFixed(1)).join(', ')} s), the worker's default timer` };
    } finally {
      s.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
