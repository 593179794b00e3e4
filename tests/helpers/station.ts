import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStation } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import type { Clock } from '../../main/clock';
import { randomUUID } from 'node:crypto';
import { CALL_NAMES, contract, type CallInput, type CallName, type CallOutput, type StationApi } from '../../common/contract';
import { dispatch, type StationCalls } from '../../main/dispatch';

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

/** A create's requestId may be left out in tests: the client makes a fresh one, as a form opening would. */
type RequestOptional<T> = T extends { requestId: string } ? Omit<T, 'requestId'> & { requestId?: string } : T;

/** The API as a test calls it: the renderer's, with requestId made when not given. */
export type TestApi = { [N in CallName]: (input: RequestOptional<CallInput<N>>) => Promise<CallOutput<N>> };

function takesRequestId(name: CallName): boolean {
  const shape = (contract[name].input as { shape?: Record<string, unknown> }).shape;
  return !!shape && 'requestId' in shape;
}

/**
 * The API as the renderer sees it: every call goes through dispatch (access, schema parse,
 * defaults, envelope), so tests exercise main's checks too.
 */
export function clientOf(station: StationCalls): TestApi {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    const fill = takesRequestId(name);
    client[name] = async (input) => {
      const given = input as Record<string, unknown> | undefined;
      const env = await dispatch(station, name, fill && given && given.requestId === undefined ? { ...given, requestId: randomUUID() } : input);
      if (env.ok) return env.value;
      throw new CallError(env.error.code, env.error.message, env.error.fields);
    };
  }
  return client as TestApi;
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
export async function openTestStation(opts: { clock?: Clock; dataDir?: string; resourcesDir?: string; transport?: 'electron' | 'browser'; lobbyOrigin?: () => string | null } = {}) {
  const dataDir = opts.dataDir ?? tempDir();
  // Never the machine's clock: a test's "today" is the injected one, so the suite passes on any day.
  const clock = opts.clock ?? manualClock();
  const station = await createStation({ dataDir, transport: opts.transport ?? 'browser', store: memoryStore(), clock, lobbyOrigin: opts.lobbyOrigin, ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}) });
  const client = clientOf(station);
  // api: the checked path (dispatch) as the renderer takes it; calls: what a transport is handed
  return { calls: station, api: client, client, services: station.services, close: station.close, warmUp: station.warmUp, dbPath: station.dbPath, dataDir, clock };
}

/** A station already through first-run setup, with the admin signed in. */
export async function setUpStation(opts: Parameters<typeof openTestStation>[0] = {}) {
  const s = await openTestStation(opts);
  await s.client['setup.init']({ station: STATION, admin: ADMIN });
  return s;
}

/** The refusal a call ends in, with its code and field messages; fails the test if it succeeds. */
export async function refused(p: Promise<unknown>): Promise<CallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CallError) return err;
    throw err;
  }
  throw new Error('expected a refusal, but the call succeeded');
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
