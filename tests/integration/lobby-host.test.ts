/**
 * The desktop window's hall-screen host (main/host/lobby-host.ts), as main/electron/app.ts
 * wires it: the station tells its origin through app.info, the card's link opens there, and
 * the host answers the lobby page, its assets, its fonts and the public wall, and nothing
 * else: no /api/, no launch, no counter page, no foreign Host, no other interface.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../helpers/http';
import { LOBBY_PORT_KEY, startLobbyHost, startRememberedLobbyHost, type LobbyHost } from '../../main/host/lobby-host';
import { memoryStore } from '../../main/settings-store';
import { closeServer, HOST_LIMITS, listenOnLoopback } from '../../main/host/server';
import { CALL_NAMES } from '../../common/contract';
import { setUpStation, tempDir } from '../helpers/station';

/** A port nothing listens on right now (asked of the OS, then let go). */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('大厅屏 host of the desktop window', () => {
  let lobbyHost: LobbyHost | null = null;
  let s: Awaited<ReturnType<typeof setUpStation>>;
  let link: string;
  let token: string;
  const staticDir = tempDir('sd-static-');

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk 柜台</title>');
    fs.writeFileSync(path.join(staticDir, 'lobby.html'), '<!doctype html><title>心愿墙</title><script type="module" src="/assets/lobby-abc.js"></script>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'lobby-abc.js'), 'console.log("lobby")');
    s = await setUpStation({ transport: 'electron', lobbyOrigin: () => lobbyHost?.origin ?? null });
    expect((await s.client['app.info']({})).lobbyOrigin).toBeNull();
    lobbyHost = await startLobbyHost({ lobby: s.calls.lobby, staticDir, port: await freePort() });
    const resident = await s.client['residents.create']({ name: '张建华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' });
    await s.client['wishes.create']({ residentId: resident.id, title: '一台轮椅', description: '家住三楼，行动不便', category: '助残', value: 480, source: '入户走访', deadline: '2026-12-31', publishNow: true });
    const made = await s.client['wishes.lobbyCreate']({ label: '一楼大厅电视' });
    token = made.token;
    // what the card does in the desktop window: app.info's origin in front of the link's path
    const info = await s.client['app.info']({});
    expect(info.lobbyOrigin).toBe(`http://127.0.0.1:${lobbyHost.port}`);
    link = new URL(made.path, info.lobbyOrigin!).toString();
  });
  afterAll(async () => {
    await lobbyHost?.close();
    s.close();
  });

  const get = (p: string, headers?: Record<string, string>) => request(lobbyHost!.port, { path: p, headers });

  it('serves the card’s link: the page under its CSP, its script, the fonts, and the masked wall', async () => {
    const url = new URL(link);
    const page = await get(url.pathname + url.search);
    expect(page.status).toBe(200);
    expect(page.body).toContain('心愿墙');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await get('/assets/lobby-abc.js')).status).toBe(200);
    const font = await request(lobbyHost!.port, { method: 'HEAD', path: '/fonts/NotoSansSC-Regular.ttf' });
    expect(font.status).toBe(200);
    expect(Number(font.headers['content-length'])).toBeGreaterThan(1_000_000);
    const wall = await get(`/lobby/wall.json?t=${token}`);
    expect(wall.status).toBe(200);
    expect(wall.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(wall.body).value.cards).toEqual([expect.objectContaining({ title: '一台轮椅', beneficiaryMasked: '张*华' })]);
    for (const secret of ['张建华', '11010519491231002X', '13800138000', '三楼']) expect(wall.body).not.toContain(secret);
    expect((await get('/lobby/wall.json')).status).toBe(401);
  });

  it('answers nothing but the hall screen: no API under any token, no launch, no counter page, no other files', async () => {
    for (const name of CALL_NAMES) {
      const r = await request(lobbyHost!.port, { method: 'POST', path: `/api/${name}?t=${token}`, headers: { origin: lobbyHost!.origin, 'content-type': 'application/json', 'x-lobby-token': token }, body: '{}' });
      expect(r.status, name).toBe(404);
      expect(r.body, name).not.toContain('"ok"');
    }
    for (const p of ['/', '/index.html', '/launch', '/lobby.html', '/assets/../index.html', '/assets/%2e%2e/index.html', '/fonts/OFL-NotoSansSC.txt', '/fonts/../README.md']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).not.toContain('柜台');
    }
    expect((await request(lobbyHost!.port, { method: 'POST', path: '/launch', headers: { origin: lobbyHost!.origin, 'content-type': 'application/json' }, body: '{"code":"x"}' })).status).toBe(404);
  });

  it('refuses a foreign Host (DNS rebinding) and is not reachable on the PC’s other addresses', async () => {
    const r = await get(`/lobby/wall.json?t=${token}`, { host: `evil.example:${lobbyHost!.port}` });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('一台轮椅');
    expect((await get(`/lobby/wall.json?t=${token}`, { host: `localhost:${lobbyHost!.port}` })).status).toBe(200);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal);
    for (const a of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const sock = net.connect({ host: a.address, port: lobbyHost!.port }, () => {
          sock.destroy();
          resolve(true);
        });
        sock.on('error', () => resolve(false));
      });
      expect(reached, a.address).toBe(false);
    }
  });

  it('stops answering a link as soon as it is revoked', async () => {
    const other = await s.client['wishes.lobbyCreate']({ label: '二楼走廊' });
    expect((await get(`/lobby/wall.json?t=${other.token}`)).status).toBe(200);
    await s.client['wishes.lobbyRevoke']({ id: other.link.id });
    expect((await get(`/lobby/wall.json?t=${other.token}`)).status).toBe(401);
  });

  it('takes the port it used last time, and a free one when another program holds it', async () => {
    const again = await startLobbyHost({ lobby: s.calls.lobby, staticDir, port: await freePort() });
    const port = again.port;
    await again.close();
    const restarted = await startLobbyHost({ lobby: s.calls.lobby, staticDir, port });
    expect(restarted.port).toBe(port);
    // the link made before the restart still reads the wall
    expect((await request(port, { path: `/lobby/wall.json?t=${token}` })).status).toBe(200);
    const moved = await startLobbyHost({ lobby: s.calls.lobby, staticDir, port, fallbackPorts: [] });
    expect(moved.asked).toBe(false);
    expect(moved.port).not.toBe(port);
    expect(moved.origin).toBe(`http://127.0.0.1:${moved.port}`);
    expect((await request(moved.port, { path: `/lobby/wall.json?t=${token}` })).status).toBe(200);
    await moved.close();
    await restarted.close();
  });
});

