/** Which screen the window shows: starting, main unreachable, first-run setup, sign-in, or the shell. */
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FeedbackBridge } from './components/feedback';
import { LOADING, UNAVAILABLE_HINT, UNAVAILABLE_RETRY, UNAVAILABLE_TITLE } from './components/strings';
import { UNAVAILABLE_MESSAGE } from './api';
import { SetupScreen } from './features/auth/SetupScreen';
import { SignInScreen } from './features/auth/SignInScreen';
import { ForcedPasswordScreen } from './features/auth/ForcedPasswordScreen';
import { useApp } from './stores/app';
import { theme } from './theme';
import { Shell } from './shell/Shell';

function Screen() {
  const phase = useApp((s) => s.phase);
  const loadError = useApp((s) => s.loadError);
  const load = useApp((s) => s.load);

  switch (phase) {
    case 'loading':
      // the same words index.html paints before any script: no spinner's styles to build while main answers
      return (
        <div className="sd-boot" data-testid="loading">
          StationDesk {LOADING}
        </div>
      );
    case 'unavailable':
      return (
        <div className="sd-fullpage-center" data-testid="unavailable">
          <Result
            status="warning"
            title={UNAVAILABLE_TITLE}
            subTitle={loadError && loadError !== UNAVAILABLE_MESSAGE ? loadError : UNAVAILABLE_HINT}
            extra={
              <Button type="primary" onClick={() => void load()}>
                {UNAVAILABLE_RETRY}
              </Button>
            }
          />
        </div>
      );
    case 'setup':
      return <SetupScreen />;
    case 'signIn':
      return <SignInScreen />;
    case 'changePassword':
      return <ForcedPasswordScreen />;
    case 'ready':
      return <Shell />;
  }
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} componentSize="middle">
      <AntApp className="sd-app" style={{ height: '100%' }}>
        <FeedbackBridge />
        <ErrorBoundary fullPage>
          <Screen />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
