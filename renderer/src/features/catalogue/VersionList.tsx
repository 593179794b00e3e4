/** Every version of the list, newest first; any of them can be opened read-only. */
import { Button, Drawer, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { VERSION_SOURCE_LABELS, type CatalogueVersion, type VersionSource } from '../../../../common/catalogue';
import { api } from '../../api';
import { errorText } from '../../components/feedback';
import { formatDateTime } from '../../format';
import * as S from './strings';

const SOURCE_COLORS: Record<VersionSource, string> = { seed: 'default', station: 'gold', county: 'blue' };

export function VersionList({ open, onClose, onView }: { open: boolean; onClose: () => void; onView: (version: number) => void }) {
  const [rows, setRows] = useState<CatalogueVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    api['catalogue.versions']({}).then(
      (v) => live && setRows(v),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [open]);

  const columns: TableColumnsType<CatalogueVersion> = [
    { title: S.V_NO, dataIndex: 'version', width: 70, render: (v: number) => S.VERSION_NO(v) },
    { title: S.V_LABEL, dataIndex: 'label', width: 170 },
    { title: S.V_SOURCE, dataIndex: 'source', width: 90, render: (s: VersionSource) => <Tag color={SOURCE_COLORS[s]}>{VERSION_SOURCE_LABELS[s]}</Tag> },
    { title: S.V_PUBLISHED, dataIndex: 'publishedAt', width: 100 },
    { title: S.V_SUMMARY, dataIndex: 'summary', ellipsis: { showTitle: true } },
    { title: S.V_COUNT, dataIndex: 'itemCount', width: 70, align: 'right' },
    { title: S.V_BY, key: 'by', width: 90, render: (_: unknown, v) => v.createdByName ?? S.V_SYSTEM },
    {
      title: '',
      key: 'view',
      width: 60,
      render: (_: unknown, v) => (
        <Button type="link" size="small" onClick={() => onView(v.version)} data-testid={`catalogue-version-view-${v.version}`}>
          {S.V_VIEW}
        </Button>
      ),
    },
  ];

  return (
    <Drawer open={open} onClose={onClose} size={900} title={S.VERSIONS_TITLE} destroyOnHidden>
      {error !== null ? (
        <div className="sd-picker-error">{errorText(error)}</div>
      ) : (
        <Table<CatalogueVersion>
          rowKey="version"
          size="small"
          columns={columns}
          dataSource={rows ?? []}
          loading={rows === null}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="catalogue-versions"
          expandable={{ expandedRowRender: (v) => <span className="sd-muted">{`${v.summary}（${formatDateTime(v.createdAt)}）`}</span> }}
        />
      )}
    </Drawer>
  );
}
