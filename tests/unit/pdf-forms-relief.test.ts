import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { PrintableDocumentSchema } from '../../main/pdf/schema';
import type { PrintableDocument } from '../../main/pdf/types';
import { EXT_B, RARE_NAME, compact, correctionData, pdfInfo, pdfText } from '../helpers/pdf';
import { APPLICANT, MEMBERS, acceptance, authorization, investigation, publicity, refusal } from '../helpers/relief-pdf';

const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
async function textOf(doc: PrintableDocument) {
  const r = await renderDocument(fonts, doc, { layout: 'a4' });
  expect(r.missingGlyphs).toBe(0);
  expect(pdfInfo(r.pdf).pages).toBe(1);
  return compact(pdfText(r.pdf));
}

describe('社会救助 forms', () => {
  it('受理回执 carries the number, type, applicant, every member, the materials and the 30-working-day limit', async () => {
    const t = await textOf({ kind: 'relief.acceptance', data: acceptance });
    for (const s of ['社会救助受理回执', acceptance.receiptNo, '最低生活保障', APPLICANT.idMasked, ...MEMBERS.map((m) => m.name), '0017', ...acceptance.materialsReceived, '30个工作日', '2027年1月11日（星期一）前', '3人', '2026年11月27日09:05'])
      expect(t, s).toContain(compact(s));
    for (const c of EXT_B) expect(t, c).toContain(c);
  });

  it('核对授权书 has a signature line for each adult member and none for the child', async () => {
    const t = await textOf({ kind: 'relief.authorization', data: authorization });
    expect(t).toContain('家庭经济状况核对授权书');
    expect(t).toContain('共2人');
    expect(t).toContain(compact(RARE_NAME));
    expect(t).toContain('王𪚥芳');
    expect(t).not.toContain('欧阳小𠀀');
    expect(t.match(/年月日/g)?.length).toBeGreaterThanOrEqual(2);
    // no adult, no authorization
    const noAdult = PrintableDocumentSchema.safeParse({ kind: 'relief.authorization', data: { ...authorization, members: [{ ...MEMBERS[2]!, adult: false }] } });
    expect(noAdult.success).toBe(false);
  });

  it('入户调查表 filled shows both investigators, every member with income and health, the assets and the findings', async () => {
    const t = await textOf({ kind: 'relief.investigation', data: investigation });
    for (const s of ['李娜、赵𠈌强', '2026年11月30日', '灵活就业', '800.00', '二级肢体残疾', '育才小学', ...investigation.assets, investigation.filled!.findings]) expect(t, s).toContain(compact(s));
    expect(PrintableDocumentSchema.safeParse({ kind: 'relief.investigation', data: { ...investigation, filled: { ...investigation.filled!, investigators: ['李娜'] } } }).success).toBe(false);
  });

  it('入户调查表 blank has the headings and room to write, no findings', async () => {
    const t = await textOf({ kind: 'relief.investigation', data: { ...investigation, members: [], assets: [], filled: null } });
    for (const s of ['社会救助入户调查表', '家庭成员情况', '就业', '健康/残疾', '家庭财产情况', '调查结论', '调查人签字', '申请人签字']) expect(t, s).toContain(compact(s));
    expect(t).not.toContain('赵𠈌强');
    expect(t).not.toContain('灵活就业');
  });

  it('公示 sheet shows the masked name, household size, type, amount and the 7-day period — no 身份证号, address, income or health', async () => {
    const t = await textOf({ kind: 'relief.publicity', data: publicity });
    for (const s of ['社会救助审核公示', '张*华', '3人', '最低生活保障', '1260.00', '2026年12月2日（星期三）至2026年12月8日（星期二）', '建北社区']) expect(t, s).toContain(compact(s));
    expect(t).not.toContain('张𠈌华');
    expect(t).not.toContain('𠈌');
    expect(t).not.toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(t).not.toContain('身份证');
    expect(t).not.toContain('收入');
    expect(t).not.toContain('育才街');
    // a field the sheet does not know is refused at the boundary, never printed
    const leaky = { ...publicity, entries: [{ ...publicity.entries[0]!, idNumber: '130102194503081234' }] };
    expect(PrintableDocumentSchema.safeParse({ kind: 'relief.publicity', data: leaky }).success).toBe(false);
  });

  it('公示 sheet keeps rare characters where they belong: a rare family or last character is drawn', async () => {
    const t = await textOf({ kind: 'relief.publicity', data: { ...publicity, entries: [{ ...publicity.entries[0]!, name: '𠀀明𪚥' }] } });
    expect(t).toContain('𠀀*𪚥');
  });

  it('不予批准通知书 gives the reasons, who decided and the remedies', async () => {
    const t = await textOf({ kind: 'relief.refusal', data: refusal });
    for (const s of ['社会救助不予批准通知书', refusal.noticeNo, refusal.reasons, '长安区民政局决定不予批准', '60日内', '行政复议', '行政诉讼', '申请人签收']) expect(t, s).toContain(compact(s));
  });

  it('补正材料通知书 lists every missing item at once', async () => {
    const data = correctionData({ item: { code: 'dibao', name: '最低生活保障', department: '长安区民政局' } });
    const t = await textOf({ kind: 'relief.correction', data });
    expect(t).toContain('补正材料通知书');
    for (const m of data.materialsMissing) expect(t).toContain(compact(m));
    expect(t).toContain(`共${data.materialsMissing.length}项`);
  });
});
