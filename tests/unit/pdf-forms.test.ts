import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { calendarDateCn, dateTimeCn } from '../../main/pdf/format';
import type { PaperLayout, PrintableDocument } from '../../main/pdf/types';
import { QR_CAPTION, acceptanceQrText } from '../../main/pdf/forms/acceptance';
import { EXT_B, RARE_NAME, SAMPLES, acceptanceData, compact, correctionData, completionData, pdfFonts, pdfInfo, pdfText, readQr } from '../helpers/pdf';

const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
const LAYOUTS: PaperLayout[] = ['a4', 'thermal80'];
const A4 = { width: 595.28, height: 841.89 };
const THERMAL_WIDTH = 226.77;

/** Every leaf string of a data object, for "everything we were given is on the paper". */
function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

describe('受理回执', () => {
  const data = acceptanceData();
  const doc: PrintableDocument = { kind: 'intake.acceptance', data };

  it.each(LAYOUTS)('on %s carries every legal field, every character of it, in the embedded fonts', async (layout) => {
    const r = await renderDocument(fonts, doc, { layout });
    expect(r.missingGlyphs).toBe(0);
    const text = compact(pdfText(r.pdf));
    const expected = [
      data.receiptNo,
      data.item.name,
      data.item.code,
      data.item.department,
      data.applicant.name,
      data.applicant.idMasked,
      data.applicant.phone,
      data.applicant.address,
      ...data.materialsReceived,
      dateTimeCn(data.acceptedAt),
      calendarDateCn(data.promisedDate),
      data.timeLimitText,
      data.clerkName,
      data.station.name,
      data.station.phone,
      data.progressHint,
      layout === 'a4' ? '申请人签字' : '申请人（签字）',
      layout === 'a4' ? '受理人签字' : '受理人（签字）',
    ];
    for (const s of expected) expect(text, s).toContain(compact(s));
    // and, character by character, each Ext-B one came back from its glyph
    for (const c of EXT_B) expect(text, c).toContain(c);
    expect(text).toContain('2026年11月27日09:05'); // 01:05 UTC shown in Asia/Shanghai
    expect(text).toContain('2026年12月4日（星期五）');

    const embedded = pdfFonts(r.pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(embedded).toEqual(expect.arrayContaining(['NotoSansSC-Regular', 'NotoSansSC-Bold', 'HanaMinB']));
  });

  it.each(LAYOUTS)('on %s has a QR code a phone shows offline: the number, item, promised date, station and phone, nothing personal', async (layout) => {
    const r = await renderDocument(fonts, doc, { layout });
    const qr = readQr(r.pdf);
    expect(qr).toBe(acceptanceQrText(data));
    expect(qr?.split('\n')).toEqual([`受理回执编号：${data.qrPayload}`, `办理事项：${data.item.name}`, '承诺办结：2026年12月4日（星期五）', `受理站点：${data.station.name}`, `咨询电话：${data.station.phone}`]);
    for (const personal of [data.applicant.name, data.applicant.idMasked, data.applicant.phone]) expect(qr).not.toContain(personal);
    // and the caption says what scanning gives, not a progress query there is none of
    const text = compact(pdfText(r.pdf));
    expect(text).toContain(compact(QR_CAPTION));
    expect(text).not.toContain('扫码查询');
    expect(text).not.toContain('扫码或凭回执编号查询');
  });

  it('never prints a full 身份证号, even when one is handed in unmasked', async () => {
    const r = await renderDocument(fonts, { kind: 'intake.acceptance', data: acceptanceData({ applicant: { ...data.applicant, idMasked: '13010219450308123x' } }) }, { layout: 'a4' });
    const text = compact(pdfText(r.pdf));
    expect(text).toContain('130102********123X');
    expect(text).not.toContain('19450308');
  });

  it('renders the same data to the same bytes, so an archived sha256 can be reproduced', async () => {
    const a = await renderDocument(fonts, doc, { layout: 'a4' });
    const b = await renderDocument(fonts, structuredClone(doc), { layout: 'a4' });
    expect(Buffer.compare(a.pdf, b.pdf)).toBe(0);
  });
});

describe('every form on both papers', () => {
  it.each(SAMPLES.flatMap((d) => LAYOUTS.map((l) => [d.kind, l, d] as const)))('%s on %s is one page of the right size', async (_kind, layout, d) => {
    const r = await renderDocument(fonts, d, { layout });
    const info = pdfInfo(r.pdf);
    expect(info.pages).toBe(1);
    expect(r.pages).toBe(1);
    if (layout === 'a4') expect(info).toMatchObject({ width: A4.width, height: A4.height });
    else {
      expect(info.width).toBeCloseTo(THERMAL_WIDTH, 1);
      // one strip as long as the content: longer than it is wide, far shorter than a metre
      expect(info.height).toBeGreaterThan(info.width * 2);
      expect(info.height).toBeLessThan(2000);
    }
    const text = compact(pdfText(r.pdf));
    for (const s of strings(d.data).filter((s) => !/^\d{4}-\d{2}-\d{2}(T|$)/.test(s) && s !== d.data.station.county)) {
      if (s === '130102********1234') expect(text).toContain(s);
      else expect(text, s).toContain(compact(s));
    }
  });

  it('lists everything missing at once on the 一次性告知书, with the count', async () => {
    const d = correctionData();
    const text = compact(pdfText((await renderDocument(fonts, { kind: 'intake.correction', data: d }, { layout: 'a4' })).pdf));
    expect(text).toContain(`需补正的材料（共${d.materialsMissing.length}项）`);
    for (const m of d.materialsMissing) expect(text).toContain(compact(m));
    expect(text).toContain(RARE_NAME);
  });

  it('names the handover on the 办结 receipt, or says it is only completed', async () => {
    const taken = compact(pdfText((await renderDocument(fonts, { kind: 'intake.completion', data: completionData() }, { layout: 'thermal80' })).pdf));
    expect(taken).toContain('办结领取回执');
    expect(taken).toContain('领取人：欧阳𠈌');
    const done = compact(pdfText((await renderDocument(fonts, { kind: 'intake.completion', data: completionData({ handover: null }) }, { layout: 'a4' })).pdf));
    expect(done).toContain('办结回执');
    expect(done).not.toContain('领取人');
  });

  it.each(LAYOUTS)('marks a reprint visibly on %s', async (layout) => {
    const r = await renderDocument(fonts, SAMPLES[0]!, { layout, reprint: { n: 2, at: '2026-11-28T02:00:00.000Z' } });
    const text = compact(pdfText(r.pdf));
    expect(text).toContain('补打（第2次）');
    expect(text).toContain('补打时间：2026年11月28日10:00');
    expect(pdfInfo(r.pdf).pages).toBe(1);
  });

  it('keeps a long application on one A4 sheet, laid out tighter, reprint mark and all', async () => {
    const materials = Array.from({ length: 10 }, (_, i) => `第${i + 1}项：居民身份证原件及复印件（正反面复印在同一张 A4 纸上）`);
    const address = '石家庄市长安区建北街道中山东路社区幸福家园小区 12 号院 3 号楼 2 单元 1101 室（东侧楼梯上楼右手边）';
    const long: PrintableDocument[] = [
      { kind: 'intake.acceptance', data: acceptanceData({ materialsReceived: materials, applicant: { ...acceptanceData().applicant, address } }) },
      { kind: 'intake.correction', data: correctionData({ materialsRequired: materials, materialsReceived: materials.slice(0, 2), materialsMissing: materials.slice(2), note: '照片须为白底，复印件须清晰可辨，并由申请人在复印件上签字确认与原件一致。' }) },
    ];
    for (const d of long) {
      const normal = await renderDocument(fonts, d, { layout: 'a4' });
      const reprint = await renderDocument(fonts, d, { layout: 'a4', reprint: { n: 12, at: '2026-11-28T02:00:00.000Z' } });
      for (const r of [normal, reprint]) {
        expect(pdfInfo(r.pdf).pages, d.kind).toBe(1);
        const text = compact(pdfText(r.pdf));
        for (const m of materials.slice(2)) expect(text).toContain(compact(m));
      }
    }
  });

  it('reports characters no shipped font can draw instead of printing a silent blank', async () => {
    const r = await renderDocument(fonts, { kind: 'intake.acceptance', data: acceptanceData({ applicant: { ...acceptanceData().applicant, name: `王${String.fromCodePoint(0x30000)}明` } }) }, { layout: 'a4' });
    expect(r.missingGlyphs).toBe(1);
  });
});
