/** 办结回执 / 领取回执 / 送达回执: the affair is done, and (when it is) who received the result. */
import type { CompletionReceiptData } from '../types';
import type { Field, FormModel } from '../layout';
import { dateTimeCn, dayOfCn, ensureMaskedId } from '../format';
import { applicantFields } from './applicant';

export function completionTitle(d: CompletionReceiptData): string {
  if (!d.handover) return '办结回执';
  return d.handover.kind === '领取' ? '办结领取回执' : '办结送达回执';
}

export function completionForm(d: CompletionReceiptData): FormModel {
  const title = completionTitle(d);
  const receiver: Field[] = d.handover ? [{ label: d.handover.kind === '领取' ? (d.proxy ? '代领人' : '领取人') : '签收人', value: d.handover.receiverName, strong: true }] : [];
  if (d.proxy) receiver.push({ label: '代领人身份证号', value: ensureMaskedId(d.proxy.idMasked) }, { label: '与申请人关系', value: d.proxy.relation });
  const at = d.handover?.at ?? d.completedAt;
  return {
    station: d.station,
    title,
    docTitle: `${title} ${d.receiptNo}`,
    madeAt: at,
    number: ['回执编号', d.receiptNo],
    time: d.handover ? [`${d.handover.kind}时间`, dateTimeCn(d.handover.at)] : ['办结时间', dateTimeCn(d.completedAt)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...applicantFields(d.applicant, d.item),
          { label: '受理时间', value: dateTimeCn(d.acceptedAt) },
          { label: '办结时间', value: dateTimeCn(d.completedAt) },
          { label: '办理结果', value: d.result, wide: true },
          ...receiver,
          { label: '经办人', value: d.clerkName },
          { label: '办理站点', value: d.station.name, wide: receiver.length > 0 },
        ],
      },
      {
        kind: 'notes',
        title: '温馨提示',
        items: [
          d.handover ? `办理结果已${d.handover.kind}，请核对无误后签字。` : '您申请的事项已办结，请携带受理回执和本人身份证件到本站领取办理结果。',
          `如对办理结果有疑问，请拨打 ${d.station.phone} 咨询。`,
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: d.handover ? (d.handover.kind === '领取' ? (d.proxy ? '代领人' : '领取人') : '签收人') : '申请人', act: '签字' },
          { who: '经办人', act: '签字' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(at) },
      },
    ],
  };
}
