/**
 * The window's clock: main's time (app.info tells it; the same PC, but main's clock is the one
 * injected in tests and the one every date main checks is counted on), with one timer for the
 * whole window updating subscribers once a minute.
 */
import { create } from 'zustand';
import { stationDate } from '../../../common/time';

interface ClockState {
  /** the current minute, as a timestamp at the start of that minute */
  minute: number;
}

const startOfMinute = (ms: number) => ms - (ms % 60_000);

/** main's clock minus this window's, learned from app.info */
let offset = 0;

/** Now by main's clock. */
export function stationNow(): Date {
  return new Date(Date.now() + offset);
}

/** Today at the station (Asia/Shanghai) by main's clock: the default of every date field. */
export function stationToday(): string {
  return stationDate(stationNow());
}

export const useClock = create<ClockState>()(() => ({ minute: startOfMinute(Date.now()) }));

/** Takes main's time (app.info's `now`); the round trip's few milliseconds do not matter to a date. */
export function setMainTime(iso: string): void {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return;
  offset = at - Date.now();
  useClock.setState({ minute: startOfMinute(stationNow().getTime()) });
}

let timer: number | undefined;

/** Starts the clock once; a 1 s tick keeps it right after sleep or a clock change, but only a new minute re-renders. */
export function startClock(): void {
  if (timer !== undefined) return;
  timer = window.setInterval(() => {
    const minute = startOfMinute(stationNow().getTime());
    if (minute !== useClock.getState().minute) useClock.setState({ minute });
  }, 1_000);
}
