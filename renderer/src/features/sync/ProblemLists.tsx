/**
 * What the station head must look at: events the county refused (kept, never dropped) and
 * county decisions left unapplied because the station changed the record since. Each list is
 * read again whenever the status says its count changed.
 */
import { Alert, App, Button, Checkbox, Form, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { syncCalls, type RejectedEvent, type SyncConflict } from '../../../../common/contracts/sync';
import { errorText } from '../../components/feedback';
import { FormModal } from '../../components/FormModal';
import { zodRule } from '../../components/forms';
import { formatDateTime } from '../../format';
import { loadConflicts, loadRejected, resolveConflict } from './data';
import { plainError } from './format';
import * as S from './strings';

function useList<T>(load: () => Promise<T[]>, key: unknown) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setRows(await load());
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { rows, error, reload };
}

const rejectedColumns: TableColumnsType<RejectedEvent> = [
  { title: S.COL_SEQ, dataIndex: 'seq', width: 70 },
  { title: S.COL_KIND, dataIndex: 'entityLabel', width: 96 },
  { title: S.COL_RECORD, dataIndex: 'entityId', width: 220, ellipsis: true },
  { title: S.COL_OCCURRED, dataIndex: 'occurredAt', width: 140, render: (v: string) => formatDateTime(v) },
  { title: S.COL_REASON, dataIndex: 'message', render: (v: string) => plainError(v) ?? '—' },
  { title: S.COL_REJECTED_AT, dataIndex: 'rejectedAt', width: 140, render: (v: string) => formatDateTime(v) },
];

export function RejectedList({ count }: { count: number }) {
  const { rows, error } = useList(loadRejected, count);
  return (
    <div className="sd-panel sd-sync-section" data-testid="sync-rejected">
      <h2 className="sd-section-title">
        {S.REJECTED_HEADING}
        {count > 0 && <Tag color="error">{count}</Tag>}
      </h2>
      <p className="sd-section-note">{S.REJECTED_NOTE}</p>
      {error && <Alert type="error" showIcon title={S.LIST_LOAD_FAILED} description={error} />}
      <Table<RejectedEvent>
        rowKey="seq"
        size="small"
        tableLayout="fixed"
        pagination={rows && rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        loading={rows === null && !error}
        columns={rejectedColumns}
        dataSource={rows ?? []}
        locale={{ emptyText: S.REJECTED_NONE }}
      />
    </div>
  );
}

export function ConflictList({ count }: { count: number }) {
  const [includeResolved, setIncludeResolved] = useState(false);
  const load = useCallback(() => loadConflicts(includeResolved), [includeResolved]);
  const { rows, error, reload } = useList(load, count);
  const [open, setOpen] = useState<SyncConflict | null>(null);
  const { message } = App.useApp();

  const columns: TableColumnsType<SyncConflict> = [
    { title: S.COL_LABEL, dataIndex: 'label', width: 220, ellipsis: true },
    { title: S.COL_SUMMARY, dataIndex: 'summary' },
    { title: S.COL_VERSIONS, key: 'v', width: 130, render: (_: unknown, c) => `${c.basedOnVersion} / ${c.stationVersion}` },
    { title: S.COL_RECEIVED, dataIndex: 'receivedAt', width: 140, render: (v: string) => formatDateTime(v) },
    {
      title: S.COL_RESOLUTION,
      key: 'r',
      width: 200,
      render: (_: unknown, c) =>
        c.resolvedAt ? (
          <span>
            <Tag color="success">{S.RESOLVED}</Tag>
            {c.resolution}
          </span>
        ) : (
          <Button size="small" onClick={() => setOpen(c)} data-testid="sync-conflict-resolve">
            {S.RESOLVE}
          </Button>
        ),
    },
  ];

  return (
    <div className="sd-panel sd-sync-section" data-testid="sync-conflicts">
      <h2 className="sd-section-title">
        {S.CONFLICTS_HEADING}
        {count > 0 && <Tag color="warning">{count}</Tag>}
        <Checkbox className="sd-sync-resolved" checked={includeResolved} onChange={(e) => setIncludeResolved(e.target.checked)}>
          {S.SHOW_RESOLVED}
        </Checkbox>
      </h2>
      <p className="sd-section-note">{S.CONFLICTS_NOTE}</p>
      {error && <Alert type="error" showIcon title={S.LIST_LOAD_FAILED} description={error} />}
      <Table<SyncConflict>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        pagination={rows && rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        loading={rows === null && !error}
        columns={columns}
        dataSource={rows ?? []}
        locale={{ emptyText: S.CONFLICTS_NONE }}
      />
      <ResolveDialog conflict={open} onClose={() => setOpen(null)} onDone={() => {
          void message.success(S.RESOLVE_DONE);
          void reload();
        }} />
    </div>
  );
}

const resolutionRule = zodRule(syncCalls['sync.resolveConflict'].input.shape.resolution);

function ResolveDialog({ conflict, onClose, onDone }: { conflict: SyncConflict | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ resolution: string }>();
  // a written resolution is one or two sentences: Enter sends it, Shift+Enter starts a new line
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.submit();
    }
  };
  return (
    <FormModal<{ resolution: string }>
      title={conflict ? S.RESOLVE_TITLE(conflict.label) : ''}
      open={conflict !== null}
      form={form}
      fieldKeys={['resolution']}
      okText={S.RESOLVE_OK}
      onSubmit={async ({ resolution }) => {
        if (!conflict) return;
        await resolveConflict(conflict.id, resolution);
        onDone();
      }}
      onClose={onClose}
      testId="sync-resolve"
      width={560}
    >
      {conflict && <p className="sd-sync-summary">{conflict.summary}</p>}
      <Form.Item label={S.RESOLUTION} name="resolution" validateFirst rules={[{ required: true, whitespace: true, message: S.RESOLUTION_REQUIRED }, resolutionRule]} extra={S.RESOLUTION_KEYS}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} showCount placeholder={S.RESOLUTION_PH} onKeyDown={onKeyDown} data-testid="sync-resolve-text" />
      </Form.Item>
    </FormModal>
  );
}
