import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, openTestStation, setUpStation, tempDir } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';

const DAY = 86_400_000;
// Friday 27 Nov 2026, 09:00 at the station.
const FRIDAY_9AM = '2026-11-27T01:00:00.000Z';

async function counter(clock = manualClock(FRIDAY_9AM)) {
  const s = await setUpStation({ clock });
  const resident = await s.client['residents.create']({
    name: '张堃',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    address: '建北街道中山东路 3 号院 2 单元 101',
  });
  const item = await s.client['catalogue.get']({ code: 'DB-003' }); // 老年证办理: 10 workdays, forwarded
  return { s, clock, resident, item };
}

/** 转报 with the details a clerk records (intake.forward; a bare transition is refused). */
function forward(s: Awaited<ReturnType<typeof counter>>['s'], r: { id: string; version: number }) {
  return s.client['intake.forward']({ items: [{ id: r.id, version: r.version }], department: '县民政局', channel: 'system', receiverName: '李娜', receivedAt: s.clock.now().toISOString() });
}

function pdfText(s: { dataDir: string }, documentId: string, api: Awaited<ReturnType<typeof counter>>['s']['client']) {
  return api['documents.get']({ id: documentId }).then((d) => {
    const file = path.join(tempDir(), 'doc.pdf');
    fs.writeFileSync(file, Buffer.from(d.pdfBase64, 'base64'));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  });
}

describe('intake: materials, notice, acceptance', () => {
  it('issues one 补正通知 listing everything missing, and refuses to accept until all are in', async () => {
    const { s, resident, item } = await counter();
    const received = item.materials.slice(0, 1);
    const missing = item.materials.slice(1);
    expect(missing.length).toBeGreaterThan(0);

    const refused = await expectAppError(s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: received }), 'VALIDATION');
    expect(refused).toContain(`缺少：${missing.join('、')}`);
    expect(await s.client['intake.list']({ view: 'all' })).toHaveLength(0);

    const notice = await s.client['intake.notice']({ residentId: resident.id, itemCode: item.code, materialsReceived: received });
    expect(notice.noticeNo).toBe('130102001-20261127-G0001');
    expect(notice.missing).toEqual(missing);
    expect(notice.documentError).toBeNull();
    const text = await pdfText(s, notice.documentId!, s.client);
    for (const m of missing) expect(text.replace(/\s+/g, '')).toContain(m.replace(/\s+/g, ''));
    expect(text).toContain('张堃');
    expect(text).not.toContain('11010519491231002X');

    await expectAppError(s.client['intake.notice']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials }), 'VALIDATION');
    await expectAppError(s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: ['不存在的材料'] }), 'VALIDATION');
    s.close();
  });

  it('accepts a complete application: number, promised date from the calendar, receipt PDF with its fields', async () => {
    const { s, resident, item } = await counter();
    const preview = await s.client['intake.preview']({ itemCode: item.code });
    // Fri 27 Nov + 10 working days → Fri 11 Dec.
    expect(preview).toMatchObject({ promisedDate: '2026-12-11', timeLimitText: '10 个工作日', calendarWarning: null });

    const r = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    expect(r.record).toMatchObject({
      receiptNo: '130102001-20261127-0001',
      status: 'accepted',
      promisedDate: '2026-12-11',
      residentName: '张堃',
      residentIdMasked: '110105********002X',
      acceptedByName: ADMIN.name,
      forwarded: true,
      urgency: 'normal',
    });
    expect(r.record.next).toEqual(['processing', 'forwarded', 'returned', 'cancelled']);
    expect(r.documentError).toBeNull();
    const text = (await pdfText(s, r.documentId!, s.client)).replace(/[ \t]+/g, ' ');
    for (const field of ['受理回执', '130102001-20261127-0001', '老年证办理', '张堃', '110105********002X', '13800138000', '王建国', '建北街道党群服务中心', '0311-86012345']) {
      expect(text, field).toContain(field);
    }
    expect(text).toMatch(/2026\s*年\s*12\s*月\s*11\s*日/);
    expect(text).not.toContain('11010519491231002X');

    const second = await s.client['intake.accept']({ residentId: resident.id, itemCode: 'BJ-001', materialsReceived: (await s.client['catalogue.get']({ code: 'BJ-001' })).materials });
    expect(second.record.receiptNo).toBe('130102001-20261127-0002');
    expect(second.record.promisedDate).toBe('2026-11-27');
    s.close();
  });

  it('starts the serial afresh each day at the station (midnight in Beijing, not UTC)', async () => {
    const clock = manualClock('2026-11-27T15:59:00.000Z'); // 23:59 Friday in Beijing
    const { s, resident, item } = await counter(clock);
    const a = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    clock.advance(2 * 60_000); // 00:01 Saturday
    const b = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    expect(a.record.receiptNo).toBe('130102001-20261127-0001');
    expect(b.record.receiptNo).toBe('130102001-20261128-0001');
    s.close();
  });
});

