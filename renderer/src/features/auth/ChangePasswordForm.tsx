/** Current, new and confirmed password; used in 设置 and for the forced change after sign-in. */
import { Alert, Button, Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { Password, type Session } from '../../../../common/contract';
import { api } from '../../api';
import { enterAdvances, sameAsRule, showFormError, zodRule } from '../../components/forms';
import * as S from './strings';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

const FIELD_KEYS = ['current', 'next'] as const;

export function ChangePasswordForm(props: { currentLabel?: string; submitLabel?: string; onChanged(session: Session): void; onFailed?(err: unknown): void; extra?: ReactNode }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(v: Values) {
    setBusy(true);
    setFormError(null);
    try {
      const { session } = await api['auth.changePassword']({ current: v.current, next: v.next });
      form.resetFields();
      props.onChanged(session);
    } catch (err) {
      setFormError(showFormError(form, err, FIELD_KEYS));
      props.onFailed?.(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 14 }} data-testid="password-error" role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        scrollToFirstError={{ focus: true, block: 'nearest' }}
        validateTrigger="onBlur"
        onFinish={submit}
        onKeyDown={enterAdvances(() => form.submit())}
        name="password"
        autoComplete="off"
      >
        <Form.Item label={props.currentLabel ?? S.PW_CURRENT} name="current" rules={[{ required: true, message: S.PW_CURRENT_REQUIRED }]}>
          <Input.Password autoFocus maxLength={128} autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          label={S.PW_NEXT}
          name="next"
          dependencies={['current']}
          extra={S.PW_NOTE}
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
        <Form.Item label={S.PW_CONFIRM} name="confirm" dependencies={['next']} rules={[{ required: true, message: S.PW_CONFIRM_REQUIRED }, sameAsRule('next', S.PASSWORD_MISMATCH)]}>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
          {props.submitLabel ?? S.PW_SUBMIT}
        </Button>
        {props.extra}
      </Form>
    </>
  );
}
