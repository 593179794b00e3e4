/**
 * 日结 on a real station database with the injected clock: the day's figures, one close per
 * day, later changes on the next report, the county's answer (offline → 待确认 → 已确认 by
 * itself through PendingDayCloses), and a digest the county recomputes from the outbox.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createStation } from '../../main/station';
import { DB_FILE } from '../../main/paths';
import { memoryStore } from '../../main/settings-store';
import type { SyncPort } from '../../main/sync/port';
import { ADMIN, STATION, clientOf, expectAppError, manualClock, tempDir } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { countyLikePort } from '../helpers/county-port';
import { pdfText } from '../helpers/pdf';
import { dayDigestInput } from '../../common/county/protocol';
import { openDb } from '../../main/db/open';
import { createWriter } from '../../main/db/write';
import { createAudit } from '../../main/services/audit';
import { createIntakeStore } from '../../main/services/intake-store';
import { countyActor } from '../../main/context';

const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Counter2026' };
// Friday 27 Nov 2026, 09:00 in Beijing; the day under test is Tuesday 8 Dec.
const FRI = '2026-11-27T01:00:00.000Z';
const TUE = '2026-12-08T01:00:00.000Z';

async function station(opts: { sync?: (dbFile: string, clock: ReturnType<typeof manualClock>) => SyncPort } = {}) {
  const clock = manualClock(FRI);
  const dataDir = tempDir();
  const port = opts.sync?.(path.join(dataDir, DB_FILE), clock);
  const s = await createStation({ dataDir, transport: 'browser', store: memoryStore(), clock, ...(port ? { sync: port } : {}) });
  const client = clientOf(s);
  await s.api['setup.init']({ station: STATION, admin: ADMIN }, null);
  return { ...s, client, clock, dataDir };
}

type Station = Awaited<ReturnType<typeof station>>;

async function resident(s: Station, name: string, idNumber: string) {
  return s.client['residents.create']({ name, idNumber, phone: '13800138000', address: '建北街道中山东路 3 号院' });
}

async function accept(s: Station, residentId: string, code: string, onTheSpot?: { result: string; handedOver: boolean }) {
  const item = await s.client['catalogue.get']({ code });
  const r = await s.client['intake.accept']({ residentId, itemCode: code, materialsReceived: item.materials, overrideWarnings: true, ...(onTheSpot ? { onTheSpot } : {}) });
  return r.record;
}

/** Moves the clock and signs the admin in again (a jump of days is an idle sign-out). */
async function at(s: Station, iso: string) {
  s.clock.set(iso);
  await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
}

async function asClerk<T>(s: Station, fn: () => Promise<T>): Promise<T> {
  await s.client['auth.signIn']({ login: CLERK.login, password: CLERK.password });
  try {
    return await fn();
  } finally {
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
  }
}

/** A Tuesday with a mix: forwarded, returned, on the spot and handed over, a notice, an item overdue since last week. */
async function busyDay(s: Station) {
  await addStaff(s.client, CLERK);
  const zhang = await resident(s, '张堃', '11010519491231002X');
  const wang = await resident(s, '王秀英', '110105198001010016');
  await accept(s, zhang.id, 'ZD-002'); // Friday: 5 workdays → due 4 Dec, overdue on the 8th
  await at(s, TUE);
  const a = await accept(s, zhang.id, 'DB-003');
  await s.client['intake.forward']({ items: [{ id: a.id, version: a.version }], department: '县民政局', channel: 'system', receiverName: '赵敏', receivedAt: s.clock.now().toISOString() });
  s.clock.advance(60_000);
  const b = await accept(s, wang.id, 'ZD-002');
  await s.client['intake.transition']({ id: b.id, to: 'returned', version: b.version, reason: '申请人要求退回' });
  await asClerk(s, async () => {
    s.clock.advance(60_000);
    await accept(s, wang.id, 'BJ-001', { result: '已出具居住证明', handedOver: true });
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    await s.client['intake.notice']({ residentId: wang.id, itemCode: 'DB-003', materialsReceived: item.materials.slice(0, 1) });
  });
  return { zhang, wang, forwarded: a };
}

function outboxHashes(dbFile: string, from: number, through: number): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare<[number, number], { hash: string }>('SELECT hash FROM outbox WHERE seq BETWEEN ? AND ? ORDER BY seq').all(from, through).map((r) => r.hash);
  } finally {
    db.close();
  }
}

