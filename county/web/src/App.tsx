/** Signed in or not; once in, three tabs: 代办事项, 站点, 发布. */
import { useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Result, Space, Spin, Tabs, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { AdminSession } from '../../../common/county/admin';
import { api, messageOf, whenSignedOut } from './api';
import { ErrorBoundary } from './ErrorBoundary';
import { ItemsTab } from './ItemsTab';
import { PublishTab } from './PublishTab';
import { ReliefTab, RELIEF_TAB } from './ReliefTab';
import { SignIn } from './SignIn';
import { StationsTab } from './StationsTab';
import { WishesTab } from './WishesTab';
import { W } from './wish-strings';
import { S } from './strings';

const theme = { token: { colorPrimary: '#c8161d', fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif', borderRadius: 4 } };

function Shell({ session, onSignedOut }: { session: AdminSession; onSignedOut: () => void }) {
  const { message } = AntApp.useApp();
  const signOut = async () => {
    try {
      await api.signOut();
    } catch (e) {
      void message.error(messageOf(e));
    }
    onSignedOut();
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #eee' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {S.appTitle}
        </Typography.Title>
        <Space>
          <span data-testid="signed-in-as">{session.name}</span>
          <Button onClick={() => void signOut()}>{S.signOut}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '12px 24px' }}>
        <Tabs
          items={[
            { key: 'items', label: S.tabs.items, children: <ItemsTab /> },
            { key: 'relief', label: RELIEF_TAB, children: <ReliefTab /> },
            { key: 'stations', label: S.tabs.stations, children: <StationsTab /> },
            { key: 'publish', label: S.tabs.publish, children: <PublishTab /> },
            { key: 'wishes', label: W.tab, children: <WishesTab /> },
          ]}
        />
      </Layout.Content>
    </Layout>
  );
}

function Screen() {
  const [session, setSession] = useState<AdminSession | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    api.currentSession().then(setSession, (e: unknown) => setError(messageOf(e)));
  };
  useEffect(() => {
    whenSignedOut(() => setSession(null));
    load();
  }, []);
  if (error)
    return (
      <Result
        status="warning"
        title={error}
        extra={
          <Button type="primary" onClick={load}>
            {S.reload}
          </Button>
        }
      />
    );
  if (session === undefined) return <Spin style={{ display: 'block', marginTop: '30vh' }} />;
  if (session === null) return <SignIn onSignedIn={setSession} />;
  return <Shell session={session} onSignedOut={() => setSession(null)} />;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ErrorBoundary>
          <Screen />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
