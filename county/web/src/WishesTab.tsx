/** 微心愿 (read only): each station's wishes, filterable by station and status, each with its steps. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CountyWish } from '../../../common/county/wishes';
import type { StationRow } from '../../../common/county/admin';
import { formatDateTime } from '../../../common/time';
import { api, messageOf } from './api';
import { S } from './strings';
import { W } from './wish-strings';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const STATUS_COLORS: Record<string, string> = { pending: 'gold', published: 'blue', claimed: 'cyan', fulfilled: 'green', followedUp: 'green', rejected: 'red', withdrawn: 'default', expired: 'volcano' };

function Steps({ w }: { w: CountyWish }) {
  return (
    <div data-testid="county-wish-steps">
      {w.shares.length > 0 && (
        <Typography.Paragraph>
          {W.claim}
          {w.claimNo ? ` ${w.claimNo}` : ''}：{w.shares.map((s) => W.share(s.name, s.category, s.percent, yuan(s.valueFen))).join('；')}
          {w.proofs > 0 ? `\u3000${W.proofs(w.proofs)}` : ''}
        </Typography.Paragraph>
      )}
      <Timeline
        items={w.steps.map((s) => ({
          color: STATUS_COLORS[s.status] ?? 'gray',
          children: (
            <span data-testid="county-wish-step">
              {formatDateTime(s.occurredAt)} · {W.stepLabels[s.step] ?? s.step} → {W.statusLabels[s.status] ?? s.status}
              {s.note ? `（${s.note}）` : ''}
            </span>
          ),
        }))}
      />
    </div>
  );
}

export function WishesTab() {
  const [stations, setStations] = useState<StationRow[]>([]);
  const [stationId, setStationId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [rows, setRows] = useState<CountyWish[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setRows(await api.wishes({ ...(stationId ? { stationId } : {}), ...(status ? { status } : {}) }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [stationId, status]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    api.stations().then(setStations, (e: unknown) => setError(messageOf(e)));
  }, []);

  const columns: ColumnsType<CountyWish> = [
    { title: W.station, dataIndex: 'stationName', width: 160 },
    { title: W.no, dataIndex: 'wishNo', width: 210, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: W.title, dataIndex: 'title' },
    { title: W.beneficiary, dataIndex: 'beneficiaryMasked', width: 90 },
    { title: W.category, dataIndex: 'category', width: 90 },
    { title: W.value, dataIndex: 'valueFen', width: 100, align: 'right', render: (v: number) => yuan(v) },
    { title: W.deadline, dataIndex: 'deadline', width: 110 },
    { title: W.handover, dataIndex: 'handoverDate', width: 110, render: (v: string | null) => v ?? S.none },
    { title: W.satisfaction, dataIndex: 'satisfaction', width: 100, render: (v: string | null) => v ?? S.none },
    { title: W.status, dataIndex: 'status', width: 90, render: (v: string) => <Tag color={STATUS_COLORS[v] ?? 'default'}>{W.statusLabels[v] ?? v}</Tag> },
  ];

  return (
    <div data-testid="county-wishes">
      <Typography.Paragraph type="secondary">{W.intro}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<string>
          style={{ width: 220 }}
          value={stationId ?? ''}
          onChange={(v) => setStationId(v || undefined)}
          options={[{ value: '', label: W.allStations }, ...stations.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }))]}
          data-testid="county-wishes-station"
        />
        <Select<string>
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(v) => setStatus(v || undefined)}
          options={[{ value: '', label: W.allStatuses }, ...Object.entries(W.statusLabels).map(([value, label]) => ({ value, label }))]}
          data-testid="county-wishes-status"
        />
        <Button onClick={() => void load()}>{S.refresh}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<CountyWish>
        rowKey={(r) => `${r.stationId}/${r.wishId}`}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows ?? []}
        locale={{ emptyText: W.empty }}
        expandable={{ expandedRowRender: (w) => <Steps w={w} />, expandRowByClick: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={() => ({ 'data-testid': 'county-wish-row' }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
