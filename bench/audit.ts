/**
 * 操作日志 at a year of a busy station (200,000 entries): one page of each filter the
 * screen offers, with its count, and the export of one month. Beside the record filter
 * (id or any text in the detail, via json_tree) the id-only lookup it extends.
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { openDb } from '../main/db/open';
import { migrate } from '../main/db/migrate';
import { createAudit } from '../main/services/audit';
import { createWriter } from '../main/db/write';
import { ACTIONS } from '../common/entities';
import type { AuditEvent } from '../main/db/write';
import { createAuditExport } from '../main/services/audit-export';
import type { Clock } from '../main/clock';
import type { AuditFilter } from '../common/contract';
import { median, percentile, report, type Figure } from './lib';

const ENTRIES = 200_000;
const RUNS = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-audit-'));
const db = openDb(path.join(dir, 'stationdesk.db'));
migrate(db);

// entries spread over 2026, about 550 a day, from five staff members
let t = Date.parse('2026-01-01T00:30:00.000Z');
const clock: Clock = { now: () => new Date(t) };
const audit = createAudit(db, clock);
const staffIds = ['s1', 's2', 's3', 's4', 's5'];
const insertStaff = db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'clerk', 'h', 't', 't')");
staffIds.forEach((id, i) => insertStaff.run(id, `clerk${i}`, `办事员${i}`));
const step = (365 * 86_400_000) / ENTRIES;
const KINDS = ['intake.accept', 'document.issue', 'document.print', 'resident.update', 'staff.signIn'] as const;
db.transaction(() => {
  for (let i = 0; i < ENTRIES; i++) {
    t += step;
    const a = KINDS[i % KINDS.length]!;
    const no = `130102001-20260101-${String(i).padStart(5, '0')}`;
    audit.append({ actorId: staffIds[i % 5]!, action: a, entity: ACTIONS[a].entity, entityId: `id-${i}`, detail: a === 'staff.signIn' ? { login: 'clerk1' } : { receiptNo: no, itemCode: 'DB-003', kind: 'intake.acceptance' } } as AuditEvent);
  }
})();
t = Date.parse('2026-12-31T12:00:00.000Z');

function time(f: () => unknown): number[] {
  for (let i = 0; i < 3; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    f();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return xs;
}

const cases: Record<string, AuditFilter> = {
  none: {},
  one_day: { dateFrom: '2026-06-15', dateTo: '2026-06-15' },
  clerk: { actorId: 's3' },
  action: { action: 'document.print' },
  clerk_month_action: { actorId: 's3', action: 'intake.accept', dateFrom: '2026-06-01', dateTo: '2026-06-30' },
  record: { record: '130102001-20260101-123456'.slice(0, 19) + '12345' },
};
const figures: Record<string, Figure> = {};
for (const [name, f] of Object.entries(cases)) {
  const xs = time(() => audit.search(f, 0, 50));
  figures[`search_${name}_p50`] = { value: median(xs), unit: 'ms' };
  figures[`search_${name}_p95`] = { value: percentile(xs, 95), unit: 'ms' };
}
const byId = db.prepare('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 50');
const idOnly = time(() => byId.all('id-12345'));
figures.search_record_p95_entity_id_only = { value: percentile(idOnly, 95), unit: 'ms' };

const station = { get: () => ({ code: '130102001', name: '建北街道党群服务中心', county: '长安区', address: '—', phone: '0311-86012345', updatedAt: '' }) };
const exportLog = createAuditExport({ db, clock, audit, write: createWriter(db, clock, audit.append), station: station as never, dataDir: dir });
const month: AuditFilter = { dateFrom: '2026-06-01', dateTo: '2026-06-30' };
const t0 = process.hrtime.bigint();
const out = await exportLog(month, 's1');
figures.export_month_ms = { value: Number(process.hrtime.bigint() - t0) / 1e6, unit: 'ms', note: `${out.rows} rows` };
figures.export_month_bytes = { value: Buffer.from(out.base64, 'base64').length / 1024, unit: 'KiB' };

report('audit', figures);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
