/**
 * The fuzz run against the real browser-mode host (main/host/server.ts) on 127.0.0.1, over
 * HTTP: malformed inputs for every call in every role, privileged calls by every role,
 * token/Origin/Host games, oversized and slow bodies, path traversal, concurrent searches.
 * Shared by bench/fuzz.ts (time-bounded) and tests/integration/fuzz-held.test.ts (count-bounded).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startHost, type Host } from '../../../main/host/server';
import { CALL_NAMES, specOf, TOKEN_HEADER, type CallName } from '../../../common/contract';
import { browserHeaders } from '../host-session';
import { can, ROLES, type Role } from '../../../common/roles';
import { openTestStation, tempDir, STATION, ADMIN } from '../station';
import { addStaff } from '../staff';
import { sample, type Rng } from '../zod-walk';
import { malformedBody, MUTATIONS } from './inputs';
import { checkDbFile, type DbCheck } from './db-check';
import { request, type Reply } from '../http';

export const SECRET = 'FUZZ-SECRET-7f3a9c';

export type { Reply };

export interface HostFigures {
  inputs: number;
  crashes: number;
  internalErrors: number;
  /** a stack trace, a file path or an exception name in an answer */
  leakyAnswers: number;
  privilegedTried: number;
  privilegeEscapes: number;
  gamesTried: number;
  gamesPassed: number;
  oversizedNotRefused: number;
  slowBodyStalls: number;
  traversalTried: number;
  traversalLeaks: number;
  concurrentSearches: number;
  concurrentSearchFailures: number;
  concurrentSearchP95Ms: number;
  prototypePolluted: number;
  db: DbCheck | null;
  /** call → mutation → count, for INTERNAL answers: where to look */
  problems: string[];
}

export interface Role_ {
  role: Role | null;
  login?: string;
  password?: string;
}

/**
 * How the fuzz client proves it is the browser that opened the page: the ONE place that knows
 * (a one-time launch code traded for the HttpOnly session cookie, as the page does: docs/browser-mode.md).
 */
export async function authenticate(host: Host): Promise<Record<string, string>> {
  return browserHeaders(host);
}

export { request };

