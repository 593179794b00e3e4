import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import type { AdminSession } from '../../../common/county/admin';
import { api, messageOf } from './api';
import { S } from './strings';

export function SignIn({ onSignedIn }: { onSignedIn: (s: AdminSession) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ login: string; password: string }>();
  const submit = async (v: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(v.login, v.password));
    } catch (e) {
      setError(messageOf(e));
      // the login stays; only the password is typed again
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f2f3f5' }}>
      <Card title={`${S.appTitle} · ${S.signIn.title}`} style={{ width: 380 }}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="login" label={S.signIn.login} rules={[{ required: true, whitespace: true, message: S.signIn.loginRequired }]}>
            <Input autoFocus autoComplete="username" maxLength={32} />
          </Form.Item>
          <Form.Item name="password" label={S.signIn.password} rules={[{ required: true, message: S.signIn.passwordRequired }]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {S.signIn.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
