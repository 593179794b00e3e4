/**
 * The 微心愿 papers issued from real records on a real SQLite file, read back with
 * pdftotext: the beneficiary masked (𠈌*𪚥 — both ends CJK Ext-B), no 身份证号, phone or
 * address of theirs, every rare character of the wish and the claimants present.
 */
import { describe, expect, it } from 'vitest';
import { manualClock, setUpStation, expectAppError } from '../helpers/station';
import { compact, pdfInfo, pdfText, readQr } from '../helpers/pdf';
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const BENEFICIARY = '𠈌小𪚥';
const ID_NUMBER = '11010519491231002X';
const PHONE = '13800138000';
const ADDRESS = '建北街道中山东路 3 号院 2 单元 101';

async function station() {
  const s = await setUpStation({ clock: manualClock('2026-11-27T01:00:00.000Z') });
  const resident = await s.client['residents.create']({ name: BENEFICIARY, idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS, tags: [{ tag: '空巢老人', since: '2020-01-01' }] });
  const unit = (await s.client['claimants.create']({ category: '企业', name: '长安区𠀀记建材有限公司', contactName: '刘洋', phone: '0311-86011111' })).claimant;
  const person = (await s.client['claimants.create']({ category: '党员', name: '王𪚥军', phone: '13700137000' })).claimant;
  const { record } = await s.client['wishes.create']({ residentId: resident.id, title: '一台𡒄牌助行轮椅', description: '老人住三楼', category: '助残', value: '480', source: '入户走访', deadline: '2026-12-31', publishNow: true });
  return { s, record, unit, person };
}

async function pdfOf(s: Awaited<ReturnType<typeof station>>['s'], out: { documentId: string | null; documentError: string | null }) {
  expect(out.documentError).toBeNull();
  const got = await s.client['documents.get']({ id: out.documentId! });
  return { meta: got.document, pdf: Buffer.from(got.pdfBase64, 'base64') };
}

function expectPrivate(text: string) {
  expect(text).not.toContain(BENEFICIARY);
  expect(text).not.toContain(ID_NUMBER);
  expect(text).not.toContain(PHONE);
  expect(text).not.toContain(compact(ADDRESS));
  expect(text).not.toContain('三楼');
}

