/**
 * When the 微心愿 expiry sweep runs (issue 9): not on reads — the lobby screen polls the wall,
 * and a read must write nothing — but on a timer in main: at start, hourly, and as soon as
 * the station date changes (a deadline day ends at midnight, station time). "Now" and the
 * date are the injected clock's; the timer only decides how often to look at it. Steps still
 * sweep first themselves, so one on an expired wish is refused as expired whatever the timer did.
 */
import type { Clock } from '../clock';
import { stationDate } from '../../common/time';
import { errorText, log } from '../log';

export const WISH_SWEEP_EVERY_MS = 3_600_000;
/** how often the timer looks at the clock for a new station date */
export const WISH_DATE_WATCH_MS = 60_000;

export function createWishExpiry(deps: { clock: Clock; sweep: () => number }) {
  let lastDay: string | null = null;
  let lastAt = 0;

  /** Sweeps now; answers how many wishes it recorded as 已过期. */
  function run(): number {
    const now = deps.clock.now();
    lastDay = stationDate(now);
    lastAt = now.getTime();
    return deps.sweep();
  }

  function tick(everyMs: number): void {
    const now = deps.clock.now();
    if (stationDate(now) === lastDay && now.getTime() - lastAt < everyMs) return;
    try {
      const n = run();
      if (n > 0) log.info('expired wishes recorded', { wishes: n });
    } catch (err) {
      log.warn('wish expiry sweep failed', { error: errorText(err) });
    }
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    sweep: run,
    start(opts: { watchMs?: number; everyMs?: number } = {}) {
      if (timer) return;
      const everyMs = opts.everyMs ?? WISH_SWEEP_EVERY_MS;
      timer = setInterval(() => tick(everyMs), opts.watchMs ?? WISH_DATE_WATCH_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
