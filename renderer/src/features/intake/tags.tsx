/** How a record's status, urgency and promised date look, the same in the list, the drawer and the form. */
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { INTAKE_STATUS_LABELS, type IntakeStatus } from '../../../../common/intake-status';
import type { IntakeRecord } from '../../../../common/contracts/intake';
import { formatDateCn, formatDateTime, formatTime, stationDate } from '../../../../common/time';
import { formatWeekday } from '../../format';
import * as S from './strings';

const STATUS_COLORS: Record<IntakeStatus, string> = {
  accepted: 'blue',
  processing: 'geekblue',
  forwarded: 'purple',
  completed: 'green',
  collected: 'default',
  delivered: 'default',
  returned: 'orange',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: IntakeStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} className="sd-status-tag" data-status={status}>
      {INTAKE_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Red or amber with words and an icon: a clerk who cannot tell the colours apart still reads it. */
export function UrgencyTag({ urgency }: { urgency: IntakeRecord['urgency'] }) {
  if (urgency === 'overdue')
    return (
      <Tag color="error" variant="solid" icon={<ExclamationCircleOutlined />} className="sd-urgency-tag" data-urgency="overdue">
        {S.URGENCY_OVERDUE}
      </Tag>
    );
  if (urgency === 'dueSoon')
    return (
      <Tag color="warning" variant="solid" icon={<ClockCircleOutlined />} className="sd-urgency-tag" data-urgency="dueSoon">
        {S.URGENCY_DUE_SOON}
      </Tag>
    );
  return null;
}

/** "2026-12-04" → "2026年12月4日 星期五" */
export function promisedDateText(date: string): string {
  return `${formatDateCn(date)} ${formatWeekday(`${date}T12:00:00+08:00`)}`;
}

const SHORT_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** What accepting promises, in words: "2026年12月4日 星期五", or "2026年11月27日 18:03 前" for an hours limit. */
export function promiseText(p: Pick<IntakeRecord, 'promisedDate' | 'promisedAt'>): string {
  if (p.promisedAt) return S.PROMISED_AT(`${formatDateCn(stationDate(p.promisedAt))} ${formatTime(p.promisedAt)}`);
  return promisedDateText(p.promisedDate);
}

/** The promise as a table cell: "2026/12/04 周五", or the date and hour for items promised in hours. */
export function promisedShort(r: Pick<IntakeRecord, 'promisedDate' | 'promisedAt'>): string {
  if (r.promisedAt) return formatDateTime(r.promisedAt);
  // a calendar date, not an instant: its weekday does not depend on the PC's time zone
  const weekday = SHORT_WEEKDAYS[new Date(`${r.promisedDate}T00:00:00Z`).getUTCDay()] ?? '';
  return `${r.promisedDate.replaceAll('-', '/')} ${weekday}`;
}
