/**
 * One case: every step with its due date on the working-day calendar, the household and its
 * figures (hidden without the relief permission), the county's decision, 先行救助 and its
 * follow-up tasks, the papers to print, the actions main accepts now, and the history.
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Input, InputNumber, Modal, Space, Spin, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReliefForm } from '../../../../common/contracts/relief-docs';
import { can } from '../../../../common/roles';
import { DISABILITY_GRADES } from './strings';
import { EMPLOYMENT_LABELS, INCOME_KIND_LABELS, MEMBER_RELATION_LABELS, RELIEF_STATUS_LABELS, RELIEF_TYPE_LABELS, householdEditable, type ReliefStep } from '../../../../common/relief';
import { formatDateTime } from '../../../../common/time';
import { errorText, notifyError, notifySuccess } from '../../components/feedback';
import { useRequestId } from '../../request-id';
import { useApp } from '../../stores/app';
import { DocButtons } from './DocButtons';
import { HouseholdEditor } from './HouseholdEditor';
import { MeansPanel } from './MeansPanel';
import { StepDialog } from './StepDialog';
import { UrgencyTag } from './UrgencyTag';
import { reliefData, useReliefNav, type ReliefCase, type ReliefEvent } from './data';
import * as S from './strings';

const STATE_COLORS: Record<string, string> = { done: 'green', open: 'blue', dueSoon: 'orange', overdue: 'red', skipped: 'default' };

/** Which papers make sense at this point of the case. */
function formsFor(c: ReliefCase): ReliefForm[] {
  const f: ReliefForm[] = [];
  f.push(c.status === 'incomplete' ? 'correction' : 'acceptance');
  f.push('authorization', 'investigationBlank');
  if (c.investigations.length > 0) f.push('investigation');
  if (c.publicity) f.push('publicity');
  if (c.decision?.decision === 'refused') f.push('refusal');
  return f;
}

function EmergencyDialog({ open, c, onClose, onDone }: { open: boolean; c: ReliefCase; onClose: () => void; onDone: (c: ReliefCase) => void }) {
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [requestId, renew] = useRequestId();
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const r = await reliefData.emergency(requestId, c, amount ?? 0, reason);
      renew();
      onDone(r);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={open} title={S.EMERGENCY_BUTTON} okText={S.CONFIRM} cancelText={S.CANCEL} onOk={() => void submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={S.EMERGENCY_NOTE} />
        <label>
          {S.EMERGENCY_AMOUNT}
          <InputNumber<number> autoFocus value={amount} min={0} precision={2} style={{ width: '100%' }} onChange={setAmount} data-testid="relief-emergency-amount" />
        </label>
        <label>
          {S.EMERGENCY_REASON}
          <Input.TextArea value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="relief-emergency-reason" />
        </label>
        {error && <Alert type="error" showIcon message={error} data-testid="relief-emergency-error" />}
      </Space>
    </Modal>
  );
}

