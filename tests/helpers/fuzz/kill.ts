/**
 * kill -9 in the middle of writes, N times: a child station process writes through the real
 * write path (kill-child.ts) and prints each write its call answered; it is SIGKILLed after a
 * seeded number of answers plus a seeded delay, so the kill lands inside a later write. After
 * each kill the database file is checked (db-check.ts) and every answered write looked for.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { openTestStation, STATION, ADMIN, tempDir } from '../station';
import { checkDbFile } from './db-check';
import type { Rng } from '../zod-walk';

export interface KillFigures {
  kills: number;
  killsSurvived: number;
  acknowledgedWrites: number;
  acknowledgedLost: number;
  receiptNumbersReused: number;
  partialWrites: number;
  integrityFailures: number;
  auditChainFailures: number;
  problems: string[];
}

/** Bundles the child once per process (the same plugin as the sync kill test: SQL migrations are read as text). */
let childBuilt: Promise<string> | null = null;
export function buildKillChild(root = process.cwd()): Promise<string> {
  childBuilt ??= (async () => {
    const outfile = path.join(root, 'node_modules/.cache/sd-fuzz-child/child.mjs');
    await build({
      entryPoints: [path.join(root, 'tests/helpers/fuzz/kill-child.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      define: { __APP_VERSION__: '"fuzz"' },
      plugins: [
        {
          name: 'raw',
          setup(b) {
            b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
            b.onLoad({ filter: /.*/, namespace: 'raw' }, async (a) => ({ contents: await fsp.readFile(a.path, 'utf8'), loader: 'text' }));
          },
        },
      ],
    });
    return outfile;
  })();
  return childBuilt;
}

interface Ack {
  kind: 'resident' | 'intake';
  id: string;
  receiptNo?: string;
}

/** One child run: resolves once it is dead, with the writes it acknowledged. */
function runAndKill(child: string, env: Record<string, string>, killAfterAcks: number, delayMs: number, root: string): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [child], { cwd: root, env: { ...process.env, STATIONDESK_QUIET: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let buf = '';
    let out = '';
    let armed = false;
    p.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('ACK ')) acks.push(JSON.parse(line.slice(4)) as Ack);
        else out += `${line}\n`;
        if (!armed && acks.length >= killAfterAcks) {
          armed = true;
          // the kill lands inside one of the writes that follow
          setTimeout(() => p.kill('SIGKILL'), delayMs);
        }
      }
    });
    p.stderr.on('data', (c: Buffer) => (out += c.toString()));
    p.on('exit', (_code, signal) => resolve({ acks, signal, out: out.slice(-2000) }));
  });
}

export async function killRun(opts: { kills: number; r: Rng; root?: string; deadline?: number; log?: (s: string) => void }): Promise<KillFigures> {
  const root = opts.root ?? process.cwd();
  const child = await buildKillChild(root);
  const dataDir = tempDir('sd-fuzz-kill-');
  // the station, its administrator and one resident, made once by this process
  const s = await openTestStation({ dataDir, resourcesDir: path.join(root, 'resources') });
  await s.client['setup.init']({ station: STATION, admin: ADMIN });
  const resident = await s.client['residents.create']({ name: '张堃', idNumber: '11010519491231002X' });
  const item = await s.client['catalogue.get']({ code: 'DB-003' });
  const dbPath = s.dbPath;
  s.close();

  const f: KillFigures = { kills: 0, killsSurvived: 0, acknowledgedWrites: 0, acknowledgedLost: 0, receiptNumbersReused: 0, partialWrites: 0, integrityFailures: 0, auditChainFailures: 0, problems: [] };
  /** receipt number → the record that was answered with it */
  const receipts = new Map<string, string>();
  const acked: Ack[] = [];
  for (let k = 0; k < opts.kills; k++) {
    if (opts.deadline && Date.now() > opts.deadline && k > 0) break;
    const env = { DATA_DIR: dataDir, RESOURCES_DIR: path.join(root, 'resources'), RUN: String(k), RESIDENT_ID: resident.id, ITEM_CODE: item.code, MATERIALS: JSON.stringify(item.materials) };
    const { acks, signal, out } = await runAndKill(child, env, 1 + opts.r.int(4), opts.r.int(40), root);
    f.kills++;
    if (signal !== 'SIGKILL') {
      f.problems.push(`kill ${k}: the child ended by itself (${signal ?? 'exit'}): ${out}`);
      continue;
    }
    acked.push(...acks);
    f.acknowledgedWrites += acks.length;
    for (const a of acks) {
      if (a.kind !== 'intake' || !a.receiptNo) continue;
      const before = receipts.get(a.receiptNo);
      if (before && before !== a.id) {
        f.receiptNumbersReused++;
        f.problems.push(`kill ${k}: receipt ${a.receiptNo} answered for two records`);
      }
      receipts.set(a.receiptNo, a.id);
    }
    // after the restart-to-be: the file as the next process will open it
    const c = checkDbFile(dbPath);
    let ok = true;
    if (c.integrity !== 'ok') {
      f.integrityFailures++;
      ok = false;
      f.problems.push(`kill ${k}: integrity_check ${c.integrity}`);
    }
    if (!c.auditOk) {
      f.auditChainFailures++;
      ok = false;
      f.problems.push(`kill ${k}: audit chain broken`);
    }
    if (c.partialWrites > 0) {
      f.partialWrites += c.partialWrites;
      ok = false;
      f.problems.push(`kill ${k}: ${c.partialWrites} partial writes`);
    }
    if (c.duplicateReceipts > 0) {
      f.receiptNumbersReused += c.duplicateReceipts;
      ok = false;
    }
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const a of acked) {
        const row = a.kind === 'resident' ? db.prepare('SELECT id FROM residents WHERE id = ?').get(a.id) : (db.prepare('SELECT id, receipt_no AS receiptNo FROM intake_records WHERE id = ?').get(a.id) as { receiptNo: string } | undefined);
        const lost = !row || (a.kind === 'intake' && (row as { receiptNo: string }).receiptNo !== a.receiptNo);
        if (lost) {
          f.acknowledgedLost++;
          ok = false;
          f.problems.push(`kill ${k}: acknowledged ${a.kind} ${a.id} not found`);
        }
      }
    } finally {
      db.close();
    }
    if (ok) f.killsSurvived++;
    opts.log?.(`kill ${k + 1}/${opts.kills}: ${acks.length} writes answered, file ${ok ? 'intact' : 'DAMAGED'}`);
  }
  // one last clean start: the station opens (migrations, WAL recovery) and answers
  const again = await openTestStation({ dataDir, resourcesDir: path.join(root, 'resources') });
  try {
    await again.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const v = await again.client['audit.verify']({});
    if (!v.ok) {
      f.auditChainFailures++;
      f.problems.push('after the last kill: audit.verify says broken');
    }
  } finally {
    again.close();
  }
  return f;
}
