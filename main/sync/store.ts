/**
 * The sync worker's tables (migration 0012): its one state row, the outbox as the worker
 * reads it, settling a push's verdicts, permanent rejections and conflicts. Writes go through
 * ctx.write; each is one short transaction. Outbox rows only ever get sent_at / acked_at.
 */
import type { Db } from '../db/open';
import type { OutboxEventRow, Write } from '../db/write';
import type { Clock } from '../clock';
import type { OutboxEvent, PushResponse } from '../../common/county/protocol';
import { GENESIS_HASH } from '../../common/county/protocol';
import type { RejectedEvent, SyncConflict } from '../../common/contracts/sync';
import { ENTITIES, isEntityName } from '../../common/entities';

export interface SyncStateRow {
  county_url: string | null;
  station_id: string | null;
  station_token: string | null;
  county_name: string | null;
  public_url: string | null;
  enrolled_at: string | null;
  acked_through: number;
  pull_cursor: number;
  needs_reenroll: number;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  next_attempt_at: string | null;
  clock_skew_s: number | null;
}


export type StateUpdate = Partial<Omit<SyncStateRow, 'acked_through' | 'pull_cursor'>>;

const COLUMNS = new Set(['county_url', 'station_id', 'station_token', 'county_name', 'public_url', 'enrolled_at', 'needs_reenroll', 'last_push_at', 'last_pull_at', 'last_success_at', 'last_error', 'last_error_at', 'next_attempt_at', 'clock_skew_s']);

export function toEvent(r: OutboxEventRow): OutboxEvent {
  return { eventId: r.event_id, seq: r.seq, entity: r.entity, entityId: r.entity_id, op: r.op, version: r.version, occurredAt: r.occurred_at, payload: JSON.parse(r.payload) as unknown, prevHash: r.prev_hash, hash: r.hash };
}

