/** Stations: create (with its one-time code), a new code for re-enrollment, revoke; each one's sync state. */
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Drawer, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type * as z from 'zod';
import type { DayCloseRow, EnrollmentIssued, RejectedEventRow, StationRow } from '../../../common/county/admin';
import { formatDateTime } from '../../../common/time';
import { api, messageOf } from './api';
import { S } from './strings';

const T = S.stations;
type Issued = z.output<typeof EnrollmentIssued>;
const when = (iso: string | null) => (iso ? formatDateTime(iso) : S.none);

function CodeModal({ issued, onClose }: { issued: { code: Issued; name: string; stationCode: string } | null; onClose: () => void }) {
  if (!issued) return null;
  return (
    <Modal open title={S.code.title} onCancel={onClose} maskClosable={false} footer={<Button type="primary" autoFocus onClick={onClose}>{S.code.close}</Button>} width={560}>
      <Typography.Paragraph>{S.code.intro(issued.name, issued.stationCode)}</Typography.Paragraph>
      <div data-testid="enrollment-code" style={{ fontSize: 40, fontFamily: '"DejaVu Sans Mono", Consolas, monospace', letterSpacing: 4, textAlign: 'center', padding: '12px 0', background: '#f6f8fa', borderRadius: 6, userSelect: 'all' }}>
        {issued.code.code}
      </div>
      <ol style={{ paddingLeft: 20, marginTop: 16 }}>
        {S.code.how.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <Alert type="warning" showIcon title={S.code.expires(formatDateTime(issued.code.expiresAt))} />
    </Modal>
  );
}

function CreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (code: Issued, name: string, stationCode: string) => void }) {
  const [form] = Form.useForm<{ code: string; name: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { code: string; name: string }) => {
    setBusy(true);
    setError(null);
    try {
      const issued = await api.createStation(v.code.trim(), v.name.trim());
      form.resetFields();
      onCreated(issued, v.name.trim(), v.code.trim());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={T.create} onCancel={onClose} okText={T.create} cancelText={T.cancel} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="code" label={T.code} extra={T.codeHelp} rules={[{ required: true, pattern: /^\s*[0-9A-Za-z]{4,20}\s*$/, message: T.codeHelp }]}>
          <Input autoFocus maxLength={20} />
        </Form.Item>
        <Form.Item name="name" label={T.name} rules={[{ required: true, whitespace: true, message: '请填写站点名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

type Detail = { kind: 'rejected'; station: StationRow; rows: z.output<typeof RejectedEventRow>[] } | { kind: 'closes'; station: StationRow; rows: z.output<typeof DayCloseRow>[] };

export function StationsTab() {
  const { message, modal } = AntApp.useApp();
  const [rows, setRows] = useState<StationRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ code: Issued; name: string; stationCode: string } | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api.stations().then(
      (r) => {
        setRows(r);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        setError(messageOf(e));
        setLoading(false);
      },
    );
  }, []);
  useEffect(load, [load]);

  const newCode = async (s: StationRow) => {
    try {
      setIssued({ code: await api.newEnrollmentCode(s.id), name: s.name, stationCode: s.code });
      load();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };
  const revoke = (s: StationRow) => {
    modal.confirm({
      title: T.revokeTitle(s.name),
      content: T.revokeBody,
      okText: T.revokeOk,
      okButtonProps: { danger: true },
      cancelText: T.cancel,
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          await api.revokeStation(s.id);
          void message.success(T.revoked(s.name));
          load();
        } catch (e) {
          void message.error(messageOf(e));
        }
      },
    });
  };
  const open = async (kind: Detail['kind'], station: StationRow) => {
    try {
      setDetail(kind === 'rejected' ? { kind, station, rows: await api.rejected(station.id) } : { kind, station, rows: await api.dayCloses(station.id) });
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  const columns: ColumnsType<StationRow> = [
    { title: T.code, dataIndex: 'code' },
    { title: T.name, dataIndex: 'name' },
    { title: T.status, dataIndex: 'status', render: (s: StationRow['status']) => <Tag color={s === 'enrolled' ? 'green' : s === 'revoked' ? 'default' : 'gold'}>{T.statusLabels[s]}</Tag> },
    { title: T.enrolled, render: (_, s) => (s.enrolledAt ? `${when(s.enrolledAt)}${s.deviceName ? ` · ${s.deviceName}` : ''}` : S.none) },
    { title: T.lastPush, render: (_, s) => when(s.lastPushAt) },
    { title: T.lastPull, render: (_, s) => when(s.lastPullAt) },
    { title: T.acked, dataIndex: 'ackedThrough', align: 'right' },
    { title: T.backlog, dataIndex: 'backlog', align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : 0) },
    {
      title: T.rejected,
      align: 'right',
      render: (_, s) =>
        s.rejectedCount > 0 ? (
          <Button type="link" danger size="small" onClick={() => void open('rejected', s)}>
            {s.rejectedCount}
          </Button>
        ) : (
          0
        ),
    },
    {
      title: T.dayClose,
      render: (_, s) => (
        <Button type="link" size="small" onClick={() => void open('closes', s)} disabled={!s.lastDayClose}>
          {s.lastDayClose ? `${s.lastDayClose.day} ${T.dayCloseLabels[s.lastDayClose.status]}` : S.none}
        </Button>
      ),
    },
    {
      title: T.audit,
      render: (_, s) =>
        s.auditTailCut ? (
          <Tooltip title={s.auditHead ? `${T.seq} ${s.auditHead.seq} · ${when(s.auditHead.at)}` : undefined}>
            <Tag color="red">{T.auditCut}</Tag>
          </Tooltip>
        ) : s.auditHead ? (
          T.auditOk
        ) : (
          S.none
        ),
    },
    {
      title: T.actions,
      render: (_, s) => (
        <Space size="small">
          <Button size="small" onClick={() => void newCode(s)}>
            {T.newCode}
          </Button>
          <Button size="small" danger disabled={s.status === 'revoked'} onClick={() => revoke(s)}>
            {T.revoke}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)}>
          {T.create}
        </Button>
        <Button onClick={load}>{S.refresh}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table rowKey="id" size="middle" loading={loading} columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: T.empty }} data-testid="stations-table" scroll={{ x: true }} />
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(code, name, stationCode) => {
          setCreating(false);
          setIssued({ code, name, stationCode });
          load();
        }}
      />
      <CodeModal issued={issued} onClose={() => setIssued(null)} />
      <Drawer open={detail !== null} width={720} onClose={() => setDetail(null)} title={detail ? (detail.kind === 'rejected' ? T.rejectedTitle(detail.station.name) : T.dayClosesTitle(detail.station.name)) : ''}>
        {detail?.kind === 'rejected' && (
          <Table
            rowKey={(r) => `${r.seq}-${r.eventId}-${r.reason}`}
            size="small"
            pagination={false}
            dataSource={detail.rows}
            columns={[
              { title: T.seq, dataIndex: 'seq' },
              { title: T.entity, render: (_, r) => `${r.entity} ${r.entityId}` },
              { title: T.reason, dataIndex: 'message' },
              { title: T.at, render: (_, r) => when(r.at) },
            ]}
          />
        )}
        {detail?.kind === 'closes' && (
          <Table
            rowKey="closeId"
            size="small"
            pagination={false}
            dataSource={detail.rows}
            columns={[
              { title: T.day, dataIndex: 'day' },
              { title: T.status, render: (_, r) => <Tag color={r.status === 'confirmed' ? 'green' : 'red'}>{T.dayCloseLabels[r.status]}</Tag> },
              { title: T.throughSeq, dataIndex: 'throughSeq' },
              { title: T.receivedAt, render: (_, r) => when(r.receivedAt) },
              { title: T.confirmedAt, render: (_, r) => when(r.confirmedAt) },
            ]}
          />
        )}
      </Drawer>
    </>
  );
}
