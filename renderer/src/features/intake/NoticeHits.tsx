/**
 * 一次性告知书 found by number from the work list's search box (G0001, 20261127-G0001 or
 * the full number): each with its resident, item and missing materials, the printed
 * notice to view again, and the item accepted after it, if the resident came back.
 */
import { FileExclamationOutlined } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { NoticeSummary } from '../../../../common/contracts/intake';
import { formatDateTime } from '../../../../common/time';
import { api } from '../../api';
import { errorText } from '../../components/feedback';
import * as S from './strings';

/** Only text that can be (the end of) a notice number is sent: the box also takes names. */
export function looksLikeNoticeNo(text: string): boolean {
  return /(^|-)G\d{1,5}$/i.test(text.trim());
}

interface Props {
  query: string;
  onShowDocument: (documentId: string) => void;
  onOpenRecord: (recordId: string) => void;
}

export function NoticeHits({ query, onShowDocument, onOpenRecord }: Props) {
  const [hits, setHits] = useState<{ query: string; list: NoticeSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = query.trim();
  const active = looksLikeNoticeNo(q);

  useEffect(() => {
    if (!active) return;
    let current = true;
    setError(null);
    api['intake.notices']({ query: q }).then(
      (list) => current && setHits({ query: q, list }),
      (err: unknown) => current && setError(errorText(err)),
    );
    return () => {
      current = false;
    };
  }, [active, q]);

  if (!active) return null;
  if (error) return <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />;
  if (!hits || hits.query !== q) return null;
  if (hits.list.length === 0) return <Alert type="info" showIcon title={S.NOTICE_NONE(q)} style={{ marginBottom: 12 }} data-testid="intake-notice-hits-none" />;
  return (
    <section className="sd-panel sd-notice-hits" data-testid="intake-notice-hits" aria-label={S.NOTICE_HITS(hits.list.length)}>
      <h3 className="sd-notice-hits-title">
        <FileExclamationOutlined /> {S.NOTICE_HITS(hits.list.length)}
      </h3>
      <ul>
        {hits.list.map((n) => (
          <li key={n.id} data-testid={`intake-notice-hit-${n.noticeNo}`}>
            <span className="sd-mono">{n.noticeNo}</span>
            <span className="sd-cell-main">{n.residentName}</span>
            <span>{n.itemName}</span>
            <span className="sd-muted">
              {formatDateTime(n.issuedAt)} · {n.issuedByName} · {S.NOTICE_HIT_MISSING(n.materialsMissing.length)}
            </span>
            {n.followedBy ? (
              <Button size="small" type="link" onClick={() => onOpenRecord(n.followedBy!.id)} data-testid="intake-notice-hit-followed">
                {S.NOTICE_HIT_FOLLOWED(n.followedBy.receiptNo)}
              </Button>
            ) : (
              <Tag>{S.NOTICE_HIT_OPEN}</Tag>
            )}
            {n.documentId && (
              <Button size="small" onClick={() => onShowDocument(n.documentId!)} data-testid="intake-notice-hit-view">
                {S.NOTICE_HIT_VIEW}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
