import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FALLBACK_FAMILY, MAIN_FAMILY, loadFonts } from '../../main/pdf/fonts';
import { withFallback } from '../../main/pdf/render';
import { loadPdfmake } from '../../main/pdf/pdfmake';
import { EXT_B, RARE_NAME, pdfFonts, pdfText } from '../helpers/pdf';

const FONTS_DIR = path.resolve(import.meta.dirname, '../../resources/fonts');
const fonts = loadFonts(FONTS_DIR);
const cp = (c: string) => c.codePointAt(0)!;

async function pdfOf(content: unknown): Promise<Buffer> {
  const pdfmake = loadPdfmake();
  pdfmake.setFonts(fonts.dictionary);
  return pdfmake.createPdf({ content: content as never, defaultStyle: { font: MAIN_FAMILY } }).getBuffer();
}

describe('shipped fonts', () => {
  it('are parsed once per process, and pdfkit reuses the parsed faces', () => {
    expect(loadFonts(FONTS_DIR)).toBe(fonts);
    expect(loadFonts(`${FONTS_DIR}/`)).toBe(fonts);
    expect(fonts.shared).toBe(true);
    expect(fonts.faces.regular.postscriptName).toBe('NotoSansSC-Regular');
    expect(fonts.faces.bold.postscriptName).toBe('NotoSansSC-Bold');
    expect(fonts.faces.fallback.postscriptName).toBe('HanaMinB');
  });

  it('cover every common and Ext-A character with the main font and Ext-B with the fallback', () => {
    for (const c of '堃喆玥䶮镕彧') expect(fonts.familyFor(cp(c)), c).toBe(MAIN_FAMILY);
    for (const c of EXT_B) {
      expect(fonts.faces.regular.hasGlyphForCodePoint(cp(c)), c).toBe(false);
      expect(fonts.faces.fallback.hasGlyphForCodePoint(cp(c)), c).toBe(true);
      expect(fonts.familyFor(cp(c)), c).toBe(FALLBACK_FAMILY);
    }
  });
});

describe('per-character fallback', () => {
  it('splits a name where the font changes, and leaves a plain name alone', () => {
    expect(fonts.segment('张堃喆').segments).toEqual([{ text: '张堃喆', family: MAIN_FAMILY }]);
    expect(fonts.segment('欧阳𠈌堃𪚥').segments).toEqual([
      { text: '欧阳', family: MAIN_FAMILY },
      { text: '𠈌', family: FALLBACK_FAMILY },
      { text: '堃', family: MAIN_FAMILY },
      { text: '𪚥', family: FALLBACK_FAMILY },
    ]);
  });

  it('keeps a variation selector with its base character', () => {
    expect(fonts.segment('𠈌\u{E0100}张').segments).toEqual([
      { text: '𠈌\u{E0100}', family: FALLBACK_FAMILY },
      { text: '张', family: MAIN_FAMILY },
    ]);
  });

  it('draws a compatibility ideograph no font has as its unified twin, and reports what nothing can draw', () => {
    const compat = '\uF907'; // 龜 (compatibility) ≡ U+9F9C
    expect(fonts.familyFor(cp(compat))).toBeNull();
    expect(fonts.segment(`王${compat}`).segments).toEqual([{ text: '王\u9F9C', family: MAIN_FAMILY }]);
    const extG = String.fromCodePoint(0x30000);
    expect(fonts.segment(`王${extG}明`).missing).toEqual([0x30000]);
  });

  it('is needed: pdfmake drops a glyph the font lacks without a word, and the fallback brings it back', async () => {
    const naive = pdfText(await pdfOf({ text: RARE_NAME }));
    for (const c of EXT_B.filter((c) => RARE_NAME.includes(c))) expect(naive, `${c} without fallback`).not.toContain(c);
    expect(naive).toContain('堃喆玥䶮');

    const missing = new Set<number>();
    const pdf = await pdfOf(withFallback([{ text: RARE_NAME, bold: true }, { table: { body: [[RARE_NAME, { ol: [RARE_NAME] }]] } }], fonts, missing));
    const text = pdfText(pdf);
    expect(text.split(RARE_NAME).length - 1).toBe(3);
    expect(missing.size).toBe(0);
    const embedded = pdfFonts(pdf);
    expect(embedded.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['HanaMinB', 'NotoSansSC-Bold', 'NotoSansSC-Regular']);
    for (const f of embedded) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
  });
});
