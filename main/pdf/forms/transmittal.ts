/**
 * 转报单: the list of items a station hands to one county department at once, signed by
 * the person who received them. The station keeps one copy and the department one; the
 * 身份证号 are masked like every other print (the department has the files themselves).
 */
import type { TransmittalData } from '../types';
import type { FormModel } from '../layout';
import { dateTimeCn, dayOfCn, ensureMaskedId } from '../format';

export const TRANSMITTAL_TITLE = '转报单';

export function transmittalForm(d: TransmittalData): FormModel {
  const count = d.items.length;
  return {
    station: d.station,
    title: TRANSMITTAL_TITLE,
    docTitle: `${TRANSMITTAL_TITLE} ${d.transmittalNo}`,
    madeAt: d.createdAt,
    number: ['转报单编号', d.transmittalNo],
    time: ['转报时间', dateTimeCn(d.createdAt)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '接收部门', value: d.department, strong: true },
          { label: '报送方式', value: d.channel },
          { label: '接收人', value: d.receiverName },
          { label: '接收时间', value: dateTimeCn(d.receivedAt) },
          { label: '报送站点', value: d.station.name },
          { label: '经办人', value: d.clerkName },
          { label: '事项件数', value: `共 ${count} 件`, wide: true },
        ],
      },
      {
        kind: 'table',
        caption: `转报事项清单（共 ${count} 件）`,
        headers: ['序号', '回执编号', '办理事项', '申请人 / 身份证号', '随附材料'],
        // fixed widths, and the number broken after the station code on purpose: 'auto'
        // columns let pdfmake wrap a short header one character a line
        widths: [22, 80, 80, 108, '*'],
        rows: d.items.map((it, i) => [
          String(i + 1),
          it.receiptNo.replace(/^([^-]+-)/, '$1\n'),
          it.itemName,
          `${it.applicantName}\n${ensureMaskedId(it.idMasked)}`,
          it.materials.length > 0 ? it.materials.map((m, j) => `${j + 1}. ${m}`).join('\n') : '—',
        ]),
      },
      ...(d.note ? [{ kind: 'paragraph' as const, text: `备注：${d.note}` }] : []),
      {
        kind: 'notes',
        title: '说明',
        items: [
          '请接收部门核对所列事项及随附材料，确认无误后签收；本单一式两份，报送站点与接收部门各留一份。',
          `办理结果请反馈${d.station.name}（电话 ${d.station.phone}），由本站通知申请人。`,
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: '报送人', act: '签字' },
          { who: '接收人', act: '签收' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(d.createdAt) },
      },
    ],
  };
}
