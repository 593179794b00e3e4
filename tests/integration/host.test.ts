import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../helpers/http';
import { startHost, type Host } from '../../main/host/server';
import { openTestStation, tempDir, STATION, ADMIN } from '../helpers/station';
import { browserHeaders } from '../helpers/host-session';



describe('browser-mode host', () => {
  let host: Host;
  let station: Awaited<ReturnType<typeof openTestStation>>;
  let good: Record<string, string>;
  const staticDir = tempDir('sd-static-');

  const call = (name: string, input: unknown, headers: Record<string, string> = good) =>
    request(host.port, { method: 'POST', path: `/api/${name}`, headers, body: JSON.stringify(input) });
  const setupNeeded = async () => JSON.parse((await call('app.info', {})).body).value.setupNeeded as boolean;
  const setupBody = { station: STATION, admin: ADMIN };

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
    station = await openTestStation();
    host = await startHost({ station: station.calls, staticDir, maxBodyBytes: 4096 });
    good = await browserHeaders(host);
  });
  afterAll(async () => {
    await host.close();
    station.close();
  });

  it('listens on loopback only, on a random port, with a long one-time launch code in the fragment and no script token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.port).toBeGreaterThan(0);
    expect(host.launchUrl).toMatch(new RegExp(`^${host.url.replace(/[.]/g, '\\.')}#launch=[\\w-]{40,}$`));
    expect(host.token).toBeNull();
  });

  it('answers a good call with the envelope', async () => {
    const r = await call('app.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { transport: 'browser', setupNeeded: true } });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a missing or wrong session cookie, and nothing changes', async () => {
    const { cookie, ...noCookie } = good;
    const r1 = await call('setup.init', setupBody, noCookie);
    expect(r1.status).toBe(401);
    expect(JSON.parse(r1.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r2 = await call('setup.init', setupBody, { ...good, cookie: cookie!.slice(0, -1) + (cookie!.endsWith('x') ? 'y' : 'x') });
    expect(r2.status).toBe(401);
    expect(await setupNeeded()).toBe(true);
  });

  it('refuses a foreign Origin (another web page) and a missing Origin', async () => {
    const r = await call('setup.init', setupBody, { ...good, origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toBe('拒绝来自其他网页的请求');
    const { origin: _o, ...noOrigin } = good;
    expect((await call('setup.init', setupBody, noOrigin)).status).toBe(403);
    expect(await setupNeeded()).toBe(true);
  });

  it('refuses a foreign Host (DNS rebinding), for the API and for pages', async () => {
    const r = await call('setup.init', setupBody, { ...good, host: `evil.example:${host.port}`, origin: `http://evil.example:${host.port}` });
    expect(r.status).toBe(421);
    const page = await request(host.port, { path: '/', headers: { host: `rebind.example:${host.port}` } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('StationDesk');
    expect(await setupNeeded()).toBe(true);
  });

  it('answers an unknown call, bad JSON, a wrong method and an oversized body with clear errors', async () => {
    const unknown = JSON.parse((await call('db.dropEverything', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '未知的调用：db.dropEverything' } });
    expect(JSON.parse((await call('__proto__', {})).body).error.code).toBe('NOT_FOUND');
    const bad = await request(host.port, { method: 'POST', path: '/api/setup.init', headers: good, body: '{"station":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/不是有效的 JSON/);
    const get = await request(host.port, { method: 'GET', path: '/api/app.info', headers: good });
    expect(get.status).toBe(405);
    const big = await call('setup.init', { ...setupBody, pad: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.message).toMatch(/过大/);
    for (const type of ['text/plain', 'application/jsonp', 'application/json-patch+json', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data', '']) {
      const r = await request(host.port, { method: 'POST', path: '/api/setup.init', headers: { ...good, 'content-type': type }, body: JSON.stringify(setupBody) });
      expect(r.status, type).toBe(415);
      expect(JSON.parse(r.body).error.message, type).toMatch(/只接受 Content-Type: application\/json/);
    }
    const { 'content-type': _ct, ...untyped } = good;
    expect((await request(host.port, { method: 'POST', path: '/api/setup.init', headers: untyped, body: JSON.stringify(setupBody) })).status).toBe(415);
    for (const type of ['application/json', 'Application/JSON; charset=UTF-8', 'application/json;charset="utf-8"']) {
      expect((await request(host.port, { method: 'POST', path: '/api/app.info', headers: { ...good, 'content-type': type }, body: '{}' })).status, type).toBe(200);
    }
    expect(await setupNeeded()).toBe(true);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await request(host.port, { path: '/', headers: { host: good.host! } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await request(host.port, { path: '/assets/app.js', headers: { host: good.host! } });
    expect(js.headers['content-type']).toMatch(/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt']) {
      const r = await request(host.port, { path: p, headers: { host: good.host! } });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('lets the real page through with its session cookie and Origin: setup then works', async () => {
    const r = JSON.parse((await call('setup.init', setupBody)).body);
    expect(r).toMatchObject({ ok: true, value: { staff: { login: 'admin' } } });
    expect(await setupNeeded()).toBe(false);
  });
});
