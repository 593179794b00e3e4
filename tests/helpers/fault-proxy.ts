/**
 * A small HTTP proxy on 127.0.0.1 in front of the real county server that injects faults
 * the way networks and overloaded servers make them: refused connections, 500s, answers that
 * never come, a connection cut in the middle of the request or of the answer (after the
 * county applied it), a request delivered twice, a batch tampered with, reordered or gapped
 * on the way, and an answer held back until the test lets it go.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

export type ProxyFault = 'down' | '500' | 'hang' | 'cutRequest' | 'cutResponse' | 'duplicate' | 'tamper' | 'reorder' | 'gap' | 'hold';

interface Rule {
  fault: ProxyFault;
  path: string;
  times: number;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    const up = http.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    up.on('error', reject);
    up.end(body);
  });
}

/** Rewrites a push body: one event's payload changed (hash left as sent), two swapped, or the first dropped. */
function rewrite(body: Buffer, gzipped: boolean, fault: 'tamper' | 'reorder' | 'gap'): Buffer {
  const parsed = JSON.parse((gzipped ? gunzipSync(body) : body).toString('utf8')) as { events: Record<string, unknown>[] };
  const ev = parsed.events;
  if (fault === 'tamper' && ev[0]) ev[0].payload = { ...(ev[0].payload as object), tampered: true };
  if (fault === 'reorder' && ev.length > 1) [ev[0], ev[1]] = [ev[1]!, ev[0]!];
  if (fault === 'gap' && ev.length > 1) ev.shift();
  return Buffer.from(JSON.stringify(parsed));
}

export async function startFaultProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  const rules: Rule[] = [];
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  let heldWaiters: (() => void)[] = [];
  let down = false;
  const seen: { path: string; fault: ProxyFault | null }[] = [];

  function take(path: string): ProxyFault | null {
    const i = rules.findIndex((r) => path.startsWith(r.path));
    if (i < 0) return null;
    const r = rules[i]!;
    r.times -= 1;
    if (r.times <= 0) rules.splice(i, 1);
    return r.fault;
  }

  const server = http.createServer((req, res) => {
    if (down) return req.socket.destroy();
    const chunks: Buffer[] = [];
    const path = req.url ?? '/';
    const fault = take(path);
    seen.push({ path, fault });
    if (fault === 'down') return req.socket.destroy();
    if (fault === 'cutRequest') {
      // the station's body stops half way: the county never sees a whole request
      req.once('data', () => req.socket.destroy());
      return;
    }
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let body: Buffer = Buffer.concat(chunks);
        if (fault === 'hang') return; // never answers; the station's timeout ends it
        if (fault === '500') {
          res.writeHead(500, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: { code: 'INTERNAL', message: '县级平台内部错误（测试）' } }));
        }
        if (fault === 'tamper' || fault === 'reorder' || fault === 'gap') {
          const gz = req.headers['content-encoding'] === 'gzip';
          body = rewrite(body, gz, fault);
          delete req.headers['content-encoding'];
        }
        try {
          if (fault === 'duplicate') await forward(target, req, body);
          const up = await forward(target, req, body);
          if (fault === 'hold') {
            await new Promise<void>((release) => {
              held.push(release);
              for (const w of heldWaiters) w();
              heldWaiters = [];
            });
          }
          const headers = { ...up.headers };
          delete headers['transfer-encoding'];
          if (fault === 'cutResponse') {
            // the county applied it; the answer is cut in the middle of its body
            res.writeHead(up.status, { ...headers, 'content-length': String(up.body.length) });
            res.write(up.body.subarray(0, Math.max(1, Math.floor(up.body.length / 2))));
            setTimeout(() => req.socket.destroy(), 20);
            return;
          }
          res.writeHead(up.status, { ...headers, 'content-length': String(up.body.length) });
          res.end(up.body);
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** the next `times` requests whose path starts with `path` get this fault */
    inject(fault: ProxyFault, path = '/v1/', times = 1) {
      rules.push({ fault, path, times });
    },
    /** every connection refused (closed at once) until up() */
    down() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    up() {
      down = false;
    },
    seen,
    /** resolves once an answer is being held back (after the county has applied the request) */
    async whenHeld(): Promise<void> {
      if (held.length > 0) return;
      await new Promise<void>((r) => heldWaiters.push(r));
    },
    releaseAll() {
      for (const r of held.splice(0)) r();
    },
    async close() {
      for (const r of held.splice(0)) r();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
