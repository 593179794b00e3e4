/** 同步: the county link at a glance, 立即同步, enrollment, and what the station head must look at. */
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { can } from '../../../../common/roles';
import { Page } from '../../components/Page';
import { errorText } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { loadStaff, POLL_AREA_MS, POLL_BUSY_MS, useBusy, useSync, useSyncPolling } from './data';
import { EnrollForm } from './EnrollForm';
import { ConflictList, RejectedList } from './ProblemLists';
import { StatusPanel } from './StatusPanel';
import * as S from './strings';
import './sync.css';

export function SyncPage() {
  const status = useSync((s) => s.status);
  const error = useSync((s) => s.error);
  const readAt = useSync((s) => s.readAt);
  const refresh = useSync((s) => s.refresh);
  const role = useApp((s) => s.session?.staff.role);
  const manager = can(role, 'sync.manage');
  const [reenrolling, setReenrolling] = useState(false);
  useSyncPolling(useBusy() ? POLL_BUSY_MS : POLL_AREA_MS);

  if (!status) {
    return (
      <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-sync">
        {error ? (
          <Alert
            type="error"
            showIcon
            title={S.STATUS_LOAD_FAILED}
            description={errorText(error)}
            action={
              <Button size="small" onClick={() => void refresh()}>
                {S.RETRY}
              </Button>
            }
            data-testid="sync-load-error"
          />
        ) : (
          <Spin />
        )}
      </Page>
    );
  }

  const needsEnroll = status.state === 'unenrolled' || status.state === 'reenroll';
  const formShown = manager && (needsEnroll || reenrolling);

  return (
    <Page title={S.TITLE} subtitle={S.SUBTITLE} testId="area-sync">
      {error !== null && <Alert type="warning" showIcon className="sd-sync-alert" title={S.STATUS_LOAD_FAILED} description={errorText(error)} />}
      <StatusPanel status={status} now={readAt} focusHere={!formShown} />

      {formShown && (
        <EnrollForm
          countyUrl={status.countyUrl}
          reenroll={status.state !== 'unenrolled'}
          focusHere
          {...(needsEnroll ? {} : { onCancel: () => setReenrolling(false) })}
        />
      )}
      {manager && !formShown && (
        <div className="sd-sync-reenroll">
          <Button onClick={() => setReenrolling(true)} data-testid="sync-reenroll-open">
            {S.REENROLL_OPEN}
          </Button>
        </div>
      )}
      {!manager && needsEnroll && <AskHead />}

      {manager && (status.rejectedCount > 0 || status.conflictCount > 0 || status.state !== 'unenrolled') && (
        <div className="sd-sync-lists">
          <RejectedList count={status.rejectedCount} />
          <ConflictList count={status.conflictCount} />
        </div>
      )}
      {!manager && (status.rejectedCount > 0 || status.conflictCount > 0) && (
        <Alert type="warning" showIcon className="sd-sync-alert sd-sync-after" title={S.PROBLEMS_FOR_HEAD(status.rejectedCount, status.conflictCount)} data-testid="sync-problems-note" />
      )}
    </Page>
  );
}

/** A clerk who may not enroll is told who may, by name. */
function AskHead() {
  const [names, setNames] = useState<string | null>(null);
  useEffect(() => {
    loadStaff().then(
      (staff) => {
        const holders = staff.filter((s) => s.active && can(s.role, 'sync.manage')).map((s) => s.name);
        setNames(holders.length > 0 ? holders.join('、') : null);
      },
      () => setNames(null),
    );
  }, []);
  return <Alert type="info" showIcon className="sd-sync-alert sd-sync-after" title={names ? S.ASK_HEAD(names) : S.ASK_HEAD_UNKNOWN} data-testid="sync-ask-head" />;
}
