/** The small form an action needs: a reason for 退回/撤销, the result for 办结, who took it for 领取/送达. */
import { Alert, Checkbox, Form, Input, Select } from 'antd';
import type { KeyboardEvent } from 'react';
import { INTAKE_ACTION_LABELS, PROXY_RELATIONS, requiredFor, type IntakeStatus, type ProxyRelation } from '../../../../common/intake-status';
import type { IntakeRecord } from '../../../../common/contracts/intake';
import { FormModal } from '../../components/FormModal';
import * as S from './strings';

export interface ActionValues {
  reason?: string;
  result?: string;
  receiverName?: string;
  /** 代领: someone else collects for the applicant */
  proxy?: { name: string; idNumber: string; relation: ProxyRelation };
}

interface FormValues extends Omit<ActionValues, 'proxy'> {
  byProxy?: boolean;
  proxy?: Partial<NonNullable<ActionValues['proxy']>>;
}

const FIELD_KEYS = ['reason', 'result', 'receiverName', 'proxy.name', 'proxy.idNumber', 'proxy.relation'] as const;
const RELATION_OPTIONS = PROXY_RELATIONS.map((r) => ({ value: r, label: r }));

/** The form's values as the call takes them: a proxy replaces the receiver's name. */
function toAction(v: FormValues): ActionValues {
  const { byProxy, proxy, ...rest } = v;
  if (byProxy && proxy?.name && proxy.idNumber && proxy.relation) {
    return { ...rest, receiverName: undefined, proxy: { name: proxy.name, idNumber: proxy.idNumber, relation: proxy.relation } };
  }
  return rest;
}

interface Props {
  record: IntakeRecord;
  /** the status the action leads to; null keeps the form closed */
  to: IntakeStatus | null;
  onSubmit: (to: IntakeStatus, values: ActionValues) => Promise<void>;
  onClose: () => void;
}

export function ActionForm({ record, to, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const byProxy = Form.useWatch('byProxy', form) === true;
  const need = to ? requiredFor(to) : null;
  const label = to ? INTAKE_ACTION_LABELS[to] : '';

  /** Enter writes a new line in a text area; Ctrl+Enter sends the form. */
  function submitOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  }

  return (
    <FormModal<FormValues>
      title={to ? S.ACTION_TITLE(label, record.receiptNo) : ''}
      open={to !== null}
      form={form}
      fieldKeys={FIELD_KEYS}
      initialValues={need === 'receiver' ? { receiverName: record.residentName } : {}}
      okText={label}
      onSubmit={(v) => (to ? onSubmit(to, toAction(v)) : Promise.resolve())}
      onClose={onClose}
      testId="intake-action"
      width={520}
    >
      {(to === 'returned' || to === 'cancelled') && (
        <>
          <Alert type="warning" showIcon title={S.ACTION_NOTE_RETURN} style={{ marginBottom: 14 }} />
          <Form.Item label={S.ACTION_REASON[to]} name="reason" extra={S.ACTION_CTRL_ENTER} rules={[{ required: true, whitespace: true, message: S.ACTION_REQUIRED(S.ACTION_REASON[to]) }]}>
            <Input.TextArea autoFocus rows={3} maxLength={500} showCount placeholder={S.ACTION_REASON_PH[to]} onKeyDown={submitOnCtrlEnter} data-testid="intake-action-reason" />
          </Form.Item>
        </>
      )}
      {to === 'completed' && (
        <>
          <Alert type="info" showIcon title={S.ACTION_NOTE_COMPLETION} style={{ marginBottom: 14 }} />
          <Form.Item label={S.ACTION_RESULT} name="result" extra={S.ACTION_CTRL_ENTER} rules={[{ required: true, whitespace: true, message: S.ACTION_REQUIRED(S.ACTION_RESULT) }]}>
            <Input.TextArea autoFocus rows={3} maxLength={500} showCount placeholder={S.ACTION_RESULT_PH} onKeyDown={submitOnCtrlEnter} data-testid="intake-action-result" />
          </Form.Item>
        </>
      )}
      {to === 'collected' && (
        <Form.Item name="byProxy" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="intake-action-by-proxy">{S.PROXY_TOGGLE}</Checkbox>
        </Form.Item>
      )}
      {to === 'collected' && byProxy && (
        <>
          <Alert type="info" showIcon title={S.PROXY_HELP} style={{ marginBottom: 14 }} />
          <Form.Item label={S.PROXY_NAME} name={['proxy', 'name']} rules={[{ required: true, whitespace: true, message: S.ACTION_REQUIRED(S.PROXY_NAME) }]}>
            <Input autoFocus maxLength={30} data-testid="intake-action-proxy-name" />
          </Form.Item>
          <Form.Item label={S.PROXY_ID} name={['proxy', 'idNumber']} rules={[{ required: true, whitespace: true, message: S.ACTION_REQUIRED(S.PROXY_ID) }]}>
            <Input maxLength={18} className="sd-mono" data-testid="intake-action-proxy-id" />
          </Form.Item>
          <Form.Item label={S.PROXY_RELATION} name={['proxy', 'relation']} rules={[{ required: true, message: S.ACTION_REQUIRED(S.PROXY_RELATION) }]}>
            <Select options={RELATION_OPTIONS} data-testid="intake-action-proxy-relation" />
          </Form.Item>
        </>
      )}
      {(to === 'delivered' || (to === 'collected' && !byProxy)) && (
        <Form.Item
          label={S.ACTION_RECEIVER[to]}
          name="receiverName"
          extra={S.ACTION_RECEIVER_HELP[to]}
          rules={[{ required: true, whitespace: true, message: S.ACTION_REQUIRED(S.ACTION_RECEIVER[to]) }]}
        >
          {/* a resident usually collects in person: their name is offered, selected so typing replaces it */}
          <Input autoFocus maxLength={30} onFocus={(e) => e.target.select()} data-testid="intake-action-receiver" />
        </Form.Item>
      )}
    </FormModal>
  );
}
