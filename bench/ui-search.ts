/**
 * Search as you type at 1,000,000 residents, as the clerk sees it (issue 6 item 16): from a
 * keystroke in 查找与登记 to its results painted, in Chromium against browser mode on the
 * search bench's database; beside it the same searches over HTTP from Node (transport and
 * query, no renderer) and in process (the query alone).
 *
 * The database is the one bench/search.ts generates (run first if none is there), copied
 * into a fresh data folder so the bench's own writes (setup, sign-in) never touch it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { createResidents } from '../main/services/residents';
import { createAudit } from '../main/services/audit';
import { systemClock } from '../main/clock';
import type { ServiceContext } from '../main/context';
import { benchRoot, launchChromium, median, percentile, report, spawnHost, submitSetup, type Figure } from './lib';

const COUNT = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_UI_QUERIES ?? 40);
/** the renderer's debounce (renderer/src/features/residents/shared.ts), named in the table */
const DEBOUNCE_MS = 120;

function findDatabase(): string | null {
  const found = fs
    .readdirSync(os.tmpdir())
    .filter((f) => /^stationdesk-search-bench-[0-9a-f]+\.db$/.test(f))
    .map((f) => path.join(os.tmpdir(), f))
    .filter((file) => {
      try {
        const db = new Database(file, { readonly: true, fileMustExist: true });
        const n = db.prepare("SELECT v FROM bench_meta WHERE k = 'complete'").pluck().get();
        db.close();
        return n === COUNT;
      } catch {
        return false;
      }
    })
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return found[0] ?? null;
}

let source = findDatabase();
if (!source) {
  console.log('未找到搜索基准数据库，先运行 bench search 生成 …');
  spawnSync(process.execPath, [path.join(benchRoot, 'scripts/bench.mjs'), 'search'], { cwd: benchRoot, stdio: 'inherit' });
  source = findDatabase();
  if (!source) throw new Error('search bench database missing');
}
console.log(`数据库：${source}`);

// ---------- the queries: what a clerk types, from real rows ----------

const src = new Database(source, { readonly: true });
const maxRid = src.prepare('SELECT max(rid) FROM residents').pluck().get() as number;
const pick = src.prepare<[number], { name: string; phone_digits: string | null; name_initials: string }>('SELECT name, phone_digits, name_initials FROM residents WHERE rid >= ? ORDER BY rid LIMIT 1');
let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const typed: string[] = [];
while (typed.length < QUERIES) {
  const r = pick.get(1 + Math.floor(rand() * maxRid));
  if (!r) continue;
  const kind = typed.length % 4;
  if (kind === 0 || kind === 1) typed.push(Array.from(r.name).slice(0, 2).join(''));
  else if (kind === 2 && /^[a-z]{2,}$/.test(r.name_initials)) typed.push(r.name_initials.slice(0, 3));
  else if (kind === 3 && r.phone_digits) typed.push(r.phone_digits.slice(-4));
}

// ---------- in process: the query alone ----------

const clerk = { id: 'bench', login: 'bench', name: '基准', role: 'clerk' as const, active: true, lockedUntil: null, lastSignInAt: null, createdAt: '' };
const residents = createResidents({ db: src, clock: systemClock, audit: createAudit(src, systemClock), auth: { require: () => clerk }, dataDir: os.tmpdir(), resourcesDir: '' } as unknown as ServiceContext);
/** every prefix a keystroke produces, as the box sends them */
const prefixes = typed.flatMap((q) => Array.from(q).map((_, i) => Array.from(q).slice(0, i + 1).join('')));
for (const q of prefixes.slice(0, 10)) await residents.api['residents.search']({ q, limit: 30 }, { kind: 'staff', id: clerk.id, name: clerk.name, role: clerk.role });
const inProcess: number[] = [];
for (const q of prefixes) {
  const t = performance.now();
  await residents.api['residents.search']({ q, limit: 30 }, { kind: 'staff', id: clerk.id, name: clerk.name, role: clerk.role });
  inProcess.push(performance.now() - t);
}
src.close();

// ---------- browser mode on a copy ----------

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-ui-search-'));
fs.copyFileSync(source, path.join(dataDir, 'stationdesk.db'));
const { child, url: launchUrl, token } = await spawnHost(dataDir, { stderr: 'inherit', env: { ...process.env, STATIONDESK_QUIET: '1' }, printToken: true });
const origin = new URL(launchUrl).origin;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

