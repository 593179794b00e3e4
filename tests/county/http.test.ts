import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BACKENDS, call, countyBackend, enrolledStation, pushBody } from '../helpers/county';
import { makeChain } from '../helpers/county-events';
import { ErrorBody, PushResponse } from '../../common/county/protocol';

describe.each(BACKENDS)('county HTTP boundary (%s)', (kind) => {
  const env = countyBackend(kind);
  const count = async (stationId: string) => (await env.sql.query<{ n: number }>('SELECT count(*) AS n FROM station_events WHERE station_id = $1', [stationId]))[0]!.n;

  it('takes a gzip body and compresses its answer when asked', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const events = makeChain(40, { spec: (seq) => ({ payload: { id: `r-${seq}`, note: '居民信息变更'.repeat(20) } }) });
    const res = await fetch(`${county.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-encoding': 'gzip', authorization: `Bearer ${st.token}` },
      body: new Uint8Array(gzipSync(JSON.stringify(pushBody(events)))),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch inflated it
    const answer = PushResponse.parse(await res.json());
    expect(answer.ackedThrough).toBe(40);
    expect(await count(st.stationId)).toBe(40);
  });

  it('answers 413 for a body over maxBatchBytes, on the wire or once inflated, and survives a gzip bomb', async () => {
    const limit = 64 * 1024;
    const county = await env.start({ limits: { maxBatchBytes: limit } });
    const st = await enrolledStation(county);
    const big = makeChain(1, { spec: () => ({ payload: { blob: 'x'.repeat(limit) } }) });
    const plain = await call(county.url, 'POST', '/v1/push', { token: st.token, body: pushBody(big) });
    expect(plain.status).toBe(413);
    expect(ErrorBody.parse(plain.body).error.code).toBe('TOO_LARGE');
    // small on the wire, large inflated: the limit holds after decompression
    const zipped = await call(county.url, 'POST', '/v1/push', { token: st.token, body: pushBody(big), gzip: true });
    expect(zipped.status).toBe(413);
    expect(ErrorBody.parse(zipped.body).error.message).toMatch(/上限/);

    // a gzip bomb: 60 members of 1 MiB of zeros each, 60 MiB inflated from under 64 KiB on the wire
    const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 60 }, () => member));
    expect(bomb.length).toBeLessThan(limit);
    const res = await call(county.url, 'POST', '/v1/push', { token: st.token, raw: bomb, headers: { 'content-encoding': 'gzip' } });
    expect(res.status).toBe(413);
    expect(ErrorBody.parse(res.body).error.code).toBe('TOO_LARGE');
    // still serving
    expect((await call(county.url, 'GET', '/v1/config')).status).toBe(200);
    expect(await count(st.stationId)).toBe(0);

    const corrupt = await call(county.url, 'POST', '/v1/push', { token: st.token, raw: Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]), headers: { 'content-encoding': 'gzip' } });
    expect(corrupt.status).toBe(400);
    expect(ErrorBody.parse(corrupt.body).error.code).toBe('VALIDATION');
  });

  it('answers 415 for anything but application/json, and for an unknown content encoding', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    const body = JSON.stringify(pushBody(makeChain(1)));
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
      const res = await call(county.url, 'POST', '/v1/push', { token: st.token, raw: body, contentType });
      expect(res.status, contentType).toBe(415);
      expect(ErrorBody.parse(res.body).error.code).toBe('UNSUPPORTED');
    }
    const none = await call(county.url, 'POST', '/v1/enroll', { raw: '{}', contentType: null });
    expect(none.status).toBe(415);
    const br = await call(county.url, 'POST', '/v1/push', { token: st.token, raw: body, headers: { 'content-encoding': 'br' } });
    expect(br.status).toBe(415);
    const withCharset = await call(county.url, 'POST', '/v1/push', { token: st.token, raw: body, contentType: 'application/json; charset=utf-8' });
    expect(withCharset.status).toBe(200);
    expect(await count(st.stationId)).toBe(1);
  });

  it('sets its timeouts, so a slow or stuck client cannot hold a connection', async () => {
    const county = await env.start();
    expect(county.app.server.requestTimeout).toBe(60_000);
    expect(county.app.server.timeout).toBe(60_000);
    expect(county.app.server.keepAliveTimeout).toBe(5_000);
  });

  it('answers malformed JSON, a bad schema and an unknown route with an ErrorBody in Chinese, never a stack', async () => {
    const county = await env.start();
    const broken = await call(county.url, 'POST', '/v1/enroll', { raw: '{"code":' });
    expect(broken.status).toBe(400);
    expect(ErrorBody.parse(broken.body).error.message).toMatch(/JSON/);
    const schema = await call(county.url, 'POST', '/v1/enroll', { body: { code: 'short', stationCode: '1301', stationName: '站' } });
    expect(schema.status).toBe(400);
    expect(ErrorBody.parse(schema.body).error.message).toMatch(/登记码为 12 位/);
    const missing = await call(county.url, 'GET', '/v1/nothing');
    expect(missing.status).toBe(404);
    expect(ErrorBody.parse(missing.body).error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify([broken.body, schema.body, missing.body])).not.toMatch(/at .*\.ts|Error:/);
  });

  it('never writes the token, a cookie or a public query string into its log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const county = await env.start({ logger: { level: 'info', stream } });
    const st = await enrolledStation(county);
    await call(county.url, 'POST', '/v1/push', { token: st.token, body: pushBody(makeChain(2)), headers: { cookie: 'sd_admin=secret-cookie' } });
    await call(county.url, 'GET', '/v1/pull', { token: st.token });
    await call(county.url, 'GET', '/public/progress?receipt=SL-1&code=ABCDEF');
    const log = lines.join('');
    expect(log).toContain('/v1/push');
    expect(log).not.toContain(st.token);
    expect(log).not.toContain(st.token.slice(4, 20));
    expect(log).not.toContain('secret-cookie');
    expect(log).not.toContain('ABCDEF');
  });
});
