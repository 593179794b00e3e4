/**
 * What the identity and phone checks cost the renderer at start-up: the renderer's entry is
 * bundled with esbuild (code splitting as Vite does it) and the chunks it loads before any
 * dynamic import are inspected. The GB/T 2260 table must sit in a chunk of its own, reached
 * only through import(); the phone check may bring libphonenumber's core and China's number
 * plan, never the metadata of every country.
 */
import { build, type Metafile } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let meta: Metafile;
let outdir: string;

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bundle-'));
  const r = await build({
    entryPoints: ['renderer/src/main.tsx'],
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir,
    metafile: true,
    write: false,
    jsx: 'automatic',
    logLevel: 'silent',
    // the bundled fonts are served by main at /fonts/, not bundled (renderer/src/fonts.css)
    external: ['/fonts/*'],
    loader: { '.woff2': 'empty', '.woff': 'empty', '.ttf': 'empty', '.otf': 'empty', '.png': 'empty', '.svg': 'empty' },
  });
  meta = r.metafile;
}, 120_000);

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** The entry chunk and every chunk it imports statically, transitively. */
function startupChunks(): string[] {
  const entry = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === 'renderer/src/main.tsx')![0];
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const imp of meta.outputs[queue.pop()!]!.imports) {
      if (imp.kind === 'import-statement' && !imp.external && !seen.has(imp.path)) {
        seen.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  return [...seen];
}

const inputsOf = (chunks: string[]) => chunks.flatMap((c) => Object.entries(meta.outputs[c]!.inputs).map(([input, v]) => ({ input, bytes: v.bytesInOutput })));

describe('bundle impact of the identity and phone checks', () => {
  it('keeps the GB/T 2260 table out of the start-up chunks, in a lazily loaded chunk of about 24 KB', () => {
    const startup = inputsOf(startupChunks());
    expect(startup.some((i) => i.input.includes('id-data.generated'))).toBe(false);
    expect(startup.some((i) => i.input === 'common/idcard.ts')).toBe(true);
    const lazy = Object.entries(meta.outputs).filter(([, o]) => Object.keys(o.inputs).includes('common/id-data.generated.ts'));
    expect(lazy).toHaveLength(1);
    const [, chunk] = lazy[0]!;
    expect(Object.keys(chunk.inputs)).toEqual(['common/id-data.generated.ts']);
    expect(chunk.bytes).toBeGreaterThan(15_000); // the table is really there
    expect(chunk.bytes).toBeLessThan(32_000);
  });

  it('loads libphonenumber’s core with China’s plan only (about 30 KB), not every country’s metadata', () => {
    const startup = inputsOf(startupChunks());
    const lib = startup.filter((i) => i.input.includes('libphonenumber-js'));
    expect(lib.length).toBeGreaterThan(0);
    expect(lib.some((i) => /metadata\.(min|max|mobile|full)\.json/.test(i.input))).toBe(false);
    const cn = startup.find((i) => i.input === 'common/phone-metadata-cn.generated.ts');
    expect(cn?.bytes).toBeLessThan(8_000);
    const total = lib.reduce((s, i) => s + i.bytes, 0) + (cn?.bytes ?? 0);
    expect(total).toBeLessThan(45_000);
  });
});