describe('日结: the day at a glance', () => {
  it('counts a mixed day per clerk, with the receipt number range', async () => {
    const s = await station();
    await busyDay(s);
    const { glance, close, enrolled } = await s.client['dayclose.today']({});
    expect(enrolled).toBe(false);
    expect(close).toBeNull();
    expect(glance.day).toBe('2026-12-08');
    expect(glance.totals).toEqual({ accepted: 3, completed: 1, forwarded: 1, returned: 1, cancelled: 0, handedOver: 1, overdue: 1, notices: 1, receipts: 3, reprints: 0 });
    const admin = glance.perClerk.find((c) => c.name === ADMIN.name)!;
    const clerk = glance.perClerk.find((c) => c.name === CLERK.name)!;
    expect(admin.counts).toMatchObject({ accepted: 2, forwarded: 1, returned: 1, overdue: 1, receipts: 2, completed: 0, notices: 0 });
    expect(clerk.counts).toMatchObject({ accepted: 1, completed: 1, handedOver: 1, notices: 1, receipts: 1, overdue: 0 });
    expect(glance.firstReceiptNo).toBe('130102001-20261208-0001');
    expect(glance.lastReceiptNo).toBe('130102001-20261208-0003');
    // Friday's acceptance is not Tuesday's
    expect(glance.perClerk.reduce((n, c) => n + c.counts.accepted, 0)).toBe(3);
    s.close();
  });

  it('a county assigning a department to a forwarded item is a history line, not a second 转报', async () => {
    const s = await station();
    const { forwarded } = await busyDay(s);
    const db = openDb(s.dbPath);
    const write = createWriter(db, s.clock, createAudit(db, s.clock).append);
    const intake = createIntakeStore(db, s.clock);
    write((tx) => {
      // as intake.assign does: the record's version moves, its status stays 已转报
      db.prepare('UPDATE intake_records SET version = version + 1 WHERE id = ?').run(forwarded.id);
      intake.noteEvent(intake.row(forwarded.id), '县级受理，承办部门：县民政局老龄工作科', countyActor('王科长'), s.clock.now().toISOString());
      const after = intake.row(forwarded.id);
      tx.change({ actorId: null, action: 'intake.transition', entity: 'intake', entityId: forwarded.id, op: 'update', version: after.version, snapshot: after, detail: { department: '县民政局老龄工作科' } });
    });
    db.close();
    const { glance } = await s.client['dayclose.today']({});
    expect(glance.totals.forwarded).toBe(1);
    expect(glance.perClerk.reduce((n, c) => n + c.counts.forwarded, 0)).toBe(1);
    s.close();
  });
});

