// `npm run openapi`: writes docs/openapi.json from the protocol's zod schemas
// (common/county/openapi.ts). tests/unit/openapi.test.ts fails when the file is stale.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

const outDir = path.join(root, 'node_modules/.cache/stationdesk');
fs.mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'openapi.mjs');
await build({ entryPoints: [path.join(root, 'common/county/openapi.ts')], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const { openApiText } = await import(pathToFileURL(outfile).href);
const target = path.join(root, 'docs/openapi.json');
fs.writeFileSync(target, openApiText());
console.log(`written: ${path.relative(root, target)}`);
