import type { Clock, Queryable, Sql } from './types';

export interface Ctx {
  sql: Sql;
  clock: Clock;
  countyId: number;
  countyName: string;
  enrollmentTtlMs: number;
  adminSessionTtlMs: number;
}

/** Advisory lock classes (pg_advisory_xact_lock(class, key)): one number space per purpose. */
export const LOCK = { county: 7_730_002, feed: 7_730_003 } as const;

export function nowIso(ctx: Ctx): string {
  return ctx.clock.now().toISOString();
}

/**
 * Records the station's 操作日志 head (seq, hash). A head lower than the last one, or the same
 * seq with another hash, means the log's tail was cut — unless that exact head was reported
 * before (a delayed request overtaken by a newer one), which is only stale, not a cut.
 */
export async function recordAuditHead(q: Queryable, stationId: string, head: { seq: number; hash: string }, at: string): Promise<void> {
  const [last] = await q.query<{ seq: number | null; hash: string | null }>('SELECT audit_head_seq AS seq, audit_head_hash AS hash FROM stations WHERE id = $1', [stationId]);
  const [seen] = await q.query<{ hash: string }>('SELECT hash FROM audit_heads WHERE station_id = $1 AND seq = $2', [stationId, head.seq]);
  let cut = false;
  let advance = true;
  if (seen && seen.hash !== head.hash) cut = true;
  else if (last?.seq != null) {
    if (head.seq === last.seq && head.hash !== last.hash) cut = true;
    else if (head.seq < last.seq) {
      if (seen) advance = false;
      else cut = true;
    }
  }
  await q.query('INSERT INTO audit_heads (station_id, seq, hash, at) VALUES ($1, $2, $3, $4) ON CONFLICT (station_id, seq) DO NOTHING', [stationId, head.seq, head.hash, at]);
  if (advance || cut) {
    await q.query('UPDATE stations SET audit_head_seq = $2, audit_head_hash = $3, audit_head_at = $4, audit_tail_cut = audit_tail_cut OR $5 WHERE id = $1', [stationId, head.seq, head.hash, at, cut]);
  }
}
