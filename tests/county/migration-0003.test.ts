/** County migration 3 (社会救助) on a county that already holds data: the projection table, and feed kinds opened to the new ones. */
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../county/db/pglite';
import { migrate } from '../../county/db/migrate';
import { MIGRATIONS } from '../../county/db/migrations/index';

describe('county migration 0003-relief', () => {
  it('adds relief_cases and lets the feed carry relief.decision and relief.standard, still refusing a malformed kind', async () => {
    const sql = await openPglite();
    try {
      await migrate(sql, MIGRATIONS.filter((m) => m.version < 3));
      await sql.query("INSERT INTO counties (name, created_at) VALUES ('测试县', now())");
      const feed = (kind: string) => sql.query("INSERT INTO feed (county_id, station_id, kind, body, created_at) VALUES (1, NULL, $1, '{}', now())", [kind]);
      await feed('calendar.year');
      await expect(feed('relief.standard')).rejects.toThrow(/feed_kind_check/);
      expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 3))).toEqual([3]);
      await feed('relief.standard');
      await feed('relief.decision');
      await expect(feed('Relief Decision')).rejects.toThrow(/feed_kind_check/);
      expect((await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM feed'))[0]!.n).toBe(3);
      expect(await sql.query('SELECT * FROM relief_cases')).toEqual([]);
      expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 3))).toEqual([]);
    } finally {
      await sql.close();
    }
  });
});
