/**
 * The hall screen (大厅屏) in browser mode: its page and the one thing its token may read,
 * the public wall. The lobby token is its own random secret (main/services/wishes-lobby.ts),
 * checked here only: it is never the host's per-start token, opens no session, sets no
 * cookie, and the /api/ path refuses it like any other stranger.
 */
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { Wall } from '../../common/contracts/wishes';
import { WISH_CATEGORIES, type WishCategory } from '../../common/wish-status';
import type { Envelope } from '../../common/errors';
import { CONTENT_SECURITY_POLICY } from '../security';

/** What the host needs from the station: the wall for a live lobby token, else null. */
export interface LobbyReader {
  wall(token: string, filter: { category?: WishCategory }): Wall | null;
}

export const LOBBY_PREFIX = '/lobby';
export const LOBBY_TOKEN_HEADER = 'x-lobby-token';

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** True when the path is the lobby's (and the request was answered here). */
export function handleLobby(req: http.IncomingMessage, res: http.ServerResponse, url: URL, opts: { lobby: LobbyReader | undefined; staticDir: string }): boolean {
  const p = url.pathname;
  if (p !== LOBBY_PREFIX && !p.startsWith(`${LOBBY_PREFIX}/`)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...HEADERS, allow: 'GET, HEAD' }).end();
    return true;
  }
  if (p === `${LOBBY_PREFIX}/wall.json`) {
    const header = req.headers[LOBBY_TOKEN_HEADER];
    const token = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('t') ?? '';
    const cat = url.searchParams.get('category');
    const category = cat && (WISH_CATEGORIES as readonly string[]).includes(cat) ? (cat as WishCategory) : undefined;
    const wall = opts.lobby && token ? opts.lobby.wall(token, category ? { category } : {}) : null;
    if (!wall) {
      send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: '大厅屏链接无效或已停用，请在“微心愿 → 大厅屏”中重新生成链接' } });
      return true;
    }
    send(res, 200, { ok: true, value: wall });
    return true;
  }
  if (p === LOBBY_PREFIX || p === `${LOBBY_PREFIX}/` || p === `${LOBBY_PREFIX}/index.html`) {
    const file = path.join(opts.staticDir, 'lobby.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('大厅屏页面尚未构建');
      return true;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { ...HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'content-security-policy': CONTENT_SECURITY_POLICY });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  res.writeHead(404, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
  return true;
}
