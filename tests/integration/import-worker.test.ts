/**
 * The import worker's limits, proven with real worker threads that misbehave on purpose:
 * one that never ends, one that eats memory, one that answers nonsense. The station's own
 * thread carries on in each case, and the clerk gets a Chinese reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/station';
import { builtWorker, createImportReader } from '../../main/services/import-runner';
import { createImportJobs, inSlices } from '../../main/services/import-jobs';
import { IMPORT_MESSAGES } from '../../main/services/residents-io';

function script(name: string, body: string): string {
  const file = path.join(tempDir('sd-worker-'), name);
  fs.writeFileSync(file, body);
  return file;
}

async function refusal(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('expected a refusal');
}

/** Counts turns of this thread's event loop until `p` settles: a frozen thread makes none. */
async function turnsWhile(p: Promise<unknown>): Promise<number> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  let turns = 0;
  while (!done) {
    await new Promise((r) => setTimeout(r, 5));
    turns++;
  }
  return turns;
}

describe('the import worker', () => {
  it('is ended when it runs past its time limit', async () => {
    const reader = createImportReader({ workerFile: script('spin.cjs', 'for (;;) {}'), timeLimitMs: 300 });
    const p = reader.read('a.csv', Buffer.from('x'));
    expect(await turnsWhile(p)).toBeGreaterThan(5);
    expect(await refusal(p)).toMatchObject({ code: 'VALIDATION', message: IMPORT_MESSAGES.tooSlow(0) });
    // the slot is given back once the thread has really gone
    while (reader.running > 0) await new Promise((r) => setTimeout(r, 10));
    expect(reader.running).toBe(0);
  });

  it('is ended when it runs out of its memory, and the station lives on', async () => {
    const greedy = script('greedy.cjs', 'const keep = []; for (;;) keep.push(new Array(100000).fill({ a: Math.random() }));');
    const reader = createImportReader({ workerFile: greedy, memoryLimitMb: 32 });
    const before = process.memoryUsage().heapUsed;
    expect(await refusal(reader.read('a.xlsx', Buffer.from('x')))).toMatchObject({ code: 'VALIDATION', message: IMPORT_MESSAGES.tooMuchMemory });
    // the worker's heap was its own
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('turns a worker that answers nonsense or dies into a refusal, and limits how many read at once', async () => {
    const liar = createImportReader({ workerFile: script('liar.cjs', "require('node:worker_threads').parentPort.postMessage({ type: 'done', sheet: { rows: 'all of them' } });") });
    expect(await refusal(liar.read('a.csv', Buffer.from('x')))).toMatchObject({ code: 'INTERNAL', message: IMPORT_MESSAGES.broken });
    const quitter = createImportReader({ workerFile: script('quit.cjs', 'process.exit(3);') });
    expect(await refusal(quitter.read('a.csv', Buffer.from('x')))).toMatchObject({ code: 'VALIDATION', message: IMPORT_MESSAGES.broken });

    const slow = createImportReader({ workerFile: script('slow.cjs', 'setTimeout(() => {}, 60000);'), concurrency: 1, timeLimitMs: 500 });
    const first = slow.read('a.csv', Buffer.from('x'));
    expect(await refusal(slow.read('b.csv', Buffer.from('x')))).toMatchObject({ code: 'UNAVAILABLE', message: IMPORT_MESSAGES.busy });
    expect(await refusal(first)).toMatchObject({ message: IMPORT_MESSAGES.tooSlow(1) });
  });

  it('is found beside the bundle, and unpacked beside app.asar when packaged', () => {
    const dist = path.join(tempDir('sd-dist-'), 'dist', 'main');
    fs.mkdirSync(dist, { recursive: true });
    expect(builtWorker(dist)).toBeNull();
    fs.writeFileSync(path.join(dist, 'import-worker.cjs'), '');
    expect(builtWorker(dist)).toBe(path.join(dist, 'import-worker.cjs'));

    const resources = tempDir('sd-packaged-');
    const inAsar = path.join(resources, 'app.asar', 'dist', 'main');
    const unpacked = path.join(resources, 'app.asar.unpacked', 'dist', 'main');
    fs.mkdirSync(inAsar, { recursive: true });
    fs.mkdirSync(unpacked, { recursive: true });
    fs.writeFileSync(path.join(unpacked, 'import-worker.cjs'), '');
    expect(builtWorker(inAsar)).toBe(path.join(unpacked, 'import-worker.cjs'));
  });

  it('reads a file with the real worker, reporting progress', async () => {
    const reader = createImportReader();
    const seen: [number, number][] = [];
    const lines = ['姓名,身份证号', ...Array.from({ length: 5000 }, (_, i) => `居民,${String(i)}`)];
    const sheet = await reader.read('a.csv', Buffer.from(lines.join('\n')), (d, t) => seen.push([d, t]));
    expect(sheet.rows).toHaveLength(5000);
    expect(sheet.rows[4999]).toEqual({ line: 5001, cells: { name: '居民', idNumber: '4999' }, numericId: false });
    expect(seen.at(-1)?.[0]).toBe(seen.at(-1)?.[1]);
    expect(seen.every(([d, t], i) => d <= t && (i === 0 || d >= seen[i - 1]![0]))).toBe(true);
  });
});

describe('import jobs', () => {
  it('answer with progress while running, the result once when done, and errors as the poll\'s error', async () => {
    const jobs = createImportJobs<string>({ pollWaitMs: 20 });
    let finish: (v: string) => void = () => undefined;
    const id = jobs.start('staff-1', (report) => {
      report('checking', 3, 10);
      return new Promise<string>((r) => (finish = r));
    });
    expect(await jobs.poll('staff-1', id)).toEqual({ state: 'running', phase: 'checking', done: 3, total: 10 });
    await expect(jobs.poll('staff-2', id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    finish('预览');
    expect(await jobs.poll('staff-1', id)).toEqual({ state: 'done', result: '预览' });
    await expect(jobs.poll('staff-1', id)).rejects.toMatchObject({ code: 'NOT_FOUND', message: IMPORT_MESSAGES.expired });

    const failing = jobs.start('staff-1', () => Promise.reject(new Error('文件有误')));
    await expect(jobs.poll('staff-1', failing)).rejects.toThrow('文件有误');

    const hung = () => new Promise<string>(() => undefined);
    jobs.start('staff-3', hung);
    jobs.start('staff-3', hung);
    jobs.start('staff-3', hung);
    expect(() => jobs.start('staff-3', hung)).toThrow(IMPORT_MESSAGES.busy);
  });

  it('check rows in slices, letting the event loop turn between them', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const items = Array.from({ length: 3000 }, (_, i) => i);
    const reports: number[] = [];
    const out = await inSlices(items, (i) => {
      const until = Date.now() + (i % 500 === 0 ? 2 : 0);
      while (Date.now() < until);
      return i * 2;
    }, (d) => reports.push(d), 500);
    clearInterval(ticker);
    expect(out[2999]).toBe(5998);
    expect(reports).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
    expect(turns).toBeGreaterThan(0);
  });
});
