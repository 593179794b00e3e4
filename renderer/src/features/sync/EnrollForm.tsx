/**
 * Enrollment and re-enrollment: the county's address and its one-time 12-character code.
 * Checked here with the contract's own rules, so a mistyped code is named at its field before
 * anything is sent; main's answer lands at the field it is about, or just above the button.
 */
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { syncCalls } from '../../../../common/contracts/sync';
import { enterAdvances, showFormError, zodRule } from '../../components/forms';
import { WORK_START } from '../../shell/work-focus';
import { useApp } from '../../stores/app';
import { loadSettings, useSync } from './data';
import * as S from './strings';

const shape = syncCalls['sync.enroll'].input.shape;
const FIELD_KEYS = ['countyUrl', 'code'] as const;

export interface EnrollValues {
  countyUrl: string;
  code: string;
}

interface Props {
  countyUrl: string;
  reenroll: boolean;
  /** set when the form can be put away again (the station is enrolled already) */
  onCancel?: () => void;
  /** the area opens with the keyboard here */
  focusHere: boolean;
}

export function EnrollForm({ countyUrl, reenroll, onCancel, focusHere }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrollValues>();
  const enroll = useSync((s) => s.enroll);
  const setSettings = useApp((s) => s.setSettings);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function finish(values: EnrollValues) {
    setBusy(true);
    setFormError(null);
    try {
      await enroll(values);
      void message.success(S.ENROLL_DONE);
      form.setFieldValue('code', '');
      // main saved the address to 本机设置: the settings screen and the bar read it from the app store
      loadSettings().then(setSettings, () => undefined);
      onCancel?.();
    } catch (err) {
      setFormError(showFormError(form, err, FIELD_KEYS));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    // Esc puts a re-enrollment away; the form a station without a token needs stays, with what was typed
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      setFormError(null);
      form.resetFields();
      onCancel();
      return;
    }
    enterAdvances(() => form.submit())(e);
  }

  return (
    <div className="sd-panel sd-sync-section" data-testid="sync-enroll">
      <h2 className="sd-section-title">{reenroll ? S.REENROLL_HEADING : S.ENROLL_HEADING}</h2>
      <p className="sd-section-note">{reenroll ? S.REENROLL_NOTE : S.ENROLL_NOTE}</p>
      <Form<EnrollValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="sd-form-narrow"
        validateTrigger="onBlur"
        scrollToFirstError={{ focus: true, block: 'nearest' }}
        initialValues={{ countyUrl, code: '' }}
        onFinish={(v) => void finish(v)}
        onKeyDown={onKeyDown}
        name="sync-enroll"
        autoComplete="off"
      >
        <Form.Item label={S.COUNTY_URL} name="countyUrl" rules={[zodRule(shape.countyUrl)]}>
          <Input
            placeholder={S.COUNTY_URL_PH}
            spellCheck={false}
            maxLength={200}
            // opened by 重新登记… the form takes the keyboard at once; on entering the area the shell places it
            autoFocus={onCancel !== undefined}
            data-testid="sync-enroll-url"
            {...(focusHere ? WORK_START : {})}
          />
        </Form.Item>
        <Form.Item label={S.CODE} name="code" validateFirst rules={[{ required: true, whitespace: true, message: S.CODE_REQUIRED }, zodRule(shape.code)]} extra={S.CODE_HELP} normalize={(v: string) => v.toUpperCase()}>
          <Input placeholder={S.CODE_PH} spellCheck={false} maxLength={20} className="sd-sync-code" data-testid="sync-enroll-code" />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} className="sd-sync-alert" data-testid="sync-enroll-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="sync-enroll-submit">
            {S.ENROLL_SUBMIT}
          </Button>
          {onCancel && (
            <Button htmlType="button" onClick={onCancel} data-testid="sync-enroll-cancel">
              {S.ENROLL_CANCEL}
            </Button>
          )}
          <span className="sd-sync-keys">{onCancel ? S.REENROLL_KEYS : S.ENROLL_KEYS}</span>
        </Space>
      </Form>
    </div>
  );
}
