/**
 * The renderer's one way to reach main (DESIGN.md §3). Under Electron the preload
 * exposes `window.station` (one function per call, answering with an envelope);
 * in browser mode the same calls go over loopback HTTP with the per-start token.
 * Stores and components import `api` and never learn which transport carried a call.
 */
import { CALL_NAMES, TOKEN_HEADER, contract, httpPathOf, type CallInput, type CallName, type CallOutput, type ClientApi } from '../../common/contract';
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

const TOKEN_STORAGE_KEY = 'stationdesk.token';

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
  const parsed = contract[name].output.safeParse(envelope.value);
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
 * The token arrives once in the URL fragment (never sent to a server, never in
 * history after this), then lives in sessionStorage so a reload keeps working.
 */
export function takeTokenFromLocation(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  const fromHash = new URLSearchParams(hash).get('token');
  if (fromHash) {
    try {
      window.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // storage may be disabled; the token still works for this page's life
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function httpTransport(token: string | null): Transport {
  return async (name, input) => {
    if (!token) throw new ApiError('FORBIDDEN', BAD_TOKEN_MESSAGE);
    let res: Response;
    try {
      res = await fetch(httpPathOf(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'omit',
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
  return { kind: 'browser', send: httpTransport(takeTokenFromLocation()) };
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
