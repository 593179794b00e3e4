/**
 * issue 8 item 11, read from the code (the Electron binary cannot run here): the fuses
 * electron-builder flips, the window's preferences, which frames may navigate where, which
 * downloads go ahead, and which frame may call main. The rules are plain functions
 * (main/electron/policy.ts); the last test checks the window and the IPC wire them in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedDownload, isAllowedFrameNavigation, isTrustedIpcSender, lobbyLinkToOpen, windowPreferences, type FrameLike } from '../../main/electron/policy';

const root = path.resolve(import.meta.dirname, '../..');

/** The `electronFuses:` block of electron-builder.yml as key → value (a flat map of booleans). */
function fusesOf(yml: string): Record<string, string> {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+(\w+):\s*(\S+)\s*(#.*)?$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe('electron-builder fuses', () => {
  const fuses = fusesOf(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableCookieEncryption', 'true'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
  ])('%s is %s', (fuse, value) => {
    expect(fuses[fuse]).toBe(value);
  });
  it('keeps the app in an asar archive (the asar fuses need one)', () => {
    expect(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).not.toMatch(/^asar:\s*false/m);
  });
  it('reads the block it claims to read', () => {
    expect(fusesOf('a: 1\nelectronFuses:\n  runAsNode: true\nnext: 2\n  other: x\n')).toEqual({ runAsNode: 'true' });
  });
});

