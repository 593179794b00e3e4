import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

/** Chromium-family browsers a station PC may have, in order of preference. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((r) => [
      path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  }
  const dirs = (env.PATH ?? '/usr/bin:/usr/local/bin').split(':');
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
  return names.flatMap((n) => dirs.map((d) => path.join(d, n)));
}

export function findBrowser(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string | null {
  return browserCandidates(platform, env).find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Chromium will not start as root unless its sandbox is switched off, and a browser without
 * its sandbox is one exploit away from the whole machine. There is another way (run
 * StationDesk as the clerk's own user, or open the printed address in a normal user's
 * browser), so as root the window is not opened at all.
 */
export function mayOpenBrowser(uid: number | undefined = process.getuid?.()): boolean {
  return uid !== 0;
}

/** The browser's command line: the one-time launch URL, a profile kept beside the data, and never --no-sandbox. */
export function appModeArgs(url: string, profileDir: string): string[] {
  return [`--app=${url}`, `--user-data-dir=${profileDir}`, '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-sync'];
}

/** Opens the app in its own window (app mode). */
export function openInAppMode(browser: string, url: string, profileDir: string): void {
  const child = spawn(browser, appModeArgs(url, profileDir), { detached: true, stdio: 'ignore' });
  child.unref();
}
