import { describe, expect, it } from 'vitest';
import { BACKENDS, call, countyBackend, enrolledStation, pushEvents } from '../helpers/county';
import { intakePayload, makeChain } from '../helpers/county-events';
import { manualClock } from '../helpers/station';
import { PullResponse, type FeedItem } from '../../common/county/protocol';
import { PublishedCatalogue } from '../../common/catalogue';
import fs from 'node:fs';

const CATALOGUE = PublishedCatalogue.parse(JSON.parse(fs.readFileSync('resources/catalogue/seed.json', 'utf8')));
const NOTICE_2026: unknown = JSON.parse(fs.readFileSync('resources/calendar/cn-holidays-2026.json', 'utf8'));

describe.each(BACKENDS)('county pull (%s)', (kind) => {
  const env = countyBackend(kind);

  async function pull(base: string, token: string, after: number, limit?: number) {
    const res = await call(base, 'GET', `/v1/pull?after=${after}${limit ? `&limit=${limit}` : ''}`, { token });
    expect(res.status).toBe(200);
    return PullResponse.parse(res.body);
  }

  it('pages the feed in county order with a cursor: this station’s decisions and every station’s broadcasts, never another station’s', async () => {
    const clock = manualClock('2026-11-27T02:00:00.000Z');
    const county = await env.start({ clock });
    const a = await enrolledStation(county);
    const b = await enrolledStation(county);
    // each station forwards one item, so the county has something to decide
    for (const st of [a, b]) {
      const id = `intake-${st.code}`;
      await pushEvents(county, st.token, makeChain(1, { spec: () => ({ entity: 'intake', entityId: id, payload: intakePayload({ id, receiptNo: `SL-${st.code}-001` }) }) }));
    }
    const empty = await pull(county.url, a.token, 0);
    expect(empty).toMatchObject({ items: [], cursor: 0, hasMore: false });

    await county.store.decideItem(a.stationId, `intake-${a.code}`, { decision: 'accepted', department: '县医疗保障局', basedOnVersion: 1 }, '刘芳');
    await county.store.decideItem(b.stationId, `intake-${b.code}`, { decision: 'accepted', department: '县民政局', basedOnVersion: 1 }, '刘芳');
    await county.store.publishCatalogue(CATALOGUE);
    clock.advance(60_000);
    await county.store.decideItem(a.stationId, `intake-${a.code}`, { decision: 'completed', result: '已办结，社保卡三日内寄到', basedOnVersion: 1 }, '刘芳');

    const page1 = await pull(county.url, a.token, 0, 2);
    expect(page1.items.map((i) => i.kind)).toEqual(['intake.decision', 'catalogue.version']);
    expect(page1.hasMore).toBe(true);
    expect(page1.cursor).toBe(page1.items[1]!.seq);
    const first = page1.items[0] as Extract<FeedItem, { kind: 'intake.decision' }>;
    expect(first.body).toMatchObject({ intakeId: `intake-${a.code}`, receiptNo: `SL-${a.code}-001`, decision: 'accepted', department: '县医疗保障局', decidedBy: '刘芳', basedOnVersion: 1 });

    const page2 = await pull(county.url, a.token, page1.cursor, 2);
    expect(page2.items.map((i) => i.kind)).toEqual(['intake.decision']);
    expect(page2.items[0]!.createdAt).toBe('2026-11-27T02:01:00.000Z');
    expect(page2.hasMore).toBe(false);
    const page3 = await pull(county.url, a.token, page2.cursor, 2);
    expect(page3).toMatchObject({ items: [], cursor: page2.cursor, hasMore: false });

    const forB = await pull(county.url, b.token, 0);
    expect(forB.items.map((i) => i.kind)).toEqual(['intake.decision', 'catalogue.version']);
    expect((forB.items[0] as Extract<FeedItem, { kind: 'intake.decision' }>).body.department).toBe('县民政局');

    // the county remembers where a station's pulls got to (a re-enrolled station resumes there)
    const [row] = (await county.store.listStations()).filter((s) => s.id === a.stationId);
    expect(row!.lastPullAt).toBe('2026-11-27T02:01:00.000Z');
  });

  it('caps a page at maxPullItems and refuses a bad cursor', async () => {
    const county = await env.start({ limits: { maxPullItems: 2 } });
    const st = await enrolledStation(county);
    for (let i = 0; i < 3; i++) await county.store.publishCatalogue({ ...CATALOGUE, version: `2027-0${i + 1}` });
    const page = await pull(county.url, st.token, 0, 100);
    expect(page.items).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const bad = await call(county.url, 'GET', '/v1/pull?after=-1', { token: st.token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION' } });
  });

  it('broadcasts a checked holiday calendar, and refuses one that is not a notice with Chinese reasons', async () => {
    const county = await env.start();
    const st = await enrolledStation(county);
    await expect(county.store.publishCalendar({ year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: [], makeupWorkdays: [] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/放假安排/) });
    const { seq } = await county.store.publishCalendar(NOTICE_2026);
    const page = await pull(county.url, st.token, 0);
    expect(page.items).toEqual([expect.objectContaining({ seq, kind: 'calendar.year' })]);
  });
});
