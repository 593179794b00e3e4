/**
 * issue 8 item 5: the browser gets a one-time launch code, never the session; the session is
 * an HttpOnly, SameSite=Strict cookie bound to the browser that traded the code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../main/host/server';
import { openTestStation, tempDir, STATION, ADMIN } from '../helpers/station';
import { exchangeLaunchCode, launchCodeOf, pageHeaders } from '../helpers/host-session';

describe('browser-mode session', () => {
  let host: Host;
  let station: Awaited<ReturnType<typeof openTestStation>>;
  const staticDir = tempDir('sd-static-');

  const call = async (name: string, input: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${host.url}api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
    return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
  };
  const withCookie = (setCookie: string) => ({ ...pageHeaders(host), cookie: setCookie.split(';', 1)[0]! });

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
    station = await openTestStation();
    host = await startHost({ station: station.calls, staticDir });
  });
  afterAll(async () => {
    await host.close();
    station.close();
  });

  it('trades the launch code once for an HttpOnly, SameSite=Strict, Path=/ cookie; the same code again is refused', async () => {
    const code = launchCodeOf(host.launchUrl);
    const first = await exchangeLaunchCode(host, code);
    expect(first.status).toBe(200);
    const attrs = first.setCookie!.split(';').map((a) => a.trim());
    expect(attrs[0]).toMatch(new RegExp(`^stationdesk_${host.port}=[\\w-]{40,}$`));
    expect(attrs.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    // the cookie is not the code: seeing the command line gives nothing once the page has traded it
    expect(attrs[0]).not.toContain(code);

    const again = await exchangeLaunchCode(host, code);
    expect(again.status).toBe(401);
    expect(again.setCookie).toBeNull();
    expect(again.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '打开链接已使用或已过期：请从 StationDesk 启动程序重新打开' } });

    expect((await call('app.info', {}, withCookie(first.setCookie!))).body).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('a second browser without the cookie cannot act as the signed-in clerk, and a new launch ends the first browser', async () => {
    const a = await exchangeLaunchCode(host, launchCodeOf(host.newLaunchUrl()));
    const browserA = withCookie(a.setCookie!);
    expect((await call('setup.init', { station: STATION, admin: ADMIN }, browserA)).body.ok).toBe(true);
    expect((await call('auth.session', {}, browserA)).body).toMatchObject({ ok: true, value: { staff: { login: 'admin' } } });

    // Browser B: no cookie, a made-up cookie, the script header: none of them reaches the session.
    for (const headers of [pageHeaders(host), { ...pageHeaders(host), cookie: `stationdesk_${host.port}=guess` }, { ...pageHeaders(host), 'x-station-token': browserA.cookie!.split('=')[1]! }]) {
      const r = await call('auth.session', {}, headers);
      expect(r.status).toBe(401);
      expect(r.body.error?.code).toBe('FORBIDDEN');
      expect((await call('residents.search', { q: '张' }, headers)).status).toBe(401);
    }
    // A code for another port's cookie name does not work either.
    expect((await call('auth.session', {}, { ...pageHeaders(host), cookie: `stationdesk_1=${browserA.cookie!.split('=')[1]}` })).status).toBe(401);

    // A fresh launch (the launcher reopening the window) moves the counter to the new browser.
    const b = await exchangeLaunchCode(host, launchCodeOf(host.newLaunchUrl()));
    expect((await call('auth.session', {}, withCookie(b.setCookie!))).body.ok).toBe(true);
    expect((await call('auth.session', {}, browserA)).status).toBe(401);
  });

  it('refuses a launch from another page, with a bad body, or with a code that was never issued', async () => {
    const code = launchCodeOf(host.newLaunchUrl());
    const post = (headers: Record<string, string>, body: string) => fetch(`${host.url}session/launch`, { method: 'POST', headers, body });
    expect((await post({ ...pageHeaders(host), origin: 'http://evil.example' }, JSON.stringify({ code }))).status).toBe(403);
    expect((await post({ ...pageHeaders(host), 'content-type': 'text/plain' }, JSON.stringify({ code }))).status).toBe(415);
    expect((await post(pageHeaders(host), '{"code":')).status).toBe(400);
    expect((await post(pageHeaders(host), JSON.stringify({ code: 42 }))).status).toBe(401);
    // one character changed: a 32-byte code's last base64url character is one of 16, A among them, so not always A
    expect((await post(pageHeaders(host), JSON.stringify({ code: code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A') }))).status).toBe(401);
    expect((await fetch(`${host.url}session/launch?code=${code}`)).status).toBe(405);
    // none of the refusals used the code up
    expect((await exchangeLaunchCode(host, code)).status).toBe(200);
  });

  it('a launch code that has run out is refused', async () => {
    const quick = await startHost({ station: station.calls, staticDir, launchTtlMs: 0 });
    try {
      expect((await exchangeLaunchCode(quick, launchCodeOf(quick.launchUrl))).status).toBe(401);
    } finally {
      await quick.close();
    }
  });

  it('accepts the script token header only when it was asked for', async () => {
    const scripted = await startHost({ station: station.calls, staticDir, scriptToken: true });
    try {
      expect(scripted.token).toMatch(/^[\w-]{40,}$/);
      const headers = { ...pageHeaders(scripted), 'x-station-token': scripted.token! };
      const res = await fetch(`${scripted.url}api/app.info`, { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(200);
      const wrong = await fetch(`${scripted.url}api/app.info`, { method: 'POST', headers: { ...headers, 'x-station-token': scripted.token!.slice(1) }, body: '{}' });
      expect(wrong.status).toBe(401);
    } finally {
      await scripted.close();
    }
  });
});
