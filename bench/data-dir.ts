/**
 * The start-up check of the data folder's modes (main/data-dir.ts) over a station a few
 * years old: 20,000 archived PDFs in 40 month folders. It lstat-s every entry once per start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDataDirModes } from '../main/data-dir';
import { median, report } from './lib';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-walk-'));
const MONTHS = 40;
const PER_MONTH = 500;
for (let m = 0; m < MONTHS; m++) {
  const d = path.join(dir, 'documents', String(2023 + Math.floor(m / 12)), String((m % 12) + 1).padStart(2, '0'));
  fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  for (let i = 0; i < PER_MONTH; i++) fs.writeFileSync(path.join(d, `${i}.pdf`), 'x', { mode: 0o600 });
}
const clean: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  if (checkDataDirModes(dir).tooOpen !== 0) throw new Error('expected an owner-only folder');
  clean.push(performance.now() - t0);
}
// the first start after an upgrade: every file 0644, every folder 0755
for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) fs.chmodSync(path.join(f.parentPath, f.name), f.isDirectory() ? 0o755 : 0o644);
const t0 = performance.now();
const fixed = checkDataDirModes(dir);
const fixMs = performance.now() - t0;
fs.rmSync(dir, { recursive: true, force: true });
report('data-dir', {
  check_20k_files_median: { value: median(clean), unit: 'ms', note: `${MONTHS * PER_MONTH} PDFs, nothing to fix` },
  check_and_fix_20k_files: { value: fixMs, unit: 'ms', note: `${fixed.fixed} entries tightened` },
});
