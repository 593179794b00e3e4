/**
 * The station ↔ county sync protocol, /v1 (docs/sync-protocol.md explains it; the OpenAPI
 * document is generated from these schemas). Both ends parse every body with them: the
 * county at its boundary, the station on every answer (a county answer that does not match
 * is an error, never half-applied).
 *
 * Pure: no node:, no DOM. Imported by main/sync and by county/.
 */
import * as z from 'zod';
import { ENTITIES } from '../entities';

export const PROTOCOL_VERSION = 1 as const;
export const API_PREFIX = '/v1';

/** Instants are UTC ISO strings; dates are the station's calendar day (Asia/Shanghai). */
export const Instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' });
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 年-月-日' });
export const Hash = z.string().regex(/^[0-9a-f]{64}$/, { error: '哈希值应为 64 位十六进制' });
export const Seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Cursor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Text = (max: number) => z.string().trim().min(1).max(max);

/** Error body of every non-2xx answer: a code for programs, a Chinese message for people. */
export const PROTOCOL_ERROR_CODES = [
  'VALIDATION', // the body or query does not match its schema
  'UNAUTHORIZED', // no token, an unknown or revoked token: the station stops and asks for 重新登记
  'FORBIDDEN', // the token is valid but may not do this
  'NOT_FOUND',
  'CONFLICT', // e.g. an enrollment code already used
  'TOO_LARGE', // 413: the station halves its batch
  'UNSUPPORTED', // 415: not application/json (optionally gzip-encoded)
  'RATE_LIMITED', // 429
  'UNAVAILABLE', // 503: try later
  'INTERNAL',
] as const;
export const ProtocolErrorCode = z.enum(PROTOCOL_ERROR_CODES);
export type ProtocolErrorCode = z.infer<typeof ProtocolErrorCode>;
export const ErrorBody = z.object({ error: z.object({ code: ProtocolErrorCode, message: z.string().max(500) }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The station's token travels as `Authorization: Bearer <token>`; never in a URL or a log. */
export const StationToken = z.string().regex(/^sdt_[A-Za-z0-9_-]{32,128}$/);
/** One-time enrollment code as the county admin reads it out or prints it: 12 characters, dashes optional. */
export const EnrollmentCode = z
  .string({ error: '请填写登记码' })
  .trim()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{12}$/, { error: '登记码为 12 位字母或数字' }));

// ---------------------------------------------------------------------------------------
// GET /v1/config (no auth): what the county accepts, so the station sizes its batches.

export const ConfigResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  countyName: z.string(),
  /** events per push */
  maxBatchEvents: z.number().int().min(1),
  /** bytes of one request body, after decompression */
  maxBatchBytes: z.number().int().min(1024),
  /** feed items per pull page */
  maxPullItems: z.number().int().min(1),
  /** the public progress page's base URL printed on receipts (QR), or null */
  publicUrl: z.string().nullable(),
  serverTime: Instant,
});
export type ConfigResponse = z.infer<typeof ConfigResponse>;

// ---------------------------------------------------------------------------------------
// POST /v1/enroll (no auth): a one-time code for a station token.

