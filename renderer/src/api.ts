/**
 * The renderer's one way to reach main (DESIGN.md §3). Under Electron the preload
 * exposes `window.station` (one function per call, answering with an envelope);
 * in browser mode the same calls go over loopback HTTP, carried by the session cookie the
 * page got for its one-time launch code (main/host/session.ts).
 * Stores and components import `api` and never learn which transport carried a call.
 */
import { CALL_NAMES, httpPathOf, specOf, type CallInput, type CallName, type CallOutput, type ClientApi } from '../../common/contract';
import { BRIDGE_KEY, type StationBridge } from '../../common/bridge';
import { ERROR_CODES, type ApiErrorBody, type Envelope, type ErrorCode } from '../../common/errors';

export const UNAVAILABLE_MESSAGE = '无法连接到本机服务，请重新启动 StationDesk';
const BAD_TOKEN_MESSAGE = '本页面的访问凭据已失效，请从 StationDesk 重新打开';
const BAD_ANSWER_MESSAGE = '本机服务返回的数据无法识别，请重新启动 StationDesk';

/** An error answer from main, already in words fit to show a clerk. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
  static from(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.fields);
  }
}

type AnyEnvelope = Envelope<unknown>;
type Transport = (name: CallName, input: unknown) => Promise<unknown>;

/** One function of the preload's bridge, seen loosely: its answer is checked here, not trusted. */
type BridgeFn = (input: unknown) => Promise<unknown>;

declare global {
  interface Window {
    [BRIDGE_KEY]?: StationBridge;
  }
}

/** Where the host trades a launch code for the session cookie (main/host/session.ts LAUNCH_PATH). */
const LAUNCH_PATH = '/session/launch';

function bridge(): Record<string, BridgeFn> | null {
  const candidate: unknown = window[BRIDGE_KEY];
  return candidate && typeof candidate === 'object' ? (candidate as Record<string, BridgeFn>) : null;
}

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** Envelopes cross a process boundary: check their shape before trusting them. */
function asEnvelope(raw: unknown): AnyEnvelope | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (r.ok === true && 'value' in r) return { ok: true, value: r.value };
  if (r.ok === false && r.error && typeof r.error === 'object') {
    const e = r.error as Record<string, unknown>;
    if (!isErrorCode(e.code) || typeof e.message !== 'string') return null;
    let fields: Record<string, string> | undefined;
    if (e.fields && typeof e.fields === 'object') {
      fields = {};
      for (const [k, v] of Object.entries(e.fields as Record<string, unknown>)) if (typeof v === 'string') fields[k] = v;
    }
    return { ok: false, error: fields ? { code: e.code, message: e.message, fields } : { code: e.code, message: e.message } };
  }
  return null;
}

function unwrap(name: CallName, envelope: AnyEnvelope | null): unknown {
  if (!envelope) throw new ApiError('INTERNAL', BAD_ANSWER_MESSAGE);
  if (!envelope.ok) throw ApiError.from(envelope.error);
  const parsed = specOf(name).output.safeParse(envelope.value);
  if (!parsed.success) throw new ApiError('INTERNAL', BAD_ANSWER_MESSAGE);
  return parsed.data;
}

function ipcTransport(station: Record<string, BridgeFn>): Transport {
  return async (name, input) => {
    const fn = station[name];
    if (typeof fn !== 'function') throw new ApiError('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    let raw: unknown;
    try {
      raw = await fn(input);
    } catch {
      throw new ApiError('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    }
    return unwrap(name, asEnvelope(raw));
  };
}

/**
 * The launch code arrives once in the URL fragment (never sent to a server, gone from the
 * address bar and history at once). It is worth nothing after one use, so it is not kept.
 */
export function takeLaunchCodeFromLocation(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return null;
  const code = new URLSearchParams(hash).get('launch');
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return code;
}

/**
 * Trades the code for the HttpOnly session cookie. A refusal is not fatal here: after a
 * reload the cookie is already set, and a page without one hears so from its first call.
 */
async function exchangeLaunchCode(code: string | null): Promise<void> {
  if (!code) return;
  try {
    await fetch(LAUNCH_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    // the first call says the host is unreachable
  }
}

function httpTransport(launched: Promise<void>): Transport {
  return async (name, input) => {
    await launched;
    let res: Response;
    try {
      res = await fetch(httpPathOf(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    const envelope = asEnvelope(body);
    if (!envelope) {
      if (res.status === 401 || res.status === 403) throw new ApiError('FORBIDDEN', BAD_TOKEN_MESSAGE);
      if (res.status >= 500 || res.status === 0) throw new ApiError('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    }
    return unwrap(name, envelope);
  };
}

function chooseTransport(): { kind: 'electron' | 'browser'; send: Transport } {
  const station = bridge();
  if (station) return { kind: 'electron', send: ipcTransport(station) };
  return { kind: 'browser', send: httpTransport(exchangeLaunchCode(takeLaunchCodeFromLocation())) };
}

let transport: { kind: 'electron' | 'browser'; send: Transport } | null = null;

function current() {
  transport ??= chooseTransport();
  return transport;
}

/** Listeners told about every failed call (the session watch uses it to notice a sign-out). */
const failureListeners = new Set<(error: ApiError, name: CallName) => void>();
export function onCallFailure(listener: (error: ApiError, name: CallName) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  try {
    return (await current().send(name, input)) as CallOutput<N>;
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError('INTERNAL', BAD_ANSWER_MESSAGE);
    for (const l of failureListeners) l(error, name);
    throw error;
  }
}

/** Which transport this page uses; for the about line only, never for behaviour. */
export function transportKind(): 'electron' | 'browser' {
  return current().kind;
}

export const api: ClientApi = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => call(name, input as CallInput<typeof name>)]),
) as ClientApi;
