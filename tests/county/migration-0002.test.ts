import { describe, expect, it } from 'vitest';
import { openPglite } from '../../county/db/pglite';
import { migrate } from '../../county/db/migrate';
import { MIGRATIONS } from '../../county/db/migrations/index';

describe('county migration 0002-wishes', () => {
  it('adds the wish tables to a county that already runs version 1, keyed so a step is stored once', async () => {
    const sql = await openPglite();
    try {
      expect(await migrate(sql, MIGRATIONS.filter((m) => m.version === 1))).toEqual([1]);
      expect(await migrate(sql)).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v > 1));
      expect(await migrate(sql)).toEqual([]);
      const tables = (await sql.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'station_wish%' ORDER BY 1")).map((r) => r.t);
      expect(tables).toEqual(['station_wish_steps', 'station_wishes']);
      const [c] = await sql.query<{ id: number }>("INSERT INTO counties (name, created_at) VALUES ('测试县', now()) RETURNING id");
      const st = '0192f3a4-5b6c-7d8e-9f00-112233445566';
      await sql.query("INSERT INTO stations (id, county_id, code, name, created_at) VALUES ($1, $2, 'S1', '站', now())", [st, c!.id]);
      const step = (v: number) => sql.query("INSERT INTO station_wish_steps (station_id, wish_id, version, seq, step, status, occurred_at) VALUES ($1, 'w1', $2::int, $2::bigint, 'create', 'pending', 't') ON CONFLICT DO NOTHING RETURNING version", [st, v]);
      expect(await step(1)).toHaveLength(1);
      expect(await step(1)).toHaveLength(0);
      await expect(sql.query("INSERT INTO station_wish_steps (station_id, wish_id, version, seq, step, status, occurred_at) VALUES ('0192f3a4-5b6c-7d8e-9f00-000000000000', 'w1', 1, 1, 'create', 'pending', 't')")).rejects.toThrow(/foreign key/);
    } finally {
      await sql.close();
    }
  });
});
