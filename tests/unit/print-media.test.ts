import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cupsOptions, pageSizeOf, parsePageSizes, sumatraSettings } from '../../main/services/print-media';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { acceptanceData } from '../helpers/pdf';

const fonts = () => loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
const CUPS_PDF = 'PageSize/Page Size: Custom.WIDTHxHEIGHT 11x14 *A4 A5 Letter\nResolution/Output Resolution: 150dpi *300dpi\n';
const ROLL = 'PageSize/Media Size: *X80MMY297MM X58MMY210MM X80MMY3276MM\n';

describe('print media', () => {
  it('reads the page size from our own PDFs, on A4 and 80 mm', async () => {
    const a4 = await renderDocument(fonts(), { kind: 'intake.acceptance', data: acceptanceData() }, { layout: 'a4' });
    expect(pageSizeOf(a4.pdf)).toEqual({ width: expect.closeTo(595.28, 1), height: expect.closeTo(841.89, 1) });
    const strip = await renderDocument(fonts(), { kind: 'intake.acceptance', data: acceptanceData() }, { layout: 'thermal80' });
    const size = pageSizeOf(strip.pdf)!;
    expect(size.width).toBeCloseTo(226.77, 1);
    expect(size.height).toBeGreaterThan(400);
    expect(pageSizeOf(Buffer.from('not a pdf'))).toBeNull();
  }, 30_000);

  it('asks CUPS for A4 by name and for the strip as a custom size in mm, never scaled', () => {
    const offered = parsePageSizes(CUPS_PDF);
    expect(offered).toEqual({ choices: ['Custom.WIDTHxHEIGHT', '11x14', 'A4', 'A5', 'Letter'], custom: true });
    expect(cupsOptions({ width: 595.28, height: 841.89 }, offered, 'P')).toEqual(['-o', 'media=A4', '-o', 'print-scaling=none', '-o', 'fit-to-page=false']);
    expect(cupsOptions({ width: 226.771654, height: 905.547258 }, offered, 'P')).toEqual(['-o', 'media=Custom.80x319.46mm', '-o', 'print-scaling=none', '-o', 'fit-to-page=false']);
    // A queue that does not say what it takes still gets the size.
    expect(cupsOptions({ width: 226.771654, height: 905.547258 }, null, 'P')[1]).toBe('media=Custom.80x319.46mm');
    expect(cupsOptions(null, offered, 'P')).toEqual(['-o', 'print-scaling=none', '-o', 'fit-to-page=false']);
  });

  it('takes a roll printer’s fixed size of the same width, and refuses a printer without one', () => {
    const roll = parsePageSizes(ROLL);
    expect(roll?.custom).toBe(false);
    expect(cupsOptions({ width: 226.77, height: 905.55 }, roll, 'Roll')[1]).toBe('media=X80MMY3276MM');
    expect(cupsOptions({ width: 226.77, height: 600 }, roll, 'Roll')[1]).toBe('media=X80MMY297MM');
    const office = parsePageSizes('PageSize/Page Size: *A4 A5 Letter\n');
    expect(() => cupsOptions({ width: 226.77, height: 905.55 }, office, '办公室打印机')).toThrow(/^打印机“办公室打印机”没有 80 毫米宽的纸张可选（它提供：A4、A5、Letter）/);
    expect(parsePageSizes('Resolution/Output Resolution: *300dpi\n')).toBeNull();
  });

  it('tells SumatraPDF not to scale, and A4 by name', () => {
    expect(sumatraSettings({ width: 595.28, height: 841.89 })).toBe('noscale,paper=A4');
    expect(sumatraSettings({ width: 226.77, height: 905.55 })).toBe('noscale');
  });
});