describe('the remembered port', () => {
  const lobby = { wall: () => null };
  /** n ports nothing listens on right now, all different */
  async function freePorts(n: number): Promise<number[]> {
    const held = await Promise.all(
      Array.from({ length: n }, async () => {
        const srv = net.createServer();
        await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
        return srv;
      }),
    );
    const ports = held.map((srv) => (srv.address() as net.AddressInfo).port);
    await Promise.all(held.map((srv) => new Promise<void>((resolve) => srv.close(() => resolve()))));
    return ports;
  }

  it('starts on the port kept in the settings, then the next of the range, and reads a damaged setting as none', async () => {
    const staticDir = tempDir('sd-static-');
    const store = memoryStore();
    const [port, next, first3] = await freePorts(3);
    const fallbackPorts = [first3!, next!];
    store.set(LOBBY_PORT_KEY, port);
    const first = await startRememberedLobbyHost(store, { lobby, staticDir, fallbackPorts });
    expect(first?.port).toBe(port);
    // that port is now held: the next start takes the first free one of the range and remembers it
    const second = await startRememberedLobbyHost(store, { lobby, staticDir, fallbackPorts });
    expect(second?.port).toBe(first3);
    expect(store.get(LOBBY_PORT_KEY)).toBe(first3);
    const third = await startRememberedLobbyHost(store, { lobby, staticDir, fallbackPorts });
    expect(third?.port).toBe(next);
    expect(store.get(LOBBY_PORT_KEY)).toBe(next);
    await third?.close();
    await second?.close();
    // a damaged setting: the range from its start
    store.set(LOBBY_PORT_KEY, 'x');
    const fourth = await startRememberedLobbyHost(store, { lobby, staticDir, fallbackPorts });
    expect(fourth?.port).toBe(first3);
    expect(store.get(LOBBY_PORT_KEY)).toBe(first3);
    expect((await request(fourth!.port, { path: '/lobby/wall.json?t=lobby_x' })).status).toBe(401);
    await fourth?.close();
    await first?.close();
  });

  it('does not remember a port the system chose when the whole range was taken', async () => {
    const staticDir = tempDir('sd-static-');
    const store = memoryStore();
    const [port] = await freePorts(1);
    const holder = await startLobbyHost({ lobby, staticDir, port: port!, fallbackPorts: [] });
    store.set(LOBBY_PORT_KEY, port);
    const host = await startRememberedLobbyHost(store, { lobby, staticDir, fallbackPorts: [port!] });
    expect(host).not.toBeNull();
    expect(host!.asked).toBe(false);
    expect(host!.port).not.toBe(port);
    // the hall screen still works on it this time, and the next start asks for the old port again
    expect((await request(host!.port, { path: '/lobby/wall.json?t=lobby_x' })).status).toBe(401);
    expect(store.get(LOBBY_PORT_KEY)).toBe(port);
    await host!.close();
    await holder.close();
  });

  it('keeps its host when the settings cannot be written', async () => {
    const staticDir = tempDir('sd-static-');
    const [port] = await freePorts(1);
    const store = { ...memoryStore(), set: () => { throw new Error('EPERM: settings.json'); } };
    const host = await startRememberedLobbyHost(store, { lobby, staticDir, fallbackPorts: [port!] });
    expect(host?.port).toBe(port);
    expect((await request(port!, { path: '/lobby/wall.json?t=lobby_x' })).status).toBe(401);
    await host?.close();
  });
});

describe('listenOnLoopback (both hosts listen through it)', () => {
  it('keeps no listen-time error listener once listening, and logs a later server error instead of throwing it', async () => {
    const server = await listenOnLoopback((_req, res) => res.end('ok'), HOST_LIMITS, 0);
    // one listener: the logging one; the listen promise's rejecter is gone
    expect(server.listenerCount('error')).toBe(1);
    expect(() => server.emit('error', Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).not.toThrow();
    expect(() => server.emit('error', Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).not.toThrow();
    expect((await request((server.address() as net.AddressInfo).port, { path: '/' })).status).toBe(200);
    await closeServer(server);
  });
});
