/**
 * The import worker: reads one spreadsheet off the main thread, so a file that is slow or
 * greedy to read costs this thread (and its memory limit), never the counter's calls.
 * Started by import-runner.ts with the file's bytes in workerData; answers with messages
 * the runner checks against its schema.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../common/errors';
import { readSheet } from './residents-read';

interface Job {
  fileName: string;
  bytes: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('import-worker runs only as a worker thread');
const job = workerData as Job;

let last = 0;
readSheet(job.fileName, job.bytes, (done, total) => {
  // a message every few percent is plenty for a progress bar
  if (done !== total && done - last < total / 50) return;
  last = done;
  port.postMessage({ type: 'progress', done, total });
}).then(
  (sheet) => port.postMessage({ type: 'done', sheet }),
  (err: unknown) => {
    if (err instanceof AppError) port.postMessage({ type: 'refused', message: err.message });
    // No detail crosses: an engine message may quote the file's content.
    else port.postMessage({ type: 'failed', kind: err instanceof Error ? err.name : typeof err });
  },
);
