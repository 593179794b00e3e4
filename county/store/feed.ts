/**
 * The county-side feed a station pulls: ordered by the county's own sequence. Writers take
 * the county's feed lock before drawing a seq and hold it to commit, so seqs of one county
 * become visible in order — a puller can never see seq n+1 while n is still uncommitted
 * and then skip n for ever with its cursor past it.
 */
import { noticeSchema, canonical } from '../../common/calendar-file';
import { PublishedCatalogue } from '../../common/catalogue';
import { FeedItem, type PullResponse } from '../../common/county/protocol';
import { pgJson } from '../db/text';
import { LOCK, nowIso, type Ctx } from './context';
import { CountyError, type AuthedStation, type Queryable } from './types';

type FeedKind = FeedItem['kind'];

export async function appendFeed(q: Queryable, ctx: Ctx, stationId: string | null, kind: FeedKind, body: unknown): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK.feed, ctx.countyId]);
  const [r] = await q.query<{ seq: number }>('INSERT INTO feed (county_id, station_id, kind, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING seq', [ctx.countyId, stationId, kind, pgJson(body), nowIso(ctx)]);
  return r!.seq;
}

export function feedStore(ctx: Ctx) {
  const { sql, countyId } = ctx;
  return {
    async pull(station: AuthedStation, after: number, limit: number): Promise<PullResponse> {
      const at = nowIso(ctx);
      const rows = await sql.query<{ seq: number; kind: FeedKind; body: unknown; created_at: string }>(
        `SELECT seq, kind, body, created_at FROM feed WHERE county_id = $1 AND seq > $2 AND (station_id = $3 OR station_id IS NULL) ORDER BY seq LIMIT $4`,
        [countyId, after, station.id, limit + 1],
      );
      const page = rows.slice(0, limit);
      // `after` is what the station has applied: a re-enrolled station resumes from it.
      await sql.query('UPDATE stations SET last_pull_at = $2, pull_cursor = $3 WHERE id = $1', [station.id, at, after]);
      const items = page.map((r) => FeedItem.parse({ seq: r.seq, kind: r.kind, createdAt: r.created_at, body: r.body }));
      return { items, cursor: page.length > 0 ? page[page.length - 1]!.seq : after, hasMore: rows.length > limit, serverTime: at };
    },

    async publishCatalogue(catalogue: PublishedCatalogue): Promise<{ seq: number }> {
      const parsed = PublishedCatalogue.safeParse(catalogue);
      if (!parsed.success) throw new CountyError('VALIDATION', parsed.error.issues[0]?.message ?? '服务清单格式不正确');
      const seq = await sql.tx((q) => appendFeed(q, ctx, null, 'catalogue.version', parsed.data));
      return { seq };
    },

    async publishCalendar(notice: unknown): Promise<{ seq: number }> {
      const parsed = noticeSchema().safeParse(notice);
      if (!parsed.success) throw new CountyError('VALIDATION', [...new Set(parsed.error.issues.map((i) => i.message))].slice(0, 5).join('；'));
      const seq = await sql.tx((q) => appendFeed(q, ctx, null, 'calendar.year', canonical(parsed.data)));
      return { seq };
    },
  };
}
