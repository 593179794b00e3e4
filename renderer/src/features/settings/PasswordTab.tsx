/** 修改密码: every staff member changes their own (auth.changePassword). */
import { notifySuccess } from '../../components/feedback';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { PW_DONE } from '../auth/strings';
import { useApp } from '../../stores/app';

export function PasswordTab() {
  const setSessionStaff = useApp((s) => s.setSessionStaff);
  return (
    <div className="sd-form-narrow" style={{ maxWidth: 420 }} data-testid="settings-password">
      <ChangePasswordForm
        onChanged={(session) => {
          setSessionStaff(session.staff);
          notifySuccess(PW_DONE);
        }}
      />
    </div>
  );
}
