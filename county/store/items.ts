/**
 * The county's view of each station's 代办 items: built from the latest intake event a
 * station pushed (its payload is the station's intake row), plus the county's decisions.
 * It keeps no 身份证号 and only a masked name: the county page and the public progress page
 * read nothing else.
 */
import { CountyItem } from '../../common/county/admin';
import { CheckCode, IntakeDecision, PublicProgress } from '../../common/county/protocol';
import { INTAKE_STATUS_LABELS, type IntakeStatus } from '../../common/intake-status';
import { stationDate } from '../../common/time';
import { maskPersonName } from '../../common/person-name';
import { pgJson } from '../db/text';
import { appendFeed } from './feed';
import { nowIso, type Ctx } from './context';
import type { DecideItem } from '../../common/county/admin';
import { CountyError, type ItemFilter, type Queryable } from './types';

interface IntakeView {
  receiptNo: string;
  checkCode: string | null;
  itemCode: string;
  itemName: string;
  department: string;
  applicantMasked: string;
  status: string;
  result: string | null;
  reason: string | null;
  updatedAt: string;
  acceptedAt: string;
  promisedDate: string;
}

/** Reads the station's intake row (snake_case as main stores it; camelCase accepted too). Null when it lacks what an item needs. */
export function intakeView(payloadJson: string): IntakeView | null {
  let p: unknown;
  try {
    p = JSON.parse(payloadJson);
  } catch {
    return null;
  }
  if (typeof p !== 'object' || p === null) return null;
  const o = p as Record<string, unknown>;
  const text = (...keys: string[]): string | null => {
    for (const k of keys) if (typeof o[k] === 'string' && o[k] !== '') return o[k] as string;
    return null;
  };
  const receiptNo = text('receipt_no', 'receiptNo');
  const itemName = text('item_name', 'itemName');
  const status = text('status');
  const acceptedAt = text('accepted_at', 'acceptedAt');
  const promisedDate = text('promised_date', 'promisedDate');
  if (!receiptNo || !itemName || !status || !acceptedAt || !promisedDate) return null;
  const code = CheckCode.safeParse(text('check_code', 'checkCode'));
  return {
    receiptNo,
    checkCode: code.success ? code.data : null,
    itemCode: text('item_code', 'itemCode') ?? '',
    itemName,
    department: text('department') ?? '',
    applicantMasked: maskPersonName(text('resident_name', 'residentName', 'applicantName') ?? ''),
    status,
    result: text('result'),
    reason: text('closed_reason', 'closedReason', 'returnReason'),
    updatedAt: text('updated_at', 'updatedAt') ?? acceptedAt,
    acceptedAt,
    promisedDate,
  };
}

/** Upserts the items of a push's applied intake events; an older version never overwrites a newer one. */
export async function projectIntakes(q: Queryable, countyId: number, stationId: string, events: readonly { seq: number; entity_id: string; version: number; payload: string }[], at: string): Promise<void> {
  const latest = new Map<string, { version: number; view: IntakeView }>();
  for (const e of events) {
    const view = intakeView(e.payload);
    const seen = latest.get(e.entity_id);
    if (view && (!seen || seen.version <= e.version)) latest.set(e.entity_id, { version: e.version, view });
  }
  if (latest.size === 0) return;
  const rows = [...latest].map(([intakeId, { version, view }]) => ({ intake_id: intakeId, version, ...view }));
  await q.query(
    `INSERT INTO items (station_id, intake_id, county_id, receipt_no, check_code, item_code, item_name, department, applicant_masked, station_status, station_version,
       station_result, station_reason, station_updated_at, accepted_at, promised_date, updated_at)
     SELECT $1, x.intake_id, $2, x."receiptNo", x."checkCode", x."itemCode", x."itemName", x.department, x."applicantMasked", x.status, x.version,
       x.result, x.reason, x."updatedAt", x."acceptedAt", x."promisedDate", $3
     FROM json_to_recordset($4::json) AS x(intake_id text, version int, "receiptNo" text, "checkCode" text, "itemCode" text, "itemName" text, department text, "applicantMasked" text,
       status text, result text, reason text, "updatedAt" text, "acceptedAt" text, "promisedDate" text)
     ON CONFLICT (station_id, intake_id) DO UPDATE SET receipt_no = EXCLUDED.receipt_no, check_code = EXCLUDED.check_code, item_code = EXCLUDED.item_code,
       item_name = EXCLUDED.item_name, department = EXCLUDED.department, applicant_masked = EXCLUDED.applicant_masked, station_status = EXCLUDED.station_status,
       station_version = EXCLUDED.station_version, station_result = EXCLUDED.station_result, station_reason = EXCLUDED.station_reason,
       station_updated_at = EXCLUDED.station_updated_at, accepted_at = EXCLUDED.accepted_at, promised_date = EXCLUDED.promised_date, updated_at = EXCLUDED.updated_at
     WHERE items.station_version <= EXCLUDED.station_version`,
    [stationId, countyId, at, pgJson(rows)],
  );
}

