/**
 * POST /v1/push: a station's outbox events, settled exactly once.
 *
 * One transaction per batch, with the station's row locked (SELECT … FOR NO KEY UPDATE), so
 * two pushes of one station — two retries, or two server instances — take turns and each
 * sees the other's result. NO KEY: a county decision for this station checks its foreign
 * key with FOR KEY SHARE while holding the item's row, which this push's item upsert waits
 * for; with a plain FOR UPDATE the two would wait on each other (a deadlock, seen in tests). Within it, per event in the request's order:
 *
 * - seq above ackedThrough + 1 (nothing before it is here): GAP, nothing stored, not
 *   permanent — the station pushes again from ackedThrough + 1.
 * - seq = ackedThrough + 1: checked (schema → INVALID, its own hash → BAD_HASH, its link to
 *   seq − 1 → BROKEN_CHAIN) and inserted with INSERT … ON CONFLICT DO NOTHING on the unique
 *   (county, station, seq) key: applied, or a permanent rejection stored with the reason.
 *   Either way the seq is settled and ackedThrough moves past it, so nothing blocks the queue.
 * - seq ≤ ackedThrough (a retry, the same batch twice): settled, so its row exists (every
 *   settled seq has one, rejections included) and is compared, not inserted again: the same
 *   hash is a duplicate (or the same rejection again); another hash is HASH_MISMATCH. The
 *   unique key, not this reasoning, is what makes a second copy impossible: a row the
 *   insert did not take rolls the whole batch back.
 *
 * How the chain continues after a rejection: the station chains every outbox row, the
 * rejected one included, so seq + 1 links to the hash the station claimed for seq. The county
 * keeps that claimed hash in the settled row and checks seq + 1's prevHash against it. If
 * the rejected event carried no well-formed hash at all (INVALID), its link is unknown and
 * seq + 1's prevHash is taken as given; its own hash is still verified.
 */
import * as z from 'zod';
import { eventHashInput, GENESIS_HASH, Hash, OutboxEvent, REJECT_REASONS, Seq, type PushResponse, type PushVerdict, type RejectReason } from '../../common/county/protocol';
import { pgJson, storable } from '../db/text';
import { sha256 } from './crypto';
import { nowIso, recordAuditHead, type Ctx } from './context';
import { projectIntakes } from './items';
import { projectReliefCases } from './relief';
import { projectWishes } from './wishes';
import { CountyError, type AuthedStation, type Queryable } from './types';

/** What every event must have for a verdict to name it; without it the whole request is malformed. */
export const EventHead = z.object({ seq: Seq, eventId: z.uuid() });

type Permanent = Exclude<RejectReason, 'GAP'>;

interface EventRow {
  seq: number;
  event_id: string;
  entity: string;
  entity_id: string;
  op: string;
  version: number;
  occurred_at: string;
  payload: string;
  prev_hash: string;
  hash: string;
  rejected: Permanent | null;
}

