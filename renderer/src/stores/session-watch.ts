/**
 * Keeps main's idea of "the clerk is at the keyboard" current and notices when
 * main has ended the session (idle time-out). Main counts nothing else as activity
 * (a screen's polling or a script's calls do not keep a session alive), so only real
 * input reports it: trusted keyboard, mouse, wheel and touch events, at most once
 * per 30 s. Main is asked for the session every 30 s and right after the moment it
 * said the session would expire.
 */
import { useEffect } from 'react';
import { api, onCallFailure } from '../api';
import { useApp } from './app';
import { stationNow } from './clock';

export const ACTIVITY_REPORT_MS = 30_000;
export const SESSION_POLL_MS = 30_000;
/** What the clerk does with their hands; not mousemove (a nudged desk is not activity) nor focus. */
export const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export function useSessionWatch(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let lastReport = 0;
    let expiryTimer: number | undefined;
    let disposed = false;

    const check = () => void useApp.getState().checkSession();

    const scheduleExpiryCheck = (expiresAt: string | null) => {
      window.clearTimeout(expiryTimer);
      if (!expiresAt) return;
      const ms = new Date(expiresAt).getTime() - stationNow().getTime() + 1_000;
      // setTimeout overflows past ~24.8 days; the poll covers anything that far out
      if (Number.isFinite(ms) && ms > 0 && ms < 2 ** 31 - 1) expiryTimer = window.setTimeout(check, ms);
    };

    const report = (e?: Event) => {
      // an event a script dispatched is not the clerk
      if (e && !e.isTrusted) return;
      const now = Date.now();
      if (now - lastReport < ACTIVITY_REPORT_MS) return;
      lastReport = now;
      api['auth.activity']({}).then(
        (r) => {
          if (!disposed) scheduleExpiryCheck(r.expiresAt);
        },
        () => check(),
      );
    };

    report();
    const poll = window.setInterval(check, SESSION_POLL_MS);
    for (const type of INPUT_EVENTS) window.addEventListener(type, report, { capture: true, passive: true });
    // a call refused for want of a session means main signed us out: find out at once
    const offFailure = onCallFailure((err, name) => {
      if (err.code === 'FORBIDDEN' && name !== 'auth.session') check();
    });

    return () => {
      disposed = true;
      window.clearInterval(poll);
      window.clearTimeout(expiryTimer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, report, { capture: true });
      offFailure();
    };
  }, [active]);
}
