/** The bottom line: where, who, when, and the county link's state. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { ROLE_LABELS } from '../../../common/roles';
import { notifyError } from '../components/feedback';
import { formatClock } from '../format';
import { useApp } from '../stores/app';
import { useClock } from '../stores/clock';
import * as S from './strings';

export function StatusBar() {
  const station = useApp((s) => s.info?.station ?? null);
  const staff = useApp((s) => s.session?.staff ?? null);
  const countyUrl = useApp((s) => s.settings?.countyUrl ?? '');
  const signOut = useApp((s) => s.signOut);
  const minute = useClock((s) => s.minute);

  return (
    <footer className="sd-status" role="contentinfo" aria-label={S.STATUS_LABEL} data-testid="status-bar">
      <span className="sd-status-item" data-testid="status-station">
        {station?.name ?? ''}
      </span>
      {staff && (
        <span className="sd-status-item" data-testid="status-user">
          <UserOutlined />
          <span>{staff.name}</span>
          <span className="sd-status-role" data-testid="status-role">
            {ROLE_LABELS[staff.role]}
          </span>
        </span>
      )}
      <span className="sd-status-item" data-testid="status-sync">
        <i className="sd-status-dot" aria-hidden />
        {countyUrl ? S.SYNC_NOT_ENABLED : S.SYNC_NOT_CONFIGURED}
      </span>
      <span className="sd-status-spacer" />
      <span className="sd-status-item" data-testid="status-clock">
        <time dateTime={new Date(minute).toISOString()}>{formatClock(minute)}</time>
      </span>
      <span className="sd-status-item last">
        <Button type="text" size="small" icon={<LogoutOutlined />} data-testid="signout-button" onClick={() => signOut().catch(notifyError)}>
          {S.SIGN_OUT}
        </Button>
      </span>
    </footer>
  );
}
