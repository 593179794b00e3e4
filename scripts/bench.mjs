// `npm run bench [-- <name>]`: runs bench/<name>.ts (all when no name), each printing a
// table and writing bench/out/<name>.json (DESIGN.md §7).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, ensureDependencies, ensureNativeFor, ensureBuilt } from './lib.mjs';

ensureDependencies();
ensureNativeFor('node');
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = fs.readdirSync(path.join(root, 'bench')).filter((f) => /^[a-z][\w-]*\.ts$/.test(f) && f !== 'lib.ts').map((f) => f.slice(0, -3));
const chosen = names.length ? names : all;
for (const n of chosen) {
  if (!all.includes(n)) {
    console.error(`没有名为 ${n} 的基准测试；可选：${all.join(', ')}`);
    process.exit(2);
  }
}
if (chosen.includes('startup') || chosen.includes('ui-search')) ensureBuilt();
const outDir = path.join(root, 'bench/out/.build');
fs.mkdirSync(outDir, { recursive: true });
let failed = false;
for (const n of chosen) {
  const outfile = path.join(outDir, `${n}.mjs`);
  await build({
    entryPoints: [path.join(root, 'bench', `${n}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __APP_VERSION__: '"bench"' },
    loader: { '.sql': 'text' },
    plugins: [
      {
        name: 'raw',
        setup(b) {
          b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
          b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: fs.readFileSync(a.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
  console.log(`\n== bench: ${n} ==`);
  // flags (--seconds=60) go to the benchmark itself
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2).filter((a) => a.startsWith('-'))], { cwd: root, stdio: 'inherit', env: { ...process.env, STATIONDESK_QUIET: '1', BENCH_ROOT: root } });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
