/**
 * URL, origin and header rules for serving our own page, shared by the Electron
 * protocol handler and the browser-mode host. No electron import here: tests and
 * the host load it in plain Node.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * 'unsafe-inline' for styles only: antd's CSS-in-JS writes <style> tags at run time.
 * Scripts never get inline or eval. frame-src blob: lets a PDF preview sit in an iframe.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Unknown types are served as opaque bytes so the browser never sniffs them into script or HTML. */
export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Node leaves a custom scheme's host as typed; Chromium lowercases standard schemes.
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed;
}

/** Only our own page may be navigated to; everything else (http:, file:, other hosts) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return parseAppUrl(url) !== null;
}

/**
 * An IPC call is honoured only from a frame showing our page. A frame that navigated
 * elsewhere (or a blob:/data: subframe) must not reach the database.
 */
export function isTrustedSenderUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}

// "..", ".%2e", "%2e%2e" ... as a whole path segment, before any URL parser folds them away.
const DOT_DOT_SEGMENT = /(?:^|[/\\])(?:\.|%2e){2}(?:[/\\]|$)/i;

/**
 * Maps a URL path ("/assets/a.js", still percent-encoded) to a file under rootDir, or null
 * when it tries to leave rootDir or is malformed. "/" (or "") means index.html.
 */
export function resolveUnderRoot(rootDir: string, urlPath: string): string | null {
  if (DOT_DOT_SEGMENT.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/')) return null;
  const segments = decoded.slice(1).split('/');
  // Empty segments ("//etc"), dot segments from an encoded slash ("..%2f"), and drive or
  // stream names ("C:") have no place in a link to our own assets.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes(':'))) return null;

  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...segments);
  return full.startsWith(root + path.sep) ? full : null;
}

/**
 * Maps app://station/<path> to a file under rootDir, or null when the request is not for
 * our origin or tries to leave rootDir. The URL parser would silently fold "../" back inside
 * the root; such a request is an attack, not a link our page makes, so it is refused outright.
 */
export function resolveAppUrl(rootDir: string, requestUrl: string): string | null {
  const url = parseAppUrl(requestUrl);
  if (!url) return null;
  const rawPath = (requestUrl.split(/[?#]/, 1)[0] ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\]*/i, '');
  if (DOT_DOT_SEGMENT.test(rawPath)) return null;
  return resolveUnderRoot(rootDir, url.pathname);
}
