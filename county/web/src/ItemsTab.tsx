/** Incoming 代办 items by station, status and overdue; a county decision on one flows back to its station. */
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CountyItem, DecideItem, StationRow } from '../../../common/county/admin';
import { INTAKE_STATUS_LABELS, type IntakeStatus } from '../../../common/intake-status';
import { formatDateTime } from '../../../common/time';
import { api, messageOf } from './api';
import { S } from './strings';

const T = S.items;
type Status = 'forwarded' | 'open' | 'decided' | 'all';
type Overdue = 'any' | 'yes' | 'no';
type Kind = DecideItem['decision'];
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

function DecideModal({ item, onClose, onDone }: { item: CountyItem | null; onClose: () => void; onDone: (i: CountyItem) => void }) {
  const [kind, setKind] = useState<Kind>('accepted');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setKind(item?.decision?.decision === 'accepted' ? 'completed' : 'accepted');
    setText(item?.decision?.decision === 'accepted' ? '' : (item?.department ?? ''));
    setError(null);
  }, [item]);
  if (!item) return null;
  const choose = (k: Kind) => {
    setKind(k);
    setText(k === 'accepted' ? item.department : '');
    setError(null);
  };
  const submit = async () => {
    const v = text.trim();
    const input: DecideItem =
      kind === 'accepted' ? { decision: 'accepted', department: v, basedOnVersion: item.stationVersion } : kind === 'completed' ? { decision: 'completed', result: v, basedOnVersion: item.stationVersion } : { decision: 'returned', reason: v, basedOnVersion: item.stationVersion };
    setBusy(true);
    setError(null);
    try {
      onDone(await api.decide(item, input));
    } catch (e) {
      // what was typed stays, to be corrected
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const label = kind === 'accepted' ? S.decide.department : kind === 'completed' ? S.decide.result : S.decide.reason;
  return (
    <Modal open title={S.decide.title(item.receiptNo)} onCancel={onClose} okText={S.decide.submit} cancelText={S.stations.cancel} onOk={() => void submit()} confirmLoading={busy} width={600}>
      <Typography.Paragraph>
        {item.stationName} · {item.itemName} · {item.applicantMasked} · {T.promisedDate} {item.promisedDate}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={S.decide.kind}>
          <Radio.Group value={kind} onChange={(e) => choose(e.target.value as Kind)} optionType="button" buttonStyle="solid">
            <Radio.Button value="accepted">{S.decide.accepted}</Radio.Button>
            <Radio.Button value="completed">{S.decide.completed}</Radio.Button>
            <Radio.Button value="returned">{S.decide.returned}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={label} required>
          {kind === 'accepted' ? (
            <Input autoFocus value={text} maxLength={60} onChange={(e) => setText(e.target.value)} aria-label={label} />
          ) : (
            <Input.TextArea autoFocus value={text} maxLength={500} rows={4} onChange={(e) => setText(e.target.value)} aria-label={label} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void submit()} />
          )}
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Alert type="info" title={S.decide.flowsBack} />
      </Form>
    </Modal>
  );
}

export function ItemsTab() {
  const { message } = AntApp.useApp();
  const [stations, setStations] = useState<StationRow[]>([]);
  const [stationId, setStationId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Status>('forwarded');
  const [overdue, setOverdue] = useState<Overdue>('any');
  const [rows, setRows] = useState<CountyItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [acting, setActing] = useState<CountyItem | null>(null);

  useEffect(() => {
    api.stations().then(setStations, () => undefined);
  }, []);
  const load = useCallback(() => {
    setLoading(true);
    api.items({ stationId, status, overdue: overdue === 'any' ? undefined : overdue === 'yes' }).then(
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
  }, [stationId, status, overdue]);
  useEffect(load, [load]);

  const columns: ColumnsType<CountyItem> = [
    { title: T.receiptNo, dataIndex: 'receiptNo', onCell: nowrap, onHeaderCell: nowrap },
    { title: T.station, dataIndex: 'stationName', ellipsis: true },
    { title: T.item, dataIndex: 'itemName', ellipsis: true },
    { title: T.applicant, dataIndex: 'applicantMasked', onCell: nowrap, onHeaderCell: nowrap },
    { title: T.stationStatus, dataIndex: 'stationStatus', onCell: nowrap, onHeaderCell: nowrap, render: (s: string) => INTAKE_STATUS_LABELS[s as IntakeStatus] ?? s },
    { title: T.acceptedAt, onCell: nowrap, onHeaderCell: nowrap, render: (_, i) => formatDateTime(i.acceptedAt) },
    { title: T.promisedDate, onCell: nowrap, onHeaderCell: nowrap, render: (_, i) => (i.overdue ? <Space size={4}>{i.promisedDate}<Tag color="red">{T.overdueTag}</Tag></Space> : i.promisedDate) },
    {
      title: T.decision,
      render: (_, i) =>
        i.decision ? (
          <span>
            <Tag color={i.decision.decision === 'returned' ? 'orange' : i.decision.decision === 'completed' ? 'green' : 'blue'}>{T.decisionLabels[i.decision.decision]}</Tag>
            {i.decision.department ?? i.decision.result ?? i.decision.reason}
          </span>
        ) : (
          S.none
        ),
    },
    {
      title: S.stations.actions,
      render: (_, i) => (
        <Button size="small" type="primary" ghost onClick={() => setActing(i)} disabled={i.decision !== null && i.decision.decision !== 'accepted'}>
          {T.act}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{T.station}</span>
        <Select aria-label={T.station} style={{ width: 220 }} allowClear placeholder={T.allStations} value={stationId} onChange={(v: string | undefined) => setStationId(v)} options={stations.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }))} />
        <span>{T.status}</span>
        <Select aria-label={T.status} style={{ width: 140 }} value={status} onChange={(v: Status) => setStatus(v)} options={(Object.keys(T.statusLabels) as Status[]).map((k) => ({ value: k, label: T.statusLabels[k] }))} />
        <span>{T.overdue}</span>
        <Select aria-label={T.overdue} style={{ width: 120 }} value={overdue} onChange={(v: Overdue) => setOverdue(v)} options={(Object.keys(T.overdueLabels) as Overdue[]).map((k) => ({ value: k, label: T.overdueLabels[k] }))} />
        <Button onClick={load}>{S.refresh}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table rowKey={(i) => `${i.stationId}/${i.intakeId}`} size="middle" loading={loading} columns={columns} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: T.empty }} data-testid="items-table" scroll={{ x: true }} />
      <DecideModal
        item={acting}
        onClose={() => setActing(null)}
        onDone={(i) => {
          setActing(null);
          void message.success(S.decide.done(i.receiptNo));
          load();
        }}
      />
    </>
  );
}
