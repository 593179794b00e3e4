/**
 * What must hold in a station's database file after anything — a fuzz run, a SIGKILL in the
 * middle of a write: SQLite's own integrity check, the audit chain, and no partial write (a
 * resident or a 代办 record without its audit entry and outbox event, or an event without its row).
 */
import Database from 'better-sqlite3';
import { createAudit } from '../../../main/services/audit';
import { systemClock } from '../../../main/clock';
import type { Db } from '../../../main/db/open';

export interface DbCheck {
  integrity: string;
  auditOk: boolean;
  auditCount: number;
  /** rows missing their audit entry or outbox event, and create events whose row is missing */
  partialWrites: number;
  /** receipt numbers held by more than one record */
  duplicateReceipts: number;
}

const TABLES: [table: string, entity: string][] = [
  ['residents', 'resident'],
  ['intake_records', 'intake'],
];

export function checkDbFile(dbPath: string): DbCheck {
  const db = new Database(dbPath);
  try {
    return checkDb(db);
  } finally {
    db.close();
  }
}

export function checkDb(db: Db): DbCheck {
  const integrity = (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
  const audit = createAudit(db, systemClock).verify();
  let partialWrites = 0;
  const n = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
  for (const [table, entity] of TABLES) {
    partialWrites += n(`SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = ? AND a.entity_id = t.id)`, entity);
    partialWrites += n(`SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = ? AND o.entity_id = t.id)`, entity);
    partialWrites += n(`SELECT count(*) FROM outbox o WHERE o.entity = ? AND o.op = 'create' AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = o.entity_id)`, entity);
  }
  const duplicateReceipts = n('SELECT count(*) FROM (SELECT receipt_no FROM intake_records GROUP BY receipt_no HAVING count(*) > 1)');
  return { integrity, auditOk: audit.ok, auditCount: audit.count, partialWrites, duplicateReceipts };
}
