/**
 * The county's view of each station's 微心愿: built in the push transaction from the wish
 * events a station's push applied (their payload is main's wish snapshot, see
 * main/services/wishes-store.ts), one step row per (station, wish, version) — a retried
 * batch applies nothing new, so every step is here exactly once. Read only: the county
 * decides nothing about wishes.
 */
import * as z from 'zod';
import { CountyWish, type WishFilter } from '../../common/county/wishes';
import { maskPersonName } from '../../common/person-name';
import { pgJson } from '../db/text';
import type { Ctx } from './context';
import type { Queryable } from './types';

// names of people arrive masked (main/services/wishes-store.ts); masked again here, which changes
// nothing in a masked name and hides a whole one a station sent by mistake
const Share = z
  .object({ name: z.string(), kind: z.string(), category: z.string(), percent: z.number(), value_fen: z.number() })
  .transform((s) => (s.kind === 'person' ? { ...s, name: maskPersonName(s.name) } : s));
const Claim = z.object({ claim_no: z.string(), promised_handover_date: z.string(), shares: z.array(Share) });

/** What the county reads of a station's wish snapshot; anything else in it is ignored. */
const WishPayload = z.object({
  wish_no: z.string().min(1).max(60),
  title: z.string().max(200),
  category: z.string().max(20),
  value_fen: z.number().int().min(0),
  beneficiary_masked: z.string().max(60).transform(maskPersonName),
  source: z.string().max(20),
  deadline: z.string().max(10),
  status: z.string().max(20),
  step: z.string().max(20),
  reason: z.string().max(500).nullable().optional(),
  claim: Claim.nullable().optional(),
  handover_date: z.string().max(10).nullable().optional(),
  proofs: z.array(z.unknown()).optional(),
  satisfaction: z.string().max(10).nullable().optional(),
  created_at: z.string().max(40),
  updated_at: z.string().max(40),
});
type WishPayload = z.infer<typeof WishPayload>;

