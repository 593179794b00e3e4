import { addStaff } from '../helpers/staff';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, openTestStation, setUpStation } from '../helpers/station';
import { pdfText } from '../helpers/pdf';
import type { TestApi } from '../helpers/station';

const NOTICE_2027 = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/calendar/test-notice-2027.json'), 'utf8');
const CAVEAT = '承诺日期按法定节假日推算，以国务院当年放假通知为准';
// Wednesday 2 Dec 2026, 10:00 at the station.
const DEC_2_10AM = '2026-12-02T02:00:00.000Z';

async function counter(at = DEC_2_10AM) {
  const clock = manualClock(at);
  const s = await setUpStation({ clock });
  const resident = await s.client['residents.create']({ name: '卫𪚥', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院' });
  const accept = async (code: string) => {
    const item = await s.client['catalogue.get']({ code });
    return s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
  };
  return { s, clock, accept };
}

async function receiptText(client: TestApi, documentId: string): Promise<string> {
  const d = await client['documents.get']({ id: documentId });
  return pdfText(Buffer.from(d.pdfBase64, 'base64')).replace(/\s+/g, '');
}

async function calendarAudit(client: TestApi) {
  return (await client['audit.list']({ limit: 500 })).filter((a) => a.action === 'calendar.load');
}

describe('promises into a year without its notice', () => {
  it('promises a 30-working-day item accepted 2026-12-02 for 2027-01-14 (元旦 off by law), marked provisional on screen and receipt', async () => {
    const { s, accept } = await counter();
    const preview = await s.client['intake.preview']({ itemCode: 'ZB-011' }); // 30 个工作日
    expect(preview).toEqual({
      promisedDate: '2027-01-14',
      promisedAt: null,
      timeLimitText: '30 个工作日',
      provisional: true,
      calendarWarning: `2027 年的国务院放假通知尚未导入，${CAVEAT}。`,
      warnings: [],
      notice: null,
    });

    const { record, documentId } = await accept('ZB-011');
    expect(record.promisedDate).toBe('2027-01-14');
    expect(record.calendar).toMatchObject({ provisional: true, currentDate: null, note: CAVEAT });
    expect(record.calendar.source).toMatch(/^2026 年：国务院办公厅关于2026年部分节假日安排的通知.*；2027 年：按《全国年节及纪念日放假办法》（2024 年修订）法定节假日推算$/);
    expect(record.calendar.version).toMatch(/^2026:[0-9a-f]{64};2027:statutory$/);

    const text = await receiptText(s.client, documentId!);
    expect(text).toContain(`2027年1月14日（星期四）（暂定）${CAVEAT}`);
    s.close();
  });

  it('says nothing provisional for a promise inside a year whose notice is in force, or in hours', async () => {
    const { s, accept } = await counter();
    const { record, documentId } = await accept('ZD-005'); // 20 个工作日: 2026-12-30
    expect(record.promisedDate).toBe('2026-12-30');
    expect(record.calendar).toMatchObject({ provisional: false, currentDate: null, note: null });
    expect(await receiptText(s.client, documentId!)).not.toContain('暂定');
    const hours = await accept('ZD-003');
    expect(hours.record.calendar).toEqual({ provisional: false, source: null, version: null, currentDate: null, note: null });
    s.close();
  });
});

describe('loading a year\'s notice in 设置', () => {
  it('lists last, this and next year: 2026 from the shipped notice, 2025 and 2027 counted on the statutory holidays', async () => {
    const { s } = await counter();
    const { today, years } = await s.client['calendar.years']({});
    expect(today).toBe('2026-12-02');
    expect(years.map((y) => [y.year, y.status, y.origin])).toEqual([
      [2025, 'provisional', null],
      [2026, 'published', 'shipped'],
      [2027, 'provisional', null],
    ]);
    expect(years[2]!.holidays[0]).toEqual({ name: '元旦', dates: ['2027-01-01'] });
    // the shipped notice is recorded once, by nobody, on first use
    expect(await calendarAudit(s.client)).toMatchObject([{ actorId: null, entityId: '2026', detail: { origin: 'shipped', year: 2026 } }]);
    await s.client['calendar.years']({});
    expect(await calendarAudit(s.client)).toHaveLength(1);
    s.close();
  });

  it('loads the 2027 notice, audited; promises keep their printed date and show where the new notice differs', async () => {
    const { s, clock, accept } = await counter();
    const december = await accept('ZB-011'); // 30 个工作日 from 2026-12-02: 2027-01-14 either way
    clock.set('2027-01-20T02:00:00.000Z'); // Wednesday 20 Jan 2027
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const january = await accept('ZB-002'); // 20 个工作日 across 春节
    // by law 春节 is 5–10 Feb (two days made up for the weekend): Tuesday 23 Feb
    expect(january.record).toMatchObject({ promisedDate: '2027-02-23', calendar: { provisional: true } });

    const loaded = await s.client['calendar.load']({ fileName: '2027年放假安排.json', text: NOTICE_2027, year: 2027 });
    expect(loaded).toMatchObject({ unchanged: false, affected: 1, year: { year: 2027, status: 'published', origin: 'station', loadedByName: ADMIN.name } });
    expect(loaded.year.sha256).toMatch(/^[0-9a-f]{64}$/);

    // 春节 5–12 Feb with Saturday 20 Feb worked: one day later
    const after = (await s.client['intake.get']({ id: january.record.id })).record;
    expect(after.promisedDate).toBe('2027-02-23');
    expect(after.calendar).toMatchObject({ provisional: true, currentDate: '2027-02-24', note: '按新公布的放假安排应为 2027-02-24，回执承诺日期不变' });
    const dec = (await s.client['intake.get']({ id: december.record.id })).record;
    expect(dec).toMatchObject({ promisedDate: '2027-01-14', calendar: { provisional: true, currentDate: null, note: '已按新公布的放假安排核对，承诺日期不变' } });
    // the list shows the same, and the printed receipt stands as printed
    expect((await s.client['intake.list']({ view: 'open' })).find((r) => r.id === january.record.id)?.calendar.currentDate).toBe('2027-02-24');
    expect(await receiptText(s.client, january.documentId!)).toContain('2027年2月23日');

    // a promise made now is counted on the notice, not provisional
    const now = await s.client['intake.preview']({ itemCode: 'ZB-002' });
    expect(now).toMatchObject({ promisedDate: '2027-02-24', provisional: false, calendarWarning: null });

    const audit = await calendarAudit(s.client);
    expect(audit.at(0)).toMatchObject({
      actorName: ADMIN.name,
      entity: 'calendar',
      entityId: '2027',
      detail: { year: 2027, origin: 'station', fileName: '2027年放假安排.json', replaced: null, affected: 1, sha256: loaded.year.sha256!.slice(0, 16) },
    });
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');

    // the same file again changes nothing and writes nothing
    expect(await s.client['calendar.load']({ fileName: 'again.json', text: NOTICE_2027 })).toMatchObject({ unchanged: true });
    expect(await calendarAudit(s.client)).toHaveLength(audit.length);
    s.close();

    // loaded calendars live in the database: a restart keeps them
    const again = await openTestStation({ dataDir: s.dataDir, clock: s.clock });
    await again.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const y2027 = (await again.client['calendar.years']({})).years.find((y) => y.year === 2027);
    expect(y2027).toMatchObject({ status: 'published', origin: 'station', source: '测试用：假设的 2027 年放假安排（不是真实的国务院通知）' });
    again.close();
  });

  it('refuses a bad file with a clear message and changes nothing', async () => {
    const { s } = await counter();
    const bad = (patch: Record<string, unknown>) => JSON.stringify({ ...(JSON.parse(NOTICE_2027) as object), ...patch });
    const load = (text: string, year?: number, fileName = '2027.json') => expectAppError(s.client['calendar.load']({ fileName, text, ...(year ? { year } : {}) }), 'VALIDATION');

    expect(await load(NOTICE_2027, 2026)).toBe('放假安排文件有误：文件是 2027 年的放假安排，不是所选的 2026 年');
    expect(await load('{ "year": 2027')).toMatch(/^放假安排文件有误：文件不是有效的 JSON 格式/);
    expect(await load(bad({ makeupWorkdays: [{ name: '春节', date: '2027-02-20' }, { name: '春节', date: '2027-02-20' }] }))).toBe('放假安排文件有误：2027-02-20 在“春节调休上班”中重复列出');
    expect(await load(bad({ holidays: [{ name: '元旦', dates: ['2028-01-01'] }] }))).toMatch(/^放假安排文件有误：元旦的日期 2028-01-01 不在 2027 年内；缺少法定节假日/);
    expect(await load(NOTICE_2027, undefined, '2027.xlsx')).toBe('只能导入 .json 格式的放假安排文件');

    expect((await s.client['calendar.years']({})).years.find((y) => y.year === 2027)?.status).toBe('provisional');
    expect((await calendarAudit(s.client)).map((a) => a.detail.origin)).toEqual(['shipped']);
    s.close();
  });

  it('lets only the station head or an administrator load a notice; every clerk sees the years', async () => {
    const { s } = await counter();
    await addStaff(s.client, { name: '李娜', login: 'lina', role: 'clerk', password: 'Clerk2026x' });
    await s.client['auth.signOut']({});
    await s.client['auth.signIn']({ login: 'lina', password: 'Clerk2026x' });
    expect(await expectAppError(s.client['calendar.load']({ fileName: '2027.json', text: NOTICE_2027 }), 'FORBIDDEN')).toBe('只有站长或管理员可以导入放假安排');
    // every clerk may see which years are provisional
    expect((await s.client['calendar.years']({})).years).toHaveLength(3);
    await s.client['auth.signOut']({});
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    await addStaff(s.client, { name: '赵站长', login: 'zhao', role: 'head', password: 'Head2026xx' });
    await s.client['auth.signOut']({});
    await s.client['auth.signIn']({ login: 'zhao', password: 'Head2026xx' });
    expect(await s.client['calendar.load']({ fileName: '2027.json', text: NOTICE_2027 })).toMatchObject({ year: { year: 2027, loadedByName: '赵站长' } });
    s.close();
  });

  it('shows the difference for a promise made before calendars were kept (weekends only)', async () => {
    const { s, accept } = await counter();
    const { record } = await accept('ZB-011');
    // as the app before migration 0006 promised it: 元旦 counted as a working day, nothing recorded
    const db = (await import('better-sqlite3')).default(path.join(s.dataDir, 'stationdesk.db'));
    db.prepare("UPDATE intake_records SET promised_date = '2027-01-13', promise_calendar_source = NULL, promise_calendar_version = NULL, promise_provisional = 0 WHERE id = ?").run(record.id);
    db.close();
    const legacy = (await s.client['intake.get']({ id: record.id })).record;
    expect(legacy).toMatchObject({ promisedDate: '2027-01-13', calendar: { provisional: false, source: null, currentDate: '2027-01-14', note: '按现行法定节假日推算应为 2027-01-14，回执承诺日期不变' } });
    s.close();
  });
});
