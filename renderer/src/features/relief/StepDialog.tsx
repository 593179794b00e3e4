/**
 * One step of a case in a dialog: the fields that step records, main's field errors next to
 * them, Enter to move on and Esc to cancel. Main refuses a step the case cannot take now.
 */
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { errorText } from '../../components/feedback';
import { enterAdvances, fieldPath, focusUnlessTyping } from '../../components/forms';
import type { ReliefStep } from '../../../../common/relief';
import { reliefData, type ReliefCase, type StepInput } from './data';
import * as S from './strings';
import { stationToday } from '../../stores/clock';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** start + n − 1 calendar days: the 公示 runs n natural days, both ends included. */
export function publicityEnd(start: string, days = 7): string | null {
  if (!DAY.test(start)) return null;
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return d.toISOString().slice(0, 10);
}

type Values = Record<string, unknown>;

function toInput(step: ReliefStep, v: Values): StepInput {
  switch (step) {
    case 'accept':
      return { step, materialsReceived: (v.materials as string[] | undefined) ?? [] };
    case 'investigate':
      return { step, investigators: [(v.investigators as string[])[0] ?? '', (v.investigators as string[])[1] ?? ''], date: String(v.date ?? ''), findings: String(v.findings ?? ''), reviewNeeded: Boolean(v.reviewNeeded) };
    case 'review':
      return { step, date: String(v.date ?? ''), participants: String(v.participants ?? ''), outcome: String(v.outcome ?? '') };
    case 'opinion':
      return { step, agree: v.agree as boolean, text: String(v.text ?? ''), proposedAmount: (v.proposedAmount as number | null | undefined) ?? null };
    case 'publicize':
      return { step, start: String(v.start ?? ''), place: String(v.place ?? '') };
    case 'objection':
      return { step, receivedOn: String(v.receivedOn ?? ''), text: String(v.text ?? '') };
    case 'forward':
      return { step };
    case 'notifyRefusal':
      return { step, givenOn: String(v.givenOn ?? ''), how: String(v.how ?? '') };
    case 'withdraw':
      return { step, reason: String(v.reason ?? '') };
    case 'extend':
      return { step, reason: String(v.reason ?? '') };
  }
}

