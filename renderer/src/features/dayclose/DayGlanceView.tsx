/** The day at a glance: the totals as cards, the same figures per clerk, and 上次日结后的变更. */
import { Card, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { DAY_COUNT_KEYS, DAY_COUNT_LABELS, type ClerkDay, type DayGlance, type LateChange } from '../../../../common/contracts/dayclose';
import { formatDateTime } from '../../format';
import * as S from './strings';

type Row = ClerkDay & { key: string };

const clerkColumns: TableColumnsType<Row> = [
  { title: S.CLERK, dataIndex: 'name', key: 'name', fixed: 'left', width: 120, render: (v: string, r) => (r.key === '__total' ? <strong>{v}</strong> : v) },
  ...DAY_COUNT_KEYS.map((k) => ({ title: DAY_COUNT_LABELS[k], key: k, align: 'right' as const, render: (_: unknown, r: Row) => r.counts[k] })),
];

const lateColumns: TableColumnsType<LateChange> = [
  { title: S.LATE_AT, dataIndex: 'at', key: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  { title: S.LATE_ACTION, dataIndex: 'action', key: 'action', width: 200 },
  { title: S.LATE_RECORD, dataIndex: 'record', key: 'record' },
  { title: S.LATE_ACTOR, dataIndex: 'actorName', key: 'actor', width: 120, render: (v: string | null) => v ?? '—' },
];

export function DayGlanceView({ glance }: { glance: DayGlance }) {
  const empty = DAY_COUNT_KEYS.every((k) => glance.totals[k] === 0);
  const rows: Row[] = [...glance.perClerk.map((c) => ({ ...c, key: c.staffId || '__county' })), { key: '__total', staffId: '', name: S.TOTAL_ROW, counts: glance.totals }];
  const receipts = glance.firstReceiptNo ? (glance.firstReceiptNo === glance.lastReceiptNo ? glance.firstReceiptNo : `${glance.firstReceiptNo}${S.RANGE_TO}${glance.lastReceiptNo ?? ''}`) : S.RECEIPTS_NONE;
  return (
    <div className="sd-dayclose-glance">
      <section aria-label={S.TOTALS_TITLE}>
        <Typography.Title level={5}>{S.TOTALS_TITLE}</Typography.Title>
        <div className="sd-dayclose-cards" data-testid="dayclose-totals">
          {DAY_COUNT_KEYS.map((k) => (
            <Card key={k} size="small" className={k === 'overdue' && glance.totals[k] > 0 ? 'sd-dayclose-card sd-dayclose-card-warn' : 'sd-dayclose-card'} title={DAY_COUNT_LABELS[k]} data-testid={`dayclose-count-${k}`}>
              <span className="sd-dayclose-figure">{glance.totals[k]}</span>
            </Card>
          ))}
        </div>
        <p className="sd-dayclose-note">
          {S.RECEIPTS_RANGE}：<span data-testid="dayclose-receipts">{receipts}</span>
          <span className="sd-dayclose-sep">·</span>
          {S.OVERDUE_HINT}
        </p>
      </section>
      <section aria-label={S.PER_CLERK_TITLE}>
        <Typography.Title level={5}>{S.PER_CLERK_TITLE}</Typography.Title>
        {empty ? <Empty description={S.NO_BUSINESS} /> : <Table<Row> size="small" columns={clerkColumns} dataSource={rows} pagination={false} scroll={{ x: 900 }} data-testid="dayclose-per-clerk" />}
      </section>
      {glance.lateChangesTotal > 0 && (
        <section aria-label={S.LATE_TITLE(glance.lateChangesTotal)}>
          <Typography.Title level={5}>{S.LATE_TITLE(glance.lateChangesTotal)}</Typography.Title>
          {glance.lateChangesTotal > glance.lateChanges.length && <p className="sd-dayclose-note">{S.LATE_MORE(glance.lateChanges.length, glance.lateChangesTotal)}</p>}
          <Table<LateChange> size="small" rowKey="seq" columns={lateColumns} dataSource={glance.lateChanges} pagination={false} data-testid="dayclose-late" />
        </section>
      )}
    </div>
  );
}
