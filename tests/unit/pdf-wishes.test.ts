import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { calendarDateCn } from '../../main/pdf/format';
import { PrintableDocumentSchema } from '../../main/pdf/schema';
import type { PrintableDocument, WishClaimVoucherData, WishHandoverData, WishPosterData } from '../../main/pdf/types';
import { maskPersonName } from '../../common/person-name';
import { STATION_HEADER, compact, pdfInfo, pdfText, readQr } from '../helpers/pdf';

const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));

/** A beneficiary whose first and last characters are CJK Ext-B: both survive the mask. */
const BENEFICIARY = '𠈌小𪚥';
const WISH = { wishNo: '130102001-XY20261202-0001', title: '一台𡒄牌助行轮椅', category: '助残', value: 680, beneficiaryMasked: maskPersonName(BENEFICIARY) };
const UNIT = { name: '长安区𠀀记建材有限公司', kind: '企业', share: '50%' };
const PERSON = { name: '王𪚥军', kind: '党员', share: '50%' };

const claim: WishClaimVoucherData = {
  station: STATION_HEADER,
  wish: WISH,
  claimant: UNIT,
  claimants: [UNIT, PERSON],
  claimedAt: '2026-12-02T02:00:00.000Z',
  promisedDate: '2026-12-10',
  contactName: '李娜',
  clerkName: '李娜',
};
const handover: WishHandoverData = {
  station: STATION_HEADER,
  wish: WISH,
  claimants: [UNIT, PERSON],
  handoverDate: '2026-12-09',
  delivered: '助行轮椅一台（含坐垫）',
  proofSha256s: ['a'.repeat(64), 'b'.repeat(64)],
  confirmation: '本人签收',
  clerkName: '李娜',
  madeAt: '2026-12-09T03:00:00.000Z',
};
const poster = (paper: 'A4' | 'A3', n: number): WishPosterData => ({
  station: STATION_HEADER,
  paper,
  posterNo: '130102001-XYQ-20261202',
  madeAt: '2026-12-02T02:00:00.000Z',
  wishes: Array.from({ length: n }, (_, i) => ({ ...WISH, wishNo: `130102001-XY20261202-${String(i + 1).padStart(4, '0')}`, title: i === 0 ? WISH.title : `心愿${i + 1}：冬衣一件`, deadline: '2026-12-31', claimState: i % 2 ? '已认领' : '待认领' })),
  notListed: 0,
});

/** Whatever the paper, no full name of the beneficiary and nothing that looks like a 身份证号 or phone. */
function expectPrivate(text: string) {
  expect(text).not.toContain(BENEFICIARY);
  expect(text).not.toMatch(/\d{17}[\dX]/);
  expect(text).not.toMatch(/1[3-9]\d{9}/);
}

