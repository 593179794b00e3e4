/** 设置: the station's value cap (站长 sets it) and the hall screen's read-only links. */
import { Alert, Button, Card, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../../../common/roles';
import { parseYuan } from '../../../../common/wish-status';
import { showFormError, enterAdvances } from '../../components/forms';
import { errorText, notifySuccess } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useApp } from '../../stores/app';
import { useLoad, wishes } from './data';
import * as S from './strings';

function CapCard({ head }: { head: boolean }) {
  const settings = useLoad(wishes.settings);
  const [form] = Form.useForm<{ valueCap: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return settings.error ? <Alert type="error" showIcon title={settings.error} /> : null;
  if (!head) return <Typography.Paragraph data-testid="wish-cap-readonly">{S.SET_CAP_READONLY(settings.data.valueCapYuan)}</Typography.Paragraph>;
  return (
    <Card size="small" title={S.SET_CAP} data-testid="wish-cap">
      <Typography.Paragraph type="secondary">{S.SET_CAP_HINT}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form<{ valueCap: string }>
        form={form}
        layout="inline"
        initialValues={{ valueCap: settings.data.valueCapYuan }}
        onKeyDown={enterAdvances(() => form.submit())}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const r = await wishes.setCap(v.valueCap);
            notifySuccess(S.SET_CAP_SAVED(r.valueCapYuan));
            void settings.reload();
          } catch (err) {
            setError(showFormError(form, err, ['valueCap']));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="valueCap"
          rules={[
            {
              validator: async (_r, v: unknown) => {
                const t = typeof v === 'string' ? v.trim() : '';
                if (t === '') throw new Error('请填写价值上限');
                if (t.startsWith('-')) throw new Error('价值上限不能为负数');
                if (parseYuan(t) === null) throw new Error('价值上限须为数字（元），最多两位小数');
              },
            },
          ]}
        >
          <Input suffix="元" style={{ width: 160 }} data-testid="wish-cap-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="wish-cap-save">
          {S.SET_CAP_SAVE}
        </Button>
      </Form>
    </Card>
  );
}

function LobbyCard() {
  const links = useLoad(wishes.lobbyList);
  // main's hall-screen host (a port kept between starts); browser mode falls back to this page's own host
  const origin = useApp((s) => s.info?.lobbyOrigin ?? (s.info?.transport === 'browser' ? window.location.origin : null));
  const [label, setLabel] = useState('大厅电视');
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setError(null);
    try {
      const r = await wishes.lobbyCreate(label);
      if (origin) setMade(new URL(r.path, origin).toString());
      void links.reload();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Card size="small" title={S.LOBBY_TITLE} data-testid="wish-lobby">
      <Typography.Paragraph type="secondary">{S.LOBBY_HINT}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {!origin ? (
        <Alert type="warning" showIcon title={S.LOBBY_UNAVAILABLE_TITLE} description={S.LOBBY_UNAVAILABLE_HELP} data-testid="wish-lobby-unavailable" />
      ) : (
        <Space>
          <Input addonBefore={S.LOBBY_LABEL} value={label} onChange={(e) => setLabel(e.target.value)} onPressEnter={() => void create()} style={{ width: 300 }} data-testid="wish-lobby-label" />
          <Button type="primary" onClick={() => void create()} data-testid="wish-lobby-create">
            {S.LOBBY_CREATE}
          </Button>
        </Space>
      )}
      {made && (
        <Alert
          type="success"
          style={{ marginTop: 12 }}
          title={S.LOBBY_LINK}
          description={
            <Space direction="vertical">
              <Typography.Text copyable code data-testid="wish-lobby-url">
                {made}
              </Typography.Text>
              <a href={made} target="_blank" rel="noreferrer" data-testid="wish-lobby-open">
                {S.LOBBY_OPEN}
              </a>
              <Typography.Text type="secondary">{S.LOBBY_LOCAL}</Typography.Text>
            </Space>
          }
        />
      )}
      <List
        style={{ marginTop: 12 }}
        size="small"
        locale={{ emptyText: S.LOBBY_NONE }}
        dataSource={links.data ?? []}
        renderItem={(l) => (
          <List.Item
            actions={
              l.revokedAt
                ? [<Typography.Text type="secondary" key="r">{S.LOBBY_REVOKED}</Typography.Text>]
                : [
                    <Button key="r" size="small" onClick={() => void wishes.lobbyRevoke(l.id).then(() => links.reload(), (e: unknown) => setError(errorText(e)))}>
                      {S.LOBBY_REVOKE}
                    </Button>,
                  ]
            }
          >
            {l.label} · {formatDateTime(l.createdAt)} · {l.createdByName}
          </List.Item>
        )}
      />
    </Card>
  );
}

export function SettingsTab() {
  const role = useApp((s) => s.session?.staff.role);
  const head = can(role, 'wishes.approve');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }} data-testid="wish-settings">
      <CapCard head={head} />
      {can(role, 'wishes.lobby') && <LobbyCard />}
    </Space>
  );
}
