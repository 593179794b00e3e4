/**
 * 批量导入: pick an .xlsx/.csv, see row by row what would happen (new, already registered,
 * what is wrong), choose what to do with people already registered, then import all of
 * it in one go. A file with any bad row imports nothing: the clerk fixes it and picks it again.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Radio, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { MAX_IMPORT_BYTES, type ImportJobState, type ImportRowPreview } from '../../../../common/contracts/residents';
import type { CallOutput } from '../../../../common/contract';
import { api } from '../../api';
import { errorText, notifyError, notifySuccess } from '../../components/feedback';
import { WORK_START } from '../../shell/work-focus';
import { downloadBase64, toBase64, useGrids } from './shared';
import { useMay } from '../../stores/permissions';
import { TagList } from './TagList';
import * as S from './strings';
import * as IS from './import-strings';
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { useRequestId } from '../../request-id';

type Preview = CallOutput<'residents.importPreview'>;
type Reading = { phase: 'uploading' } | Omit<Extract<ImportJobState, { state: 'running' }>, 'state'>;

/** Reading the file counts for the first 60 % of the bar, checking its rows for the rest. */
function percentOf(r: Reading): number | null {
  if (r.phase === 'uploading' || r.total === 0) return null;
  const part = Math.min(1, r.done / r.total);
  return Math.round(r.phase === 'reading' ? part * 60 : 60 + part * 40);
}

/** The preview runs as a job on the station: each poll answers when it is done, or after a moment with its progress. */
async function previewJob(fileName: string, base64: string, onProgress: (r: Reading) => void, stale: () => boolean): Promise<Preview | null> {
  const { jobId } = await api['residents.importStart']({ fileName, base64 });
  for (;;) {
    const s = await api['residents.importProgress']({ jobId });
    if (stale()) return null;
    if (s.state === 'done') return s.preview;
    onProgress({ phase: s.phase, done: s.done, total: s.total });
  }
}

function ReadingProgress({ reading }: { reading: Reading }) {
  const percent = percentOf(reading);
  return (
    <div style={{ maxWidth: 560, margin: '4px 0 16px' }} data-testid="import-progress" role="status" aria-live="polite">
      <div>
        {IS.IMPORT_PHASE[reading.phase]}
        {reading.phase === 'checking' && reading.total > 0 && <span className="sd-muted"> {IS.IMPORT_ROWS_CHECKED(reading.done, reading.total)}</span>}
      </div>
      {/* not known yet: a sliver that moves, rather than a bar that looks full */}
      <Progress percent={percent ?? 3} status="active" showInfo={percent !== null} />
      <div className="sd-muted">{IS.IMPORT_WAIT_HINT}</div>
    </div>
  );
}

const STATUS_COLORS = { new: 'green', existing: 'blue', error: 'red' } as const;

