/**
 * One 代办 record in a drawer: its facts, materials, what happened to it and who did it,
 * its printed documents, and the actions main will accept from its status. A stale
 * screen is refused by main (CONFLICT): the drawer says so and reads the record again.
 */
import { CheckOutlined, CloseOutlined, FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Skeleton, Space, Tag, Timeline } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../common/contract';
import type { DocumentMeta } from '../../../../common/contracts/documents';
import type { IntakeRecord } from '../../../../common/contracts/intake';
import { INTAKE_ACTION_LABELS, INTAKE_STATUS_LABELS, requiredFor, type IntakeStatus } from '../../../../common/intake-status';
import { formatDateTime } from '../../../../common/time';
import { api, ApiError } from '../../api';
import { DocumentPreview } from '../../components/DocumentPreview';
import { errorText, notifySuccess } from '../../components/feedback';
import { ActionForm, type ActionValues } from './ActionForm';
import { promiseText, StatusTag, UrgencyTag } from './tags';
import * as S from './strings';
import { ReissueButton } from './ReissueButton';
import { ForwardDialog } from './ForwardDialog';
import { FORWARD_CHANNEL_LABELS } from '../../../../common/intake-status';
import { PromiseCalendarNote } from './PromiseCalendarNote';

type Detail = CallOutput<'intake.get'>;
type Banner = { type: 'warning' | 'error' | 'info'; text: string } | null;

/** Forward first, the ends that close a record without doing it last. */
const ACTION_ORDER: IntakeStatus[] = ['processing', 'forwarded', 'completed', 'collected', 'delivered', 'returned', 'cancelled'];

interface Props {
  /** the record to show; null keeps the drawer closed */
  id: string | null;
  onClose: () => void;
  /** the record changed: the list behind should be read again */
  onChanged: () => void;
}

export function IntakeDetail({ id, onClose, onChanged }: Props) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [docs, setDocs] = useState<DocumentMeta[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [banner, setBanner] = useState<Banner>(null);
  const [acting, setActing] = useState<IntakeStatus | null>(null);
  const [busy, setBusy] = useState<IntakeStatus | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  const [forwarding, setForwarding] = useState(false);

  const load = useCallback(async (recordId: string) => {
    setLoadError(null);
    try {
      const [d, list] = await Promise.all([api['intake.get']({ id: recordId }), api['documents.listFor']({ entity: 'intake', entityId: recordId }).catch(() => [] as DocumentMeta[])]);
      // the 转报单 belongs to the transmittal (several items), and is shown with each of them
      const tid = d.record.transmittal?.id;
      const sheet = tid ? await api['documents.listFor']({ entity: 'intake_transmittal', entityId: tid }).catch(() => [] as DocumentMeta[]) : [];
      setDetail(d);
      setDocs([...list, ...sheet]);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);

  useEffect(() => {
    setDetail(null);
    setDocs([]);
    setBanner(null);
    setActing(null);
    if (id) void load(id);
  }, [id, load]);

  async function transition(record: IntakeRecord, to: IntakeStatus, values: ActionValues = {}) {
    setBusy(to);
    setBanner(null);
    try {
      const r = await api['intake.transition']({ id: record.id, to, version: record.version, ...values });
      notifySuccess(S.TRANSITION_DONE[to]);
      if (r.documentError) setBanner({ type: 'warning', text: r.documentError });
      if (r.documentId) setShowing(r.documentId);
      onChanged();
      await load(record.id);
    } catch (err) {
      // someone else moved it first, or it can no longer go there: say so and show what it is now
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        setBanner({ type: 'error', text: `${err.message}。${S.DETAIL_RELOADED}` });
        onChanged();
        await load(record.id);
        return;
      }
      // a form's field errors go back to the form; a direct action shows them here
      if (requiredFor(to)) throw err;
      setBanner({ type: 'error', text: errorText(err) });
    } finally {
      setBusy(null);
    }
  }

  function act(record: IntakeRecord, to: IntakeStatus) {
    if (to === 'forwarded') setForwarding(true);
    else if (requiredFor(to)) setActing(to);
    else void transition(record, to);
  }

  const record = detail?.record ?? null;
  const actions = record ? ACTION_ORDER.filter((s) => record.next.includes(s)) : [];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={
        record ? (
          <span className="sd-detail-title">
            <span>{S.DETAIL_TITLE}</span>
            <span className="sd-mono sd-detail-no">{record.receiptNo}</span>
            <StatusTag status={record.status} />
            <UrgencyTag urgency={record.urgency} />
          </span>
        ) : (
          S.DETAIL_TITLE
        )
      }
      styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
    >
      <div className="sd-detail" data-testid="intake-detail" data-status={record?.status}>
        <div className="sd-detail-scroll">
          {banner && <Alert type={banner.type} showIcon closable={{ onClose: () => setBanner(null) }} title={banner.text} className="sd-detail-banner" data-testid="intake-detail-message" />}
          {loadError && (
            <Alert
              type="error"
              showIcon
              title={S.DETAIL_LOAD_FAILED}
              description={loadError}
              action={
                <Button size="small" icon={<ReloadOutlined />} onClick={() => id && void load(id)}>
                  {S.RETRY}
                </Button>
              }
            />
          )}
          {!record && !loadError && <Skeleton active paragraph={{ rows: 8 }} />}
          {record && detail && <DetailBody record={record} events={detail.events} docs={docs} onShow={setShowing} />}
        </div>

        {record && (
          <div className="sd-detail-actions">
            {actions.length === 0 ? (
              <span className="sd-muted">{S.DETAIL_ACTIONS_NONE}</span>
            ) : (
              <Space wrap>
                {actions.map((to) => {
                  const closing = to === 'returned' || to === 'cancelled';
                  const main = to === actions[0];
                  return (
                    <Button
                      key={to}
                      type={main && !closing ? 'primary' : 'default'}
                      danger={closing}
                      loading={busy === to}
                      disabled={busy !== null && busy !== to}
                      autoInsertSpace={false}
                      onClick={() => act(record, to)}
                      data-testid={`intake-action-${to}`}
                    >
                      {INTAKE_ACTION_LABELS[to]}
                    </Button>
                  );
                })}
              </Space>
            )}
          </div>
        )}
      </div>

      {record && <ActionForm record={record} to={acting} onSubmit={(to, v) => transition(record, to, v)} onClose={() => setActing(null)} />}
      <ForwardDialog
        records={forwarding && record ? [record] : []}
        onClose={() => setForwarding(false)}
        onDone={(documentId, documentError) => {
          setForwarding(false);
          if (documentError) setBanner({ type: 'warning', text: documentError });
          if (documentId) setShowing(documentId);
          onChanged();
          if (record) void load(record.id);
        }}
      />
      <DocumentPreview
        documentId={showing}
        onClose={() => setShowing(null)}
        onPrinted={(meta) => setDocs((list) => list.map((x) => (x.id === meta.id ? meta : x)))}
      />
    </Drawer>
  );
}

