/**
 * The reference county server: /v1 for stations (common/county/protocol.ts) and the public
 * progress answer for residents. countyweb adds /admin/api and the pages on the same
 * instance (`app`) over the same `store`. No state outside PostgreSQL: run as many
 * instances as needed on one database.
 */
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import * as z from 'zod';
import {
  API_PREFIX,
  CheckCode,
  ConfigResponse,
  DayCloseRequest,
  DayCloseResponse,
  EnrollRequest,
  EnrollResponse,
  PROTOCOL_VERSION,
  PublicProgress,
  PullQuery,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../common/county/protocol';
import { installJsonParser } from './http/body';
import { installErrorHandling } from './http/errors';
import { openStore } from './store';
import { CountyError, type AuthedStation, type Clock, type Sql, type Store } from './store/types';

export interface CountyLimits {
  /** events per push (above: 413, and the station halves its batch) */
  maxBatchEvents: number;
  /** bytes of one request body, after decompression */
  maxBatchBytes: number;
  /** feed items per pull page */
  maxPullItems: number;
}

export const DEFAULT_LIMITS: CountyLimits = { maxBatchEvents: 1000, maxBatchBytes: 8 * 1024 * 1024, maxPullItems: 500 };

export interface CountyServerOptions {
  sql: Sql;
  countyName: string;
  /** the public progress page's base URL printed on receipts, or null */
  publicUrl?: string | null;
  limits?: Partial<CountyLimits>;
  clock?: Clock;
  /** Fastify's logger (false in tests); the Authorization header and cookies are always redacted */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** behind a load balancer: trust X-Forwarded-For from it */
  trustProxy?: boolean | string;
}

export interface CountyServer {
  app: FastifyInstance;
  store: Store;
  limits: CountyLimits;
}

declare module 'fastify' {
  interface FastifyRequest {
    station: AuthedStation | null;
  }
}

/** A push's envelope: the events are checked one by one in the store (INVALID is a verdict, not a 400). */
const PushEnvelope = PushRequest.extend({ events: z.array(z.unknown()).min(1, { error: '没有要上传的事件' }).max(10_000) });
const ProgressQuery = z.object({ receipt: z.string().trim().min(1, { error: '请填写回执编号' }).max(40), code: CheckCode });

/** Headers and query strings can carry secrets (token, cookie, check code): none reaches a log. */
function loggerOptions(logger: CountyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    level: typeof logger === 'object' ? logger.level : 'info',
    ...(typeof logger === 'object' && logger.stream ? { stream: logger.stream } : {}),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-county-csrf"]', 'res.headers["set-cookie"]'], censor: '[已隐去]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }),
    },
  };
}

function bearer(req: FastifyRequest): string {
  const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) throw new CountyError('UNAUTHORIZED', '缺少站点令牌，请先登记');
  return m[1]!;
}

export async function createCountyServer(opts: CountyServerOptions): Promise<CountyServer> {
  const limits: CountyLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const clock = opts.clock ?? { now: () => new Date() };
  const publicUrl = opts.publicUrl ?? null;
  const store = await openStore(opts.sql, { countyName: opts.countyName, clock });

  const app = Fastify({
    logger: loggerOptions(opts.logger),
    bodyLimit: limits.maxBatchBytes,
    // a slow or stuck client cannot hold a connection (or a station's row) for ever
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    trustProxy: opts.trustProxy ?? false,
  });
  app.decorateRequest('station', null);
  installErrorHandling(app);
  installJsonParser(app, limits.maxBatchBytes);
  // Answers are compressed when the client asks; request bodies are inflated by our parser (with its limit), not by the plugin.
  await app.register(compress, { global: true, globalDecompression: false, threshold: 1024, encodings: ['gzip', 'deflate'] });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  // Before the body is read: an unknown token costs the server no parsing or inflating.
  const authenticate = async (req: FastifyRequest) => {
    req.station = await store.authenticate(bearer(req));
  };
  const stationOf = (req: FastifyRequest): AuthedStation => {
    if (!req.station) throw new CountyError('UNAUTHORIZED', '缺少站点令牌，请先登记');
    return req.station;
  };
  const now = () => clock.now().toISOString();

  app.get(`${API_PREFIX}/config`, async () =>
    ConfigResponse.parse({ protocol: PROTOCOL_VERSION, countyName: store.countyName, maxBatchEvents: limits.maxBatchEvents, maxBatchBytes: limits.maxBatchBytes, maxPullItems: limits.maxPullItems, publicUrl, serverTime: now() }),
  );

  app.post(`${API_PREFIX}/enroll`, async (req) => {
    const input = EnrollRequest.parse(req.body);
    return EnrollResponse.parse({ ...(await store.enroll(input)), publicUrl });
  });

  app.post(`${API_PREFIX}/push`, { onRequest: authenticate }, async (req) => {
    // Counted before the schema, whose own cap (10,000) would otherwise answer 400 where the station needs 413 to halve its batch.
    const events = (req.body as { events?: unknown } | null)?.events;
    if (Array.isArray(events) && events.length > limits.maxBatchEvents) throw new CountyError('TOO_LARGE', `一次最多上传 ${limits.maxBatchEvents} 条事件，请分批发送`);
    const batch = PushEnvelope.parse(req.body);
    return PushResponse.parse(await store.push(stationOf(req), batch));
  });

  app.get(`${API_PREFIX}/pull`, { onRequest: authenticate }, async (req) => {
    const q = PullQuery.parse(req.query);
    return PullResponse.parse(await store.pull(stationOf(req), q.after, Math.min(q.limit, limits.maxPullItems)));
  });

  app.post(`${API_PREFIX}/day-close`, { onRequest: authenticate }, async (req) => {
    return DayCloseResponse.parse(await store.dayClose(stationOf(req), DayCloseRequest.parse(req.body)));
  });

  app.get('/public/progress', async (req) => {
    const q = ProgressQuery.parse(req.query);
    const found = await store.publicProgress(q.receipt, q.code);
    // The same answer for an unknown receipt and a wrong code: numbers cannot be probed.
    if (!found) throw new CountyError('NOT_FOUND', '没有找到该回执，请核对回执编号和查询码');
    return PublicProgress.parse(found);
  });

  return { app, store, limits };
}
