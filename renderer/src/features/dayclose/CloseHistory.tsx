/** 历次日结, for the station head: each close, the county's answer, and its report (查看 / 补打). */
import { Alert, Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../format';
import { notifyError, notifySuccess } from '../../components/feedback';
import { reprintReport, type CloseSummary } from './data';
import { StatusTag } from './StatusTag';
import * as S from './strings';

interface Props {
  rows: CloseSummary[] | null;
  error: string | null;
  loading: boolean;
  onView: (documentId: string) => void;
  onChanged: () => void;
}

export function CloseHistory({ rows, error, loading, onView, onChanged }: Props) {
  const [busy, setBusy] = useState<string | null>(null);

  async function reprint(closeId: string) {
    setBusy(closeId);
    try {
      const r = await reprintReport(closeId);
      notifySuccess(S.REPRINTED(r.reprintCount));
      onChanged();
      onView(r.documentId);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<CloseSummary> = [
    { title: S.HISTORY_DAY, dataIndex: 'day', key: 'day', width: 120 },
    { title: S.HISTORY_BY, key: 'by', width: 100, render: (_, r) => r.closedBy.name },
    { title: S.HISTORY_AT, dataIndex: 'closedAt', key: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: S.HISTORY_STATUS, key: 'status', render: (_, r) => <StatusTag county={r.county} /> },
    { title: S.HISTORY_RANGE, key: 'range', width: 130, render: (_, r) => S.RANGE(r.fromSeq, r.throughSeq) },
    { title: S.HISTORY_REPRINTS, dataIndex: 'reprintCount', key: 'reprints', width: 90, align: 'right' },
    {
      title: S.HISTORY_ACTIONS,
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Space>
          {r.documentId && (
            <Button size="small" autoInsertSpace={false} onClick={() => onView(r.documentId!)} data-testid={`dayclose-view-${r.day}`}>
              {S.VIEW}
            </Button>
          )}
          <Button size="small" loading={busy === r.closeId} onClick={() => void reprint(r.closeId)} data-testid={`dayclose-reprint-${r.day}`}>
            {S.REPRINT_SHORT}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <section aria-label={S.HISTORY_TITLE} className="sd-dayclose-history">
      <Typography.Title level={5}>{S.HISTORY_TITLE}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<CloseSummary> size="small" rowKey="closeId" columns={columns} dataSource={rows ?? []} loading={loading} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: S.HISTORY_EMPTY }} data-testid="dayclose-history" />
    </section>
  );
}

