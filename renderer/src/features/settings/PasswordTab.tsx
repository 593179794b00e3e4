/** 修改密码: every staff member changes their own (auth.changePassword). */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Password } from '../../../../common/contract';
import { api } from '../../api';
import { notifySuccess } from '../../components/feedback';
import { enterAdvances, sameAsRule, showFormError, zodRule } from '../../components/forms';
import * as S from './strings';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

const FIELD_KEYS = ['current', 'next'] as const;

export function PasswordTab() {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(v: Values) {
    setBusy(true);
    setFormError(null);
    try {
      await api['auth.changePassword']({ current: v.current, next: v.next });
      form.resetFields();
      notifySuccess(S.PW_DONE);
    } catch (err) {
      setFormError(showFormError(form, err, FIELD_KEYS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sd-form-narrow" style={{ maxWidth: 420 }} data-testid="settings-password">
      <Alert type="info" showIcon title={S.PW_NOTE} style={{ marginBottom: 18 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 14 }} data-testid="password-error" />}
      <Form<Values> form={form} layout="vertical" requiredMark={false}
          scrollToFirstError={{ focus: true, block: 'nearest' }} validateTrigger="onBlur" onFinish={submit} onKeyDown={enterAdvances(() => form.submit())} name="password" autoComplete="off">
        <Form.Item label={S.PW_CURRENT} name="current" rules={[{ required: true, message: S.PW_CURRENT_REQUIRED }]}>
          <Input.Password autoFocus maxLength={128} autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          label={S.PW_NEXT}
          name="next"
          dependencies={['current']}
          rules={[
            zodRule(Password),
            ({ getFieldValue }) => ({
              validator: async (_r, value: unknown) => {
                if (value && value === getFieldValue('current')) throw new Error(S.PW_SAME);
              },
            }),
          ]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="password-next" />
        </Form.Item>
        <Form.Item label={S.PW_CONFIRM} name="confirm" dependencies={['next']} rules={[{ required: true, message: S.CONFIRM_REQUIRED }, sameAsRule('next', S.PASSWORD_MISMATCH)]}>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
          {S.PW_SUBMIT}
        </Button>
      </Form>
    </div>
  );
}
