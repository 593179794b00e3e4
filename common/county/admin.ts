/**
 * The county staff's JSON API behind the county web page (county/web), under /admin/api.
 * Cookie session (HttpOnly, SameSite=Strict) after sign-in; every mutating call needs the
 * `x-county-csrf` header the sign-in answer gives. Errors use protocol.ts's ErrorBody.
 */
import * as z from 'zod';
import { Day, Instant, IntakeDecision, ReliefDecision, ReliefStandard } from './protocol';

export const ADMIN_PREFIX = '/admin/api';
export const CSRF_HEADER = 'x-county-csrf';

export const AdminSignIn = z.object({ login: z.string().trim().min(1).max(32), password: z.string().min(1).max(128) });
export const AdminSession = z.object({ login: z.string(), name: z.string(), csrf: z.string() });
export type AdminSession = z.infer<typeof AdminSession>;

export const StationCreate = z.object({
  code: z.string().trim().regex(/^[0-9A-Za-z]{4,20}$/, { error: '站点编码为 4–20 位字母或数字' }),
  name: z.string().trim().min(1, { error: '请填写站点名称' }).max(60),
});
/** A new enrollment code: shown once to the admin, valid until used or until expiresAt. */
export const EnrollmentIssued = z.object({ stationId: z.string(), code: z.string(), expiresAt: Instant });

export const StationRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(['pending', 'enrolled', 'revoked']),
  enrolledAt: Instant.nullable(),
  deviceName: z.string().nullable(),
  lastPushAt: Instant.nullable(),
  lastPullAt: Instant.nullable(),
  ackedThrough: z.number().int(),
  /** what the station said was still waiting at its last push */
  backlog: z.number().int(),
  rejectedCount: z.number().int(),
  lastDayClose: z.object({ day: Day, status: z.enum(['confirmed', 'incomplete', 'mismatch']), at: Instant }).nullable(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string(), at: Instant }).nullable(),
  /** the audit head went backwards (seq lower, or same seq with another hash): the station's log was cut */
  auditTailCut: z.boolean(),
});
export type StationRow = z.infer<typeof StationRow>;

export const RejectedEventRow = z.object({ seq: z.number().int(), eventId: z.string(), entity: z.string(), entityId: z.string(), reason: z.string(), message: z.string(), at: Instant });
export const DayCloseRow = z.object({ closeId: z.string(), day: Day, status: z.enum(['confirmed', 'incomplete', 'mismatch']), throughSeq: z.number().int(), counts: z.record(z.string(), z.number()), receivedAt: Instant, confirmedAt: Instant.nullable() });

/** One 代办 item as the county sees it: built from the station's latest intake event. No 身份证号. */
export const CountyItem = z.object({
  stationId: z.string(),
  stationName: z.string(),
  intakeId: z.string(),
  receiptNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  department: z.string(),
  /** masked as 张*华 */
  applicantMasked: z.string(),
  stationStatus: z.string(),
  stationVersion: z.number().int(),
  acceptedAt: Instant,
  promisedDate: Day,
  overdue: z.boolean(),
  /** the county's latest decision, if any */
  decision: IntakeDecision.nullable(),
});
export type CountyItem = z.infer<typeof CountyItem>;

