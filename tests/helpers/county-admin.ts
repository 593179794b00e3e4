/** A county staff member's browser, as fetch: the session cookie kept, the CSRF header sent on changes. */
import { ADMIN_PREFIX, AdminSession, CSRF_HEADER } from '../../common/county/admin';
import type { RunningCounty } from './county';

export interface AdminAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export function adminClient(county: RunningCounty) {
  let cookie = '';
  let csrf = '';
  async function req<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, opts: { body?: unknown; csrf?: string | null; headers?: Record<string, string> } = {}): Promise<AdminAnswer<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (cookie) headers.cookie = cookie;
    const token = opts.csrf === undefined ? csrf : opts.csrf;
    if (token && method !== 'GET') headers[CSRF_HEADER] = token;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${county.url}${ADMIN_PREFIX}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      cookie = pair!.endsWith('=') ? '' : pair!;
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (a 204): left as text
    }
    return { status: res.status, headers: res.headers, body: body as T, text };
  }
  return {
    req,
    get cookie() {
      return cookie;
    },
    async signIn(login: string, password: string) {
      const res = await req('POST', '/session', { body: { login, password } });
      if (res.status === 200) csrf = AdminSession.parse(res.body).csrf;
      return res;
    },
  };
}

/** An admin account on this county and a client signed in with it. */
export async function signedInAdmin(county: RunningCounty, login = 'wang', name = '王科长') {
  const admin = await county.store.createAdmin(login, name);
  const client = adminClient(county);
  const res = await client.signIn(admin.login, admin.password);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return { client, admin };
}