describe('window preferences', () => {
  it('isolates and sandboxes the page, and has devtools only when not packaged', () => {
    const packaged = windowPreferences({ preloadPath: '/p.cjs', packaged: true });
    expect(packaged).toMatchObject({ preload: '/p.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(windowPreferences({ preloadPath: '/p.cjs', packaged: false }).devTools).toBe(true);
  });
  it('keeps plugins for the PDF preview only because the preview shows a blob: PDF in an iframe', () => {
    const preview = fs.readFileSync(path.join(root, 'renderer/src/components/DocumentPreview.tsx'), 'utf8');
    expect(preview).toMatch(/<iframe src=\{url\}/);
    expect(preview).toContain("type: 'application/pdf'");
    expect(windowPreferences({ preloadPath: '', packaged: true }).plugins).toBe(true);
  });
});

describe('will-frame-navigate', () => {
  it.each([
    ['app://station/index.html', true, true],
    ['app://station/index.html', false, true],
    ['blob:app://station/6f1d2c3b-1234-4cde-8f00-000000000001', false, true],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', false, true],
    ['about:blank', false, true],
    // the main frame never leaves our page
    ['blob:app://station/6f1d2c3b-1234-4cde-8f00-000000000001', true, false],
    ['about:blank', true, false],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', true, false],
    ['https://evil.example/', true, false],
    // nor does any frame go to the web, the disk, or someone else's blob
    ['https://evil.example/', false, false],
    ['http://127.0.0.1:8080/', false, false],
    ['file:///etc/passwd', false, false],
    ['blob:https://evil.example/6f1d2c3b', false, false],
    ['blob:app://evil/6f1d2c3b', false, false],
    ['data:text/html,<script>1</script>', false, false],
    ['javascript:alert(1)', false, false],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html', false, false],
  ])('%s (main frame: %s) → %s', (url, main, allowed) => {
    expect(isAllowedFrameNavigation(url, main)).toBe(allowed);
  });
});

describe('will-download', () => {
  it('lets our own exports through and cancels everything else', () => {
    expect(isAllowedDownload('blob:app://station/6f1d2c3b-1234-4cde-8f00-000000000001')).toBe(true);
    for (const url of ['https://evil.example/a.exe', 'file:///etc/passwd', 'data:application/octet-stream;base64,AA==', 'blob:https://evil.example/x', 'app://station/index.html', 'blob:app://evil/x']) {
      expect(isAllowedDownload(url), url).toBe(false);
    }
  });
});

describe('window open (the hall screen link)', () => {
  const origin = 'http://127.0.0.1:17890';
  it('hands only the lobby host’s /lobby/ link to the PC’s browser', () => {
    const link = `${origin}/lobby/?t=lobby_${'a'.repeat(43)}`;
    expect(lobbyLinkToOpen(link, origin)).toBe(link);
    // what opens is the address as parsed and checked, not the page's own spelling of it
    expect(lobbyLinkToOpen(`HTTP://127.0.0.1:17890/lobby/?t=x#wall`, origin)).toBe(`${origin}/lobby/?t=x#wall`);
    for (const url of [
      `${origin}/`,
      `${origin}/index.html`,
      `${origin}/lobby/wall.json?t=x`,
      `${origin}/api/app.info`,
      'http://127.0.0.1:17891/lobby/?t=x',
      'http://localhost:17890/lobby/?t=x',
      'https://127.0.0.1:17890/lobby/?t=x',
      'http://user:pw@127.0.0.1:17890/lobby/?t=x',
      'https://evil.example/lobby/',
      'file:///etc/passwd',
      'app://station/index.html',
      'not a url',
    ]) {
      expect(lobbyLinkToOpen(url, origin), url).toBeNull();
    }
    // no lobby host this start: nothing opens at all
    expect(lobbyLinkToOpen(`${origin}/lobby/?t=x`, null)).toBeNull();
  });
});

describe('IPC sender', () => {
  const frame = (url: string, destroyed = false): FrameLike => ({ url, isDestroyed: () => destroyed });
  it('answers only the main frame showing our page', () => {
    const main = frame('app://station/index.html');
    expect(isTrustedIpcSender(main, main)).toBe(true);
    // a subframe showing our own page is still not the main frame
    expect(isTrustedIpcSender(frame('app://station/index.html'), main)).toBe(false);
    const away = frame('https://evil.example/');
    expect(isTrustedIpcSender(away, away)).toBe(false);
    const gone = frame('app://station/index.html', true);
    expect(isTrustedIpcSender(gone, gone)).toBe(false);
    expect(isTrustedIpcSender(null, main)).toBe(false);
    expect(isTrustedIpcSender(main, null)).toBe(false);
  });
});

describe('wiring (the Electron code uses the rules above)', () => {
  const read = (f: string) => fs.readFileSync(path.join(root, 'main/electron', f), 'utf8');
  it('the window takes its preferences from policy.ts and handles will-frame-navigate and will-download', () => {
    const w = read('window.ts');
    expect(w).toMatch(/webPreferences: windowPreferences\(\{ preloadPath: opts\.preloadPath, packaged: app\.isPackaged \}\)/);
    expect(w).toMatch(/on\('will-frame-navigate', \(event\) => \{\s*if \(!isAllowedFrameNavigation\(event\.url, event\.isMainFrame\)\) event\.preventDefault\(\);/);
    expect(w).toMatch(/on\('will-download', \(event, item\) => \{\s*if \(isAllowedDownload\(item\.getURL\(\)\)\) return;[^}]*event\.preventDefault\(\);/);
    expect(w).toMatch(/denyForeignDownloads\(win\.webContents\.session\)/);
    expect(w).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{\s*(\/\/[^\n]*\s*)?const lobbyLink = lobbyLinkToOpen\(url, opts\.lobbyOrigin\);\s*if \(lobbyLink\) void shell\.openExternal\(lobbyLink\);\s*return \{ action: 'deny' \};/);
    expect(w).not.toMatch(/plugins:\s*true|devTools:\s*true/);
    // and nothing else in the window hands an address to the PC's browser
    expect(w.match(/openExternal/g)).toHaveLength(1);
  });
  it('the app starts the hall screen’s host, tells the station and the window its origin, and closes it on quit', () => {
    const a = read('app.ts');
    expect(a).toMatch(/lobbyHost = await startRememberedLobbyHost\(settings, \{ lobby: station\.lobby,/);
    expect(a).toMatch(/lobbyOrigin: \(\) => lobbyHost\?\.origin \?\? null/);
    expect(a).toMatch(/createMainWindow\(\{ preloadPath: PRELOAD_PATH, lobbyOrigin: lobbyHost\?\.origin \?\? null \}\)/);
    expect(a).toMatch(/void lobbyHost\?\.close\(\);/);
  });
  it('every IPC handler checks the sender against the window\'s main frame', () => {
    expect(read('ipc.ts')).toMatch(/if \(!isTrustedIpcSender\(event\.senderFrame, mainFrame\(\)\)\) \{/);
    expect(read('app.ts')).toMatch(/registerIpc\(station, \(\) => \(window && !window\.isDestroyed\(\) \? window\.webContents\.mainFrame : null\)\)/);
  });
});
