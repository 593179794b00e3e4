/**
 * After signing in with a password an administrator typed (new account, reset), the
 * clerk sets their own before anything else; main refuses every other call meanwhile.
 */
import { Alert, Button } from 'antd';
import { notifySuccess } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { useSessionWatch } from '../../stores/session-watch';
import { ChangePasswordForm } from './ChangePasswordForm';
import { BrandLine, EntryFrame } from './EntryFrame';
import * as S from './strings';

export function ForcedPasswordScreen() {
  const name = useApp((s) => s.session?.staff.name ?? '');
  const passwordChanged = useApp((s) => s.passwordChanged);
  const checkSession = useApp((s) => s.checkSession);
  const signOut = useApp((s) => s.signOut);
  // an idle sign-out still applies here
  useSessionWatch(true);

  return (
    <EntryFrame>
      <div className="sd-entry-card sd-signin-card" data-testid="forced-password-screen">
        <BrandLine title={S.FORCED_TITLE} sub={S.FORCED_SUB(name)} />
        <Alert type="warning" showIcon title={S.FORCED_WHY} style={{ margin: '16px 0' }} data-testid="forced-password-why" />
        <ChangePasswordForm
          currentLabel={S.FORCED_CURRENT}
          submitLabel={S.FORCED_SUBMIT}
          onChanged={(session) => {
            notifySuccess(S.FORCED_DONE);
            void passwordChanged(session);
          }}
          onFailed={() => void checkSession()}
          extra={
            <Button type="link" onClick={() => void signOut()} data-testid="forced-password-signout" style={{ marginLeft: 8 }}>
              {S.FORCED_SIGN_OUT}
            </Button>
          }
        />
      </div>
    </EntryFrame>
  );
}
