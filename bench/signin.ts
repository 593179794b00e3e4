/**
 * Sign-in timing by what was typed (issue 8): a login that exists with a wrong password, one
 * that does not exist, and the right password. The first two must not be told apart by time
 * (both run one scrypt at N=2^17); beside them the bare scrypt at today's and the old N.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, scrypt } from 'node:crypto';
import { createStation } from '../main/station';
import { memoryStore } from '../main/settings-store';
import type { Clock } from '../main/clock';
import { median, percentile, report, type Figure } from './lib';

const RUNS = 15;
const ADMIN = { name: '王建国', login: 'admin', password: 'Station2026' };
let t = Date.parse('2026-11-27T01:00:00.000Z');
const clock: Clock = { now: () => new Date(t) };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-signin-'));
const station = await createStation({ dataDir, transport: 'browser', store: memoryStore(), clock, syncWorker: { autoStart: false } });
const api = station.api;
// the calls measured are public: no caller
const me = null as never;
await api['setup.init']({
  station: { code: '130102001', name: '长安区建北街道党群服务中心', county: '石家庄市长安区', address: '建北街道中山东路 12 号', phone: '0311-86012345' },
  admin: ADMIN,
}, me);

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f().catch(() => undefined);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const known: number[] = [];
const unknown: number[] = [];
const right: number[] = [];
const messages = new Set<string>();
const wrong = (login: string) =>
  api['auth.signIn']({ login, password: 'Wrong2026x' }, me).catch((e: Error) => {
    messages.add(e.message);
    throw e;
  });
// warm-up, then interleaved so load on the machine falls on both alike
await timed(() => wrong('nobody-warm'));
for (let i = 0; i < RUNS; i++) {
  t += 1000;
  known.push(await timed(() => wrong('admin')));
  unknown.push(await timed(() => wrong(`nobody${i}`)));
  // a success every few tries keeps the known login below the hold-back
  if (i % 3 === 2) right.push(await timed(() => api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password }, me)));
}

function bareScrypt(N: number): Promise<number> {
  return timed(() => new Promise((res, rej) => scrypt('Station2026', randomBytes(16), 32, { N, r: 8, p: 1, maxmem: 128 * N * 8 + 16 * 2 ** 20 }, (e, k) => (e ? rej(e) : res(k)))));
}
const s17: number[] = [];
const s15: number[] = [];
for (let i = 0; i < 5; i++) {
  s17.push(await bareScrypt(2 ** 17));
  s15.push(await bareScrypt(2 ** 15));
}

const figures: Record<string, Figure> = {
  signin_known_wrong_median: { value: median(known), unit: 'ms' },
  signin_unknown_median: { value: median(unknown), unit: 'ms' },
  signin_known_wrong_p90: { value: percentile(known, 90), unit: 'ms' },
  signin_unknown_p90: { value: percentile(unknown, 90), unit: 'ms' },
  signin_unknown_minus_known_median: { value: median(unknown) - median(known), unit: 'ms', note: 'near 0: time does not tell' },
  signin_right_median: { value: median(right), unit: 'ms' },
  scrypt_n17_median: { value: median(s17), unit: 'ms' },
  scrypt_n15_median_old: { value: median(s15), unit: 'ms', note: 'the parameters before issue 8' },
  distinct_wrong_answers: { value: messages.size, unit: 'messages', note: [...messages].join(' | ') },
};
report('signin', figures);
station.close();
fs.rmSync(dataDir, { recursive: true, force: true });
