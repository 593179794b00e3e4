/** The 日结报表's printable data, from a close as it stands (the county's answer included). */
import type { Station } from '../../common/contract';
import { DAY_CLOSE_STATUS_LABELS, DAY_COUNT_KEYS, type DayCountKey, type DayGlance } from '../../common/contracts/dayclose';
import type { PrintableDocument } from '../pdf/types';
import { dateTimeCn } from '../pdf/format';
import type { DayCloseRow } from './dayclose-store';

/** The newest changes since the last close that the sheet lists (the screen shows more). */
const LATE_PRINTED = 15;

/** Column heads short enough for ten figures across A4. */
const SHORT_HEADS: Record<DayCountKey, string> = {
  accepted: '受理',
  completed: '办结',
  forwarded: '转报',
  returned: '退回',
  cancelled: '撤销',
  handedOver: '领取\n送达',
  overdue: '逾期',
  notices: '告知书',
  receipts: '受理\n回执',
  reprints: '补打',
};

function countyDetail(r: DayCloseRow): string {
  if (r.county_status === 'confirmed') return r.county_answered_at ? `县级平台于 ${dateTimeCn(r.county_answered_at)} 确认` : '县级平台已确认';
  if (r.county_status === 'pending') return r.county_reason ? `${r.county_reason}；本机已日结，确认后自动更新` : '本机已日结，等待县级平台确认';
  return r.county_reason ?? '县级平台核对不一致，请联系县级平台';
}

export function dayCloseReport(r: DayCloseRow, g: DayGlance, station: Station): PrintableDocument {
  const row = (name: string, c: DayGlance['totals']) => ({ name: name.slice(0, 30), values: DAY_COUNT_KEYS.map((k) => c[k]) });
  return {
    kind: 'dayclose.report',
    data: {
      station: { code: station.code, name: station.name, county: station.county, address: station.address, phone: station.phone },
      day: r.day,
      closeId: r.id,
      closedAt: r.closed_at,
      closedByName: r.closed_by_name,
      countHeaders: ['工作人员', ...DAY_COUNT_KEYS.map((k) => SHORT_HEADS[k])],
      countRows: [...g.perClerk.map((c) => row(c.name, c.counts)), row('合计', g.totals)],
      firstReceiptNo: r.first_receipt_no,
      lastReceiptNo: r.last_receipt_no,
      lateChanges: g.lateChanges.slice(-LATE_PRINTED).map((c) => ({ at: c.at, action: c.action.slice(0, 40), record: c.record.slice(0, 80), actorName: c.actorName?.slice(0, 30) ?? null })),
      lateChangesTotal: g.lateChangesTotal,
      countyStatus: DAY_CLOSE_STATUS_LABELS[r.county_status],
      countyDetail: countyDetail(r).slice(0, 300),
      fromSeq: r.from_seq,
      throughSeq: r.through_seq,
      digest: r.digest,
      auditHead: { seq: r.audit_seq, hash: r.audit_hash },
    },
  };
}
