/**
 * The county's view of the stations' 社会救助 cases (county migration 3): projected from the
 * latest relief_case event each station pushed (the case with a household summary; no
 * 身份证号, the name masked here), and the county's decision, which goes into that station's
 * feed as a relief.decision. A decision is taken on the version the county holds: if the
 * station pushed a newer one since, the county refuses (CONFLICT); if the station changes
 * the case after the decision left, the station keeps the decision as a conflict.
 */
import * as z from 'zod';
import { CountyReliefCase, type DecideRelief } from '../../common/county/admin';
import { ReliefDecision, ReliefStandard } from '../../common/county/protocol';
import { RELIEF_TYPE_LABELS, type ReliefType } from '../../common/relief';
import { pgJson } from '../db/text';
import { appendFeed } from './feed';
import { maskPersonName } from '../../common/person-name';
import { nowIso, type Ctx } from './context';
import { CountyError, type Queryable } from './types';

/** What the station's relief_case payload must hold for the county to show it (main/services/relief.ts snapshot). */
const Payload = z.object({
  case_no: z.string().min(1).max(40),
  type: z.enum(['dibao', 'tekun', 'linshi', 'yiliao']),
  status: z.string().min(1).max(20),
  applicant_name: z.string().max(60),
  accepted_at: z.string().nullable(),
  due_date: z.string().nullable(),
  forwarded_at: z.string().nullable(),
  updated_at: z.string(),
  household: CountyReliefCase.shape.household,
  opinion: CountyReliefCase.shape.opinion,
  close_relative: z.boolean(),
});

