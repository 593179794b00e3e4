/**
 * Serves the built renderer over app://station/ rather than file://, so the page has a
 * real origin (same-origin rules, CSP 'self', ES modules) and can reach only dist/renderer.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeOf, resolveAppUrl } from '../security';

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Files change only with an update; a stale cached bundle after one would mismatch main.
  'Cache-Control': 'no-cache',
};

function notFound(status: number): Response {
  return new Response('未找到', { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    const file = resolveAppUrl(rendererDir, request.url);
    if (!file) return notFound(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound(404);
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...BASE_HEADERS, 'Content-Type': mimeTypeOf(file) },
    });
  });
}