describe('微心愿 papers', () => {
  it.each(['a4', 'thermal80'] as const)('认领凭证 on %s: wish, masked beneficiary, claimants, promised date, station contact, every rare character', async (layout) => {
    const r = await renderDocument(fonts, { kind: 'wish.claim', data: claim }, { layout });
    expect(r.missingGlyphs).toBe(0);
    expect(r.title).toBe('微心愿认领凭证');
    const text = compact(pdfText(r.pdf));
    for (const s of ['微心愿认领凭证', WISH.wishNo, WISH.title, '𠈌*𪚥', UNIT.name, PERSON.name, '认领份额：50%', calendarDateCn('2026-12-10'), STATION_HEADER.phone, STATION_HEADER.name, '约680元', '助残']) expect(text, s).toContain(compact(s));
    for (const c of ['𠈌', '𪚥', '𡒄', '𠀀']) expect(text, c).toContain(c);
    expectPrivate(text);
    if (layout === 'a4') expect(pdfInfo(r.pdf).pages).toBe(1);
  });

  it('圆梦交接单: what was delivered, all claimants, a signature box for each of them, one A4 sheet', async () => {
    const r = await renderDocument(fonts, { kind: 'wish.handover', data: handover }, { layout: 'a4' });
    expect(r.missingGlyphs).toBe(0);
    const text = compact(pdfText(r.pdf));
    // a joint claim: each claimant numbered in the list and signing in a box of their own
    for (const s of ['圆梦交接单', WISH.wishNo, '𠈌*𪚥', handover.delivered, `认领方一：${UNIT.name}`, `认领方二：${PERSON.name}`, '受助人签收', '认领方一签字', '认领方二签字', '经办人签字', '本人签收', '2张照片已存档', 'aaaaaaaaaaaa…、bbbbbbbbbbbb…', calendarDateCn('2026-12-09')]) expect(text, s).toContain(compact(s));
    // one claimant: one 认领方 box, unnumbered
    const single = compact(pdfText((await renderDocument(fonts, { kind: 'wish.handover', data: { ...handover, claimants: [UNIT], proofSha256s: [] } }, { layout: 'a4' })).pdf));
    for (const s of ['认领方签字', '交接凭证无']) expect(single, s).toContain(compact(s));
    expect(single).not.toContain('认领方一');
    for (const c of ['𠈌', '𪚥', '𡒄', '𠀀']) expect(text, c).toContain(c);
    expectPrivate(text);
    expect(pdfInfo(r.pdf).pages).toBe(1);
  });

  it.each([
    ['A4', 595.28, 841.89],
    ['A3', 841.89, 1190.55],
  ] as const)('poster on %s: every open wish with its number, masked, on the right paper', async (paper, w, h) => {
    const data = poster(paper, 7);
    const r = await renderDocument(fonts, { kind: 'wish.poster', data }, { layout: 'a4' });
    expect(r.missingGlyphs).toBe(0);
    const info = pdfInfo(r.pdf);
    expect(info.width).toBeCloseTo(w, 0);
    expect(info.height).toBeCloseTo(h, 0);
    const text = compact(pdfText(r.pdf));
    expect(text).toContain('心愿墙');
    for (const x of data.wishes) {
      expect(text, x.wishNo).toContain(x.wishNo);
      expect(text, x.title).toContain(compact(x.title));
    }
    for (const c of ['𠈌', '𪚥', '𡒄']) expect(text, c).toContain(c);
    expect(text).toContain('受助居民：𠈌*𪚥');
    expectPrivate(text);
    if (process.env.SD_KEEP_PDF) fs.writeFileSync(path.join(process.env.SD_KEEP_PDF, `poster-${paper}.pdf`), r.pdf);
  });

  it('poster: the QR code of a card carries the wish number, as a phone reads it', async () => {
    const r = await renderDocument(fonts, { kind: 'wish.poster', data: poster('A4', 1) }, { layout: 'a4' });
    expect(readQr(r.pdf)).toBe('130102001-XY20261202-0001');
  });

  it('a poster printed again is marked 补打 like every other form', async () => {
    const r = await renderDocument(fonts, { kind: 'wish.poster', data: poster('A4', 2) }, { layout: 'a4', reprint: { n: 2, at: '2026-12-03T02:00:00.000Z' } });
    expect(compact(pdfText(r.pdf))).toContain(compact('补打（第 2 次）'));
    const first = await renderDocument(fonts, { kind: 'wish.poster', data: poster('A4', 2) }, { layout: 'a4' });
    expect(compact(pdfText(first.pdf))).not.toContain('补打');
  });

  it('poster says how many open wishes it had no room for, and says nothing when it listed them all', async () => {
    const more = compact(pdfText((await renderDocument(fonts, { kind: 'wish.poster', data: { ...poster('A4', 2), notListed: 37 } }, { layout: 'a4' })).pdf));
    expect(more).toContain(compact('另有 37 个待认领心愿未能列出'));
    expect(compact(pdfText((await renderDocument(fonts, { kind: 'wish.poster', data: poster('A4', 2) }, { layout: 'a4' })).pdf))).not.toContain('未能列出');
  });

  it('poster with no open wish says so instead of printing an empty grid', async () => {
    const r = await renderDocument(fonts, { kind: 'wish.poster', data: poster('A4', 0) }, { layout: 'a4' });
    expect(compact(pdfText(r.pdf))).toContain(compact('目前没有待认领的心愿'));
  });

  it('refuses a paper whose beneficiary name is not masked', () => {
    const bad: PrintableDocument = { kind: 'wish.claim', data: { ...claim, wish: { ...WISH, beneficiaryMasked: BENEFICIARY } } };
    expect(PrintableDocumentSchema.safeParse(bad).success).toBe(false);
    expect(PrintableDocumentSchema.safeParse({ kind: 'wish.claim', data: claim }).success).toBe(true);
  });
});

if (process.env.SD_KEEP_PDF) {
  it('keeps the forms for a look', async () => {
    for (const [n, doc] of [['claim', { kind: 'wish.claim', data: claim }], ['handover', { kind: 'wish.handover', data: handover }]] as const) {
      const r = await renderDocument(fonts, doc, { layout: 'a4' });
      fs.writeFileSync(path.join(process.env.SD_KEEP_PDF!, `${n}.pdf`), r.pdf);
    }
    const t = await renderDocument(fonts, { kind: 'wish.claim', data: claim }, { layout: 'thermal80' });
    fs.writeFileSync(path.join(process.env.SD_KEEP_PDF!, 'claim80.pdf'), t.pdf);
  });
}
