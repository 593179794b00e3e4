/**
 * How wrong passwords hold a login back. The same rule for every login, known or not, so
 * the answers do not tell which exist: the first `max - 1` wrong tries cost nothing (typos),
 * the max-th holds the login back 30 s, and each further one doubles the wait up to the lock
 * time (15 min by default). The count runs on through a wait and starts afresh only at a
 * successful sign-in, a password change or an administrator's unlock.
 *
 * A growing wait instead of a 15-minute lock after five: five tries by anyone at the counter
 * no longer keep the last administrator out, while a guesser gets ~100 tries a day instead
 * of the ~480 the old lock allowed (5 per 15 minutes).
 */
export const FIRST_HOLD_BACK_MS = 30_000;

export function holdBackMs(failures: number, max: number, capMs: number): number {
  if (failures < max) return 0;
  return Math.min(FIRST_HOLD_BACK_MS * 2 ** Math.min(failures - max, 30), capMs);
}

interface Tally {
  failures: number;
  until: number | null;
}

/**
 * The same count for logins that do not exist, in memory only and keyed by their mark.
 * Bounded: the oldest marks are forgotten first.
 */
export function createUnknownLoginTally(limit = 1000) {
  const tallies = new Map<string, Tally>();
  return {
    get(mark: string): Tally {
      return tallies.get(mark) ?? { failures: 0, until: null };
    },
    fail(mark: string, now: number, max: number, capMs: number): Tally {
      const failures = this.get(mark).failures + 1;
      const wait = holdBackMs(failures, max, capMs);
      const next = { failures, until: wait ? now + wait : null };
      tallies.delete(mark);
      tallies.set(mark, next);
      if (tallies.size > limit) tallies.delete(tallies.keys().next().value!);
      return next;
    },
  };
}
