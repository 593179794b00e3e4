/** The 社会救助 forms' data checked at the boundary, like schema.ts for the others. */
import * as z from 'zod';
import type { ReliefAcceptanceData, ReliefAuthorizationData, ReliefInvestigationData, ReliefPublicityData, ReliefRefusalData } from './relief-types';

const text = (max: number) => z.string().max(max);
const instant = z.iso.datetime({ offset: true });
const StationHeader = z.object({ code: text(20), name: text(60).min(1), county: text(40), address: text(120), phone: text(40) });
const Applicant = z.object({ name: text(60).min(1), idMasked: text(24), phone: text(40), address: text(200) });
const Type = z.object({ code: text(20).min(1), name: text(30).min(1) });
const Member = z.object({ name: text(60).min(1), relation: text(20), idMasked: text(24), adult: z.boolean() });
const Members = z.array(Member).min(1).max(30);
const Materials = z.array(text(120)).max(60);
const Amount = z.number().min(0).max(1_000_000);

export const ReliefAcceptance = z.object({
  station: StationHeader,
  receiptNo: text(64).min(1),
  type: Type,
  applicant: Applicant,
  members: Members,
  materialsReceived: Materials,
  acceptedAt: instant,
  dueDate: z.iso.date(),
  timeLimitText: text(40),
  dueCaveat: text(120).optional(),
  clerkName: text(30),
  progressHint: text(200),
}) satisfies z.ZodType<ReliefAcceptanceData>;

export const ReliefAuthorization = z.object({
  station: StationHeader,
  caseNo: text(64).min(1),
  type: Type,
  applicantName: text(60).min(1),
  // an authorization nobody can sign is no authorization
  members: Members.refine((ms) => ms.some((m) => m.adult), { error: '没有成年家庭成员，无法生成核对授权书' }),
  issuedAt: instant,
}) satisfies z.ZodType<ReliefAuthorizationData>;

export const ReliefInvestigation = z.object({
  station: StationHeader,
  caseNo: text(64).min(1),
  type: Type,
  applicant: Applicant,
  members: z.array(z.object({ name: text(60).min(1), relation: text(20), idMasked: text(24), employment: text(40), monthlyIncome: Amount.nullable(), health: text(80), school: text(40) })).max(30),
  assets: z.array(text(200)).max(30),
  filled: z.object({ date: z.iso.date(), investigators: z.array(text(30).min(1)).min(2).max(6), findings: text(2000) }).nullable(),
  issuedAt: instant,
}) satisfies z.ZodType<ReliefInvestigationData>;

/** Strict: a field the 公示 sheet does not know (an id, an income) is refused, not carried along. */
export const ReliefPublicity = z
  .object({
    station: StationHeader,
    caseNo: text(64).min(1),
    community: text(60).min(1),
    entries: z.array(z.object({ name: text(60).min(1), householdSize: z.number().int().min(1).max(30), typeName: text(30).min(1), proposedAmount: Amount.nullable() }).strict()).min(1).max(100),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    contactPhone: text(40),
    issuedAt: instant,
  })
  .strict() satisfies z.ZodType<ReliefPublicityData>;

export const ReliefRefusal = z.object({
  station: StationHeader,
  noticeNo: text(64).min(1),
  caseNo: text(64).min(1),
  type: Type,
  applicant: Applicant,
  acceptedAt: instant,
  decidedAt: instant,
  decidedBy: text(60).min(1),
  reasons: text(2000).min(1),
  issuedAt: instant,
  clerkName: text(30),
}) satisfies z.ZodType<ReliefRefusalData>;
