/**
 * Import jobs: the API is request and answer, so a large file's preview runs as a job the
 * screen asks about until it is done: `start` answers at once with an id, `poll` answers with
 * the job's progress or its result (or throws its error). A poll waits a moment for the job
 * to finish, so a small file's result comes back on the first poll and a large one's progress
 * comes back a few times a second, without the screen keeping a timer.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../common/errors';
import { IMPORT_MESSAGES as M } from './residents-io';

export type JobPhase = 'reading' | 'checking';
export interface JobProgress {
  phase: JobPhase;
  /** a fraction's parts; total 0: not known yet */
  done: number;
  total: number;
}
export type Report = (phase: JobPhase, done: number, total: number) => void;

export type JobState<T> = ({ state: 'running' } & JobProgress) | { state: 'done'; result: T };

interface Job<T> {
  owner: string;
  progress: JobProgress;
  settled: Promise<void>;
  outcome: { ok: true; value: T } | { ok: false; error: unknown } | null;
  expires: NodeJS.Timeout | null;
}

export interface JobOptions {
  /** how long a poll waits for the job to finish before it answers with the progress */
  pollWaitMs?: number;
  /** how long a finished job's result is kept for its poll */
  keepMs?: number;
  /** jobs one staff member may have at once */
  perOwner?: number;
}

export function createImportJobs<T>(opts: JobOptions = {}) {
  const pollWaitMs = opts.pollWaitMs ?? 400;
  const keepMs = opts.keepMs ?? 10 * 60_000;
  const perOwner = opts.perOwner ?? 3;
  const jobs = new Map<string, Job<T>>();

  function drop(id: string) {
    const job = jobs.get(id);
    if (job?.expires) clearTimeout(job.expires);
    jobs.delete(id);
  }

  return {
    start(owner: string, work: (report: Report) => Promise<T>): string {
      if ([...jobs.values()].filter((j) => j.owner === owner && !j.outcome).length >= perOwner) throw new AppError('UNAVAILABLE', M.busy);
      const id = randomUUID();
      const job: Job<T> = { owner, progress: { phase: 'reading', done: 0, total: 0 }, settled: Promise.resolve(), outcome: null, expires: null };
      const report: Report = (phase, done, total) => void (job.progress = { phase, done, total });
      job.settled = work(report).then(
        (value) => void (job.outcome = { ok: true, value }),
        (error: unknown) => void (job.outcome = { ok: false, error }),
      );
      void job.settled.then(() => {
        job.expires = setTimeout(() => drop(id), keepMs);
        job.expires.unref();
      });
      jobs.set(id, job);
      return id;
    },

    /** The job's progress, or its result (once: the job is then forgotten); throws the job's error. */
    async poll(owner: string, id: string): Promise<JobState<T>> {
      const job = jobs.get(id);
      // another clerk's job is as unknown as an expired one
      if (!job || job.owner !== owner) throw new AppError('NOT_FOUND', M.expired);
      if (!job.outcome) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([job.settled, new Promise<void>((r) => (timer = setTimeout(r, pollWaitMs)))]);
        clearTimeout(timer);
      }
      const outcome = job.outcome as Job<T>['outcome'];
      if (!outcome) return { state: 'running', ...job.progress };
      drop(id);
      if (!outcome.ok) throw outcome.error;
      return { state: 'done', result: outcome.value };
    },
  };
}

/**
 * Runs `fn` over the rows in slices, letting other calls in between: checking 20,000 rows
 * against the registry takes long enough that the counter would otherwise stall.
 */
export async function inSlices<A, B>(items: readonly A[], fn: (a: A) => B, report: (done: number, total: number) => void = () => undefined, slice = 100): Promise<B[]> {
  const out: B[] = [];
  for (let i = 0; i < items.length; i++) {
    out.push(fn(items[i]!));
    if ((i + 1) % slice === 0 && i + 1 < items.length) {
      report(i + 1, items.length);
      await nextTurn();
    }
  }
  report(items.length, items.length);
  return out;
}
