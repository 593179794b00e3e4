import { randomUUID } from 'node:crypto';
/**
 * Issue 6 for the residents registry: rare-character names found by pinyin, a clerk's own
 * pinyin, one given-name character and middle phone digits, a resident's history, and the
 * early duplicate check, all through dispatch on a real station (real SQLite in a temp folder).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { expectAppError, manualClock, openTestStation, setUpStation } from '../helpers/station';
import { dispatch } from '../../main/dispatch';
import { openDb } from '../../main/db/open';
import { readingsOf } from '../../main/services/resident-pinyin';
import { checkCharOf } from '../../common/idcard';
import type { TestApi } from '../helpers/station';

type Api = TestApi;

/** A valid 18-digit number (correct check character) for a birth date and sequence. */
function idFor(birth: string, seq: string, region = '130102'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharOf(first17);
}

async function register(api: Api, name: string, idNumber: string, extra: { phone?: string; pinyin?: string } = {}) {
  return api['residents.create']({ name, idNumber, ...extra });
}

const names = async (api: Api, q: string) => (await api['residents.search']({ q, limit: 20 })).items.map((i) => i.name);

describe('pinyin for rare characters', () => {
  // Each reading as the Unicode Unihan database gives it (kMandarin; 𠀀 from kHanyuPinyin 10011.010).
  it.each([
    ['卫𪚥', 'wz', 'weizhe'],
    ['冯𡒄', 'fl', 'fenglan'],
    ['何𠀀', 'hh', 'hehe'],
  ])('finds %s by initials %s and full pinyin %s', async (name, initials, full) => {
    const s = await setUpStation();
    await register(s.client, name, idFor('1980-05-06', '011'));
    await register(s.client, '王五', idFor('1980-05-06', '021'));
    expect(await names(s.client, initials)).toEqual([name]);
    expect(await names(s.client, full)).toEqual([name]);
    const view = (await s.client['residents.search']({ q: initials, limit: 5 })).items[0]!;
    expect((await s.client['residents.get']({ id: view.id })).pinyin).toBe(readingsOf(name).join(' '));
    s.close();
  });

  it('says which characters no dictionary knows, and the clerk’s pinyin makes them findable', async () => {
    const s = await setUpStation();
    // 𠈌 (U+2020C) has no Mandarin reading in Unihan: it stays a gap until a clerk gives one.
    expect(await s.client['residents.pinyinOf']({ name: '李𠈌玥' })).toEqual({ pinyin: 'li ? yue', unknown: ['𠈌'] });
    const r = await register(s.client, '李𠈌玥', idFor('1990-01-02', '022'));
    expect(r.pinyin).toBe('li ? yue');
    expect(r.pinyinManual).toBe(false);
    expect(await names(s.client, 'lxy')).toEqual([]);

    const fixed = await s.client['residents.update']({ id: r.id, version: r.version, name: r.name, pinyin: 'Lǐ Xū Yuè' });
    expect(fixed.pinyin).toBe('li xu yue');
    expect(fixed.pinyinManual).toBe(true);
    expect(await names(s.client, 'lxy')).toEqual(['李𠈌玥']);
    expect(await names(s.client, 'lixuyue')).toEqual(['李𠈌玥']);
    const log = await s.client['audit.list']({ limit: 1 });
    expect(log[0]).toMatchObject({ action: 'resident.update', detail: { changed: ['pinyinManual'] } });

    // another edit that does not mention pinyin keeps the correction; '' gives it back to the dictionary
    const moved = await s.client['residents.update']({ id: r.id, version: fixed.version, name: r.name, address: '中山东路 1 号' });
    expect(moved.pinyin).toBe('li xu yue');
    const back = await s.client['residents.update']({ id: r.id, version: moved.version, name: r.name, address: '中山东路 1 号', pinyin: '' });
    expect(back).toMatchObject({ pinyin: 'li ? yue', pinyinManual: false });
    expect(await names(s.client, 'lxy')).toEqual([]);
    s.close();
  });

  it('refuses a correction that does not fit the name, on its field', async () => {
    const s = await setUpStation();
    const env = await dispatch(s.calls, 'residents.create', { requestId: randomUUID(), name: '卫𪚥', idNumber: idFor('1980-05-06', '011'), pinyin: 'wei' });
    expect(!env.ok && env.error.fields?.pinyin).toMatch(/姓名有 2 个字，拼音应有 2 个音节/);
    const env2 = await dispatch(s.calls, 'residents.create', { requestId: randomUUID(), name: '卫𪚥', idNumber: idFor('1980-05-06', '011'), pinyin: 'wei zhe2' });
    expect(!env2.ok && env2.error.fields?.pinyin).toMatch(/只能包含字母/);
    expect(await names(s.client, 'wz')).toEqual([]);
    // typing exactly what the dictionary says stores no correction
    const same = await register(s.client, '卫𪚥', idFor('1980-05-06', '011'), { pinyin: 'wei zhe' });
    expect(same.pinyinManual).toBe(false);
    s.close();
  });

  it('re-derives the pinyin of rows written before the readings were known, at start-up', async () => {
    const clock = manualClock();
    const s = await setUpStation({ clock });
    const r = await register(s.client, '卫𪚥', idFor('1980-05-06', '011'));
    s.close();
    // as a station from before migration 0009 stored it: a gap for the rare character
    const db = openDb(path.join(s.dataDir, 'stationdesk.db'));
    db.prepare("UPDATE residents SET name_initials = 'w_', name_pinyin = 'wei_' WHERE id = ?").run(r.id);
    db.close();
    const again = await openTestStation({ dataDir: s.dataDir, clock });
    await again.client['auth.signIn']({ login: 'admin', password: 'Station2026' });
    expect(await names(again.client, 'wz')).toEqual(['卫𪚥']);
    expect((await again.client['residents.get']({ id: r.id })).version).toBe(r.version);
    again.close();
  });
});

