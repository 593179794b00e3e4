/**
 * 操作日志: filtered by the station's dates, clerk, action and record, a page at a time,
 * in Chinese; county IT can switch to the raw codes. Export and chain check on top.
 */
import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select, Space, Switch, Table, Tooltip, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { AuditEntry, AuditFilter, CallOutput } from '../../../../common/contract';
import { notifyError, notifySuccess } from '../../components/feedback';
import { formatDateTimeSeconds } from '../../format';
import { downloadBase64 } from '../residents/shared';
import { actionLabel, detailParts, entityLabel, recordText } from './audit-format';
import { AUDIT_PAGE_SIZE, exportAudit, useAuditChoices, useAuditPage, verifyAudit } from './audit-data';
import { LoadError } from './LoadError';
import './audit.css';
import * as S from './strings';

type Verify = CallOutput<'audit.verify'>;

const DAY = 'YYYY-MM-DD';

/** Short values (numbers, dates) stay on one line: a receipt number broken at its hyphen misreads. */
function Detail({ entry }: { entry: AuditEntry }) {
  const parts = detailParts(entry);
  return (
    <span className="sd-audit-detail">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && '；'}
          {p.label}：<span className={p.value.length <= 28 ? 'sd-audit-value' : undefined}>{p.value}</span>
        </span>
      ))}
    </span>
  );
}

function actorText(e: AuditEntry): string {
  return e.actorName ?? (e.actorId ? '—' : S.AUDIT_SYSTEM);
}

