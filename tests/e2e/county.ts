/**
 * The reference county server for e2e specs: started in the test's own process on 127.0.0.1,
 * embedded PostgreSQL (PGlite) in a temp folder, so a spec can create stations and codes
 * through its store. Playwright cannot load the migrations' `?raw` SQL imports, so the
 * county's modules are bundled once with esbuild (as scripts/build-county.mjs does) and imported.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CountyServer } from '../../county/server';
import type * as Entry from './county-entry';

type CountyLib = typeof Entry;

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'test-results/e2e-county/county-lib.mjs');

let lib: Promise<CountyLib> | null = null;

function load(): Promise<CountyLib> {
  lib ??= (async () => {
    await build({
      entryPoints: [path.join(import.meta.dirname, 'county-entry.ts')],
      outfile: OUT,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      plugins: [
        {
          name: 'raw',
          setup(b) {
            b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')), namespace: 'raw' }));
            b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
          },
        },
      ],
    });
    return (await import(pathToFileURL(OUT).href)) as CountyLib;
  })();
  return lib;
}

export interface RunningCounty {
  url: string;
  server: CountyServer;
  /** stops answering (the port closes), the database stays */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startCounty(countyName = '石家庄市长安区'): Promise<RunningCounty> {
  const { createCountyServer, migrate, openPglite } = await load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-e2e-county-'));
  const sql = await openPglite(dir);
  await migrate(sql);
  const server = await createCountyServer({ sql, countyName, publicUrl: null });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  let listening = true;
  const stop = async () => {
    if (listening) await server.app.close();
    listening = false;
  };
  return {
    url,
    server,
    stop,
    async close() {
      await stop();
      await sql.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
