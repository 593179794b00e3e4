/**
 * 一次性告知书（补正材料通知）: everything still missing, listed at once, so the resident
 * comes back one more time at most ("一次性告知" rule).
 */
import type { CorrectionNoticeData } from '../types';
import type { FormModel } from '../layout';
import { dateTimeCn, dayOfCn } from '../format';
import { applicantFields } from './applicant';

export const CORRECTION_TITLE = '一次性告知书';

export function correctionForm(d: CorrectionNoticeData): FormModel {
  const intro =
    `您申请办理的“${d.item.name}”事项共需提交 ${d.materialsRequired.length} 项材料，经初步审查，申请材料尚不齐全。按照一次性告知的要求，` +
    `现将需要补正的全部材料（共 ${d.materialsMissing.length} 项）一次性告知如下，请补齐后携带本告知书到本站办理。`;
  return {
    station: d.station,
    title: CORRECTION_TITLE,
    docTitle: `${CORRECTION_TITLE} ${d.noticeNo}`,
    madeAt: d.issuedAt,
    number: ['告知书编号', d.noticeNo],
    time: ['告知时间', dateTimeCn(d.issuedAt)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...applicantFields(d.applicant, d.item),
          { label: '承办部门', value: d.item.department },
          { label: '告知人', value: d.clerkName },
          { label: '已收材料', value: d.materialsReceived },
        ],
      },
      { kind: 'paragraph', text: intro, indent: true },
      {
        kind: 'table',
        caption: `需补正的材料（共 ${d.materialsMissing.length} 项）`,
        headers: ['序号', '材料名称'],
        widths: [36, '*'],
        rows: d.materialsMissing.map((m, i) => [String(i + 1), m]),
      },
      ...(d.note ? [{ kind: 'paragraph' as const, text: `备注：${d.note}` }] : []),
      {
        kind: 'notes',
        title: '说明',
        items: [
          '本告知书所列为本事项需补正的全部材料，本站不再另行要求其他材料。',
          `如对告知内容有疑问，请拨打 ${d.station.phone} 咨询。`,
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: '告知人', act: '签字' },
          { who: '申请人', act: '签收' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(d.issuedAt) },
      },
    ],
  };
}