describe('intake: a receipt that could not be made', () => {
  it('keeps the accepted record, says so, and makes the receipt on request once the cause is gone', async () => {
    const { s, resident, item } = await counter();
    // The archive folder cannot be created: a file stands where it should be.
    const blocker = path.join(s.dataDir, 'documents');
    fs.writeFileSync(blocker, 'not a folder');
    const r = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    expect(r.documentId).toBeNull();
    expect(r.documentError).toContain(r.record.receiptNo);
    expect((await s.client['intake.get']({ id: r.record.id })).record.status).toBe('accepted');

    fs.rmSync(blocker);
    // A double click: one original, and the second click is told there is nothing to make.
    const [first, second] = await Promise.allSettled([s.client['intake.reissue']({ id: r.record.id }), s.client['intake.reissue']({ id: r.record.id })]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && (second.reason as { code: string }).code).toBe('CONFLICT');
    const again = (first as PromiseFulfilledResult<{ documentId: string }>).value;
    const text = await pdfText(s, again.documentId, s.client);
    expect(text).toContain(r.record.receiptNo);
    expect(text).toContain('受理回执');
    expect(await expectAppError(s.client['intake.reissue']({ id: r.record.id }), 'CONFLICT')).toMatch(/无需重新生成/);
    s.close();
  });
});

describe('intake: the status machine in main', () => {
  it('walks 已受理 → 办理中 → 已转报 → 已办结 → 已领取, audited, with a 办结 receipt', async () => {
    const { s, clock, resident, item } = await counter();
    let r = (await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials })).record;
    r = (await s.client['intake.transition']({ id: r.id, to: 'processing', version: r.version })).record;
    clock.advance(10 * 60_000);
    r = (await forward(s, r)).records[0]!;
    await expectAppError(s.client['intake.transition']({ id: r.id, to: 'completed', version: r.version }), 'VALIDATION'); // needs a result
    const done = await s.client['intake.transition']({ id: r.id, to: 'completed', version: r.version, result: '县民政局审核通过，老年证已制发' });
    r = done.record;
    expect(r.completedAt).not.toBeNull();
    expect(done.documentId).not.toBeNull();
    expect(await pdfText(s, done.documentId!, s.client)).toContain('县民政局审核通过');
    const collected = await s.client['intake.transition']({ id: r.id, to: 'collected', version: r.version, receiverName: '张堃' });
    expect(collected.record).toMatchObject({ status: 'collected', receiverName: '张堃', handoverKind: 'collected', next: [], urgency: 'closed' });

    const detail = await s.client['intake.get']({ id: r.id });
    expect(detail.events.map((e) => e.to)).toEqual(['accepted', 'processing', 'forwarded', 'completed', 'collected']);
    expect(detail.events.every((e) => e.byName === ADMIN.name)).toBe(true);
    const audit = (await s.client['audit.list']({ limit: 100 })).filter((a) => a.entity === 'intake').map((a) => a.detail.to ?? a.action);
    expect(audit).toEqual(['collected', 'completed', 'forwarded', 'processing', 'intake.accept']);
    expect((await s.client['audit.verify']({})).ok).toBe(true);
    s.close();
  });

  it('refuses illegal transitions and stale screens, whatever the renderer shows', async () => {
    const { s, resident, item } = await counter();
    const immediate = await s.client['catalogue.get']({ code: 'BJ-001' });
    const local = (await s.client['intake.accept']({ residentId: resident.id, itemCode: immediate.code, materialsReceived: immediate.materials })).record;
    expect(await expectAppError(forward(s, local), 'CONFLICT')).toMatch(/不需转报/);

    let r = (await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials })).record;
    await expectAppError(s.client['intake.transition']({ id: r.id, to: 'collected', version: r.version, receiverName: '张堃' }), 'CONFLICT');
    await expectAppError(s.client['intake.transition']({ id: r.id, to: 'cancelled', version: r.version }), 'VALIDATION'); // reason required
    expect(await expectAppError(s.client['intake.transition']({ id: r.id, to: 'completed', version: r.version, result: '已办结' }), 'CONFLICT')).toMatch(/须先转报县级部门/);
    r = (await forward(s, r)).records[0]!;
    r = (await s.client['intake.transition']({ id: r.id, to: 'completed', version: r.version, result: '已办结' })).record;
    expect(await expectAppError(s.client['intake.transition']({ id: r.id, to: 'cancelled', version: r.version, reason: '群众不办了' }), 'CONFLICT')).toMatch(/已办结的事项不能撤销/);
    await expectAppError(s.client['intake.transition']({ id: r.id, to: 'collected', version: r.version - 1, receiverName: '张堃' }), 'CONFLICT');
    await expectAppError(s.client['intake.transition']({ id: 'no-such-id', to: 'processing', version: 1 }), 'NOT_FOUND');

    const other = (await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials })).record;
    const cancelled = await s.client['intake.transition']({ id: other.id, to: 'cancelled', version: other.version, reason: '群众申请撤回' });
    expect(cancelled.record).toMatchObject({ status: 'cancelled', closedReason: '群众申请撤回', next: [] });
    expect(cancelled.documentId).toBeNull();
    s.close();
  });
});

