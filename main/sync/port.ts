/**
 * What the rest of the station asks of the sync worker (main/sync). 日结 (main/services/
 * dayclose.ts) forces a round and hands over its summary through this, never the HTTP client.
 */
import type { DayCloseRequest, DayCloseResponse } from '../../common/county/protocol';

export type DayCloseOutcome =
  /** the county answered (confirmed, incomplete after the worker re-pushed what it named, or mismatch) */
  | { sent: true; response: DayCloseResponse }
  /** not enrolled, offline, or the county refused the token: the close stays 待确认 and the worker retries it */
  | { sent: false; reason: string };

export interface SyncPort {
  /** true when the station holds a county token (an unenrolled station closes its day locally) */
  enrolled(): boolean;
  /** push everything pending and pull, now; resolves when that round is over, whatever its outcome */
  syncNow(): Promise<{ ok: boolean; pending: number; error: string | null }>;
  /**
   * Send a day close; on `incomplete` the worker pushes the missing seqs again and retries
   * once before answering. A close still 待确认 is retried by the worker on its timer through
   * `pendingDayCloses` until confirmed.
   */
  sendDayClose(request: DayCloseRequest): Promise<DayCloseOutcome>;
}

/** What the day-close service gives the worker so it can retry closes left 待确认. */
export interface PendingDayCloses {
  list(): DayCloseRequest[];
  record(closeId: string, response: DayCloseResponse): void;
}
