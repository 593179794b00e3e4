/**
 * A resident's past at the station, inside their record: the 代办 items accepted for them,
 * the 一次性告知书 they were given, and every receipt or notice printed for either. Each
 * line is a button (Tab to it, Enter opens): an item opens its 代办 record, a notice or a
 * document its archived PDF, ready to 补打.
 */
import { FileTextOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ResidentHistory as History } from '../../../../common/contracts/residents';
import { INTAKE_STATUS_LABELS } from '../../../../common/intake-status';
import { api } from '../../api';
import { DocumentPreview } from '../../components/DocumentPreview';
import { errorText } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { IntakeDetail } from '../intake/IntakeDetail';
import * as S from './strings';

export function ResidentHistory({ residentId }: { residentId: string }) {
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [openItem, setOpenItem] = useState<string | null>(null);
  const [openDoc, setOpenDoc] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setHistory(await api['residents.history']({ id: residentId }));
    } catch (err) {
      setError(err);
    }
  }, [residentId]);

  useEffect(() => {
    setHistory(null);
    void load();
  }, [load]);

  if (error !== null) {
    return <Alert type="error" showIcon title={errorText(error)} action={<Button onClick={() => void load()}>{S.RETRY}</Button>} data-testid="resident-history-error" />;
  }
  if (!history) return <Skeleton active paragraph={{ rows: 3 }} />;

  const section = (title: string, count: number) => (
    <Typography.Title level={5} className="sd-res-history-title">
      {title}
      <span className="sd-muted">（{count}）</span>
    </Typography.Title>
  );

  return (
    <div className="sd-res-history" data-testid="resident-history">
      {section(S.H_ITEMS, history.items.length)}
      <List
        size="small"
        dataSource={history.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.H_NO_ITEMS} /> }}
        renderItem={(it) => (
          <List.Item
            key={it.id}
            extra={<Tag>{INTAKE_STATUS_LABELS[it.status]}</Tag>}
          >
            <Button type="link" size="small" icon={<FolderOpenOutlined />} onClick={() => setOpenItem(it.id)} data-testid="resident-history-item">
              {it.itemName}
            </Button>
            <span className="sd-muted sd-mono">{it.receiptNo}</span>
            <span className="sd-muted">
              {S.H_ACCEPTED(formatDateTime(it.acceptedAt))}{S.H_SEP}{it.completedAt ? S.H_COMPLETED(formatDateTime(it.completedAt)) : S.H_PROMISED(it.promisedDate)}
            </span>
          </List.Item>
        )}
      />
      {section(S.H_NOTICES, history.notices.length)}
      <List
        size="small"
        dataSource={history.notices}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.H_NO_NOTICES} /> }}
        renderItem={(n) => (
          <List.Item key={n.id}>
            <Button
              type="link"
              size="small"
              icon={<FileTextOutlined />}
              disabled={!n.documentId}
              onClick={() => n.documentId && setOpenDoc(n.documentId)}
              data-testid="resident-history-notice"
            >
              {n.noticeNo}
            </Button>
            <span>{n.itemName}</span>
            <span className="sd-muted">
              {formatDateTime(n.issuedAt)}{S.H_SEP}{S.H_MISSING(n.materialsMissing.length)}
            </span>
          </List.Item>
        )}
      />
      {section(S.H_DOCUMENTS, history.documents.length)}
      <List
        size="small"
        dataSource={history.documents}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.H_NO_DOCUMENTS} /> }}
        renderItem={(d) => (
          <List.Item key={d.id} extra={<span className="sd-muted">{S.H_PRINTS(d.printCount)}</span>}>
            <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setOpenDoc(d.id)} data-testid="resident-history-document">
              {d.title}
            </Button>
            <span className="sd-muted sd-mono">{d.number}</span>
            <span className="sd-muted">{formatDateTime(d.createdAt)}</span>
          </List.Item>
        )}
      />
      {history.truncated && <Alert type="info" showIcon title={S.H_TRUNCATED} />}
      <IntakeDetail id={openItem} onClose={() => setOpenItem(null)} onChanged={() => void load()} />
      <DocumentPreview documentId={openDoc} onClose={() => setOpenDoc(null)} onPrinted={() => void load()} />
    </div>
  );
}