describe('intake: work list and deadlines', () => {
  it('counts today, mine, overdue and due within one working day', async () => {
    const { s, clock, resident } = await counter();
    await s.client['settings.update']({ idleMinutes: 240 });
    const twoHours = await s.client['catalogue.get']({ code: 'ZD-003' }); // 2 hours
    const tenDays = await s.client['catalogue.get']({ code: 'DB-003' });
    await s.client['intake.accept']({ residentId: resident.id, itemCode: twoHours.code, materialsReceived: twoHours.materials });
    await s.client['intake.accept']({ residentId: resident.id, itemCode: tenDays.code, materialsReceived: tenDays.materials });
    expect(await s.client['intake.counts']({})).toEqual({ today: 2, mine: 2, overdue: 0, dueSoon: 1, open: 2 });

    clock.advance(3 * 3600_000); // 12:00: the 2-hour item is late
    expect((await s.client['intake.list']({ view: 'overdue' })).map((r) => r.itemCode)).toEqual(['ZD-003']);

    clock.set('2026-12-10T01:00:00.000Z'); // Thu 10 Dec: the 10-day item is due tomorrow
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password }); // idle sign-out happened meanwhile
    const c = await s.client['intake.counts']({});
    expect(c).toMatchObject({ today: 0, overdue: 1, dueSoon: 1 });
    expect((await s.client['intake.list']({ view: 'dueSoon' }))[0]?.urgency).toBe('dueSoon');
    clock.advance(2 * DAY); // Sat 12 Dec
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect((await s.client['intake.list']({ view: 'overdue' })).map((r) => r.itemCode).sort()).toEqual(['DB-003', 'ZD-003']);

    // Another clerk's work is not "mine".
    await addStaff(s.client, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
    await s.client['auth.signIn']({ login: 'lina', password: 'Counter123' });
    expect((await s.client['intake.counts']({})).mine).toBe(0);
    expect(await s.client['intake.list']({ view: 'mine' })).toEqual([]);
    s.close();
  });
});

describe('receipt numbers under concurrency', () => {
  it('never hands out the same serial twice, across threads writing the same file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'stationdesk.db');
    const db = openDb(file);
    migrate(db);
    db.close();
    const bundle = path.join(dir, 'serials.mjs');
    buildSync({ entryPoints: [path.resolve(import.meta.dirname, '../../main/services/serials.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, packages: 'external', logLevel: 'silent' });
    const workerCode = `
      import { workerData, parentPort } from 'node:worker_threads';
      const { default: Database } = await import(workerData.sqlite);
      const { nextSerial } = await import(workerData.bundle);
      const db = new Database(workerData.file);
      db.pragma('busy_timeout = 10000');
      const got = [];
      for (let i = 0; i < workerData.n; i++) got.push(db.transaction(() => nextSerial(db, 'receipt', '2026-11-27')).immediate());
      db.close();
      parentPort.postMessage(got);`;
    const workerFile = path.join(dir, 'worker.mjs');
    fs.writeFileSync(workerFile, workerCode);
    const sqlite = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
    const workers = Array.from({ length: 4 }, () =>
      new Promise<number[]>((resolve, reject) => {
        const w = new Worker(workerFile, { workerData: { file, bundle: pathToFileURL(bundle).href, sqlite, n: 100 } });
        w.once('message', resolve);
        w.once('error', reject);
      }),
    );
    const all = (await Promise.all(workers)).flat();
    expect(all).toHaveLength(400);
    expect(new Set(all).size).toBe(400);
    expect(Math.max(...all)).toBe(400);
  });

  it('a station restarted on the same file continues the day’s serial', async () => {
    const clock = manualClock(FRIDAY_9AM);
    const { s, resident, item } = await counter(clock);
    await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    s.close();
    const again = await openTestStation({ clock, dataDir: s.dataDir });
    await again.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    const r = await again.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    expect(r.record.receiptNo).toBe('130102001-20261127-0002');
    again.close();
  });
});
