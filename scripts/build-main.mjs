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

/**
 * Pure-JS packages compiled into the main bundle. Loading them as hundreds of separate ES
 * modules (zod alone is ~100 files, pinyin-pro nine with its dictionaries) cost the browser-mode
 * host a third of its start-up
 * (issue 6 item 14). Everything else stays external: native modules (better-sqlite3),
 * packages that read their own files at run time (pdfmake's fonts, exceljs), the
 * Electron-only ones, and whatever a later change adds until someone measures it here.
 */
const BUNDLED = new Set(['zod', 'uuid', 'pinyin-pro']);
const externalUnlessBundled = {
  name: 'external-unless-bundled',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
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
    plugins: [rawPlugin, externalUnlessBundled],
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