export function CasePage({ id }: { id: string }) {
  const [c, setC] = useState<ReliefCase | null>(null);
  const [events, setEvents] = useState<ReliefEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<ReliefStep | null>(null);
  const [emergency, setEmergency] = useState(false);
  const [editing, setEditing] = useState(false);
  const staff = useApp((s) => s.session?.staff ?? null);
  const setTab = useReliefNav((s) => s.setTab);

  const load = useCallback(async () => {
    try {
      const r = await reliefData.get(id);
      setC(r.case);
      setEvents(r.events);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert type="error" showIcon message={error} action={<Button icon={<ReloadOutlined />} onClick={() => void load()}>{S.RETRY}</Button>} />;
  if (!c) return <Spin />;

  const done = (nc: ReliefCase) => {
    setStep(null);
    setEmergency(false);
    setC(nc);
    void load();
  };
  // main refuses the household to a redacted viewer and once the case went to the county
  const mayEdit = !c.redacted && householdEditable(c.status);
  if (editing && mayEdit)
    return (
      <HouseholdEditor
        c={c}
        onCancel={() => setEditing(false)}
        onSaved={(nc) => {
          setEditing(false);
          notifySuccess(S.EDIT_SAVED);
          done(nc);
        }}
      />
    );
  const mayEmergency = c.type === 'linshi' && !c.emergency && can(staff?.role, 'relief.emergency') && !['approved', 'notified', 'withdrawn'].includes(c.status);
  const d = c.decision;

  return (
    <div className="sd-relief-case" data-testid="relief-case">
      <div className="sd-panel sd-relief-section">
        <Space wrap align="center">
          <Button icon={<ArrowLeftOutlined />} onClick={() => setTab('list')}>
            {S.BACK_TO_LIST}
          </Button>
          <span className="sd-relief-caseno" data-testid="relief-case-no">{c.caseNo}</span>
          <Tag color="blue">{RELIEF_TYPE_LABELS[c.type]}</Tag>
          <Tag data-testid="relief-case-status">{RELIEF_STATUS_LABELS[c.status]}</Tag>
          <UrgencyTag urgency={c.urgency} />
          {c.closeRelative && <Tag color="purple">{S.CLOSE_RELATIVE}</Tag>}
        </Space>
        <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
          <Descriptions.Item label={S.APPLICANT}>
            {c.applicantName}（{c.applicantIdMasked}）
          </Descriptions.Item>
          <Descriptions.Item label={S.HOUSEHOLD}>{S.HOUSEHOLD_SIZE(c.householdSize)}</Descriptions.Item>
          <Descriptions.Item label={S.ACCEPTED_ON}>{c.acceptedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={S.CASE_DUE}>
            <span data-testid="relief-case-due">{c.dueDate ?? '—'}</span>（{S.LIMIT(c.limitWorkdays)}）
          </Descriptions.Item>
          {c.extension && <Descriptions.Item label={S.EXTEND_REASON}>{c.extension.reason}</Descriptions.Item>}
          {c.withdrawal && <Descriptions.Item label={S.WITHDRAW_REASON}>{S.WITHDRAWN(c.withdrawal.reason)}</Descriptions.Item>}
        </Descriptions>
        {c.provisional && <Alert type="warning" showIcon message={S.PROVISIONAL} />}
      </div>

      {d && (
        <Alert
          type={d.decision === 'approved' ? 'success' : 'error'}
          showIcon
          data-testid="relief-decision"
          message={`${S.DECISION}：${d.decision === 'approved' ? S.APPROVED(S.YUAN(d.amountFen ?? 0), d.startMonth ?? '') : S.REFUSED}`}
          description={
            <>
              {d.reasons && (
                <div>
                  {S.REASONS}：{d.reasons}
                </div>
              )}
              <div>{S.DECIDED(d.decidedBy, formatDateTime(d.decidedAt))}</div>
              {d.decision === 'refused' && c.refusalNoticeDue && !c.refusalNotice && <div className="sd-relief-warn">{S.NOTIFY_DUE(c.refusalNoticeDue)}</div>}
              {c.refusalNotice && (
                <div>
                  {S.STEP_BUTTONS.notifyRefusal}：{c.refusalNotice.givenOn}（{c.refusalNotice.how}）
                </div>
              )}
            </>
          }
        />
      )}

      <div className="sd-panel sd-relief-section">
        <div className="sd-relief-sub">{S.STEPS}</div>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={c.dues}
          data-testid="relief-dues"
          columns={[
            { title: S.STEPS, dataIndex: 'label' },
            { title: S.DUE, render: (_, r) => `${r.due}（${r.basis === 'workdays' ? S.WORKDAYS : S.NATURAL_DAYS}）` },
            { title: S.DONE_ON, dataIndex: 'doneOn', render: (v: string | null) => v ?? '—' },
            { title: S.COL_STATUS, dataIndex: 'state', render: (v: string) => <Tag color={STATE_COLORS[v]}>{S.STATE_LABELS[v] ?? v}</Tag> },
          ]}
        />
      </div>

      <div className="sd-panel sd-relief-section" aria-label={S.ACTIONS}>
        <div className="sd-relief-sub">{S.ACTIONS}</div>
        <Space wrap>
          {c.next.map((s, i) => (
            <Button key={s} type={i === 0 ? 'primary' : 'default'} danger={s === 'withdraw'} onClick={() => setStep(s)} data-testid={`relief-action-${s}`}>
              {S.STEP_BUTTONS[s]}
            </Button>
          ))}
          {mayEdit && (
            <Button onClick={() => setEditing(true)} data-testid="relief-action-household">
              {S.EDIT_HOUSEHOLD}
            </Button>
          )}
          {mayEmergency && (
            <Button danger onClick={() => setEmergency(true)} data-testid="relief-action-emergency">
              {S.EMERGENCY_BUTTON}
            </Button>
          )}
        </Space>
        {c.tasks.length > 0 && (
          <>
            <div className="sd-relief-sub" style={{ marginTop: 12 }}>{S.TASKS}</div>
            <ul className="sd-relief-tasks" data-testid="relief-tasks">
              {c.tasks.map((t) => (
                <li key={t.id}>
                  <Tag color={STATE_COLORS[t.state]}>{S.STATE_LABELS[t.state]}</Tag> {t.label}（{S.DUE} {t.due}）
                  {!t.doneAt && (
                    <Button size="small" type="link" onClick={() => reliefData.completeTask(c, t.id).then(done, notifyError)}>
                      {S.TASK_DONE}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <div className="sd-panel sd-relief-section" aria-label={S.PRINTS}>
        <div className="sd-relief-sub">{S.PRINTS}</div>
        <DocButtons caseId={c.id} forms={formsFor(c)} />
      </div>

      <div className="sd-panel sd-relief-section" aria-label={S.HOUSEHOLD}>
        <div className="sd-relief-sub">{S.HOUSEHOLD}</div>
        <Table
          size="small"
          pagination={false}
          rowKey="residentId"
          dataSource={c.members}
          data-testid="relief-members"
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: S.RELATION, dataIndex: 'relation', render: (v: keyof typeof MEMBER_RELATION_LABELS) => MEMBER_RELATION_LABELS[v] },
            { title: '身份证号', dataIndex: 'idMasked', className: 'sd-mono' },
            { title: '年龄', dataIndex: 'age' },
            { title: S.EMPLOYMENT, dataIndex: 'employment', render: (v: keyof typeof EMPLOYMENT_LABELS) => EMPLOYMENT_LABELS[v] },
            ...(c.redacted
              ? []
              : [
                  {
                    title: S.INCOMES,
                    key: 'incomes',
                    render: (_: unknown, m: ReliefCase['members'][number]) =>
                      m.incomes && m.incomes.length > 0 ? m.incomes.map((i) => `${INCOME_KIND_LABELS[i.kind]} ${S.YUAN(i.amountFen)}${i.months > 1 ? `÷${i.months}月` : ''}`).join('；') : S.NO_INCOME,
                  },
                  { title: S.DISABILITY, key: 'disability', render: (_: unknown, m: ReliefCase['members'][number]) => (m.disability ? `${DISABILITY_GRADES[m.disability.grade] ?? m.disability.grade} ${m.disability.kind}` : '—') },
                  { title: S.HEALTH, dataIndex: 'health', render: (v: string | null) => v || '—' },
                ]),
            { title: S.SCHOOL, dataIndex: 'school', render: (v: string) => v || '—' },
          ]}
        />
        <MeansPanel means={c.means} warnings={c.assetWarnings} redacted={c.redacted} />
        {c.materialsMissing.length > 0 && <Alert type="warning" showIcon message={`缺少材料：${c.materialsMissing.join('、')}`} />}
      </div>

      <div className="sd-panel sd-relief-section" aria-label={S.HISTORY}>
        <div className="sd-relief-sub">{S.HISTORY}</div>
        {events.length === 0 ? (
          <Empty />
        ) : (
          <ol className="sd-relief-history" data-testid="relief-history">
            {events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} {e.byName} · {RELIEF_STATUS_LABELS[e.to]}
                {e.text ? `：${e.text}` : ''}
              </li>
            ))}
          </ol>
        )}
      </div>

      <StepDialog step={step} c={c} clerkName={staff?.name ?? ''} onClose={() => setStep(null)} onDone={done} />
      <EmergencyDialog open={emergency} c={c} onClose={() => setEmergency(false)} onDone={done} />
    </div>
  );
}
