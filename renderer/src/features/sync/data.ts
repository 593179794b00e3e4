/**
 * The 同步 area's and the status bar's one way to main. One store holds the last status read,
 * so the bar and the area never disagree; reads are numbered so a slow answer never replaces
 * a newer one (a poll that started before 立即同步 ended, say).
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CallInput, CallOutput } from '../../../../common/contract';
import type { SyncStatus } from '../../../../common/contracts/sync';
import { api } from '../../api';

interface SyncStore {
  status: SyncStatus | null;
  /** the last read failed (the bar says 状态未知, the area offers a retry) */
  error: unknown;
  /** when `status` was read, by this window's clock: the "now" its ages are counted to */
  readAt: number;
  /** 立即同步 is running */
  running: boolean;
  refresh(): Promise<void>;
  syncNow(): Promise<SyncStatus>;
  enroll(input: CallInput<'sync.enroll'>): Promise<SyncStatus>;
}

let issued = 0;
let applied = 0;
let inFlight: Promise<void> | null = null;

function accept(seq: number, status: SyncStatus): void {
  if (seq < applied) return;
  applied = seq;
  useSync.setState({ status, error: null, readAt: Date.now() });
}

export const useSync = create<SyncStore>()((set, get) => ({
  status: null,
  error: null,
  readAt: Date.now(),
  running: false,

  refresh() {
    // the bar and the area may both ask at once: one read answers both
    if (inFlight) return inFlight;
    const seq = ++issued;
    inFlight = api['sync.status']({})
      .then(
        (status) => accept(seq, status),
        (error: unknown) => {
          if (seq >= applied) set({ error });
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },

  async syncNow() {
    set({ running: true });
    try {
      const status = await api['sync.now']({});
      // numbered on arrival: it is newer than any poll that started while the round ran
      accept(++issued, status);
      return status;
    } finally {
      set({ running: false });
      void get().refresh();
    }
  },

  async enroll(input) {
    const status = await api['sync.enroll'](input);
    accept(++issued, status);
    return status;
  },
}));

/** How often the status is read: the bar keeps a modest pace, the open area a quicker one, a backlog going out quicker still. */
export const POLL_BAR_MS = 30_000;
export const POLL_AREA_MS = 5_000;
export const POLL_BUSY_MS = 1_000;

/** True while a round runs (ours or the worker's): the area follows its progress closely. */
export function useBusy(): boolean {
  return useSync((s) => s.running || s.status?.state === 'syncing' || s.status?.progress != null);
}

/**
 * Reads the status now and every `periodMs` while the window is shown; a hidden window
 * (minimised, another app in front) asks nothing, and catches up as soon as it is shown.
 */
export function useSyncPolling(periodMs: number): void {
  useEffect(() => {
    const refresh = useSync.getState().refresh;
    if (!document.hidden) void refresh();
    const timer = window.setInterval(() => {
      if (!document.hidden) void refresh();
    }, periodMs);
    const onVisible = () => {
      if (!document.hidden) void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [periodMs]);
}

export type RejectedList = CallOutput<'sync.rejected'>;
export type ConflictList = CallOutput<'sync.conflicts'>;

export const loadRejected = () => api['sync.rejected']({});
export const loadConflicts = (includeResolved: boolean) => api['sync.conflicts']({ includeResolved });
export const resolveConflict = (id: string, resolution: string) => api['sync.resolveConflict']({ id, resolution });
/** Who may enroll the station, for the clerks who may not: active 站长 and 管理员. */
export const loadStaff = () => api['staff.list']({});
export const loadSettings = () => api['settings.get']({});
