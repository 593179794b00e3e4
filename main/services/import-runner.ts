/**
 * Runs import-worker.ts in a worker thread with a memory and a time limit, so that no file
 * can freeze the counter (every call waits while the main thread is busy) or take it down
 * (a heap that runs out kills the whole process, and under Electron every window with it).
 * A worker that runs out of memory or time is ended and the clerk gets a Chinese reason.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as z from 'zod';
import type * as Esbuild from 'esbuild';
import { AppError } from '../../common/errors';
import { log } from '../log';
import { IMPORT_COLUMNS, IMPORT_LIMITS, IMPORT_MESSAGES as M, type ImportColumn, type Sheet, type SheetRow } from './residents-io';

export interface ImportReaderOptions {
  /** the worker script; default: the built one beside this bundle, or built from source in development */
  workerFile?: string;
  timeLimitMs?: number;
  /** the worker's old-generation heap */
  memoryLimitMb?: number;
  /** workers reading at once; more are refused until one ends */
  concurrency?: number;
}

export type ImportProgress = (done: number, total: number) => void;

const DEFAULTS = { timeLimitMs: 60_000, memoryLimitMb: 256, concurrency: 2 } as const;

const cellsSchema = z.object(Object.fromEntries(Object.keys(IMPORT_COLUMNS).map((k) => [k, z.string().max(10_000).optional()])) as Record<ImportColumn, z.ZodOptional<z.ZodString>>);
const MessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('rows'), rows: z.array(z.object({ line: z.number().int(), cells: cellsSchema, numericId: z.boolean() })).max(5_000) }),
  z.object({ type: z.literal('done'), ignoredColumns: z.array(z.string().max(100)).max(1_000) }),
  z.object({ type: z.literal('refused'), message: z.string().max(500) }),
  z.object({ type: z.literal('failed'), kind: z.string().max(100) }),
]);

/**
 * The built worker sits beside the bundle (dist/main). Packaged, the bundle runs from
 * resources/app.asar/dist/main and the worker is unpacked beside the archive
 * (resources/app.asar.unpacked/dist/main, electron-builder.yml's asarUnpack), where a worker
 * thread loads it with plain fs.
 */
export function builtWorker(here = path.dirname(fileURLToPath(import.meta.url))): string | null {
  const file = path.join(here, 'import-worker.cjs');
  const unpacked = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (unpacked !== file && fs.existsSync(unpacked)) return unpacked;
  return fs.existsSync(file) ? file : null;
}

let fromSource: Promise<string> | null = null;

/**
 * Running from the TypeScript sources (vitest): a worker thread cannot load .ts, so the worker
 * is bundled once per process with the same esbuild settings as scripts/build-main.mjs.
 */
function sourceWorker(): Promise<string> | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const entry = path.join(here, 'import-worker.ts');
  if (!fs.existsSync(entry)) return null;
  fromSource ??= (async () => {
    const esbuild = 'esbuild';
    const { build } = (await import(/* @vite-ignore */ esbuild)) as typeof Esbuild;
    const out = await build({ entryPoints: [entry], write: false, outfile: 'import-worker.cjs', bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const code = out.outputFiles[0]!.contents;
    // named by its content: every test process builds the same file, and none piles up
    const file = path.join(os.tmpdir(), `sd-import-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
    if (!fs.existsSync(file)) {
      const part = `${file}.${process.pid}.part`;
      fs.writeFileSync(part, code);
      fs.renameSync(part, file);
    }
    return file;
  })();
  return fromSource;
}

async function workerFile(opts: ImportReaderOptions): Promise<string> {
  const file = opts.workerFile ?? process.env.STATIONDESK_IMPORT_WORKER ?? builtWorker() ?? (await sourceWorker());
  if (!file) throw new AppError('INTERNAL', M.broken);
  return file;
}

/** One reader per station: reads files in workers, at most `concurrency` at a time. */
export function createImportReader(opts: ImportReaderOptions = {}) {
  const o = { ...DEFAULTS, ...opts };
  let running = 0;

  async function read(fileName: string, bytes: Buffer, progress: ImportProgress = () => undefined): Promise<Sheet> {
    if (running >= o.concurrency) throw new AppError('UNAVAILABLE', M.busy);
    running++;
    // released when the thread has exited, not when its answer is in: until then it holds its memory
    let release = () => void running--;
    const releaseOnce = () => {
      release();
      release = () => undefined;
    };
    let spawned = false;
    try {
      const script = await workerFile(o);
      // A copy the worker owns: transferring it leaves the caller's Buffer (often a pool slice) alone.
      const copy = new Uint8Array(bytes);
      return await new Promise<Sheet>((resolve, reject) => {
        const worker = new Worker(script, {
          workerData: { fileName, bytes: copy },
          transferList: [copy.buffer],
          resourceLimits: { maxOldGenerationSizeMb: o.memoryLimitMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
          stdout: false,
          stderr: false,
        });
        let settled = false;
        const rows: SheetRow[] = [];
        const finish = (fn: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          fn();
          void worker.terminate();
        };
        const timer = setTimeout(() => {
          log.warn('import worker over its time limit', { ms: o.timeLimitMs });
          finish(() => reject(new AppError('VALIDATION', M.tooSlow(Math.round(o.timeLimitMs / 1000)), { fileName: M.tooSlow(Math.round(o.timeLimitMs / 1000)) })));
        }, o.timeLimitMs);
        worker.on('message', (raw: unknown) => {
          const m = MessageSchema.safeParse(raw);
          if (!m.success) return finish(() => reject(new AppError('INTERNAL', M.broken)));
          const msg = m.data;
          if (msg.type === 'progress') return progress(msg.done, msg.total);
          if (msg.type === 'rows') {
            if (rows.length + msg.rows.length > IMPORT_LIMITS.rows) return finish(() => reject(new AppError('INTERNAL', M.broken)));
            for (const r of msg.rows) rows.push(r as SheetRow);
            return;
          }
          if (msg.type === 'done') return finish(() => resolve({ rows, ignoredColumns: msg.ignoredColumns }));
          if (msg.type === 'refused') return finish(() => reject(new AppError('VALIDATION', msg.message, { fileName: msg.message })));
          log.error('import worker failed', { kind: msg.kind });
          finish(() => reject(new AppError('VALIDATION', M.broken, { fileName: M.broken })));
        });
        worker.on('error', (err: Error & { code?: string }) => {
          if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
            log.warn('import worker over its memory limit', { mb: o.memoryLimitMb });
            return finish(() => reject(new AppError('VALIDATION', M.tooMuchMemory, { fileName: M.tooMuchMemory })));
          }
          log.error('import worker crashed', { kind: err.name, code: err.code ?? null });
          finish(() => reject(new AppError('VALIDATION', M.broken, { fileName: M.broken })));
        });
        worker.on('exit', () => {
          releaseOnce();
          finish(() => reject(new AppError('VALIDATION', M.broken, { fileName: M.broken })));
        });
        spawned = true;
      });
    } finally {
      if (!spawned) releaseOnce();
    }
  }

  return { read, get running() { return running; } };
}

export type ImportReader = ReturnType<typeof createImportReader>;
