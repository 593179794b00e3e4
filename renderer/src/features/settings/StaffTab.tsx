/** 工作人员: who may sign in at this station, their roles, locks and passwords (管理员 only). */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Login, Password, StaffName, type Staff } from '../../../../common/contract';
import { ROLES, ROLE_LABELS, type Role } from '../../../../common/roles';
import { api } from '../../api';
import { notifyError, notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/FormModal';
import { sameAsRule, zodRule } from '../../components/forms';
import { formatDateTime } from '../../format';
import { useApp } from '../../stores/app';
import { WORK_START } from '../../shell/work-focus';
import { LoadError } from './LoadError';
import * as S from './strings';
import { useRequestId } from '../../request-id';

const roleOptions = ROLES.map((r) => ({
  value: r,
  label: (
    <span>
      {ROLE_LABELS[r]} <span className="sd-muted">· {S.ROLE_HELP[r]}</span>
    </span>
  ),
}));

export function isLocked(s: Staff, now = Date.now()): boolean {
  return s.lockedUntil !== null && new Date(s.lockedUntil).getTime() > now;
}

function StatusTags({ staff }: { staff: Staff }) {
  return (
    <Space size={4} wrap>
      {staff.active ? <Tag color="success">{S.STAFF_ACTIVE}</Tag> : <Tag>{S.STAFF_INACTIVE}</Tag>}
      {isLocked(staff) && staff.lockedUntil && (
        <Tag color="warning" title={S.STAFF_LOCKED_UNTIL(formatDateTime(staff.lockedUntil))} data-testid="staff-locked">
          {S.STAFF_LOCKED}
        </Tag>
      )}
      {staff.active && staff.mustChangePassword && (
        <Tag color="processing" title={S.STAFF_MUST_CHANGE_TITLE} data-testid="staff-must-change">
          {S.STAFF_MUST_CHANGE}
        </Tag>
      )}
    </Space>
  );
}

interface CreateValues {
  name: string;
  login: string;
  role: Role;
  password: string;
  confirm: string;
}
interface EditValues {
  name: string;
  role: Role;
  active: boolean;
}
interface ResetValues {
  password: string;
  confirm: string;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'reset'; staff: Staff } | null;

export function StaffTab() {
  const me = useApp((s) => s.session?.staff ?? null);
  const setSessionStaff = useApp((s) => s.setSessionStaff);
  const [rows, setRows] = useState<Staff[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  // one account per 新增 dialog: a second 确定 before the first answered adds no twin
  const [createRequestId, renewCreateRequestId] = useRequestId();
  const [createForm] = Form.useForm<CreateValues>();
  const [editForm] = Form.useForm<EditValues>();
  const [resetForm] = Form.useForm<ResetValues>();

  async function load() {
    setLoading(true);
    setLoadError(null);
    try {
      setRows(await api['staff.list']({}));
    } catch (err) {
      setLoadError(err);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  function replace(updated: Staff) {
    setRows((list) => (list ? list.map((s) => (s.id === updated.id ? updated : s)) : list));
    setSessionStaff(updated);
  }

  async function unlock(staff: Staff) {
    try {
      replace(await api['staff.unlock']({ id: staff.id }));
      notifySuccess(S.STAFF_UNLOCK_OK(staff.name));
    } catch (err) {
      notifyError(err);
    }
  }

  const columns: TableColumnsType<Staff> = [
    {
      title: S.STAFF_NAME,
      dataIndex: 'name',
      render: (name: string, s) => (
        <span>
          {name}
          {s.id === me?.id && <span className="sd-muted">{S.STAFF_SELF}</span>}
        </span>
      ),
    },
    { title: S.STAFF_LOGIN, dataIndex: 'login', render: (v: string) => <span className="sd-mono">{v}</span> },
    { title: S.STAFF_ROLE, dataIndex: 'role', width: 110, render: (r: Role) => ROLE_LABELS[r] },
    { title: S.STAFF_STATUS, key: 'status', width: 150, render: (_: unknown, s) => <StatusTags staff={s} /> },
    { title: S.STAFF_LAST_SIGN_IN, dataIndex: 'lastSignInAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    { title: S.STAFF_CREATED, dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: S.STAFF_ACTIONS,
      key: 'actions',
      width: 200,
      render: (_: unknown, s) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', staff: s })} data-testid={`staff-edit-${s.login}`}>
            {S.STAFF_EDIT}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', staff: s })} data-testid={`staff-reset-${s.login}`}>
            {S.STAFF_RESET}
          </Button>
          {isLocked(s) && (
            <Popconfirm title={S.STAFF_UNLOCK_CONFIRM(s.name)} description={S.STAFF_UNLOCK_CONFIRM_TEXT} okText={S.STAFF_UNLOCK} cancelText={S.CANCEL} onConfirm={() => unlock(s)}>
              <Button type="link" size="small" data-testid={`staff-unlock-${s.login}`}>
                {S.STAFF_UNLOCK}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  if (loadError && !rows) return <LoadError error={loadError} onRetry={load} />;

  const editing = dialog?.kind === 'edit' ? dialog.staff : null;
  const resetting = dialog?.kind === 'reset' ? dialog.staff : null;
  const editingSelf = editing !== null && editing.id === me?.id;

  return (
    <div data-testid="settings-staff">
      <div className="sd-toolbar">
        <span className="sd-muted">{rows ? S.STAFF_COUNT(rows.length) : ''}</span>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={S.AUDIT_REFRESH} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="staff-add" {...WORK_START}>
            {S.STAFF_ADD}
          </Button>
        </Space>
      </div>
      <Table<Staff>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: S.STAFF_EMPTY }}
        data-testid="staff-table"
        onRow={(s) => ({ 'data-testid': `staff-row-${s.login}` }) as HTMLAttributes<HTMLElement>}
      />

      <FormModal<CreateValues>
        title={S.STAFF_CREATE_TITLE}
        open={dialog?.kind === 'create'}
        form={createForm}
        fieldKeys={['name', 'login', 'role', 'password']}
        initialValues={{ role: 'clerk' }}
        okText={S.STAFF_ADD}
        testId="staff-create"
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          const created = await api['staff.create']({ requestId: createRequestId, name: v.name, login: v.login, role: v.role, password: v.password });
          renewCreateRequestId();
          setRows((list) => [...(list ?? []), created]);
          notifySuccess(S.STAFF_CREATED_OK(created.name));
        }}
      >
        <Form.Item label={S.STAFF_NAME} name="name" rules={[zodRule(StaffName)]}>
          <Input autoFocus maxLength={30} data-testid="staff-name" />
        </Form.Item>
        <Form.Item label={S.STAFF_LOGIN} name="login" rules={[zodRule(Login)]}>
          <Input maxLength={32} spellCheck={false} autoCapitalize="off" data-testid="staff-login" />
        </Form.Item>
        <Form.Item label={S.STAFF_ROLE} name="role">
          <Select options={roleOptions} data-testid="staff-role" />
        </Form.Item>
        <Form.Item label={S.STAFF_PASSWORD} name="password" rules={[zodRule(Password)]} extra={S.STAFF_PASSWORD_HELP}>
          <Input.Password maxLength={128} placeholder={S.STAFF_PASSWORD_PH} autoComplete="new-password" data-testid="staff-password" />
        </Form.Item>
        <Form.Item label={S.STAFF_CONFIRM} name="confirm" dependencies={['password']} rules={[{ required: true, message: S.CONFIRM_REQUIRED }, sameAsRule('password', S.PASSWORD_MISMATCH)]}>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="staff-confirm" />
        </Form.Item>
      </FormModal>

      <FormModal<EditValues>
        title={editing ? S.STAFF_EDIT_TITLE(editing.name) : ''}
        open={editing !== null}
        form={editForm}
        fieldKeys={['name', 'role', 'active']}
        initialValues={editing ? { name: editing.name, role: editing.role, active: editing.active } : {}}
        testId="staff-edit"
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          if (!editing) return;
          const input = editingSelf ? { id: editing.id, name: v.name } : { id: editing.id, name: v.name, role: v.role, active: v.active };
          replace(await api['staff.update'](input));
          notifySuccess(S.STAFF_UPDATED_OK);
        }}
      >
        <Form.Item label={S.STAFF_NAME} name="name" rules={[zodRule(StaffName)]}>
          <Input autoFocus maxLength={30} data-testid="staff-name" />
        </Form.Item>
        <Form.Item label={S.STAFF_ROLE} name="role" extra={editingSelf ? S.STAFF_SELF_HELP : undefined}>
          <Select options={roleOptions} disabled={editingSelf} data-testid="staff-role" />
        </Form.Item>
        <Form.Item label={S.STAFF_ACTIVE_LABEL} name="active" valuePropName="checked" extra={S.STAFF_ACTIVE_HELP}>
          <Switch checkedChildren={S.STAFF_ACTIVE_ON} unCheckedChildren={S.STAFF_ACTIVE_OFF} disabled={editingSelf} data-testid="staff-active" />
        </Form.Item>
      </FormModal>

      <FormModal<ResetValues>
        title={resetting ? S.STAFF_RESET_TITLE(resetting.name) : ''}
        open={resetting !== null}
        form={resetForm}
        fieldKeys={['password']}
        okText={S.STAFF_RESET}
        testId="staff-reset"
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          if (!resetting) return;
          replace(await api['staff.resetPassword']({ id: resetting.id, password: v.password }));
          notifySuccess(S.STAFF_RESET_OK(resetting.name));
        }}
      >
        <p className="sd-muted" style={{ marginTop: 0 }}>
          {S.STAFF_RESET_NOTE}
        </p>
        <Form.Item label={S.STAFF_NEW_PASSWORD} name="password" rules={[zodRule(Password)]}>
          <Input.Password autoFocus maxLength={128} placeholder={S.STAFF_PASSWORD_PH} autoComplete="new-password" data-testid="staff-password" />
        </Form.Item>
        <Form.Item label={S.STAFF_CONFIRM} name="confirm" dependencies={['password']} rules={[{ required: true, message: S.CONFIRM_REQUIRED }, sameAsRule('password', S.PASSWORD_MISMATCH)]}>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="staff-confirm" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
