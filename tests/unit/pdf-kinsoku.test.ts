/**
 * 避头尾 in the printed text flow: no line starts with closing punctuation, and no paragraph
 * leaves one or two characters alone on its last line ("件。"). Checked on real PDFs read
 * back line by line, for every length of a sentence over a few line widths.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts, MAIN_FAMILY } from '../../main/pdf/fonts';
import { loadPdfmake, type Content } from '../../main/pdf/pdfmake';
import { keepTail } from '../../main/pdf/kinsoku';
import { contentWidth, PAPERS } from '../../main/pdf/layout';
import { renderDocument, withFallback } from '../../main/pdf/render';
import { acceptanceData, pdfText } from '../helpers/pdf';

const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
const CLOSING = /^[。，、；：？！）」』】》〉”’…・]/u;
const PUNCT = /[\p{P}\s]/gu;

/** The lines of one paragraph as printed: one PDF, nothing else on it. */
async function printedLines(text: Content, width: number, fontSize: number): Promise<string[]> {
  const pdfmake = loadPdfmake();
  pdfmake.setFonts(fonts.dictionary);
  const pdf = await pdfmake
    .createPdf({ pageSize: { width: width + 20, height: 'auto' }, pageMargins: [10, 10, 10, 10], defaultStyle: { font: MAIN_FAMILY, fontSize }, content: withFallback({ text } as Content, fonts, new Set()) })
    .getBuffer();
  return pdfText(pdf)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== '\f');
}

// The correction notice's sentence, with an item name of every length from 1 to 24 characters.
const sentence = (n: number) => `您申请办理的“${'高龄津贴申请事项'.repeat(4).slice(0, n)}”事项共需提交 4 项材料，经初步审查，申请材料尚不齐全，请补齐后携带本告知书到本站办理，共 3 件。`;
const WIDTHS = [
  { name: 'A4', width: contentWidth(PAPERS.a4), font: PAPERS.a4.font },
  { name: '80 mm', width: contentWidth(PAPERS.thermal80), font: PAPERS.thermal80.font },
];

describe('避头尾 in the PDF text flow', () => {
  it.each(WIDTHS)('on $name: no line starts with closing punctuation, no last line of one or two characters', async ({ width, font }) => {
    for (let n = 1; n <= 24; n++) {
      const lines = await printedLines(keepTail(sentence(n)) as Content, width, font);
      expect(lines.join('').replace(/\s/g, ''), `n=${n}: every character printed`).toBe(sentence(n).replace(/\s/g, ''));
      for (const l of lines.slice(1)) expect(CLOSING.test(l), `n=${n}: line starts with punctuation: ${l}`).toBe(false);
      if (lines.length > 1) expect(lines.at(-1)!.replace(PUNCT, '').length, `n=${n}: orphan "${lines.at(-1)}"`).toBeGreaterThanOrEqual(3);
    }
  }, 60_000);

  it('is needed: without it some length leaves "件。" alone on the last line', async () => {
    const orphans: string[] = [];
    for (const { width, font } of WIDTHS) for (let n = 1; n <= 24; n++) {
      const lines = await printedLines(sentence(n), width, font);
      if (lines.length > 1 && lines.at(-1)!.replace(PUNCT, '').length < 3) orphans.push(lines.at(-1)!);
    }
    expect(orphans.length).toBeGreaterThan(0);
  }, 60_000);

  it('leaves short texts and texts with line breaks as they are', () => {
    expect(keepTail('已办结')).toBe('已办结');
    expect(keepTail('第一行\n第二行很长很长很长')).toBe('第一行\n第二行很长很长很长');
    expect(keepTail('请携带本回执和本人身份证件。')).toEqual(['请携带本回执和本人身', { text: '份证件。', noWrap: true }]);
  });
});

describe('the A4 footer', () => {
  it('wraps a long station line in its own column, clear of 第 1 页 / 共 1 页', async () => {
    const station = { code: '130102001', name: '石家庄市长安区建北街道中山东路社区党群服务中心', county: '石家庄市长安区', address: '河北省石家庄市长安区建北街道中山东路 12 号院 3 号楼 1 层东侧', phone: '0311-86012345' };
    const r = await renderDocument(fonts, { kind: 'intake.acceptance', data: acceptanceData({ station }) }, { layout: 'a4' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sd-footer-')), 'f.pdf');
    fs.writeFileSync(file, r.pdf);
    // Only the footer band: the bottom 60 pt of the page.
    const footer = execFileSync('pdftotext', ['-layout', '-y', '780', '-H', '62', '-x', '0', '-W', '596', file, '-'], { encoding: 'utf8' });
    const lines = footer.split('\n').filter((l) => l.trim());
    expect(lines[0]).toMatch(/\S {3,}第\s*1\s*页\s*\/\s*共\s*1\s*页\s*$/);
    expect(lines.join('').replace(/\s/g, '').replace('第1页/共1页', '')).toContain(`${station.name}地址：${station.address}咨询电话：${station.phone}`.replace(/\s/g, ''));
  });
});