function parsePayload(json: string): WishPayload | null {
  try {
    const r = WishPayload.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The step's own words for the county's list: the claim and its shares, the handover, the reason. */
function noteOf(p: WishPayload): string | null {
  if (p.step === 'claim' && p.claim) return `${p.claim.claim_no}：${p.claim.shares.map((s) => `${s.name} ${s.percent}%`).join('，')}；承诺 ${p.claim.promised_handover_date} 交接`;
  if (p.step === 'fulfil' && p.handover_date) return `${p.handover_date} 交接，凭证 ${p.proofs?.length ?? 0} 份`;
  if (p.step === 'followUp' && p.satisfaction) return `回访：${p.satisfaction}`;
  return p.reason ?? null;
}

export async function projectWishes(q: Queryable, countyId: number, stationId: string, events: readonly { seq: number; entity_id: string; version: number; occurred_at: string; payload: string }[], at: string): Promise<void> {
  const steps: Record<string, unknown>[] = [];
  const latest = new Map<string, { version: number; p: WishPayload }>();
  for (const e of events) {
    const p = parsePayload(e.payload);
    if (!p) continue;
    steps.push({ wish_id: e.entity_id, version: e.version, seq: e.seq, step: p.step, status: p.status, occurred_at: e.occurred_at, note: noteOf(p) });
    const seen = latest.get(e.entity_id);
    if (!seen || seen.version <= e.version) latest.set(e.entity_id, { version: e.version, p });
  }
  if (steps.length === 0) return;
  await q.query(
    `INSERT INTO station_wish_steps (station_id, wish_id, version, seq, step, status, occurred_at, note)
     SELECT $1, x.wish_id, x.version, x.seq, x.step, x.status, x.occurred_at, x.note
     FROM json_to_recordset($2::json) AS x(wish_id text, version int, seq bigint, step text, status text, occurred_at text, note text)
     ON CONFLICT (station_id, wish_id, version) DO NOTHING`,
    [stationId, pgJson(steps)],
  );
  const rows = [...latest].map(([wishId, { version, p }]) => ({
    wish_id: wishId,
    version,
    wish_no: p.wish_no,
    title: p.title,
    category: p.category,
    value_fen: p.value_fen,
    beneficiary_masked: p.beneficiary_masked,
    source: p.source,
    deadline: p.deadline,
    status: p.status,
    claim: p.claim ?? null,
    handover_date: p.handover_date ?? null,
    proofs: p.proofs?.length ?? 0,
    satisfaction: p.satisfaction ?? null,
    created_at: p.created_at,
    updated_at: p.updated_at,
  }));
  await q.query(
    `INSERT INTO station_wishes (station_id, wish_id, county_id, wish_no, title, category, value_fen, beneficiary_masked, source, deadline, status, station_version, claim, handover_date, proofs, satisfaction, created_at, station_updated_at, updated_at)
     SELECT $1, x.wish_id, $2, x.wish_no, x.title, x.category, x.value_fen, x.beneficiary_masked, x.source, x.deadline, x.status, x.version, x.claim, x.handover_date, x.proofs, x.satisfaction, x.created_at, x.updated_at, $3
     FROM json_to_recordset($4::json) AS x(wish_id text, version int, wish_no text, title text, category text, value_fen bigint, beneficiary_masked text, source text, deadline text, status text,
       claim json, handover_date text, proofs int, satisfaction text, created_at text, updated_at text)
     ON CONFLICT (station_id, wish_id) DO UPDATE SET wish_no = EXCLUDED.wish_no, title = EXCLUDED.title, category = EXCLUDED.category, value_fen = EXCLUDED.value_fen,
       beneficiary_masked = EXCLUDED.beneficiary_masked, source = EXCLUDED.source, deadline = EXCLUDED.deadline, status = EXCLUDED.status, station_version = EXCLUDED.station_version,
       claim = EXCLUDED.claim, handover_date = EXCLUDED.handover_date, proofs = EXCLUDED.proofs, satisfaction = EXCLUDED.satisfaction, station_updated_at = EXCLUDED.station_updated_at,
       updated_at = EXCLUDED.updated_at
     WHERE station_wishes.station_version <= EXCLUDED.station_version`,
    [stationId, countyId, at, pgJson(rows)],
  );
}

interface WishDbRow {
  station_id: string;
  station_name: string;
  wish_id: string;
  wish_no: string;
  title: string;
  category: string;
  value_fen: number;
  beneficiary_masked: string;
  source: string;
  deadline: string;
  status: string;
  station_version: number;
  claim: unknown;
  handover_date: string | null;
  proofs: number;
  satisfaction: string | null;
  created_at: string;
  station_updated_at: string;
}

export function wishesStore(ctx: Ctx) {
  const { sql, countyId } = ctx;
  return {
    /** Each station's wishes, newest first, each with every step the station sent. */
    async listWishes(filter: WishFilter): Promise<CountyWish[]> {
      const where = ['w.county_id = $1'];
      const params: unknown[] = [countyId];
      if (filter.stationId) {
        params.push(filter.stationId);
        where.push(`w.station_id::text = $${params.length}`);
      }
      if (filter.status) {
        params.push(filter.status);
        where.push(`w.status = $${params.length}`);
      }
      params.push(filter.limit);
      const rows = await sql.query<WishDbRow>(
        `SELECT w.station_id, s.name AS station_name, w.wish_id, w.wish_no, w.title, w.category, w.value_fen, w.beneficiary_masked, w.source, w.deadline, w.status, w.station_version,
           w.claim, w.handover_date, w.proofs, w.satisfaction, w.created_at, w.station_updated_at
         FROM station_wishes w JOIN stations s ON s.id = w.station_id WHERE ${where.join(' AND ')} ORDER BY w.created_at DESC, w.wish_no DESC LIMIT $${params.length}`,
        params,
      );
      if (rows.length === 0) return [];
      const steps = await sql.query<{ station_id: string; wish_id: string; version: number; step: string; status: string; occurred_at: string; note: string | null }>(
        `SELECT station_id, wish_id, version, step, status, occurred_at, note FROM station_wish_steps
         WHERE (station_id::text, wish_id) IN (SELECT x.s, x.w FROM json_to_recordset($1::json) AS x(s text, w text)) ORDER BY version`,
        [pgJson(rows.map((r) => ({ s: r.station_id, w: r.wish_id })))],
      );
      const byWish = new Map<string, CountyWish['steps']>();
      for (const s of steps) {
        const key = `${s.station_id}/${s.wish_id}`;
        byWish.set(key, [...(byWish.get(key) ?? []), { version: s.version, step: s.step, status: s.status, occurredAt: s.occurred_at, note: s.note }]);
      }
      return rows.map((r) => {
        const claim = Claim.nullable().catch(null).parse(r.claim);
        return CountyWish.parse({
          stationId: r.station_id,
          stationName: r.station_name,
          wishId: r.wish_id,
          wishNo: r.wish_no,
          title: r.title,
          category: r.category,
          valueFen: Number(r.value_fen),
          beneficiaryMasked: r.beneficiary_masked,
          source: r.source,
          deadline: r.deadline,
          status: r.status,
          stationVersion: r.station_version,
          claimNo: claim?.claim_no ?? null,
          shares: (claim?.shares ?? []).map((s) => ({ name: s.name, kind: s.kind, category: s.category, percent: s.percent, valueFen: s.value_fen })),
          promisedHandoverDate: claim?.promised_handover_date ?? null,
          handoverDate: r.handover_date,
          proofs: r.proofs,
          satisfaction: r.satisfaction,
          createdAt: r.created_at,
          updatedAt: r.station_updated_at,
          steps: byWish.get(`${r.station_id}/${r.wish_id}`) ?? [],
        });
      });
    },
  };
}
