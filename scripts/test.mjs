// `npm test`: everything CI runs — set-up, typecheck, lint, unit and integration tests
// on real SQLite files and a real loopback server, then Playwright e2e in Debian's Chromium.
import { spawnSync } from 'node:child_process';
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
// The same suite again with the machine's clock moved: just before and after Beijing
// midnight at a year's end, and a day in 2027. A test that reads the machine's date
// instead of the injected clock fails here (libfaketime moves every child process).
const OTHER_DAYS = [
  ['2026-12-31 15:59:40', '北京时间 2026-12-31 23:59:40（跨午夜、跨年）'],
  ['2027-07-15 03:00:00', '北京时间 2027-07-15 11:00'],
];
let otherDayFailed = 0;
// The names of failed tests, per run, repeated in the closing lines: CI keeps only the tail
// of the output, and a failure under a moved clock is otherwise a bare count.
const failedNames = [];
function noteFailures(report, label) {
  for (const file of report?.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'failed') {
        const where = path.relative(root, file.name);
        const first = (a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
        failedNames.push(`  ✗ [${label}] ${where} › ${a.fullName ?? a.title}${first ? `\n      ${first}` : ''}`);
      }
    }
  }
}
if ((!only || only === 'unit') && process.env.STATIONDESK_SKIP_OTHER_DAYS !== '1') {
  if (spawnSync('sh', ['-c', 'command -v faketime']).status !== 0) {
    console.error('缺少 faketime：无法验证换一天运行（apt-get install faketime）');
    ok = false;
  }
  for (const [at, label] of OTHER_DAYS) {
    if (!ok) break;
    console.log(`· 换一天再跑单元/集成测试：${label}`);
    const json = path.join(out, `vitest-${at.slice(0, 10)}.json`);
    fs.rmSync(json, { force: true });
    run('faketime', ['-f', `@${at}`, 'npx', 'vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile=${json}`], { allowFail: true });
    const v = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, 'utf8')) : null;
    if (!v || v.numTotalTests === 0) {
      console.error(`  ${label}：没有测试运行`);
      ok = false;
    } else if (v.numFailedTests > 0) {
      console.error(`  ${label}：${v.numFailedTests} 个测试失败`);
      otherDayFailed += v.numFailedTests;
      noteFailures(v, label);
    }
  }
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
  noteFailures(v, '本机时间');
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
failed += otherDayFailed;
if (failedNames.length) console.log(`\n失败的测试：\n${failedNames.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
