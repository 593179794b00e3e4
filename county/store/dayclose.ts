/**
 * POST /v1/day-close: confirmed only when the county holds every seq fromSeq..throughSeq
 * (settled: applied or permanently rejected — the station's outbox holds both) and the
 * digest over their stored hashes is the station's. A repeat of the same closeId is
 * answered from what is stored once confirmed, and evaluated afresh until then (the
 * station pushes the missing seqs and asks again with the same id).
 */
import { dayDigestInput, type DayCloseRequest, type DayCloseResponse } from '../../common/county/protocol';
import { pgJson } from '../db/text';
import { sha256 } from './crypto';
import { nowIso, recordAuditHead, type Ctx } from './context';
import { CountyError, type AuthedStation } from './types';

const MAX_MISSING_LISTED = 1000;

export async function dayClose(ctx: Ctx, station: AuthedStation, input: DayCloseRequest): Promise<DayCloseResponse> {
  if (input.throughSeq < input.fromSeq - 1) throw new CountyError('VALIDATION', '日结的截止序号不能小于起始序号');
  return ctx.sql.tx(async (q) => {
    const at = nowIso(ctx);
    // The station's row lock orders this after any push of the same station in flight (NO KEY: see push.ts).
    await q.query('SELECT 1 FROM stations WHERE id = $1 FOR NO KEY UPDATE', [station.id]);
    const [prior] = await q.query<{ station_id: string; day: string; from_seq: number; through_seq: number; digest: string; status: string; confirmed_at: string | null }>(
      'SELECT station_id, day, from_seq, through_seq, digest, status, confirmed_at FROM day_closes WHERE close_id = $1',
      [input.closeId],
    );
    if (prior && (prior.station_id !== station.id || prior.day !== input.day || prior.from_seq !== input.fromSeq || prior.through_seq !== input.throughSeq || prior.digest !== input.digest)) {
      throw new CountyError('CONFLICT', '该日结编号已用于另一份日结，内容不同');
    }
    await recordAuditHead(q, station.id, input.auditHead, at);
    if (prior?.status === 'confirmed' && prior.confirmed_at) return { status: 'confirmed', closeId: input.closeId, confirmedAt: prior.confirmed_at, serverTime: at };

    const total = input.throughSeq - input.fromSeq + 1;
    const [held] = await q.query<{ n: number }>('SELECT count(*) AS n FROM station_events WHERE county_id = $1 AND station_id = $2 AND seq BETWEEN $3 AND $4', [ctx.countyId, station.id, input.fromSeq, input.throughSeq]);
    const missingCount = total - (held?.n ?? 0);
    let answer: DayCloseResponse;
    if (missingCount > 0) {
      const missing = await q.query<{ seq: number }>(
        `SELECT s AS seq FROM generate_series($3::bigint, $4::bigint) AS s
         WHERE NOT EXISTS (SELECT 1 FROM station_events e WHERE e.county_id = $1 AND e.station_id = $2 AND e.seq = s) ORDER BY s LIMIT ${MAX_MISSING_LISTED}`,
        [ctx.countyId, station.id, input.fromSeq, input.throughSeq],
      );
      answer = { status: 'incomplete', closeId: input.closeId, missingSeqs: missing.map((m) => m.seq), missingCount, serverTime: at };
    } else {
      const hashes = await q.query<{ hash: string }>('SELECT hash FROM station_events WHERE county_id = $1 AND station_id = $2 AND seq BETWEEN $3 AND $4 ORDER BY seq', [ctx.countyId, station.id, input.fromSeq, input.throughSeq]);
      answer =
        sha256(dayDigestInput(hashes.map((h) => h.hash))) === input.digest
          ? { status: 'confirmed', closeId: input.closeId, confirmedAt: at, serverTime: at }
          : { status: 'mismatch', closeId: input.closeId, message: '日结校验值与县级收到的事件不符，请联系县级管理员核对', serverTime: at };
    }
    await q.query(
      `INSERT INTO day_closes (close_id, station_id, day, from_seq, through_seq, digest, counts, first_receipt_no, last_receipt_no, closed_at, closed_by, status, missing_count, received_at, updated_at, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
       ON CONFLICT (close_id) DO UPDATE SET status = EXCLUDED.status, missing_count = EXCLUDED.missing_count, updated_at = EXCLUDED.updated_at, confirmed_at = EXCLUDED.confirmed_at`,
      [
        input.closeId,
        station.id,
        input.day,
        input.fromSeq,
        input.throughSeq,
        input.digest,
        pgJson(input.counts),
        input.firstReceiptNo,
        input.lastReceiptNo,
        input.closedAt,
        input.closedBy,
        answer.status,
        answer.status === 'incomplete' ? answer.missingCount : 0,
        at,
        answer.status === 'confirmed' ? answer.confirmedAt : null,
      ],
    );
    return answer;
  });
}
