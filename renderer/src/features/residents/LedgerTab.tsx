/**
 * 重点服务对象台账: everyone with a key-service tag, filtered by category, 网格 and age
 * band, and exported to Excel. The export masks 身份证号 unless a 站长/管理员 asks for
 * full numbers (main checks the role and logs the export either way).
 */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Segmented, Select, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { SEX_LABELS } from '../../../../common/idcard';
import { KEY_TAGS, type KeyTag, type LedgerRow, type ResidentView } from '../../../../common/contracts/residents';
import { api } from '../../api';
import { errorText, notifyError, notifySuccess } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { WORK_START } from '../../shell/work-focus';
import { ResidentDetail } from './ResidentDetail';
import { ResidentForm } from './ResidentForm';
import { canRevealId, downloadBase64, useGrids } from './shared';
import { useMay } from '../../stores/permissions';
import { TagList } from './TagList';
import * as S from './strings';

const PAGE_SIZE = 50;

export function LedgerTab() {
  const role = useApp((s) => s.session?.staff.role);
  const mayExport = useMay('residents.export');
  const grids = useGrids((s) => s.grids);
  const loadGrids = useGrids((s) => s.load);
  const [tags, setTags] = useState<KeyTag[]>([]);
  const [grid, setGrid] = useState('');
  const [band, setBand] = useState('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: LedgerRow[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [fullIds, setFullIds] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ResidentView | null>(null);
  const [saved, setSaved] = useState(0);
  const [formClosed, setFormClosed] = useState(0);

  const ageBand = S.L_AGE_BANDS.find((b) => b.key === band);
  const filter = { tags, grid, ...(ageBand?.min !== undefined ? { ageMin: ageBand.min } : {}), ...(ageBand?.max !== undefined ? { ageMax: ageBand.max } : {}) };
  const filterKey = JSON.stringify(filter);

  const load = useCallback(async (f: typeof filter, p: number) => {
    setLoading(true);
    setError(null);
    try {
      setData(await api['residents.ledger']({ filter: f, page: p, pageSize: PAGE_SIZE }));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadGrids();
  }, [loadGrids]);
  useEffect(() => {
    void load(JSON.parse(filterKey) as typeof filter, page);
    // the key carries the filter's whole content
  }, [filterKey, page, saved, load]);

  async function exportXlsx() {
    setExporting(true);
    try {
      const out = await api['residents.exportLedger']({ filter, fullIdNumbers: fullIds && canRevealId(role) });
      downloadBase64(out.fileName, out.base64);
      notifySuccess(S.L_EXPORTED(out.rows, out.savedPath));
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(false);
    }
  }

  const columns: TableColumnsType<LedgerRow> = [
    { title: S.COL_NAME, dataIndex: 'name', width: 100, render: (n: string) => <span className="sd-res-name">{n}</span> },
    { title: S.COL_SEX, dataIndex: 'sex', width: 56, render: (s: LedgerRow['sex']) => SEX_LABELS[s] },
    { title: S.COL_AGE, dataIndex: 'age', width: 64, align: 'right', render: (a: number) => S.AGE(a) },
    { title: S.COL_ID, dataIndex: 'idMasked', width: 180, render: (v: string) => <span className="sd-mono">{v}</span> },
    { title: S.COL_PHONE, dataIndex: 'phoneMasked', width: 126, render: (v: string | null) => <span className="sd-mono">{v ?? '—'}</span> },
    { title: S.COL_GRID, dataIndex: 'grid', width: 96, ellipsis: true },
    { title: S.COL_ADDRESS, dataIndex: 'address', ellipsis: true },
    { title: S.COL_TAGS, dataIndex: 'tagEntries', width: 230, render: (e: LedgerRow['tagEntries']) => <TagList entries={e} /> },
  ];

  return (
    <div data-testid="resident-ledger">
      <div className="sd-res-filters">
        <Space wrap size={[16, 8]}>
          <span className="sd-res-filter">
            <span className="sd-res-filter-label">{S.L_TAGS}</span>
            <Select<KeyTag[]>
              mode="multiple"
              allowClear
              value={tags}
              placeholder={S.L_TAGS_PH}
              style={{ minWidth: 260 }}
              options={KEY_TAGS.map((t) => ({ value: t, label: t }))}
              onChange={(v) => {
                setTags(v);
                setPage(1);
              }}
              data-testid="ledger-tags"
              {...WORK_START}
            />
          </span>
          <span className="sd-res-filter">
            <span className="sd-res-filter-label">{S.L_GRID}</span>
            <Select<string>
              value={grid}
              style={{ width: 150 }}
              options={[{ value: '', label: S.L_GRID_ALL }, ...grids.map((g) => ({ value: g, label: g }))]}
              onChange={(v) => {
                setGrid(v);
                setPage(1);
              }}
              data-testid="ledger-grid"
            />
          </span>
          <span className="sd-res-filter">
            <span className="sd-res-filter-label">{S.L_AGE}</span>
            <Segmented
              value={band}
              options={S.L_AGE_BANDS.map((b) => ({ value: b.key, label: b.label }))}
              onChange={(v) => {
                setBand(String(v));
                setPage(1);
              }}
              data-testid="ledger-age"
            />
          </span>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load(filter, page)} aria-label={S.REFRESH} />
          {canRevealId(role) && (
            <Tooltip title={S.L_EXPORT_FULL_HELP}>
              <Checkbox checked={fullIds} onChange={(e) => setFullIds(e.target.checked)} data-testid="ledger-export-full">
                {S.L_EXPORT_FULL}
              </Checkbox>
            </Tooltip>
          )}
          {mayExport && (
            <Button type="primary" icon={<DownloadOutlined />} loading={exporting} disabled={!data || data.total === 0} onClick={() => void exportXlsx()} data-testid="ledger-export">
              {S.L_EXPORT}
            </Button>
          )}
        </Space>
      </div>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Table<LedgerRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        locale={{ emptyText: S.L_EMPTY }}
        data-testid="ledger-table"
        onRow={(r) => ({ onClick: () => setOpenId(r.id), 'data-testid': 'ledger-row', className: 'sd-res-row' }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => S.L_TOTAL(n),
          onChange: setPage,
        }}
        scroll={{ y: 'calc(100vh - 360px)' }}
      />
      <ResidentDetail id={openId} version={saved} focusSignal={formClosed} onClose={() => setOpenId(null)} onOpen={setOpenId} onEdit={setEditing} />
      <ResidentForm open={editing !== null} resident={editing} onSaved={() => setSaved((n) => n + 1)} onClose={() => {
          setEditing(null);
          setFormClosed((n) => n + 1);
        }} />
    </div>
  );
}
