/** 权限授予: the 站长 hands one staff member a permission beyond their role, or takes it back. */
import { Alert, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { StaffGrants } from '../../../../common/contracts/grants';
import { can, GRANT_LABELS, GRANTABLE, ROLE_LABELS, type GrantablePermission } from '../../../../common/roles';
import { notifyError, notifySuccess } from '../../components/feedback';
import { LoadError } from './LoadError';
import { setGrant, useStaffGrants } from './grants-data';
import * as S from './grants-strings';

export function GrantsTab() {
  const { rows, error, reload, replace } = useStaffGrants();
  const [busy, setBusy] = useState<string | null>(null);

  async function toggle(row: StaffGrants, permission: GrantablePermission, granted: boolean) {
    setBusy(`${row.id}:${permission}`);
    try {
      replace(await setGrant(row.id, permission, granted));
      notifySuccess((granted ? S.GRANTED : S.WITHDRAWN)(row.name, GRANT_LABELS[permission]));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  if (error) return <LoadError error={error} onRetry={() => void reload()} />;

  const columns: TableColumnsType<StaffGrants> = [
    { title: S.GRANTS_NAME, dataIndex: 'name', render: (name: string, r) => (r.active ? name : <span className="sd-muted">{name}</span>) },
    { title: S.GRANTS_ROLE, dataIndex: 'role', width: 110, render: (role: StaffGrants['role']) => ROLE_LABELS[role] },
    ...GRANTABLE.map((p) => ({
      title: GRANT_LABELS[p],
      key: p,
      width: 200,
      render: (_: unknown, r: StaffGrants) => {
        if (can(r.role, p)) return <Tag>{S.GRANTS_BY_ROLE}</Tag>;
        const held = r.grants.includes(p);
        return (
          <Space size={6}>
            <Switch
              size="small"
              checked={held}
              disabled={!r.active && !held}
              loading={busy === `${r.id}:${p}`}
              onChange={(v) => void toggle(r, p, v)}
              aria-label={`${r.name} ${GRANT_LABELS[p]}`}
              data-testid={`grant-${r.login}-${p}`}
            />
            {!r.active && <span className="sd-muted">{S.GRANTS_INACTIVE}</span>}
          </Space>
        );
      },
    })),
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="grants-tab">
      <Alert type="info" showIcon title={S.GRANTS_NOTE} description={S.PHONE_NOTE} />
      <Table<StaffGrants> rowKey="id" size="small" pagination={false} loading={rows === null} dataSource={rows ?? []} columns={columns} />
    </Space>
  );
}