function Fields({ step, c, start }: { step: ReliefStep; c: ReliefCase; start: string }) {
  const day = (name: string, label: string) => (
    <Form.Item name={name} label={label}>
      <Input placeholder="年-月-日" data-testid={`relief-step-${name}`} />
    </Form.Item>
  );
  const text = (name: string, label: string, max: number) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea maxLength={max} autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`relief-step-${name}`} />
    </Form.Item>
  );
  switch (step) {
    case 'accept':
      return (
        <Form.Item name="materials" label={S.MATERIALS}>
          <Checkbox.Group options={c.materialsRequired.map((m) => ({ value: m, label: m }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
        </Form.Item>
      );
    case 'investigate':
      return (
        <>
          {S.INVESTIGATORS.map((label, i) => (
            <Form.Item key={label} name={['investigators', i]} label={label}>
              <Input maxLength={30} data-testid={`relief-step-investigator-${i}`} />
            </Form.Item>
          ))}
          {day('date', S.INVESTIGATE_DATE)}
          {text('findings', S.FINDINGS, 2000)}
          <Form.Item name="reviewNeeded" valuePropName="checked">
            <Checkbox data-testid="relief-step-reviewNeeded">{S.REVIEW_NEEDED}</Checkbox>
          </Form.Item>
        </>
      );
    case 'review':
      return (
        <>
          {day('date', S.REVIEW_DATE)}
          {text('participants', S.PARTICIPANTS, 500)}
          {text('outcome', S.OUTCOME, 1000)}
        </>
      );
    case 'opinion':
      return (
        <>
          <Form.Item name="agree" label={S.OPINION_AGREE}>
            <Radio.Group data-testid="relief-step-agree">
              <Radio value={true}>{S.AGREE}</Radio>
              <Radio value={false}>{S.DISAGREE}</Radio>
            </Radio.Group>
          </Form.Item>
          {text('text', S.OPINION_TEXT, 1000)}
          <Form.Item name="proposedAmount" label={S.PROPOSED}>
            <InputNumber<number> min={0} precision={2} style={{ width: 180 }} data-testid="relief-step-proposedAmount" />
          </Form.Item>
        </>
      );
    case 'publicize': {
      const end = publicityEnd(start);
      return (
        <>
          {day('start', S.PUBLICITY_START)}
          <Form.Item name="place" label={S.PUBLICITY_PLACE}>
            <Input maxLength={60} data-testid="relief-step-place" />
          </Form.Item>
          {end && <Alert type="info" showIcon message={S.PUBLICITY_RANGE(start, end)} data-testid="relief-publicity-range" />}
        </>
      );
    }
    case 'objection':
      return (
        <>
          {day('receivedOn', S.OBJECTION_ON)}
          {text('text', S.OBJECTION_TEXT, 1000)}
          <Alert type="warning" showIcon message={S.OBJECTION_NOTE} />
        </>
      );
    case 'forward':
      return <Alert type="info" showIcon message={S.FORWARD_CONFIRM} />;
    case 'notifyRefusal':
      return (
        <>
          {c.refusalNoticeDue && <Alert type="warning" showIcon message={S.NOTIFY_DUE(c.refusalNoticeDue)} style={{ marginBottom: 12 }} />}
          {day('givenOn', S.NOTIFY_ON)}
          <Form.Item name="how" label={S.NOTIFY_HOW}>
            <Input maxLength={60} data-testid="relief-step-how" />
          </Form.Item>
        </>
      );
    case 'withdraw':
      return text('reason', S.WITHDRAW_REASON, 500);
    case 'extend':
      return text('reason', S.EXTEND_REASON, 500);
  }
}

function initialValues(step: ReliefStep, c: ReliefCase, today: string, clerk: string): Values {
  switch (step) {
    case 'accept':
      return { materials: c.materialsReceived };
    case 'investigate':
      return { investigators: [clerk, ''], date: today, reviewNeeded: false };
    case 'review':
      return { date: today };
    case 'opinion':
      return { agree: true, proposedAmount: null };
    case 'publicize':
      return { start: today, place: '' };
    case 'objection':
      return { receivedOn: today };
    case 'notifyRefusal':
      return { givenOn: today, how: '当面送达' };
    default:
      return {};
  }
}

interface Props {
  step: ReliefStep | null;
  c: ReliefCase;
  clerkName: string;
  onClose: () => void;
  onDone: (c: ReliefCase) => void;
}

export function StepDialog({ step, c, clerkName, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = String(Form.useWatch('start', form) ?? '');
  const today = stationToday();

  useEffect(() => {
    if (!step) return;
    form.resetFields();
    form.setFieldsValue(initialValues(step, c, today, clerkName));
    setError(null);
  }, [step]);

  async function submit() {
    if (!step || busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await reliefData.step(c, toInput(step, form.getFieldsValue(true))));
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        const entries = Object.entries(err.fields).map(([k, msg]) => ({ name: fieldPath(k.replace(/^input\./, '')), errors: [msg] }));
        form.setFields(entries);
      }
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={step !== null}
      title={step ? S.STEP_BUTTONS[step] : ''}
      okText={S.CONFIRM}
      cancelText={S.CANCEL}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && focusUnlessTyping(document.querySelector<HTMLElement>('.sd-relief-step-form input:not([type=hidden]), .sd-relief-step-form textarea'))}
      okButtonProps={{ 'data-testid': 'relief-step-ok' } as Record<string, string>}
    >
      {step && (
        <Form form={form} layout="vertical" className="sd-relief-step-form" onKeyDown={enterAdvances(() => void submit())} data-testid={`relief-step-${step}`}>
          <Fields step={step} c={c} start={start} />
          {error && <Alert type="error" showIcon message={error} data-testid="relief-step-error" />}
        </Form>
      )}
    </Modal>
  );
}