export const ItemFilter = z.object({
  stationId: z.string().optional(),
  status: z.enum(['open', 'forwarded', 'decided', 'all']).default('forwarded'),
  /** a query string: 'true' or 'false' (z.coerce.boolean would read 'false' as true) */
  overdue: z.stringbool({ error: 'overdue 应为 true 或 false' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const DecideItem = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accepted'), department: z.string().trim().min(1, { error: '请填写承办部门' }).max(60), basedOnVersion: z.number().int().min(1) }),
  z.object({ decision: z.literal('completed'), result: z.string().trim().min(1, { error: '请填写办理结果' }).max(500), basedOnVersion: z.number().int().min(1) }),
  z.object({ decision: z.literal('returned'), reason: z.string().trim().min(1, { error: '请填写退回原因' }).max(500), basedOnVersion: z.number().int().min(1) }),
]);
export type DecideItem = z.infer<typeof DecideItem>;

/** A forwarded 社会救助 case as the county sees it, with the household summary the station sent. No 身份证号. */
export const CountyReliefCase = z.object({
  stationId: z.string(),
  stationName: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  type: z.enum(['dibao', 'tekun', 'linshi', 'yiliao']),
  typeLabel: z.string(),
  stationStatus: z.string(),
  stationVersion: z.number().int(),
  /** masked as 张*华 */
  applicantMasked: z.string(),
  household: z.object({
    size: z.number().int(),
    members: z.array(z.object({ relation: z.string(), age: z.number().int(), employment: z.string(), disabled: z.boolean() })),
    totalMonthlyFen: z.number().int().nullable(),
    perCapitaFen: z.number().int().nullable(),
    standardFen: z.number().int().nullable(),
    /** the arithmetic as the station printed it */
    steps: z.array(z.string()),
    assetWarnings: z.array(z.string()),
  }),
  opinion: z.object({ agree: z.boolean(), text: z.string(), proposedAmountFen: z.number().int().nullable() }).nullable(),
  acceptedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  closeRelative: z.boolean(),
  decision: ReliefDecision.nullable(),
});
export type CountyReliefCase = z.infer<typeof CountyReliefCase>;

/**
 * What became of the county's decision at the station, from the case as the station last sent
 * it: applied (the case now stands approved or refused there), pending (the station has not
 * synced since, still at the version decided on), or notApplied (the station changed the case
 * after the version decided on — withdrawn, extended — and kept the decision as a conflict).
 */
export function decisionAtStation(c: Pick<CountyReliefCase, 'decision' | 'stationStatus' | 'stationVersion'>): 'none' | 'applied' | 'pending' | 'notApplied' {
  if (!c.decision) return 'none';
  if (['approved', 'refused', 'notified'].includes(c.stationStatus)) return 'applied';
  if (c.stationStatus === 'forwarded' && c.stationVersion === c.decision.basedOnVersion) return 'pending';
  return 'notApplied';
}

export const ReliefFilter = z.object({
  stationId: z.string().optional(),
  /** forwarded: awaiting the county's decision; decided: decided here */
  status: z.enum(['forwarded', 'decided', 'all']).default('forwarded'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const DecideRelief = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approved'),
    /** yuan per month */
    amount: z.number({ error: '请填写救助金额' }).positive({ error: '救助金额须大于 0' }).max(100_000, { error: '救助金额过大' }),
    startMonth: z.string({ error: '请填写起始月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '起始月份格式应为 年-月' }),
    basedOnVersion: z.number().int().min(1),
  }),
  z.object({ decision: z.literal('refused'), reasons: z.string({ error: '请填写不予批准的理由' }).trim().min(1, { error: '请填写不予批准的理由' }).max(1000, { error: '理由不能超过 1000 字' }), basedOnVersion: z.number().int().min(1) }),
]);
export type DecideRelief = z.infer<typeof DecideRelief>;

export const PublishReliefStandard = ReliefStandard;

/**
 * Routes (all under ADMIN_PREFIX):
 * POST /session            AdminSignIn → AdminSession        DELETE /session
 * GET  /stations           → StationRow[]
 * POST /stations           StationCreate → EnrollmentIssued
 * POST /stations/:id/enrollment → EnrollmentIssued (re-enroll: new code, old token revoked when used)
 * POST /stations/:id/revoke → StationRow
 * GET  /stations/:id/rejected → RejectedEventRow[]   GET /stations/:id/day-closes → DayCloseRow[]
 * GET  /items?ItemFilter   → CountyItem[]
 * POST /items/:stationId/:intakeId/decision  DecideItem → CountyItem   (adds an intake.decision to that station's feed)
 * POST /catalogue          PublishedCatalogue → { seq }  (a catalogue.version item in every station's feed)
 * POST /calendar           holiday notice file → { seq } (a calendar.year item in every station's feed)
 * GET  /relief?ReliefFilter → CountyReliefCase[]
 * POST /relief/:stationId/:caseId/decision  DecideRelief → CountyReliefCase (adds a relief.decision to that station's feed)
 * POST /relief/standard    PublishReliefStandard → { seq } (a relief.standard item in every station's feed)
 */