describe('日结: closing', () => {
  it('closes an unenrolled station locally as 待确认 (本站尚未登记到县级平台), once per day, and prints the report', async () => {
    const s = await station();
    await busyDay(s);
    const requestId = randomUUID();
    const r = await s.client['dayclose.close']({ requestId });
    expect(r.sync).toBeNull();
    expect(r.documentError).toBeNull();
    expect(r.close.county).toMatchObject({ status: 'pending', reason: '本站尚未登记到县级平台' });
    expect(r.close.day).toBe('2026-12-08');
    expect(r.close.fromSeq).toBe(1);
    expect(r.close.glance.totals.accepted).toBe(3);

    // a double Enter answers with the same close; another 日结 of the day is refused
    expect((await s.client['dayclose.close']({ requestId })).close.closeId).toBe(r.close.closeId);
    const msg = await expectAppError(s.client['dayclose.close']({ requestId: randomUUID() }), 'CONFLICT');
    expect(msg).toMatch(/2026年12月8日已于 \d\d:\d\d 日结，不能重复日结/);

    const today = await s.client['dayclose.today']({});
    expect(today.close?.closeId).toBe(r.close.closeId);

    const doc = await s.client['documents.get']({ id: r.close.documentId! });
    expect(doc.document).toMatchObject({ kind: 'dayclose.report', title: '日结报表', layout: 'a4', entity: 'day_close', entityId: r.close.closeId });
    const text = pdfText(Buffer.from(doc.pdfBase64, 'base64')).replace(/[ \t]+/g, ' ');
    for (const f of ['日结报表', STATION.name, '待确认', '本站尚未登记到县级平台', ADMIN.name, CLERK.name, '合计', '130102001-20261208-0001', '130102001-20261208-0003', '站长', r.close.digest.slice(0, 12), r.close.auditHead.hash.slice(0, 12), '上次日结后的变更：无']) {
      expect(text, f).toContain(f);
    }
    expect(text).not.toContain('11010519491231002X');
    s.close();
  });

  it('the digest is what the county recomputes from the outbox rows it holds', async () => {
    const s = await station({ sync: (f, c) => countyLikePort(f, c).port });
    await busyDay(s);
    const r = await s.client['dayclose.close']({ requestId: randomUUID() });
    expect(r.sync).toMatchObject({ ok: true });
    expect(r.close.county.status).toBe('confirmed');
    const hashes = outboxHashes(s.dbPath, r.close.fromSeq, r.close.throughSeq);
    expect(hashes).toHaveLength(r.close.throughSeq - r.close.fromSeq + 1);
    expect(createHash('sha256').update(dayDigestInput(hashes)).digest('hex')).toBe(r.close.digest);
    // the close itself is an event, the first of the next close's range
    const db = new Database(s.dbPath, { readonly: true });
    const ev = db.prepare<[number], { entity: string; entity_id: string; op: string }>('SELECT entity, entity_id, op FROM outbox WHERE seq = ?').get(r.close.throughSeq + 1);
    db.close();
    expect(ev).toEqual({ entity: 'day_close', entity_id: r.close.closeId, op: 'create' });
    s.close();
  });

  it('offline: stays 待确认, the worker retries through PendingDayCloses, and it becomes 已确认 by itself', async () => {
    let county!: ReturnType<typeof countyLikePort>;
    const s = await station({ sync: (f, c) => (county = countyLikePort(f, c)).port });
    await busyDay(s);
    county.state.online = false;
    const r = await s.client['dayclose.close']({ requestId: randomUUID() });
    expect(r.sync).toMatchObject({ ok: false, error: '无法连接县级平台' });
    expect(r.close.county).toMatchObject({ status: 'pending', reason: '无法连接县级平台' });
    expect(s.pendingDayCloses.list().map((c) => c.closeId)).toEqual([r.close.closeId]);

    // an answer about another close changes nothing but the reason
    s.pendingDayCloses.record(r.close.closeId, { status: 'confirmed', closeId: randomUUID(), confirmedAt: s.clock.now().toISOString(), serverTime: s.clock.now().toISOString() });
    expect((await s.client['dayclose.today']({})).close!.county).toMatchObject({ status: 'pending', reason: expect.stringContaining('无法识别') });

    // back online, but one event never reached the county: incomplete, still 待确认
    county.state.online = true;
    county.state.lose.add(3);
    county.pushAll();
    const [pending] = s.pendingDayCloses.list();
    s.clock.advance(600_000);
    s.pendingDayCloses.record(pending!.closeId, county.answer(pending!));
    let now = (await s.client['dayclose.today']({})).close!;
    expect(now.county.status).toBe('pending');
    expect(now.county.reason).toContain('尚缺 1 条记录');

    // the worker pushes the missing seq again and retries: confirmed at the county's time
    county.state.lose.clear();
    county.pushAll();
    const answer = county.answer(s.pendingDayCloses.list()[0]!);
    expect(answer.status).toBe('confirmed');
    s.pendingDayCloses.record(pending!.closeId, answer);
    now = (await s.client['dayclose.today']({})).close!;
    expect(now.county).toMatchObject({ status: 'confirmed', reason: null, answeredAt: s.clock.now().toISOString() });
    expect(s.pendingDayCloses.list()).toEqual([]);

    // a later answer cannot undo a confirmation
    s.pendingDayCloses.record(pending!.closeId, { status: 'mismatch', closeId: pending!.closeId, message: 'x', serverTime: s.clock.now().toISOString() });
    expect((await s.client['dayclose.today']({})).close!.county.status).toBe('confirmed');

    // the reprint shows the county's confirmation, marked 补打
    const { documentId, reprintCount } = await s.client['dayclose.reprint']({ closeId: r.close.closeId });
    expect(reprintCount).toBe(1);
    const text = pdfText(Buffer.from((await s.client['documents.get']({ id: documentId })).pdfBase64, 'base64'));
    expect(text).toContain('已确认');
    expect(text).toMatch(/补打（第 1 次）/);
    s.close();
  });

  it('a wrong digest is 不一致 and is not retried', async () => {
    let county!: ReturnType<typeof countyLikePort>;
    const s = await station({ sync: (f, c) => (county = countyLikePort(f, c)).port });
    await busyDay(s);
    county.state.online = false;
    const r = await s.client['dayclose.close']({ requestId: randomUUID() });
    county.state.online = true;
    county.pushAll();
    const req = s.pendingDayCloses.list()[0]!;
    s.pendingDayCloses.record(r.close.closeId, county.answer({ ...req, digest: 'f'.repeat(64) }));
    const now = (await s.client['dayclose.today']({})).close!;
    expect(now.county.status).toBe('mismatch');
    expect(now.county.reason).toContain('记录摘要与县级平台收到的记录不符');
    expect(s.pendingDayCloses.list()).toEqual([]);
    s.close();
  });
});