const OPEN_STATUSES: readonly IntakeStatus[] = ['accepted', 'processing', 'forwarded'];
const OPEN = `i.station_status IN ('accepted', 'processing', 'forwarded') AND (i.decision IS NULL OR i.decision->>'decision' = 'accepted')`;

interface ItemDbRow {
  station_id: string;
  station_name: string;
  intake_id: string;
  receipt_no: string;
  item_code: string;
  item_name: string;
  department: string;
  applicant_masked: string;
  station_status: string;
  station_version: number;
  accepted_at: string;
  promised_date: string;
  decision: unknown;
}

const ITEM_SELECT = `SELECT i.station_id, s.name AS station_name, i.intake_id, i.receipt_no, i.item_code, i.item_name, i.department, i.applicant_masked,
  i.station_status, i.station_version, i.accepted_at, i.promised_date, i.decision FROM items i JOIN stations s ON s.id = i.station_id`;

function countyItem(r: ItemDbRow, today: string): CountyItem {
  const decision = r.decision === null ? null : IntakeDecision.parse(r.decision);
  const open = (OPEN_STATUSES as readonly string[]).includes(r.station_status) && (decision === null || decision.decision === 'accepted');
  return CountyItem.parse({
    stationId: r.station_id,
    stationName: r.station_name,
    intakeId: r.intake_id,
    receiptNo: r.receipt_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    department: r.department,
    applicantMasked: r.applicant_masked,
    stationStatus: r.station_status,
    stationVersion: r.station_version,
    acceptedAt: r.accepted_at,
    promisedDate: r.promised_date,
    overdue: open && r.promised_date < today,
    decision,
  });
}

