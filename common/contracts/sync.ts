/**
 * The 同步 area's calls (renderer ↔ main). The sync worker (main/sync) implements them; the
 * protocol with the county is common/county/protocol.ts, apart from this.
 */
import * as z from 'zod';
import { call, none } from '../contract-kit';
import { EnrollmentCode } from '../county/protocol';
import { freeText, plainKey } from '../text';

export const SYNC_STATES = ['unenrolled', 'online', 'offline', 'syncing', 'reenroll'] as const;
export type SyncState = (typeof SYNC_STATES)[number];
export const SYNC_STATE_LABELS: Record<SyncState, string> = {
  unenrolled: '未登记',
  online: '已连接',
  offline: '离线',
  syncing: '同步中',
  reenroll: '需重新登记',
};

export const SyncStatus = z.object({
  state: z.enum(SYNC_STATES),
  countyUrl: z.string(),
  countyName: z.string().nullable(),
  stationId: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  /** outbox events not yet settled at the county */
  pending: z.number().int(),
  /** occurredAt of the oldest pending event */
  oldestPendingAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  /** the last time a push and a pull both succeeded */
  lastSuccessAt: z.string().nullable(),
  /** the last failure in plain Chinese, null after a success */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** during a backlog push: how far it is */
  progress: z.object({ sent: z.number().int(), total: z.number().int() }).nullable(),
  rejectedCount: z.number().int(),
  conflictCount: z.number().int(),
  /** county clock minus station clock in seconds, from the last answer; shown when large */
  clockSkewSeconds: z.number().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const RejectedEvent = z.object({
  seq: z.number().int(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string(),
  occurredAt: z.string(),
  reason: z.string(),
  message: z.string(),
  rejectedAt: z.string(),
});
export type RejectedEvent = z.infer<typeof RejectedEvent>;

/** A county decision that was not applied because the station changed the record after the county saw it. */
export const SyncConflict = z.object({
  id: z.string(),
  kind: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** e.g. the receipt number */
  label: z.string(),
  /** what the county decided, in Chinese */
  summary: z.string(),
  basedOnVersion: z.number().int(),
  stationVersion: z.number().int(),
  receivedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** A county decision lately applied to a 代办 item, for the 工作台. */
export const CountyDecision = z.object({
  intakeId: z.string(),
  receiptNo: z.string(),
  itemName: z.string(),
  residentName: z.string(),
  status: z.string(),
  decision: z.enum(['accepted', 'completed', 'returned']),
  department: z.string().nullable(),
  result: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.string(),
});
export type CountyDecision = z.infer<typeof CountyDecision>;

export const syncCalls = {
  /** the latest county decisions applied on this station's items, newest first (工作台) */
  'sync.decisions': call(z.object({ limit: z.number().int().min(1).max(50).default(5) }), z.array(CountyDecision), 'signedIn'),
  'sync.status': call(none, SyncStatus, 'signedIn'),
  /** push and pull now; answers when the round is over (or failed), with the new status */
  'sync.now': call(none, SyncStatus, 'signedIn'),
  /** exchange the county's one-time code for a station token; countyUrl is saved to 本机设置 */
  'sync.enroll': call(
    z.object({
      countyUrl: freeText('县级平台地址', { min: 1, max: 200 }).refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), { error: '县级平台地址须以 http:// 或 https:// 开头' }),
      code: EnrollmentCode,
    }),
    SyncStatus,
    'sync.manage',
  ),
  'sync.rejected': call(none, z.array(RejectedEvent), 'sync.manage'),
  'sync.conflicts': call(z.object({ includeResolved: z.boolean().default(false) }), z.array(SyncConflict), 'sync.manage'),
  /** the station head has seen the conflict and says what was done about it */
  'sync.resolveConflict': call(z.object({ id: plainKey('冲突编号', { max: 64 }), resolution: freeText('处理方式', { min: 1, max: 200, multiline: true }) }), SyncConflict, 'sync.manage'),
} as const;
