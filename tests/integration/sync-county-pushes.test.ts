/**
 * What the county publishes reaches the station through the real county server (PGlite on
 * 127.0.0.1) and is used at once: a catalogue version replaces the item's text, and next year's
 * holiday notice turns a promise running into that year from 暂定 (statutory holidays only)
 * into a date counted on the published notice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countyBackend } from '../helpers/county';
import { PublishedCatalogue } from '../../common/catalogue';
import { manualClock } from '../helpers/station';
import { enrollAt, syncStation, type SyncTestStation } from '../helpers/sync';

const open: SyncTestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('the county publishes a catalogue version and next year calendar', () => {
  const env = countyBackend('pglite');

  it('the station applies both on its next round and counts promises on the county calendar', async () => {
    const county = await env.start();
    // Tuesday 8 Dec 2026 in Beijing: 30 working days run into 2027, whose notice is not shipped
    const s = await syncStation({ clock: manualClock('2026-12-08T01:00:00.000Z') });
    open.push(s);
    await enrollAt(county, s);
    const before = await s.client['intake.preview']({ itemCode: 'ZB-011' });
    expect(before.provisional).toBe(true);

    const seed = PublishedCatalogue.parse(JSON.parse(fs.readFileSync(path.resolve('resources/catalogue/seed.json'), 'utf8')));
    await county.store.publishCatalogue({ ...seed, version: '2027.1', publishedAt: '2026-12-07', source: '县级服务清单', items: seed.items.map((i) => (i.code === 'ZB-011' ? { ...i, name: `${i.name}（县级修订）` } : i)) });
    const noticeText = fs.readFileSync(path.resolve('tests/fixtures/calendar/test-notice-2027.json'), 'utf8');
    await county.store.publishCalendar(JSON.parse(noticeText));
    expect((await s.worker.runOnce()).ok).toBe(true);

    expect((await s.client['catalogue.get']({ code: 'ZB-011' })).name).toContain('县级修订');
    const y2027 = (await s.client['calendar.years']({})).years.find((y) => y.year === 2027);
    expect(y2027).toMatchObject({ status: 'published', origin: 'county' });
    const after = await s.client['intake.preview']({ itemCode: 'ZB-011' });
    expect(after.provisional).toBe(false);
    // the same date a station that loaded the same notice by hand promises
    const byHand = await syncStation({ clock: manualClock('2026-12-08T01:00:00.000Z') });
    open.push(byHand);
    await byHand.client['calendar.load']({ fileName: 'test-notice-2027.json', text: noticeText });
    expect((await byHand.client['intake.preview']({ itemCode: 'ZB-011' })).promisedDate).toBe(after.promisedDate);
    // applied once: another round brings nothing new and changes nothing
    expect((await s.worker.runOnce()).ok).toBe(true);
    expect((await s.client['intake.preview']({ itemCode: 'ZB-011' })).promisedDate).toBe(after.promisedDate);
    expect(await s.client['sync.conflicts']({})).toEqual([]);
  });
});