export function AuditTab() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [recordDraft, setRecordDraft] = useState('');
  const [raw, setRaw] = useState(false);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { data, error, loading, reload } = useAuditPage(filter, page);
  const { staff, actions } = useAuditChoices();

  function change(patch: Partial<AuditFilter>) {
    setFilter((f) => {
      const next: AuditFilter = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof AuditFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
      return next;
    });
    setPage(1);
  }

  function clear() {
    setRecordDraft('');
    setFilter({});
    setPage(1);
  }

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await verifyAudit());
    } catch (err) {
      notifyError(err);
    } finally {
      setVerifying(false);
    }
  }

  async function runExport() {
    setExporting(true);
    try {
      const out = await exportAudit(filter);
      downloadBase64(out.fileName, out.base64);
      notifySuccess(S.AUDIT_EXPORTED(out.rows, out.savedPath));
      void reload(); // the export is itself in the log
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(false);
    }
  }

  const actionOptions = useMemo(
    () => [...new Set([...actions, ...(filter.action ? [filter.action] : [])])].map((a) => ({ value: a, label: raw ? `${actionLabel(a)}（${a}）` : actionLabel(a) })).sort((x, y) => x.label.localeCompare(y.label, 'zh-CN')),
    [actions, filter.action, raw],
  );

  const columns: TableColumnsType<AuditEntry> = raw
    ? [
        { title: S.AUDIT_SEQ, dataIndex: 'seq', width: 72, align: 'right' },
        { title: S.AUDIT_AT, dataIndex: 'at', width: 210, render: (v: string) => <span className="sd-mono">{v}</span> },
        { title: S.AUDIT_ACTOR, key: 'actor', width: 100, render: (_: unknown, e) => actorText(e) },
        { title: S.AUDIT_CODE, dataIndex: 'action', width: 170, render: (v: string) => <span className="sd-mono">{v}</span> },
        { title: S.AUDIT_RAW_ENTITY, dataIndex: 'entity', width: 110, render: (v: string) => <span className="sd-mono">{v}</span> },
        { title: S.AUDIT_RAW_ENTITY_ID, dataIndex: 'entityId', width: 150, ellipsis: { showTitle: true }, render: (v: string | null) => <span className="sd-mono">{v ?? ''}</span> },
        { title: S.AUDIT_RAW_DETAIL, key: 'detail', render: (_: unknown, e) => <code className="sd-audit-json">{JSON.stringify(e.detail)}</code> },
      ]
    : [
        { title: S.AUDIT_SEQ, dataIndex: 'seq', width: 72, align: 'right' },
        { title: S.AUDIT_AT, dataIndex: 'at', width: 160, render: (v: string) => <span className="sd-mono">{formatDateTimeSeconds(v)}</span> },
        { title: S.AUDIT_ACTOR, key: 'actor', width: 100, render: (_: unknown, e) => actorText(e) },
        { title: S.AUDIT_ACTION, dataIndex: 'action', width: 150, render: (v: string) => actionLabel(v) },
        { title: S.AUDIT_RECORD, key: 'record', width: 260, ellipsis: { showTitle: true }, render: (_: unknown, e) => <span title={entityLabel(e.entity)}>{recordText(e)}</span> },
        { title: S.AUDIT_DETAIL, key: 'detail', render: (_: unknown, e) => <Detail entry={e} /> },
      ];

  if (error && !data) return <LoadError error={error} onRetry={() => void reload()} />;

  const filtered = Object.keys(filter).length > 0;

  return (
    <div data-testid="settings-audit">
      <div className="sd-toolbar">
        <span className="sd-muted">{S.AUDIT_NOTE}</span>
        <Space>
          <Tooltip title={S.AUDIT_RAW_HELP}>
            <span className="sd-audit-raw-toggle">
              <Switch size="small" checked={raw} onChange={setRaw} data-testid="audit-raw" aria-label={S.AUDIT_RAW} /> {S.AUDIT_RAW}
            </span>
          </Tooltip>
          <Button icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="audit-refresh">
            {S.AUDIT_REFRESH}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void runExport()} data-testid="audit-export">
            {S.AUDIT_EXPORT}
          </Button>
          <Button type="primary" ghost icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
            {S.AUDIT_VERIFY}
          </Button>
        </Space>
      </div>
      <div className="sd-audit-filters" data-testid="audit-filters">
        <Space wrap size={[12, 8]}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[S.AUDIT_DATE_FROM, S.AUDIT_DATE_TO]}
            value={[filter.dateFrom ? dayjs(filter.dateFrom) : null, filter.dateTo ? dayjs(filter.dateTo) : null]}
            onChange={(v) => change({ dateFrom: v?.[0]?.format(DAY), dateTo: v?.[1]?.format(DAY) })}
            data-testid="audit-dates"
            aria-label={S.AUDIT_DATES}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={S.AUDIT_ANY_ACTOR}
            style={{ width: 150 }}
            value={filter.actorId}
            onChange={(v) => change({ actorId: v })}
            options={staff.map((m) => ({ value: m.id, label: m.active ? m.name : `${m.name}（${S.STAFF_INACTIVE}）` }))}
            data-testid="audit-actor"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={S.AUDIT_ANY_ACTION}
            style={{ width: 200 }}
            value={filter.action}
            onChange={(v) => change({ action: v })}
            options={actionOptions}
            data-testid="audit-action"
          />
          <Input.Search
            allowClear
            placeholder={S.AUDIT_RECORD_PH}
            style={{ width: 280 }}
            maxLength={64}
            value={recordDraft}
            onChange={(e) => {
              setRecordDraft(e.target.value);
              if (e.target.value === '') change({ record: undefined });
            }}
            onSearch={(v) => change({ record: v.trim() || undefined })}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && recordDraft) {
                e.stopPropagation();
                setRecordDraft('');
                change({ record: undefined });
              }
            }}
            data-testid="audit-record"
          />
          {filtered && (
            <Button type="link" onClick={clear} data-testid="audit-clear">
              {S.AUDIT_CLEAR}
            </Button>
          )}
        </Space>
      </div>
      {verify && (
        <Alert
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          title={verify.ok ? S.AUDIT_VERIFY_OK(verify.count, verify.heads) : verify.message ? `${verify.message}。${S.AUDIT_VERIFY_CONTACT}` : S.AUDIT_VERIFY_BROKEN(verify.brokenAt, verify.count)}
          style={{ marginBottom: 12 }}
          data-testid="audit-verify-result"
        />
      )}
      {error !== null && data && <Alert type="error" showIcon title={S.LOAD_FAILED} style={{ marginBottom: 12 }} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={data?.entries ?? []}
        loading={loading}
        locale={{ emptyText: filtered ? S.AUDIT_FILTERED_EMPTY : S.AUDIT_EMPTY }}
        data-testid="audit-table"
        scroll={{ y: 'calc(100vh - 380px)' }}
        pagination={{
          current: page,
          pageSize: AUDIT_PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: S.AUDIT_TOTAL,
          onChange: setPage,
        }}
      />
    </div>
  );
}
