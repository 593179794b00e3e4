/**
 * 微心愿 at a station: BENCH_WISHES (default 500) wishes over a year (half claimed, a third fulfilled, some
 * expired), 40 claimants. Times what the screens and the hall screen ask for: the wall (also
 * what each lobby refresh costs), the statistics, a filtered list, one create through the
 * write path (audit + outbox + idempotency record), and the expiry sweep of the wishes past
 * their deadline that no step has swept yet (steps sweep first, so few are left).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createStation } from '../main/station';
import { memoryStore } from '../main/settings-store';
import type { Clock } from '../main/clock';
import { dispatch } from '../main/dispatch';
import type { CallInput, CallName, CallOutput } from '../common/contract';
import { WISH_CATEGORIES } from '../common/wish-status';
import { median, percentile, report, type Figure } from './lib';

// BENCH_WISHES=2000 for a year of a busy station; the default keeps a run short on a shared machine
const WISHES = Number(process.env.BENCH_WISHES ?? 500);
const RUNS = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-wishes-'));
let t = Date.parse('2026-01-05T01:00:00.000Z');
const clock: Clock = { now: () => new Date(t) };
const s = await createStation({ dataDir: dir, transport: 'browser', store: memoryStore(), clock, syncWorker: { autoStart: false } });
/** One call as the renderer makes it (dispatch: access, schema, defaults); the admin stays signed in. */
async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let env = await dispatch(s, name, input);
  // hours pass between wishes on the bench's clock: the idle sign-out runs, so sign in again
  if (!env.ok && name !== 'setup.init' && /登录/.test(env.error.message)) {
    await dispatch(s, 'auth.signIn', { login: 'admin', password: 'Station2026' });
    env = await dispatch(s, name, input);
  }
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as CallOutput<N>;
}
await call('setup.init', { station: { code: '130102001', name: '建北街道党群服务中心', county: '长安区', address: '中山东路 12 号', phone: '0311-86012345' }, admin: { name: '王建国', login: 'admin', password: 'Station2026' } });
const resident = await call('residents.create', { requestId: randomUUID(), name: '张建华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道' });
const claimants: string[] = [];
for (let i = 0; i < 40; i++) {
  const unit = i % 2 === 0;
  claimants.push((await call('claimants.create', { requestId: randomUUID(), category: unit ? '驻区单位' : '志愿者', name: unit ? `驻区单位${i}` : `志愿者${i}`, ...(unit ? { contactName: '联系人' } : {}), phone: '13900139000' })).claimant.id);
}

const step = (330 * 86_400_000) / WISHES;
const createMs: number[] = [];
for (let i = 0; i < WISHES; i++) {
  t += step;
  const deadline = new Date(t + (i % 10 === 0 ? 3 : 60) * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  // the clock has jumped past the idle sign-out: sign in first, so the timing is the create's
  // alone (a refused call, a scrypt sign-in and the retry once made it ~300 ms)
  await dispatch(s, 'auth.signIn', { login: 'admin', password: 'Station2026' });
  const t0 = process.hrtime.bigint();
  const { record } = await call('wishes.create', { requestId: randomUUID(), residentId: resident.id, title: `心愿 ${i}`, description: '', category: WISH_CATEGORIES[i % 7]!, value: 100 + (i % 40) * 10, source: '入户走访', deadline, publishNow: true });
  createMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (i % 2 === 0 && i % 10 !== 0) {
    const a = claimants[i % 40]!;
    const b = claimants[(i + 1) % 40]!;
    const { record: c } = await call('wishes.claim', { requestId: randomUUID(), id: record.id, version: record.version, shares: [{ claimantId: a, percent: 60 }, { claimantId: b, percent: 40 }], promisedHandoverDate: deadline });
    if (i % 6 === 0) {
      const day = new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
      await call('wishes.fulfil', { id: c.id, version: c.version, handoverDate: day, delivered: '已交付', proofIds: [await proof(c.id, i)], confirmation: '本人签收' });
    }
  }
}

async function proof(id: string, i: number): Promise<string> {
  // a distinct 1-pixel PNG per wish (the digest makes each its own file)
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const withText = Buffer.concat([png.subarray(0, png.length - 12), Buffer.from(String(i)), png.subarray(png.length - 12)]);
  return (await call('wishes.proofUpload', { requestId: randomUUID(), id, fileName: 'p.png', base64: withText.toString('base64') })).proof.id;
}

async function time(f: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await f();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return xs;
}

// the sweep: move the clock so 200 published wishes (every tenth, short deadlines) have expired since the last sweep
t += 5 * 86_400_000;
const t0 = process.hrtime.bigint();
const expired = s.wishes.sweep();
const sweepMs = Number(process.hrtime.bigint() - t0) / 1e6;

const figures: Record<string, Figure> = {};
const add = (name: string, xs: number[]) => {
  figures[`${name}_median`] = { value: median(xs), unit: 'ms' };
  figures[`${name}_p95`] = { value: percentile(xs, 95), unit: 'ms' };
};
add('create', createMs);
add('wall', await time(() => call('wishes.wall', { fulfilledDays: 30 })));
add('stats_12_months', await time(() => call('wishes.stats', {})));
add('list_month_category', await time(() => call('wishes.list', { month: '2026-06', category: '助学', limit: 200 })));
add('list_200_newest', await time(() => call('wishes.list', { limit: 200 })));
figures.sweep_expired = { value: expired, unit: 'wishes' };
figures.sweep = { value: sweepMs, unit: 'ms', note: 'records each expiry through the write path' };
figures.wall_cards = { value: (await call('wishes.wall', { fulfilledDays: 30 })).cards.length, unit: 'cards' };
s.close();
report('wishes', figures);
