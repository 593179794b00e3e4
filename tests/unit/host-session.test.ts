/** issue 8 item 5 as plain functions: launch codes, the session cookie, the CLI and the browser's command line. */
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookieValue, createBrowserSessions, DEFAULT_LAUNCH_TTL_MS } from '../../main/host/session';
import { appModeArgs, mayOpenBrowser } from '../../main/host/browser';
import { parseCliArgs, USAGE } from '../../main/host/cli-args';
import { isJsonContentType } from '../../main/host/server';

const req = (headers: http.IncomingHttpHeaders) => ({ headers }) as http.IncomingMessage;
const cookieOf = (setCookie: string) => setCookie.split(';', 1)[0]!;

describe('browser sessions', () => {
  it('a code works once, within its time, and a cookie only from the latest exchange', () => {
    let t = 1_000_000;
    const s = createBrowserSessions({ port: () => 4321, now: () => t });
    const code = s.issueLaunchCode();
    expect(code).toMatch(/^[\w-]{43}$/);
    const set = s.exchange(code)!;
    expect(set).toMatch(/^stationdesk_4321=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(s.exchange(code)).toBeNull();
    expect(s.authenticates(req({ cookie: `other=1; ${cookieOf(set)}` }))).toBe(true);
    expect(s.authenticates(req({}))).toBe(false);

    const late = s.issueLaunchCode();
    t += DEFAULT_LAUNCH_TTL_MS;
    expect(s.exchange(late)).toBeNull();

    const next = s.exchange(s.issueLaunchCode())!;
    expect(s.authenticates(req({ cookie: cookieOf(next) }))).toBe(true);
    expect(s.authenticates(req({ cookie: cookieOf(set) }))).toBe(false);
  });

  it('has no script token unless asked, and never takes the header without one', () => {
    const s = createBrowserSessions({ port: () => 1 });
    expect(s.scriptToken).toBeNull();
    expect(s.authenticates(req({ 'x-station-token': '' }))).toBe(false);
    expect(s.authenticates(req({ 'x-station-token': 'null' }))).toBe(false);
    const t = createBrowserSessions({ port: () => 1, scriptToken: true });
    expect(t.authenticates(req({ 'x-station-token': t.scriptToken! }))).toBe(true);
  });

  it('keeps only a few unused codes', () => {
    const s = createBrowserSessions({ port: () => 1 });
    const first = s.issueLaunchCode();
    for (let i = 0; i < 100; i++) s.issueLaunchCode();
    expect(s.exchange(first)).toBeNull();
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; stationdesk_9=xyz; b=2', 'stationdesk_9')).toBe('xyz');
    expect(cookieValue('stationdesk_90=xyz', 'stationdesk_9')).toBeNull();
    expect(cookieValue(undefined, 'a')).toBeNull();
  });
});

describe('exactly application/json', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;charset="UTF-8"'])('accepts %s', (t) => expect(isJsonContentType(t)).toBe(true));
  it.each(['', 'text/plain', 'application/jsonp', 'application/json-seq', 'application/json; charset=gbk', 'application/json; boundary=x', 'text/json', 'application/x-www-form-urlencoded'])(
    'refuses %s',
    (t) => expect(isJsonContentType(t)).toBe(false),
  );
});

describe('browser-mode command line', () => {
  it('prints the token only when asked', () => {
    expect(parseCliArgs([], {})).toMatchObject({ kind: 'run', printToken: false });
    expect(parseCliArgs(['--print-token'], {})).toMatchObject({ kind: 'run', printToken: true });
    expect(USAGE).toContain('--print-token');
  });

  it('opens the browser without --no-sandbox, and not at all as root', () => {
    const args = appModeArgs('http://127.0.0.1:5000/#launch=abc', '/data/browser-profile');
    expect(args).toContain('--app=http://127.0.0.1:5000/#launch=abc');
    expect(args.join(' ')).not.toContain('sandbox');
    expect(mayOpenBrowser(0)).toBe(false);
    expect(mayOpenBrowser(1000)).toBe(true);
  });
});
