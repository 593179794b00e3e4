import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { AuditEntry } from '../../common/contract';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  /** Never personal data of residents: ids, field names, counts, staff logins. */
  detail?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

function rowHash(prevHash: string, r: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify([r.seq, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.detail]))
    .digest('hex');
}

export function createAudit(db: Db, clock: Clock) {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (@seq, @at, @actor_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash)',
  );

  /** Call inside the transaction that makes the change, so both land or neither. */
  function append(e: AuditEvent): void {
    const prev = last.get();
    const row = {
      seq: (prev?.seq ?? 0) + 1,
      at: clock.now().toISOString(),
      actor_id: e.actorId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    };
    const prev_hash = prev?.hash ?? GENESIS_HASH;
    insert.run({ ...row, prev_hash, hash: rowHash(prev_hash, row) });
  }

  function list(limit: number, beforeSeq?: number): AuditEntry[] {
    const rows = db
      .prepare<[number, number], AuditRow & { actor_name: string | null }>(
        `SELECT a.*, s.name AS actor_name FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id
         WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
      )
      .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit);
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }

  /** Walks the chain from the start; reports the first row whose hash or link does not hold. */
  function verify(): { ok: boolean; count: number; brokenAt: number | null } {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    for (const r of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
      if (r.seq !== expectedSeq || r.prev_hash !== prevHash || rowHash(prevHash, r) !== r.hash) {
        return { ok: false, count, brokenAt: expectedSeq };
      }
      prevHash = r.hash;
      expectedSeq += 1;
      count += 1;
    }
    return { ok: true, count, brokenAt: null };
  }

  return { append, list, verify };
}

export type Audit = ReturnType<typeof createAudit>;
