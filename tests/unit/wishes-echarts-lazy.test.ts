/**
 * ECharts (~550 kB) must load on the 统计 tab's first chart, not at start-up: only
 * echarts-setup.ts imports it, and echarts-setup.ts is only ever imported dynamically.
 * (tests/e2e/wishes.spec.ts watches the network for the same thing in the built app.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../renderer/src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('ECharts is loaded on first use only', () => {
  const files = sources(root).map((f) => ({ f: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));

  it('only features/wishes/echarts-setup.ts imports echarts', () => {
    const importers = files.filter(({ text }) => /from\s+['"]echarts(\/[^'"]*)?['"]|import\(\s*['"]echarts/.test(text)).map(({ f }) => f);
    expect(importers).toEqual([path.join('features', 'wishes', 'echarts-setup.ts')]);
  });

  it('echarts-setup is never imported statically (a type-only import is fine)', () => {
    const statics = files.filter(({ text }) => /^import\s+(?!type\b)[^;]*from\s+['"]\.\/echarts-setup['"]/m.test(text)).map(({ f }) => f);
    expect(statics).toEqual([]);
    const dynamic = files.filter(({ text }) => /import\(\s*['"]\.\/echarts-setup['"]\s*\)/.test(text)).map(({ f }) => f);
    expect(dynamic).toEqual([path.join('features', 'wishes', 'Chart.tsx')]);
  });
});
