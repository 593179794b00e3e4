/**
 * Rate limits kept in PostgreSQL, not in the process: behind a load balancer every instance
 * counts the same attempts (DESIGN.md §5). Fixed windows: one row per (bucket, key, window).
 * Its table comes with countyweb's own migration (version 101), applied through the county's
 * migrate(): county/db belongs to the county server core, which this part does not edit.
 */
import { migrate } from '../db/migrate';
import type { Clock, Sql } from '../store/types';

export const WEB_MIGRATIONS = [
  {
    version: 101,
    name: '0101-countyweb-rate-limits',
    sql: `CREATE TABLE rate_hits (
  bucket        TEXT NOT NULL,
  key           TEXT NOT NULL,
  window_start  TIMESTAMPTZ NOT NULL,
  hits          INT NOT NULL,
  PRIMARY KEY (bucket, key, window_start)
);
CREATE INDEX rate_hits_by_window ON rate_hits (window_start);`,
  },
] as const;

export async function migrateWeb(sql: Sql): Promise<void> {
  await migrate(sql, WEB_MIGRATIONS);
}

export interface RateRule {
  bucket: string;
  windowMs: number;
  limit: number;
}

export interface RateLimits {
  /** hits so far in the current window (without counting one) */
  count(rule: RateRule, key: string): Promise<number>;
  /** counts one hit; answers the window's total including it */
  hit(rule: RateRule, key: string): Promise<number>;
  /** forgets the key's current window (a successful sign-in clears its failures) */
  clear(rule: RateRule, key: string): Promise<void>;
  /** whole minutes until the current window ends, at least 1 */
  minutesLeft(rule: RateRule): number;
}

export function rateLimits(sql: Sql, clock: Clock): RateLimits {
  const windowStart = (rule: RateRule) => new Date(Math.floor(clock.now().getTime() / rule.windowMs) * rule.windowMs).toISOString();
  return {
    async count(rule, key) {
      const [r] = await sql.query<{ hits: number }>('SELECT hits FROM rate_hits WHERE bucket = $1 AND key = $2 AND window_start = $3', [rule.bucket, key, windowStart(rule)]);
      return r?.hits ?? 0;
    },
    async hit(rule, key) {
      const now = clock.now();
      // Old windows are swept as new ones are counted: the table stays as small as one day's traffic.
      await sql.query('DELETE FROM rate_hits WHERE window_start < $1', [new Date(now.getTime() - 24 * 3600_000).toISOString()]);
      const [r] = await sql.query<{ hits: number }>(
        'INSERT INTO rate_hits (bucket, key, window_start, hits) VALUES ($1, $2, $3, 1) ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_hits.hits + 1 RETURNING hits',
        [rule.bucket, key, windowStart(rule)],
      );
      return r!.hits;
    },
    async clear(rule, key) {
      await sql.query('DELETE FROM rate_hits WHERE bucket = $1 AND key = $2', [rule.bucket, key]);
    },
    minutesLeft(rule) {
      const t = clock.now().getTime();
      return Math.max(1, Math.ceil((rule.windowMs - (t % rule.windowMs)) / 60_000));
    },
  };
}
