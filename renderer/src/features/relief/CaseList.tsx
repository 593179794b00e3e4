/** 救助案件: the open, overdue, due-soon and 近亲属备案 cases; Enter or a click opens one. */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { RELIEF_STATUS_LABELS, RELIEF_TYPE_LABELS } from '../../../../common/relief';
import { errorText } from '../../components/feedback';
import { UrgencyTag } from './UrgencyTag';
import { reliefData, useReliefNav, type ListView, type ReliefSummary } from './data';
import * as S from './strings';

export function CaseTable({ rows, testId }: { rows: ReliefSummary[]; testId: string }) {
  const openCase = useReliefNav((s) => s.openCase);
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: S.EMPTY }}
      data-testid={testId}
      onRow={(r) => ({ onClick: () => openCase(r.id), onKeyDown: (e) => e.key === 'Enter' && openCase(r.id), tabIndex: 0, 'data-testid': `relief-row-${r.caseNo}` }) as React.HTMLAttributes<HTMLElement>}
      rowClassName={(r) => `sd-relief-row-${r.urgency}`}
      columns={[
        { title: S.COL_NO, dataIndex: 'caseNo', className: 'sd-mono' },
        { title: S.COL_APPLICANT, dataIndex: 'applicantName' },
        { title: S.COL_TYPE, dataIndex: 'type', render: (v: keyof typeof RELIEF_TYPE_LABELS) => RELIEF_TYPE_LABELS[v] },
        { title: S.COL_SIZE, dataIndex: 'householdSize' },
        {
          title: S.COL_STATUS,
          key: 'status',
          render: (_, r) => (
            <>
              {RELIEF_STATUS_LABELS[r.status]} <UrgencyTag urgency={r.urgency} />
              {r.closeRelative && <Tag color="purple">{S.CLOSE_RELATIVE}</Tag>}
            </>
          ),
        },
        { title: S.COL_NEXT, key: 'next', render: (_, r) => (r.nextDue ? `${r.nextDue.label} ${r.nextDue.due}` : '—') },
        { title: S.COL_DUE, dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function CaseList() {
  const view = useReliefNav((s) => s.listView);
  const openList = useReliefNav((s) => s.openList);
  const [rows, setRows] = useState<ReliefSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (v: ListView) => {
    try {
      setRows(await reliefData.list(v));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load(view);
  }, [view, load]);
  return (
    <div className="sd-panel sd-relief-section" data-testid="relief-list">
      <Segmented value={view} options={S.VIEWS.map((v) => ({ value: v.key, label: v.label }))} onChange={(v) => openList(v as ListView)} data-testid="relief-list-views" />
      {error && <Alert type="error" showIcon message={`${S.LOAD_FAILED}：${error}`} action={<Button icon={<ReloadOutlined />} onClick={() => void load(view)}>{S.RETRY}</Button>} />}
      <CaseTable rows={rows ?? []} testId="relief-list-table" />
    </div>
  );
}
