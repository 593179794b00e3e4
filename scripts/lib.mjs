// Shared set-up steps for `npm start` and `npm test`: they must work on a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32', ...opts });
  if (r.status !== 0 && !opts.allowFail) {
    console.error(`\n✖ 失败：${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
  return r.status === 0;
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (mtime(marker) >= mtime(path.join(root, 'package-lock.json'))) return;
  console.log('· 安装依赖（npm ci）…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function newestSource(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, mtime(p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

/** Builds dist/ when it is missing or older than any source. */
export function ensureBuilt({ force = false } = {}) {
  const built = Math.min(mtime(path.join(root, 'dist/renderer/index.html')), mtime(path.join(root, 'dist/main/host.js')));
  const sources = Math.max(...['main', 'common', 'preload', 'renderer', 'resources'].map((d) => newestSource(path.join(root, d))), mtime(path.join(root, 'package.json')));
  if (!force && built > sources) return;
  console.log('· 构建（npm run build）…');
  run('npm', ['run', 'build']);
}

/** The Electron binary is fetched on demand; where it cannot be, browser mode is used. */
export function electronBinary() {
  try {
    const p = fs.readFileSync(path.join(root, 'node_modules/electron/path.txt'), 'utf8').trim();
    const bin = path.join(root, 'node_modules/electron/dist', p);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const ABI_MARK = path.join(root, 'node_modules/.stationdesk-native');

/**
 * better-sqlite3 is compiled for one runtime at a time: Node for browser mode and tests,
 * Electron's ABI for the desktop window. Rebuild only when switching.
 */
export function ensureNativeFor(runtime) {
  const current = fs.existsSync(ABI_MARK) ? fs.readFileSync(ABI_MARK, 'utf8') : 'node';
  if (current === runtime) {
    if (runtime === 'electron') return;
    const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, stdio: 'ignore' });
    if (probe.status === 0) return;
  }
  console.log(`· 为 ${runtime === 'node' ? 'Node.js' : 'Electron'} 重新编译 better-sqlite3…`);
  if (runtime === 'electron') run('npx', ['electron-builder', 'install-app-deps']);
  else run('npm', ['rebuild', 'better-sqlite3']);
  fs.writeFileSync(ABI_MARK, runtime);
}

const SYSTEM_NEEDS = [
  { check: () => fs.existsSync('/usr/bin/chromium'), pkg: 'chromium', why: '端到端测试用的浏览器' },
  { check: () => spawnSync('sh', ['-c', 'fc-list | grep -qi "Noto Sans CJK"']).status === 0, pkg: 'fonts-noto-cjk', why: '界面截图的中文字体' },
  { check: () => spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0, pkg: 'poppler-utils', why: '读回 PDF 回执' },
  { check: () => fs.existsSync('/usr/sbin/cupsd'), pkg: 'cups', why: '打印测试用的 CUPS 打印服务' },
  { check: () => fs.existsSync('/usr/lib/cups/backend/cups-pdf'), pkg: 'printer-driver-cups-pdf', why: '打印测试用的虚拟 PDF 打印机' },
  { check: () => spawnSync('sh', ['-c', 'command -v faketime']).status === 0, pkg: 'faketime', why: '换一天（跨午夜、跨年、2027 年）再跑一遍测试' },
  // the county server's tests start a throwaway cluster themselves (initdb + pg_ctl as the postgres user); no service needs to run
  { check: () => fs.existsSync('/usr/lib/postgresql/15/bin/initdb') || spawnSync('sh', ['-c', 'command -v initdb']).status === 0, pkg: 'postgresql', why: '县级平台在 PostgreSQL 15 上的测试' },
];

/** Debian packages the tests need; installed with apt-get when running as root (CI, fresh dev machine). */
export function ensureSystemPackages() {
  if (process.platform !== 'linux') return;
  const missing = SYSTEM_NEEDS.filter((n) => !n.check());
  if (missing.length === 0) return;
  const names = missing.map((m) => m.pkg);
  const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canApt) {
    console.error(`缺少系统软件包：${missing.map((m) => `${m.pkg}（${m.why}）`).join('、')}。请以 root 运行：apt-get install -y ${names.join(' ')}`);
    process.exit(1);
  }
  console.log(`· 安装系统软件包：${names.join(' ')}`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env: aptEnv });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { env: aptEnv });
}
