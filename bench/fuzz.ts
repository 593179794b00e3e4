/**
 * `npm run bench -- fuzz [--seconds=120] [--seed=1] [--kills=20]` (or FUZZ_SECONDS, FUZZ_SEED,
 * FUZZ_KILLS): the issue-8 fuzz and kill run against the real browser-mode host on 127.0.0.1,
 * bounded in time, repeatable by its seed. Prints one summary; exits 1 when anything that must
 * hold did not (crash, INTERNAL error, partial write, lost acknowledged write, reused receipt
 * number, privilege escape, traversal, …). The same code runs, count-bounded, in
 * tests/integration/fuzz-held.test.ts.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { badFigures, runFuzz, type FuzzSummary } from '../tests/helpers/fuzz/run';
import { benchRoot, report, type Figure } from './lib';

function flag(name: string, env: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const v = Number(arg ? arg.slice(name.length + 3) : (process.env[env] ?? fallback));
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} 须为非负数`);
  return v;
}

const seconds = flag('seconds', 'FUZZ_SECONDS', 120);
const seed = flag('seed', 'FUZZ_SEED', 1);
const kills = flag('kills', 'FUZZ_KILLS', 20);
console.log(`fuzz: seed ${seed}, about ${seconds} s, ${kills} kills`);
process.chdir(benchRoot);
// bundled into bench/out/.build, main looks for its import worker beside the bundle: put it there
await build({ entryPoints: ['main/services/import-worker.ts'], outfile: path.join(import.meta.dirname, 'import-worker.cjs'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
const s: FuzzSummary = await runFuzz({ seed, seconds, kills, root: benchRoot, log: (m) => console.log(`  ${m}`) });

const count = (value: number, note?: string): Figure => ({ value, unit: 'count', ...(note ? { note } : {}) });
report('fuzz', {
  inputs_sent: count(s.inputs),
  crashes: count(s.crashes),
  internal_errors: count(s.internalErrors),
  partial_writes: count(s.partialWrites),
  kills: count(s.kills),
  kills_survived: count(s.killsSurvived),
  acknowledged_writes: count(s.acknowledgedWrites),
  acknowledged_writes_lost: count(s.acknowledgedWritesLost),
  receipt_numbers_reused: count(s.receiptNumbersReused),
  privileged_calls_tried: count(s.privilegedTried),
  privilege_escapes: count(s.privilegeEscapes),
  token_origin_host_games: count(s.gamesTried),
  games_passed: count(s.gamesPassed),
  traversal_tried: count(s.traversalTried),
  traversal_leaks: count(s.traversalLeaks),
  oversized_not_refused: count(s.oversizedNotRefused),
  slow_body_stalls: count(s.slowBodyStalls),
  answers_showing_internals: count(s.leakyAnswers),
  prototype_polluted: count(s.prototypePolluted),
  integrity_failures: count(s.integrityFailures),
  audit_chain_failures: count(s.auditChainFailures),
  concurrent_searches: count(s.concurrentSearches),
  concurrent_search_failures: count(s.concurrentSearchFailures),
  concurrent_search_p95: { value: s.concurrentSearchP95Ms, unit: 'ms', note: `${s.concurrentSearches} at once over HTTP` },
});
const bad = badFigures(s);
for (const p of s.problems.slice(0, 30)) console.log(`  problem: ${p}`);
console.log(bad.length ? `FUZZ: NOT HELD — ${bad.join(', ')}` : `FUZZ: held (seed ${seed})`);
process.exit(bad.length ? 1 : 0);
