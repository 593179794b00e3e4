import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
