/**
 * A throw-away document of each form, rendered once shortly after start-up. Parsing the font
 * files is only the start: the first render of a process also reads the glyph, layout and
 * metrics tables it touches and compiles pdfmake's hot paths, which made the first receipt
 * of a session several times slower than the next. Nothing here is archived.
 */
import type { FontSet } from './fonts';
import { renderDocument } from './render';
import type { PaperLayout, PrintableDocument } from './types';

const station = { code: '000000000', name: '示例服务站', county: '示例县', address: '示例路 1 号', phone: '0311-86012345' };
// A CJK Ext-B character, so the fallback font's tables are read too.
const applicant = { name: '卫𪚥', idMasked: '110105********002X', phone: '13800138000', address: '示例路 1 号院' };
const at = '2026-01-05T01:00:00.000Z';

const SAMPLES: PrintableDocument[] = [
  {
    kind: 'intake.acceptance',
    data: {
      station,
      receiptNo: '000000000-20260105-0001',
      item: { code: 'X-001', name: '示例事项', category: '审核转报', department: '示例局', forwarded: true },
      applicant,
      materialsReceived: ['居民身份证原件及复印件', '户口簿原件及复印件'],
      acceptedAt: at,
      promisedDate: '2026-01-12',
      timeLimitText: '5 个工作日',
      clerkName: '示例',
      progressHint: '凭回执编号到本站窗口查询',
      qrPayload: '000000000-20260105-0001',
    },
  },
  {
    kind: 'intake.correction',
    data: { station, noticeNo: '000000000-20260105-G0001', item: { code: 'X-001', name: '示例事项', department: '示例局' }, applicant, materialsRequired: ['居民身份证', '户口簿'], materialsReceived: ['居民身份证'], materialsMissing: ['户口簿'], issuedAt: at, clerkName: '示例' },
  },
  {
    kind: 'intake.completion',
    data: { station, receiptNo: '000000000-20260105-0001', item: { code: 'X-001', name: '示例事项' }, applicant, acceptedAt: at, completedAt: at, result: '已办结', handover: null, clerkName: '示例' },
  },
];

export async function warmUpRendering(fonts: FontSet, layout: PaperLayout): Promise<void> {
  for (const doc of SAMPLES) await renderDocument(fonts, doc, { layout });
}
