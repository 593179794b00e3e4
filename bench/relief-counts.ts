/**
 * The 工作台 counts of 社会救助 at a large station: 2,000 open cases among 2,500 (500 withdrawn),
 * three-person households with incomes and assets, registered over six weeks (about the 30
 * working days a case may take) and moved on through their steps, or not, so that on the day
 * measured some are overdue, some due soon, some flagged 近亲属备案 and some 临时救助 owe their
 * 先行救助 paperwork. relief.counts (the narrow read, relief-counts.ts) against the same figures
 * made from every case read whole (relief.get → countCases, the reference the integration test
 * holds it to): the two must agree, or the bench fails rather than time a wrong answer. The load
 * time is that whole history through the api. RELIEF_BENCH_OPEN / RELIEF_BENCH_CLOSED set the size.
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { randomUUID } from 'node:crypto';
import { createStation } from '../main/station';
import { memoryStore } from '../main/settings-store';
import { countCases } from '../main/services/relief-counts';
import type { StaffActor } from '../common/actor';
import { contract, type CallInput, type CallName, type CallOutput } from '../common/contract';
import type { ReliefCase } from '../common/contracts/relief';
import { materialsFor } from '../common/relief';
import { median, report } from './lib';

const OPEN = Number(process.env.RELIEF_BENCH_OPEN ?? 2000);
const CLOSED = Number(process.env.RELIEF_BENCH_CLOSED ?? 500);
const N = OPEN + CLOSED;
const RUNS = 15;
const WHOLE_RUNS = 5;
const DAY = 86_400_000;

function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, i) => n + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
/** household i's member k: birth month, day and sequence encode i, the year tells the members apart */
const idNumber = (i: number, k: number) => withCheckDigit(`130102${['1970', '1972', '2010'][k]}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(Math.floor(i / 336)).padStart(3, '0')}`);

// measured on Tue 1 Dec 2026, 09:00 at the station
const END = Date.parse('2026-12-01T01:00:00.000Z');
const START = END - 42 * DAY;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-relief-counts-'));
let t = START;
const st = await createStation({ dataDir: dir, transport: 'browser', store: memoryStore(), clock: { now: () => new Date(t) }, syncWorker: { autoStart: false } });
const { api } = st;
const session = await api['setup.init']({ station: { code: '130102001', name: '建北街道党群服务中心', county: '长安区', address: '中山东路 12 号', phone: '0311-86012345' }, admin: { name: '王建国', login: 'admin', password: 'Station2026' } }, null);
const me: StaffActor = { kind: 'staff', id: session.staff.id, name: session.staff.name, role: 'admin' };

/** A call as dispatch makes it: the input parsed with the contract's schema (defaults filled). */
const callAs = <N extends CallName>(who: StaffActor, name: N, input: CallInput<N>): Promise<CallOutput<N>> => (api[name] as unknown as (i: unknown, c: StaffActor) => Promise<CallOutput<N>>)(contract[name].input.parse(input), who);
const call = <N extends CallName>(name: N, input: CallInput<N>) => callAs(me, name, input);
const headStaff = await call('staff.create', { requestId: randomUUID(), name: '孙站长', login: 'sun', role: 'head', password: 'Head2026xGiven1' });
const head: StaffActor = { kind: 'staff', id: headStaff.id, name: headStaff.name, role: 'head' };

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
/** the station day (UTC+8) of a clock time */
const dayOf = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
/** at, or the Monday after it when it falls on a weekend (same time of day) */
const weekday = (at: number) => {
  const wd = new Date(at + 8 * 3_600_000).getUTCDay();
  return at + (wd === 6 ? 2 : wd === 0 ? 1 : 0) * DAY;
};

/**
 * What happens to case i and when: registered on a working day of the six weeks before the day
 * measured, then its steps on later days (a step due after that day has not happened yet).
 * Most cases move on time (investigation after 3 days, opinion and 公示 after 8, to the county
 * after 16); one in ten stalls after 受理, one in ten is investigated late (after 16 days), one
 * in twenty is extended; the withdrawn go after 5 days; the 临时救助 are granted 先行救助 on the
 * day, their paperwork done after 4 days except one in two, still open.
 */
