/** The 日结报表 on A4: every figure and line read back, a busy day still on one sheet, a 补打 marked. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { PrintableDocumentSchema } from '../../main/pdf/schema';
import type { DayCloseReportData } from '../../main/pdf/types';
import { pdfInfo, pdfText } from '../helpers/pdf';

const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
const station = { code: '130102001', name: '长安区建北街道党群服务中心', county: '石家庄市长安区', address: '建北街道中山东路 12 号', phone: '0311-86012345' };
const HEADS = ['工作人员', '受理', '办结', '转报', '退回', '撤销', '领取\n送达', '逾期', '告知书', '受理\n回执', '补打'];

function busy(over: Partial<DayCloseReportData> = {}): DayCloseReportData {
  const clerks = ['王建国', '李娜', '欧阳𪚥', '张伟', '刘洋', '陈静'].map((name, i) => ({ name, values: HEADS.slice(1).map((_, j) => (i * 7 + j * 3) % 23) }));
  return {
    station,
    day: '2026-12-31',
    closeId: '019b7a1c-0000-7000-8000-000000000001',
    closedAt: '2026-12-31T09:30:00.000Z',
    closedByName: '李娜',
    countHeaders: HEADS,
    countRows: [...clerks, { name: '合计', values: HEADS.slice(1).map((_, j) => clerks.reduce((n, c) => n + c.values[j]!, 0)) }],
    firstReceiptNo: '130102001-20261231-0001',
    lastReceiptNo: '130102001-20261231-0142',
    lateChanges: Array.from({ length: 12 }, (_, i) => ({ at: `2026-12-30T${String(10 + (i % 10)).padStart(2, '0')}:00:00.000Z`, action: '代办事项状态变更', record: `代办事项 130102001-20261230-${String(i + 1).padStart(4, '0')}`, actorName: i % 3 === 0 ? null : '王建国' })),
    lateChangesTotal: 57,
    countyStatus: '已确认',
    countyDetail: '县级平台于 2026年12月31日 17:31 确认',
    fromSeq: 1201,
    throughSeq: 1530,
    digest: '9fa2eaf7a84c'.padEnd(56, '0') + 'bb284ef0',
    auditHead: { seq: 4410, hash: '9950397150c3'.padEnd(56, '1') + '343d0ae8' },
    ...over,
  };
}

describe('日结报表', () => {
  it('prints a busy day on one A4 sheet with every clerk, the totals, the changes since the last close and what the close covers', async () => {
    const doc = PrintableDocumentSchema.parse({ kind: 'dayclose.report', data: busy() });
    const r = await renderDocument(fonts, doc, { layout: 'a4' });
    expect(r.title).toBe('日结报表');
    expect(r.missingGlyphs).toBe(0);
    const info = pdfInfo(r.pdf);
    expect(info).toMatchObject({ pages: 1 });
    expect(Math.round(info.width)).toBe(595);
    const text = pdfText(r.pdf).replace(/[ \t]+/g, ' ');
    for (const f of ['日结报表', '2026年12月31日（星期四）', '欧阳𪚥', '陈静', '合计', '130102001-20261231-0001 至 130102001-20261231-0142', '第 1201 至 1530 条（共 330 条）', '9fa2eaf7a84c…bb284ef0', '截至第 4410 条', '已确认', '县级平台于 2026年12月31日 17:31 确认', '共 57 条，列出最近 12 条', '县级平台', '站长']) {
      expect(text, f).toContain(f);
    }
    if (process.env.DAYCLOSE_PDF) fs.writeFileSync(process.env.DAYCLOSE_PDF, r.pdf);
  });

  it('says so when nothing changed and no receipt was issued, and marks a 补打', async () => {
    const doc = PrintableDocumentSchema.parse({ kind: 'dayclose.report', data: busy({ lateChanges: [], lateChangesTotal: 0, firstReceiptNo: null, lastReceiptNo: null, fromSeq: 10, throughSeq: 9, countyStatus: '待确认', countyDetail: '未登记县级平台；本机已日结，确认后自动更新' }) });
    const r = await renderDocument(fonts, doc, { layout: 'a4', reprint: { n: 2, at: '2027-01-04T01:00:00.000Z' } });
    const text = pdfText(r.pdf).replace(/[ \t]+/g, ' ');
    for (const f of ['上次日结后的变更：无', '当日未出具受理回执', '无新记录', '待确认', '未登记县级平台', '补打（第 2 次）']) expect(text, f).toContain(f);
  });

  it('refuses report data that is not a report (a hash of the wrong shape, a negative figure)', () => {
    expect(PrintableDocumentSchema.safeParse({ kind: 'dayclose.report', data: busy({ digest: 'abc' }) }).success).toBe(false);
    expect(PrintableDocumentSchema.safeParse({ kind: 'dayclose.report', data: busy({ countRows: [{ name: '合计', values: [-1] }] }) }).success).toBe(false);
  });
});
