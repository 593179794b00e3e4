import { Tag } from 'antd';
import * as S from './strings';

const COLORS: Record<string, string> = { overdue: 'red', dueSoon: 'orange', normal: 'green', closed: 'default' };

export function UrgencyTag({ urgency }: { urgency: string }) {
  if (urgency === 'normal') return null;
  return (
    <Tag color={COLORS[urgency]} data-testid={`relief-urgency-${urgency}`}>
      {S.URGENCY_LABELS[urgency] ?? urgency}
    </Tag>
  );
}
