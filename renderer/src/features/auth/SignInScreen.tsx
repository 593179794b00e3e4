/** Sign-in: the station's name, 登录名 and 密码; main's own words when it refuses. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { errorText } from '../../components/feedback';
import { enterAdvances } from '../../components/forms';
import { useApp } from '../../stores/app';
import { EntryFrame } from './EntryFrame';
import * as S from './strings';

interface SignInValues {
  login: string;
  password: string;
}

export function SignInScreen() {
  const [form] = Form.useForm<SignInValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<InputRef>(null);
  const station = useApp((s) => s.info?.station ?? null);
  const notice = useApp((s) => s.signInNotice);
  const signIn = useApp((s) => s.signIn);

  async function submit(values: SignInValues) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.login.trim(), values.password);
    } catch (err) {
      setError(errorText(err));
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
      setBusy(false);
    }
  }

  return (
    <EntryFrame>
      <div className="sd-entry-card sd-signin-card" data-testid="signin-screen">
        <div className="sd-brand">
          <div className="sd-brand-mark" aria-hidden>
            站
          </div>
          <div>
            <div className="sd-brand-title">{S.SIGNIN_TITLE}</div>
            <div className="sd-brand-sub">
              {S.PRODUCT} {S.PRODUCT_CN}
            </div>
          </div>
        </div>
        <div className="sd-signin-station" data-testid="signin-station">
          {station?.name}
        </div>
        <div className="sd-signin-county">{station && [station.county, station.address].filter(Boolean).join(' · ')}</div>

        {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="signin-notice" />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" role="alert" />}

        <Form<SignInValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          scrollToFirstError={{ focus: true, block: 'nearest' }}
          onFinish={submit}
          onKeyDown={enterAdvances(() => form.submit())}
          name="signin"
          autoComplete="off"
          aria-label={S.SIGNIN_TITLE}
        >
          <Form.Item label={S.SIGNIN_LOGIN} name="login" rules={[{ required: true, whitespace: true, message: S.LOGIN_REQUIRED }]}>
            <Input size="large" autoFocus prefix={<UserOutlined />} placeholder={S.SIGNIN_LOGIN_PH} autoCapitalize="off" spellCheck={false} maxLength={64} data-testid="signin-login" />
          </Form.Item>
          <Form.Item label={S.SIGNIN_PASSWORD} name="password" rules={[{ required: true, message: S.PASSWORD_REQUIRED }]}>
            <Input.Password ref={passwordRef} size="large" prefix={<LockOutlined />} placeholder={S.SIGNIN_PASSWORD_PH} maxLength={128} autoComplete="current-password" data-testid="signin-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="signin-submit" style={{ marginTop: 4 }}>
            {S.SIGNIN_SUBMIT}
          </Button>
        </Form>
        <div className="sd-muted" style={{ marginTop: 14, textAlign: 'center' }}>
          {S.SIGNIN_HELP}
        </div>
      </div>
    </EntryFrame>
  );
}
