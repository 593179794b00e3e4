/** The 当场办结回执 (the acceptance receipt's on-the-spot variant), the 代领 lines of the 领取回执, and the 转报单. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import type { PaperLayout, TransmittalData } from '../../main/pdf/types';
import { RARE_NAME, acceptanceData, compact, completionData, pdfInfo, pdfText } from '../helpers/pdf';

const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
const LAYOUTS: PaperLayout[] = ['a4', 'thermal80'];

describe('当场办结回执', () => {
  for (const layout of LAYOUTS) {
    it(`says it was done on the spot, with the result and the handover, and no promised date (${layout})`, async () => {
      const data = acceptanceData({ onTheSpot: { completedAt: '2026-11-27T01:05:00.000Z', result: '已出具居住证明一份', handedOverTo: RARE_NAME } });
      const r = await renderDocument(fonts, { kind: 'intake.acceptance', data }, { layout });
      const text = compact(pdfText(r.pdf));
      expect(r.pages).toBe(1);
      expect(r.missingGlyphs).toBe(0);
      for (const f of ['当场办结回执', data.receiptNo, '当场办结', '已出具居住证明一份', `已当场交付，${RARE_NAME}领取`, data.applicant.idMasked]) expect(text, f).toContain(compact(f));
      expect(text).not.toContain('承诺办结');
    });
  }

  it('keeps the ordinary 受理回执 unchanged without the variant', async () => {
    const text = compact(pdfText((await renderDocument(fonts, { kind: 'intake.acceptance', data: acceptanceData() }, { layout: 'a4' })).pdf));
    expect(text).toContain('承诺办结');
    expect(text).not.toContain('当场办结回执');
  });
});

describe('领取回执 by a proxy (代领)', () => {
  it('names the proxy, the masked 身份证号 and the relation', async () => {
    const d = completionData();
    const data = { ...d, handover: { kind: '领取' as const, at: d.completedAt, receiverName: '赵小敏' }, proxy: { name: '赵小敏', idMasked: '130102********0527', relation: '子女' } };
    const text = compact(pdfText((await renderDocument(fonts, { kind: 'intake.completion', data }, { layout: 'thermal80' })).pdf));
    for (const f of ['代领人', '赵小敏', '130102********0527', '与申请人关系', '子女']) expect(text, f).toContain(f);
  });
});

describe('转报单', () => {
  const items = Array.from({ length: 12 }, (_, i) => ({
    receiptNo: `130102001-20261127-${String(i + 1).padStart(4, '0')}`,
    itemName: i % 2 ? '老年证办理' : '残疾人两项补贴',
    applicantName: i === 0 ? RARE_NAME : `居民${i}`,
    idMasked: '130102********1234',
    acceptedAt: '2026-11-27T01:00:00.000Z',
    materials: ['居民身份证原件及复印件', '户口簿原件及复印件', '一寸免冠彩色照片 2 张'],
  }));
  const data: TransmittalData = {
    station: { code: '130102001', name: '长安区建北街道党群服务中心', county: '石家庄市长安区', address: '中山东路 12 号', phone: '0311-86012345' },
    transmittalNo: '130102001-20261127-Z0001',
    department: '县民政局',
    channel: '其他（县民政局来站取件）',
    receiverName: '李娜',
    receivedAt: '2026-11-27T03:00:00.000Z',
    createdAt: '2026-11-27T03:05:00.000Z',
    clerkName: '王建国',
    items,
  };

  it('lists every item on A4, each receipt number, applicant and materials, the count and both signers', async () => {
    const r = await renderDocument(fonts, { kind: 'intake.transmittal', data }, { layout: 'a4' });
    expect(pdfInfo(r.pdf)).toMatchObject({ width: 595.28, height: 841.89 });
    expect(r.missingGlyphs).toBe(0);
    const text = compact(pdfText(r.pdf));
    for (const f of ['转报单', data.transmittalNo, '县民政局', '其他（县民政局来站取件）', '李娜', '共12件', '报送人', '接收人', RARE_NAME, '居民11']) expect(text, f).toContain(compact(f));
    for (const it of items) expect(text).toContain(it.receiptNo.slice(10));
  });
});
