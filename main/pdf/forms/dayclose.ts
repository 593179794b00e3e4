/**
 * 日结报表: the station day on one A4 sheet — the figures per clerk with the totals, the
 * receipt numbers issued, what changed after the previous close, the county's answer, and
 * what the close covers (outbox seqs, digest, 操作日志 head) so the county and an auditor can
 * match the paper to the data. Signed by the clerk and the station head.
 */
import type { DayCloseReportData } from '../types';
import type { Block, FormModel } from '../layout';
import { calendarDateCn, dateTimeCn, dayOfCn } from '../format';

export const DAY_CLOSE_TITLE = '日结报表';

/** The first and last characters of a hash: enough to compare by eye, short enough to read out. */
export function shortHash(h: string): string {
  return `${h.slice(0, 12)}…${h.slice(-8)}`;
}

export function dayCloseForm(d: DayCloseReportData): FormModel {
  const [first, ...rest] = d.countHeaders;
  const valueCols = rest.length;
  const receipts = d.firstReceiptNo ? (d.firstReceiptNo === d.lastReceiptNo ? d.firstReceiptNo : `${d.firstReceiptNo} 至 ${d.lastReceiptNo ?? ''}`) : '当日未出具受理回执';
  const range = d.throughSeq >= d.fromSeq ? `第 ${d.fromSeq} 至 ${d.throughSeq} 条（共 ${d.throughSeq - d.fromSeq + 1} 条）` : '无新记录';

  const late: Block =
    d.lateChangesTotal === 0
      ? { kind: 'paragraph', text: '上次日结后的变更：无。' }
      : {
          kind: 'table',
          caption: `上次日结后的变更（共 ${d.lateChangesTotal} 条${d.lateChangesTotal > d.lateChanges.length ? `，列出最近 ${d.lateChanges.length} 条` : ''}）`,
          headers: ['时间', '操作', '记录', '经办人'],
          widths: [100, 120, '*', 60],
          rows: d.lateChanges.map((c) => [dateTimeCn(c.at), c.action, c.record, c.actorName ?? '县级平台']),
        };

  return {
    station: d.station,
    title: DAY_CLOSE_TITLE,
    docTitle: `${DAY_CLOSE_TITLE} ${d.station.code} ${d.day}`,
    madeAt: d.closedAt,
    number: ['日结日期', calendarDateCn(d.day)],
    time: ['日结时间', dateTimeCn(d.closedAt)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '站点', value: `${d.station.name}（${d.station.code}）`, wide: true },
          { label: '县级确认', value: `${d.countyStatus}${d.countyDetail ? `：${d.countyDetail}` : ''}`, wide: true, strong: d.countyStatus !== '已确认' },
          { label: '日结人', value: d.closedByName },
          { label: '上报记录', value: range },
          { label: '受理回执', value: receipts, wide: true },
        ],
      },
      {
        kind: 'table',
        caption: '当日业务（按工作人员）',
        headers: [first ?? '工作人员', ...rest],
        // the name column fixed, the figures sharing the rest: 'auto' wraps short headers a character a line
        widths: [64, ...Array.from({ length: valueCols }, () => '*' as const)],
        rows: d.countRows.map((r) => [r.name, ...r.values.map(String)]),
        align: ['center', ...Array.from({ length: valueCols }, () => 'right' as const)],
      },
      late,
      {
        kind: 'fields',
        fields: [
          { label: '记录摘要', value: `SHA-256 ${shortHash(d.digest)}`, wide: true },
          { label: '操作日志', value: `截至第 ${d.auditHead.seq} 条，${shortHash(d.auditHead.hash)}`, wide: true },
          { label: '日结编号', value: d.closeId, wide: true },
        ],
      },
      {
        kind: 'notes',
        title: '说明',
        items: [
          '本表由 StationDesk 在日结时生成，数字取自本站数据库；日结后对当日记录的变更列入下一次日结报表。',
          '“记录摘要”由县级平台按同一范围的记录重新计算，一致后方为“已确认”。',
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: '日结人', act: '签字' },
          { who: '站长', act: '签字' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(d.closedAt) },
      },
    ],
  };
}
