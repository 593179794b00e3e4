/**
 * Serves the built county web page (dist/county-web, `npm run build:county-web`) under /admin/.
 * The files are read once at start: a handful of hashed assets, and no path from a request
 * ever reaches the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_BASE = '/admin/';

/** The page's scripts come only from this server; antd writes its styles at run time, hence inline styles. */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** COUNTY_WEB_DIR, else next to the built server (dist/county → dist/county-web), else ./dist/county-web. */
export function findWebRoot(explicit?: string | null): string | null {
  const candidates = [explicit, process.env.COUNTY_WEB_DIR, fileURLToPath(new URL('../county-web', import.meta.url)), path.resolve('dist/county-web')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'index.html'))) return c;
  return null;
}

function readTree(root: string): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const type = TYPES[path.extname(entry.name).toLowerCase()];
        if (type) files.set(path.relative(root, full).split(path.sep).join('/'), { body: fs.readFileSync(full), type });
      }
    }
  };
  walk(root);
  return files;
}

const NOT_BUILT = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>县级管理页面</title><p>县级管理页面尚未构建。请在项目目录运行 <code>npm run build:county-web</code> 后重新启动县级服务。</p></html>';

export async function webStatic(app: FastifyInstance, opts: { webRoot?: string | null }): Promise<void> {
  const root = findWebRoot(opts.webRoot);
  const files = root ? readTree(root) : new Map<string, { body: Buffer; type: string }>();
  const send = (reply: FastifyReply, status: number, type: string, body: Buffer | string) =>
    reply.code(status).header('content-type', type).header('content-security-policy', WEB_CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('x-frame-options', 'DENY').send(body);

  const index = files.get('index.html');
  const serve = async (rel: string, reply: FastifyReply) => {
    const f = files.get(rel);
    if (f) return send(reply, 200, f.type, f.body);
    // a missing asset is a 404; any other path under /admin/ is the page itself (it has one screen per tab, no routes)
    if (rel.startsWith('assets/')) return send(reply, 404, 'text/plain; charset=utf-8', '没有这个文件');
    return index ? send(reply, 200, index.type, index.body) : send(reply, 503, 'text/html; charset=utf-8', NOT_BUILT);
  };

  app.get('/', async (_req, reply) => reply.redirect(WEB_BASE));
  app.get('/admin', async (_req, reply) => reply.redirect(WEB_BASE));
  app.get(`${WEB_BASE}*`, async (req, reply) => serve((req.params as { '*': string })['*'] || 'index.html', reply));
}
