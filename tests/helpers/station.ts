import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStation } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import type { Clock } from '../../main/clock';
import { CALL_NAMES, type ClientApi, type StationApi } from '../../common/contract';
import { dispatch } from '../../main/dispatch';

/** Thrown by the test client for an error envelope: carries code, message and fields. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * The API as the renderer sees it: every call goes through dispatch (schema parse,
 * defaults, envelope), so tests exercise main's validation too.
 */
export function clientOf(api: StationApi): ClientApi {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    client[name] = async (input) => {
      const env = await dispatch(api, name, input);
      if (env.ok) return env.value;
      throw new CallError(env.error.code, env.error.message, env.error.fields);
    };
  }
  return client as ClientApi;
}

export function tempDir(prefix = 'sd-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-27T01:00:00.000Z'): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => void (t += ms),
    set: (iso) => void (t = new Date(iso).getTime()),
  };
}

export const STATION = { code: '130102001', name: '长安区建北街道党群服务中心', county: '石家庄市长安区', address: '建北街道中山东路 12 号', phone: '0311-86012345' };
export const ADMIN = { name: '王建国', login: 'admin', password: 'Station2026' };

/** A real station on a real SQLite file in a fresh temp folder. */
export async function openTestStation(opts: { clock?: Clock; dataDir?: string } = {}) {
  const dataDir = opts.dataDir ?? tempDir();
  // Never the machine's clock: a test's "today" is the injected one, so the suite passes on any day.
  const clock = opts.clock ?? manualClock();
  const station = await createStation({ dataDir, transport: 'browser', store: memoryStore(), clock });
  return { ...station, client: clientOf(station.api), dataDir, clock };
}

/** A station already through first-run setup, with the admin signed in. */
export async function setUpStation(opts: { clock?: Clock } = {}) {
  const s = await openTestStation(opts);
  await s.api['setup.init']({ station: STATION, admin: ADMIN });
  return s;
}

export async function expectAppError(p: Promise<unknown>, code: string): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code ?? 'no code'}: ${e.message}`, { cause: err });
    return e.message;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

export type { StationApi };
