/**
 * The printed forms' data checked at the boundary: when a service hands it to issue() and
 * when the archive's stored copy is read back for a reprint (DESIGN.md §8: zod at every
 * boundary, files included).
 */
import * as z from 'zod';
import { ReliefAcceptance, ReliefAuthorization, ReliefInvestigation, ReliefPublicity, ReliefRefusal } from './relief-schema';
import type { AcceptanceReceiptData, CompletionReceiptData, CorrectionNoticeData, DayCloseReportData, PrintableDocument, TransmittalData } from './types';
import { WishClaimVoucher, WishHandover, WishPoster } from './schema-wishes';

const text = (max: number) => z.string().max(max);
const instant = z.iso.datetime({ offset: true });

const StationHeader = z.object({ code: text(20), name: text(60).min(1), county: text(40), address: text(120), phone: text(40) });
const Applicant = z.object({ name: text(60).min(1), idMasked: text(24), phone: text(40), address: text(200) });
const Materials = z.array(text(120)).max(60);

const Acceptance = z.object({
  station: StationHeader,
  receiptNo: text(64).min(1),
  item: z.object({ code: text(40), name: text(80).min(1), category: text(40), department: text(60), forwarded: z.boolean() }),
  applicant: Applicant,
  materialsReceived: Materials,
  acceptedAt: instant,
  promisedDate: z.iso.date(),
  promiseCaveat: text(120).optional(),
  timeLimitText: text(40),
  clerkName: text(30),
  progressHint: text(200),
  qrPayload: text(300).min(1),
  online: z.object({ checkCode: z.string().regex(/^[2-9A-HJKMNP-Z]{6}$/), url: text(300).regex(/^https?:\/\//), lookupUrl: text(300).regex(/^https?:\/\//) }).optional(),
  onTheSpot: z.object({ completedAt: instant, result: text(500), handedOverTo: text(60).nullable() }).optional(),
}) satisfies z.ZodType<AcceptanceReceiptData>;

const Correction = z.object({
  station: StationHeader,
  noticeNo: text(64).min(1),
  item: z.object({ code: text(40), name: text(80).min(1), department: text(60) }),
  applicant: Applicant,
  materialsRequired: Materials,
  materialsReceived: Materials,
  materialsMissing: Materials.min(1),
  issuedAt: instant,
  clerkName: text(30),
  note: text(500).optional(),
}) satisfies z.ZodType<CorrectionNoticeData>;

const Completion = z.object({
  station: StationHeader,
  receiptNo: text(64).min(1),
  item: z.object({ code: text(40), name: text(80).min(1) }),
  applicant: Applicant,
  acceptedAt: instant,
  completedAt: instant,
  result: text(500),
  handover: z.object({ kind: z.enum(['领取', '送达']), at: instant, receiverName: text(60) }).nullable(),
  proxy: z.object({ name: text(30).min(1), idMasked: text(24), relation: text(20) }).optional(),
  clerkName: text(30),
}) satisfies z.ZodType<CompletionReceiptData>;

const Transmittal = z.object({
  station: StationHeader,
  transmittalNo: text(64).min(1),
  department: text(60).min(1),
  channel: text(80).min(1),
  receiverName: text(30).min(1),
  receivedAt: instant,
  createdAt: instant,
  clerkName: text(30),
  note: text(500).optional(),
  items: z
    .array(z.object({ receiptNo: text(64).min(1), itemName: text(80).min(1), applicantName: text(60).min(1), idMasked: text(24), acceptedAt: instant, materials: Materials }))
    .min(1)
    .max(50),
}) satisfies z.ZodType<TransmittalData>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const DayCloseReport = z.object({
  station: StationHeader,
  day: z.iso.date(),
  closeId: text(64).min(1),
  closedAt: instant,
  closedByName: text(30),
  countHeaders: z.array(text(20)).min(2).max(16),
  countRows: z.array(z.object({ name: text(30), values: z.array(z.number().int().min(0)).max(15) })).min(1).max(200),
  firstReceiptNo: text(64).nullable(),
  lastReceiptNo: text(64).nullable(),
  lateChanges: z.array(z.object({ at: instant, action: text(40), record: text(80), actorName: text(30).nullable() })).max(50),
  lateChangesTotal: z.number().int().min(0),
  countyStatus: text(10).min(1),
  countyDetail: text(300),
  fromSeq: z.number().int().min(1),
  throughSeq: z.number().int().min(0),
  digest: hex64,
  auditHead: z.object({ seq: z.number().int().min(0), hash: hex64 }),
}) satisfies z.ZodType<DayCloseReportData>;

export const PrintableDocumentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('intake.acceptance'), data: Acceptance }),
  z.object({ kind: z.literal('intake.correction'), data: Correction }),
  z.object({ kind: z.literal('intake.completion'), data: Completion }),
  z.object({ kind: z.literal('intake.transmittal'), data: Transmittal }),
  z.object({ kind: z.literal('dayclose.report'), data: DayCloseReport }),
  z.object({ kind: z.literal('relief.acceptance'), data: ReliefAcceptance }),
  z.object({ kind: z.literal('relief.correction'), data: Correction }),
  z.object({ kind: z.literal('relief.authorization'), data: ReliefAuthorization }),
  z.object({ kind: z.literal('relief.investigation'), data: ReliefInvestigation }),
  z.object({ kind: z.literal('relief.publicity'), data: ReliefPublicity }),
  z.object({ kind: z.literal('relief.refusal'), data: ReliefRefusal }),
  z.object({ kind: z.literal('wish.claim'), data: WishClaimVoucher }),
  z.object({ kind: z.literal('wish.handover'), data: WishHandover }),
  z.object({ kind: z.literal('wish.poster'), data: WishPoster }),
]) satisfies z.ZodType<PrintableDocument>;
