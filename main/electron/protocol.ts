/**
 * Serves the built renderer over app://station/ rather than file://, so the page has a
 * real origin (same-origin rules, CSP 'self', ES modules) and can reach only dist/renderer.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, protocol } from 'electron';
import { defaultFontsDir, fontFileFor } from '../font-files';
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
  // Packaged, resources sit outside app.asar (electron-builder.yml extraResources).
  const fontsDir = app.isPackaged ? path.join(process.resourcesPath, 'resources', 'fonts') : defaultFontsDir();
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    // Checked as any of our URLs first (origin, no way out of the root); /fonts/ then maps to resources/fonts.
    const safe = resolveAppUrl(rendererDir, request.url);
    const file = safe && (fontFileFor(new URL(request.url).pathname, fontsDir) ?? safe);
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
