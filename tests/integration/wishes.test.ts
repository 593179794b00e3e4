/**
 * 微心愿 on a real SQLite file: the whole life, refusals with nothing half-saved, expiry by
 * the injected clock, idempotent creates, joint claims, the claimant registry, statistics.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, manualClock, setUpStation, refused } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { openDb } from '../../main/db/open';

const DAY = 86_400_000;
// Friday 27 Nov 2026, 09:00 at the station.
const FRIDAY_9AM = '2026-11-27T01:00:00.000Z';
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function station(clock = manualClock(FRIDAY_9AM)) {
  const s = await setUpStation({ clock });
  const resident = await s.client['residents.create']({ name: '张𠮷华', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院 2 单元 101', tags: [{ tag: '空巢老人', since: '2020-01-01' }] });
  const unitA = await s.client['claimants.create']({ category: '驻区单位', name: '长安区建设银行支行', contactName: '刘洋', phone: '0311-86011111', creditCode: '91350100M000100Y43' });
  const unitB = await s.client['claimants.create']({ category: '企业', name: '石家庄康复器械有限公司', contactName: '陈静', phone: '13900139000' });
  const person = await s.client['claimants.create']({ category: '党员', name: '王志强', phone: '13700137000' });
  return { s, clock, resident, unitA: unitA.claimant, unitB: unitB.claimant, person: person.claimant };
}

type Station = Awaited<ReturnType<typeof station>>;

/** Days pass at the station: the clerk signs in again (the idle sign-out ran meanwhile). */
async function later(t: Station, set: { ms?: number; iso?: string }) {
  if (set.ms) t.clock.advance(set.ms);
  if (set.iso) t.clock.set(set.iso);
  await t.s.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
}

function wish(t: Station, over: Partial<Parameters<Station['s']['client']['wishes.create']>[0]> = {}) {
  return t.s.client['wishes.create']({ residentId: t.resident.id, title: '一台轮椅', description: '老人行动不便，家住三楼', category: '助残', value: '480', source: '入户走访', deadline: '2026-12-31', ...over });
}

