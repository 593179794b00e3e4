/**
 * The hall screen's own host. The desktop window (Electron mode) needs it: its page lives on
 * app://station and so has no address a second monitor's browser could open. Browser mode
 * starts it too, because its own host takes a new random port at each start and a screen's
 * link would break with it. On 127.0.0.1 only, it answers what the lobby page needs and nothing else: the page (/lobby/), its built
 * scripts and styles (/assets/), the screen fonts (/fonts/) and GET /lobby/wall.json with a
 * lobby token (main/host/lobby.ts). There is no /api/, no launch code, no session and no
 * cookie: the clerk's calls stay on Electron's IPC.
 *
 * It keeps its port from one start to the next (the caller remembers it), so a link opened on
 * the hall screen still works after the counter PC restarts. A port some other program took in
 * the meantime gives way to the next of a small fixed range (17890-17899), and only when all of
 * those are taken to whatever port the system hands out; the card then shows the new address.
 * Such a system port is not remembered: after a reboot it is as likely as not taken by an
 * outgoing connection or, on Windows, reserved (Hyper-V, WinNAT), and the range is tried again.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultFontsDir, FONT_ROUTE } from '../font-files';
import { handleLobby, type LobbyReader } from './lobby';
import { closeServer, HOST_LIMITS, isLoopbackHost, listenOnLoopback, type HostLimits } from './server';
import { sendStatic } from './static';
import { errorText, log } from '../log';
import type { KeyValueStore } from '../settings-store';

/** the ports the hall screen's host asks for, in order, after the one it used last time */
export const LOBBY_PORTS: readonly number[] = Array.from({ length: 10 }, (_, i) => 17_890 + i);
/** the port asked for first, when none has been used before */
export const DEFAULT_LOBBY_PORT = LOBBY_PORTS[0]!;

/** a hall screen or two, each with a few connections; nothing here needs more */
const LOBBY_LIMITS: HostLimits = { ...HOST_LIMITS, maxConnections: 64 };

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

export interface LobbyHostOptions {
  lobby: LobbyReader;
  /** the built renderer (dist/renderer), which holds lobby.html and assets/ */
  staticDir: string;
  /** resources/fonts; found by itself when not given */
  fontsDir?: string;
  /** the port to ask for first (the one used last time); 0 or none: whatever port is free */
  port?: number;
  /** asked for next, in order, when that port is taken (LOBBY_PORTS; tests give their own) */
  fallbackPorts?: readonly number[];
  limits?: Partial<HostLimits>;
}

export interface LobbyHost {
  /** http://127.0.0.1:<port>, what the card puts in front of a link's path */
  origin: string;
  port: number;
  /** false when every port asked for was taken and the system chose this one */
  asked: boolean;
  close(): Promise<void>;
}

const ASSETS_ROUTE = '/assets/';

export async function startLobbyHost(opts: LobbyHostOptions): Promise<LobbyHost> {
  const dirs = { staticDir: opts.staticDir, fontsDir: opts.fontsDir ?? defaultFontsDir() };
  const limits = { ...LOBBY_LIMITS, ...opts.limits };
  let port = 0;

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!isLoopbackHost(req.headers.host, port)) {
      res.writeHead(421, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('拒绝访问：主机名不正确');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      res.writeHead(400, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('请求地址无效');
      return;
    }
    if (handleLobby(req, res, url, { lobby: opts.lobby, staticDir: opts.staticDir })) return;
    const p = url.pathname;
    if ((req.method === 'GET' || req.method === 'HEAD') && (p.startsWith(ASSETS_ROUTE) || p.startsWith(FONT_ROUTE))) {
      sendStatic(req, res, p, dirs, HEADERS);
      return;
    }
    // the counter's page, its API and its launch route live elsewhere: here they do not exist
    res.writeHead(404, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('未找到：这里只提供大厅显示屏');
  }

  const wanted = opts.port ?? 0;
  const ports = wanted > 0 ? [wanted, ...(opts.fallbackPorts ?? LOBBY_PORTS).filter((p) => p !== wanted)] : [];
  let server: http.Server | null = null;
  for (const asked of ports) {
    try {
      server = await listenOnLoopback(route, limits, asked);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err;
      log.warn('lobby port taken, trying another', { code, port: asked });
    }
  }
  const asked = server !== null;
  server ??= await listenOnLoopback(route, limits, 0);
  const listening = server;
  port = (listening.address() as AddressInfo).port;
  return { origin: `http://127.0.0.1:${port}`, port, asked, close: () => closeServer(listening) };
}

/** where the port used last time is kept, in the station's machine settings */
export const LOBBY_PORT_KEY = 'lobby.port';

/**
 * The host on the port it used last time (first DEFAULT_LOBBY_PORT), remembered for the next
 * start when it is one of those asked for. Null when it cannot start at all: the counter works
 * without it, and the 微心愿 card says the hall screen is unavailable.
 */
export async function startRememberedLobbyHost(store: KeyValueStore, opts: Omit<LobbyHostOptions, 'port'>): Promise<LobbyHost | null> {
  let host: LobbyHost;
  let remembered: number | null = null;
  try {
    const kept = store.get(LOBBY_PORT_KEY);
    if (typeof kept === 'number' && Number.isInteger(kept) && kept > 0 && kept < 65_536) remembered = kept;
    host = await startLobbyHost({ ...opts, port: remembered ?? (opts.fallbackPorts ?? LOBBY_PORTS)[0] ?? 0 });
  } catch (err) {
    log.error('lobby host failed', { error: errorText(err) });
    return null;
  }
  // a settings file that cannot be written costs the next start its port, not this one its host
  try {
    if (host.asked && host.port !== remembered) store.set(LOBBY_PORT_KEY, host.port);
  } catch (err) {
    log.warn('lobby port not remembered', { error: errorText(err) });
  }
  return host;
}
