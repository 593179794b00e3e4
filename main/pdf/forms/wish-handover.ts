/**
 * 圆梦交接单: what was handed over, from whom, to whom, signed by all three sides — by each
 * claimant of a joint claim (认领方一, 认领方二 … in the order listed), up to three boxes a row.
 */
import type { WishHandoverData } from '../types';
import type { FormModel } from '../layout';
import { calendarDateCn, dayOfCn } from '../format';
import type { Block, Signer } from '../layout';
import { claimantText, wishFields } from './wish-lines';

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** at most three signature boxes to a row, the rows as even as they go (four: two and two) */
const MOST_PER_ROW = 3;

function proofText(shas: readonly string[]): string {
  if (shas.length === 0) return '无';
  const marks = shas.map((s) => `${s.slice(0, 12)}…`).join('、');
  return shas.length === 1 ? `照片已存档（校验值 ${marks}）` : `${shas.length} 张照片已存档（校验值 ${marks}）`;
}

export const WISH_HANDOVER_TITLE = '圆梦交接单';

export function wishHandoverForm(d: WishHandoverData): FormModel {
  const joint = d.claimants.length > 1;
  const numbered = (i: number) => (joint ? `认领方${ORDINAL[i] ?? i + 1}` : '认领方');
  const signers: Signer[] = [{ who: '受助人', act: '签收' }, ...d.claimants.map((_, i): Signer => ({ who: numbered(i), act: '签字' })), { who: '经办人', act: '签字' }];
  const rows: Block[] = [];
  const perRow = Math.ceil(signers.length / Math.ceil(signers.length / MOST_PER_ROW));
  for (let i = 0; i < signers.length; i += perRow) rows.push({ kind: 'signatures', signers: signers.slice(i, i + perRow) });
  const last = rows[rows.length - 1]!;
  if (last.kind === 'signatures') last.stamp = { org: d.station.name, date: dayOfCn(d.madeAt) };
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
          { label: '认领方', value: d.claimants.map((c, i) => (joint ? `${numbered(i)}：${claimantText(c)}` : claimantText(c))) },
          { label: '交付内容', value: d.delivered, wide: true },
          { label: '受助人确认', value: d.confirmation },
          { label: '交接凭证', value: proofText(d.proofSha256s) },
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
      ...rows,
    ],
  };
}
