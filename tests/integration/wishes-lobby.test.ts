/**
 * The hall screen's link reads the public wall and nothing else: refused on every /api/ call,
 * it opens no session, carries nothing of the clerk's token, and stops at once when revoked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../helpers/http';
import { exchangeLaunchCode, launchCodeOf } from '../helpers/host-session';
import { startHost, type Host } from '../../main/host/server';
import { CALL_NAMES } from '../../common/contract';
import { setUpStation, tempDir } from '../helpers/station';



describe('大厅屏 link', () => {
  let host: Host;
  let s: Awaited<ReturnType<typeof setUpStation>>;
  let token: string;
  let linkId: string;
  const staticDir = tempDir('sd-static-');

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
    fs.writeFileSync(path.join(staticDir, 'lobby.html'), '<!doctype html><title>心愿墙</title>');
    s = await setUpStation();
    host = await startHost({ station: s.calls, staticDir, lobby: s.calls.lobby, scriptToken: true });
    const resident = await s.client['residents.create']({ name: '张建华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' });
    await s.client['wishes.create']({ residentId: resident.id, title: '一台轮椅', description: '家住三楼，行动不便', category: '助残', value: 480, source: '入户走访', deadline: '2026-12-31', publishNow: true });
    const made = await s.client['wishes.lobbyCreate']({ label: '一楼大厅电视' });
    token = made.token;
    linkId = made.link.id;
    expect(made.path).toBe(`/lobby/?t=${token}`);
  });
  afterAll(async () => {
    await host.close();
    s.close();
  });

  it('reads the public wall with its token (query or header): masked names, nothing private, no cookie', async () => {
    for (const r of [await request(host.port, { path: `/lobby/wall.json?t=${token}` }), await request(host.port, { path: '/lobby/wall.json', headers: { 'x-lobby-token': token } })]) {
      expect(r.status).toBe(200);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.headers['cache-control']).toBe('no-store');
      const wall = JSON.parse(r.body) as { ok: true; value: { stationName: string; cards: { title: string; beneficiaryMasked: string; claimState: string }[] } };
      expect(wall.value.cards).toEqual([expect.objectContaining({ title: '一台轮椅', beneficiaryMasked: '张*华', claimState: 'open', valueYuan: '480.00', deadline: '2026-12-31' })]);
      for (const secret of ['张建华', '11010519491231002X', '13800138000', '三楼', host.token!]) expect(r.body).not.toContain(secret);
    }
    expect(JSON.parse((await request(host.port, { path: `/lobby/wall.json?t=${token}&category=助学`.replace('助学', encodeURIComponent('助学')) })).body).value.cards).toEqual([]);
  });

  it('serves the lobby page under its own CSP', async () => {
    const page = await request(host.port, { path: `/lobby/?t=${token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('心愿墙');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await request(host.port, { path: '/lobby/other.json' })).status).toBe(404);
    expect((await request(host.port, { method: 'POST', path: `/lobby/wall.json?t=${token}` })).status).toBe(405);
  });

  it('is refused on every /api/ call, however it is presented', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    for (const name of CALL_NAMES) {
      const variants: Record<string, string>[] = [
        { origin, 'content-type': 'application/json', 'x-station-token': token },
        { origin, 'content-type': 'application/json', 'x-lobby-token': token },
        // as the counter's session cookie, under its real name and a bare one
        { origin, 'content-type': 'application/json', cookie: `stationdesk_${host.port}=${token}` },
        { origin, 'content-type': 'application/json', cookie: `stationdesk=${token}; lobby=${token}` },
        { origin, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ];
      for (const headers of variants) {
        const r = await request(host.port, { method: 'POST', path: `/api/${name}?t=${token}`, headers, body: '{}' });
        expect(r.status, name).toBe(401);
        expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('buys no session as a launch code: no cookie, and the counter\'s page and calls stay shut', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    const refused = await exchangeLaunchCode(host, token);
    expect(refused.status).toBe(401);
    expect(refused.setCookie).toBeNull();
    // the same request with a real one-time code does open a session: the refusal was the token's
    const opened = await exchangeLaunchCode(host, launchCodeOf(host.newLaunchUrl()));
    expect(opened.status).toBe(200);
    expect(opened.setCookie).toMatch(/^stationdesk_\d+=/);
    const page = await request(host.port, { path: `/?launch=${encodeURIComponent(token)}` });
    expect(page.headers['set-cookie']).toBeUndefined();
    const call = await request(host.port, { method: 'POST', path: '/api/app.info', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
  });

  it('is not the clerk\'s token, and the clerk\'s token is no lobby token', async () => {
    expect(token).toMatch(/^lobby_[A-Za-z0-9_-]{43}$/);
    expect(token).not.toContain(host.token!);
    expect((await request(host.port, { path: `/lobby/wall.json?t=${encodeURIComponent(host.token!)}` })).status).toBe(401);
    expect((await request(host.port, { path: '/lobby/wall.json' })).status).toBe(401);
    expect((await request(host.port, { path: `/lobby/wall.json?t=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` })).status).toBe(401);
    // only its digest is stored: the database cannot give the token back
    const { openDb } = await import('../../main/db/open');
    const db = openDb(s.dbPath);
    const stored = JSON.stringify(db.prepare('SELECT * FROM wish_lobby_links').all());
    db.close();
    expect(stored).not.toContain(token);
    expect(JSON.stringify(await s.client['audit.list']({ limit: 200 }))).not.toContain(token);
  });

  it('stops working the moment it is revoked; other links keep working', async () => {
    const other = await s.client['wishes.lobbyCreate']({ label: '二楼走廊' });
    const { link } = await s.client['wishes.lobbyRevoke']({ id: linkId });
    expect(link.revokedAt).not.toBeNull();
    const r = await request(host.port, { path: `/lobby/wall.json?t=${token}` });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.message).toContain('已停用');
    expect((await request(host.port, { path: `/lobby/wall.json?t=${other.token}` })).status).toBe(200);
    expect((await s.client['wishes.lobbyList']({})).map((l) => [l.label, l.revokedAt === null])).toEqual([
      ['二楼走廊', true],
      ['一楼大厅电视', false],
    ]);
  });
});
