/**
 * The county server as the bench runs it: a child process of its own (so its memory is
 * measured apart from the pushing station's), on PGlite in a data folder or on a
 * PostgreSQL URL, listening on 127.0.0.1. The parent talks to it over the fork channel:
 * create stations (the county page's store call), read its peak RSS, and count what its
 * database holds (the exactly-once check is made there, not from the answers).
 */
import { openPglite } from '../../county/db/pglite';
import { openPostgres } from '../../county/db/postgres';
import { startCountyForBench } from './county';

export type ToServer =
  | { id: number; cmd: 'stations'; stations: { code: string; name: string }[] }
  | { id: number; cmd: 'complete' | 'held'; stationId: string; intakeId: string }
  | { id: number; cmd: 'rss' }
  | { id: number; cmd: 'count' }
  | { id: number; cmd: 'stop' };

export interface EventCount {
  /** rows of accepted events */
  rows: number;
  /** distinct (station, seq) among them */
  distinctSeqs: number;
  /** distinct event ids among them */
  distinctEventIds: number;
  stations: number;
}

export type FromServer =
  | { type: 'ready'; url: string }
  | { id: number; type: 'stations'; codes: { code: string; stationId: string; enrollmentCode: string }[] }
  | { id: number; type: 'complete' | 'held'; done: boolean }
  | { id: number; type: 'rss'; peakMb: number }
  | { id: number; type: 'count'; count: EventCount }
  | { id: number; type: 'stopped' };

export async function serve(): Promise<void> {
  const send = (m: FromServer) => process.send!(m);
  const url = process.env.SYNC_BENCH_DATABASE_URL;
  const sql = url ? openPostgres(url, { max: Number(process.env.SYNC_BENCH_POOL ?? 10) }) : await openPglite(process.env.SYNC_BENCH_DATA_DIR);
  const county = await startCountyForBench(sql);
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  process.on('message', (raw) => {
    const m = raw as ToServer;
    void (async () => {
      if (m.cmd === 'stations') {
        const codes = [];
        for (const s of m.stations) {
          const issued = await county.createStation(s.code, s.name);
          codes.push({ code: s.code, stationId: issued.stationId, enrollmentCode: issued.code });
        }
        send({ id: m.id, type: 'stations', codes });
      } else if (m.cmd === 'complete' || m.cmd === 'held') {
        send({ id: m.id, type: m.cmd, done: await county[m.cmd](m.stationId, m.intakeId) });
      } else if (m.cmd === 'rss') {
        peak = Math.max(peak, process.memoryUsage.rss());
        send({ id: m.id, type: 'rss', peakMb: peak / 2 ** 20 });
        peak = process.memoryUsage.rss();
      } else if (m.cmd === 'count') {
        const [c] = await sql.query<EventCount>(
          `SELECT count(*)::int AS rows, count(DISTINCT (station_id, seq))::int AS "distinctSeqs", count(DISTINCT event_id)::int AS "distinctEventIds", count(DISTINCT station_id)::int AS stations
             FROM station_events WHERE rejected IS NULL`,
        );
        send({ id: m.id, type: 'count', count: c! });
      } else {
        clearInterval(sampler);
        await county.close();
        await sql.close();
        send({ id: m.id, type: 'stopped' });
        process.exit(0);
      }
    })();
  });
  send({ type: 'ready', url: county.url });
}
