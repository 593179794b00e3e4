// Builds the county server (county/cli.ts) into dist/county/cli.js with esbuild, as
// build-main.mjs builds main: ESM for Node 20, node_modules external (PGlite loads its
// own wasm and data files), SQL migrations inlined through `?raw`.
import { build } from 'esbuild';
import fs from 'node:fs';

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

await build({
  entryPoints: { cli: './county/cli.ts' },
  outdir: 'dist/county',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [rawPlugin],
});