export function ImportTab() {
  const mayImport = useMay('residents.import');
  const loadGrids = useGrids((s) => s.load);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [onExisting, setOnExisting] = useState<'skip' | 'match'>('skip');
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [reading, setReading] = useState<Reading | null>(null);
  // one import per file shown: a repeated 确认导入 of it imports once
  const [requestId, renewRequestId] = useRequestId();
  const input = useRef<HTMLInputElement>(null);
  /** bumped by each new file and on leaving the tab: an older file's answers are dropped */
  const run = useRef(0);
  useEffect(() => () => void run.current++, []);

  async function choose(f: File) {
    setError(null);
    setPreview(null);
    setDone(null);
    if (f.size > MAX_IMPORT_BYTES) {
      setError(new Error(S.I_TOO_BIG(MAX_IMPORT_BYTES / 1024 / 1024)));
      return;
    }
    const token = ++run.current;
    const stale = () => token !== run.current;
    setBusy(true);
    setReading({ phase: 'uploading' });
    try {
      const base64 = toBase64(new Uint8Array(await f.arrayBuffer()));
      setFile({ name: f.name, base64 });
      const p = await previewJob(f.name, base64, (r) => !stale() && setReading(r), stale);
      if (!p) return;
      setPreview(p);
      setOnlyErrors(p.errorCount > 0);
    } catch (err) {
      if (!stale()) setError(err);
    } finally {
      if (!stale()) {
        setBusy(false);
        setReading(null);
      }
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api['residents.importCommit']({ requestId, fileName: file.name, base64: file.base64, onExisting });
      renewRequestId();
      setDone(S.I_DONE(r.created, r.updated, r.skipped));
      notifySuccess(S.I_DONE(r.created, r.updated, r.skipped));
      setPreview(null);
      setFile(null);
      void loadGrids();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  async function template() {
    try {
      const t = await api['residents.importTemplate']({});
      downloadBase64(t.fileName, t.base64);
    } catch (err) {
      notifyError(err);
    }
  }

  const columns: TableColumnsType<ImportRowPreview> = [
    { title: S.I_COL_LINE, dataIndex: 'line', width: 64, align: 'right' },
    { title: S.COL_NAME, dataIndex: 'name', width: 100 },
    { title: S.COL_ID, dataIndex: 'idMasked', width: 180, render: (v: string) => <span className="sd-mono">{v}</span> },
    { title: S.I_COL_STATUS, dataIndex: 'status', width: 84, render: (st: ImportRowPreview['status']) => <Tag color={STATUS_COLORS[st]}>{S.I_STATUS[st]}</Tag> },
    { title: S.COL_TAGS, dataIndex: 'tags', width: 180, render: (t: ImportRowPreview['tags']) => <TagList tags={t} /> },
    {
      title: S.I_COL_ERRORS,
      dataIndex: 'errors',
      render: (e: ImportRowPreview['errors']) => (
        <ul className="sd-res-import-errors">
          {Object.entries(e).map(([col, msg]) => (
            <li key={col}>
              <b>{col}</b>：{msg}
            </li>
          ))}
        </ul>
      ),
    },
  ];

  if (!mayImport) return <Alert type="info" showIcon title={S.I_ONLY_HEAD} />;

  const rows = preview ? (onlyErrors ? preview.rows.filter((r) => r.status === 'error') : preview.rows) : [];

  return (
    <div data-testid="resident-import">
      <div className="sd-res-import-head">
        <p className="sd-muted">{S.I_INTRO}</p>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void template()} data-testid="import-template">
            {S.I_TEMPLATE}
          </Button>
          <Button type="primary" icon={<UploadOutlined />} loading={busy && !preview} onClick={() => input.current?.click()} data-testid="import-choose" {...WORK_START}>
            {S.I_CHOOSE}
          </Button>
          <HiddenFileInput ref={input} accept=".xlsx,.csv" testId="import-file" onFile={(f) => void choose(f)} />
        </Space>
      </div>
      {file && <div className="sd-muted sd-res-import-file">{S.I_CHOSEN(file.name)}</div>}
      {reading && <ReadingProgress reading={reading} />}
      {error !== null && <Alert type="error" showIcon title={error instanceof Error && !('code' in error) ? error.message : errorText(error)} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {done && <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} data-testid="import-done" />}
      {preview && (
        <>
          <Alert
            type={preview.errorCount > 0 ? 'warning' : 'info'}
            showIcon
            title={S.I_SUMMARY(preview.total, preview.newCount, preview.existingCount, preview.errorCount)}
            description={preview.ignoredColumns.length > 0 ? S.I_IGNORED(preview.ignoredColumns.join('、')) : undefined}
            style={{ marginBottom: 12 }}
            data-testid="import-summary"
          />
          <div className="sd-res-import-actions">
            <Space wrap>
              {preview.existingCount > 0 && (
                <span>
                  <span className="sd-res-filter-label">{S.I_EXISTING}</span>
                  <Radio.Group value={onExisting} onChange={(e) => setOnExisting(e.target.value as 'skip' | 'match')} data-testid="import-existing">
                    <Radio value="skip">{S.I_SKIP}</Radio>
                    <Radio value="match">{S.I_MATCH}</Radio>
                  </Radio.Group>
                </span>
              )}
              {preview.errorCount > 0 && (
                <span>
                  <Switch size="small" checked={onlyErrors} onChange={setOnlyErrors} /> {S.I_FILTER_ERRORS}
                </span>
              )}
            </Space>
            {preview.errorCount > 0 ? (
              <span className="sd-res-warn">{S.I_BLOCKED}</span>
            ) : (
              <Button type="primary" loading={busy} onClick={() => void commit()} data-testid="import-commit">
                {busy ? IS.IMPORT_COMMITTING : S.I_COMMIT(preview.total)}
              </Button>
            )}
          </div>
          <Table<ImportRowPreview>
            rowKey="line"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
            rowClassName={(r) => (r.status === 'error' ? 'sd-res-import-bad' : '')}
            onRow={() => ({ 'data-testid': 'import-row' }) as HTMLAttributes<HTMLElement>}
            scroll={{ y: 'calc(100vh - 420px)' }}
            data-testid="import-preview"
          />
        </>
      )}
    </div>
  );
}