const LEAK = /\n\s+at [^\n]+[(:]\d+|node_modules|\.ts:\d+|SqliteError|TypeError|RangeError|ZodError/;

export interface FuzzHost {
  host: Host;
  headers: Record<string, string>;
  roles: Role_[];
  dbPath: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A set-up station behind the real host: an administrator, a 站长 and a 窗口人员, a few residents, a static folder with a secret beside it. */
export async function startFuzzHost(): Promise<FuzzHost> {
  // resources from the working folder: bundled into bench/out, main's own guess would miss them
  const s = await openTestStation({ resourcesDir: path.resolve('resources') });
  await s.client['setup.init']({ station: STATION, admin: ADMIN });
  const head = { name: '李站长', login: 'head1', role: 'head' as const, password: 'HeadPass2026' };
  const clerk = { name: '赵窗口', login: 'clerk1', role: 'clerk' as const, password: 'ClerkPass2026' };
  await addStaff(s.client, head);
  await addStaff(s.client, clerk);
  for (const [name, id] of [['张堃', '11010519491231002X'], ['王𪚥', '130102195001011110'], ['刘秀英', '130102194110022421']] as const) {
    await s.client['residents.create']({ name, idNumber: id }).catch(() => undefined);
  }
  const staticDir = path.join(tempDir('sd-fuzz-static-'), 'www');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(s.dataDir, 'secret.txt'), SECRET);
  const host = await startHost({ station: s.calls, staticDir, fontsDir: path.resolve('resources/fonts') });
  const headers = await authenticate(host);
  return {
    host,
    headers,
    roles: [{ role: 'admin', login: ADMIN.login, password: ADMIN.password }, { role: 'head', login: head.login, password: head.password }, { role: 'clerk', login: clerk.login, password: clerk.password }, { role: null }],
    dbPath: s.dbPath,
    dataDir: s.dataDir,
    close: async () => {
      await host.close();
      s.close();
    },
  };
}

export interface HostRunOptions {
  r: Rng;
  /** malformed inputs per call and role (count-bounded), or until `deadline` (time-bounded) */
  perCall?: number;
  deadline?: number;
  concurrentSearches?: number;
  log?: (s: string) => void;
}

export async function fuzzHost(fh: FuzzHost, opts: HostRunOptions): Promise<HostFigures> {
  const { host, headers } = fh;
  const { r } = opts;
  const f: HostFigures = {
    inputs: 0, crashes: 0, internalErrors: 0, leakyAnswers: 0, privilegedTried: 0, privilegeEscapes: 0, gamesTried: 0, gamesPassed: 0, oversizedNotRefused: 0,
    slowBodyStalls: 0, traversalTried: 0, traversalLeaks: 0, concurrentSearches: 0, concurrentSearchFailures: 0, concurrentSearchP95Ms: 0, prototypePolluted: 0, db: null, problems: [],
  };
  const problem = (s: string) => {
    if (f.problems.length < 50) f.problems.push(s);
    opts.log?.(`problem: ${s}`);
  };

  /** sends one body; counts it; an answer that never comes (or the host gone) is a crash */
  async function send(name: string, body: string, h = headers): Promise<{ status: number; env: { ok: boolean; error?: { code: string } } | null; body: string } | null> {
    f.inputs++;
    try {
      const rep = await request(host.port, { method: 'POST', path: `/api/${name}`, headers: h, body });
      if (LEAK.test(rep.body)) {
        f.leakyAnswers++;
        problem(`${name}: answer shows internals: ${rep.body.slice(0, 200)}`);
      }
      let env = null;
      try {
        env = JSON.parse(rep.body) as { ok: boolean; error?: { code: string } };
      } catch {
        /* a non-JSON answer is judged by its status */
      }
      if (rep.status >= 500 || env?.error?.code === 'INTERNAL') {
        f.internalErrors++;
        problem(`${name}: INTERNAL for ${body.slice(0, 120)}`);
      }
      return { status: rep.status, env, body: rep.body };
    } catch (err) {
      const alive = await request(host.port, { method: 'POST', path: '/api/app.info', headers, body: '{}', timeoutMs: 10_000 }).then(
        () => true,
        () => false,
      );
      if (!alive) f.crashes++;
      problem(`${name}: no answer (${(err as Error).message})${alive ? '' : ' and the host is gone'}`);
      return null;
    }
  }

  const sessionRole = async (): Promise<Role | null> => {
    const rep = await request(host.port, { method: 'POST', path: '/api/auth.session', headers, body: '{}' });
    const env = JSON.parse(rep.body) as { ok: boolean; value?: { staff: { role: Role; mustChangePassword: boolean } } | null };
    return env.value?.staff.role ?? null;
  };
  async function becomes(who: Role_): Promise<boolean> {
    if ((await sessionRole()) === who.role) return true;
    await request(host.port, { method: 'POST', path: '/api/auth.signOut', headers, body: '{}' });
    if (who.role === null) return true;
    const rep = await request(host.port, { method: 'POST', path: '/api/auth.signIn', headers, body: JSON.stringify({ login: who.login, password: who.password }) });
    return (JSON.parse(rep.body) as { ok: boolean }).ok;
  }
  const SESSION_CALLS = new Set(['auth.signIn', 'auth.signOut', 'auth.changePassword', 'setup.init', 'staff.update', 'staff.resetPassword']);
  const timeLeft = () => !opts.deadline || Date.now() < opts.deadline;

  // --- privileged calls by every role: refused, never answered with a value
  for (const who of fh.roles) {
    if (!(await becomes(who))) {
      problem(`cannot sign in as ${who.role}`);
    }
    for (const name of CALL_NAMES) {
      const access = specOf(name).access;
      const allowed = access === 'public' || (access === 'signedIn' ? who.role !== null : can(who.role, access));
      if (allowed) continue;
      f.privilegedTried++;
      const rep = await send(name, JSON.stringify(sample(specOf(name).input, r) ?? {}));
      if (rep && (rep.env?.ok || rep.env?.error?.code !== 'FORBIDDEN')) {
        f.privilegeEscapes++;
        problem(`${who.role ?? 'signed out'} → ${name}: ${rep.body.slice(0, 160)}`);
      }
      if (SESSION_CALLS.has(name)) await becomes(who);
    }
  }

  // --- token, Origin and Host games: each must be refused
  await becomes(fh.roles[0]!);
  const { cookie, ...noToken } = headers;
  const [cookieName, session] = cookie!.split('=', 2) as [string, string];
  const withSession = (v: string) => ({ ...noToken, cookie: `${cookieName}=${v}` });
  const games: [string, Record<string, string>, string?][] = [
    ['no session cookie', noToken],
    ['empty session cookie', withSession('')],
    ['session one character off', withSession(session.slice(0, -1) + (session.endsWith('A') ? 'B' : 'A'))],
    ['session upper-cased', withSession(session.toUpperCase() === session ? session.toLowerCase() : session.toUpperCase())],
    ['session doubled', withSession(session + session)],
    ['session with a character more', withSession(`${session}=`)],
    ['session under another cookie name', { ...noToken, cookie: `stationdesk=${session}` }],
    ['session in the query only', noToken, `?session=${session}`],
    ['session as the script token header', { ...noToken, [TOKEN_HEADER]: session }],
    ['session as bearer only', { ...noToken, authorization: `Bearer ${session}` }],
    ['foreign Origin', { ...headers, origin: 'http://evil.example' }],
    ['Origin null', { ...headers, origin: 'null' }],
    ['no Origin', (({ origin: _o, ...h }) => h)(headers)],
    ['Origin on another port', { ...headers, origin: `http://127.0.0.1:${host.port + 1}` }],
    ['Origin https', { ...headers, origin: `https://127.0.0.1:${host.port}` }],
    ['Origin with a suffix', { ...headers, origin: `http://127.0.0.1:${host.port}.evil.example` }],
    ['foreign Host (DNS rebinding)', { ...headers, host: `evil.example:${host.port}` }],
    ['Host on another port', { ...headers, host: `127.0.0.1:${host.port + 1}` }],
    ['Host with a suffix', { ...headers, host: `127.0.0.1.evil.example:${host.port}` }],
    ['Host 0.0.0.0', { ...headers, host: `0.0.0.0:${host.port}` }],
    ['content-type text/plain', { ...headers, 'content-type': 'text/plain' }],
    ['content-type form', { ...headers, 'content-type': 'application/x-www-form-urlencoded' }],
  ];
  for (const [what, h, query] of games) {
    f.gamesTried++;
    f.inputs++;
    const rep = await request(host.port, { method: 'POST', path: `/api/audit.verify${query ?? ''}`, headers: h, body: '{}' }).catch(() => null);
    if (rep && rep.status === 200) {
      f.gamesPassed++;
      problem(`game passed: ${what}`);
    }
  }
  f.gamesTried++;
  f.inputs++;
  const get = await request(host.port, { method: 'GET', path: '/api/audit.verify', headers });
  if (get.status === 200) {
    f.gamesPassed++;
    problem('game passed: GET on an API path');
  }

  // --- oversized body: refused with 413, the host still answers
  f.inputs++;
  const big = await request(host.port, { method: 'POST', path: '/api/residents.search', headers, body: Buffer.alloc(13 * 1024 * 1024, 0x61) }).catch(() => null);
  if (!big || big.status !== 413) {
    f.oversizedNotRefused++;
    problem(`oversized body: ${big?.status ?? 'no answer'}`);
  }
  f.inputs++;
  const lying = await request(host.port, { method: 'POST', path: '/api/residents.search', headers: { ...headers, 'content-length': String(64 * 1024 * 1024) }, body: '{}', timeoutMs: 5_000 }).catch(() => null);
  if (lying && lying.status === 200) {
    f.oversizedNotRefused++;
    problem('a body declared 64 MB was taken');
  }

  // --- slow bodies: 20 connections trickling, and meanwhile a normal call is answered
  const slow: net.Socket[] = [];
  for (let i = 0; i < 20; i++) {
    const sock = net.connect(host.port, '127.0.0.1');
    sock.on('error', () => undefined);
    sock.write(`POST /api/residents.search HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nCookie: ${cookie}\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"q":"`);
    slow.push(sock);
    f.inputs++;
  }
  const trickle = setInterval(() => slow.forEach((s) => s.write('王')), 50);
  const meanwhile = await request(host.port, { method: 'POST', path: '/api/residents.search', headers, body: JSON.stringify({ q: '张' }), timeoutMs: 10_000 }).catch(() => null);
  if (!meanwhile || meanwhile.status !== 200) {
    f.slowBodyStalls++;
    problem('a call was not answered while slow bodies trickled');
  }
  clearInterval(trickle);
  slow.forEach((s) => s.destroy());

  // --- path traversal: static paths and document ids, 25 variants; the secret never comes back
  const STATIC = [
    '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..\\secret.txt', '/..%5csecret.txt', '/assets/../../secret.txt',
    '/assets/..%2f..%2fsecret.txt', '/%252e%252e%252fsecret.txt', '/.%2e/secret.txt', '/%c0%ae%c0%ae/secret.txt', '/....//secret.txt', '/..;/secret.txt',
    '/index.html/../../secret.txt', '/%2e%2e%5csecret.txt', '/fonts/..%2f..%2f..%2fsecret.txt', '//etc/passwd', '/%2fetc%2fpasswd',
  ];
  const DOCS = ['../secret.txt', '../../secret.txt', '..%2fsecret.txt', '/etc/passwd', 'secret.txt', '..\\..\\secret.txt', '%2e%2e/secret.txt'];
  for (const p of STATIC) {
    f.traversalTried++;
    f.inputs++;
    const rep = await request(host.port, { path: p, headers: { host: headers.host! } }).catch(() => null);
    if (rep && (rep.body.includes(SECRET) || /root:.*:0:0:/.test(rep.body))) {
      f.traversalLeaks++;
      problem(`traversal: ${p}`);
    }
  }
  for (const id of DOCS) {
    f.traversalTried++;
    const rep = await send('documents.get', JSON.stringify({ id }));
    if (rep && (rep.env?.ok || rep.body.includes(SECRET) || rep.body.includes(Buffer.from(SECRET).toString('base64')))) {
      f.traversalLeaks++;
      problem(`document traversal: ${id}`);
    }
  }

  // --- concurrent searches: every one answered
  const n = opts.concurrentSearches ?? 200;
  const times: number[] = [];
  const qs = ['张', '王', 'zk', '1234', '138', '刘秀', '𪚥', 'wang'];
  const answers = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t0 = performance.now();
      const rep = await request(host.port, { method: 'POST', path: '/api/residents.search', headers, body: JSON.stringify({ q: qs[i % qs.length] }) }).catch(() => null);
      times.push(performance.now() - t0);
      return rep && rep.status === 200 && (JSON.parse(rep.body) as { ok: boolean }).ok;
    }),
  );
  f.inputs += n;
  f.concurrentSearches = n;
  f.concurrentSearchFailures = answers.filter((a) => !a).length;
  times.sort((a, b) => a - b);
  f.concurrentSearchP95Ms = times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)] ?? 0;

  // --- malformed inputs over every call and every role
  const calls = [...CALL_NAMES];
  let round = 0;
  outer: while (opts.perCall === undefined ? timeLeft() : round < opts.perCall) {
    for (const [roleIndex, who] of fh.roles.entries()) {
      if (!timeLeft() && opts.perCall === undefined) break outer;
      await becomes(who);
      // the bodies are made in order from the seed; the calls that cannot touch the session go
      // four at a time (as a busy counter would), the others one by one with the session restored
      const batch: { name: string; body: string }[] = [];
      for (const [callIndex, name] of calls.entries()) {
        const kinds = opts.perCall !== undefined ? [MUTATIONS[(round * 7 + callIndex + roleIndex * 3) % MUTATIONS.length]!] : [r.pick(MUTATIONS), r.pick(MUTATIONS), r.pick(MUTATIONS)];
        for (const mutation of kinds) batch.push({ name, body: malformedBody(specOf(name as CallName).input, mutation, r) });
      }
      const parallel = batch.filter((b) => !SESSION_CALLS.has(b.name));
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < parallel.length) {
            const b = parallel[next++]!;
            await send(b.name, b.body);
          }
        }),
      );
      for (const b of batch.filter((x) => SESSION_CALLS.has(x.name))) {
        await send(b.name, b.body);
        await becomes(who);
      }
    }
    round++;
    opts.log?.(`round ${round}: ${f.inputs} inputs, ${f.internalErrors} INTERNAL, ${f.crashes} crashes`);
  }
  // unknown call names and odd paths
  for (const p of ['/api/', '/api/__proto__', '/api/constructor', '/api/toString', '/api/hasOwnProperty', '/api/..%2fapp.info', '/api/app.info/', '/api/app.info%00']) {
    f.inputs++;
    const rep = await request(host.port, { method: 'POST', path: p, headers, body: '{}' }).catch(() => null);
    if (!rep || rep.status >= 500 || rep.body.includes('"INTERNAL"')) {
      f.internalErrors++;
      problem(`path ${p}: ${rep?.status ?? 'no answer'}`);
    }
  }

  // the in-process host shares this process: a polluted prototype would show here
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || probe.isAdmin !== undefined || probe.role !== undefined) f.prototypePolluted++;
  f.db = checkDbFile(fh.dbPath);
  return f;
}

export function dbProblems(c: DbCheck | null): number {
  if (!c) return 1;
  return (c.integrity === 'ok' ? 0 : 1) + (c.auditOk ? 0 : 1) + c.partialWrites + c.duplicateReceipts;
}

export { ROLES };
