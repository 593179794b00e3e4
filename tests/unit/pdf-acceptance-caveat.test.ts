import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { acceptanceData, compact, pdfInfo, pdfText } from '../helpers/pdf';

const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
const CAVEAT = '承诺日期按法定节假日推算，以国务院当年放假通知为准';

describe('受理回执 with a provisional promise', () => {
  it.each(['a4', 'thermal80'] as const)('on %s prints 暂定 and the caveat beside the date, on one page', async (layout) => {
    const r = await renderDocument(fonts, { kind: 'intake.acceptance', data: acceptanceData({ promisedDate: '2027-01-14', promiseCaveat: CAVEAT }) }, { layout });
    const text = compact(pdfText(r.pdf));
    expect(text).toContain(compact(`2027年1月14日（星期四）（暂定）${CAVEAT}`));
    expect(pdfInfo(r.pdf).pages).toBe(1);
  });

  it('says nothing of it when the promise is counted on a published notice', async () => {
    const r = await renderDocument(fonts, { kind: 'intake.acceptance', data: acceptanceData({ promisedDate: '2026-12-16' }) }, { layout: 'a4' });
    const text = compact(pdfText(r.pdf));
    expect(text).toContain('2026年12月16日（星期三）');
    expect(text).not.toContain('暂定');
  });
});
