/**
 * 受理回执 PDF generation (DESIGN.md §6-§7): the first one in a fresh process (fonts read
 * and parsed), then the median of 50 once warm, and the file size; beside it a naive pdfmake
 * call that names the same font files for each document, so pdfkit reads and parses them
 * every time. Target: warm median under 25 ms.
 */
import path from 'node:path';
import { loadFonts, FONT_FILES, MAIN_FAMILY, FALLBACK_FAMILY } from '../main/pdf/fonts';
import { documentDefinition, renderDocument } from '../main/pdf/render';
import { loadPdfmake } from '../main/pdf/pdfmake';
import type { PrintableDocument } from '../main/pdf/types';
import { benchRoot, median, percentile, report } from './lib';

const RUNS = 50;
/** untimed renders before the warm figures, so the JIT has compiled the hot paths */
const WARM_UP = 20;
const fontsDir = path.join(benchRoot, 'resources', 'fonts');

const station = { code: '130102001', name: '长安区建北街道党群服务中心', county: '石家庄市长安区', address: '建北街道中山东路 12 号', phone: '0311-86012345' };
const doc: PrintableDocument = {
  kind: 'intake.acceptance',
  data: {
    station,
    receiptNo: '130102001-20261127-0003',
    item: { code: 'MZ-001', name: '高龄津贴申请', category: '审核转报', department: '长安区民政局', forwarded: true },
    applicant: { name: '欧阳𠈌堃', idMasked: '130102********1234', phone: '13800138000', address: '石家庄市长安区建北街道中山东路 12 号院 3 号楼 2 单元 1101 室' },
    materialsReceived: ['居民身份证原件及复印件', '户口簿原件及复印件', '本人近期一寸免冠照片 2 张', '银行卡（社保卡）复印件'],
    acceptedAt: '2026-11-27T01:05:00.000Z',
    promisedDate: '2026-12-04',
    timeLimitText: '5 个工作日',
    clerkName: '李娜',
    progressHint: '也可拨打咨询电话或到本站窗口查询',
    qrPayload: '130102001-20261127-0003',
  },
};

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

// Cold: the first receipt of the process, fonts read and parsed included.
let t0 = process.hrtime.bigint();
const fonts = loadFonts(fontsDir);
const first = await renderDocument(fonts, doc, { layout: 'a4' });
const cold = ms(t0);

async function timed(layout: 'a4' | 'thermal80'): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await renderDocument(fonts, doc, { layout });
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t0 = process.hrtime.bigint();
    await renderDocument(fonts, doc, { layout });
    xs.push(ms(t0));
  }
  return xs;
}
const warm = await timed('a4');
const thermal = await timed('thermal80');

// Naive: the same definition, the fonts named by path, so each document re-reads and re-parses them.
const file = (f: string) => path.join(fontsDir, f);
const naiveFonts = {
  [MAIN_FAMILY]: { normal: file(FONT_FILES.regular), bold: file(FONT_FILES.bold) },
  [FALLBACK_FAMILY]: { normal: file(FONT_FILES.fallback), bold: file(FONT_FILES.fallback) },
};
const pdfmake = loadPdfmake();
pdfmake.setLocalAccessPolicy((p) => p.startsWith(fontsDir));
const naive: number[] = [];
let naiveBytes = 0;
for (let i = 0; i < WARM_UP + RUNS; i++) {
  t0 = process.hrtime.bigint();
  const { definition } = documentDefinition(fonts, doc, { layout: 'a4' });
  pdfmake.setFonts(structuredClone(naiveFonts));
  naiveBytes = (await pdfmake.createPdf(definition).getBuffer()).length;
  if (i >= WARM_UP) naive.push(ms(t0));
}
pdfmake.setLocalAccessPolicy(() => false);

report('receipt', {
  receipt_cold: { value: cold, unit: 'ms', note: 'first 受理回执 (A4) in a fresh process, ~50 MB of fonts read and parsed' },
  receipt_warm_median: { value: median(warm), unit: 'ms', note: `median of ${RUNS} after ${WARM_UP} untimed, A4, fonts parsed once (target < 25 ms)` },
  receipt_warm_p95: { value: percentile(warm, 95), unit: 'ms' },
  receipt_warm_median_thermal80: { value: median(thermal), unit: 'ms', note: '80 mm layout' },
  receipt_bytes: { value: first.pdf.length, unit: 'B', note: 'A4, fonts subset-embedded' },
  receipt_warm_median_naive: { value: median(naive), unit: 'ms', note: `naive pdfmake: font files re-read and re-parsed per document (${naiveBytes} B)` },
});