type Act = 'create' | 'investigate' | 'opinion' | 'forward' | 'extend' | 'withdraw' | 'tasks';
const plan: { at: number; i: number; seq: number; act: Act }[] = [];
const kinds: { closed: boolean; linshi: boolean; relative: boolean }[] = [];
const workdays: number[] = [];
for (let at = START; at < END; at += DAY) if (weekday(at) === at) workdays.push(at);
let opened = 0;
for (let i = 0; i < N; i++) {
  // the withdrawn spread evenly (one in five at the default size); of the open, one in twenty-five a
  // 临时救助, one in twenty with a 居委 relative
  const closed = Math.floor(((i + 1) * CLOSED) / N) > Math.floor((i * CLOSED) / N);
  const o = closed ? -1 : opened++;
  kinds.push({ closed, linshi: o % 25 === 3, relative: o % 20 === 7 });
  // registered through the working day, 09:00 to 17:00
  const slot = (i * workdays.length) / N;
  const at = workdays[Math.floor(slot)]! + Math.floor((slot % 1) * 8 * 3_600_000);
  const then = (days: number, act: Act) => plan.push({ at: weekday(at + days * DAY), i, seq: plan.length, act });
  then(0, 'create');
  // withdrawn after 5 days, or on the day near the end so that every one is closed when measured
  if (closed) then(weekday(at + 5 * DAY) < END ? 5 : 0, 'withdraw');
  else if (kinds[i]!.linshi) {
    if (o % 50 !== 3) then(4, 'tasks');
  } else if (o % 10 !== 0) {
    const late = o % 10 === 1 ? 13 : 0;
    then(3 + late, 'investigate');
    then(8 + late, 'opinion');
    then(16 + late, 'forward');
    if (o % 20 === 9) then(20, 'extend');
  }
}
plan.sort((x, y) => x.at - y.at || x.seq - y.seq);

const ids: string[] = [];
const live = new Map<number, ReliefCase>();
const t0 = process.hrtime.bigint();
for (const { at, i, act } of plan) {
  if (at >= END) continue;
  t = at;
  const kind = kinds[i]!;
  const step = async (input: CallInput<'relief.step'>['input']) => {
    const c = live.get(i)!;
    live.set(i, await call('relief.step', { id: c.id, version: c.version, input }));
  };
  if (act === 'create') {
    const members = [];
    for (let k = 0; k < 3; k++) {
      const r = await call('residents.create', { requestId: randomUUID(), name: `${'张李王'[k]}${'建秀小'[k]}${String.fromCharCode(0x4e00 + i)}`, idNumber: idNumber(i, k), address: `建北街道中山东路 ${1 + (i % 90)} 号` });
      members.push(r.id);
    }
    const made = await call('relief.create', {
      requestId: randomUUID(),
      type: kind.linshi ? 'linshi' : 'dibao',
      members: members.map((id, k) => ({
        residentId: id,
        relation: k === 0 ? 'applicant' : k === 1 ? 'spouse' : 'child',
        employment: k === 2 ? 'student' : k === 1 && i % 3 === 0 ? 'unable' : 'flexible',
        incomes: k === 2 ? [] : [{ kind: 'wage', amount: 900 + ((i * 37 + k * 300) % 1500), months: 1 + (i % 6) }],
        disability: k === 1 && i % 7 === 0 ? { grade: '2', kind: '肢体' } : null,
        health: k === 1 && i % 3 === 0 ? '慢性肾病' : '',
        school: k === 2 ? '建北小学' : '',
      })),
      assets: [{ kind: 'deposit', description: '银行存款', value: 2000 + ((i * 53) % 9000), count: 1, ownerResidentId: null }, ...(i % 4 === 0 ? [{ kind: 'housing' as const, description: '自有住房一套', value: 150_000, count: 1, ownerResidentId: members[0]! }] : [])],
      supporters: [],
      materialsReceived: kind.linshi ? [] : materialsFor('dibao'),
      closeRelatives: kind.relative ? [{ residentId: members[1]!, of: 'villageCommittee', relativeName: '李秀兰', relativePost: '居委会委员', relation: '姐妹' }] : [],
    });
    let c = made.case;
    if (kind.linshi) c = await callAs(head, 'relief.emergency', { requestId: randomUUID(), id: c.id, version: c.version, amount: 2000, reason: '住房失火，生活无着' });
    ids.push(c.id);
    live.set(i, c);
  } else if (act === 'withdraw') await step({ step: 'withdraw', reason: '自愿撤回' });
  else if (act === 'investigate') await step({ step: 'investigate', investigators: ['王建国', '刘芳'], date: dayOf(at), findings: '家庭困难属实' });
  else if (act === 'opinion') {
    await step({ step: 'opinion', agree: true, text: '拟同意纳入低保', proposedAmount: 580 });
    await step({ step: 'publicize', start: dayOf(at), place: '社区公示栏' });
  } else if (act === 'forward') await step({ step: 'forward' });
  else if (act === 'extend') await step({ step: 'extend', reason: '待核实经营收入' });
  else if (act === 'tasks') {
    for (const task of live.get(i)!.tasks) {
      const c = live.get(i)!;
      live.set(i, await call('relief.completeTask', { id: c.id, version: c.version, taskId: task.id }));
    }
  }
}
const loadMs = ms(t0);
t = END;

