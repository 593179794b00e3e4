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

const ROW_BATCH = 1000;
let last = 0;
readSheet(job.fileName, job.bytes, (done, total) => {
  // a message every few percent is plenty for a progress bar
  if (done !== total && done - last < total / 50) return;
  last = done;
  port.postMessage({ type: 'progress', done, total });
}).then(
  (sheet) => {
    // In batches: the main thread unpacks and checks each message in one go, and 20,000 rows at once would stall it.
    for (let at = 0; at < sheet.rows.length; at += ROW_BATCH) port.postMessage({ type: 'rows', rows: sheet.rows.slice(at, at + ROW_BATCH) });
    port.postMessage({ type: 'done', ignoredColumns: sheet.ignoredColumns });
  },
  (err: unknown) => {
    if (err instanceof AppError) port.postMessage({ type: 'refused', message: err.message });
    // No detail crosses: an engine message may quote the file's content.
    else port.postMessage({ type: 'failed', kind: err instanceof Error ? err.name : typeof err });
  },
);
