// `npm test`: everything CI runs — set-up, typecheck, lint, unit and integration tests
// on real SQLite files and a real loopback server, then Playwright e2e in Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { root, run, ensureDependencies, ensureBuilt, ensureNativeFor, ensureSystemPackages } from './lib.mjs';

const only = process.argv[2]; // optional: unit | e2e
ensureDependencies();
ensureSystemPackages();
ensureNativeFor('node');

const out = path.join(root, 'test-results');
fs.mkdirSync(out, { recursive: true });
const vitestJson = path.join(out, 'vitest.json');
const e2eJson = path.join(out, 'e2e.json');
fs.rmSync(vitestJson, { force: true });
fs.rmSync(e2eJson, { force: true });

if (!only) {
  console.log('· 类型检查');
  run('npx', ['tsc', '-b']);
  console.log('· 代码规范检查');
  run('npx', ['eslint', '.']);
}
let ok = true;
if (!only || only === 'unit') {
  ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`], { allowFail: true }) && ok;
}
if (!only || only === 'e2e') {
  ensureBuilt();
  ok = run('npx', ['playwright', 'test'], { allowFail: true }) && ok;
}

// One closing line for all suites, the plain form CI reads.
let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
if (fs.existsSync(e2eJson)) {
  const s = JSON.parse(fs.readFileSync(e2eJson, 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  skipped += s.skipped;
}
if (passed + failed === 0) {
  console.error('no test ran');
  ok = false;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
