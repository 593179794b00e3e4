/**
 * 社会救助 on the workbench: open, overdue and due-soon cases, refusals still to notify and
 * 先行救助 paperwork owed, each a way into the case list; for the station head, the cases on
 * their list (近亲属备案, overdue) by name. Read each minute: a case goes overdue by the clock.
 */
import { ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../../common/roles';
import { ApiError } from '../../api';
import { errorText } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { useClock } from '../../stores/clock';
import { useNav } from '../../stores/nav';
import { reliefData, useReliefNav, type HeadList, type ListView } from '../relief/data';
import * as S from './relief-strings';

type Counts = Awaited<ReturnType<typeof reliefData.counts>>;

export function ReliefFlags() {
  const role = useApp((s) => s.session?.staff.role ?? null);
  const minute = useClock((s) => s.minute);
  const go = useNav((s) => s.go);
  const openList = useReliefNav((s) => s.openList);
  const openCase = useReliefNav((s) => s.openCase);
  const setTab = useReliefNav((s) => s.setTab);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [head, setHead] = useState<HeadList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isHead = can(role, 'relief.view');

  const load = useCallback(async () => {
    try {
      setCounts(await reliefData.counts());
      if (isHead) setHead(await reliefData.headList());
      setError(null);
    } catch (err) {
      // a station without relief yet says nothing here; anything else is shown
      setError(err instanceof ApiError && err.code === 'UNAVAILABLE' ? null : errorText(err));
    }
  }, [isHead]);
  useEffect(() => {
    void load();
  }, [load, minute]);

  if (!counts) return error ? <div className="sd-counts-error" role="alert">{S.FAILED}：{error}</div> : null;

  const open = (view: ListView) => {
    openList(view);
    go('relief');
  };
  const attention = (n: number, key: string) => (n > 0 && (key === 'overdue' || key === 'refusalNoticesDue' || key === 'tasksDue') ? 'overdue' : n > 0 && key === 'dueSoon' ? 'duesoon' : '');
  const headCases = head ? [...head.closeRelatives.map((c) => ({ c, why: S.WHY_CLOSE })), ...head.overdue.map((c) => ({ c, why: S.WHY_OVERDUE }))] : [];

  return (
    <section className="sd-relief-flags" aria-label={S.HEADING} data-testid="workbench-relief">
      <div className="sd-relief-flags-head">{S.HEADING}</div>
      <div className="sd-counts">
        {S.CARDS.map((card) => {
          const n = counts[card.key];
          const tone = attention(n, card.key);
          return (
            <button key={card.key} type="button" className={`sd-count-card ${tone}`} onClick={() => open(card.view)} data-testid={`workbench-relief-${card.key}`} title={card.note}>
              <span className="sd-count-label">
                {card.label}
                {tone && (
                  <span className="sd-count-flag">
                    <ExclamationCircleOutlined /> {S.ATTENTION}
                  </span>
                )}
              </span>
              <span className="sd-count-value">
                <span className="sd-count-number" data-testid={`workbench-relief-count-${card.key}`}>
                  {n}
                </span>
                <span className="sd-count-unit">{S.UNIT}</span>
              </span>
              <span className="sd-count-note">
                {card.note}
                <RightOutlined className="sd-count-arrow" />
              </span>
            </button>
          );
        })}
      </div>
      {isHead && headCases.length > 0 && (
        <div className="sd-panel sd-relief-headlist" data-testid="workbench-relief-head">
          <div className="sd-relief-flags-head">
            {S.HEAD_HEADING}
            <button
              type="button"
              className="sd-link-button"
              onClick={() => {
                setTab('head');
                go('relief');
              }}
            >
              {S.HEAD_ALL}
            </button>
          </div>
          <ul>
            {headCases.slice(0, 8).map(({ c, why }) => (
              <li key={`${why}-${c.id}`}>
                <button
                  type="button"
                  className="sd-link-button"
                  onClick={() => {
                    openCase(c.id);
                    go('relief');
                  }}
                >
                  {c.caseNo}
                </button>{' '}
                {c.applicantName} · <span className={why === S.WHY_OVERDUE ? 'sd-relief-flag-overdue' : 'sd-relief-flag-close'}>{why}</span>
                {c.nextDue ? ` · ${c.nextDue.label} ${c.nextDue.due}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
