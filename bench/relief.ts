/**
 * 社会救助 lists at a station with a few years of cases: 100 open (three-person households
 * with incomes and assets) among 400, 300 of them closed (withdrawn). The 工作台 counts, the
 * open list, the head's list and one case read whole; beside them the same read over every
 * case (list view 'all'), which is what the counts cost before they narrowed to open rows.
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { createStation } from '../main/station';
import { memoryStore } from '../main/settings-store';
import type { StaffActor } from '../common/actor';
import { contract, type CallInput, type CallName, type CallOutput } from '../common/contract';
import { materialsFor } from '../common/relief';
import { median, report } from './lib';

const OPEN = 100;
const CLOSED = 300;
const RUNS = 15;

function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, i) => n + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-relief-'));
let t = Date.parse('2026-09-14T01:00:00.000Z');
const st = await createStation({ dataDir: dir, transport: 'browser', store: memoryStore(), clock: { now: () => new Date(t) }, syncWorker: { autoStart: false } });
const { api } = st;
const session = await api['setup.init']({ station: { code: '130102001', name: '建北街道党群服务中心', county: '长安区', address: '中山东路 12 号', phone: '0311-86012345' }, admin: { name: '王建国', login: 'admin', password: 'Station2026' } }, null);
const me: StaffActor = { kind: 'staff', id: session.staff.id, name: session.staff.name, role: 'admin' };

/** A call as dispatch makes it: the input parsed with the contract's schema (defaults filled). */
const call = <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => (api[name] as unknown as (i: unknown, c: StaffActor) => Promise<CallOutput<N>>)(contract[name].input.parse(input), me);

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const t0 = process.hrtime.bigint();
for (let i = 0; i < OPEN + CLOSED; i++) {
  const ids = [];
  for (let k = 0; k < 3; k++) {
    const r = await call('residents.create', { requestId: randomUUID(), name: `张${'建秀小'[k]}${String.fromCharCode(0x4e00 + i)}`, idNumber: withCheckDigit(`1301021970${String(k + 1).padStart(2, '0')}01${String(i).padStart(3, '0')}`), address: '建北街道' });
    ids.push(r.id);
  }
  const made = await call('relief.create', {
      requestId: randomUUID(),
      type: 'dibao',
      members: ids.map((id, k) => ({ residentId: id, relation: k === 0 ? 'applicant' : k === 1 ? 'spouse' : 'child', employment: 'flexible', incomes: [{ kind: 'wage', amount: 1200 + k * 100, months: 1 }], disability: null, health: '', school: '' })),
      assets: [{ kind: 'deposit', description: '存款', value: 5000, count: 1, ownerResidentId: null }],
      supporters: [],
      materialsReceived: materialsFor('dibao'),
      closeRelatives: [],
  });
  if (i >= OPEN) await call('relief.step', { id: made.case.id, version: made.case.version, input: { step: 'withdraw', reason: '自愿撤回' } });
  t += 60_000;
}
const loadMs = ms(t0);

function timed(fn: () => Promise<unknown>): Promise<number[]> {
  return (async () => {
    const out: number[] = [];
    await fn();
    for (let i = 0; i < RUNS; i++) {
      const s = process.hrtime.bigint();
      await fn();
      out.push(ms(s));
    }
    return out;
  })();
}

const one = (await call('relief.list', { view: 'open', limit: 1 }))[0]!;
const counts = await timed(() => call('relief.counts', {}));
const openList = await timed(() => call('relief.list', { view: 'open', limit: 200 }));
const head = await timed(() => call('relief.headList', {}));
const get = await timed(() => call('relief.get', { id: one.id }));
const all = await timed(() => call('relief.list', { view: 'all', limit: 500 }));
st.close();

report('relief', {
  load_400_cases_s: { value: loadMs / 1000, unit: 's', note: `${OPEN + CLOSED} cases × 3 residents through the api` },
  counts_ms: { value: median(counts), unit: 'ms', note: `工作台 counts over ${OPEN} open of ${OPEN + CLOSED}` },
  counts_ms_every_case: { value: median(all), unit: 'ms', note: 'the same read over all 400 cases (list view all)' },
  open_list_ms: { value: median(openList), unit: 'ms', note: 'relief.list open' },
  head_list_ms: { value: median(head), unit: 'ms', note: 'relief.headList' },
  get_ms: { value: median(get), unit: 'ms', note: 'one case read whole' },
});
