/** 认领方: the registry of persons and units who claim wishes, each with its history. */
import { Alert, Button, Drawer, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCallback, useState } from 'react';
import { CLAIMANT_KIND_LABELS, WISH_STATUS_LABELS } from '../../../../common/wish-status';
import { formatDateTime } from '../../format';
import { claimants, useLoad, type Claimant, type ClaimantDetail } from './data';
import { ClaimantForm } from './ClaimantForm';
import * as S from './strings';

function History({ id, onEdit }: { id: string; onEdit: (c: Claimant) => void }) {
  const load = useCallback(() => claimants.get(id), [id]);
  const d = useLoad(load);
  if (d.error) return <Alert type="error" showIcon title={d.error} />;
  if (!d.data) return null;
  const c = d.data.claimant;
  const cols: TableColumnsType<ClaimantDetail['history'][number]> = [
    { title: S.COL_NO, dataIndex: 'wishNo', render: (v: string) => <span className="sd-mono">{v}</span> },
    { title: S.COL_TITLE, dataIndex: 'title' },
    { title: S.COL_BENEFICIARY, dataIndex: 'beneficiaryMasked', width: 90 },
    { title: S.C_PERCENT, dataIndex: 'percent', width: 80, render: (v: number) => `${v}%` },
    { title: '认领时间', dataIndex: 'claimedAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: S.COL_STATUS, dataIndex: 'status', width: 90, render: (v: keyof typeof WISH_STATUS_LABELS, r) => (r.cancelled ? '已取消认领' : WISH_STATUS_LABELS[v]) },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="claimant-history">
      <Space wrap>
        <Typography.Text strong>{c.name}</Typography.Text>
        <Tag>{c.category}</Tag>
        <span>{c.contactName}</span>
        <span className="sd-mono">{c.phone}</span>
        {c.creditCode && <span className="sd-mono">{c.creditCode}</span>}
        <Button size="small" onClick={() => onEdit(c)} data-testid="claimant-edit">
          {S.CL_EDIT}
        </Button>
      </Space>
      {c.creditCodeWarning && <Alert type="warning" showIcon title={c.creditCodeWarning} />}
      <Typography.Text>{S.CL_CLAIMS(c.claims, c.fulfilled)}</Typography.Text>
      <Table size="small" rowKey="claimNo" columns={cols} dataSource={d.data.history} pagination={false} />
    </Space>
  );
}

export function ClaimantsTab() {
  const [text, setText] = useState('');
  const load = useCallback(() => claimants.list({ ...(text.trim() ? { text: text.trim() } : {}), includeInactive: true }), [text]);
  const list = useLoad(load);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Claimant | null | undefined>(undefined);

  const columns: TableColumnsType<Claimant> = [
    { title: '名称', dataIndex: 'name', render: (v: string, r) => (r.active ? v : `${v}（${S.CL_INACTIVE}）`) },
    { title: '类别', dataIndex: 'category', width: 110, render: (v: string, r) => `${v} · ${CLAIMANT_KIND_LABELS[r.kind]}` },
    { title: '联系人', dataIndex: 'contactName', width: 100 },
    { title: '电话', dataIndex: 'phone', width: 140, render: (v: string) => <span className="sd-mono">{v}</span> },
    { title: '认领/圆梦', width: 100, render: (_v, r) => `${r.claims} / ${r.fulfilled}` },
  ];

  return (
    <div data-testid="claimants">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear style={{ width: 260 }} placeholder={S.CL_SEARCH} onSearch={setText} data-testid="claimants-search" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="claimants-new">
          {S.CL_NEW}
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <Table<Claimant>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data ?? []}
        locale={{ emptyText: S.CL_NONE }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), onKeyDown: (e) => e.key === 'Enter' && setOpen(r.id), tabIndex: 0, 'data-testid': 'claimant-row' }) as React.HTMLAttributes<HTMLElement>}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={720} title={S.CL_HISTORY} destroyOnHidden>
        {open && <History id={open} onEdit={(c) => setEditing(c)} />}
      </Drawer>
      <ClaimantForm
        open={editing !== undefined}
        editing={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void list.reload();
        }}
      />
    </div>
  );
}
