/**
 * 代办, issue 6: 当场办结 in one step, eligibility warnings and their override, 转报 with its
 * details and 转报单, 代领 with the proxy's id, and 一次性告知书 found again and linked.
 * Real SQLite in a temp folder, real PDFs read back; "today" from the injected clock.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, setUpStation } from '../helpers/station';
import { pdfInfo, pdfText } from '../helpers/pdf';
import { openDb } from '../../main/db/open';
import { DB_FILE } from '../../main/paths';

// Friday 27 Nov 2026, 09:00 at the station.
const FRIDAY_9AM = '2026-11-27T01:00:00.000Z';

/** A valid 18-digit 身份证号 for a birth date (GB 11643 check digit). */
function idFor(birth: string, seq = '001', region = '130102'): string {
  const body = `${region}${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

type Station = Awaited<ReturnType<typeof setUpStation>>;

async function counter(start = FRIDAY_9AM) {
  const clock = manualClock(start);
  const s = await setUpStation({ clock });
  const resident = (name: string, birth: string, extra: { tags?: { tag: '残疾人' | '优抚对象'; since: string }[]; grid?: string } = {}, seq = '001') =>
    s.client['residents.create']({ name, idNumber: idFor(birth, seq), phone: '13800138000', address: '建北街道中山东路 3 号', ...extra });
  /** time passes at the counter; the idle sign-out meanwhile is not what these tests are about */
  const later = async (ms: number) => {
    clock.advance(ms);
    await s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
  };
  return { s, clock, resident, later };
}

async function docText(s: Station, documentId: string) {
  const d = await s.client['documents.get']({ id: documentId });
  const pdf = Buffer.from(d.pdfBase64, 'base64');
  return { text: pdfText(pdf), info: pdfInfo(pdf) };
}

const squash = (t: string) => t.replace(/\s+/g, '');

async function auditOf(s: Station, action: string) {
  return (await s.client['audit.list']({ limit: 200 })).filter((a) => a.action === action);
}

describe('当场办结: accept and complete in one step', () => {
  it('closes an immediate item at once (领取 when handed over), with one receipt that says so, audited as such', async () => {
    const { s, resident } = await counter();
    const who = await resident('赵敏', '1975-03-08');
    const item = await s.client['catalogue.get']({ code: 'BJ-001' }); // 居住证明: 当场办结
    const r = await s.client['intake.accept']({ residentId: who.id, itemCode: item.code, materialsReceived: item.materials, onTheSpot: { result: '已出具居住证明一份', handedOver: true } });
    expect(r.record).toMatchObject({ status: 'collected', onTheSpot: true, urgency: 'closed', result: '已出具居住证明一份', receiverName: '赵敏', handoverKind: 'collected', next: [] });
    expect(r.documentError).toBeNull();

    const detail = await s.client['intake.get']({ id: r.record.id });
    expect(detail.events.map((e) => e.to)).toEqual(['accepted', 'completed', 'collected']);
    expect(new Set(detail.events.map((e) => e.at)).size).toBe(1);

    const docs = await s.client['documents.listFor']({ entity: 'intake', entityId: r.record.id });
    expect(docs.map((d) => d.kind)).toEqual(['intake.acceptance']);
    const { text } = await docText(s, r.documentId!);
    expect(squash(text)).toContain('当场办结回执');
    expect(squash(text)).toContain('已出具居住证明一份');
    expect(squash(text)).toContain('已当场交付，赵敏领取');
    expect(text).not.toContain('承诺办结');
    expect(text).not.toContain(idFor('1975-03-08'));
    // one receipt is all it has: nothing to regenerate
    expect(await expectAppError(s.client['intake.reissue']({ id: r.record.id }), 'CONFLICT')).toMatch(/无需重新生成/);

    // not left in the work list as 即将到期
    expect(await s.client['intake.counts']({})).toMatchObject({ open: 0, dueSoon: 0, today: 1 });
    expect(await s.client['intake.list']({ view: 'dueSoon' })).toHaveLength(0);

    const [entry] = await auditOf(s, 'intake.acceptOnTheSpot');
    expect(entry?.detail).toMatchObject({ receiptNo: r.record.receiptNo, itemCode: 'BJ-001', handedOver: true });
    expect(await auditOf(s, 'intake.accept')).toHaveLength(0);
    expect((await s.client['audit.verify']({})).ok).toBe(true);
    s.close();
  });

  it('leaves the result to collect when not handed over, and refuses items that are not 当场办结', async () => {
    const { s, resident } = await counter();
    const who = await resident('赵敏', '1975-03-08');
    const spot = await s.client['catalogue.get']({ code: 'BJ-002' });
    const r = await s.client['intake.accept']({ residentId: who.id, itemCode: spot.code, materialsReceived: spot.materials, onTheSpot: { result: '证明已开具', handedOver: false } });
    expect(r.record).toMatchObject({ status: 'completed', onTheSpot: true, next: ['collected', 'delivered'] });
    expect(squash((await docText(s, r.documentId!)).text)).toContain('办理结果待领取');

    const later = await s.client['catalogue.get']({ code: 'DB-003' }); // 10 workdays, forwarded
    expect(await expectAppError(s.client['intake.accept']({ residentId: who.id, itemCode: later.code, materialsReceived: later.materials, onTheSpot: { result: 'x', handedOver: true } }), 'VALIDATION')).toMatch(/不是当场办结事项/);
    const hours = await s.client['catalogue.get']({ code: 'BJ-007' }); // 4 hours
    await expectAppError(s.client['intake.accept']({ residentId: who.id, itemCode: hours.code, materialsReceived: hours.materials, onTheSpot: { result: 'x', handedOver: true } }), 'VALIDATION');
    expect(await s.client['intake.list']({ view: 'all' })).toHaveLength(1);
    s.close();
  });
});

describe('eligibility conditions warn at intake', () => {
  it('warns that a 36-year-old does not meet 高龄津贴 (≥ 80), refuses until the clerk overrides, and records the override', async () => {
    const { s, resident } = await counter();
    const young = await resident('钱多多', '1990-05-01');
    const item = await s.client['catalogue.get']({ code: 'ZB-001' });
    expect(item.conditions).toEqual({ minAge: 80, residence: true });

    const preview = await s.client['intake.preview']({ itemCode: item.code, residentId: young.id });
    expect(preview.warnings.map((w) => w.rule)).toEqual(['minAge', 'residence']);
    expect(preview.warnings[0]!.message).toBe('该事项须年满 80 周岁，该居民现年 36 周岁');

    const refused = await expectAppError(s.client['intake.accept']({ residentId: young.id, itemCode: item.code, materialsReceived: item.materials }), 'VALIDATION');
    expect(refused).toContain('年满 80 周岁');
    expect(await s.client['intake.list']({ view: 'all' })).toHaveLength(0);

    const r = await s.client['intake.accept']({ residentId: young.id, itemCode: item.code, materialsReceived: item.materials, overrideWarnings: true });
    expect(r.record.eligibilityWarnings.map((w) => w.rule)).toEqual(['minAge', 'residence']);
    expect((await s.client['intake.get']({ id: r.record.id })).record.eligibilityWarnings).toHaveLength(2);
    const [entry] = await auditOf(s, 'intake.accept');
    expect(entry?.detail.warningsOverridden).toEqual(['minAge', 'residence']);
    // the audit says which rule, never the resident's age
    expect(JSON.stringify(entry?.detail)).not.toMatch(/36|周岁/);
    s.close();
  });

  it('computes age on the station date from the injected clock: the warning goes at Beijing midnight of the 80th birthday', async () => {
    // 27 Nov 2026, 23:59 in Beijing (15:59 UTC): the resident turns 80 the next day.
    const { s, clock, resident } = await counter('2026-11-27T15:59:00.000Z');
    const old = await resident('孙大爷', '1946-11-28', { grid: '建北一网格' });
    const before = await s.client['intake.preview']({ itemCode: 'ZB-001', residentId: old.id });
    expect(before.warnings).toEqual([{ rule: 'minAge', message: '该事项须年满 80 周岁，该居民现年 79 周岁' }]);
    clock.set('2026-11-27T16:00:00.000Z'); // 00:00 on the 28th in Beijing, still the 27th in UTC
    expect((await s.client['intake.preview']({ itemCode: 'ZB-001', residentId: old.id })).warnings).toEqual([]);
    const r = await s.client['intake.accept']({ residentId: old.id, itemCode: 'ZB-001', materialsReceived: (await s.client['catalogue.get']({ code: 'ZB-001' })).materials });
    expect(r.record.eligibilityWarnings).toEqual([]);
    s.close();
  });

  it('warns on a missing key-service tag (残疾人 items), not when the resident carries it', async () => {
    const { s, resident } = await counter();
    const plain = await resident('李四', '1980-01-01', {}, '011');
    const tagged = await resident('王五', '1980-01-01', { tags: [{ tag: '残疾人', since: '2020-01-01' }] }, '021');
    expect((await s.client['intake.preview']({ itemCode: 'ZB-003', residentId: plain.id })).warnings.map((w) => w.rule)).toEqual(['tags']);
    expect((await s.client['intake.preview']({ itemCode: 'ZB-003', residentId: tagged.id })).warnings).toEqual([]);
    // without a resident, nothing to check
    expect((await s.client['intake.preview']({ itemCode: 'ZB-003' })).warnings).toEqual([]);
    s.close();
  });

  it('lets the station head edit an item’s conditions, versioned, and refuses a minimum above the maximum', async () => {
    const { s } = await counter();
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    expect(item.conditions).toEqual({ minAge: 60 });
    const { code, version, retired, retiredReason, pinyinInitials, pinyinFull, revisedAt, ...fields } = item;
    void [retired, retiredReason, pinyinInitials, pinyinFull, revisedAt];
    const saved = await s.client['catalogue.update']({ code, revision: version, fields: { ...fields, conditions: { minAge: 65, tags: ['残疾人'] } } });
    expect(saved.conditions).toEqual({ minAge: 65, tags: ['残疾人'] });
    expect((await s.client['catalogue.versions']({}))[0]!.summary).toContain('办理条件');
    expect((await s.client['catalogue.get']({ code, version })).conditions).toEqual({ minAge: 60 });
    // an empty condition set is no condition
    const cleared = await s.client['catalogue.update']({ code, revision: saved.version, fields: { ...fields, conditions: { tags: [] } } });
    expect(cleared.conditions).toBeNull();
    await expectAppError(s.client['catalogue.update']({ code, revision: cleared.version, fields: { ...fields, conditions: { minAge: 70, maxAge: 60 } } }), 'VALIDATION');
    s.close();
  });
});

describe('转报 with its details and a 转报单', () => {
  it('forwards several items to one department: records channel, receiver and time, prints one A4 转报单 listing them', async () => {
    const { s, clock, resident, later } = await counter();
    const a = await resident('冯𡒄', '1950-02-03', {}, '031');
    const b = await resident('卫𪚥', '1955-06-07', {}, '041');
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const r1 = (await s.client['intake.accept']({ residentId: a.id, itemCode: item.code, materialsReceived: item.materials })).record;
    const r2 = (await s.client['intake.accept']({ residentId: b.id, itemCode: item.code, materialsReceived: item.materials })).record;

    // the bare one-click transition is gone
    expect(await expectAppError(s.client['intake.transition']({ id: r1.id, to: 'forwarded', version: r1.version }), 'VALIDATION')).toMatch(/转报/);

    await later(2 * 3_600_000);
    const receivedAt = new Date(clock.now().getTime() - 10 * 60_000).toISOString();
    const out = await s.client['intake.forward']({
      items: [
        { id: r1.id, version: r1.version },
        { id: r2.id, version: r2.version },
      ],
      department: '县民政局',
      channel: 'paper',
      receiverName: '李娜',
      receivedAt,
    });
    expect(out.transmittalNo).toBe('130102001-20261127-Z0001');
    expect(out.documentError).toBeNull();
    for (const rec of out.records) {
      expect(rec).toMatchObject({ status: 'forwarded', transmittal: { transmittalNo: out.transmittalNo, department: '县民政局', channel: 'paper', receiverName: '李娜', receivedAt } });
      expect(rec.next).toContain('completed');
    }
    const events = (await s.client['intake.get']({ id: r1.id })).events;
    expect(events.at(-1)).toMatchObject({ to: 'forwarded', reason: expect.stringContaining('纸质送达') });

    const { text, info } = await docText(s, out.documentId!);
    expect(info).toMatchObject({ pages: 1, width: 595.28, height: 841.89 });
    // a receipt number is printed in two lines, broken after the station code
    const tail = (no: string) => no.slice(no.indexOf('-') + 1);
    for (const f of ['转报单', out.transmittalNo, '县民政局', '纸质送达', '李娜', tail(r1.receiptNo), tail(r2.receiptNo), '冯𡒄', '卫𪚥', '130102********', '老年证办理', '共2件']) expect(squash(text), f).toContain(squash(f));
    expect(text).not.toContain(idFor('1950-02-03', '031'));

    const audit = await auditOf(s, 'intake_transmittal.issue');
    expect(audit[0]?.detail).toMatchObject({ transmittalNo: out.transmittalNo, count: 2, channel: 'paper' });
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('李娜');
    expect((await s.client['audit.verify']({})).ok).toBe(true);
    s.close();
  });

  it('checks every item and every field before writing anything', async () => {
    const { s, clock, resident } = await counter();
    const who = await resident('赵敏', '1950-03-08');
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const local = await s.client['catalogue.get']({ code: 'BJ-001' });
    const r = (await s.client['intake.accept']({ residentId: who.id, itemCode: item.code, materialsReceived: item.materials })).record;
    const l = (await s.client['intake.accept']({ residentId: who.id, itemCode: local.code, materialsReceived: local.materials })).record;
    const base = { department: '县民政局', channel: 'system' as const, receiverName: '李娜', receivedAt: clock.now().toISOString() };

    expect(await expectAppError(s.client['intake.forward']({ ...base, items: [{ id: r.id, version: r.version }, { id: l.id, version: l.version }] }), 'CONFLICT')).toMatch(/不需转报/);
    await expectAppError(s.client['intake.forward']({ ...base, items: [{ id: r.id, version: r.version + 1 }] }), 'CONFLICT');
    await expectAppError(s.client['intake.forward']({ ...base, channel: 'other', items: [{ id: r.id, version: r.version }] }), 'VALIDATION');
    await expectAppError(s.client['intake.forward']({ ...base, receivedAt: new Date(clock.now().getTime() + 3_600_000).toISOString(), items: [{ id: r.id, version: r.version }] }), 'VALIDATION');
    await expectAppError(s.client['intake.forward']({ ...base, receivedAt: new Date(clock.now().getTime() - 3_600_000).toISOString(), items: [{ id: r.id, version: r.version }] }), 'VALIDATION');
    await expectAppError(s.client['intake.forward']({ ...base, items: [{ id: r.id, version: r.version }, { id: r.id, version: r.version }] }), 'VALIDATION');
    expect((await s.client['intake.get']({ id: r.id })).record).toMatchObject({ status: 'accepted', transmittal: null, version: r.version });

    const ok = await s.client['intake.forward']({ ...base, channel: 'other', channelNote: '县民政局来站取件', items: [{ id: r.id, version: r.version }] });
    expect(ok.records[0]!.transmittal).toMatchObject({ channel: 'other', channelNote: '县民政局来站取件' });
    // a second 转报 of the same item is refused
    await expectAppError(s.client['intake.forward']({ ...base, items: [{ id: r.id, version: ok.records[0]!.version }] }), 'CONFLICT');
    s.close();
  });
});

describe('代领: a proxy collects the result', () => {
  it('records the proxy’s name, checked 身份证号 (stored, masked on screen and receipt) and relation', async () => {
    const { s, resident, later } = await counter();
    const who = await resident('赵敏', '1975-03-08');
    const item = await s.client['catalogue.get']({ code: 'BJ-002' });
    const r = (await s.client['intake.accept']({ residentId: who.id, itemCode: item.code, materialsReceived: item.materials, onTheSpot: { result: '证明已开具', handedOver: false } })).record;
    const proxyId = idFor('2001-09-09', '052');
    const bad = `${proxyId.slice(0, 17)}${proxyId.endsWith('0') ? '1' : '0'}`;

    expect(await expectAppError(s.client['intake.transition']({ id: r.id, to: 'collected', version: r.version, proxy: { name: '赵小敏', idNumber: bad, relation: '子女' } }), 'VALIDATION')).toMatch(/^代领人身份证号：/);
    expect(await expectAppError(s.client['intake.transition']({ id: r.id, to: 'collected', version: r.version, proxy: { name: '赵敏', idNumber: idFor('1975-03-08'), relation: '其他' } }), 'VALIDATION')).toMatch(/申请人本人/);
    await expectAppError(s.client['intake.transition']({ id: r.id, to: 'delivered', version: r.version, receiverName: 'x', proxy: { name: '赵小敏', idNumber: proxyId, relation: '子女' } }), 'VALIDATION');
    expect((await s.client['intake.get']({ id: r.id })).record.status).toBe('completed');

    await later(86_400_000);
    const done = await s.client['intake.transition']({ id: r.id, to: 'collected', version: r.version, proxy: { name: '赵小敏', idNumber: proxyId.toLowerCase(), relation: '子女' } });
    expect(done.record).toMatchObject({ status: 'collected', receiverName: '赵小敏', proxy: { name: '赵小敏', idMasked: `130102********${proxyId.slice(-4)}`, relation: '子女' } });
    expect(JSON.stringify(done.record)).not.toContain(proxyId);

    const { text } = await docText(s, done.documentId!);
    for (const f of ['代领人', '赵小敏', `130102********${proxyId.slice(-4)}`, '子女']) expect(text, f).toContain(f);
    expect(text).not.toContain(proxyId);

    // stored in full for the record of who took it; never in the audit
    const db = openDb(path.join(s.dataDir, DB_FILE), { readonly: true });
    expect(db.prepare('SELECT proxy_id_number FROM intake_records WHERE id = ?').pluck().get(r.id)).toBe(proxyId);
    db.close();
    const audit = (await s.client['audit.list']({ limit: 200 })).filter((a) => a.entityId === r.id);
    expect(audit.find((a) => a.detail.to === 'collected')?.detail).toMatchObject({ proxy: true });
    expect(JSON.stringify(audit)).not.toContain(proxyId.slice(6, 14));
    s.close();
  });
});

describe('一次性告知书 found again and linked', () => {
  it('finds a notice by its full number, its tail or G0001, and links the item accepted after it', async () => {
    const { s, resident, later } = await counter();
    const who = await resident('张堃', '1949-12-31');
    const item = await s.client['catalogue.get']({ code: 'DB-003' });
    const notice = await s.client['intake.notice']({ residentId: who.id, itemCode: item.code, materialsReceived: item.materials.slice(0, 1) });
    expect(notice.noticeNo).toBe('130102001-20261127-G0001');
    await s.client['documents.get']({ id: notice.documentId! }); // its PDF is made after the answer
    const other = await resident('李四', '1950-01-01', {}, '011');
    await s.client['intake.notice']({ residentId: other.id, itemCode: item.code, materialsReceived: [] });

    for (const q of ['130102001-20261127-G0001', '20261127-G0001', 'G0001', 'g1', ' G0001 ']) {
      const found = await s.client['intake.notices']({ query: q });
      expect(found.map((n) => n.noticeNo), q).toEqual(['130102001-20261127-G0001']);
    }
    expect(await s.client['intake.notices']({ query: 'G0003' })).toEqual([]);
    expect(await s.client['intake.notices']({ query: '张堃' })).toEqual([]);
    const [first] = await s.client['intake.notices']({ query: 'G0001' });
    expect(first).toMatchObject({ residentName: '张堃', itemName: '老年证办理', materialsMissing: item.materials.slice(1), issuedByName: ADMIN.name, followedBy: null });
    expect(first!.documentId).not.toBeNull();

    // the resident comes back two days later with everything: the preview names the notice, the record keeps it
    await later(2 * 86_400_000);
    expect((await s.client['intake.preview']({ itemCode: item.code, residentId: who.id })).notice).toMatchObject({ noticeNo: notice.noticeNo });
    const r = await s.client['intake.accept']({ residentId: who.id, itemCode: item.code, materialsReceived: item.materials });
    expect(r.record.notice).toMatchObject({ noticeNo: notice.noticeNo });
    expect((await s.client['intake.get']({ id: r.record.id })).record.notice?.noticeNo).toBe(notice.noticeNo);
    expect((await auditOf(s, 'intake.accept'))[0]?.detail.noticeNo).toBe(notice.noticeNo);
    const [after] = await s.client['intake.notices']({ query: 'G0001' });
    expect(after!.followedBy).toEqual({ id: r.record.id, receiptNo: r.record.receiptNo });
    expect((await s.client['intake.notices']({ residentId: who.id })).map((n) => n.noticeNo)).toEqual([notice.noticeNo]);

    // a notice is followed once; another item for the same resident is not linked to it
    const again = await s.client['intake.accept']({ residentId: who.id, itemCode: item.code, materialsReceived: item.materials });
    expect(again.record.notice).toBeNull();
    const local = await s.client['catalogue.get']({ code: 'BJ-001' });
    expect((await s.client['intake.accept']({ residentId: other.id, itemCode: local.code, materialsReceived: local.materials })).record.notice).toBeNull();
    s.close();
  });
});
