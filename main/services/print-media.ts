/**
 * The paper a print job asks for. A job sent without a size prints on the queue's default
 * (A4 on most), and drivers fit the page to it: an 80 mm receipt came out enlarged on A4
 * with its edges cut off. So every job names its own size, taken from the PDF itself, and
 * asks for no scaling; where CUPS can tell which sizes a printer takes, that is checked first.
 */
import { AppError } from '../../common/errors';

export interface PageSize {
  /** PostScript points */
  width: number;
  height: number;
}

const PT_PER_MM = 72 / 25.4;
const A4_PT = { width: 595.28, height: 841.89 };

/** The first page's MediaBox of a PDF we made (pdfkit writes it uncompressed); null if not found. */
export function pageSizeOf(pdf: Buffer): PageSize | null {
  const m = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(pdf.toString('latin1', 0, Math.min(pdf.length, 1 << 20)));
  if (!m) return null;
  const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const width = Math.abs(x1 - x0);
  const height = Math.abs(y1 - y0);
  return width > 0 && height > 0 ? { width, height } : null;
}

export function isA4(p: PageSize): boolean {
  return Math.abs(p.width - A4_PT.width) < 2 && Math.abs(p.height - A4_PT.height) < 2;
}

const mm = (pt: number) => Math.round((pt / PT_PER_MM) * 100) / 100;

/** The page sizes a CUPS queue offers (`lpoptions -p X -l`), or null when it does not say. */
export function parsePageSizes(lpoptions: string): { choices: string[]; custom: boolean } | null {
  const line = lpoptions.split(/\r?\n/).find((l) => /^(PageSize|media)\//i.test(l.trim()));
  if (!line) return null;
  const choices = line
    .slice(line.indexOf(':') + 1)
    .trim()
    .split(/\s+/)
    .map((c) => c.replace(/^\*/, ''))
    .filter(Boolean);
  return { choices, custom: choices.some((c) => /^Custom\./i.test(c)) };
}

/**
 * The -o options for a job of this page size. A4 is asked for by name; any other size (the
 * 80 mm strip, as long as its content) as a custom size in millimetres, unless the printer
 * lists only fixed sizes: then the fixed size of the same width, or a clear refusal.
 */
export function cupsOptions(page: PageSize | null, offered: { choices: string[]; custom: boolean } | null, printer: string): string[] {
  const noScaling = ['-o', 'print-scaling=none', '-o', 'fit-to-page=false'];
  if (!page) return noScaling;
  if (isA4(page)) return ['-o', 'media=A4', ...noScaling];
  const custom = `Custom.${mm(page.width)}x${mm(page.height)}mm`;
  if (!offered || offered.custom) return ['-o', `media=${custom}`, ...noScaling];
  const widthMm = Math.round(mm(page.width));
  // Roll drivers name sizes like "X80MMY297MM", "80x297mm" or "w227h842" (points).
  const sameWidth = offered.choices.find((c) => {
    const m = /^X?(\d+(?:\.\d+)?)MM(?:Y|x)(\d+(?:\.\d+)?)MM$/i.exec(c) ?? /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm$/i.exec(c);
    if (m) return Math.abs(Number(m[1]) - widthMm) <= 1 && Number(m[2]) >= mm(page.height);
    const w = /^w(\d+)h(\d+)$/i.exec(c);
    return w ? Math.abs(Number(w[1]) - page.width) <= 3 && Number(w[2]) >= page.height : false;
  });
  if (sameWidth) return ['-o', `media=${sameWidth}`, ...noScaling];
  throw new AppError(
    'UNAVAILABLE',
    `打印机“${printer}”没有 ${widthMm} 毫米宽的纸张可选（它提供：${offered.choices.slice(0, 8).join('、')}${offered.choices.length > 8 ? ' 等' : ''}）：请选择热敏打印机，或在 设置 → 本机设置 中把纸张改为 A4`,
  );
}

/** SumatraPDF's -print-settings: never scaled; A4 by name (a roll printer keeps its own paper). */
export function sumatraSettings(page: PageSize | null): string {
  return page && isA4(page) ? 'noscale,paper=A4' : 'noscale';
}
