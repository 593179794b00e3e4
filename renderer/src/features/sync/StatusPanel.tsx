/** The state at a glance: connected or not, what waits, when it last worked, what went wrong, and 立即同步. */
import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Progress } from 'antd';
import type { SyncStatus } from '../../../../common/contracts/sync';
import { errorText } from '../../components/feedback';
import { WORK_START } from '../../shell/work-focus';
import { useBusy, useSync } from './data';
import { comingText, errorLine, pastText, progressPercent, skewText, stateLabel, STATE_TONE, waitingText } from './format';
import * as S from './strings';

/** Sync is only possible with a token the county still accepts. */
const canSync = (s: SyncStatus) => s.state !== 'unenrolled' && s.state !== 'reenroll';

export function StatusPanel({ status, now, focusHere }: { status: SyncStatus; now: number; focusHere: boolean }) {
  const { message } = App.useApp();
  const running = useSync((s) => s.running);
  const syncNow = useSync((s) => s.syncNow);
  const busy = useBusy();
  const percent = progressPercent(status.progress);
  const skew = skewText(status.clockSkewSeconds);
  const error = errorLine(status, now);
  const waiting = waitingText(status.oldestPendingAt, now);

  async function runNow() {
    try {
      const after = await syncNow();
      if (after.lastError) void message.warning(errorLine(after, Date.now()) ?? S.ERROR_GENERIC);
      else if (after.pending > 0) void message.info(S.SYNC_DONE_PENDING(after.pending));
      else void message.success(S.SYNC_DONE);
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  const next = !canSync(status) ? S.NEXT_AFTER_ENROLL : (comingText(status.nextAttemptAt, now) ?? S.NEXT_NONE);

  return (
    <div className="sd-panel sd-sync-state" data-testid="sync-state" data-state={status.state}>
      <div className="sd-sync-head">
        <span className={`sd-sync-dot ${STATE_TONE[status.state]}`} aria-hidden />
        <span className="sd-sync-label" data-testid="sync-state-label">
          {stateLabel(status.state)}
        </span>
        <span className="sd-sync-text">{S.STATE_TEXT[status.state]}</span>
        <Button
          type="primary"
          icon={<SyncOutlined spin={busy} />}
          loading={running}
          disabled={!canSync(status)}
          title={canSync(status) ? S.SYNC_NOW_HINT : S.SYNC_NOT_ENROLLED}
          onClick={() => void runNow()}
          data-testid="sync-now"
          {...(focusHere ? WORK_START : {})}
        >
          {S.SYNC_NOW}
        </Button>
      </div>

      {percent !== null && status.progress && (
        <div className="sd-sync-progress" data-testid="sync-progress">
          <Progress percent={percent} status="active" />
          <span>{S.PROGRESS(status.progress.sent, status.progress.total)}</span>
        </div>
      )}

      {skew && <Alert type="warning" showIcon className="sd-sync-alert" title={S.SKEW_TITLE} description={`${skew}${S.SKEW_TEXT}`} data-testid="sync-skew" />}

      <Descriptions column={2} bordered size="small" className="sd-sync-facts" styles={{ label: { width: 128 } }}>
        <Descriptions.Item label={S.PENDING}>
          <span data-testid="sync-pending" data-count={status.pending}>
            {status.pending > 0 ? S.PENDING_COUNT(status.pending) : S.PENDING_NONE}
          </span>
          {status.pending > 0 && waiting && (
            <span className="sd-sync-sub" data-testid="sync-oldest">
              {waiting}
            </span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={S.LAST_SUCCESS}>
          <span data-testid="sync-last-success">{pastText(status.lastSuccessAt, now) ?? S.NEVER}</span>
        </Descriptions.Item>
        <Descriptions.Item label={S.LAST_ERROR}>
          <span className={error ? 'sd-sync-error' : undefined} data-testid="sync-last-error">
            {error ?? S.NO_ERROR}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={S.NEXT_ATTEMPT}>
          <span data-testid="sync-next">{next}</span>
        </Descriptions.Item>
        <Descriptions.Item label={S.COUNTY}>
          <span className="sd-sync-url" data-testid="sync-county">
            {status.countyName ? `${status.countyName}（${status.countyUrl}）` : status.countyUrl || S.COUNTY_NONE}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={S.ENROLLED_AT}>
          <span data-testid="sync-enrolled-at">{pastText(status.enrolledAt, now) ?? stateLabel('unenrolled')}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
