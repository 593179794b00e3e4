/** The small form an action needs: a reason for 退回/撤销, the result for 办结, who took it for 领取/送达. */
import { Alert, Form, Input } from 'antd';
import type { KeyboardEvent } from 'react';
import { INTAKE_ACTION_LABELS, requiredFor, type IntakeStatus } from '../../../../common/intake-status';
import type { IntakeRecord } from '../../../../common/contracts/intake';
import { FormModal } from '../../components/FormModal';
import * as S from './strings';

export interface ActionValues {
  reason?: string;
  result?: string;
  receiverName?: string;
}

const FIELD_KEYS = ['reason', 'result', 'receiverName'] as const;

interface Props {
  record: IntakeRecord;
  /** the status the action leads to; null keeps the form closed */
  to: IntakeStatus | null;
  onSubmit: (to: IntakeStatus, values: ActionValues) => Promise<void>;
  onClose: () => void;
}

export function ActionForm({ record, to, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<ActionValues>();
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
    <FormModal<ActionValues>
      title={to ? S.ACTION_TITLE(label, record.receiptNo) : ''}
      open={to !== null}
      form={form}
      fieldKeys={FIELD_KEYS}
      initialValues={need === 'receiver' ? { receiverName: record.residentName } : {}}
      okText={label}
      onSubmit={(v) => (to ? onSubmit(to, v) : Promise.resolve())}
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
      {(to === 'collected' || to === 'delivered') && (
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
