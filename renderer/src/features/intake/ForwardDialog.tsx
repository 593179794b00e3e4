/**
 * 转报: which department, how it was sent, who received it and when — then a second step
 * that shows all of it with the items, because a 转报 cannot be taken back. Enter moves
 * from field to field and on to the check; Enter on the check confirms; Esc cancels.
 * Main prints the 转报单 for every item at once.
 */
import { Alert, Button, Descriptions, Form, Input, Modal, Select, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { IntakeRecord } from '../../../../common/contracts/intake';
import { FORWARD_CHANNELS, FORWARD_CHANNEL_LABELS, type ForwardChannel } from '../../../../common/intake-status';
import { formatDateTime } from '../../../../common/time';
import { api } from '../../api';
import { enterAdvances, showFormError } from '../../components/forms';
import { notifySuccess } from '../../components/feedback';
import * as S from './strings';
import { useRequestId } from '../../request-id';
import { stationNow } from '../../stores/clock';

interface Values {
  department: string;
  channel: ForwardChannel;
  channelNote?: string;
  receiverName: string;
  /** YYYY-MM-DDTHH:mm at the station (Beijing time) */
  receivedAt: string;
  note?: string;
}

const FIELD_KEYS = ['department', 'channel', 'channelNote', 'receiverName', 'receivedAt', 'note'] as const;
const CHANNEL_OPTIONS = FORWARD_CHANNELS.map((c) => ({ value: c, label: FORWARD_CHANNEL_LABELS[c] }));
const BEIJING_MS = 8 * 3_600_000;

/** now, as a datetime-local value in Beijing time (the station's time, whatever the PC's zone) */
function beijingNow(): string {
  return new Date(stationNow().getTime() + BEIJING_MS).toISOString().slice(0, 16);
}

function toInstant(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}

interface Props {
  /** the records to forward; empty keeps the dialog closed */
  records: IntakeRecord[];
  onClose: () => void;
  /** forwarded: the 转报单 to show */
  onDone: (documentId: string | null, documentError: string | null) => void;
}

export function ForwardDialog({ records, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [checking, setChecking] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const open = records.length > 0;
  const channel = Form.useWatch('channel', form);
  // one 转报 per opening: a second Enter on 确认 repeats the same request, not a second 转报单
  const [requestId, renewRequestId] = useRequestId();

  useEffect(() => {
    if (!open) {
      setChecking(null);
      setError(null);
      renewRequestId();
    }
  }, [open, renewRequestId]);
  useEffect(() => {
    if (checking) confirmRef.current?.focus();
  }, [checking]);

  async function confirm(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const r = await api['intake.forward']({
        requestId,
        items: records.map((rec) => ({ id: rec.id, version: rec.version })),
        department: v.department,
        channel: v.channel,
        receiverName: v.receiverName,
        receivedAt: toInstant(v.receivedAt),
        ...(v.channelNote?.trim() ? { channelNote: v.channelNote.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      notifySuccess(S.FORWARD_DONE(r.transmittalNo));
      onDone(r.documentId, r.documentError);
    } catch (err) {
      // back to the form so the field main named can be fixed
      setChecking(null);
      setError(showFormError(form as FormInstance, err, FIELD_KEYS));
    } finally {
      setBusy(false);
    }
  }

  const departments = [...new Set(records.map((r) => r.department))];

  return (
    <Modal
      title={S.FORWARD_TITLE(records.length)}
      open={open}
      width={600}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      footer={
        checking ? (
          <>
            <Button onClick={() => setChecking(null)} data-testid="intake-forward-back">
              {S.FORWARD_BACK}
            </Button>
            <Button ref={confirmRef} type="primary" loading={busy} onClick={() => void confirm(checking)} data-testid="intake-forward-confirm">
              {S.FORWARD_CONFIRM}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose} data-testid="intake-forward-cancel">
              {S.CANCEL}
            </Button>
            <Button type="primary" onClick={() => form.submit()} data-testid="intake-forward-next">
              {S.FORWARD_NEXT}
            </Button>
          </>
        )
      }
    >
      <div data-testid="intake-forward" data-step={checking ? 'confirm' : 'form'}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 14 }} data-testid="intake-forward-error" />}
        <div hidden={checking !== null}>
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ department: departments.length === 1 ? departments[0] : '', channel: 'system', receivedAt: beijingNow() }}
            onFinish={(v) => setChecking(v)}
            onKeyDown={enterAdvances(() => form.submit())}
            autoComplete="off"
            preserve={false}
          >
            <Form.Item label={S.FORWARD_DEPARTMENT} name="department" rules={[{ required: true, whitespace: true, message: S.FORWARD_REQUIRED(S.FORWARD_DEPARTMENT) }]}>
              <Input maxLength={40} data-testid="intake-forward-department" />
            </Form.Item>
            <Form.Item label={S.FORWARD_CHANNEL} name="channel">
              <Select options={CHANNEL_OPTIONS} data-testid="intake-forward-channel" />
            </Form.Item>
            {channel === 'other' && (
              <Form.Item label={S.FORWARD_CHANNEL_NOTE} name="channelNote" rules={[{ required: true, whitespace: true, message: S.FORWARD_REQUIRED(S.FORWARD_CHANNEL_NOTE) }]}>
                <Input maxLength={60} placeholder={S.FORWARD_CHANNEL_NOTE_PH} data-testid="intake-forward-channel-note" />
              </Form.Item>
            )}
            <Form.Item label={S.FORWARD_RECEIVER} name="receiverName" rules={[{ required: true, whitespace: true, message: S.FORWARD_REQUIRED(S.FORWARD_RECEIVER) }]}>
              <Input autoFocus maxLength={30} placeholder={S.FORWARD_RECEIVER_PH} data-testid="intake-forward-receiver" />
            </Form.Item>
            <Form.Item label={S.FORWARD_RECEIVED_AT} name="receivedAt" rules={[{ required: true, message: S.FORWARD_REQUIRED(S.FORWARD_RECEIVED_AT) }]}>
              <Input type="datetime-local" data-testid="intake-forward-received-at" />
            </Form.Item>
            <Form.Item label={S.FORWARD_NOTE} name="note">
              <Input maxLength={500} data-testid="intake-forward-note" />
            </Form.Item>
          </Form>
        </div>
        {checking && (
          <>
            <Alert type="warning" showIcon title={S.FORWARD_CONFIRM_TITLE} style={{ marginBottom: 12 }} />
            <Descriptions
              bordered
              size="small"
              column={1}
              data-testid="intake-forward-summary"
              items={[
                { key: 'd', label: S.FORWARD_DEPARTMENT, children: checking.department },
                { key: 'c', label: S.FORWARD_CHANNEL, children: checking.channel === 'other' && checking.channelNote ? `${FORWARD_CHANNEL_LABELS.other}（${checking.channelNote}）` : FORWARD_CHANNEL_LABELS[checking.channel] },
                { key: 'r', label: S.FORWARD_RECEIVER, children: checking.receiverName },
                { key: 't', label: S.FORWARD_RECEIVED_AT, children: formatDateTime(toInstant(checking.receivedAt)) },
                ...(checking.note ? [{ key: 'n', label: S.FORWARD_NOTE, children: checking.note }] : []),
                {
                  key: 'i',
                  label: S.FORWARD_ITEMS,
                  children: (
                    <ol className="sd-forward-items">
                      {records.map((r) => (
                        <li key={r.id}>
                          <span className="sd-mono">{r.receiptNo}</span> {r.itemName} · {r.residentName}
                        </li>
                      ))}
                    </ol>
                  ),
                },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
