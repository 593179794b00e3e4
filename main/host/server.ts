/**
 * Browser mode: the same contract over loopback HTTP, plus the built renderer.
 * Bound to 127.0.0.1 only; every call needs the browser's session cookie (main/host/session.ts),
 * a loopback Host (DNS rebinding) and our own Origin (other web pages); no CORS is ever granted.
 * Connections that say nothing, or too little too slowly, are closed (issue 8 item 10).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiErrorBody, Envelope } from '../../common/errors';
import { dispatch, type StationCalls } from '../dispatch';
import { log } from '../log';
import { defaultFontsDir } from '../font-files';
import { sendStatic } from './static';
import { createBrowserSessions, LAUNCH_PARAM, LAUNCH_PATH } from './session';

/** How long a connection may take, and how many there may be (defaults: HOST_LIMITS). */
export interface HostLimits {
  /** a connection that sends nothing (before its first request, or between requests' bytes) */
  idleMs: number;
  /** the whole request head */
  headersMs: number;
  /** the whole request, body included */
  requestMs: number;
  /** a kept-alive connection waiting for its next request */
  keepAliveMs: number;
  /** open connections; more are closed at once (a browser uses six, a bench a few hundred) */
  maxConnections: number;
}

export const HOST_LIMITS: HostLimits = { idleMs: 10_000, headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, maxConnections: 512 };
import { handleLobby, type LobbyReader } from './lobby';

export interface HostOptions {
  /** the station's calls and who may make them (createStation's answer) */
  station: StationCalls;
  /** the built renderer (dist/renderer) */
  staticDir: string;
  /** resources/fonts, served under /fonts/ for the screen's rare characters; found by itself when not given */
  fontsDir?: string;
  /** 0 or absent: a random free port */
  port?: number;
  maxBodyBytes?: number;
  /** also accept the `x-station-token` header with Host.token (scripts; `--print-token`) */
  scriptToken?: boolean;
  /** how long a one-time launch code stays good */
  launchTtlMs?: number;
  limits?: Partial<HostLimits>;
  /** the hall screen's wall (main/host/lobby.ts); absent: /lobby answers 401 */
  lobby?: LobbyReader;
}

