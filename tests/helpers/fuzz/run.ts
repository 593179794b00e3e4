/**
 * The whole fuzz and kill run (issue 8): the host part (host.ts) then the kills (kill.ts), one
 * summary, and what counts as bad. `npm run bench -- fuzz` runs it against the clock;
 * tests/integration/fuzz-held.test.ts runs a smaller count-bounded one.
 */
import { fuzzHost, startFuzzHost, dbProblems, type HostFigures } from './host';
import { killRun, type KillFigures } from './kill';
import { rng } from '../zod-walk';

export interface FuzzOptions {
  seed: number;
  /** count-bounded: this many rounds of malformed inputs (every call, every role); else time-bounded by `seconds` */
  rounds?: number;
  seconds?: number;
  kills: number;
  concurrentSearches?: number;
  root?: string;
  log?: (s: string) => void;
}

export interface FuzzSummary {
  seed: number;
  inputs: number;
  crashes: number;
  internalErrors: number;
  partialWrites: number;
  kills: number;
  killsSurvived: number;
  acknowledgedWrites: number;
  acknowledgedWritesLost: number;
  receiptNumbersReused: number;
  privilegedTried: number;
  privilegeEscapes: number;
  gamesTried: number;
  gamesPassed: number;
  traversalTried: number;
  traversalLeaks: number;
  oversizedNotRefused: number;
  slowBodyStalls: number;
  leakyAnswers: number;
  prototypePolluted: number;
  concurrentSearches: number;
  concurrentSearchFailures: number;
  concurrentSearchP95Ms: number;
  integrityFailures: number;
  auditChainFailures: number;
  problems: string[];
}

/** The figures that must be zero, by name. */
export const MUST_BE_ZERO = [
  'crashes', 'internalErrors', 'partialWrites', 'acknowledgedWritesLost', 'receiptNumbersReused', 'privilegeEscapes', 'gamesPassed', 'traversalLeaks',
  'oversizedNotRefused', 'slowBodyStalls', 'leakyAnswers', 'prototypePolluted', 'concurrentSearchFailures', 'integrityFailures', 'auditChainFailures',
] as const satisfies readonly (keyof FuzzSummary)[];

export function badFigures(s: FuzzSummary): string[] {
  const bad: string[] = MUST_BE_ZERO.filter((k) => s[k] !== 0).map((k) => `${k}=${s[k]}`);
  if (s.killsSurvived !== s.kills) bad.push(`killsSurvived=${s.killsSurvived}/${s.kills}`);
  return bad;
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const r = rng(opts.seed);
  const budget = (opts.seconds ?? 120) * 1000;
  const fh = await startFuzzHost();
  let h: HostFigures;
  try {
    // the kills take their share of a timed run at the end (about 2.5 s each on a quiet machine)
    const deadline = opts.rounds === undefined ? started + Math.max(budget * 0.4, budget - opts.kills * 2500) : undefined;
    h = await fuzzHost(fh, { r, perCall: opts.rounds, deadline, concurrentSearches: opts.concurrentSearches, log: opts.log });
  } finally {
    await fh.close();
  }
  // every kill asked for is made, even past the budget: the count is the promise
  const k: KillFigures = await killRun({ kills: opts.kills, r, root: opts.root, log: opts.log });
  const db = h.db;
  return {
    seed: opts.seed,
    inputs: h.inputs,
    crashes: h.crashes,
    internalErrors: h.internalErrors,
    partialWrites: (db?.partialWrites ?? 0) + k.partialWrites,
    kills: k.kills,
    killsSurvived: k.killsSurvived,
    acknowledgedWrites: k.acknowledgedWrites,
    acknowledgedWritesLost: k.acknowledgedLost,
    receiptNumbersReused: k.receiptNumbersReused + (db?.duplicateReceipts ?? 0),
    privilegedTried: h.privilegedTried,
    privilegeEscapes: h.privilegeEscapes,
    gamesTried: h.gamesTried,
    gamesPassed: h.gamesPassed,
    traversalTried: h.traversalTried,
    traversalLeaks: h.traversalLeaks,
    oversizedNotRefused: h.oversizedNotRefused,
    slowBodyStalls: h.slowBodyStalls,
    leakyAnswers: h.leakyAnswers,
    prototypePolluted: h.prototypePolluted,
    concurrentSearches: h.concurrentSearches,
    concurrentSearchFailures: h.concurrentSearchFailures,
    concurrentSearchP95Ms: h.concurrentSearchP95Ms,
    integrityFailures: k.integrityFailures + (db && db.integrity !== 'ok' ? 1 : 0),
    auditChainFailures: k.auditChainFailures + (db && !db.auditOk ? 1 : 0),
    problems: [...h.problems, ...k.problems, ...(dbProblems(db) ? [`fuzzed station's file: ${JSON.stringify(db)}`] : [])],
  };
}
