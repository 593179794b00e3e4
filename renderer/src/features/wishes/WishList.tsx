/** 心愿清单: every wish, filterable by status, category and text; Enter or a click opens its detail. */
import { Alert, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { WISH_CATEGORIES, WISH_STATUSES, WISH_STATUS_LABELS, type WishCategory, type WishStatus } from '../../../../common/wish-status';
import { useLoad, wishes, type WishRecord } from './data';
import { WishDetailDrawer } from './WishDetail';
import * as S from './strings';

export function StatusTag({ status }: { status: WishStatus }) {
  return (
    <Tag color={S.STATUS_COLORS[status]} data-testid="wish-status">
      {WISH_STATUS_LABELS[status]}
    </Tag>
  );
}

export function WishList({ openId, onOpen }: { openId: string | null; onOpen: (id: string | null) => void }) {
  const [status, setStatus] = useState<WishStatus | undefined>(undefined);
  const [category, setCategory] = useState<WishCategory | undefined>(undefined);
  const [text, setText] = useState('');
  const load = useCallback(() => wishes.list({ ...(status ? { status } : {}), ...(category ? { category } : {}), ...(text.trim() ? { text: text.trim() } : {}) }), [status, category, text]);
  const list = useLoad(load);

  const columns: TableColumnsType<WishRecord> = [
    { title: S.COL_NO, dataIndex: 'wishNo', width: 210, render: (v: string) => <span className="sd-mono">{v}</span> },
    { title: S.COL_TITLE, dataIndex: 'title' },
    { title: S.COL_BENEFICIARY, dataIndex: 'beneficiaryName', width: 110 },
    { title: S.COL_CATEGORY, dataIndex: 'category', width: 90 },
    { title: S.COL_VALUE, dataIndex: 'valueYuan', width: 100, align: 'right' },
    { title: S.COL_DEADLINE, dataIndex: 'deadline', width: 110 },
    {
      title: S.COL_STATUS,
      dataIndex: 'status',
      width: 150,
      render: (v: WishStatus, r) => (
        <Space size={4}>
          <StatusTag status={v} />
          {r.status === 'pending' && r.needsApproval && <Tag color="orange">{S.NEEDS_APPROVAL}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="wish-list">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<WishStatus | 'all'>
          style={{ width: 140 }}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: `${S.FILTER_STATUS}：${S.ALL}` }, ...WISH_STATUSES.map((s) => ({ value: s, label: WISH_STATUS_LABELS[s] }))]}
          data-testid="wish-filter-status"
        />
        <Select<WishCategory | 'all'>
          style={{ width: 140 }}
          value={category ?? 'all'}
          onChange={(v) => setCategory(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: `${S.FILTER_CATEGORY}：${S.ALL}` }, ...WISH_CATEGORIES.map((c) => ({ value: c, label: c }))]}
          data-testid="wish-filter-category"
        />
        <Input.Search allowClear style={{ width: 280 }} placeholder={S.FILTER_TEXT} onSearch={setText} data-testid="wish-filter-text" />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <Table<WishRecord>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data ?? []}
        locale={{ emptyText: S.EMPTY_LIST }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), onKeyDown: (e) => e.key === 'Enter' && onOpen(r.id), tabIndex: 0, 'data-testid': 'wish-row' }) as React.HTMLAttributes<HTMLElement>}
      />
      <WishDetailDrawer
        id={openId}
        onClose={() => onOpen(null)}
        onChanged={() => void list.reload()}
      />
    </div>
  );
}