export interface Host {
  url: string;
  /** the URL to open once: a one-time launch code in the fragment, which never reaches a server log */
  launchUrl: string;
  /** another one-time launch URL (each exchange ends the browser session before it) */
  newLaunchUrl(): string;
  port: number;
  /** the script token, only when HostOptions.scriptToken asked for one */
  token: string | null;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
// Resident imports carry a spreadsheet of up to 8 MB as base64 (≈ 10.7 MB).
const DEFAULT_MAX_BODY = 12 * 1024 * 1024;

const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function reject(res: http.ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(res, status, { ok: false, error });
}

/** Exactly application/json, in UTF-8 if a charset is named: nothing a form or a sniffing browser sends. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === 'charset=utf-8' || p === 'charset="utf-8"');
}

const NOT_JSON = '请求格式错误：接口只接受 Content-Type: application/json（UTF-8）';

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, rejectBody) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      rejectBody(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is drained and dropped, so the client still reads the 413.
      if (size > max) rejectBody(new BodyTooLarge());
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', rejectBody);
  });
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const limits: HostLimits = { ...HOST_LIMITS, ...opts.limits };
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const fontsDir = opts.fontsDir ?? defaultFontsDir();
  let port = 0;
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const sessions = createBrowserSessions({ port: () => port, scriptToken: opts.scriptToken ?? false, launchTtlMs: opts.launchTtlMs });

  /** POST from our own page with a JSON body: what every route that changes something requires. */
  function refusedAsForeign(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') {
      reject(res, 405, { code: 'VALIDATION', message: '仅支持 POST 调用' });
      return true;
    }
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins().has(origin)) {
      reject(res, 403, { code: 'FORBIDDEN', message: '拒绝来自其他网页的请求' });
      return true;
    }
    return false;
  }

  async function readJson(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ input: unknown } | null> {
    if (!isJsonContentType(req.headers['content-type'])) {
      reject(res, 415, { code: 'VALIDATION', message: NOT_JSON });
      return null;
    }
    let raw: string;
    try {
      raw = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        req.resume();
        res.setHeader('connection', 'close');
        reject(res, 413, { code: 'VALIDATION', message: `提交的内容过大（上限 ${Math.round(maxBody / 1024)} KB）` });
        return null;
      }
      throw err;
    }
    try {
      return { input: raw.length === 0 ? {} : (JSON.parse(raw) as unknown) };
    } catch {
      reject(res, 400, { code: 'VALIDATION', message: '请求格式错误：不是有效的 JSON' });
      return null;
    }
  }

  /** The page trades its one-time launch code for the session cookie. */
  async function handleLaunch(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (refusedAsForeign(req, res)) return;
    const body = await readJson(req, res);
    if (!body) return;
    const code = (body.input as { code?: unknown } | null)?.code;
    const cookie = typeof code === 'string' && code.length <= 100 ? sessions.exchange(code) : null;
    if (!cookie) return reject(res, 401, { code: 'FORBIDDEN', message: '打开链接已使用或已过期：请从 StationDesk 启动程序重新打开' });
    res.setHeader('set-cookie', cookie);
    sendJson(res, 200, { ok: true, value: {} });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (refusedAsForeign(req, res)) return;
    if (!sessions.authenticates(req)) {
      return reject(res, 401, { code: 'FORBIDDEN', message: '本页面的访问凭据无效：请关闭此页面，从 StationDesk 启动程序重新打开' });
    }
    const body = await readJson(req, res);
    if (!body) return;
    const envelope = await dispatch(opts.station, name, body.input);
    sendJson(res, 200, envelope);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...COMMON_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    sendStatic(req, res, urlPath, { staticDir: opts.staticDir, fontsDir }, COMMON_HEADERS);
  }

  /** Every request: loopback Host first, then the route's own checks. */
  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host.
    if (!isLoopbackHost(req.headers.host, port)) {
      reject(res, 421, { code: 'FORBIDDEN', message: '拒绝访问：主机名不正确' });
      return;
    }
    let pathname: string;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      pathname = url.pathname;
    } catch {
      reject(res, 400, { code: 'VALIDATION', message: '请求地址无效' });
      return;
    }
    if (handleLobby(req, res, url, { lobby: opts.lobby, staticDir: opts.staticDir })) return;
    // Routes, each with its own credentials: the counter's session (session.ts) for the API.
    const done =
      pathname === LAUNCH_PATH
        ? handleLaunch(req, res)
        : pathname.startsWith(API_PREFIX)
          ? handleApi(req, res, pathname.slice(API_PREFIX.length))
          : Promise.resolve(handleStatic(req, res));
    done.catch((err: unknown) => {
      // the client went away mid-request (a time-out, a cut connection): nobody to answer
      if (res.destroyed) return;
      log.error('host request failed', { error: err instanceof Error ? err.name : 'unknown' });
      if (!res.headersSent) reject(res, 500, { code: 'INTERNAL', message: '系统内部错误，请重试' });
      else res.end();
    });
  }

  const server = await listenOnLoopback(route, limits, opts.port ?? 0);
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const newLaunchUrl = () => `${url}#${LAUNCH_PARAM}=${sessions.issueLaunchCode()}`;
  return {
    url,
    launchUrl: newLaunchUrl(),
    newLaunchUrl,
    port,
    token: sessions.scriptToken,
    close: () => closeServer(server),
  };
}

/** The Host header of a request to our own port by a loopback name (DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host). */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/**
 * An HTTP server on 127.0.0.1 with the connection limits: a connection that never sends a
 * request (or stops halfway through its head) is closed after idleMs; while a request is being
 * answered the clock stops (a long import is not cut off), and once the answer is out Node's
 * keep-alive timeout takes over. Port 0: a random free one.
 */
export async function listenOnLoopback(route: http.RequestListener, limits: HostLimits, port: number): Promise<http.Server> {
  const server = http.createServer(
    {
      headersTimeout: limits.headersMs,
      requestTimeout: Math.max(limits.requestMs, limits.headersMs),
      keepAliveTimeout: limits.keepAliveMs,
      // how often the two above are checked: often enough for a short limit to hold
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(Math.min(limits.headersMs, limits.requestMs) / 4))),
    },
    route,
  );
  server.maxConnections = limits.maxConnections;
  server.on('connection', (socket: Socket) => socket.setTimeout(limits.idleMs));
  server.on('request', (req: http.IncomingMessage) => req.socket.setTimeout(0));
  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolve();
    });
  });
  // once listening, an error is logged rather than thrown into the process
  server.on('error', (err: NodeJS.ErrnoException) => log.error('host server error', { code: err.code ?? err.name }));
  return server;
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