export const EnrollRequest = z.object({
  code: EnrollmentCode,
  /** must equal the station code the county admin created the station with */
  stationCode: z.string().regex(/^[0-9A-Za-z]{4,20}$/),
  stationName: Text(60),
  /** this machine, for the county's list (e.g. 窗口1) */
  deviceName: Text(60).optional(),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  stationId: z.string(),
  stationCode: z.string(),
  countyName: z.string(),
  /** shown once; the county keeps only its hash */
  token: StationToken,
  /**
   * What the county already holds of this station's outbox: 0 for a new station; after a
   * re-enrollment the station resumes from here (and pushes again anything above it).
   */
  ackedThrough: Cursor,
  /** the feed cursor to resume from (0 = from the start) */
  pullCursor: Cursor,
  publicUrl: z.string().nullable(),
  serverTime: Instant,
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

// ---------------------------------------------------------------------------------------
// POST /v1/push (Bearer): a batch of outbox events, in seq order, contiguous.

const ENTITY_NAMES = Object.keys(ENTITIES) as [keyof typeof ENTITIES, ...(keyof typeof ENTITIES)[]];
export const OutboxEvent = z.object({
  /** UUIDv7 made by the station */
  eventId: z.uuid(),
  /** per station, gapless from 1 */
  seq: Seq,
  /** entity names are pinned in common/entities.ts; a county may receive names a newer station adds, so unknown ones are stored and marked, not refused by the schema */
  entity: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  entityId: z.string().min(1).max(100),
  op: z.enum(['create', 'update', 'delete']),
  /** the record's version after this change (1 for a create) */
  version: z.number().int().min(1),
  /** the station's clock: data only, never used for ordering */
  occurredAt: Instant,
  /** the record's full state after the change; frozen once sent (an edit is a new event) */
  payload: z.unknown(),
  prevHash: Hash,
  /** sha256(prevHash + "\n" + JSON.stringify([seq, eventId, entity, entityId, op, version, occurredAt, payloadJson])) — see eventHash */
  hash: Hash,
});
export type OutboxEvent = z.infer<typeof OutboxEvent>;
export const KNOWN_ENTITIES: readonly string[] = ENTITY_NAMES;

/** The station's 操作日志 head at the time of the push: a cut tail is detected at the county. */
export const AuditHead = z.object({ seq: z.number().int().min(0), hash: Hash });
export type AuditHead = z.infer<typeof AuditHead>;

export const PushRequest = z.object({
  events: z.array(OutboxEvent).min(1).max(10_000),
  auditHead: AuditHead,
  /** events still waiting at the station after this batch, for the county's backlog column */
  backlog: z.number().int().min(0),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const REJECT_REASONS = {
  HASH_MISMATCH: '该序号的事件县级已收到，但内容不同（可能被改动）',
  BAD_HASH: '事件的校验值与内容不符（可能被改动）',
  BROKEN_CHAIN: '事件与前一事件的链接不符（顺序被打乱或被改动）',
  GAP: '事件序号不连续，缺少前面的事件',
  INVALID: '事件内容不符合格式',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export const PushVerdict = z.discriminatedUnion('status', [
  z.object({ seq: Seq, eventId: z.uuid(), status: z.literal('applied') }),
  z.object({ seq: Seq, eventId: z.uuid(), status: z.literal('duplicate') }),
  z.object({
    seq: Seq,
    eventId: z.uuid(),
    status: z.literal('rejected'),
    reason: z.enum(Object.keys(REJECT_REASONS) as [RejectReason, ...RejectReason[]]),
    message: z.string(),
    /**
     * permanent: kept on both sides, shown to the station head, and settled: ackedThrough
     * moves past it, so it never blocks the queue. Not permanent (GAP): push again from
     * ackedThrough + 1.
     */
    permanent: z.boolean(),
  }),
]);
export type PushVerdict = z.infer<typeof PushVerdict>;

export const PushResponse = z.object({
  /** one verdict per event of the request, in its order */
  results: z.array(PushVerdict),
  /** every seq ≤ this is settled at the county (applied, duplicate or permanently rejected) */
  ackedThrough: Cursor,
  serverTime: Instant,
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---------------------------------------------------------------------------------------
// GET /v1/pull?after=<cursor>&limit=<n> (Bearer): county-side changes for this station.

export const PullQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** A decision a county department took on a forwarded 代办 item. */
export const IntakeDecision = z.object({
  /** the station's intake id (the outbox event's entityId) */
  intakeId: z.string(),
  receiptNo: z.string(),
  /** the station's record version the county decided on: older than the station's → a conflict */
  basedOnVersion: z.number().int().min(1),
  decision: z.enum(['accepted', 'completed', 'returned']),
  /** accepted: the department assigned */
  department: z.string().max(60).nullable(),
  /** completed: the result as the resident will read it */
  result: z.string().max(500).nullable(),
  /** returned: why, and what to bring */
  reason: z.string().max(500).nullable(),
  decidedAt: Instant,
  /** county staff member's display name */
  decidedBy: z.string().max(30),
});
export type IntakeDecision = z.infer<typeof IntakeDecision>;

/** The county's decision on a forwarded 社会救助 case (审核确认). */
export const ReliefDecision = z.object({
  /** the station's case id (the outbox event's entityId) */
  caseId: z.string().min(1).max(100),
  caseNo: z.string().max(40),
  /** the case version the county decided on: the station applies it only if the case is still at it */
  basedOnVersion: z.number().int().min(1),
  decision: z.enum(['approved', 'refused']),
  /** approved: fen per month, and the first month paid (YYYY-MM) */
  amountFen: z.number().int().min(0).max(100_000_000).nullable(),
  startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable(),
  /** refused: the reasons, as the notice to the applicant will print them */
  reasons: z.string().max(1000).nullable(),
  decidedAt: Instant,
  decidedBy: z.string().max(30),
});
export type ReliefDecision = z.infer<typeof ReliefDecision>;

/** The county's local 低保 standard: fen per person per month from a date. */
export const ReliefStandard = z.object({
  fen: z.number().int().min(1).max(10_000_000),
  effectiveFrom: Day,
  source: z.string().trim().min(1).max(100),
});
export type ReliefStandard = z.infer<typeof ReliefStandard>;

export const FeedItem = z.discriminatedUnion('kind', [
  z.object({ seq: Seq, kind: z.literal('intake.decision'), createdAt: Instant, body: IntakeDecision }),
  /** body: a PublishedCatalogue (common/catalogue.ts); the station checks it with that schema */
  z.object({ seq: Seq, kind: z.literal('catalogue.version'), createdAt: Instant, body: z.unknown() }),
  /** body: a holiday notice file (common/calendar-file.ts); checked with checkNotice */
  z.object({ seq: Seq, kind: z.literal('calendar.year'), createdAt: Instant, body: z.unknown() }),
  z.object({ seq: Seq, kind: z.literal('relief.decision'), createdAt: Instant, body: ReliefDecision }),
  z.object({ seq: Seq, kind: z.literal('relief.standard'), createdAt: Instant, body: ReliefStandard }),
]);
export type FeedItem = z.infer<typeof FeedItem>;
export const FEED_KINDS = ['intake.decision', 'catalogue.version', 'calendar.year', 'relief.decision', 'relief.standard'] as const;

export const PullResponse = z.object({
  items: z.array(FeedItem),
  /** the cursor to send next time: the last item's seq, or `after` when the page is empty */
  cursor: Cursor,
  hasMore: z.boolean(),
  serverTime: Instant,
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---------------------------------------------------------------------------------------
// POST /v1/day-close (Bearer): the day's summary; acknowledged only when complete.

export const DayCloseRequest = z.object({
  /** the station's close id (UUIDv7): a repeat of the same close is answered the same */
  closeId: z.uuid(),
  day: Day,
  /** the events this close covers: fromSeq ≤ seq ≤ throughSeq (fromSeq = previous close's throughSeq + 1) */
  fromSeq: Seq,
  throughSeq: z.number().int().min(0),
  /** sha256 over the covered events' hashes joined by "\n", in seq order (dayDigest) */
  digest: Hash,
  /** counts per capability and status, e.g. { "intake.accepted": 12, "intake.completed": 9 } */
  counts: z.record(z.string().max(60), z.number().int().min(0)),
  firstReceiptNo: z.string().max(40).nullable(),
  lastReceiptNo: z.string().max(40).nullable(),
  auditHead: AuditHead,
  closedAt: Instant,
  closedBy: z.string().max(30),
});
export type DayCloseRequest = z.infer<typeof DayCloseRequest>;

export const DayCloseResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('confirmed'), closeId: z.uuid(), confirmedAt: Instant, serverTime: Instant }),
  /** the county lacks some covered events: the station pushes these seqs again, then retries */
  z.object({ status: z.literal('incomplete'), closeId: z.uuid(), missingSeqs: z.array(Seq).max(1000), missingCount: z.number().int().min(1), serverTime: Instant }),
  /** the digest does not match what the county holds for that range */
  z.object({ status: z.literal('mismatch'), closeId: z.uuid(), message: z.string(), serverTime: Instant }),
]);
export type DayCloseResponse = z.infer<typeof DayCloseResponse>;

// ---------------------------------------------------------------------------------------
// GET /public/progress?receipt=<no>&code=<check> (no auth): the resident's view.

/** 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed on the receipt */
export const CHECK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CheckCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{6}$/, { error: '查询码为 6 位字母或数字' }));

/** The query of GET /public/progress, as the county parses it. */
export const ProgressQuery = z.object({ receipt: z.string().trim().min(1, { error: '请填写回执编号' }).max(40), code: CheckCode });

export const PublicProgress = z.object({
  receiptNo: z.string(),
  itemName: z.string(),
  stationName: z.string(),
  /** the station's or county's latest status label in Chinese */
  statusLabel: z.string(),
  acceptedAt: Instant,
  promisedDate: Day,
  updatedAt: Instant,
  /** completed: the result; returned: the reason and what to bring; else null */
  result: z.string().nullable(),
  reason: z.string().nullable(),
  department: z.string().nullable(),
});
export type PublicProgress = z.infer<typeof PublicProgress>;

// ---------------------------------------------------------------------------------------
// The two hashes both ends compute (pure: the caller supplies sha256 hex).

export type Sha256Hex = (text: string) => string;

/** The text an event's hash covers; payloadJson is the stored JSON text exactly as sent. */
export function eventHashInput(prevHash: string, e: { seq: number; eventId: string; entity: string; entityId: string; op: string; version: number; occurredAt: string; payloadJson: string }): string {
  return `${prevHash}\n${JSON.stringify([e.seq, e.eventId, e.entity, e.entityId, e.op, e.version, e.occurredAt, e.payloadJson])}`;
}

/** The digest of a day close: the covered events' hashes, in seq order, joined by "\n". */
export function dayDigestInput(hashes: readonly string[]): string {
  return hashes.join('\n');
}

export const GENESIS_HASH = '0'.repeat(64);
