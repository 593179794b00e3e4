/**
 * 认领凭证: the claimant's proof of what they promised, for whom and by when. The
 * beneficiary appears masked (张*华) and nothing else of them: the voucher leaves the station.
 */
import type { WishClaimVoucherData } from '../types';
import type { FormModel } from '../layout';
import { calendarDateCn, dateTimeCn, dayOfCn } from '../format';
import { claimantText, wishFields } from './wish-lines';

export const WISH_CLAIM_TITLE = '微心愿认领凭证';

export function wishClaimForm(d: WishClaimVoucherData): FormModel {
  const joint = d.claimants.length > 1;
  return {
    station: d.station,
    title: WISH_CLAIM_TITLE,
    docTitle: `${WISH_CLAIM_TITLE} ${d.wish.wishNo}`,
    madeAt: d.claimedAt,
    number: ['心愿编号', d.wish.wishNo],
    time: ['认领时间', dateTimeCn(d.claimedAt)],
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...wishFields(d.wish),
          { label: '认领人', value: claimantText(d.claimant), wide: true, strong: true },
          ...(joint ? [{ label: '共同认领', value: d.claimants.map(claimantText) }] : []),
          { label: '承诺交接', value: calendarDateCn(d.promisedDate), strong: true },
          { label: '站点联系人', value: d.contactName.trim() === '' ? d.clerkName : d.contactName },
          { label: '联系电话', value: d.station.phone },
          { label: '经办人', value: d.clerkName },
        ],
      },
      {
        kind: 'notes',
        title: '温馨提示',
        items: [
          '本凭证是认领微心愿的凭据，请妥善保管；交接时请携带本凭证。',
          `请于${calendarDateCn(d.promisedDate)}前与本站联系，由本站组织交接，交接时填写圆梦交接单。`,
          ...(joint ? ['本心愿由多方共同认领，各方按认领份额承担，交接由本站统一组织。'] : []),
          '为保护居民隐私，受助居民姓名已部分隐去，请勿私下联系或上门。',
          `如需变更或放弃认领，请拨打 ${d.station.phone}。`,
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: '认领人', act: '签字' },
          { who: '经办人', act: '签字' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(d.claimedAt) },
      },
    ],
  };
}
