// Builds the main process (Electron entry and browser-mode host) and the preload with esbuild.
// Main stays ESM with node_modules external (better-sqlite3 is native; electron-store and conf
// are ESM-only); the preload is one CommonJS file because sandboxed preloads cannot load ESM.
import { build } from 'esbuild';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** `import sql from './x.sql?raw'`, as Vite and vitest understand it. */
const rawPlugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: new URL(args.path.replace(/\?raw$/, ''), `file://${args.resolveDir}/`).pathname,
      namespace: 'raw',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [rawPlugin],
};

await Promise.all([
  build({
    ...common,
    entryPoints: { ...(fs.existsSync('main/index.ts') ? { index: './main/index.ts' } : {}), host: './main/host/cli.ts' },
    outdir: 'dist/main',
    format: 'esm',
    packages: 'external',
    outExtension: { '.js': '.js' },
  }),
  // The import worker is one self-contained CommonJS file: packaged, it is unpacked from
  // app.asar (electron-builder.yml) and must find no node_modules; main/services/import-runner.ts
  // bundles it with the same settings when running from source.
  build({
    ...common,
    entryPoints: ['./main/services/import-worker.ts'],
    outfile: 'dist/main/import-worker.cjs',
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['./preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
console.log('main and preload built into dist/');
