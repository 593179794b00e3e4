/**
 * Exported lists do not pile up in the data folder (issue 8, item 3): a file in exports/ is
 * removed exportKeepDays (machine setting, 7 by default) after it was made. "Made" is the
 * file's modification time, which saveExport sets from the injected clock; "now" is that
 * clock too, so a test (or a rerun under faketime) decides what has expired. Swept at start
 * and every hour; each sweep that removes something leaves one audit entry with the count.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import type { Write } from '../db/write';
import { EXPORTS_DIR } from '../data-dir';
import { errorText, log } from '../log';

const DAY_MS = 86_400_000;
export const SWEEP_EVERY_MS = 3_600_000;

export function createExportsExpiry(deps: { dataDir: string; clock: Clock; write: Write; keepDays: () => number }) {
  const dir = path.join(deps.dataDir, EXPORTS_DIR);

  /** Removes every export older than the setting; answers how many were removed. */
  function sweep(): number {
    const keepDays = deps.keepDays();
    const cutoff = deps.clock.now().getTime() - keepDays * DAY_MS;
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return 0; // no exports yet
    }
    let removed = 0;
    let failed = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        const st = fs.lstatSync(file);
        if (!st.isFile() || st.mtimeMs > cutoff) continue;
        fs.unlinkSync(file);
        removed += 1;
      } catch (err) {
        failed += 1;
        log.warn('expired export not removed', { error: errorText(err) });
      }
    }
    if (removed > 0) {
      // a count and the setting: the files' names say what was exported, and that is in the export's own entry
      deps.write((tx) => tx.note({ actorId: null, action: 'export_file.expire', entity: 'export_file', entityId: null, detail: { files: removed, keepDays } }));
    }
    if (removed > 0 || failed > 0) log.info('expired exports swept', { removed, failed, keepDays });
    return removed;
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    sweep,
    start(everyMs = SWEEP_EVERY_MS) {
      if (timer) return;
      timer = setInterval(() => {
        try {
          sweep();
        } catch (err) {
          log.warn('export sweep failed', { error: errorText(err) });
        }
      }, everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