async function setUp(p: Page): Promise<void> {
  await p.goto(launchUrl);
  await p.getByTestId('setup-submit').waitFor();
  await submitSetup(p);
  await p.getByTestId('shell').waitFor();
  await p.keyboard.press('Alt+2');
  await p.getByTestId('resident-search').waitFor();
}
await setUp(page);

// In the page: note each input's time and, once the results for that text are on screen,
// the end of the frame that paints them; no polling, so the bench adds no work of its own.
interface Probe {
  typedAt: number;
  want: string;
  done: ((ms: number) => void) | null;
  next(): Promise<number>;
}
await page.evaluate(() => {
  const box = document.querySelector<HTMLInputElement>('[data-testid="resident-search"]')!;
  const tab = document.querySelector('[data-testid="resident-search-tab"]')!;
  const probe: Probe = {
    typedAt: 0,
    want: '',
    done: null,
    next: () => new Promise<number>((resolve) => (probe.done = resolve)),
  };
  (window as unknown as { __sd: Probe }).__sd = probe;
  box.addEventListener('input', (e) => {
    probe.typedAt = e.timeStamp;
    probe.want = box.value.trim();
  }, true);
  new MutationObserver(() => {
    const done = probe.done;
    if (!done || probe.want === '' || tab.getAttribute('data-results-for') !== probe.want) return;
    probe.done = null;
    // the next frame's callbacks run before its style, layout and paint; a task queued there runs after them
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - probe.typedAt), 0));
  }).observe(tab, { attributes: true, attributeFilter: ['data-results-for'] });
});

const box = page.getByTestId('resident-search');
const keystroke: number[] = [];
const slowest: { q: string; ms: number }[] = [];
async function typeOne(text: string, warm: boolean): Promise<void> {
  await box.fill('');
  await page.waitForFunction(() => document.querySelector('[data-testid="resident-search-tab"]')?.getAttribute('data-results-for') === '');
  for (const ch of Array.from(text)) {
    const painted = page.evaluate(() => (window as unknown as { __sd: Probe }).__sd.next());
    await page.keyboard.type(ch);
    const v = await painted;
    if (!warm) {
      keystroke.push(v);
      slowest.push({ q: (await box.inputValue()).trim(), ms: Math.round(v) });
    }
  }
}
for (const q of typed.slice(0, 4)) await typeOne(q, true);
for (const q of typed) await typeOne(q, false);

// ---------- over HTTP from Node: transport and query, no renderer ----------

const http: number[] = [];
for (const q of prefixes) {
  const t = performance.now();
  const res = await fetch(`${origin}/api/residents.search`, { method: 'POST', headers: { 'content-type': 'application/json', origin, 'x-station-token': token! }, body: JSON.stringify({ q, limit: 30 }) });
  const body = (await res.json()) as { ok: boolean };
  if (!body.ok) throw new Error('search over HTTP failed');
  http.push(performance.now() - t);
}

await browser.close();
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
fs.rmSync(dataDir, { recursive: true, force: true });

const figures: Record<string, Figure> = {
  ui_search_keystroke_to_paint_median: { value: median(keystroke), unit: 'ms', note: `${keystroke.length} keystrokes over ${typed.length} queries (names, pinyin, phone digits), ${DEBOUNCE_MS} ms debounce included` },
  ui_search_keystroke_to_paint_p95: { value: percentile(keystroke, 95), unit: 'ms' },
  ui_search_debounce_ms: { value: DEBOUNCE_MS, unit: 'ms', note: 'the wait after the last keystroke before asking' },
  ui_search_http_median: { value: median(http), unit: 'ms', note: 'POST /api/residents.search from Node, same prefixes' },
  ui_search_http_p95: { value: percentile(http, 95), unit: 'ms' },
  ui_search_in_process_median: { value: median(inProcess), unit: 'ms', note: 'residents.search called in process, same prefixes' },
  ui_search_in_process_p95: { value: percentile(inProcess, 95), unit: 'ms' },
  ui_search_renderer_median: { value: median(keystroke) - DEBOUNCE_MS - median(http), unit: 'ms', note: 'keystroke-to-paint less debounce and HTTP: what the page itself takes' },
};
report('ui-search', figures);
console.log('slowest keystrokes:', slowest.sort((a, b) => b.ms - a.ms).slice(0, 8).map((x) => `${x.q.length <= 2 && /\d/.test(x.q) ? x.q : x.q.replace(/\d/g, '#')} ${x.ms} ms`).join(', '));