describe('search: one given-name character and middle phone digits', () => {
  it('finds a single character of the given name', async () => {
    const s = await setUpStation();
    await register(s.client, '张堃', idFor('1949-12-31', '002'));
    await register(s.client, '王堃明', idFor('1960-01-01', '011'));
    await register(s.client, '堃文', idFor('1970-01-01', '021'));
    await register(s.client, '李明', idFor('1971-01-01', '031'));
    const hits = (await s.client['residents.search']({ q: '堃', limit: 20 })).items;
    // the name that starts with it first, then the rest
    expect(hits.map((h) => h.name)).toEqual(['堃文', '张堃', '王堃明']);
    expect(hits.map((h) => h.match)).toEqual(['namePrefix', 'nameContains', 'nameContains']);
    expect(await names(s.client, '明')).toEqual(['王堃明', '李明']);
    s.close();
  });

  it('finds phone digits typed from the middle or the start, and keeps the index with the phone', async () => {
    const s = await setUpStation();
    const a = await register(s.client, '张三', idFor('1950-03-08', '121'), { phone: '18613931145' });
    await register(s.client, '李四', idFor('1951-03-08', '131'), { phone: '13931112345' });
    await register(s.client, '王五', idFor('1952-03-08', '141'), { phone: '0311-86012345' });
    const hits = (await s.client['residents.search']({ q: '139311', limit: 20 })).items;
    expect(hits.map((h) => [h.name, h.match])).toEqual([
      ['李四', 'phonePrefix'],
      ['张三', 'phoneContains'],
    ]);
    expect(await names(s.client, '311860')).toEqual(['王五']);
    expect(await names(s.client, '1186012')).toEqual(['王五']);
    // a changed phone moves its pieces
    await s.client['residents.update']({ id: a.id, version: a.version, name: a.name, phone: '13800138000' });
    expect(await names(s.client, '139311')).toEqual(['李四']);
    expect(await names(s.client, '001380')).toEqual(['张三']);
    s.close();
  });
});

describe('a resident’s history', () => {
  it('lists their items, notices and printed documents, newest first, each with what opens it', async () => {
    const clock = manualClock('2026-11-27T01:00:00.000Z');
    const s = await setUpStation({ clock });
    const me = await register(s.client, '张堃', '11010519491231002X');
    const other = await register(s.client, '李四', idFor('1951-03-08', '131'));
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const empty = await s.client['residents.history']({ id: me.id });
    expect(empty).toEqual({ items: [], notices: [], documents: [], truncated: false });

    const notice = await s.client['intake.notice']({ residentId: me.id, itemCode: item.code, materialsReceived: item.materials.slice(0, 1) });
    clock.advance(60_000);
    const accepted = await s.client['intake.accept']({ residentId: me.id, itemCode: item.code, materialsReceived: item.materials });
    await s.client['intake.accept']({ residentId: other.id, itemCode: item.code, materialsReceived: item.materials });
    // receipts and notices are made after the answer: wait for both PDFs
    await s.client['documents.get']({ id: notice.documentId! });
    await s.client['documents.get']({ id: accepted.documentId! });

    const h = await s.client['residents.history']({ id: me.id });
    expect(h.items).toEqual([
      expect.objectContaining({ id: accepted.record.id, receiptNo: accepted.record.receiptNo, itemName: item.name, status: 'accepted', promisedDate: accepted.record.promisedDate }),
    ]);
    expect(h.notices).toEqual([expect.objectContaining({ noticeNo: notice.noticeNo, itemName: item.name, materialsMissing: notice.missing, documentId: notice.documentId })]);
    expect(h.documents.map((d) => [d.kind, d.number])).toEqual([
      ['intake.acceptance', accepted.record.receiptNo],
      ['intake.correction', notice.noticeNo],
    ]);
    // each one opens: the document is readable through the documents call
    const doc = await s.client['documents.get']({ id: h.documents[1]!.id });
    expect(doc.document.number).toBe(notice.noticeNo);
    expect(JSON.stringify(h)).not.toContain('11010519491231002X');

    expect((await s.client['residents.history']({ id: other.id })).notices).toEqual([]);
    await expectAppError(s.client['residents.history']({ id: 'nobody' }), 'NOT_FOUND');
    s.close();
  });
});

describe('the early duplicate check', () => {
  it('names who holds a complete 身份证号, masked, and not the record being edited', async () => {
    const s = await setUpStation();
    const id = idFor('1950-03-08', '121');
    expect(await s.client['residents.checkIdNumber']({ idNumber: id })).toEqual({ existing: null });
    const r = await register(s.client, '张三', id);
    const found = await s.client['residents.checkIdNumber']({ idNumber: id.toLowerCase() });
    expect(found).toEqual({ existing: { id: r.id, name: '张三', idMasked: r.idMasked } });
    expect(JSON.stringify(found)).not.toContain(id);
    expect(await s.client['residents.checkIdNumber']({ idNumber: id, selfId: r.id })).toEqual({ existing: null });
    const env = await dispatch(s.calls, 'residents.checkIdNumber', { idNumber: id.slice(0, 17) });
    expect(!env.ok && env.error.code).toBe('VALIDATION');
    s.close();
  });
});
