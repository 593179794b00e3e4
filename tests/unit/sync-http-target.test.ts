/**
 * The HTTP county target against a plain local server that answers what each case needs:
 * https required except to this machine, the token only in the Authorization header, large
 * bodies gzip-compressed, every answer parsed (a mismatch is an error), statuses mapped.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCountyUrl, createHttpTarget } from '../../main/sync/http-target';
import { TargetError } from '../../main/sync/target';

type Handler = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => void;
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
});

async function serve(handler: Handler): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks), res));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

async function failure(p: Promise<unknown>): Promise<TargetError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TargetError) return err;
    throw err;
  }
  throw new Error('expected a TargetError');
}

const TOKEN = `sdt_${'a'.repeat(40)}`;
const pushOf = (n: number) => ({
  events: Array.from({ length: n }, (_, i) => ({ eventId: '0190f000-0000-7000-8000-000000000001', seq: i + 1, entity: 'resident', entityId: `r${i}`, op: 'create' as const, version: 1, occurredAt: '2026-11-27T01:00:00.000Z', payload: { text: '居民'.repeat(50) }, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) })),
  auditHead: { seq: 0, hash: '0'.repeat(64) },
  backlog: 0,
});

describe('HTTP county target', () => {
  it('tells a refused enrollment (the county\'s words) from a refused token (re-enroll)', async () => {
    const said = '站点编码或登记码不正确，请核对县级平台给出的登记码';
    const url = await serve((_req, _body, res) => json(res, 401, { error: { code: 'UNAUTHORIZED', message: said } }));
    const t = createHttpTarget(url);
    const enroll = await failure(t.enroll({ code: 'K7QM2XPA9RTB', stationCode: '130102001', stationName: '建北街道党群服务中心' }));
    expect(enroll.kind).toBe('refused');
    expect(enroll.message).toContain(said);
    const push = await failure(t.push(TOKEN, pushOf(1)));
    expect(push.kind).toBe('auth');
    expect(push.message).toContain('重新登记');
  });

  it('requires https except to this machine, with a Chinese message', () => {
    expect(checkCountyUrl('https://county.example.cn/sync').href).toBe('https://county.example.cn/sync');
    expect(checkCountyUrl('http://127.0.0.1:8080').hostname).toBe('127.0.0.1');
    expect(checkCountyUrl('http://localhost:8080').hostname).toBe('localhost');
    expect(() => checkCountyUrl('http://county.example.cn')).toThrow(/须使用 https/);
    expect(() => checkCountyUrl('ftp://county.example.cn')).toThrow(/https:\/\//);
    expect(() => checkCountyUrl('https://u:p@county.example.cn')).toThrow(/用户名/);
    expect(() => checkCountyUrl('不是地址')).toThrow(/格式不正确/);
    expect(() => createHttpTarget('http://10.0.0.8')).toThrow(TargetError);
  });

  it('sends the token only as a bearer header, gzips a large body, and parses the answer', async () => {
    const seen: { url: string; auth: string | undefined; encoding: string | undefined; events: number }[] = [];
    const url = await serve((req, body, res) => {
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      const parsed = JSON.parse(text) as { events: { seq: number; eventId: string }[] };
      seen.push({ url: req.url ?? '', auth: req.headers.authorization, encoding: req.headers['content-encoding'], events: parsed.events.length });
      json(res, 200, { results: parsed.events.map((e) => ({ seq: e.seq, eventId: e.eventId, status: 'applied' })), ackedThrough: parsed.events.length, serverTime: '2026-11-27T01:00:00.000Z' });
    });
    const t = createHttpTarget(`${url}/base/`, { gzipAboveBytes: 1024 });
    const small = await t.push(TOKEN, pushOf(1));
    expect(small.ackedThrough).toBe(1);
    await t.push(TOKEN, pushOf(40));
    expect(seen).toEqual([
      { url: '/base/v1/push', auth: `Bearer ${TOKEN}`, encoding: undefined, events: 1 },
      { url: '/base/v1/push', auth: `Bearer ${TOKEN}`, encoding: 'gzip', events: 40 },
    ]);
    expect(seen.every((s) => !s.url.includes(TOKEN))).toBe(true);
  });

  it('an answer off the protocol or not JSON is malformed; statuses map to what the worker does', async () => {
    let answer: [number, unknown] = [200, { results: 'applied' }];
    const url = await serve((_req, _body, res) => json(res, answer[0], answer[1]));
    const t = createHttpTarget(url);
    expect((await failure(t.push(TOKEN, pushOf(1)))).kind).toBe('malformed');
    answer = [200, '<html>ok</html>'];
    expect((await failure(t.config())).kind).toBe('malformed');
    answer = [401, { error: { code: 'UNAUTHORIZED', message: '凭证无效' } }];
    const auth = await failure(t.pull(TOKEN, 0, 10));
    expect(auth.kind).toBe('auth');
    expect(auth.message).toContain('重新登记');
    expect(auth.message).not.toContain(TOKEN);
    answer = [413, { error: { code: 'TOO_LARGE', message: '太大' } }];
    expect((await failure(t.push(TOKEN, pushOf(1)))).kind).toBe('tooLarge');
    answer = [503, { error: { code: 'UNAVAILABLE', message: '忙' } }];
    expect((await failure(t.push(TOKEN, pushOf(1)))).kind).toBe('server');
    answer = [400, { error: { code: 'VALIDATION', message: '登记码不对' } }];
    const refused = await failure(t.enroll({ code: 'ABCDEFGH2345', stationCode: '130102001', stationName: '站' }));
    expect(refused).toMatchObject({ kind: 'refused', message: expect.stringContaining('登记码不对') });
  });

  it('an answer that never comes is a timeout; a closed port is unreachable', async () => {
    const url = await serve(() => undefined);
    const t = createHttpTarget(url, { totalTimeoutMs: 300 });
    expect((await failure(t.config())).kind).toBe('timeout');
    const closed = await serve(() => undefined);
    await Promise.all(servers.splice(-1).map((s) => new Promise((r) => s.close(r))));
    expect((await failure(createHttpTarget(closed).config())).kind).toBe('unreachable');
  });
});
