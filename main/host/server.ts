/**
 * Browser mode: the same contract over loopback HTTP, plus the built renderer.
 * Bound to 127.0.0.1 only; every call needs the per-start token, a loopback Host
 * (DNS rebinding) and our own Origin (other web pages); no CORS is ever granted.
 */
import http from 'node:http';
import fs from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { TOKEN_HEADER } from '../../common/contract';
import type { ApiErrorBody, Envelope } from '../../common/errors';
import { dispatch, type StationCalls } from '../dispatch';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveUnderRoot } from '../security';
import { log } from '../log';
import { defaultFontsDir, fontFileFor } from '../font-files';
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
  token?: string;
  maxBodyBytes?: number;
  /** the hall screen's wall (main/host/lobby.ts); absent: /lobby answers 401 */
  lobby?: LobbyReader;
}

export interface Host {
  url: string;
  /** the URL to open: carries the token in the fragment, which never reaches a server log */
  launchUrl: string;
  port: number;
  token: string;
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

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const fontsDir = opts.fontsDir ?? defaultFontsDir();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return reject(res, 405, { code: 'VALIDATION', message: '仅支持 POST 调用' });
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins().has(origin)) return reject(res, 403, { code: 'FORBIDDEN', message: '拒绝来自其他网页的请求' });
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      return reject(res, 401, { code: 'FORBIDDEN', message: '访问令牌无效：请关闭此页面，从 StationDesk 启动程序重新打开' });
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return reject(res, 415, { code: 'VALIDATION', message: '请求格式错误（须为 JSON）' });
    }
    let raw: string;
    try {
      raw = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        req.resume();
        res.setHeader('connection', 'close');
        return reject(res, 413, { code: 'VALIDATION', message: `提交的内容过大（上限 ${Math.round(maxBody / 1024)} KB）` });
      }
      throw err;
    }
    let input: unknown;
    try {
      input = raw.length === 0 ? {} : JSON.parse(raw);
    } catch {
      return reject(res, 400, { code: 'VALIDATION', message: '请求格式错误：不是有效的 JSON' });
    }
    const envelope = await dispatch(opts.station, name, input);
    sendJson(res, 200, envelope);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...COMMON_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    // The same path rules as the app:// protocol under Electron: one place decides what may be served.
    const urlPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const file = fontFileFor(urlPath, fontsDir) ?? resolveUnderRoot(opts.staticDir, urlPath);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    const body = fs.readFileSync(file);
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': mimeTypeOf(file),
      'content-length': body.length,
      'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
      ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host.
    if (!req.headers.host || !allowedHosts().has(req.headers.host.toLowerCase())) {
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
    const done = pathname.startsWith(API_PREFIX) ? handleApi(req, res, pathname.slice(API_PREFIX.length)) : Promise.resolve(handleStatic(req, res));
    done.catch((err: unknown) => {
      log.error('host request failed', { error: err instanceof Error ? err.name : 'unknown' });
      if (!res.headersSent) reject(res, 500, { code: 'INTERNAL', message: '系统内部错误，请重试' });
      else res.end();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
