/** 站长清单: the 近亲属备案 cases kept apart, the overdue and due-soon cases, and 先行救助 paperwork still owed. */
import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { can } from '../../../../common/roles';
import { errorText } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { CaseTable } from './CaseList';
import { reliefData, useReliefNav, type HeadList as HeadListData } from './data';
import * as S from './strings';

export function HeadList() {
  const role = useApp((s) => s.session?.staff.role ?? null);
  const openCase = useReliefNav((s) => s.openCase);
  const [data, setData] = useState<HeadListData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = can(role, 'relief.view');
  useEffect(() => {
    if (allowed) reliefData.headList().then(setData, (err: unknown) => setError(errorText(err)));
  }, [allowed]);
  if (!allowed) return <Alert type="info" showIcon message={S.HEAD_FORBIDDEN} />;
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Spin />;
  return (
    <div data-testid="relief-head">
      <section className="sd-panel sd-relief-section">
        <div className="sd-relief-sub">{S.HEAD_CLOSE}（{data.closeRelatives.length}）</div>
        <CaseTable rows={data.closeRelatives} testId="relief-head-close" />
      </section>
      <section className="sd-panel sd-relief-section">
        <div className="sd-relief-sub">{S.HEAD_OVERDUE}（{data.overdue.length}）</div>
        <CaseTable rows={data.overdue} testId="relief-head-overdue" />
      </section>
      <section className="sd-panel sd-relief-section">
        <div className="sd-relief-sub">{S.HEAD_DUESOON}（{data.dueSoon.length}）</div>
        <CaseTable rows={data.dueSoon} testId="relief-head-duesoon" />
      </section>
      {data.tasks.length > 0 && (
        <section className="sd-panel sd-relief-section">
          <div className="sd-relief-sub">{S.HEAD_TASKS}（{data.tasks.length}）</div>
          <ul data-testid="relief-head-tasks">
            {data.tasks.map((t) => (
              <li key={t.id}>
                <a onClick={() => openCase(t.caseId)}>{t.caseNo}</a> {t.applicantName} · {t.label}（{S.DUE} {t.due}）{S.STATE_LABELS[t.state]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
