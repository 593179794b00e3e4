/** County migration 4: a one-character beneficiary name a station sent whole is hidden (*); masked names stay as they are. */
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../county/db/pglite';
import { migrate } from '../../county/db/migrate';
import { MIGRATIONS } from '../../county/db/migrations/index';

describe('county migration 0004-wish-masked-names', () => {
  it('hides a one-character name kept whole and leaves masked ones alone', async () => {
    const sql = await openPglite();
    try {
      await migrate(sql, MIGRATIONS.filter((m) => m.version < 4));
      await sql.query("INSERT INTO counties (name, created_at) VALUES ('测试县', now())");
      await sql.query("INSERT INTO stations (id, county_id, code, name, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 1, '130102001', '建北街道', now())");
      const add = (wishId: string, masked: string) =>
        sql.query(
          `INSERT INTO station_wishes (station_id, wish_id, county_id, wish_no, title, category, value_fen, beneficiary_masked, source, deadline, status, station_version, created_at, station_updated_at, updated_at)
           VALUES ('00000000-0000-4000-8000-000000000001', $1, 1, $1, '一袋米', '生活物资', 8000, $2, '居民提出', '2026-12-31', 'published', 2, 't', 't', now())`,
          [wishId, masked],
        );
      await add('w1', '𪚥');
      await add('w2', '李');
      await add('w3', '张*华');
      await add('w4', '李*');
      expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 4))).toEqual([4]);
      expect(await sql.query('SELECT wish_id, beneficiary_masked AS m FROM station_wishes ORDER BY wish_id')).toEqual([
        { wish_id: 'w1', m: '*' },
        { wish_id: 'w2', m: '*' },
        { wish_id: 'w3', m: '张*华' },
        { wish_id: 'w4', m: '李*' },
      ]);
    } finally {
      await sql.close();
    }
  });
});
