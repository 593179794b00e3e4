/**
 * A Node client of the browser-mode host, as documented in docs/browser-mode.md: it takes
 * the launch URL the host prints (STATIONDESK_URL=…#launch=<one-time code>), exchanges the
 * code once at POST /session/launch for the session cookie, then sends that cookie and the
 * host's own Origin with every POST /api/<call>. Keep-alive sockets, no cap on their number.
 */
import http from 'node:http';

export interface HostClient {
  origin: string;
  call(name: string, input: unknown): Promise<{ status: number; body: unknown }>;
  close(): void;
}

function post(agent: http.Agent, origin: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const u = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: 'POST', path, agent, headers: { origin, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function connectHost(launchUrl: string): Promise<HostClient> {
  const u = new URL(launchUrl);
  const origin = u.origin;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const code = new URLSearchParams(u.hash.slice(1)).get('launch');
  if (!code) throw new Error('launch URL without a launch code');
  const r = await post(agent, origin, '/session/launch', {}, JSON.stringify({ code }));
  const setCookie = r.headers['set-cookie']?.[0];
  if (r.status !== 200 || !setCookie) throw new Error(`launch code refused: ${r.status} ${r.text}`);
  const cookie = setCookie.split(';', 1)[0]!;
  return {
    origin,
    async call(name, input) {
      const res = await post(agent, origin, `/api/${name}`, { cookie }, JSON.stringify(input));
      return { status: res.status, body: JSON.parse(res.text) as unknown };
    },
    close: () => agent.destroy(),
  };
}
