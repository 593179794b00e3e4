/**
 * Who may call the browser-mode host (issue 8 item 5). The browser is handed a one-time
 * launch code (short-lived, single use), never the session itself: the code may be seen on
 * the browser's command line, but by the time anyone reads it there the page has already
 * exchanged it (POST /session/launch) for an HttpOnly, SameSite=Strict cookie that no script
 * and no other browser sees. Each exchange starts a new browser session and ends the one
 * before, so one browser at a time holds the counter: a second browser has no cookie, and a
 * reused or stale code is refused.
 *
 * A bearer token for scripts (the `x-station-token` header) exists only when the operator
 * asks for it (`--print-token`); otherwise nothing long-lived is ever printed or passed on.
 *
 * Other routes with credentials of their own (the lobby screen's read-only token,
 * main/host/lobby.ts) sit beside this one in server.ts; this module knows only the counter.
 */
import type http from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_HEADER } from '../../common/contract';

/** Where the page trades its launch code for the session cookie. */
export const LAUNCH_PATH = '/session/launch';
/** The fragment key the launch code travels under (fragments never reach a server or a Referer). */
export const LAUNCH_PARAM = 'launch';
export const DEFAULT_LAUNCH_TTL_MS = 2 * 60_000;
/** Codes not yet used; more are never needed, and a runaway caller cannot grow the table. */
const MAX_PENDING_CODES = 16;

export interface BrowserSessionOptions {
  /** the host's port (known once it listens): the cookie's name carries it, so two stations on one PC never share one */
  port: () => number;
  launchTtlMs?: number;
  /** accept `x-station-token: <token>` as well (scripts, benches); absent: no token exists */
  scriptToken?: boolean;
  now?: () => number;
}

export interface BrowserSessions {
  readonly cookieName: string;
  /** the script token, or null when none was asked for */
  readonly scriptToken: string | null;
  /** a fresh one-time launch code */
  issueLaunchCode(): string;
  /** trades a code for a new session (ending any earlier one): the Set-Cookie value, or null when the code is unknown, used or expired */
  exchange(code: string): string | null;
  /** whether the request carries the live session cookie (or the script token, when one exists) */
  authenticates(req: http.IncomingMessage): boolean;
}

const random = () => randomBytes(32).toString('base64url');
// Compared as digests, so neither the length nor a prefix of a secret leaks through timing.
const digest = (s: string) => createHash('sha256').update(s).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function createBrowserSessions(opts: BrowserSessionOptions): BrowserSessions {
  const now = opts.now ?? Date.now;
  const ttl = opts.launchTtlMs ?? DEFAULT_LAUNCH_TTL_MS;
  const cookieName = () => `stationdesk_${opts.port()}`;
  const scriptToken = opts.scriptToken ? random() : null;
  const pending = new Map<string, number>(); // code → expires at
  let session: string | null = null;

  function sweep(): void {
    const t = now();
    for (const [code, expires] of pending) if (expires <= t) pending.delete(code);
  }

  return {
    get cookieName() {
      return cookieName();
    },
    scriptToken,
    issueLaunchCode() {
      sweep();
      while (pending.size >= MAX_PENDING_CODES) pending.delete(pending.keys().next().value!);
      const code = random();
      pending.set(code, now() + ttl);
      return code;
    },
    exchange(code) {
      sweep();
      const match = [...pending.keys()].find((c) => same(c, code));
      if (!match) return null;
      pending.delete(match);
      session = random();
      // No Max-Age: the cookie ends with the browser; no Secure: plain http on loopback.
      return `${cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
    authenticates(req) {
      const fromCookie = cookieValue(req.headers.cookie, cookieName());
      if (session !== null && fromCookie !== null && same(fromCookie, session)) return true;
      const header = req.headers[TOKEN_HEADER];
      const given = Array.isArray(header) ? header[0] : header;
      return scriptToken !== null && given !== undefined && same(given, scriptToken);
    },
  };
}
