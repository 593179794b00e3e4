/** 受理回执: the resident's proof that the station accepted the affair, and by when it is due. */
import type { AcceptanceReceiptData } from '../types';
import type { FormModel } from '../layout';
import { calendarDateCn, dateTimeCn, dayOfCn } from '../format';
import { applicantFields } from './applicant';

export const ACCEPTANCE_TITLE = '受理回执';
/** Over the QR code: what scanning it gives, which is all it gives (there is no online query yet). */
export const QR_CAPTION = '扫码保存回执编号和咨询电话（无需联网）';

export const CHECK_CODE_LABEL = '查询码';
/** Once enrolled: the QR code opens the county's progress page for this receipt. */
export const ONLINE_QR_CAPTION = '手机扫码查看办理进度';
export const onlineLookupLine = (lookupUrl: string) => `或打开 ${lookupUrl} 输入回执编号和查询码`;

/**
 * What the QR code holds (before the station is enrolled): plain text a phone shows offline, with what a later enquiry needs
 * (the number, the item, the promised date, where and whom to ask). Nothing personal: the
 * code can be read off a receipt left on a counter.
 */
export function acceptanceQrText(d: AcceptanceReceiptData): string {
  return [`${ACCEPTANCE_TITLE}编号：${d.qrPayload}`, `办理事项：${d.item.name}`, `承诺办结：${calendarDateCn(d.promisedDate)}`, `受理站点：${d.station.name}`, `咨询电话：${d.station.phone}`].join('\n');
}

/** What both receipts open with: the station, the title, the number and the time. */
function receiptHead(d: AcceptanceReceiptData, title: string, timeLabel: string): Pick<FormModel, 'station' | 'title' | 'docTitle' | 'madeAt' | 'number' | 'time'> {
  return { station: d.station, title, docTitle: `${title} ${d.receiptNo}`, madeAt: d.acceptedAt, number: ['回执编号', d.receiptNo], time: [timeLabel, dateTimeCn(d.acceptedAt)] };
}

/** The applicant, the item and what was received, on both receipts. */
function itemFields(d: AcceptanceReceiptData) {
  return [
    ...applicantFields(d.applicant, d.item),
    { label: '事项类别', value: d.item.category },
    { label: '承办部门', value: d.item.department },
    { label: '已收材料', value: d.materialsReceived },
  ];
}

export function acceptanceForm(d: AcceptanceReceiptData): FormModel {
  if (d.onTheSpot) return onTheSpotForm(d, d.onTheSpot);
  return {
    ...receiptHead(d, ACCEPTANCE_TITLE, '受理时间'),
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...itemFields(d),
          { label: '承诺时限', value: d.timeLimitText },
          { label: '承诺办结', value: d.promiseCaveat ? `${calendarDateCn(d.promisedDate)}（暂定）\n${d.promiseCaveat}` : calendarDateCn(d.promisedDate), wide: Boolean(d.promiseCaveat) },
          { label: '受理人', value: d.clerkName },
          { label: '受理站点', value: d.station.name },
        ],
      },
      d.online
        ? {
            kind: 'progress',
            payload: d.online.url,
            lines: [`${CHECK_CODE_LABEL}：${d.online.checkCode}`, ONLINE_QR_CAPTION, onlineLookupLine(d.online.lookupUrl), `回执编号：${d.receiptNo}`, `咨询电话：${d.station.phone}`],
          }
        : {
            kind: 'progress',
            payload: acceptanceQrText(d),
            lines: [QR_CAPTION, d.progressHint, `回执编号：${d.receiptNo}`, `咨询电话：${d.station.phone}`],
          },
      {
        kind: 'notes',
        title: '温馨提示',
        items: [
          '本回执是受理凭证，请妥善保管；领取办理结果时请携带本回执和本人身份证件。',
          ...(d.item.forwarded ? [`本事项由本站受理后报送${d.item.department}审批，办理结果以审批决定为准。`] : []),
          `承诺办结日期按工作日计算，节假日顺延；逾期未办结的，可拨打 ${d.station.phone} 咨询或投诉。`,
          '委托他人领取的，受托人须携带委托书、本回执及双方身份证件。',
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: '申请人', act: '签字' },
          { who: '受理人', act: '签字' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(d.acceptedAt) },
      },
    ],
  };
}

export const ON_THE_SPOT_TITLE = '当场办结回执';

/** Accepted and completed at once: one receipt, with the result instead of a promised date. */
function onTheSpotForm(d: AcceptanceReceiptData, done: NonNullable<AcceptanceReceiptData['onTheSpot']>): FormModel {
  return {
    ...receiptHead(d, ON_THE_SPOT_TITLE, '办理时间'),
    blocks: [
      {
        kind: 'fields',
        fields: [
          ...itemFields(d),
          { label: '办理方式', value: '当场办结', strong: true },
          { label: '办结时间', value: dateTimeCn(done.completedAt) },
          { label: '办理结果', value: done.result, wide: true },
          { label: '交付情况', value: done.handedOverTo ? `已当场交付，${done.handedOverTo}领取` : '办理结果待领取' },
          { label: '经办人', value: d.clerkName },
        ],
      },
      {
        kind: 'notes',
        title: '温馨提示',
        items: [
          '本事项已在本站当场办结，本回执即为受理及办结凭证，请妥善保管。',
          ...(done.handedOverTo ? ['办理结果已当场交付，请核对无误后签字。'] : ['请携带本回执和本人身份证件到本站领取办理结果。']),
          `如对办理结果有疑问，请拨打 ${d.station.phone} 咨询。`,
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { who: '申请人', act: done.handedOverTo ? '签收' : '签字' },
          { who: '经办人', act: '签字' },
        ],
        stamp: { org: d.station.name, date: dayOfCn(d.acceptedAt) },
      },
    ],
  };
}