export function reliefView(payloadJson: string): z.infer<typeof Payload> | null {
  try {
    const parsed = Payload.safeParse(JSON.parse(payloadJson));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Upserts the cases of a push's applied relief_case events; an older version never overwrites a newer one. */
export async function projectReliefCases(q: Queryable, countyId: number, stationId: string, events: readonly { entity_id: string; version: number; payload: string }[], at: string): Promise<void> {
  const latest = new Map<string, { version: number; view: z.infer<typeof Payload> }>();
  for (const e of events) {
    const view = reliefView(e.payload);
    const seen = latest.get(e.entity_id);
    if (view && (!seen || seen.version <= e.version)) latest.set(e.entity_id, { version: e.version, view });
  }
  if (latest.size === 0) return;
  const rows = [...latest].map(([caseId, { version, view: v }]) => ({
    case_id: caseId,
    version,
    case_no: v.case_no,
    type: v.type,
    status: v.status,
    applicant_masked: maskPersonName(v.applicant_name),
    household: v.household,
    opinion: v.opinion,
    accepted_at: v.accepted_at,
    due_date: v.due_date,
    forwarded_at: v.forwarded_at,
    updated: v.updated_at,
    close_relative: v.close_relative,
  }));
  await q.query(
    `INSERT INTO relief_cases (station_id, case_id, county_id, case_no, type, station_status, station_version, applicant_masked, household, opinion, accepted_at, due_date, forwarded_at, station_updated_at, updated_at)
     SELECT $1, x.case_id, $2, x.case_no, x.type, x.status, x.version, x.applicant_masked, (x.household::jsonb || jsonb_build_object('closeRelative', x.close_relative))::json, x.opinion, x.accepted_at, x.due_date, x.forwarded_at, x.updated, $3
     FROM json_to_recordset($4::json) AS x(case_id text, version int, case_no text, type text, status text, applicant_masked text, household json, opinion json, accepted_at text, due_date text, forwarded_at text, updated text, close_relative boolean)
     ON CONFLICT (station_id, case_id) DO UPDATE SET case_no = EXCLUDED.case_no, type = EXCLUDED.type, station_status = EXCLUDED.station_status, station_version = EXCLUDED.station_version,
       applicant_masked = EXCLUDED.applicant_masked, household = EXCLUDED.household, opinion = EXCLUDED.opinion, accepted_at = EXCLUDED.accepted_at, due_date = EXCLUDED.due_date,
       forwarded_at = EXCLUDED.forwarded_at, station_updated_at = EXCLUDED.station_updated_at, updated_at = EXCLUDED.updated_at
     WHERE relief_cases.station_version <= EXCLUDED.station_version`,
    [stationId, countyId, at, pgJson(rows)],
  );
}

interface Row {
  station_id: string;
  station_name: string;
  case_id: string;
  case_no: string;
  type: ReliefType;
  station_status: string;
  station_version: number;
  applicant_masked: string;
  household: { closeRelative?: boolean } & Record<string, unknown>;
  opinion: unknown;
  accepted_at: string | null;
  due_date: string | null;
  forwarded_at: string | null;
  decision: unknown;
}

const SELECT = `SELECT r.station_id, s.name AS station_name, r.case_id, r.case_no, r.type, r.station_status, r.station_version, r.applicant_masked, r.household, r.opinion,
  r.accepted_at, r.due_date, r.forwarded_at, r.decision FROM relief_cases r JOIN stations s ON s.id = r.station_id`;

function toCase(r: Row): CountyReliefCase {
  const { closeRelative, ...household } = r.household;
  return CountyReliefCase.parse({
    stationId: r.station_id,
    stationName: r.station_name,
    caseId: r.case_id,
    caseNo: r.case_no,
    type: r.type,
    typeLabel: RELIEF_TYPE_LABELS[r.type],
    stationStatus: r.station_status,
    stationVersion: r.station_version,
    applicantMasked: r.applicant_masked,
    household,
    opinion: r.opinion,
    acceptedAt: r.accepted_at,
    dueDate: r.due_date,
    forwardedAt: r.forwarded_at,
    closeRelative: closeRelative === true,
    decision: r.decision === null ? null : ReliefDecision.parse(r.decision),
  });
}

export function reliefStore(ctx: Ctx) {
  const { sql, countyId } = ctx;
  return {
    async listRelief(filter: { stationId?: string | undefined; status: 'forwarded' | 'decided' | 'all'; limit: number }): Promise<CountyReliefCase[]> {
      const where = ['r.county_id = $1'];
      const params: unknown[] = [countyId];
      if (filter.stationId) {
        params.push(filter.stationId);
        where.push(`r.station_id::text = $${params.length}`);
      }
      if (filter.status === 'forwarded') where.push(`r.station_status = 'forwarded' AND r.decision IS NULL`);
      else if (filter.status === 'decided') where.push('r.decision IS NOT NULL');
      params.push(filter.limit);
      const rows = await sql.query<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.forwarded_at NULLS LAST, r.case_no LIMIT $${params.length}`, params);
      return rows.map(toCase);
    },

    async decideRelief(stationId: string, caseId: string, input: DecideRelief, adminName: string): Promise<CountyReliefCase> {
      return sql.tx(async (q) => {
        const [r] = await q.query<Row>(`${SELECT} WHERE r.county_id = $1 AND r.station_id::text = $2 AND r.case_id = $3 FOR UPDATE OF r`, [countyId, stationId, caseId]);
        if (!r) throw new CountyError('NOT_FOUND', '没有找到该救助案件');
        if (r.station_status !== 'forwarded') throw new CountyError('CONFLICT', '该案件不是待审批状态（站点未报县或已撤回），请刷新后查看');
        if (r.decision !== null) throw new CountyError('CONFLICT', '该案件已作出审批决定');
        if (input.basedOnVersion > r.station_version) throw new CountyError('VALIDATION', '审批所依据的版本比站点上报的还新，请刷新后再审批');
        if (input.basedOnVersion < r.station_version) throw new CountyError('CONFLICT', '站点在此期间更新了该案件，请刷新查看最新情况后再审批');
        const decision = ReliefDecision.parse({
          caseId,
          caseNo: r.case_no,
          basedOnVersion: input.basedOnVersion,
          decision: input.decision,
          amountFen: input.decision === 'approved' ? Math.round(input.amount * 100) : null,
          startMonth: input.decision === 'approved' ? input.startMonth : null,
          reasons: input.decision === 'refused' ? input.reasons : null,
          decidedAt: nowIso(ctx),
          decidedBy: Array.from(adminName).slice(0, 30).join(''),
        });
        await appendFeed(q, ctx, r.station_id, 'relief.decision', decision);
        await q.query('UPDATE relief_cases SET decision = $3, decided_at = $4, updated_at = $4 WHERE station_id = $1 AND case_id = $2', [r.station_id, caseId, pgJson(decision), decision.decidedAt]);
        return toCase({ ...r, decision });
      });
    },

    /** The local 低保 standard, in every station's feed. */
    async publishReliefStandard(standard: unknown): Promise<{ seq: number }> {
      const parsed = ReliefStandard.safeParse(standard);
      if (!parsed.success) throw new CountyError('VALIDATION', parsed.error.issues[0]?.message ?? '低保标准格式不正确');
      const seq = await sql.tx((q) => appendFeed(q, ctx, null, 'relief.standard', parsed.data));
      return { seq };
    },
  };
}
