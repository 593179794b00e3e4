/** 圆梦交接单: what was handed over, from whom, to whom, signed by all three sides. */
import type { WishHandoverData } from '../types';
import type { FormModel } from '../layout';
import { calendarDateCn, dayOfCn } from '../format';
import { claimantText, wishFields } from './wish-lines';

export const WISH_HANDOVER_TITLE = '圆梦交接单';

export function wishHandoverForm(d: WishHandoverData): FormModel {
  return {
    station: d.station,
    title: WISH_HANDOVER_TITLE,
    docTitle: `${WISH_HANDOVER_TITLE} ${d.wish.wishNo}`,
    madeAt: d.madeAt,
    number: ['心愿编号', d.wish.wishNo],
    time: ['交接日期', calendarDateCn(d.handoverDate)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...wishFields(d.wish),
          { label: '认领方', value: d.claimants.map(claimantText) },
          { label: '交付内容', value: d.delivered, wide: true },
          { label: '受助人确认', value: d.confirmation },
          { label: '交接凭证', value: d.proofSha256 ? `照片已存档（校验值 ${d.proofSha256.slice(0, 12)}…）` : '无' },
          { label: '经办人', value: d.clerkName },
          { label: '交接站点', value: d.station.name },
        ],
      },
      {
        kind: 'notes',
        title: '说明',
        items: [
          '本单一式两份，站点与认领方各执一份。',
          '受助人、认领方、经办人核对交付内容无误后分别签字。',
          `本站将进行回访；如有问题请拨打 ${d.station.phone}。`,
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: '受助人', act: '签收' },
          { who: '认领方', act: '签字' },
          { who: '经办人', act: '签字' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(d.madeAt) },
      },
    ],
  };
}
