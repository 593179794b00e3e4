/**
 * 日结 (end of day): the day at a glance, closing it (a forced sync, the summary sent to the
 * county), the 日结报表 and, for the station head, the past closes and their reprints.
 */
import * as z from 'zod';
import { call, none } from '../contract-kit';
import { plainKey } from '../text';

/** The county's view of a close, as the station shows it. */
export const DAY_CLOSE_STATUSES = ['pending', 'confirmed', 'mismatch'] as const;
export type DayCloseStatus = (typeof DAY_CLOSE_STATUSES)[number];
export const DAY_CLOSE_STATUS_LABELS: Record<DayCloseStatus, string> = {
  pending: '待确认',
  confirmed: '已确认',
  mismatch: '不一致',
};

/** What one day (or one clerk's day) holds; the same keys everywhere, in this order. */
export const DAY_COUNT_KEYS = ['accepted', 'completed', 'forwarded', 'returned', 'cancelled', 'handedOver', 'overdue', 'notices', 'receipts', 'reprints'] as const;
export type DayCountKey = (typeof DAY_COUNT_KEYS)[number];
export const DAY_COUNT_LABELS: Record<DayCountKey, string> = {
  accepted: '受理',
  completed: '办结',
  forwarded: '转报',
  returned: '退回',
  cancelled: '撤销',
  handedOver: '领取/送达',
  overdue: '逾期未办结',
  notices: '一次性告知书',
  receipts: '受理回执',
  reprints: '补打单据',
};

const Count = z.number().int().min(0);
export const DayCounts = z.object(Object.fromEntries(DAY_COUNT_KEYS.map((k) => [k, Count])) as Record<DayCountKey, typeof Count>);
export type DayCounts = z.infer<typeof DayCounts>;

export const ClerkDay = z.object({ staffId: z.string(), name: z.string(), counts: DayCounts });
export type ClerkDay = z.infer<typeof ClerkDay>;

/** A change recorded after the last close that is not today's: listed on the next report. */
export const LateChange = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** the 操作日志's words for it, e.g. 代办事项状态变更 */
  action: z.string(),
  /** a number a clerk recognises (回执编号, 告知书编号) or the record kind and a short id */
  record: z.string(),
  actorName: z.string().nullable(),
});
export type LateChange = z.infer<typeof LateChange>;

export const DayGlance = z.object({
  day: z.string(),
  totals: DayCounts,
  perClerk: z.array(ClerkDay),
  firstReceiptNo: z.string().nullable(),
  lastReceiptNo: z.string().nullable(),
  /** the outbox events a close now would cover */
  fromSeq: z.number().int(),
  throughSeq: z.number().int(),
  /** 上次日结后的变更: changes after the last close dated before today (at most 50, newest last) */
  lateChanges: z.array(LateChange),
  lateChangesTotal: z.number().int(),
  lastClose: z.object({ closeId: z.string(), day: z.string(), closedAt: z.string() }).nullable(),
});
export type DayGlance = z.infer<typeof DayGlance>;

export const DayCloseSummary = z.object({
  closeId: z.string(),
  day: z.string(),
  fromSeq: z.number().int(),
  throughSeq: z.number().int(),
  digest: z.string(),
  firstReceiptNo: z.string().nullable(),
  lastReceiptNo: z.string().nullable(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
  closedAt: z.string(),
  closedBy: z.object({ id: z.string(), name: z.string() }),
  county: z.object({
    status: z.enum(DAY_CLOSE_STATUSES),
    /** why it is 待确认 (未登记县级平台, 无法连接县级平台 …) or the county's mismatch message */
    reason: z.string().nullable(),
    /** when the county confirmed (its clock) */
    answeredAt: z.string().nullable(),
    triedAt: z.string().nullable(),
  }),
  /** the latest 日结报表; null when making it failed (dayclose.reprint makes it) */
  documentId: z.string().nullable(),
  reprintCount: z.number().int(),
});
export type DayCloseSummary = z.infer<typeof DayCloseSummary>;

export const DayCloseDetail = DayCloseSummary.extend({ glance: DayGlance });
export type DayCloseDetail = z.infer<typeof DayCloseDetail>;

const CloseId = plainKey('日结编号', { max: 64 });

export const dayCloseCalls = {
  /** today at the station's clock: the day so far, and its close if it was closed */
  'dayclose.today': call(
    none,
    z.object({
      glance: DayGlance,
      close: DayCloseDetail.nullable(),
      /** changes recorded since today's close: allowed, and listed on the next report */
      afterClose: z.number().int(),
      enrolled: z.boolean(),
    }),
    'signedIn',
  ),
  /**
   * closes today: a forced sync round, the close recorded, the summary sent to the county,
   * the 日结报表 made. A repeat of the same requestId answers with the first close; another
   * close of a closed day is refused (CONFLICT).
   */
  'dayclose.close': call(
    z.object({ requestId: z.uuid({ error: '缺少请求编号' }) }),
    z.object({
      close: DayCloseDetail,
      /** the forced sync round: null when the station is not enrolled */
      sync: z.object({ ok: z.boolean(), pending: z.number().int(), error: z.string().nullable() }).nullable(),
      /** why the 日结报表 could not be made (the close itself stands), or null */
      documentError: z.string().nullable(),
    }),
    'signedIn',
  ),
  /** past closes, newest first */
  'dayclose.list': call(
    z.object({ limit: z.number().int().min(1).max(200).default(60), beforeDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    z.array(DayCloseSummary),
    'dayclose.history',
  ),
  'dayclose.get': call(z.object({ closeId: CloseId }), DayCloseDetail, 'dayclose.history'),
  /** a 补打 of a day's report, made from the close's figures and the county's answer as they are now */
  'dayclose.reprint': call(z.object({ closeId: CloseId }), z.object({ documentId: z.string(), reprintCount: z.number().int() }), 'dayclose.history'),
} as const;