export function createSyncStore(db: Db, write: Write, clock: Clock) {
  const q = {
    state: db.prepare<[], SyncStateRow>('SELECT * FROM sync_state WHERE id = 1'),
    pending: db.prepare<[], { n: number; oldest: string | null }>('SELECT count(*) AS n, min(occurred_at) AS oldest FROM outbox WHERE acked_at IS NULL'),
    lastSeq: db.prepare<[], { seq: number }>('SELECT seq FROM outbox ORDER BY seq DESC LIMIT 1'),
    after: db.prepare<[number, number], OutboxEventRow>('SELECT seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?'),
    bySeq: db.prepare<[number], OutboxEventRow>('SELECT seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash FROM outbox WHERE seq = ?'),
    auditHead: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    markSent: db.prepare<[string, number, number]>('UPDATE outbox SET sent_at = ? WHERE seq BETWEEN ? AND ? AND sent_at IS NULL'),
    markAcked: db.prepare<[string, number]>('UPDATE outbox SET acked_at = ? WHERE seq <= ? AND acked_at IS NULL'),
    unAck: db.prepare<[number]>('UPDATE outbox SET acked_at = NULL WHERE seq > ? AND acked_at IS NOT NULL'),
    setAcked: db.prepare<[number]>('UPDATE sync_state SET acked_through = ? WHERE id = 1'),
    setCursor: db.prepare<[number]>('UPDATE sync_state SET pull_cursor = ? WHERE id = 1'),
    reject: db.prepare<[number, string, string, string]>('INSERT OR IGNORE INTO sync_rejections (seq, reason, message, rejected_at) VALUES (?, ?, ?, ?)'),
    rejected: db.prepare<[], { seq: number; entity: string; entity_id: string; occurred_at: string; reason: string; message: string; rejected_at: string }>(
      'SELECT r.seq, o.entity, o.entity_id, o.occurred_at, r.reason, r.message, r.rejected_at FROM sync_rejections r JOIN outbox o ON o.seq = r.seq ORDER BY r.seq DESC',
    ),
    counts: db.prepare<[], { rejected: number; conflicts: number }>('SELECT (SELECT count(*) FROM sync_rejections) AS rejected, (SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL) AS conflicts'),
    conflicts: db.prepare<[number], ConflictRow>('SELECT * FROM sync_conflicts WHERE ? = 1 OR resolved_at IS NULL ORDER BY received_at DESC, feed_seq DESC'),
    conflict: db.prepare<[string], ConflictRow>('SELECT * FROM sync_conflicts WHERE id = ?'),
    addConflict: db.prepare(
      `INSERT OR IGNORE INTO sync_conflicts (id, feed_seq, kind, entity, entity_id, label, summary, body, based_on_version, station_version, received_at)
       VALUES (@id, @feed_seq, @kind, @entity, @entity_id, @label, @summary, @body, @based_on_version, @station_version, @received_at)`,
    ),
    resolve: db.prepare<[string, string, string, string]>('UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL'),
  };

  function state(): SyncStateRow {
    return q.state.get()!;
  }

  /** Writes the named state columns (never the two cursors, which move only with their data). */
  function update(patch: StateUpdate): void {
    const keys = Object.keys(patch).filter((k) => COLUMNS.has(k));
    if (keys.length === 0) return;
    write(() => db.prepare(`UPDATE sync_state SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = 1`).run(patch));
  }

  return {
    state,
    update,
    pending: () => q.pending.get() ?? { n: 0, oldest: null },
    lastSeq: () => q.lastSeq.get()?.seq ?? 0,
    /** the next events to push, above ackedThrough */
    batch: (after: number, limit: number) => q.after.all(after, limit),
    event: (seq: number) => q.bySeq.get(seq) ?? null,
    auditHead: () => q.auditHead.get() ?? { seq: 0, hash: GENESIS_HASH },

    /**
     * A push's answer in one transaction: sent_at on what went, acked_at on what the county
     * settled, permanent rejections kept, ackedThrough moved to the county's (down too: a GAP
     * means it lacks events the station thought it held, so they go again).
     */
    settle(sentFrom: number, sentThrough: number, res: PushResponse): void {
      const at = clock.now().toISOString();
      write(() => {
        q.markSent.run(at, sentFrom, sentThrough);
        for (const v of res.results) if (v.status === 'rejected' && v.permanent) q.reject.run(v.seq, v.reason, v.message, at);
        const through = Math.min(res.ackedThrough, q.lastSeq.get()?.seq ?? 0);
        if (through < state().acked_through) q.unAck.run(through);
        q.markAcked.run(at, through);
        q.setAcked.run(through);
        db.prepare('UPDATE sync_state SET last_push_at = ? WHERE id = 1').run(at);
      });
    },

    /** Moves ackedThrough down so the next push starts at `from` (a day close named missing seqs). */
    resendFrom(from: number): void {
      write(() => {
        if (from - 1 >= state().acked_through) return;
        q.unAck.run(from - 1);
        q.setAcked.run(from - 1);
      });
    },

    /** Inside the pull page's transaction: the cursor moves with the data it covers. */
    setCursor: (cursor: number) => q.setCursor.run(cursor),

    enrolled(e: { countyUrl: string; stationId: string; token: string; countyName: string; publicUrl: string | null; ackedThrough: number; pullCursor: number }): void {
      const at = clock.now().toISOString();
      write(() => {
        const before = state();
        update({ county_url: e.countyUrl, station_id: e.stationId, station_token: e.token, county_name: e.countyName, public_url: e.publicUrl, enrolled_at: at, needs_reenroll: 0, last_error: null, last_error_at: null, next_attempt_at: null });
        const through = Math.min(e.ackedThrough, q.lastSeq.get()?.seq ?? 0);
        q.unAck.run(through);
        q.markAcked.run(at, through);
        q.setAcked.run(through);
        // a re-enrollment of the same station resumes its feed; a new station starts it
        q.setCursor.run(before.station_id === e.stationId ? Math.max(e.pullCursor, before.pull_cursor) : e.pullCursor);
      });
    },

    counts: () => q.counts.get() ?? { rejected: 0, conflicts: 0 },

    rejected(): RejectedEvent[] {
      return q.rejected.all().map((r) => ({ seq: r.seq, entity: r.entity, entityLabel: isEntityName(r.entity) ? ENTITIES[r.entity] : r.entity, entityId: r.entity_id, occurredAt: r.occurred_at, reason: r.reason, message: r.message, rejectedAt: r.rejected_at }));
    },

    /** Inside the pull page's transaction; a feed item becomes at most one conflict. */
    addConflict(c: { id: string; feedSeq: number; kind: string; entity: string; entityId: string; label: string; summary: string; body: unknown; basedOnVersion: number; stationVersion: number }): void {
      q.addConflict.run({ id: c.id, feed_seq: c.feedSeq, kind: c.kind, entity: c.entity, entity_id: c.entityId, label: c.label, summary: c.summary, body: JSON.stringify(c.body ?? null), based_on_version: c.basedOnVersion, station_version: c.stationVersion, received_at: clock.now().toISOString() });
    },

    conflicts: (includeResolved: boolean) => q.conflicts.all(includeResolved ? 1 : 0).map(toConflict),
    conflict: (id: string) => {
      const r = q.conflict.get(id);
      return r ? toConflict(r) : null;
    },
    /** the caller's write: true when it was still open */
    resolve: (id: string, by: string, resolution: string) => q.resolve.run(clock.now().toISOString(), by, resolution, id).changes === 1,
  };
}

interface ConflictRow {
  id: string;
  feed_seq: number;
  kind: string;
  entity: string;
  entity_id: string;
  label: string;
  summary: string;
  based_on_version: number;
  station_version: number;
  received_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

function toConflict(r: ConflictRow): SyncConflict {
  return { id: r.id, kind: r.kind, entity: r.entity, entityId: r.entity_id, label: r.label, summary: r.summary, basedOnVersion: r.based_on_version, stationVersion: r.station_version, receivedAt: r.received_at, resolvedAt: r.resolved_at, resolution: r.resolution };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
