/** The county's answer to a close as a tag: 已确认 green, 待确认 amber (with why), 不一致 red. */
import { Tag, Tooltip } from 'antd';
import type { DayCloseSummary } from '../../../../common/contracts/dayclose';
import { formatDateTime } from '../../format';
import * as S from './strings';

const COLORS = { confirmed: 'green', pending: 'gold', mismatch: 'red' } as const;

/** brief: the tag alone, where the reason is said beside it already */
export function StatusTag({ county, brief = false }: { county: DayCloseSummary['county']; brief?: boolean }) {
  const detail = brief ? null : county.status === 'confirmed' ? (county.answeredAt ? S.COUNTY_CONFIRMED(formatDateTime(county.answeredAt)) : null) : county.reason;
  return (
    <span className="sd-dayclose-status">
      <Tag color={COLORS[county.status]} data-testid="dayclose-status">
        {S.STATUS(county.status)}
      </Tag>
      {detail && (
        <Tooltip title={detail}>
          <span className="sd-dayclose-status-why">{detail}</span>
        </Tooltip>
      )}
    </span>
  );
}
