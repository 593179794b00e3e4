/**
 * How a test (or any Node client) becomes the browser of an in-process browser-mode host:
 * take the one-time code from a launch URL, trade it at POST /session/launch for the session
 * cookie, then send that cookie with the host's own Host and Origin (docs/browser-mode.md).
 */
import type { Host } from '../../main/host/server';
import { LAUNCH_PARAM, LAUNCH_PATH } from '../../main/host/session';

export function launchCodeOf(launchUrl: string): string {
  const code = new URLSearchParams(new URL(launchUrl).hash.slice(1)).get(LAUNCH_PARAM);
  if (!code) throw new Error(`no launch code in ${launchUrl}`);
  return code;
}

export function pageHeaders(host: Pick<Host, 'port'>): Record<string, string> {
  return { host: `127.0.0.1:${host.port}`, origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json' };
}

/** Trades a launch code; answers the response (status, body, the Set-Cookie line). */
export async function exchangeLaunchCode(host: Pick<Host, 'url' | 'port'>, code: string): Promise<{ status: number; body: unknown; setCookie: string | null }> {
  const res = await fetch(new URL(LAUNCH_PATH, host.url), { method: 'POST', headers: pageHeaders(host), body: JSON.stringify({ code }) });
  return { status: res.status, body: await res.json(), setCookie: res.headers.get('set-cookie') };
}

/** Headers of a browser that opened the host through a fresh launch URL (ending any earlier browser's session). */
export async function browserHeaders(host: Pick<Host, 'url' | 'port' | 'newLaunchUrl'>): Promise<Record<string, string>> {
  const r = await exchangeLaunchCode(host, launchCodeOf(host.newLaunchUrl()));
  if (r.status !== 200 || !r.setCookie) throw new Error(`launch refused: ${r.status} ${JSON.stringify(r.body)}`);
  return { ...pageHeaders(host), cookie: r.setCookie.split(';', 1)[0]! };
}
