/**
 * 日结: today at a glance, the 日结 button (Enter opens the confirmation, Enter confirms, Esc
 * cancels), the outcome with the county's answer, the 日结报表 preview and print, and for
 * the station head the past closes with their reprints.
 */
import { ReloadOutlined, FileTextOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { can } from '../../../../common/roles';
import { Page } from '../../components/Page';
import { DocumentPreview } from '../../components/DocumentPreview';
import { notifyError, notifySuccess } from '../../components/feedback';
import { formatDateLong, formatWeekday, formatDateTime } from '../../format';
import { useApp } from '../../stores/app';
import { DayGlanceView } from './DayGlanceView';
import { CloseDialog } from './CloseDialog';
import { CloseHistory } from './CloseHistory';
import { StatusTag } from './StatusTag';
import { reprintReport, useHistory, useToday, type CloseResult, type Today } from './data';
import './dayclose.css';
import * as S from './strings';

const PENDING_RECHECK_MS = 30_000;

function dayText(day: string): string {
  const at = `${day}T12:00:00+08:00`;
  return `${formatDateLong(at)}（${formatWeekday(at)}）`;
}

function ClosedPanel({ today, result, onView, onReprint, mayReprint }: { today: Today; result: CloseResult | null; onView: (id: string) => void; onReprint: () => void; mayReprint: boolean }) {
  const c = today.close!;
  const type = c.county.status === 'confirmed' ? 'success' : c.county.status === 'pending' ? 'warning' : 'error';
  const detail = c.county.status === 'confirmed' ? S.COUNTY_CONFIRMED(formatDateTime(c.county.answeredAt)) : c.county.status === 'pending' ? S.COUNTY_PENDING(c.county.reason) : S.COUNTY_MISMATCH(c.county.reason);
  return (
    <div className="sd-dayclose-outcome" data-testid="dayclose-outcome">
      <Alert
        type={type}
        showIcon
        title={
          <span>
            {S.CLOSED_LINE(formatDateTime(c.closedAt), c.closedBy.name)} <StatusTag county={c.county} brief />
          </span>
        }
        description={<span data-testid="dayclose-outcome-detail">{detail}</span>}
        action={
          <Space direction="vertical">
            {c.documentId && (
              <Button icon={<FileTextOutlined />} onClick={() => onView(c.documentId!)} data-testid="dayclose-view-report">
                {S.VIEW_REPORT}
              </Button>
            )}
            {mayReprint && (
              <Button onClick={onReprint} data-testid="dayclose-reprint-today">
                {S.REPRINT}
              </Button>
            )}
          </Space>
        }
      />
      {result?.sync && !result.sync.ok && result.sync.error && <Alert type="warning" showIcon title={S.SYNC_FAILED(result.sync.error)} />}
      {result?.documentError && <Alert type="error" showIcon title={S.DOCUMENT_FAILED(result.documentError)} />}
      {today.afterClose > 0 && <Alert type="info" showIcon title={S.AFTER_CLOSE(today.afterClose)} data-testid="dayclose-after-close" />}
    </div>
  );
}

export function DayClosePage() {
  const role = useApp((s) => s.session?.staff.role);
  const head = can(role, 'dayclose.history');
  const today = useToday();
  const history = useHistory(head);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<CloseResult | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const t = today.data;
  const closed = !!t?.close;

  // Keyboard first: the 日结 button has the focus once there is a day to close.
  useEffect(() => {
    if (t && !closed) closeButton.current?.focus();
  }, [t, closed]);

  // 待确认 turns 已确认 by itself once the sync worker gets the county's answer: look again now and then.
  const waiting = t?.close?.county.status === 'pending';
  const reloadToday = today.reload;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void reloadToday(), PENDING_RECHECK_MS);
    return () => clearInterval(timer);
  }, [waiting, reloadToday]);

  function closedNow(r: CloseResult) {
    setConfirming(false);
    setResult(r);
    void today.reload();
    void history.reload();
    if (r.close.documentId) setShowing(r.close.documentId);
  }

  async function reprintToday() {
    if (!t?.close) return;
    try {
      const r = await reprintReport(t.close.closeId);
      notifySuccess(S.REPRINTED(r.reprintCount));
      void today.reload();
      void history.reload();
      setShowing(r.documentId);
    } catch (err) {
      notifyError(err);
    }
  }

  const actions = (
    <Space>
      <Button icon={<ReloadOutlined />} onClick={() => void today.reload()} loading={today.loading} data-testid="dayclose-refresh">
        {S.REFRESH}
      </Button>
      <Button ref={closeButton} type="primary" size="large" icon={<ScheduleOutlined />} disabled={!t || closed} onClick={() => setConfirming(true)} data-testid="dayclose-close">
        {closed ? S.CLOSED_BUTTON : S.CLOSE_BUTTON}
      </Button>
    </Space>
  );

  return (
    <Page title={S.TITLE} subtitle={t ? S.TODAY(dayText(t.glance.day)) : S.SUBTITLE} actions={actions} testId="area-dayclose">
      {today.error && <Alert type="error" showIcon title={S.LOAD_FAILED} description={today.error} data-testid="dayclose-load-error" />}
      {!t && !today.error && <Spin />}
      {t && (
        <div className="sd-dayclose" data-testid={closed ? 'dayclose-closed' : 'dayclose-open'}>
          {closed && <ClosedPanel today={t} result={result} onView={setShowing} onReprint={() => void reprintToday()} mayReprint={head} />}
          {/* a closed day shows the figures as closed (and printed); later changes go to the next report */}
          <DayGlanceView glance={t.close ? t.close.glance : t.glance} />
          {head && <CloseHistory rows={history.data} error={history.error} loading={history.loading} onView={setShowing} onChanged={() => void history.reload()} />}
        </div>
      )}
      {t && <CloseDialog open={confirming} dayText={dayText(t.glance.day)} glance={t.glance} enrolled={t.enrolled} onCancel={() => setConfirming(false)} onClosed={closedNow} />}
      <DocumentPreview documentId={showing} onClose={() => setShowing(null)} />
    </Page>
  );
}
