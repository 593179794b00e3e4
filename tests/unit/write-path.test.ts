/**
 * One write path (DESIGN.md §4): only main/db opens a transaction. The scan reads the
 * source, so a service that opens its own fails here, by file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(import.meta.dirname, '../../main');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Lines that open a transaction themselves (`.transaction(`, also split over lines, or raw BEGIN). */
export function transactionsIn(source: string): number[] {
  const lines: number[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  for (const m of code.matchAll(/\.\s*transaction\s*\(|\b(?:exec|prepare)\(\s*['"`]\s*BEGIN\b/gi)) {
    lines.push(code.slice(0, m.index).split('\n').length);
  }
  return lines;
}

function offenders(): string[] {
  const db = path.join(MAIN, 'db') + path.sep;
  return sourceFiles(MAIN)
    .filter((f) => !f.startsWith(db))
    .flatMap((f) => transactionsIn(fs.readFileSync(f, 'utf8')).map((line) => `${path.relative(MAIN, f)}:${line}`));
}

describe('one write path', () => {
  it('the scan finds a transaction opened in any of its forms (so an empty result cannot pass)', () => {
    expect(transactionsIn('db.transaction(() => 1).immediate();')).toEqual([1]);
    expect(transactionsIn('const r = db\n  .transaction(() => {\n})')).toEqual([2]);
    expect(transactionsIn("x;\ndb.exec('BEGIN IMMEDIATE')")).toEqual([2]);
    expect(transactionsIn('// a comment about db.transaction( is not code\nwrite((tx) => 1);')).toEqual([]);
    expect(transactionsIn(fs.readFileSync(path.join(MAIN, 'db/write.ts'), 'utf8')).length).toBeGreaterThan(0);
  });

  it('no module outside main/db opens a transaction: every change goes through write(tx => …)', () => {
    expect(offenders(), 'use ctx.write((tx) => …) from main/db/write.ts instead').toEqual([]);
  });

  it('no service appends to the audit log itself: entries go through tx.change / tx.note', () => {
    const calls = sourceFiles(path.join(MAIN, 'services')).filter((f) => /\baudit\.append\(/.test(fs.readFileSync(f, 'utf8')));
    expect(calls.map((f) => path.relative(MAIN, f))).toEqual([]);
  });
});
