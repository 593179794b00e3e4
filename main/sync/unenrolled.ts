/**
 * The SyncPort of a station that holds no county token: a real state, not a stand-in. Its
 * days close locally and stay 待确认 (未登记县级平台) until the station is enrolled and the
 * sync worker sends them.
 */
import type { SyncPort } from './port';

export const NOT_ENROLLED_REASON = '未登记县级平台';

export const unenrolledSync: SyncPort = {
  enrolled: () => false,
  syncNow: () => Promise.resolve({ ok: false, pending: 0, error: NOT_ENROLLED_REASON }),
  sendDayClose: () => Promise.resolve({ sent: false, reason: NOT_ENROLLED_REASON }),
};
