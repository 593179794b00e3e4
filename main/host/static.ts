/**
 * One file of the built renderer (or one of the screen fonts) over HTTP, for the browser-mode
 * host and the hall screen's own host alike: the same path rules as the app:// protocol, so one
 * place decides what may be served.
 */
import type http from 'node:http';
import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveUnderRoot } from '../security';
import { fontFileFor } from '../font-files';

export interface StaticDirs {
  /** the built renderer (dist/renderer) */
  staticDir: string;
  /** resources/fonts, under /fonts/ */
  fontsDir: string;
}

/** GET or HEAD of urlPath (no query): the file, or 404; HTML is never cached and carries the CSP. */
export function sendStatic(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string, dirs: StaticDirs, headers: Record<string, string>): void {
  const file = fontFileFor(urlPath, dirs.fontsDir) ?? resolveUnderRoot(dirs.staticDir, urlPath);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
    return;
  }
  const body = fs.readFileSync(file);
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    ...headers,
    'content-type': mimeTypeOf(file),
    'content-length': body.length,
    'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
