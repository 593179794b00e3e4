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
 * the hall screen still works after the counter PC restarts; a port some other program took in
 * the meantime gives way to a free one, and the card then shows the new address.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultFontsDir, FONT_ROUTE } from '../font-files';
import { handleLobby, type LobbyReader } from './lobby';
import { closeServer, HOST_LIMITS, isLoopbackHost, listenOnLoopback, type HostLimits } from './server';
import { sendStatic } from './static';
import { errorText, log } from '../log';
import type { KeyValueStore } from '../settings-store';

/** the port the hall screen's host asks for first, when none has been used before */
export const DEFAULT_LOBBY_PORT = 17_890;

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
  /** the port to ask for first (the one used last time); when taken, or 0, a free one */
  port?: number;
  limits?: Partial<HostLimits>;
}

export interface LobbyHost {
  /** http://127.0.0.1:<port>, what the card puts in front of a link's path */
  origin: string;
  port: number;
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
  let server: http.Server;
  try {
    server = await listenOnLoopback(route, limits, wanted);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (wanted === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw err;
    log.warn('lobby port taken, using another', { code });
    server = await listenOnLoopback(route, limits, 0);
  }
  port = (server.address() as AddressInfo).port;
  return { origin: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

/** where the port used last time is kept, in the station's machine settings */
export const LOBBY_PORT_KEY = 'lobby.port';

/**
 * The host on the port it used last time (first DEFAULT_LOBBY_PORT), remembered for the next
 * start. Null when it cannot start at all: the counter works without it, and the 微心愿 card
 * says the hall screen is unavailable.
 */
export async function startRememberedLobbyHost(store: KeyValueStore, opts: Omit<LobbyHostOptions, 'port'>): Promise<LobbyHost | null> {
  try {
    const remembered = store.get(LOBBY_PORT_KEY);
    const port = typeof remembered === 'number' && Number.isInteger(remembered) && remembered > 0 && remembered < 65_536 ? remembered : DEFAULT_LOBBY_PORT;
    const host = await startLobbyHost({ ...opts, port });
    if (host.port !== remembered) store.set(LOBBY_PORT_KEY, host.port);
    return host;
  } catch (err) {
    log.error('lobby host failed', { error: errorText(err) });
    return null;
  }
}
