/**
 * Every call declares who may make it (common/contract-kit.ts), and dispatch is the only
 * place that checks: no service reaches into the session to find out who is calling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../common/contract';
import { PERMISSIONS } from '../../common/roles';

const MAIN = path.resolve(import.meta.dirname, '../../main');
const ACCESS = new Set<string>(['public', 'signedIn', ...Object.keys(PERMISSIONS)]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Lines that read the session or check a role through auth, outside comments. */
export function sessionReadsIn(source: string): number[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  return [...code.matchAll(/\bauth\s*\.\s*(?:require|session)\s*\(/g)].map((m) => code.slice(0, m.index).split('\n').length);
}

describe('access declared per call', () => {
  it('every call of the contract says who may make it, with a known rule', () => {
    const missing = CALL_NAMES.filter((n) => !ACCESS.has(String((contract[n] as { access?: unknown }).access)));
    expect(missing).toEqual([]);
    expect(CALL_NAMES.length).toBeGreaterThan(50);
  });

  it('only what the sign-in screen needs is public', () => {
    const open = CALL_NAMES.filter((n) => contract[n].access === 'public');
    expect(open.sort()).toEqual(['app.info', 'auth.activity', 'auth.session', 'auth.signIn', 'auth.signOut', 'setup.init', 'station.get']);
  });

  it('the scan finds a session read in its forms (so an empty result cannot pass)', () => {
    expect(sessionReadsIn('const me = ctx.auth.require();')).toEqual([1]);
    expect(sessionReadsIn("x;\nauth.require('catalogue.edit')")).toEqual([2]);
    expect(sessionReadsIn('const who = auth.session()?.staff;')).toEqual([1]);
    expect(sessionReadsIn('// auth.require() is dispatch business\nf(me);')).toEqual([]);
  });

  it('no service reads the session: services are handed an actor', () => {
    const services = path.join(MAIN, 'services');
    const hits = sourceFiles(MAIN)
      .filter((f) => f.startsWith(services + path.sep) && !f.endsWith(`${path.sep}auth.ts`))
      .flatMap((f) => sessionReadsIn(fs.readFileSync(f, 'utf8')).map((line) => `${path.relative(MAIN, f)}:${line}`));
    expect(hits, 'take the actor dispatch passes (the call function\'s second argument) instead').toEqual([]);
  });

  it('the foundation calls in station.ts do not check the caller themselves either (auth.session is the call of that name)', () => {
    expect(fs.readFileSync(path.join(MAIN, 'station.ts'), 'utf8')).not.toMatch(/\bauth\s*\.\s*require\s*\(/);
  });
});