describe('日结: when things go wrong', () => {
  it('two clerks closing at once: one close, the other told the day is closed', async () => {
    const s = await station();
    await busyDay(s);
    const [a, b] = await Promise.allSettled([s.client['dayclose.close']({ requestId: randomUUID() }), s.client['dayclose.close']({ requestId: randomUUID() })]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (a.status === 'rejected' ? a : b) as PromiseRejectedResult;
    expect((refused.reason as { code: string }).code).toBe('CONFLICT');
    const db = new Database(s.dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM day_closes').get()).toEqual({ n: 1 });
    db.close();
    s.close();
  });

  it('a report that cannot be made leaves the close standing, and 补打 makes it once the cause is gone', async () => {
    const s = await station();
    await busyDay(s);
    // The month's archive folder cannot be created: a file stands where it should be.
    const month = path.join(s.dataDir, 'documents', '2026', '12');
    fs.rmSync(month, { recursive: true, force: true });
    fs.writeFileSync(month, 'not a folder');
    const r = await s.client['dayclose.close']({ requestId: randomUUID() });
    expect(r.documentError).toBeTruthy();
    expect(r.close.documentId).toBeNull();
    expect((await s.client['dayclose.today']({})).close?.closeId).toBe(r.close.closeId);
    fs.rmSync(month);
    const again = await s.client['dayclose.reprint']({ closeId: r.close.closeId });
    expect(pdfText(Buffer.from((await s.client['documents.get']({ id: again.documentId })).pdfBase64, 'base64'))).toContain('日结报表');
    expect((await s.client['dayclose.get']({ closeId: r.close.closeId })).documentId).toBe(again.documentId);
    s.close();
  });
});

describe('日结: changes after a close', () => {
  it('allows them, and lists them on the next report as 上次日结后的变更', async () => {
    const s = await station();
    const { wang, forwarded } = await busyDay(s);
    const first = await s.client['dayclose.close']({ requestId: randomUUID() });

    // 17:00 Tuesday, after the close: a status change dated the closed day
    await at(s, '2026-12-08T09:00:00.000Z');
    const late = await accept(s, wang.id, 'ZD-002');
    const today = await s.client['dayclose.today']({});
    expect(today.afterClose).toBeGreaterThan(0);

    // Wednesday 09:10: the sync worker applies a county decision dated Tuesday 16:00, through the write path
    const db = openDb(s.dbPath);
    const worker = manualClock('2026-12-09T01:10:00.000Z');
    const write = createWriter(db, worker, createAudit(db, worker).append);
    const intake = createIntakeStore(db, worker);
    write((tx) => {
      intake.changeStatus(intake.row(forwarded.id), 'completed', { result: '县民政局审核通过' }, countyActor('县民政局'), '2026-12-08T08:00:00.000Z');
      const after = intake.row(forwarded.id);
      tx.change({ actorId: null, action: 'intake.transition', entity: 'intake', entityId: forwarded.id, op: 'update', version: after.version, snapshot: after, detail: { to: 'completed' } });
    });
    db.close();

    // Wednesday
    await at(s, '2026-12-09T01:30:00.000Z');
    await s.client['intake.transition']({ id: late.id, to: 'processing', version: late.version });
    const next = await s.client['dayclose.close']({ requestId: randomUUID() });
    expect(next.close.fromSeq).toBe(first.close.throughSeq + 1);
    const g = next.close.glance;
    expect(g.lastClose?.closeId).toBe(first.close.closeId);
    expect(g.lateChangesTotal).toBeGreaterThan(0);
    expect(g.lateChanges.some((c) => c.record === `代办事项 ${late.receiptNo}` && c.action === '受理代办事项')).toBe(true);
    const decision = g.lateChanges.find((c) => c.record === `代办事项 ${forwarded.receiptNo}`);
    expect(decision).toEqual({ seq: expect.any(Number), at: '2026-12-08T08:00:00.000Z', action: '代办事项状态变更', record: `代办事项 ${forwarded.receiptNo}`, actorName: '县级平台' });
    expect(g.totals.completed).toBe(0); // dated Tuesday: not Wednesday's business
    // today's own change and the closes' own events are not "late"
    expect(g.lateChanges.every((c) => c.at < '2026-12-08T16:00:00.000Z')).toBe(true);
    expect(g.lateChanges.some((c) => c.record.startsWith('日结'))).toBe(false);
    expect(g.totals.accepted).toBe(0);
    expect(g.totals.overdue).toBe(1);

    const text = pdfText(Buffer.from((await s.client['documents.get']({ id: next.close.documentId! })).pdfBase64, 'base64'));
    expect(text).toContain('上次日结后的变更');
    expect(text).toContain(late.receiptNo);

    const list = await s.client['dayclose.list']({});
    expect(list.map((c) => c.day)).toEqual(['2026-12-09', '2026-12-08']);
    s.close();
  });

  it('past closes and reprints are for the station head; a clerk may close today', async () => {
    const s = await station();
    await busyDay(s);
    await asClerk(s, async () => {
      const r = await s.client['dayclose.close']({ requestId: randomUUID() });
      expect(r.close.closedBy.name).toBe(CLERK.name);
      await expectAppError(s.client['dayclose.list']({}), 'FORBIDDEN');
      await expectAppError(s.client['dayclose.reprint']({ closeId: r.close.closeId }), 'FORBIDDEN');
    });
    s.close();
  });
});
