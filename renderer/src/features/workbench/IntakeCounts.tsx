/**
 * The 代办 numbers a clerk starts the day with: today's intake, their own open items,
 * overdue and due soon, read from main each time the workbench opens (and each minute,
 * since an item becomes overdue by the clock alone). Each opens the work list at its view.
 */
import { ExclamationCircleOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../common/contract';
import { api } from '../../api';
import { errorText } from '../../components/feedback';
import { useIntakeNav } from '../intake/nav';
import { useClock } from '../../stores/clock';
import { useNav } from '../../stores/nav';
import * as S from './strings';

type Counts = CallOutput<'intake.counts'>;

export function IntakeCounts() {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const minute = useClock((s) => s.minute);
  const go = useNav((s) => s.go);
  const openList = useIntakeNav((s) => s.openList);

  const load = useCallback(async () => {
    try {
      setCounts(await api['intake.counts']({}));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, minute]);

  return (
    <div className="sd-counts" aria-label={S.COUNTS_HEADING}>
      {S.COUNTS.map((c) => {
        const n = counts ? counts[c.key] : null;
        const tone = n && c.key === 'overdue' ? 'overdue' : n && c.key === 'dueSoon' ? 'duesoon' : '';
        return (
          <button
            key={c.key}
            type="button"
            className={`sd-count-card ${tone}`}
            onClick={() => {
              openList(c.key);
              go('intake');
            }}
            data-testid={`workbench-link-${c.key}`}
            title={`${c.note}，${S.COUNTS_OPEN}`}
          >
            <span className="sd-count-label">
              {c.label}
              {tone && (
                <span className="sd-count-flag">
                  <ExclamationCircleOutlined /> {S.COUNTS_ATTENTION}
                </span>
              )}
            </span>
            <span className="sd-count-value">
              <span className="sd-count-number" data-testid={`workbench-count-${c.key}`}>
                {n ?? '—'}
              </span>
              <span className="sd-count-unit">{S.COUNTS_UNIT}</span>
            </span>
            <span className="sd-count-note">
              {c.note}
              <RightOutlined className="sd-count-arrow" />
            </span>
          </button>
        );
      })}
      {error && (
        <div className="sd-counts-error" role="alert" data-testid="workbench-counts-error">
          {S.COUNTS_FAILED}：{error}
          <Button type="link" size="small" icon={<ReloadOutlined />} onClick={() => void load()}>
            {S.COUNTS_RETRY}
          </Button>
        </div>
      )}
    </div>
  );
}