function DetailBody({ record, events, docs, onShow }: { record: IntakeRecord; events: Detail['events']; docs: DocumentMeta[]; onShow: (id: string) => void }) {
  const promised = promiseText(record);
  const received = new Set(record.materialsReceived);

  return (
    <>
      {record.urgency === 'overdue' && <Alert type="error" showIcon title={S.DETAIL_OVERDUE(promised)} className="sd-detail-banner" />}
      {record.urgency === 'dueSoon' && <Alert type="warning" showIcon title={S.DETAIL_DUE_SOON(promised)} className="sd-detail-banner" />}

      <Descriptions
        bordered
        size="small"
        column={2}
        className="sd-detail-facts"
        styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'resident',
            label: S.DETAIL_RESIDENT,
            span: 2,
            children: (
              <span>
                <b>{record.residentName}</b> <span className="sd-mono sd-muted">{record.residentIdMasked}</span>
              </span>
            ),
          },
          {
            key: 'item',
            label: S.DETAIL_ITEM,
            span: 2,
            children: (
              <span>
                {record.itemName} <span className="sd-mono sd-muted">{record.itemCode}</span>
              </span>
            ),
          },
          { key: 'category', label: S.CATEGORY, children: record.itemCategory },
          { key: 'department', label: S.DEPARTMENT, children: record.department },
          { key: 'forwarded', label: S.FORWARDED, children: record.forwarded ? <Tag color="purple">{S.FORWARDED_YES}</Tag> : S.FORWARDED_NO },
          { key: 'limit', label: S.TIME_LIMIT, children: record.timeLimitText },
          { key: 'accepted', label: S.COL_ACCEPTED_AT, children: formatDateTime(record.acceptedAt) },
          { key: 'clerk', label: S.COL_CLERK, children: record.acceptedByName },
          {
            key: 'promised',
            label: S.DETAIL_PROMISED,
            span: 2,
            children: (
              <>
                <span className={`sd-promised-cell ${record.urgency}`}>{promised}</span> <PromiseCalendarNote calendar={record.calendar} />
              </>
            ),
          },
          ...(record.note ? [{ key: 'note', label: S.DETAIL_NOTE, span: 2, children: record.note }] : []),
          ...(record.notice
            ? [{ key: 'notice', label: S.DETAIL_NOTICE, span: 2, children: <span data-testid="intake-detail-notice">{`${record.notice.noticeNo}（${formatDateTime(record.notice.issuedAt)}）`}</span> }]
            : []),
          ...(record.eligibilityWarnings.length > 0
            ? [
                {
                  key: 'eligibility',
                  label: S.DETAIL_ELIGIBILITY,
                  span: 2,
                  children: (
                    <div data-testid="intake-detail-eligibility">
                      {S.DETAIL_ELIGIBILITY_OVERRIDDEN}
                      <ul className="sd-eligibility-list">
                        {record.eligibilityWarnings.map((w) => (
                          <li key={w.rule}>{w.message}</li>
                        ))}
                      </ul>
                    </div>
                  ),
                },
              ]
            : []),
          ...(record.transmittal
            ? [
                {
                  key: 'transmittal',
                  label: S.DETAIL_TRANSMITTAL,
                  span: 2,
                  children: (
                    <span data-testid="intake-detail-transmittal">
                      {S.DETAIL_TRANSMITTAL_TEXT(
                        record.transmittal.department,
                        record.transmittal.channelNote ? `${FORWARD_CHANNEL_LABELS[record.transmittal.channel]}（${record.transmittal.channelNote}）` : FORWARD_CHANNEL_LABELS[record.transmittal.channel],
                        record.transmittal.receiverName,
                        formatDateTime(record.transmittal.receivedAt),
                        record.transmittal.transmittalNo,
                      )}
                    </span>
                  ),
                },
              ]
            : []),
          ...(record.county
            ? [
                {
                  key: 'county',
                  label: S.DETAIL_COUNTY,
                  span: 2,
                  children: (
                    // who decided and when on a line of its own: a long result would break the decider's name
                    <div data-testid="intake-detail-county">
                      <div>{S.COUNTY_DECISION_TEXT(record.county)}</div>
                      <div className="sd-muted">{S.COUNTY_DECIDED_BY(record.county.decidedBy, formatDateTime(record.county.decidedAt))}</div>
                    </div>
                  ),
                },
              ]
            : []),
          ...(record.completedAt ? [{ key: 'completedAt', label: S.DETAIL_COMPLETED_AT, span: 2, children: formatDateTime(record.completedAt) }] : []),
          ...(record.result ? [{ key: 'result', label: S.DETAIL_RESULT, span: 2, children: record.result }] : []),
          ...(record.handoverKind && record.handoverAt
            ? [{ key: 'handover', label: S.DETAIL_HANDOVER, span: 2, children: S.DETAIL_HANDOVER_TEXT(record.handoverKind, record.receiverName ?? '', formatDateTime(record.handoverAt)) }]
            : []),
          ...(record.proxy
            ? [{ key: 'proxy', label: S.DETAIL_PROXY, span: 2, children: <span data-testid="intake-detail-proxy">{S.DETAIL_PROXY_TEXT(record.proxy.name, record.proxy.idMasked, record.proxy.relation)}</span> }]
            : []),
          ...(record.closedReason ? [{ key: 'closed', label: S.DETAIL_CLOSED_REASON, span: 2, children: record.closedReason }] : []),
        ]}
      />

      <h3 className="sd-detail-heading">{S.DETAIL_MATERIALS}</h3>
      <ul className="sd-detail-materials" data-testid="intake-detail-materials">
        {record.materialsRequired.map((m) => {
          const got = received.has(m);
          return (
            <li key={m} className={got ? 'got' : 'missing'}>
              {got ? <CheckOutlined aria-label={S.DETAIL_MATERIAL_GOT} /> : <CloseOutlined aria-label={S.DETAIL_MATERIAL_MISSING} />}
              <span>{m}</span>
            </li>
          );
        })}
      </ul>

      <h3 className="sd-detail-heading">{S.DETAIL_TIMELINE}</h3>
      <Timeline
        className="sd-detail-timeline"
        data-testid="intake-detail-events"
        items={events.map((e, i) => ({
          key: i,
          color: e.to === 'returned' || e.to === 'cancelled' ? 'red' : e.to === 'completed' || e.to === 'collected' || e.to === 'delivered' ? 'green' : 'blue',
          content: (
            <div className="sd-event">
              <div className="sd-event-at sd-mono">{formatDateTime(e.at)}</div>
              <div className="sd-event-what">
                {e.from ? `${INTAKE_STATUS_LABELS[e.from]} → ` : ''}
                <b>{INTAKE_STATUS_LABELS[e.to]}</b>
                <span className="sd-muted"> · {S.EVENT_BY(e.byName)}</span>
              </div>
              {e.reason && <div className="sd-event-reason">{e.reason}</div>}
            </div>
          ),
        }))}
      />

      <h3 className="sd-detail-heading">{S.DETAIL_DOCUMENTS}</h3>
      {docs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.DETAIL_DOCUMENTS_NONE}>
          <ReissueButton recordId={record.id} onDone={onShow} size="small" />
        </Empty>
      ) : (
        <ul className="sd-detail-docs" data-testid="intake-detail-documents">
          {docs.map((doc) => (
            <li key={doc.id}>
              <FilePdfOutlined className="sd-doc-icon" />
              <span className="sd-doc-main">
                <span className="sd-doc-title">{doc.title}</span>
                <span className="sd-muted">
                  {formatDateTime(doc.createdAt)} · {S.DETAIL_DOCUMENT_PRINTED(doc.printCount)}
                </span>
              </span>
              <Button size="small" onClick={() => onShow(doc.id)} data-testid={`intake-document-${doc.kind}`}>
                {S.DETAIL_DOCUMENT_VIEW}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
