/**
 * 社会救助审核: the cases stations forwarded, each with its household summary as the station
 * sent it (masked name, members by relation and age, the per-capita arithmetic, asset
 * warnings, the station's 初审 opinion); the county approves with an amount and start month
 * or refuses with reasons, and that flows back to the station. Also the 低保 standard.
 */
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input, InputNumber, Modal, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { decisionAtStation, type CountyReliefCase, type DecideRelief } from '../../../common/county/admin';
import { formatDateTime } from '../../../common/time';
import { EMPLOYMENT_LABELS, MEMBER_RELATION_LABELS, RELIEF_STATUS_LABELS } from '../../../common/relief';
import { api, messageOf } from './api';
import { R } from './relief-strings';

export const RELIEF_TAB = R.tab;
/** a code the station sent, in words; a code this page does not know yet as it came */
const label = (labels: Record<string, string>, code: string) => labels[code] ?? code;
type Status = 'forwarded' | 'decided' | 'all';

function nextMonth(): string {
  const d = new Date();
  const m = d.getMonth() + 2;
  return m > 12 ? `${d.getFullYear() + 1}-01` : `${d.getFullYear()}-${String(m).padStart(2, '0')}`;
}

function DecideModal({ c, onClose, onDone }: { c: CountyReliefCase | null; onClose: () => void; onDone: (c: CountyReliefCase) => void }) {
  const [kind, setKind] = useState<'approved' | 'refused'>('approved');
  const [amount, setAmount] = useState<number | null>(null);
  const [month, setMonth] = useState(nextMonth());
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setKind('approved');
    setAmount(c?.opinion?.proposedAmountFen != null ? c.opinion.proposedAmountFen / 100 : null);
    setMonth(nextMonth());
    setReasons('');
    setError(null);
  }, [c]);
  if (!c) return null;
  const submit = async () => {
    const input: DecideRelief = kind === 'approved' ? { decision: 'approved', amount: amount ?? 0, startMonth: month.trim(), basedOnVersion: c.stationVersion } : { decision: 'refused', reasons, basedOnVersion: c.stationVersion };
    setBusy(true);
    setError(null);
    try {
      onDone(await api.decideRelief(c, input));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={R.decideTitle(c.caseNo)} onCancel={onClose} okText={R.submit} cancelText={R.cancel} onOk={() => void submit()} confirmLoading={busy} width={600}>
      <Typography.Paragraph>
        {c.stationName} · {c.typeLabel} · {c.applicantMasked} · {R.size(c.household.size)} · {R.cols.means} {R.yuan(c.household.perCapitaFen)} / {R.yuan(c.household.standardFen)}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={R.decide}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'approved' | 'refused')} optionType="button" buttonStyle="solid">
            <Radio.Button value="approved">{R.approve}</Radio.Button>
            <Radio.Button value="refused">{R.refuse}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {kind === 'approved' ? (
          <Space size="large">
            <Form.Item label={R.amount} htmlFor="decide-amount">
              <InputNumber<number> id="decide-amount" autoFocus value={amount} min={0} precision={2} onChange={setAmount} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item label={R.startMonth} htmlFor="decide-month">
              <Input id="decide-month" value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 140 }} onPressEnter={() => void submit()} />
            </Form.Item>
          </Space>
        ) : (
          <Form.Item label={R.reasons} htmlFor="decide-reasons">
            <Input.TextArea id="decide-reasons" autoFocus value={reasons} onChange={(e) => setReasons(e.target.value)} maxLength={1000} autoSize={{ minRows: 3 }} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function StandardForm() {
  const { message } = AntApp.useApp();
  const [amount, setAmount] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const publish = async () => {
    setError(null);
    try {
      await api.publishReliefStandard({ fen: Math.round((amount ?? 0) * 100), effectiveFrom: from.trim(), source: source.trim() });
      void message.success(R.standardDone);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Space wrap align="center" style={{ display: 'flex', marginBottom: 12 }} data-testid="relief-standard">
      <Typography.Text strong>{R.standard}</Typography.Text>
      <InputNumber<number> aria-label={R.standardAmount} placeholder={R.standardAmount} value={amount} min={0} precision={2} onChange={setAmount} style={{ width: 170 }} />
      <Input aria-label={R.standardFrom} placeholder={R.standardFrom} value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 170 }} />
      <Input aria-label={R.standardSource} placeholder={R.standardSource} value={source} onChange={(e) => setSource(e.target.value)} style={{ width: 220 }} />
      <Button onClick={() => void publish()}>{R.standardPublish}</Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}

/** Short cells stay on one line; the table scrolls sideways on a narrow screen instead of breaking 张*华 over two lines. */
const NOWRAP = {
  onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
  onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
};

export function ReliefTab() {
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<Status>('forwarded');
  const [rows, setRows] = useState<CountyReliefCase[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<CountyReliefCase | null>(null);
  const load = useCallback(async () => {
    try {
      setRows(await api.reliefCases(status));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div data-testid="relief-tab">
      <StandardForm />
      <Space style={{ display: 'flex', marginBottom: 12 }}>
        <Segmented value={status} options={(['forwarded', 'decided', 'all'] as const).map((k) => ({ value: k, label: R.status[k] }))} onChange={(v) => setStatus(v as Status)} />
        <Button onClick={() => void load()}>{R.refresh}</Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<CountyReliefCase>
        rowKey={(c) => `${c.stationId}/${c.caseId}`}
        dataSource={rows}
        size="small"
        data-testid="relief-table"
        locale={{ emptyText: R.empty }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (c) => (
            <div>
              <Typography.Text strong>{R.steps}</Typography.Text>
              <ol>{c.household.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
              {c.household.assetWarnings.length > 0 && <Alert type="warning" showIcon message={R.warnings} description={<ul>{c.household.assetWarnings.map((w) => <li key={w}>{w}</li>)}</ul>} />}
              {c.opinion && <div>{R.cols.opinion}：{c.opinion.text}</div>}
            </div>
          ),
        }}
        columns={[
          { title: R.cols.station, dataIndex: 'stationName', width: 120 },
          { title: R.cols.caseNo, dataIndex: 'caseNo', width: 140 },
          { title: R.cols.type, dataIndex: 'typeLabel', ...NOWRAP },
          { title: R.cols.applicant, dataIndex: 'applicantMasked', ...NOWRAP, render: (v: string, c) => <>{v}{c.closeRelative && <Tag color="purple" style={{ marginLeft: 6 }}>{R.closeRelative}</Tag>}</> },
          {
            title: R.cols.household,
            key: 'household',
            width: 240,
            render: (_, c) => (
              <div>
                <div>{R.size(c.household.size)}</div>
                <div style={{ color: '#666', fontSize: 12 }}>{c.household.members.map((m) => `${label(MEMBER_RELATION_LABELS, m.relation)} ${m.age}岁 ${label(EMPLOYMENT_LABELS, m.employment)}${m.disabled ? `（${R.disabled}）` : ''}`).join('；')}</div>
              </div>
            ),
          },
          { title: R.cols.means, key: 'means', ...NOWRAP, render: (_, c) => <>{`${R.yuan(c.household.perCapitaFen)} / `}<br />{R.yuan(c.household.standardFen)}</> },
          { title: R.cols.opinion, key: 'opinion', width: 130, render: (_, c) => (c.opinion ? `${c.opinion.agree ? R.agree : R.disagree}${c.opinion.proposedAmountFen !== null ? `，${R.proposed(R.yuan(c.opinion.proposedAmountFen))}` : ''}` : '—') },
          { title: R.cols.forwarded, dataIndex: 'forwardedAt', ...NOWRAP, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: R.cols.due, dataIndex: 'dueDate', ...NOWRAP, render: (v: string | null) => v ?? '—' },
          {
            title: R.cols.decision,
            key: 'decision',
            ...NOWRAP,
            render: (_, c) => {
              if (!c.decision) return '—';
              const at = decisionAtStation(c);
              return (
                <Space direction="vertical" size={2}>
                  {c.decision.decision === 'approved' ? <Tag color="green">{R.approved(R.yuan(c.decision.amountFen), c.decision.startMonth ?? '')}</Tag> : <Tag color="red">{R.refused}</Tag>}
                  {at === 'pending' && <Tag>{R.pendingAtStation}</Tag>}
                  {at === 'notApplied' && <Tag color="orange" data-testid="relief-not-applied">{R.notApplied}</Tag>}
                </Space>
              );
            },
          },
          { title: R.cols.stationStatus, dataIndex: 'stationStatus', ...NOWRAP, render: (v: string) => label(RELIEF_STATUS_LABELS, v) },
          { title: R.cols.actions, key: 'actions', fixed: 'right', ...NOWRAP, render: (_, c) => (c.decision ? null : <Button onClick={() => setDeciding(c)}>{R.decide}</Button>) },
        ]}
      />
      <DecideModal
        c={deciding}
        onClose={() => setDeciding(null)}
        onDone={(c) => {
          setDeciding(null);
          void message.success(R.done(c.caseNo));
          void load();
        }}
      />
    </div>
  );
}
