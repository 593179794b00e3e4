/**
 * The county over HTTP(S): JSON bodies, gzip above a size, `Authorization: Bearer`, a
 * connect and a total timeout, and every answer parsed with the protocol's schemas.
 * Plain http only to this machine (loopback); anything else must be https.
 */
import http from 'node:http';
import https from 'node:https';
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type * as z from 'zod';
import { ConfigResponse, DayCloseResponse, EnrollResponse, ErrorBody, PullResponse, PushResponse, API_PREFIX } from '../../common/county/protocol';
import { TargetError, type CountyTarget } from './target';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface HttpTargetOptions {
  /** to open the TCP (and TLS) connection */
  connectTimeoutMs?: number;
  /** for the whole exchange, answer included */
  totalTimeoutMs?: number;
  /** request bodies above this many bytes go gzip-compressed */
  gzipAboveBytes?: number;
}

const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The county address as the worker may use it, or a TargetError('config') saying why not. */
export function checkCountyUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TargetError('config', '县级平台地址格式不正确，应形如 https://县级平台域名');
  }
  if (url.username || url.password || url.search || url.hash) throw new TargetError('config', '县级平台地址不能带用户名、密码或查询参数');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return url;
  if (url.protocol === 'http:') throw new TargetError('config', '县级平台地址须使用 https://（加密连接）；http:// 只能用于本机测试');
  throw new TargetError('config', '县级平台地址须以 https:// 开头');
}

function statusError(status: number, body: unknown, withToken: boolean): TargetError {
  const parsed = ErrorBody.safeParse(body);
  const said = parsed.success ? parsed.data.error.message : null;
  const code = parsed.success ? parsed.data.error.code : null;
  // Only a call that carried the station token can have its credential refused; an enrollment
  // refused (a mistyped or used code) says the county's own words, not "re-enroll".
  if ((status === 401 || status === 403) && withToken) return new TargetError('auth', '县级平台拒绝了本站点的登记凭证（可能已被撤销），请重新登记', status, code);
  if (status === 413) return new TargetError('tooLarge', '一次发送的数据超过县级平台的上限', status, code);
  if (status === 429 || status >= 500) return new TargetError('server', `县级平台暂时无法处理（${status}），稍后自动重试`, status, code);
  return new TargetError('refused', said ? `县级平台拒绝了请求：${said}` : `县级平台拒绝了请求（${status}）`, status, code);
}

export function createHttpTarget(countyUrl: string, opts: HttpTargetOptions = {}): CountyTarget {
  const base = checkCountyUrl(countyUrl);
  const connectTimeout = opts.connectTimeoutMs ?? 5_000;
  const totalTimeout = opts.totalTimeoutMs ?? 30_000;
  const gzipAbove = opts.gzipAboveBytes ?? 16 * 1024;
  const secure = base.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 2 }) : new http.Agent({ keepAlive: true, maxSockets: 2 });
  const prefix = base.pathname.replace(/\/+$/, '');

  async function send<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, o: { token?: string; body?: unknown } = {}): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip' };
    let payload: Buffer | null = null;
    if (o.body !== undefined) {
      payload = Buffer.from(JSON.stringify(o.body), 'utf8');
      headers['content-type'] = 'application/json';
      if (payload.length > gzipAbove) {
        payload = await gzipAsync(payload);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(payload.length);
    }
    if (o.token) headers.authorization = `Bearer ${o.token}`;

    const { status, encoding, raw } = await new Promise<{ status: number; encoding: string | undefined; raw: Buffer }>((resolve, reject) => {
      const req = (secure ? https : http).request({ protocol: base.protocol, hostname: base.hostname.replace(/^\[|\]$/g, ''), port: base.port || undefined, path: `${prefix}${API_PREFIX}${path}`, method, headers, agent });
      let settled = false;
      const fail = (e: TargetError) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        clearTimeout(connect);
        req.destroy();
        reject(e);
      };
      const total = setTimeout(() => fail(new TargetError('timeout', '县级平台长时间没有答复，稍后自动重试')), totalTimeout);
      const connect = setTimeout(() => fail(new TargetError('timeout', '连接县级平台超时，请检查网络')), connectTimeout);
      req.on('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connect);
        else socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connect));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        const tls = /CERT|SSL|TLS/i.test(err.code ?? '');
        fail(new TargetError('unreachable', tls ? '县级平台的证书无法验证，请联系县级管理员' : '连不上县级平台，请检查网络或地址'));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          // no county answer is this large: stop reading rather than hold it all in memory
          if (size > MAX_ANSWER_BYTES) return fail(new TargetError('malformed', '县级平台的答复过大，未作处理'));
          chunks.push(c);
        });
        res.on('aborted', () => fail(new TargetError('unreachable', '与县级平台的连接中途断开，稍后自动重试')));
        res.on('error', () => fail(new TargetError('unreachable', '与县级平台的连接中途断开，稍后自动重试')));
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) return fail(new TargetError('unreachable', '与县级平台的连接中途断开，稍后自动重试'));
          settled = true;
          clearTimeout(total);
          clearTimeout(connect);
          resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], raw: Buffer.concat(chunks) });
        });
      });
      req.end(payload ?? undefined);
    });

    let body: unknown = null;
    try {
      const text = (encoding === 'gzip' ? await gunzipAsync(raw, { maxOutputLength: MAX_ANSWER_BYTES }) : raw).toString('utf8');
      body = text ? JSON.parse(text) : null;
    } catch {
      if (status >= 200 && status < 300) throw new TargetError('malformed', '县级平台的答复无法读取（不是有效的数据）', status);
    }
    if (status < 200 || status >= 300) throw statusError(status, body, o.token !== undefined);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new TargetError('malformed', '县级平台的答复格式与协议不符，未作处理', status);
    return parsed.data as z.infer<S>;
  }

  return {
    config: () => send('GET', '/config', ConfigResponse),
    enroll: (request) => send('POST', '/enroll', EnrollResponse, { body: request }),
    push: (token, request) => send('POST', '/push', PushResponse, { token, body: request }),
    pull: (token, after, limit) => send('GET', `/pull?after=${after}&limit=${limit}`, PullResponse, { token }),
    dayClose: (token, request) => send('POST', '/day-close', DayCloseResponse, { token, body: request }),
  };
}
