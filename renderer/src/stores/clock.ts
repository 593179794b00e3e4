/** The status bar's clock: one timer for the whole window, updating subscribers once a minute. */
import { create } from 'zustand';

interface ClockState {
  /** the current minute, as a timestamp at the start of that minute */
  minute: number;
}

const startOfMinute = (ms: number) => ms - (ms % 60_000);

export const useClock = create<ClockState>()(() => ({ minute: startOfMinute(Date.now()) }));

let timer: number | undefined;

/** Starts the clock once; a 1 s tick keeps it right after sleep or a clock change, but only a new minute re-renders. */
export function startClock(): void {
  if (timer !== undefined) return;
  timer = window.setInterval(() => {
    const minute = startOfMinute(Date.now());
    if (minute !== useClock.getState().minute) useClock.setState({ minute });
  }, 1_000);
}
