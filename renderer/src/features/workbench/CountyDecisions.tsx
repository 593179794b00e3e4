/**
 * The county's latest decisions on this station's forwarded items (accepted with a
 * department, completed with a result, returned with a reason), read each minute; each
 * opens the 代办 work list, where the item shows the decision in full.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../common/contract';
import { api } from '../../api';
import { errorText } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useIntakeNav } from '../intake/nav';
import { useClock } from '../../stores/clock';
import { useNav } from '../../stores/nav';
import * as S from './strings';

type Decisions = CallOutput<'sync.decisions'>;

export function CountyDecisions() {
  const [list, setList] = useState<Decisions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const minute = useClock((s) => s.minute);
  const go = useNav((s) => s.go);
  const openList = useIntakeNav((s) => s.openList);

  const load = useCallback(async () => {
    try {
      setList(await api['sync.decisions']({ limit: 5 }));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, minute]);

  return (
    <div className="sd-panel sd-section-gap sd-county-decisions" data-testid="workbench-county" aria-label={S.COUNTY_HEADING}>
      <h3 className="sd-detail-heading">{S.COUNTY_HEADING}</h3>
      {error && <p className="sd-muted">{S.COUNTY_FAILED}：{error}</p>}
      {list && list.length === 0 && <p className="sd-muted">{S.COUNTY_EMPTY}</p>}
      {list && list.length > 0 && (
        <ul>
          {list.map((d) => (
            <li key={d.intakeId}>
              <button
                type="button"
                className="sd-county-decision"
                data-testid="workbench-county-item"
                onClick={() => {
                  openList('all');
                  go('intake');
                }}
              >
                <span className={`sd-county-tag ${d.decision}`}>{S.COUNTY_DECISION_LABELS[d.decision]}</span>
                <span>
                  {d.receiptNo} · {d.itemName} · {d.residentName}
                </span>
                <span className="sd-muted">{S.COUNTY_DETAIL(d)}</span>
                <span className="sd-muted">{formatDateTime(d.decidedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