describe('微心愿 papers from the records', () => {
  it('poster lists the open wish with its QR number; 认领凭证 per claimant of a joint claim; 圆梦交接单 after the handover', async () => {
    const { s, record, unit, person } = await station();

    const poster = await pdfOf(s, await s.client['wishDocs.poster']({ paper: 'a3' }));
    expect(poster.meta.kind).toBe('wish.poster');
    expect(pdfInfo(poster.pdf).width).toBeCloseTo(841.89, 0);
    const pt = compact(pdfText(poster.pdf));
    for (const x of [record.wishNo, '一台𡒄牌助行轮椅', '受助居民：𠈌*𪚥']) expect(pt, x).toContain(x);
    expectPrivate(pt);
    expect(readQr(poster.pdf)).toBe(record.wishNo);

    // not claimed yet: no voucher, no handover sheet, and a clear word why
    await expectAppError(s.client['wishDocs.claimVoucher']({ id: record.id }), 'CONFLICT');

    const { record: claimed } = await s.client['wishes.claim']({ id: record.id, version: record.version, shares: [{ claimantId: unit.id, percent: 60 }, { claimantId: person.id, percent: 40 }], promisedHandoverDate: '2026-12-05' });
    const v1 = await pdfOf(s, await s.client['wishDocs.claimVoucher']({ id: record.id, claimantId: unit.id }));
    const v2 = await pdfOf(s, await s.client['wishDocs.claimVoucher']({ id: record.id, claimantId: person.id }));
    expect([v1.meta.number, v2.meta.number]).toEqual([`${claimed.claim!.claimNo}-1`, `${claimed.claim!.claimNo}-2`]);
    const t1 = compact(pdfText(v1.pdf));
    for (const x of ['微心愿认领凭证', record.wishNo, '一台𡒄牌助行轮椅', '𠈌*𪚥', '长安区𠀀记建材有限公司', '60%', '2026年12月5日', '0311-86012345']) expect(t1, x).toContain(x);
    // the voucher for the unit names the co-claiming person only masked
    expect(t1).toContain('王*军');
    expect(t1).not.toContain('王𪚥军');
    expect(compact(pdfText(v2.pdf))).toContain('王𪚥军');
    expectPrivate(t1);

    await expectAppError(s.client['wishDocs.handover']({ id: record.id }), 'CONFLICT');
    const { proof } = await s.client['wishes.proofUpload']({ id: record.id, fileName: '交接.png', base64: PNG_1PX });
    await s.client['wishes.fulfil']({ id: record.id, version: claimed.version, handoverDate: '2026-11-27', delivered: '助行轮椅一台（已调试）', proofIds: [proof.id], confirmation: '本人签收' });
    const h = await pdfOf(s, await s.client['wishDocs.handover']({ id: record.id }));
    expect(h.meta.kind).toBe('wish.handover');
    const ht = compact(pdfText(h.pdf));
    for (const x of ['圆梦交接单', record.wishNo, '𠈌*𪚥', '助行轮椅一台（已调试）', '长安区𠀀记建材有限公司', '王𪚥军', '受助人签收', '认领方一签字', '认领方二签字', '经办人签字', '本人签收', proof.sha256.slice(0, 12)]) expect(ht, x).toContain(x);
    expectPrivate(ht);

    // the papers are archived against the wish and listed with it
    const listed = await s.client['documents.listFor']({ entity: 'wish', entityId: record.id });
    expect(listed.map((d) => d.kind)).toEqual(['wish.claim', 'wish.claim', 'wish.handover']);
  });

  it('a poster with nothing open says so; a voucher for someone not in the claim is refused', async () => {
    const { s, record, unit } = await station();
    await s.client['wishes.withdraw']({ id: record.id, version: record.version, reason: '居民已自行解决' });
    const p = await pdfOf(s, await s.client['wishDocs.poster']({ paper: 'a4' }));
    expect(compact(pdfText(p.pdf))).toContain('目前没有待认领的心愿');
    await expectAppError(s.client['wishDocs.claimVoucher']({ id: record.id, claimantId: unit.id }), 'CONFLICT');
  });

  it('a poster for one category lists only that category and says so under its title', async () => {
    const { s, record } = await station();
    const { record: rice } = await s.client['wishes.create']({ residentId: record.residentId, title: '一袋米', description: '', category: '生活物资', value: '80', source: '居民提出', deadline: '2026-12-31', publishNow: true });
    const all = compact(pdfText((await pdfOf(s, await s.client['wishDocs.poster']({ paper: 'a4' }))).pdf));
    expect(all).toContain(record.wishNo);
    expect(all).toContain(rice.wishNo);
    expect(all).not.toContain('本期：');
    const one = compact(pdfText((await pdfOf(s, await s.client['wishDocs.poster']({ paper: 'a4', category: '助残' }))).pdf));
    expect(one).toContain('本期：助残类心愿');
    expect(one).toContain(record.wishNo);
    expect(one).not.toContain(rice.wishNo);
  });

  it('a one-character name is hidden whole (*) on the wall, the hall screen and every paper, and the papers print', async () => {
    const s = await setUpStation({ clock: manualClock('2026-11-27T01:00:00.000Z') });
    const resident = await s.client['residents.create']({ name: '𪚥', idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS });
    const unit = (await s.client['claimants.create']({ category: '企业', name: '长安区建材有限公司', contactName: '刘洋', phone: '0311-86011111' })).claimant;
    const person = (await s.client['claimants.create']({ category: '志愿者', name: '李', phone: '13700137000' })).claimant;
    const { record } = await s.client['wishes.create']({ residentId: resident.id, title: '一袋米', description: '', category: '生活物资', value: '80', source: '居民提出', deadline: '2026-12-31', publishNow: true });
    expect(record.beneficiaryMasked).toBe('*');
    expect((await s.client['wishes.wall']({})).cards.map((c) => c.beneficiaryMasked)).toEqual(['*']);
    const { token } = await s.client['wishes.lobbyCreate']({ label: '一楼大厅' });
    expect(JSON.stringify(s.calls.lobby.wall(token, {}))).not.toContain('𪚥');

    const poster = compact(pdfText((await pdfOf(s, await s.client['wishDocs.poster']({ paper: 'a4' }))).pdf));
    expect(poster).toContain('受助居民：*');
    const { record: claimed } = await s.client['wishes.claim']({ id: record.id, version: record.version, shares: [{ claimantId: unit.id, percent: 50 }, { claimantId: person.id, percent: 50 }], promisedHandoverDate: '2026-12-05' });
    const voucher = compact(pdfText((await pdfOf(s, await s.client['wishDocs.claimVoucher']({ id: record.id, claimantId: unit.id }))).pdf));
    expect(voucher).toContain('微心愿认领凭证');
    // the co-claiming volunteer, one character too, is hidden on the unit's voucher
    expect(voucher).not.toContain('李');
    const { proof } = await s.client['wishes.proofUpload']({ id: record.id, fileName: '交接.png', base64: PNG_1PX });
    await s.client['wishes.fulfil']({ id: record.id, version: claimed.version, handoverDate: '2026-11-27', delivered: '大米一袋', proofIds: [proof.id], confirmation: '本人签收' });
    const handover = compact(pdfText((await pdfOf(s, await s.client['wishDocs.handover']({ id: record.id }))).pdf));
    expect(handover).toContain('圆梦交接单');
    for (const t of [poster, voucher, handover]) {
      expect(t).not.toContain('𪚥');
      expect(t).not.toContain(ID_NUMBER);
    }
  });
});
