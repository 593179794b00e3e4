/**
 * What keeping the 操作日志 head outside the database costs a write (issue 8, item 6): one
 * audit-only write (tx.note) in its own IMMEDIATE transaction on a real file with
 * synchronous=FULL, as a sign-in or a print makes, without the kept head, with it in
 * browser mode's config.json (jsonFileStore: write-then-rename) and with it in conf (the
 * store under electron-store: atomic write). Also the head update alone, per call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { openDb, type Db } from '../main/db/open';
import { migrate } from '../main/db/migrate';
import { createAudit } from '../main/services/audit';
import { createWriter } from '../main/db/write';
import { jsonFileStore } from '../main/host/json-store';
import { createAuditHeadKeeper } from '../main/services/audit-head';
import type { KeyValueStore } from '../main/settings-store';
import type { Clock } from '../main/clock';
import { median, percentile, report, type Figure } from './lib';

const WRITES = 400;
const clock: Clock = { now: () => new Date() };

function station(): { db: Db; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-head-'));
  const db = openDb(path.join(dir, 'stationdesk.db'));
  migrate(db);
  db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s1', 'clerk', '办事员', 'clerk', 'h', 't', 't')").run();
  return { db, dir };
}

function confStore(dir: string): KeyValueStore {
  const c = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', configFileMode: 0o600, projectName: 'StationDesk' });
  return { get: (k) => c.get(k), set: (k, v) => c.set(k, v) };
}

function run(kind: 'none' | 'json' | 'conf'): { perWrite: number[]; update: number[] } {
  const { db, dir } = station();
  const audit = createAudit(db, clock);
  const store = kind === 'json' ? jsonFileStore(dir) : kind === 'conf' ? confStore(dir) : null;
  // a station's config.json also holds the machine settings
  store?.set('machine', { countyUrl: 'https://county.example.cn', printer: 'StationPDF', idleMinutes: 15, receiptLayout: 'a4', exportKeepDays: 7 });
  const keeper = store ? createAuditHeadKeeper(db, store) : null;
  const update: number[] = [];
  const timedUpdate = keeper
    ? () => {
        const t0 = process.hrtime.bigint();
        keeper.update();
        update.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    : undefined;
  const write = createWriter(db, clock, audit.append, timedUpdate);
  const note = () => write((tx) => tx.note({ actorId: 's1', action: 'document.print', entity: 'document', entityId: 'd1', detail: { number: '130102001-20261127-0001', copyNo: 1 } }));
  for (let i = 0; i < 20; i++) note();
  update.length = 0;
  const perWrite: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const t0 = process.hrtime.bigint();
    note();
    perWrite.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (keeper && keeper.read()?.seq !== WRITES + 20) throw new Error('kept head is not the newest row');
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { perWrite, update };
}

const figures: Record<string, Figure> = {};
const base = run('none');
const json = run('json');
const conf = run('conf');
figures.note_write_median_no_head = { value: median(base.perWrite), unit: 'ms', note: 'tx.note, own transaction, synchronous=FULL' };
figures.note_write_median_head_json = { value: median(json.perWrite), unit: 'ms', note: 'plus the head in config.json (browser mode)' };
figures.note_write_median_head_conf = { value: median(conf.perWrite), unit: 'ms', note: 'plus the head in conf (electron-store)' };
figures.note_write_p95_no_head = { value: percentile(base.perWrite, 95), unit: 'ms' };
figures.note_write_p95_head_json = { value: percentile(json.perWrite, 95), unit: 'ms' };
figures.note_write_p95_head_conf = { value: percentile(conf.perWrite, 95), unit: 'ms' };
figures.head_update_median_json = { value: median(json.update), unit: 'ms', note: 'keeper.update() alone' };
figures.head_update_median_conf = { value: median(conf.update), unit: 'ms', note: 'keeper.update() alone' };
figures.head_cost_per_write_json = { value: median(json.perWrite) - median(base.perWrite), unit: 'ms', note: 'median difference' };
figures.head_cost_per_write_conf = { value: median(conf.perWrite) - median(base.perWrite), unit: 'ms', note: 'median difference' };
report('audit-head', figures);