function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  return (async () => {
    const out: number[] = [];
    await fn();
    for (let i = 0; i < runs; i++) {
      const s = process.hrtime.bigint();
      await fn();
      out.push(ms(s));
    }
    return out;
  })();
}

/** every case read whole, then counted as the lists count them */
const whole = async () => countCases(await Promise.all(ids.map(async (id) => (await call('relief.get', { id })).case)));

const narrowFigures = await call('relief.counts', {});
const wholeFigures = await whole();
console.log('counts:', JSON.stringify(narrowFigures));
if (!isDeepStrictEqual(narrowFigures, wholeFigures)) throw new Error(`relief.counts ${JSON.stringify(narrowFigures)} ≠ countCases over every case ${JSON.stringify(wholeFigures)}`);
if (narrowFigures.open !== OPEN) throw new Error(`expected ${OPEN} open cases, counted ${narrowFigures.open}`);
for (const k of ['overdue', 'dueSoon', 'closeRelative', 'tasksDue'] as const) if (!narrowFigures[k]) throw new Error(`the seeded data give no ${k}: the bench would measure a trivial count`);

const overdueCases = await call('relief.list', { view: 'overdue', limit: 500 });
if (narrowFigures.overdue <= 500 && overdueCases.length !== narrowFigures.overdue) throw new Error(`relief.list overdue shows ${overdueCases.length}, relief.counts ${narrowFigures.overdue}`);

const counts = await timed(() => call('relief.counts', {}));
const wholeCounts = await timed(whole, WHOLE_RUNS);
const all = await timed(() => call('relief.list', { view: 'all', limit: 500 }));
const overdueList = await timed(() => call('relief.list', { view: 'overdue', limit: 500 }), WHOLE_RUNS);
st.close();
fs.rmSync(dir, { recursive: true, force: true });

report('relief-counts', {
  load_cases_s: { value: loadMs / 1000, unit: 's', note: `${N} cases × 3 residents through the api, ${OPEN} left open at their steps` },
  counts_ms: { value: median(counts), unit: 'ms', note: `relief.counts (narrow) over ${OPEN} open of ${N}` },
  counts_ms_whole: { value: median(wholeCounts), unit: 'ms', note: `countCases over all ${N} cases read whole (relief.get each)` },
  list_all_500_ms: { value: median(all), unit: 'ms', note: 'relief.list view all, limit 500' },
  list_overdue_ms: { value: median(overdueList), unit: 'ms', note: `relief.list overdue (every live case read whole)` },
});
