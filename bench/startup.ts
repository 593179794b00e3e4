/**
 * Browser-mode startup: from spawning the host process to the first contentful paint of
 * the app in an already-running Chromium, and to the setup form being ready; plus the size
 * of the renderer bundle the window loads. So that start-up is not bought with a slower first
 * action, also the first steps after it: setup to the shell, and the first search (the 居民
 * area's code, the search box, the first answer painted).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { benchRoot, launchChromium, median, report, spawnHost, submitSetup } from './lib';

const RUNS = 7;

async function once(browser: Browser): Promise<{ firstPaint: number; ready: number; serverUp: number; toShell: number; firstArea: number; firstSearch: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-'));
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const t0 = Date.now();
  const { child, url } = await spawnHost(dataDir);
  const serverUp = Date.now() - t0;
  await page.goto(url);
  await page.getByTestId('setup-submit').waitFor({ state: 'visible' });
  const readyAt = Date.now();
  const fcpAt = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const find = () => performance.getEntriesByName('first-contentful-paint')[0];
        const e = find();
        if (e) return resolve(performance.timeOrigin + e.startTime);
        new PerformanceObserver(() => {
          const f = find();
          if (f) resolve(performance.timeOrigin + f.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  const submitAt = Date.now();
  await submitSetup(page);
  await page.getByTestId('shell').waitFor();
  await page.getByTestId('card-residents').waitFor();
  const toShell = Date.now() - submitAt;
  const searchAt = Date.now();
  await page.keyboard.press('Alt+2');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'resident-search');
  const firstArea = Date.now() - searchAt;
  await page.keyboard.type('张');
  // a new station has no residents: the answer on screen is 没有找到
  await page.getByText('没有找到符合的居民').waitFor();
  const firstSearch = Date.now() - searchAt;
  await page.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { firstPaint: fcpAt - t0, ready: readyAt - t0, serverUp, toShell, firstArea, firstSearch };
}

const browser = await launchChromium();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await once(browser));
await browser.close();

const assets = path.join(benchRoot, 'dist/renderer/assets');
const files = fs.readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
const raw = files.reduce((n, f) => n + fs.statSync(path.join(assets, f)).size, 0);
const gz = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
// What the first screen loads: the entry script, its preloaded chunks and the CSS index.html names.
const html = fs.readFileSync(path.join(benchRoot, 'dist/renderer/index.html'), 'utf8');
const initial = [...new Set([...html.matchAll(/assets\/([^"']+\.(?:js|css))/g)].map((m) => m[1]!))];
const initialRaw = initial.reduce((n, f) => n + fs.statSync(path.join(assets, f)).size, 0);

report('startup', {
  startup_first_paint_ms: { value: median(runs.map((r) => r.firstPaint)), unit: 'ms', note: `median of ${RUNS}: host spawn → first contentful paint` },
  startup_ready_ms: { value: median(runs.map((r) => r.ready)), unit: 'ms', note: 'host spawn → setup form usable' },
  startup_setup_to_shell_ms: { value: median(runs.map((r) => r.toShell)), unit: 'ms', note: 'setup submitted → 工作台 shown (password hashed, session opened, shell drawn)' },
  startup_first_area_ms: { value: median(runs.map((r) => r.firstArea)), unit: 'ms', note: 'Alt+2 → 居民 loaded, the search box has the keyboard' },
  startup_first_search_ms: { value: median(runs.map((r) => r.firstSearch)), unit: 'ms', note: 'Alt+2 → … a name typed → its answer (没有找到) on screen; 120 ms debounce included' },
  startup_server_up_ms: { value: median(runs.map((r) => r.serverUp)), unit: 'ms', note: 'host spawn → listening (db opened, migrated)' },
  renderer_bundle_kb: { value: raw / 1024, unit: 'KiB', note: `${files.length} JS/CSS files in dist/renderer/assets` },
  renderer_bundle_gzip_kb: { value: gz / 1024, unit: 'KiB' },
  renderer_initial_kb: { value: initialRaw / 1024, unit: 'KiB', note: `${initial.length} files index.html loads before the first screen` },
});
