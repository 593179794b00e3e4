/**
 * The data folder is readable by the signed-in OS user only (DESIGN.md §4, issue 8 item 4):
 * on Linux and macOS the folder and every folder in it 0700 and every file 0600; on Windows
 * the folder's ACL is cut down to the current user (icacls, run only on win32). Files are
 * written owner-only from the start (writePrivateFile, the database pre-created 0600 — SQLite
 * gives its -wal and -shm files the database file's mode), and at start the whole folder is
 * checked: what is too open is tightened, and the station says so in its status line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, errorText } from './log';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
export const EXPORTS_DIR = 'exports';
/** Chromium's own profile (browser mode): it keeps its own modes; only the folder itself is checked. */
const OPAQUE_DIRS = new Set(['browser-profile']);
/** No start waits on a walk of a folder grown without bound. */
const MAX_ENTRIES = 200_000;

const posix = (platform: NodeJS.Platform = process.platform) => platform !== 'win32';

/** Creates the folder (and its parents) owner-only, and tightens it if it was already there. */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix(platform)) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Writes a file readable by its owner only, an existing file included (writeFile's mode applies only when it creates). */
export function writePrivateFile(file: string, bytes: Uint8Array | string, platform: NodeJS.Platform = process.platform): void {
  fs.writeFileSync(file, bytes, { mode: PRIVATE_FILE_MODE });
  if (posix(platform)) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Creates an empty owner-only file if there is none (the database, before SQLite creates it with 0644). */
export function touchPrivateFile(file: string, platform: NodeJS.Platform = process.platform): void {
  const fd = fs.openSync(file, 'a', PRIVATE_FILE_MODE);
  fs.closeSync(fd);
  if (posix(platform)) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

export interface ModeCheck {
  /** entries (folders and files, the data folder itself included) that group or others could read, write or enter */
  tooOpen: number;
  /** of those, tightened now */
  fixed: number;
  /** relative paths of the ones that could not be tightened (not ours, read-only file system), at most 20 */
  unfixed: string[];
}

/**
 * Walks the data folder: a folder should be 0700 and a file 0600 (no bit for group or others).
 * Each one too open is chmod-ed; what cannot be is named. Symbolic links are not followed.
 * Checked: the data folder, what it holds, exports/ and its files, and everything below a
 * folder found too open. Not entered: an owner-only folder below the top (documents/2026/11)
 * whose parents are owner-only too, since no other user can reach anything in it and this
 * build writes 0600 there; a start with 20,000 archived PDFs would otherwise spend a quarter
 * of a second here (bench/data-dir.ts). A first start after an upgrade walks it all.
 */
export function checkDataDirModes(dir: string, fix = true): ModeCheck {
  const out: ModeCheck = { tooOpen: 0, fixed: 0, unfixed: [] };
  let seen = 0;
  /** true when the entry was too open */
  const visit = (p: string, isDir: boolean): boolean => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return false; // gone meanwhile
    }
    if (st.isSymbolicLink() || (st.mode & 0o077) === 0) return false;
    out.tooOpen += 1;
    let done = false;
    if (fix) {
      try {
        fs.chmodSync(p, isDir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
        done = true;
      } catch {
        done = false;
      }
    }
    if (done) out.fixed += 1;
    else if (out.unfixed.length < 20) out.unfixed.push(path.relative(dir, p) || '.');
    return true;
  };
  const walk = (d: string, files: boolean) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        const open = visit(p, true);
        const top = d === dir;
        if (top && OPAQUE_DIRS.has(e.name)) continue;
        const below = files || open;
        if (below || top) walk(p, below || (top && e.name === EXPORTS_DIR));
      } else if (e.isFile() && (files || d === dir)) visit(p, false);
    }
  };
  walk(dir, visit(dir, true));
  return out;
}

/** What the status line says about the check, in Chinese; null when all was as it should be. */
export function modeWarning(c: ModeCheck): string | null {
  if (c.tooOpen === 0) return null;
  if (c.unfixed.length === 0) return `数据目录中有 ${c.tooOpen} 个文件或文件夹曾可被本机其他用户读取，已自动改为仅当前用户可访问`;
  return `数据目录中有 ${c.tooOpen} 个文件或文件夹可被本机其他用户读取，其中 ${c.tooOpen - c.fixed} 个无法自动修改，请联系管理员检查数据目录权限`;
}

/**
 * The icacls arguments that leave the data folder to the current user alone: inherited
 * entries (Users, Authenticated Users from the profile) removed, full control for the user,
 * inherited by every folder (CI) and file (OI) inside. `user` is DOMAIN\name as Windows
 * spells it (USERDOMAIN\USERNAME); the folder's children inherit from it, so no /T.
 */
export function windowsAclArgs(dir: string, user: string): string[] {
  if (!user.trim() || /[:()]/.test(user)) throw new Error('windows user name unusable for icacls');
  return [dir, '/inheritance:r', '/grant:r', `${user}:(OI)(CI)F`, '/Q'];
}

export function windowsUser(env: NodeJS.ProcessEnv): string | null {
  const name = env.USERNAME?.trim();
  if (!name) return null;
  const domain = env.USERDOMAIN?.trim();
  return domain ? `${domain}\\${name}` : name;
}

/**
 * At start: the folder owner-only (created so, or tightened), then the check. Answers the
 * warning for the status line (null: nothing to say). Never throws for a check it could not
 * make: a station that cannot tighten its folder still opens, and says so.
 */
export function secureDataDir(dir: string, opts: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; runIcacls?: (args: string[]) => void } = {}): string | null {
  const platform = opts.platform ?? process.platform;
  if (platform === 'win32') {
    fs.mkdirSync(dir, { recursive: true });
    const user = windowsUser(opts.env ?? process.env);
    if (!user) return '无法确定当前 Windows 用户，数据目录的访问权限未能收紧，请联系管理员';
    try {
      const args = windowsAclArgs(dir, user);
      (opts.runIcacls ?? ((a: string[]) => void execFileSync('icacls', a, { windowsHide: true, stdio: 'ignore' })))(args);
      return null;
    } catch (err) {
      log.warn('data folder acl not set', { error: errorText(err) });
      return '数据目录的访问权限未能限制为仅当前用户，请联系管理员';
    }
  }
  // created 0700 if new; an existing folder's mode is the check's business, so it is counted
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const check = checkDataDirModes(dir);
  if (check.tooOpen > 0) log.warn('data folder was readable by other users', { tooOpen: check.tooOpen, fixed: check.fixed, unfixed: check.unfixed.length });
  return modeWarning(check);
}
