import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isTrustedSenderUrl,
  mimeTypeOf,
  resolveAppUrl,
  resolveUnderRoot,
} from '../../main/security';
import { BRIDGE_KEY, buildBridge } from '../../common/bridge';
import { CALL_NAMES, channelOf } from '../../common/contract';

const root = path.resolve('/srv/stationdesk/dist/renderer');
const inRoot = (...p: string[]) => path.join(root, ...p);

describe('resolveAppUrl', () => {
  it('maps our own paths to files under the root', () => {
    expect(resolveAppUrl(root, 'app://station/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppUrl(root, 'app://station/assets/index-Bx1.js')).toBe(inRoot('assets', 'index-Bx1.js'));
    expect(resolveAppUrl(root, 'app://station/assets/app.css?v=3#top')).toBe(inRoot('assets', 'app.css'));
    expect(resolveAppUrl(root, 'app://station/fonts/%E5%AE%8B%E4%BD%93.woff2')).toBe(inRoot('fonts', '宋体.woff2'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppUrl(root, 'app://station/')).toBe(inRoot('index.html'));
    expect(resolveAppUrl(root, 'app://station')).toBe(inRoot('index.html'));
  });

  it.each([
    ['plain ..', 'app://station/../../etc/passwd'],
    ['.. after a folder', 'app://station/assets/../../secret'],
    ['trailing ..', 'app://station/assets/..'],
    ['encoded dots', 'app://station/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', 'app://station/%2E%2e/etc/passwd'],
    ['half-encoded dots', 'app://station/.%2e/etc/passwd'],
    ['encoded slash after ..', 'app://station/..%2fetc%2fpasswd'],
    ['encoded slash and dots', 'app://station/assets%2f%2e%2e%2f%2e%2e%2fetc'],
    ['backslash', 'app://station/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'app://station/..%5c..%5cwindows'],
    ['backslash inside a name', 'app://station/assets\\x.js'],
    ['NUL', 'app://station/index.html%00.png'],
    ['absolute path via //', 'app://station//etc/passwd'],
    ['drive letter', 'app://station/C:/Windows/win.ini'],
    ['malformed percent-encoding', 'app://station/%E4%B8'],
  ])('refuses traversal: %s', (_label, url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://station:8080/index.html'],
    ['credentials', 'app://user:pw@station/index.html'],
    ['http', 'http://station/index.html'],
    ['https', 'https://station/index.html'],
    ['file', 'file:///etc/passwd'],
    ['not a URL', '/index.html'],
  ])('refuses other origins: %s', (_label, url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });
});

describe('resolveUnderRoot (browser-mode host)', () => {
  it('resolves normal and index paths', () => {
    expect(resolveUnderRoot(root, '/assets/a.js')).toBe(inRoot('assets', 'a.js'));
    expect(resolveUnderRoot(root, '/')).toBe(inRoot('index.html'));
  });
  it('refuses traversal in an already-parsed pathname', () => {
    expect(resolveUnderRoot(root, '/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveUnderRoot(root, '/../etc/passwd')).toBeNull();
    expect(resolveUnderRoot(root, 'etc/passwd')).toBeNull();
  });
});

describe('mimeTypeOf', () => {
  it('names the types the renderer build emits', () => {
    expect(mimeTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('/a/b/index-Bx1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('style.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('logo.png')).toBe('image/png');
    expect(mimeTypeOf('font.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('font.ttf')).toBe('font/ttf');
    expect(mimeTypeOf('data.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeOf('receipt.pdf')).toBe('application/pdf');
  });
  it('falls back to opaque bytes, never something a browser would run', () => {
    expect(mimeTypeOf('thing.exe')).toBe('application/octet-stream');
    expect(mimeTypeOf('noextension')).toBe('application/octet-stream');
    expect(mimeTypeOf('index.html.bak')).toBe('application/octet-stream');
  });
});

describe('navigation and sender checks', () => {
  const allowed = ['app://station/index.html', 'app://station/', 'app://station/index.html#/residents'];
  const refused = [
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///C:/Windows/system32/calc.exe',
    'app://other/index.html',
    'app://station.evil.com/index.html',
    'app://station:1/index.html',
    'app://u@station/index.html',
    'blob:app://station/3b0c7a55-4c1f-4f0e-9f7e-1a2b3c4d5e6f',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ];
  it.each(allowed)('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
    expect(isTrustedSenderUrl(url)).toBe(true);
  });
  it.each(refused)('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(isTrustedSenderUrl(url)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values] as const),
  );
  it('lets scripts come only from our origin', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
  it('closes the other doors', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('preload bridge', () => {
  it('is exposed under window.station', () => {
    expect(BRIDGE_KEY).toBe('station');
  });

  it('has exactly one function per contract call and nothing else', () => {
    const bridge = buildBridge(async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(typeof bridge[name]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("forwards each call to its own channel with the caller's input", async () => {
    const seen: Array<[string, unknown]> = [];
    const bridge = buildBridge(async (channel, input) => {
      seen.push([channel, input]);
      return { ok: true, value: channel };
    });
    for (const name of CALL_NAMES) {
      const input = { probe: name };
      const call = bridge[name] as (input: unknown) => Promise<unknown>;
      await expect(call(input)).resolves.toEqual({ ok: true, value: channelOf(name) });
    }
    expect(seen).toEqual(CALL_NAMES.map((name) => [channelOf(name), { probe: name }]));
  });
});
