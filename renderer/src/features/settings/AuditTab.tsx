/** 操作日志: the newest entries first, older ones on request, and a check of the hash chain. */
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { AuditEntry, CallOutput } from '../../../../common/contract';
import { api } from '../../api';
import { notifyError } from '../../components/feedback';
import { formatDateTimeSeconds } from '../../format';
import { actionLabel, detailText, entityLabel } from './audit-format';
import { LoadError } from './LoadError';
import * as S from './strings';

const PAGE = 100;

type Verify = CallOutput<'audit.verify'>;

export function AuditTab() {
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [atEnd, setAtEnd] = useState(false);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifying, setVerifying] = useState(false);

  async function load(beforeSeq?: number) {
    setLoading(true);
    setLoadError(null);
    try {
      const page = await api['audit.list'](beforeSeq === undefined ? { limit: PAGE } : { limit: PAGE, beforeSeq });
      setRows((list) => (beforeSeq === undefined ? page : [...(list ?? []), ...page]));
      setAtEnd(page.length < PAGE);
    } catch (err) {
      if (beforeSeq === undefined) setLoadError(err);
      else notifyError(err);
    } finally {
      setLoading(false);
    }
  }

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await api['audit.verify']({}));
    } catch (err) {
      notifyError(err);
    } finally {
      setVerifying(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  const columns: TableColumnsType<AuditEntry> = [
    { title: S.AUDIT_SEQ, dataIndex: 'seq', width: 72, align: 'right' },
    { title: S.AUDIT_AT, dataIndex: 'at', width: 160, render: (v: string) => <span className="sd-mono">{formatDateTimeSeconds(v)}</span> },
    { title: S.AUDIT_ACTOR, dataIndex: 'actorName', width: 110, render: (v: string | null, e) => v ?? (e.actorId ? '—' : S.AUDIT_SYSTEM) },
    { title: S.AUDIT_ACTION, dataIndex: 'action', width: 140, render: (v: string) => actionLabel(v) },
    { title: S.AUDIT_ENTITY, dataIndex: 'entity', width: 100, render: (v: string) => entityLabel(v) },
    { title: S.AUDIT_DETAIL, key: 'detail', ellipsis: { showTitle: true }, render: (_: unknown, e) => detailText(e) },
  ];

  if (loadError && !rows) return <LoadError error={loadError} onRetry={() => void load()} />;

  const oldest = rows && rows.length > 0 ? rows[rows.length - 1]?.seq : undefined;

  return (
    <div data-testid="settings-audit">
      <div className="sd-toolbar">
        <span className="sd-muted">{S.AUDIT_NOTE}</span>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="audit-refresh">
            {S.AUDIT_REFRESH}
          </Button>
          <Button type="primary" ghost icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
            {S.AUDIT_VERIFY}
          </Button>
        </Space>
      </div>
      {verify && (
        <Alert
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          title={verify.ok ? S.AUDIT_VERIFY_OK(verify.count) : S.AUDIT_VERIFY_BROKEN(verify.brokenAt, verify.count)}
          style={{ marginBottom: 12 }}
          data-testid="audit-verify-result"
        />
      )}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: S.AUDIT_EMPTY }}
        data-testid="audit-table"
        scroll={{ y: 'calc(100vh - 330px)' }}
        footer={
          rows && rows.length > 0
            ? () =>
                atEnd ? (
                  <span className="sd-muted">{S.AUDIT_END}</span>
                ) : (
                  <Button size="small" onClick={() => void load(oldest)} loading={loading} data-testid="audit-more">
                    {S.AUDIT_MORE}
                  </Button>
                )
            : undefined
        }
      />
    </div>
  );
}