interface Checked {
  head: z.output<typeof EventHead>;
  raw: unknown;
  row: EventRow;
  /** what is wrong with the event in itself, whatever the county holds */
  fault: 'INVALID' | 'BAD_HASH' | null;
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** The event as sent, parsed and its hash recomputed over the exact payload text the station hashed. */
function check(raw: unknown): Checked {
  const head = EventHead.parse(raw);
  const parsed = OutboxEvent.safeParse(raw);
  // An id PostgreSQL cannot store as text cannot be kept as sent (the hash covers it): not an outbox event.
  if (!parsed.success || parsed.data.payload === undefined || !storable(parsed.data.entityId)) {
    const o = (raw ?? {}) as Record<string, unknown>;
    const claimed = Hash.safeParse(o.hash);
    const row: EventRow = {
      seq: head.seq,
      event_id: head.eventId,
      entity: str(o.entity, 40),
      entity_id: str(o.entityId, 100),
      op: str(o.op, 10),
      version: 0,
      occurred_at: str(o.occurredAt, 40),
      payload: o.payload === undefined ? 'null' : JSON.stringify(o.payload),
      prev_hash: str(o.prevHash, 64),
      hash: claimed.success ? claimed.data : '',
      rejected: 'INVALID',
    };
    return { head, raw, row, fault: 'INVALID' };
  }
  const e = parsed.data;
  const payloadJson = JSON.stringify(e.payload);
  const row: EventRow = { seq: e.seq, event_id: e.eventId, entity: e.entity, entity_id: e.entityId, op: e.op, version: e.version, occurred_at: e.occurredAt, payload: payloadJson, prev_hash: e.prevHash, hash: e.hash, rejected: null };
  const computed = sha256(eventHashInput(e.prevHash, { ...e, payloadJson }));
  return { head, raw, row, fault: computed === e.hash ? null : 'BAD_HASH' };
}

const rejected = (c: Checked, reason: RejectReason, permanent: boolean): PushVerdict => ({ seq: c.head.seq, eventId: c.head.eventId, status: 'rejected', reason, message: REJECT_REASONS[reason], permanent });

export async function push(ctx: Ctx, station: AuthedStation, batch: { events: readonly unknown[]; auditHead: { seq: number; hash: string }; backlog: number }): Promise<PushResponse> {
  // Parse and hash before the transaction: the station's row is locked only for the writes.
  const checked = batch.events.map((raw, i) => {
    try {
      return check(raw);
    } catch {
      throw new CountyError('VALIDATION', `第 ${i + 1} 个事件缺少有效的序号（seq）或事件编号（eventId）`);
    }
  });
  return ctx.sql.tx(async (q) => {
    const at = nowIso(ctx);
    const [st] = await q.query<{ acked_through: number; status: string }>('SELECT acked_through, status FROM stations WHERE id = $1 AND county_id = $2 FOR NO KEY UPDATE', [station.id, ctx.countyId]);
    if (!st || st.status !== 'enrolled') throw new CountyError('UNAUTHORIZED', '本站的登记已被县级撤销，请联系县级管理员重新登记');
    let acked = st.acked_through;
    let link: string | null = acked === 0 ? GENESIS_HASH : await storedHash(q, ctx.countyId, station.id, acked);

    const results: (PushVerdict | null)[] = batch.events.map(() => null);
    const inserts: EventRow[] = [];
    const insertIndex: number[] = [];
    const settledChecks: number[] = [];
    checked.forEach((c, i) => {
      const seq = c.head.seq;
      if (seq > acked + 1) {
        results[i] = rejected(c, 'GAP', false);
      } else if (seq === acked + 1) {
        const reason: Permanent | null = c.fault ?? (link !== null && c.row.prev_hash !== link ? 'BROKEN_CHAIN' : null);
        inserts.push({ ...c.row, rejected: reason });
        insertIndex.push(i);
        results[i] = reason ? rejected(c, reason, true) : { seq, eventId: c.head.eventId, status: 'applied' };
        acked = seq;
        link = c.row.hash === '' ? null : c.row.hash;
      } else {
        settledChecks.push(i);
      }
    });

    if (inserts.length > 0) {
      const stored = await q.query<{ seq: number }>(
        `INSERT INTO station_events (county_id, station_id, seq, event_id, entity, entity_id, op, version, occurred_at, payload, prev_hash, hash, rejected, received_at)
         SELECT $1, $2, x.seq, x.event_id, x.entity, x.entity_id, x.op, x.version, x.occurred_at, x.payload, x.prev_hash, x.hash, x.rejected, $3
         FROM json_to_recordset($4::json) AS x(seq bigint, event_id text, entity text, entity_id text, op text, version int, occurred_at text, payload text, prev_hash text, hash text, rejected text)
         ON CONFLICT (county_id, station_id, seq) DO NOTHING RETURNING seq`,
        [ctx.countyId, station.id, at, pgJson(inserts)],
      );
      // Every seq above the locked ackedThrough is free; anything else means the lock did not hold.
      if (stored.length !== inserts.length) throw new Error(`push: ${inserts.length - stored.length} seqs above ackedThrough were already stored`);
    }

    if (settledChecks.length > 0) {
      const seqs = settledChecks.map((i) => checked[i]!.head.seq);
      const rows = await q.query<{ seq: number; hash: string; rejected: Permanent | null }>(
        'SELECT seq, hash, rejected FROM station_events WHERE county_id = $1 AND station_id = $2 AND seq = ANY($3::bigint[])',
        [ctx.countyId, station.id, seqs],
      );
      const bySeq = new Map(rows.map((r) => [r.seq, r]));
      for (const i of settledChecks) {
        const c = checked[i]!;
        const s = bySeq.get(c.head.seq);
        if (!s) throw new Error(`push: seq ${c.head.seq} is at or below ackedThrough but not stored`);
        if (c.fault) results[i] = rejected(c, c.fault, true);
        else if (s.hash === c.row.hash) results[i] = s.rejected ? rejected(c, s.rejected, true) : { seq: c.head.seq, eventId: c.head.eventId, status: 'duplicate' };
        else results[i] = rejected(c, 'HASH_MISMATCH', true);
      }
    }

    await recordRejections(q, station.id, checked, results, new Set(insertIndex), at);
    await projectIntakes(
      q,
      ctx.countyId,
      station.id,
      inserts.filter((r) => r.rejected === null && r.entity === 'intake'),
      at,
    );
    await projectReliefCases(
      q,
      ctx.countyId,
      station.id,
      inserts.filter((r) => r.rejected === null && r.entity === 'relief_case'),
      at,
    );
    await projectWishes(q, ctx.countyId, station.id, inserts.filter((r) => r.rejected === null && r.entity === 'wish'), at);
    await q.query('UPDATE stations SET acked_through = $2, backlog = $3, last_push_at = $4 WHERE id = $1', [station.id, acked, batch.backlog, at]);
    await recordAuditHead(q, station.id, batch.auditHead, at);
    return { results: results.map((r) => r!), ackedThrough: acked, serverTime: at };
  });
}

async function storedHash(q: Queryable, countyId: number, stationId: string, seq: number): Promise<string | null> {
  const [r] = await q.query<{ hash: string }>('SELECT hash FROM station_events WHERE county_id = $1 AND station_id = $2 AND seq = $3', [countyId, stationId, seq]);
  if (!r) throw new Error(`push: seq ${seq} is ackedThrough but not stored`);
  return r.hash === '' ? null : r.hash;
}

const MAX_KEPT_EVENT_CHARS = 64 * 1024;

async function recordRejections(q: Queryable, stationId: string, checked: readonly Checked[], results: readonly (PushVerdict | null)[], settling: ReadonlySet<number>, at: string): Promise<void> {
  const rows = checked.flatMap((c, i) => {
    const v = results[i];
    if (!v || v.status !== 'rejected' || !v.permanent) return [];
    const event = JSON.stringify(c.raw);
    return [{ seq: c.head.seq, event_id: c.head.eventId, entity: c.row.entity, entity_id: c.row.entity_id, reason: v.reason, message: v.message, claimed_hash: c.row.hash, settled: settling.has(i), event: event.length > MAX_KEPT_EVENT_CHARS ? event.slice(0, MAX_KEPT_EVENT_CHARS) : event }];
  });
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO rejected_events (station_id, seq, event_id, entity, entity_id, reason, message, claimed_hash, settled, event, at)
     SELECT $1, x.seq, x.event_id, x.entity, x.entity_id, x.reason, x.message, x.claimed_hash, x.settled, x.event, $2
     FROM json_to_recordset($3::json) AS x(seq bigint, event_id text, entity text, entity_id text, reason text, message text, claimed_hash text, settled boolean, event text)
     ON CONFLICT (station_id, seq, reason, claimed_hash) DO NOTHING`,
    [stationId, at, pgJson(rows)],
  );
}
