/** The bottom line: where, who, when, and the county link's state. */
import { LogoutOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { ROLE_LABELS } from '../../../common/roles';
import { notifyError } from '../components/feedback';
import { formatClock } from '../format';
import { useApp } from '../stores/app';
import { useClock } from '../stores/clock';
import { useNav } from '../stores/nav';
import { POLL_BAR_MS, useSync, useSyncPolling } from '../features/sync/data';
import { barText, STATE_TONE } from '../features/sync/format';
import { BAR_LABEL } from '../features/sync/strings';
import * as S from './strings';

export function StatusBar() {
  const station = useApp((s) => s.info?.station ?? null);
  // the start-up check of the data folder's permissions (main/data-dir.ts): said once per start, here
  const dataDirWarning = useApp((s) => s.info?.dataDirWarning ?? null);
  const staff = useApp((s) => s.session?.staff ?? null);
  const sync = useSync((s) => s.status);
  const go = useNav((s) => s.go);
  const signOut = useApp((s) => s.signOut);
  const minute = useClock((s) => s.minute);
  useSyncPolling(POLL_BAR_MS);

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
      <button
        type="button"
        className="sd-status-item sd-status-sync"
        onClick={() => go('sync')}
        title={BAR_LABEL}
        data-testid="status-sync"
        data-state={sync?.state ?? 'unknown'}
        data-pending={sync?.pending ?? ''}
      >
        <i className={`sd-status-dot ${sync ? STATE_TONE[sync.state] : ''}`} aria-hidden />
        {barText(sync)}
      </button>
      {dataDirWarning && (
        <span className="sd-status-item sd-status-warning" role="alert" title={dataDirWarning} data-testid="status-datadir-warning">
          <WarningOutlined />
          <span className="sd-status-warning-text">{dataDirWarning}</span>
        </span>
      )}
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
