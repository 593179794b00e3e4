import { describe, expect, it } from 'vitest';
import { BACKENDS, countyBackend, enrolledStation, pushEvents, type RunningCounty } from '../helpers/county';
import { intakePayload, makeChain } from '../helpers/county-events';
import { migrate } from '../../county/db/migrate';
import { MIGRATIONS } from '../../county/db/migrations/index';
import { openPglite } from '../../county/db/pglite';
import { openPostgres } from '../../county/db/postgres';
import { openStore } from '../../county/store';
import { manualClock } from '../helpers/station';
import type { OutboxEvent } from '../../common/county/protocol';

const STATIONS = 20;
const EVENTS = 60;

describe.each(BACKENDS)('county exactly-once across instances (%s)', (kind) => {
  const env = countyBackend(kind);

  it('keeps every event exactly once when 20 stations push overlapping batches to two instances at once', async () => {
    const countyName = `并发县-${kind}`;
    // Two servers on one database: on PostgreSQL each with its own pool, as two processes behind a load balancer.
    const one = await env.start({ countyName });
    const two = await env.start({ countyName, sql: kind === 'postgres' ? env.secondSql() : env.sql });
    const stations = await Promise.all(Array.from({ length: STATIONS }, () => enrolledStation(one)));
    const chains = new Map(stations.map((s) => [s.stationId, makeChain(EVENTS)]));
    const applied = new Map<string, number[]>();

    const shoot = async (county: RunningCounty, token: string, stationId: string, events: OutboxEvent[]) => {
      const res = await pushEvents(county, token, events);
      expect(res.status).toBe(200);
      for (const r of res.body.results) if (r.status === 'applied') applied.set(stationId, [...(applied.get(stationId) ?? []), r.seq]);
      return res.body.ackedThrough;
    };

    // Overlapping windows, all in flight together, split between the instances.
    await Promise.all(
      stations.flatMap((s) => {
        const c = chains.get(s.stationId)!;
        return [
          shoot(one, s.token, s.stationId, c.slice(0, 30)),
          shoot(two, s.token, s.stationId, c.slice(0, 30)),
          shoot(two, s.token, s.stationId, c.slice(10, 45)),
          shoot(one, s.token, s.stationId, c.slice(0, 60)),
          shoot(two, s.token, s.stationId, c.slice(25, 60)),
        ];
      }),
    );
    // Whatever was refused as a gap goes again, as the station's worker does, from ackedThrough + 1.
    for (const s of stations) {
      const c = chains.get(s.stationId)!;
      let acked = await shoot(one, s.token, s.stationId, c.slice(0, 1));
      for (let round = 0; acked < EVENTS && round < 5; round++) acked = await shoot(round % 2 ? one : two, s.token, s.stationId, c.slice(acked));
      expect(acked).toBe(EVENTS);
    }

    const counts = await env.sql.query<{ station_id: string; n: number; distinct_seqs: number; lo: number; hi: number; rejected: number }>(
      `SELECT e.station_id, count(*) AS n, count(DISTINCT e.seq) AS distinct_seqs, min(e.seq) AS lo, max(e.seq) AS hi, count(e.rejected) AS rejected
       FROM station_events e JOIN stations s ON s.id = e.station_id JOIN counties c ON c.id = s.county_id WHERE c.name = $1 GROUP BY e.station_id`,
      [countyName],
    );
    expect(counts).toHaveLength(STATIONS);
    for (const c of counts) expect(c).toMatchObject({ n: EVENTS, distinct_seqs: EVENTS, lo: 1, hi: EVENTS, rejected: 0 });
    // every seq was answered `applied` exactly once, whichever instance and request carried it
    for (const s of stations) expect([...(applied.get(s.stationId) ?? [])].sort((a, b) => a - b)).toEqual(Array.from({ length: EVENTS }, (_, i) => i + 1));
    const [rej] = await env.sql.query<{ n: number }>('SELECT count(*) AS n FROM rejected_events r JOIN stations s ON s.id = r.station_id JOIN counties c ON c.id = s.county_id WHERE c.name = $1', [countyName]);
    expect(rej!.n).toBe(0);
    // the events sit in the county's own partition, not the default one
    const [part] = await env.sql.query<{ n: number }>('SELECT count(*) AS n FROM station_events_default e JOIN stations s ON s.id = e.station_id JOIN counties c ON c.id = s.county_id WHERE c.name = $1', [countyName]);
    expect(part!.n).toBe(0);
  }, 120_000);

  it('decides items on one instance while their station pushes to the other, without a deadlock or a lost event', async () => {
    const countyName = `交错县-${kind}`;
    const one = await env.start({ countyName });
    const two = await env.start({ countyName, sql: kind === 'postgres' ? env.secondSql() : env.sql });
    const st = await enrolledStation(one);
    const ITEMS = 8;
    const ROUNDS = 6;
    // round r: every item moves to version r + 1 (seq = r * ITEMS + i + 1)
    const chain = makeChain(ITEMS * ROUNDS, {
      spec: (seq) => {
        const i = (seq - 1) % ITEMS;
        const version = Math.floor((seq - 1) / ITEMS) + 1;
        return { entity: 'intake', entityId: `it-${i}`, op: version === 1 ? 'create' : 'update', version, payload: intakePayload({ id: `it-${i}`, receiptNo: `SL-${i}`, version }) };
      },
    });
    expect((await pushEvents(one, st.token, chain.slice(0, ITEMS))).status).toBe(200);
    const outcomes: string[] = [];
    const decide = async (i: number) => {
      const [item] = (await two.store.listItems({ status: 'all', limit: 100 })).filter((x) => x.intakeId === `it-${i}`);
      try {
        await two.store.decideItem(st.stationId, `it-${i}`, { decision: 'accepted', department: '县民政局', basedOnVersion: item!.stationVersion }, '刘芳');
        outcomes.push('decided');
      } catch (err) {
        // the station moved on meanwhile: refused as stale, which is the point of basedOnVersion
        expect(err).toMatchObject({ code: 'CONFLICT' });
        outcomes.push('stale');
      }
    };
    await Promise.all([
      (async () => {
        for (let r = 1; r < ROUNDS; r++) expect((await pushEvents(one, st.token, chain.slice(r * ITEMS, (r + 1) * ITEMS))).status).toBe(200);
      })(),
      ...Array.from({ length: ITEMS * 3 }, (_, k) => decide(k % ITEMS)),
    ]);
    expect(outcomes).toHaveLength(ITEMS * 3);
    const [n] = await env.sql.query<{ n: number }>('SELECT count(*) AS n FROM station_events WHERE station_id = $1 AND rejected IS NULL', [st.stationId]);
    expect(n!.n).toBe(ITEMS * ROUNDS);
    const items = await one.store.listItems({ status: 'all', limit: 100, stationId: st.stationId });
    expect(items.map((i) => i.stationVersion)).toEqual(Array.from({ length: ITEMS }, () => ROUNDS));
  }, 120_000);

  it('migrates once when two instances start at once, and finds or makes one county with its partition', async () => {
    const fresh = kind === 'postgres' ? [openPostgres(env.cluster!.createDatabase('twostarts')), null] : [await openPglite(), null];
    const a = fresh[0]!;
    const b = kind === 'postgres' ? openPostgres(env.cluster!.url.replace(/\/county$/, '/twostarts')) : a;
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      // each migration applied once, by one of the two (the list grows: county migration 2 is 微心愿)
      expect([...ra, ...rb].sort((x, y) => x - y)).toEqual(MIGRATIONS.map((m) => m.version));
      const clock = manualClock();
      const [sa, sb] = await Promise.all([openStore(a, { countyName: '双启县', clock }), openStore(b, { countyName: '双启县', clock })]);
      expect(sa.countyId).toBe(sb.countyId);
      const parts = await a.query<{ relname: string }>(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'station_events' ORDER BY 1`);
      expect(parts.map((p) => p.relname)).toEqual([`station_events_c${sa.countyId}`, 'station_events_default']);
      expect(await migrate(a)).toEqual([]);
    } finally {
      if (b !== a) await b.close();
      await a.close();
    }
  });
});
