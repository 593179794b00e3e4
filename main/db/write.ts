import { createHash } from 'node:crypto';
import type { Db } from './open';
import type { Clock } from '../clock';
import { newId } from '../clock';
import { GENESIS_HASH } from '../../common/county/protocol';
import { ACTIONS, isActionName, type ActionName, type EntityOf } from '../../common/entities';
import { AppError } from '../../common/errors';
import { errorText, log } from '../log';

/** One stored outbox event (migration 0010): the frozen part, which the county receives. */
export interface OutboxEventRow {
  seq: number;
  event_id: string;
  entity: string;
  entity_id: string;
  op: 'create' | 'update' | 'delete';
  version: number;
  occurred_at: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The stored row with its delivery state, which only the sync worker moves. */
export interface OutboxRow extends OutboxEventRow {
  sent_at: string | null;
  acked_at: string | null;
}

// the chain's start, the same at both ends of the protocol
export { GENESIS_HASH };

/** One 操作日志 entry: its action names the entity it is about, from common/entities.ts. */
export type AuditEvent = {
  [A in ActionName]: {
    actorId: string | null;
    action: A;
    entity: EntityOf<A>;
    entityId?: string | null;
    /** Never personal data of residents: ids, field names, counts, staff logins. */
    detail?: Record<string, unknown>;
  };
}[ActionName];

/** A business change: its audit entry, plus an outbox event carrying the record's full state. */
export type ChangeEvent = AuditEvent & {
  entityId: string;
  op: 'create' | 'update' | 'delete';
  /** the record's state after the change, for the county; may hold personal data (never the audit's detail) */
  snapshot: unknown;
  /** the record's version; by default one more than its last outbox event */
  version?: number;
};

export interface Tx {
  change(e: ChangeEvent): void;
  /** An audit-only entry: a sign-in, a reveal, an export, a print. */
  note(e: AuditEvent): void;
}

/** A create's client-made request id, the call it was made for, and who made it. */
export interface RequestKey {
  requestId: string;
  call: string;
  actorId: string | null;
}

export type Write = (<T>(fn: (tx: Tx) => T) => T) & {
  /**
   * write(fn) once per request id: the first time, fn runs and what it returns (plain JSON:
   * ids, numbers) is kept with the create, in its transaction; a repeat returns that kept
   * value without running fn. The same id for another call or another actor is refused.
   */
  once<T>(key: RequestKey, fn: (tx: Tx) => T): { value: T; repeated: boolean };
};

export const REQUEST_REUSED = '该请求编号已用于另一项操作；请关闭此窗口重新打开后再提交';

/** Refuses a name outside common/entities.ts even where the types were bypassed (a cast, JSON). */
export function checkNames(e: { action: string; entity: string }): void {
  if (!isActionName(e.action)) throw new Error(`unknown audit action: ${e.action}`);
  if (ACTIONS[e.action].entity !== e.entity) throw new Error(`action ${e.action} is about ${ACTIONS[e.action].entity}, not ${e.entity}`);
}

function outboxHash(prevHash: string, r: { seq: number; event_id: string; entity: string; entity_id: string; op: string; version: number; occurred_at: string; payload: string }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify([r.seq, r.event_id, r.entity, r.entity_id, r.op, r.version, r.occurred_at, r.payload]))
    .digest('hex');
}

/**
 * The one write path (DESIGN.md §4): every service change runs in write(tx => …), one
 * IMMEDIATE transaction in which the row, its audit entry and its outbox event land
 * together or not at all. A write inside a write joins the outer one.
 */
export function createWriter(db: Db, clock: Clock, appendAudit: (e: AuditEvent) => void, afterCommit?: () => void): Write {
  const lastEvent = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1');
  const lastVersion = db.prepare<[string, string], { v: number | null }>('SELECT max(version) AS v FROM outbox WHERE entity = ? AND entity_id = ?');
  const insert = db.prepare(
    `INSERT INTO outbox (seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash)
     VALUES (@seq, @event_id, @entity, @entity_id, @op, @version, @occurred_at, @payload, @prev_hash, @hash)`,
  );

  const tx: Tx = {
    note(e) {
      checkNames(e);
      appendAudit(e);
    },
    change(e) {
      checkNames(e);
      const { snapshot, op, version, ...audit } = e;
      appendAudit(audit as AuditEvent);
      const prev = lastEvent.get();
      const row = {
        seq: (prev?.seq ?? 0) + 1,
        event_id: newId(clock),
        entity: e.entity,
        entity_id: e.entityId,
        op,
        version: version ?? (lastVersion.get(e.entity, e.entityId)?.v ?? 0) + 1,
        occurred_at: clock.now().toISOString(),
        payload: JSON.stringify(snapshot ?? null),
      };
      const prev_hash = prev?.hash ?? GENESIS_HASH;
      insert.run({ ...row, prev_hash, hash: outboxHash(prev_hash, row) });
    },
  };

  let open = false;
  function write<T>(fn: (t: Tx) => T): T {
    if (open) return fn(tx);
    const result = db
      .transaction(() => {
        open = true;
        try {
          return fn(tx);
        } finally {
          open = false;
        }
      })
      .immediate();
    // after the commit (the audit head kept outside the database): what is committed stays so
    if (afterCommit) {
      try {
        afterCommit();
      } catch (err) {
        log.warn('after-commit step failed', { error: errorText(err) });
      }
    }
    return result;
  }

  const findRequest = db.prepare<[string], { call: string; actor_id: string | null; result: string }>('SELECT call, actor_id, result FROM requests WHERE request_id = ?');
  const keepRequest = db.prepare('INSERT INTO requests (request_id, call, actor_id, result, created_at) VALUES (?, ?, ?, ?, ?)');

  function once<T>(key: RequestKey, fn: (t: Tx) => T): { value: T; repeated: boolean } {
    // Looked up inside the IMMEDIATE transaction: of two concurrent repeats, the second
    // waits for the first to commit and then finds its answer.
    return write((t) => {
      const kept = findRequest.get(key.requestId);
      if (kept) {
        if (kept.call !== key.call || kept.actor_id !== key.actorId) throw new AppError('CONFLICT', REQUEST_REUSED);
        return { value: JSON.parse(kept.result) as T, repeated: true };
      }
      const value = fn(t);
      keepRequest.run(key.requestId, key.call, key.actorId, JSON.stringify(value ?? null), clock.now().toISOString());
      return { value, repeated: false };
    });
  }

  return Object.assign(write, { once });
}

/** Walks the outbox chain from the start, as audit.verify walks the log. */
export function verifyOutbox(db: Db): { ok: boolean; count: number; brokenAt: number | null } {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY seq').iterate()) {
    if (r.seq !== expectedSeq || r.prev_hash !== prevHash || outboxHash(prevHash, r) !== r.hash) return { ok: false, count: expectedSeq - 1, brokenAt: expectedSeq };
    prevHash = r.hash;
    expectedSeq += 1;
  }
  return { ok: true, count: expectedSeq - 1, brokenAt: null };
}
