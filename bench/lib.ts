import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export interface Figure {
  value: number;
  unit: string;
  note?: string;
}

export const benchRoot = process.env.BENCH_ROOT ?? process.cwd();

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Prints the figures as a table and writes bench/out/<name>.json. */
export function report(name: string, figures: Record<string, Figure>): void {
  const rows = Object.entries(figures).map(([k, f]) => ({ figure: k, value: Number(f.value.toFixed(2)), unit: f.unit, note: f.note ?? '' }));
  console.table(rows);
  const dir = path.join(benchRoot, 'bench', 'out');
  fs.mkdirSync(dir, { recursive: true });
  const json = { figures: Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { value: f.value, unit: f.unit }])), machine: machine() };
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
  console.log(`machine: ${json.machine}\nwritten: bench/out/${name}.json`);
}

/**
 * The built browser-mode host on a random port, and its one-time launch URL once it listens
 * (open it in one page, or trade it with bench/gen/host-client.ts); with printToken, also the
 * script token (`x-station-token`) for calls from Node beside a page.
 */
export async function spawnHost(dataDir: string, opts: { stderr?: 'ignore' | 'inherit'; env?: NodeJS.ProcessEnv; printToken?: boolean } = {}): Promise<{ child: ChildProcess; url: string; token: string | null }> {
  const child = spawn(process.execPath, ['dist/main/host.js', '--data-dir', dataDir, '--port', '0', ...(opts.printToken ? ['--print-token'] : [])], {
    cwd: benchRoot,
    stdio: ['ignore', 'pipe', opts.stderr ?? 'ignore'],
    env: opts.env ?? process.env,
  });
  const { url, token } = await new Promise<{ url: string; token: string | null }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const u = /STATIONDESK_URL=(\S+)/.exec(out)?.[1];
      const t = /STATIONDESK_TOKEN=(\S+)/.exec(out)?.[1] ?? null;
      if (u && (t || !opts.printToken)) resolve({ url: u, token: t });
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  return { child, url, token };
}

/** Debian's Chromium with the flags DESIGN.md §7 names. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** Fills in the first-run setup form (the page shows it) and submits it. */
export async function submitSetup(page: Page): Promise<void> {
  const fields: [string, string][] = [
    ['setup-station-code', '130102001'],
    ['setup-station-name', '建北街道党群服务中心'],
    ['setup-station-county', '石家庄市长安区'],
    ['setup-station-address', '中山东路 12 号'],
    ['setup-station-phone', '0311-86012345'],
    ['setup-admin-name', '王建国'],
    ['setup-admin-login', 'admin'],
    ['setup-admin-password', 'Station2026'],
    ['setup-admin-confirm', 'Station2026'],
  ];
  for (const [id, v] of fields) await page.getByTestId(id).fill(v);
  await page.getByTestId('setup-submit').click();
}