function count(t: Station, table: string): number {
  const db = openDb(t.s.dbPath);
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

function outbox(t: Station, entity = 'wish') {
  const db = openDb(t.s.dbPath);
  try {
    return (db.prepare('SELECT entity_id, version, payload FROM outbox WHERE entity = ? ORDER BY seq').all(entity) as { entity_id: string; version: number; payload: string }[]).map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}


describe('微心愿: the whole life', () => {
  it('records, publishes, is claimed jointly 60/40, fulfilled with a photo, followed up — each step audited and sent to the county', async () => {
    const t = await station();
    const { record: w0, awaitingApproval } = await wish(t, { publishNow: true });
    expect(awaitingApproval).toBe(false);
    expect(w0).toMatchObject({ wishNo: '130102001-20261127-W0001', status: 'published', valueFen: 48000, valueYuan: '480.00', beneficiaryName: '张𠮷华', beneficiaryMasked: '张*华', beneficiaryTags: ['空巢老人'], needsApproval: false });
    expect(w0.next).toEqual(['withdraw', 'claim']);

    const { record: w1 } = await t.s.client['wishes.claim']({ id: w0.id, version: w0.version, shares: [{ claimantId: t.unitA.id, percent: 60 }, { claimantId: t.unitB.id, percent: 40 }], promisedHandoverDate: '2026-12-05' });
    expect(w1.status).toBe('claimed');
    expect(w1.claim).toMatchObject({ claimNo: '130102001-20261127-W0001-R1', promisedHandoverDate: '2026-12-05' });
    expect(w1.claim!.shares.map((s) => [s.name, s.percent, s.valueFen])).toEqual([
      ['长安区建设银行支行', 60, 28800],
      ['石家庄康复器械有限公司', 40, 19200],
    ]);

    await later(t, { ms: 5 * DAY });
    const { proof } = await t.s.client['wishes.proofUpload']({ id: w0.id, fileName: '交接照片.png', base64: PNG_1PX });
    expect(proof).toMatchObject({ mime: 'image/png', bytes: 70, attached: false });
    expect(proof.sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(t.s.dataDir, 'wish-proofs', `${proof.sha256}.png`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await t.s.client['wishes.proofGet']({ proofId: proof.id })).base64).toBe(PNG_1PX);

    const { record: w2 } = await t.s.client['wishes.fulfil']({ id: w0.id, version: w1.version, handoverDate: '2026-12-02', delivered: '轮椅一台（已调试）', proofIds: [proof.id], confirmation: '家属代为签收', confirmerName: '张明' });
    expect(w2.status).toBe('fulfilled');
    expect(w2.fulfilment).toMatchObject({ handoverDate: '2026-12-02', delivered: '轮椅一台（已调试）', confirmation: '家属代为签收', confirmerName: '张明' });
    expect(w2.fulfilment!.proofs.map((p) => p.id)).toEqual([proof.id]);

    await later(t, { ms: 3 * DAY });
    const { record: w3 } = await t.s.client['wishes.followUp']({ id: w0.id, version: w2.version, visitedOn: '2026-12-05', satisfaction: '满意', note: '老人很满意' });
    expect(w3.status).toBe('followedUp');
    expect(w3.next).toEqual([]);

    const got = await t.s.client['wishes.get']({ id: w0.id });
    expect(got.events.map((e) => [e.step, e.from, e.to])).toEqual([
      ['create', null, 'pending'],
      ['publish', 'pending', 'published'],
      ['claim', 'published', 'claimed'],
      ['fulfil', 'claimed', 'fulfilled'],
      ['followUp', 'fulfilled', 'followedUp'],
    ]);

    const sent = outbox(t);
    expect(sent.map((e) => [e.version, e.payload.step, e.payload.status])).toEqual([
      [1, 'create', 'pending'],
      [2, 'publish', 'published'],
      [3, 'claim', 'claimed'],
      [4, 'fulfil', 'fulfilled'],
      [5, 'followUp', 'followedUp'],
    ]);
    // the county gets the beneficiary masked, never the name, id number, phone or description
    const all = JSON.stringify(sent);
    expect(all).not.toContain('𠮷');
    expect(all).not.toContain('11010519491231002X');
    expect(all).not.toContain('13800138000');
    expect(all).not.toContain('三楼');
    expect(sent[2]!.payload.claim).toMatchObject({ claim_no: '130102001-20261127-W0001-R1', shares: [{ percent: 60 }, { percent: 40 }] });
    expect(sent[3]!.payload.proofs).toEqual([{ id: proof.id, sha256: proof.sha256, mime: 'image/png', bytes: 70 }]);

    const audit = await t.s.client['audit.search']({ filter: { action: 'wish.claim' } });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]!.detail).toMatchObject({ wishNo: w0.wishNo, from: 'published', to: 'claimed', shares: [60, 40] });
    expect(JSON.stringify((await t.s.client['audit.list']({ limit: 100 })).map((e) => e.detail))).not.toContain('张𠮷华');

    const history = await t.s.client['claimants.get']({ id: t.unitB.id });
    expect(history.claimant).toMatchObject({ claims: 1, fulfilled: 1 });
    expect(history.history).toEqual([expect.objectContaining({ wishNo: w0.wishNo, percent: 40, valueFen: 19200, status: 'followedUp', handoverDate: '2026-12-02', beneficiaryMasked: '张*华', cancelled: false })]);

    const stats = await t.s.client['wishes.stats']({ from: '2026-11', to: '2026-12' });
    expect(stats.months).toEqual([
      { month: '2026-11', recorded: 1, published: 1, claimed: 1, fulfilled: 0, expired: 0 },
      { month: '2026-12', recorded: 0, published: 0, claimed: 0, fulfilled: 1, expired: 0 },
    ]);
    expect(stats.byCategory.find((c) => c.category === '助残')).toEqual({ category: '助残', recorded: 1, fulfilled: 1, valueFen: 48000 });
    expect(stats.byClaimantUnit.map((u) => [u.name, u.claims, u.fulfilled, u.valueFen])).toEqual([
      ['长安区建设银行支行', 1, 1, 28800],
      ['石家庄康复器械有限公司', 1, 1, 19200],
    ]);
    expect(stats.avgDaysToClaim).toBe(0);
    expect(stats.avgDaysToFulfil).toBe(5);
    t.s.close();
  });

  it('keeps a wish above the cap for the 站长: a clerk cannot publish or approve it, the head can', async () => {
    const t = await station();
    await addStaff(t.s.client, { name: '李娜', login: 'lina', role: 'clerk', password: 'Clerk2026a' });
    await addStaff(t.s.client, { name: '赵站长', login: 'zhao', role: 'head', password: 'Head2026a' });
    await t.s.client['auth.signIn']({ login: 'lina', password: 'Clerk2026a' });
    const { record, awaitingApproval } = await wish(t, { value: 800, publishNow: true });
    expect(awaitingApproval).toBe(true);
    expect(record).toMatchObject({ status: 'pending', needsApproval: true, capFen: 50000 });
    const e = await refused(t.s.client['wishes.publish']({ id: record.id, version: record.version }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toBe('该心愿预估价值 800.00 元，超过本站上限 500.00 元，须由站长审批后发布');
    expect(await expectAppError(t.s.client['wishes.approve']({ id: record.id, version: record.version }), 'FORBIDDEN')).toBe('只有站长或管理员可以审批心愿、设置价值上限');
    expect(await expectAppError(t.s.client['wishes.setCap']({ valueCap: 1000 }), 'FORBIDDEN')).toContain('站长');

    await t.s.client['auth.signIn']({ login: 'zhao', password: 'Head2026a' });
    const { record: approved } = await t.s.client['wishes.approve']({ id: record.id, version: record.version, note: '同意发布' });
    expect(approved).toMatchObject({ status: 'published', publishedByName: '赵站长' });
    expect((await t.s.client['wishes.get']({ id: record.id })).events.map((e) => e.step)).toEqual(['create', 'approve']);

    // the head raises the cap: a wish of 800 is now within it
    expect(await t.s.client['wishes.setCap']({ valueCap: '1000' })).toEqual({ valueCapFen: 100000, valueCapYuan: '1000.00' });
    await t.s.client['auth.signIn']({ login: 'lina', password: 'Clerk2026a' });
    const { record: w2 } = await wish(t, { value: 800, publishNow: true });
    expect(w2.status).toBe('published');
    t.s.close();
  });

  it('rejects (未通过) and withdraws (已撤回) with their reasons; nothing further is allowed', async () => {
    const t = await station();
    const { record: a } = await wish(t);
    const { record: ra } = await t.s.client['wishes.reject']({ id: a.id, version: a.version, reason: '不属于微心愿范围' });
    expect(ra).toMatchObject({ status: 'rejected', reason: '不属于微心愿范围' });
    expect(await expectAppError(t.s.client['wishes.publish']({ id: a.id, version: ra.version }), 'CONFLICT')).toContain('未通过');
    expect((await refused(t.s.client['wishes.reject']({ id: a.id, version: ra.version, reason: '' }))).fields).toEqual({ reason: '请填写不通过原因' });

    const { record: b } = await wish(t, { publishNow: true });
    const { record: bc } = await t.s.client['wishes.claim']({ id: b.id, version: b.version, shares: [{ claimantId: t.person.id, percent: 100 }], promisedHandoverDate: '2026-11-30' });
    expect(bc.claim!.shares[0]).toMatchObject({ name: '王志强', publicName: '王*强' });
    const { record: bw } = await t.s.client['wishes.withdraw']({ id: b.id, version: bc.version, reason: '受助人已搬离' });
    expect(bw).toMatchObject({ status: 'withdrawn', claim: null, reason: '受助人已搬离' });
    const claims = (await t.s.client['wishes.get']({ id: b.id })).claims;
    expect(claims[0]).toMatchObject({ cancelReason: '受助人已搬离' });
    expect((await t.s.client['claimants.get']({ id: t.person.id })).history[0]).toMatchObject({ cancelled: true, status: 'withdrawn' });
    t.s.close();
  });

  it('cancels a claim (认领取消) and lets another claimant take the wish, numbered R2', async () => {
    const t = await station();
    const { record: w } = await wish(t, { publishNow: true });
    const { record: c1 } = await t.s.client['wishes.claim']({ id: w.id, version: w.version, shares: [{ claimantId: t.person.id, percent: 100 }], promisedHandoverDate: '2026-12-01' });
    const { record: back } = await t.s.client['wishes.unclaim']({ id: w.id, version: c1.version, reason: '认领人临时出差' });
    expect(back).toMatchObject({ status: 'published', claim: null });
    const { record: c2 } = await t.s.client['wishes.claim']({ id: w.id, version: back.version, shares: [{ claimantId: t.unitA.id, percent: 100 }], promisedHandoverDate: '2026-12-02' });
    expect(c2.claim!.claimNo).toBe(`${w.wishNo}-R2`);
    expect((await t.s.client['claimants.get']({ id: t.person.id })).claimant.claims).toBe(0);
    t.s.close();
  });
});

describe('微心愿: bad input is refused by field, nothing half-saved', () => {
  it('refuses a value that is not a number or negative, and a deadline in the past', async () => {
    const t = await station();
    const before = [count(t, 'wishes'), count(t, 'outbox'), count(t, 'audit_log')];
    expect((await refused(wish(t, { value: 'abc' }))).fields).toEqual({ value: '预估价值须为数字（元），最多两位小数' });
    expect((await refused(wish(t, { value: -20 }))).fields).toEqual({ value: '预估价值不能为负数' });
    const past = await refused(wish(t, { deadline: '2026-11-26' }));
    expect(past.code).toBe('VALIDATION');
    expect(past.fields).toEqual({ deadline: '心愿截止日期不能早于今天' });
    expect((await refused(wish(t, { deadline: '2026-02-30' }))).fields?.deadline).toContain('格式应为');
    expect((await refused(wish(t, { title: '' }))).fields).toEqual({ title: '请填写心愿标题' });
    expect((await refused(wish(t, { title: '轮椅\u202E' }))).fields?.title).toContain('改变文字方向');
    expect([count(t, 'wishes'), count(t, 'outbox'), count(t, 'audit_log')]).toEqual(before);
    // today is still allowed: the deadline is the last day
    expect((await wish(t, { deadline: '2026-11-27' })).record.status).toBe('pending');
    t.s.close();
  });

  it('refuses a claim on a wish not published, shares that do not add up, and an unknown claimant; the wish stays as it was', async () => {
    const t = await station();
    const { record: w } = await wish(t);
    const e = await refused(t.s.client['wishes.claim']({ id: w.id, version: w.version, shares: [{ claimantId: t.unitA.id, percent: 100 }], promisedHandoverDate: '2026-12-01' }));
    expect([e.code, e.message]).toEqual(['CONFLICT', '该心愿尚未发布，发布后才能认领']);

    const { record: p } = await t.s.client['wishes.publish']({ id: w.id, version: w.version });
    const outboxBefore = count(t, 'outbox');
    const sum = await refused(t.s.client['wishes.claim']({ id: w.id, version: p.version, shares: [{ claimantId: t.unitA.id, percent: 50 }, { claimantId: t.unitB.id, percent: 40 }], promisedHandoverDate: '2026-12-01' }));
    expect(sum.fields).toEqual({ shares: '各认领方份额合计须为 100%，现为 90%' });
    expect((await refused(t.s.client['wishes.claim']({ id: w.id, version: p.version, shares: [{ claimantId: t.unitA.id, percent: 60.5 }, { claimantId: t.unitB.id, percent: 39.5 }], promisedHandoverDate: '2026-12-01' }))).fields).toEqual({ 'shares.0.percent': '认领份额须为整数（百分比）', 'shares.1.percent': '认领份额须为整数（百分比）' });
    // the unknown claimant is found only inside the write: the claim row already inserted must roll back with it
    const unknown = await refused(t.s.client['wishes.claim']({ id: w.id, version: p.version, shares: [{ claimantId: t.unitA.id, percent: 50 }, { claimantId: 'nobody', percent: 50 }], promisedHandoverDate: '2026-12-01' }));
    expect(unknown.fields).toEqual({ 'shares.1.claimantId': '未找到该认领方，请先登记' });
    expect((await refused(t.s.client['wishes.claim']({ id: w.id, version: p.version, shares: [{ claimantId: t.unitA.id, percent: 100 }], promisedHandoverDate: '2026-11-26' }))).fields).toEqual({ promisedHandoverDate: '承诺交接日期不能早于今天' });
    expect(await expectAppError(t.s.client['wishes.claim']({ id: w.id, version: w.version, shares: [{ claimantId: t.unitA.id, percent: 100 }], promisedHandoverDate: '2026-12-01' }), 'CONFLICT')).toContain('刷新');
    expect([count(t, 'wish_claims'), count(t, 'wish_claim_shares'), count(t, 'outbox')]).toEqual([0, 0, outboxBefore]);
    expect((await t.s.client['wishes.get']({ id: w.id })).record).toMatchObject({ status: 'published', version: p.version, claim: null });
    t.s.close();
  });

  it('refuses a proof that is not an image, too large or for a wish not claimed; and a fulfilment without proof or dated ahead', async () => {
    const t = await station();
    const { record: w } = await wish(t, { publishNow: true });
    expect(await expectAppError(t.s.client['wishes.proofUpload']({ id: w.id, fileName: 'a.png', base64: PNG_1PX }), 'CONFLICT')).toContain('认领后');
    const { record: c } = await t.s.client['wishes.claim']({ id: w.id, version: w.version, shares: [{ claimantId: t.unitA.id, percent: 100 }], promisedHandoverDate: '2026-12-01' });
    const notImage = [Buffer.from('这不是图片，是一段文字'), Buffer.from('%PDF-1.7\n1 0 obj\n'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')];
    for (const bytes of notImage) {
      const e = await refused(t.s.client['wishes.proofUpload']({ id: w.id, fileName: '照片.png', base64: bytes.toString('base64') }));
      expect(e.fields).toEqual({ base64: '该文件不是图片（只接受 JPG、PNG、WebP 格式的照片或扫描件）' });
    }
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    Buffer.from(PNG_1PX, 'base64').copy(big);
    expect((await refused(t.s.client['wishes.proofUpload']({ id: w.id, fileName: 'big.png', base64: big.toString('base64') }))).fields?.base64).toMatch(/文件(过大|不能超过)/);
    expect((await refused(t.s.client['wishes.proofUpload']({ id: w.id, fileName: 'x.png', base64: '不是base64!!' }))).fields?.base64).toContain('无法读取');
    expect(count(t, 'wish_proofs')).toBe(0);
    expect(fs.existsSync(path.join(t.s.dataDir, 'wish-proofs')) ? fs.readdirSync(path.join(t.s.dataDir, 'wish-proofs')) : []).toEqual([]);

    const fulfil = (over: Record<string, unknown>) => t.s.client['wishes.fulfil']({ id: w.id, version: c.version, handoverDate: '2026-11-27', delivered: '轮椅一台', proofIds: [], confirmation: '本人签收', ...over });
    expect((await refused(fulfil({}))).fields).toEqual({ proofIds: '请上传至少一张交接照片或扫描件' });
    const { proof } = await t.s.client['wishes.proofUpload']({ id: w.id, fileName: 'a.png', base64: PNG_1PX });
    expect((await refused(fulfil({ proofIds: [proof.id], handoverDate: '2026-11-28' }))).fields).toEqual({ handoverDate: '交接日期不能晚于今天' });
    expect((await refused(fulfil({ proofIds: ['other'] }))).fields).toEqual({ 'proofIds.0': '该凭证文件不属于本心愿，请重新上传' });
    expect((await refused(fulfil({ proofIds: [proof.id], confirmation: '家属代为签收' }))).fields).toEqual({ confirmerName: '家属代为签收的，请填写代签人姓名' });
    expect((await t.s.client['wishes.get']({ id: w.id })).record.status).toBe('claimed');
    expect((await fulfil({ proofIds: [proof.id] })).record.status).toBe('fulfilled');
    t.s.close();
  });
});

describe('微心愿: expiry by the injected clock', () => {
  it('shows an unclaimed wish past its deadline as 已过期, records it once through the write path, and refuses a claim', async () => {
    const t = await station();
    const { record: open } = await wish(t, { publishNow: true, deadline: '2026-11-29' });
    const { record: pending } = await wish(t, { deadline: '2026-11-29', title: '助学文具' });
    const { record: claimed } = await wish(t, { publishNow: true, deadline: '2026-11-29', title: '米面油' });
    await t.s.client['wishes.claim']({ id: claimed.id, version: claimed.version, shares: [{ claimantId: t.unitA.id, percent: 100 }], promisedHandoverDate: '2026-12-10' });

    await later(t, { iso: '2026-11-29T15:59:00.000Z' }); // 23:59 on the deadline day at the station
    expect((await t.s.client['wishes.list']({ status: 'expired' })).length).toBe(0);
    expect((await t.s.client['wishes.wall']({})).cards.map((c) => c.title).sort()).toEqual(['一台轮椅', '米面油']);

    await later(t, { iso: '2026-11-29T16:00:00.000Z' }); // 00:00 the day after
    const wall = await t.s.client['wishes.wall']({});
    expect(wall.cards.map((c) => [c.title, c.claimState])).toEqual([['米面油', 'claimed']]);
    const expired = await t.s.client['wishes.list']({ status: 'expired' });
    expect(expired.map((w) => w.id).sort()).toEqual([open.id, pending.id].sort());
    expect((await t.s.client['wishes.get']({ id: claimed.id })).record.status).toBe('claimed');

    // shown 已过期 by the read, recorded by the step's sweep (the read writes nothing)
    const got = await t.s.client['wishes.get']({ id: open.id });
    expect(got.record.status).toBe('expired');
    expect(got.events.map((x) => x.step)).not.toContain('expire');
    const e = await refused(t.s.client['wishes.claim']({ id: open.id, version: got.record.version, shares: [{ claimantId: t.unitA.id, percent: 100 }], promisedHandoverDate: '2026-12-10' }));
    expect(e.message).toContain('已过期');
    expect((await t.s.client['wishes.get']({ id: open.id })).events.at(-1)).toMatchObject({ step: 'expire', from: 'published', to: 'expired', byName: '系统' });

    // recorded once, whatever reads come after
    await t.s.client['wishes.list']({});
    await t.s.client['wishes.stats']({});
    const audit = await t.s.client['audit.search']({ filter: { action: 'wish.expire' } });
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries.every((a) => a.actorId === null)).toBe(true);
    expect(outbox(t).filter((x) => x.payload.step === 'expire')).toHaveLength(2);
    expect((await t.s.client['wishes.stats']({ from: '2026-11', to: '2026-11' })).months[0]).toMatchObject({ recorded: 3, published: 2, claimed: 1, expired: 2 });
    t.s.close();
  });
});

describe('微心愿: idempotent creates', () => {
  it('answers a repeated create or claim with the first result and makes nothing twice', async () => {
    const t = await station();
    const requestId = '0192f3a4-5b6c-7d8e-9f00-112233445566';
    const a = await wish(t, { requestId, publishNow: true });
    const b = await wish(t, { requestId, publishNow: true });
    expect(b.record.id).toBe(a.record.id);
    expect(count(t, 'wishes')).toBe(1);
    expect(outbox(t).length).toBe(2);

    const claimId = '0192f3a4-5b6c-7d8e-9f00-112233445577';
    const input = { requestId: claimId, id: a.record.id, version: a.record.version, shares: [{ claimantId: t.unitA.id, percent: 50 }, { claimantId: t.unitB.id, percent: 50 }], promisedHandoverDate: '2026-12-01' };
    const c1 = await t.s.client['wishes.claim'](input);
    const c2 = await t.s.client['wishes.claim'](input);
    expect(c2.record.claim!.id).toBe(c1.record.claim!.id);
    expect([count(t, 'wish_claims'), count(t, 'wish_claim_shares')]).toEqual([1, 2]);

    const pr = '0192f3a4-5b6c-7d8e-9f00-112233445588';
    const p1 = await t.s.client['wishes.proofUpload']({ requestId: pr, id: a.record.id, fileName: 'a.png', base64: PNG_1PX });
    const p2 = await t.s.client['wishes.proofUpload']({ requestId: pr, id: a.record.id, fileName: 'a.png', base64: PNG_1PX });
    // the same photo again under a new request is the same proof too
    const p3 = await t.s.client['wishes.proofUpload']({ id: a.record.id, fileName: 'again.png', base64: PNG_1PX });
    expect(new Set([p1.proof.id, p2.proof.id, p3.proof.id]).size).toBe(1);
    expect(count(t, 'wish_proofs')).toBe(1);

    const cr = '0192f3a4-5b6c-7d8e-9f00-112233445599';
    const k1 = await t.s.client['claimants.create']({ requestId: cr, category: '志愿者', name: '孙丽', phone: '13600136000' });
    const k2 = await t.s.client['claimants.create']({ requestId: cr, category: '志愿者', name: '孙丽', phone: '13600136000' });
    expect(k2.claimant.id).toBe(k1.claimant.id);
    expect(count(t, 'claimants')).toBe(4);
    t.s.close();
  });
});

describe('认领方 registry', () => {
  it('warns on a 统一社会信用代码 that fails GB 32100 but saves it; refuses a unit without a contact', async () => {
    const t = await station();
    expect(t.unitA.creditCodeWarning).toBeNull();
    const bad = await t.s.client['claimants.create']({ category: '党组织', name: '建北街道第一党支部', contactName: '周敏', phone: '0311-86012222', creditCode: '91350100m000100y44' });
    expect(bad.warnings).toEqual([{ field: 'creditCode', message: '统一社会信用代码校验位不符（按 GB 32100 第 18 位应为 3），请核对（已保存）' }]);
    expect(bad.claimant).toMatchObject({ creditCode: '91350100M000100Y44', kind: 'unit', creditCodeWarning: expect.stringContaining('校验位不符') });
    expect((await refused(t.s.client['claimants.create']({ category: '企业', name: '某公司', phone: '13900139001' }))).fields).toEqual({ contactName: '单位认领方请填写联系人' });
    expect((await refused(t.s.client['claimants.create']({ category: '志愿者', name: '某人', phone: '12345' }))).fields?.phone).toBeTruthy();

    const upd = await t.s.client['claimants.update']({ id: bad.claimant.id, version: bad.claimant.version, category: '党组织', name: '建北街道第一党支部', contactName: '周敏', phone: '0311-86012222', creditCode: '91350100M000100Y43' });
    expect(upd.warnings).toEqual([]);
    expect(upd.claimant.version).toBe(2);
    expect((await refused(t.s.client['claimants.update']({ id: t.person.id, version: 1, category: '企业', name: '王志强', contactName: '王志强', phone: '13700137000' }))).fields).toEqual({ category: '不能在个人与单位之间改类别，请另行登记' });

    expect((await t.s.client['claimants.list']({ kind: 'unit' })).map((c) => c.name).sort()).toEqual(['建北街道第一党支部', '石家庄康复器械有限公司', '长安区建设银行支行'].sort());
    expect((await t.s.client['claimants.list']({ text: '志强' })).map((c) => c.publicName)).toEqual(['王*强']);
    // a claimant's phone never goes to the county or the log
    expect(JSON.stringify(outbox(t, 'claimant'))).not.toContain('13700137000');
    t.s.close();
  });
});

describe('心愿墙', () => {
  it('shows published and claimed wishes with masked names and nothing private, filterable', async () => {
    const t = await station();
    const { record: a } = await wish(t, { publishNow: true });
    await wish(t, { publishNow: true, title: '助学书包', category: '助学', value: 120 });
    await wish(t, { title: '待审核的心愿' });
    await t.s.client['wishes.claim']({ id: a.id, version: a.version, shares: [{ claimantId: t.unitA.id, percent: 50 }, { claimantId: t.person.id, percent: 50 }], promisedHandoverDate: '2026-12-01' });
    const wall = await t.s.client['wishes.wall']({});
    expect(wall.stationName).toBe('长安区建北街道党群服务中心');
    expect(wall.cards.map((c) => [c.title, c.claimState, c.beneficiaryMasked, c.claimedBy])).toEqual([
      ['助学书包', 'open', '张*华', []],
      ['一台轮椅', 'claimed', '张*华', ['长安区建设银行支行', '王*强']],
    ]);
    expect(wall.cards[0]).toMatchObject({ valueYuan: '120.00', deadline: '2026-12-31', daysLeft: 34 });
    const text = JSON.stringify(wall);
    for (const secret of ['张𠮷华', '11010519491231002X', '13800138000', '三楼', '王志强', '13700137000']) expect(text).not.toContain(secret);
    expect((await t.s.client['wishes.wall']({ category: '助学' })).cards).toHaveLength(1);
    expect((await t.s.client['wishes.wall']({ claimState: 'claimed' })).cards.map((c) => c.title)).toEqual(['一台轮椅']);
    expect((await t.s.client['wishes.list']({ text: '书包' })).map((w) => w.title)).toEqual(['助学书包']);
    expect((await t.s.client['wishes.list']({ month: '2026-11', category: '助残' })).map((w) => w.title).sort()).toEqual(['一台轮椅', '待审核的心愿']);
    expect((await t.s.client['wishes.list']({ month: '2026-12' })).length).toBe(0);
    t.s.close();
  });
});

describe('微心愿 refusals in the clerk’s order, and retries', () => {
  it('says a wish not published cannot be claimed before it looks at the shares or the date', async () => {
    const t = await station();
    const w = (await wish(t, { value: '600', publishNow: true })).record;
    expect(w.status).toBe('pending');
    const e = await refused(t.s.client['wishes.claim']({ id: w.id, version: w.version, shares: [{ claimantId: t.unitA.id, percent: 90 }], promisedHandoverDate: '2026-11-01' }));
    expect(e.message).toBe('该心愿尚未发布，发布后才能认领');
    expect(count(t, 'wish_claims')).toBe(0);
    // a follow-up of a wish not handed over, on a day still to come: the state is what is wrong
    const f = await refused(t.s.client['wishes.followUp']({ id: w.id, version: w.version, visitedOn: '2027-01-05', satisfaction: '满意' }));
    expect(f.message).toBe('该心愿当前为“待审核”，圆梦交接后才能回访');
  });

  it('answers yesterday’s create repeated today with the wish it made, though its deadline was yesterday', async () => {
    const t = await station();
    const requestId = randomUUID();
    const first = (await wish(t, { requestId, deadline: '2026-11-27' })).record;
    await later(t, { ms: DAY });
    const again = (await wish(t, { requestId, deadline: '2026-11-27' })).record;
    expect(again.id).toBe(first.id);
    expect(count(t, 'wishes')).toBe(1);
    // a new create with that deadline is refused at the field
    expect((await refused(wish(t, { deadline: '2026-11-27' }))).fields).toEqual({ deadline: '心愿截止日期不能早于今天' });
  });

  it('leaves no proof file behind when its row is not saved', async () => {
    const t = await station();
    const w = (await wish(t, { publishNow: true })).record;
    const claimed = (await t.s.client['wishes.claim']({ id: w.id, version: w.version, shares: [{ claimantId: t.person.id, percent: 100 }], promisedHandoverDate: '2026-12-05' })).record;
    expect(claimed.status).toBe('claimed');
    // the database refuses the row (as a full disk or a damaged file would)
    const db = openDb(t.s.dbPath);
    db.exec("CREATE TRIGGER refuse_proof BEFORE INSERT ON wish_proofs BEGIN SELECT RAISE(ABORT, 'refused'); END");
    db.close();
    await expect(t.s.client['wishes.proofUpload']({ id: w.id, fileName: '交接照片.png', base64: PNG_1PX })).rejects.toThrow();
    const dir = path.join(t.s.dataDir, 'wish-proofs');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    expect(count(t, 'wish_proofs')).toBe(0);
  });
});