export function itemsStore(ctx: Ctx) {
  const { sql, countyId } = ctx;
  const today = () => stationDate(ctx.clock.now());

  return {
    async listItems(filter: ItemFilter) {
      const where = ['i.county_id = $1'];
      const params: unknown[] = [countyId];
      if (filter.stationId) {
        params.push(filter.stationId);
        where.push(`i.station_id::text = $${params.length}`);
      }
      if (filter.status === 'open') where.push(OPEN);
      else if (filter.status === 'forwarded') where.push(`i.station_status = 'forwarded' AND (i.decision IS NULL OR i.decision->>'decision' = 'accepted')`);
      else if (filter.status === 'decided') where.push('i.decision IS NOT NULL');
      if (filter.overdue !== undefined) {
        params.push(today());
        where.push(filter.overdue ? `(${OPEN}) AND i.promised_date < $${params.length}` : `NOT ((${OPEN}) AND i.promised_date < $${params.length})`);
      }
      params.push(filter.limit);
      const rows = await sql.query<ItemDbRow>(`${ITEM_SELECT} WHERE ${where.join(' AND ')} ORDER BY i.promised_date, i.accepted_at, i.receipt_no LIMIT $${params.length}`, params);
      const t = today();
      return rows.map((r) => countyItem(r, t));
    },

    async decideItem(stationId: string, intakeId: string, input: DecideItem, adminName: string) {
      return sql.tx(async (q) => {
        const [r] = await q.query<ItemDbRow>(`${ITEM_SELECT} WHERE i.county_id = $1 AND i.station_id::text = $2 AND i.intake_id = $3 FOR UPDATE OF i`, [countyId, stationId, intakeId]);
        if (!r) throw new CountyError('NOT_FOUND', '没有找到该代办事项');
        if (input.basedOnVersion > r.station_version) throw new CountyError('VALIDATION', '办理所依据的版本比站点上报的还新，请刷新后再办理');
        if (input.basedOnVersion < r.station_version) throw new CountyError('CONFLICT', '站点在此期间更新了该事项，请刷新查看最新情况后再办理');
        const decision = IntakeDecision.parse({
          intakeId,
          receiptNo: r.receipt_no,
          basedOnVersion: input.basedOnVersion,
          decision: input.decision,
          department: input.decision === 'accepted' ? input.department : null,
          result: input.decision === 'completed' ? input.result : null,
          reason: input.decision === 'returned' ? input.reason : null,
          decidedAt: nowIso(ctx),
          decidedBy: Array.from(adminName).slice(0, 30).join(''),
        });
        await appendFeed(q, ctx, r.station_id, 'intake.decision', decision);
        await q.query('UPDATE items SET decision = $3, decided_at = $4, updated_at = $4 WHERE station_id = $1 AND intake_id = $2', [r.station_id, intakeId, pgJson(decision), decision.decidedAt]);
        return countyItem({ ...r, decision }, today());
      });
    },

    async publicProgress(receiptNo: string, checkCode: string) {
      const code = CheckCode.safeParse(checkCode);
      if (!code.success) return null;
      const [r] = await sql.query<{ receipt_no: string; item_name: string; station_name: string; station_status: string; station_result: string | null; station_reason: string | null; station_updated_at: string; accepted_at: string; promised_date: string; department: string; decision: unknown; decided_at: string | null }>(
        `SELECT i.receipt_no, i.item_name, s.name AS station_name, i.station_status, i.station_result, i.station_reason, i.station_updated_at, i.accepted_at, i.promised_date, i.department, i.decision, i.decided_at
         FROM items i JOIN stations s ON s.id = i.station_id WHERE i.county_id = $1 AND i.receipt_no = $2 AND i.check_code = $3 LIMIT 1`,
        [countyId, receiptNo, code.data],
      );
      if (!r) return null;
      const decision = r.decision === null ? null : IntakeDecision.parse(r.decision);
      const final = !(OPEN_STATUSES as readonly string[]).includes(r.station_status);
      // The station has the last word once it closed the item (it applied the county's decision, or handed the result over).
      const label = final || !decision ? (INTAKE_STATUS_LABELS[r.station_status as IntakeStatus] ?? r.station_status) : DECISION_LABELS[decision.decision];
      const completed = final ? ['completed', 'collected', 'delivered'].includes(r.station_status) : decision?.decision === 'completed';
      const returned = final ? r.station_status === 'returned' : decision?.decision === 'returned';
      const updatedAt = r.decided_at && r.decided_at > new Date(r.station_updated_at).toISOString() ? r.decided_at : r.station_updated_at;
      return PublicProgress.parse({
        receiptNo: r.receipt_no,
        itemName: r.item_name,
        stationName: r.station_name,
        statusLabel: label,
        acceptedAt: r.accepted_at,
        promisedDate: r.promised_date,
        updatedAt,
        result: completed ? (r.station_result ?? decision?.result ?? null) : null,
        reason: returned ? (r.station_reason ?? decision?.reason ?? null) : null,
        department: decision?.department ?? (r.department || null),
      });
    },
  };
}

const DECISION_LABELS: Record<IntakeDecision['decision'], string> = { accepted: '县级部门已受理', completed: '已办结', returned: '已退回' };
