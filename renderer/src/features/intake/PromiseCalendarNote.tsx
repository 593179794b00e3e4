/**
 * How a promise stands against the working-day calendar, beside the date wherever a clerk
 * reads it: 暂定 when it was counted on the statutory holidays before the year's notice,
 * and, once the notice has come, the date it would give now (the printed date stands).
 */
import { Tag, Tooltip } from 'antd';
import type { PromiseCalendar } from '../../../../common/contracts/calendar';
import * as C from './calendar-strings';
import './calendar.css';

export function ProvisionalTag() {
  return (
    <Tooltip title={C.PROVISIONAL_HELP}>
      <Tag color="gold" className="sd-promise-provisional" data-testid="promise-provisional">
        {C.PROVISIONAL}
      </Tag>
    </Tooltip>
  );
}

export function PromiseCalendarNote({ calendar }: { calendar: PromiseCalendar }) {
  if (!calendar.provisional && !calendar.note) return null;
  return (
    <span className="sd-promise-calendar" data-testid="promise-calendar" data-current-date={calendar.currentDate ?? ''}>
      {calendar.provisional && <ProvisionalTag />}
      {calendar.note && <span className={calendar.currentDate ? 'sd-promise-changed' : 'sd-muted'}>{calendar.note}</span>}
    </span>
  );
}
