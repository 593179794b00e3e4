/**
 * 工作清单: the station's 代办 records by view (today, mine, overdue, due soon, open,
 * all), narrowed by status and item. Overdue rows are red and due-soon rows amber, each
 * with a worded tag as well. A row opens its detail; ↑/↓ move between rows, Enter opens.
 */
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Table, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes, type KeyboardEvent, type MouseEvent } from 'react';
import { matchRank, type CatalogueItem } from '../../../../common/catalogue';
import type { CallOutput } from '../../../../common/contract';
import type { IntakeRecord } from '../../../../common/contracts/intake';
import { INTAKE_STATUSES, INTAKE_STATUS_LABELS, type IntakeStatus } from '../../../../common/intake-status';
import { formatDateTime } from '../../../../common/time';
import { api } from '../../api';
import { errorText } from '../../components/feedback';
import { IntakeDetail } from './IntakeDetail';
import { DocumentPreview } from '../../components/DocumentPreview';
import { ForwardDialog } from './ForwardDialog';
import { NoticeHits } from './NoticeHits';
import { INTAKE_LIST_VIEWS, useIntakeNav, type IntakeListView } from './nav';
import { promisedShort, StatusTag, UrgencyTag } from './tags';
import * as S from './strings';
import { WORK_START } from '../../shell/work-focus';

const LIMIT = 500;
type Counts = CallOutput<'intake.counts'>;

const VIEW_COUNT: Record<IntakeListView, keyof Counts | null> = { today: 'today', mine: 'mine', overdue: 'overdue', dueSoon: 'dueSoon', open: 'open', all: null };

const STATUS_OPTIONS = INTAKE_STATUSES.map((s) => ({ value: s, label: INTAKE_STATUS_LABELS[s] }));

function rowClass(r: IntakeRecord): string {
  if (r.urgency === 'overdue') return 'sd-row-overdue';
  if (r.urgency === 'dueSoon') return 'sd-row-duesoon';
  return '';
}

export function WorkList() {
  const view = useIntakeNav((s) => s.view);
  const setView = useIntakeNav((s) => s.setView);
  const [status, setStatus] = useState<IntakeStatus | undefined>(undefined);
  const [itemCode, setItemCode] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [rows, setRows] = useState<IntakeRecord[] | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [items, setItems] = useState<CatalogueItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  /** rows ticked for one 转报单 */
  const [selected, setSelected] = useState<string[]>([]);
  const [forwarding, setForwarding] = useState<IntakeRecord[]>([]);
  const [showing, setShowing] = useState<string | null>(null);
  /** 转报 saved but its 转报单 could not be made */
  const [forwardError, setForwardError] = useState<string | null>(null);
  /** the row the drawer was opened from, to give it the keyboard back */
  const openedFrom = useRef<string | null>(null);
  const asked = useRef(0);
  const tableBox = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const mine = ++asked.current;
    setLoading(true);
    setLoadError(null);
    try {
      const [list, c] = await Promise.all([
        api['intake.list']({ view, limit: LIMIT, ...(status ? { status } : {}), ...(itemCode ? { itemCode } : {}) }),
        api['intake.counts']({}),
      ]);
      // an older answer arriving after a newer question must not overwrite it
      if (mine !== asked.current) return;
      setRows(list);
      setCounts(c);
    } catch (err) {
      if (mine === asked.current) setLoadError(errorText(err));
    } finally {
      if (mine === asked.current) setLoading(false);
    }
  }, [view, status, itemCode]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    api['catalogue.list']({}).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);

  const itemOptions = useMemo(() => items.map((i) => ({ value: i.code, label: i.name, item: i })), [items]);

  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!rows || !q) return rows ?? [];
    return rows.filter((r) => r.receiptNo.toLowerCase().includes(q) || r.residentName.includes(text.trim()));
  }, [rows, text]);

  const columns: TableColumnsType<IntakeRecord> = [
    {
      title: S.COL_RECEIPT,
      dataIndex: 'receiptNo',
      width: 196,
      render: (v: string) => <span className="sd-mono sd-receipt-no">{v}</span>,
    },
    {
      title: S.COL_RESIDENT,
      key: 'resident',
      width: 170,
      render: (_: unknown, r) => (
        <div className="sd-cell-2">
          <span className="sd-cell-main">{r.residentName}</span>
          <span className="sd-mono sd-muted">{r.residentIdMasked}</span>
        </div>
      ),
    },
    {
      title: S.COL_ITEM,
      key: 'item',
      render: (_: unknown, r) => (
        <div className="sd-cell-2">
          <span className="sd-cell-main">{r.itemName}</span>
          <span className="sd-muted">{r.department}</span>
        </div>
      ),
    },
    {
      title: S.COL_STATUS,
      key: 'status',
      width: 168,
      render: (_: unknown, r) => (
        <span className="sd-status-cell">
          <StatusTag status={r.status} />
          <UrgencyTag urgency={r.urgency} />
        </span>
      ),
    },
    {
      title: S.COL_ACCEPTED_AT,
      dataIndex: 'acceptedAt',
      width: 136,
      sorter: (a, b) => a.acceptedAt.localeCompare(b.acceptedAt),
      render: (v: string) => <span className="sd-mono">{formatDateTime(v)}</span>,
    },
    {
      title: S.COL_PROMISED,
      key: 'promised',
      width: 132,
      sorter: (a, b) => (a.promisedAt ?? a.promisedDate).localeCompare(b.promisedAt ?? b.promisedDate),
      render: (_: unknown, r) => <span className={`sd-mono sd-promised-cell ${r.urgency}`}>{promisedShort(r)}</span>,
    },
    { title: S.COL_CLERK, dataIndex: 'acceptedByName', width: 88, ellipsis: true },
  ];

  function open(r: IntakeRecord) {
    openedFrom.current = r.id;
    setOpenId(r.id);
  }

  function closeDetail() {
    setOpenId(null);
    const id = openedFrom.current;
    if (!id) return;
    const at = shown.findIndex((r) => r.id === id);
    // after the drawer's closing animation has handed focus back to the page; a record that has
    // left this view (办结, 领取 …) passes the focus to the row now in its place
    setTimeout(() => {
      const rowsEls = Array.from(tableBox.current?.querySelectorAll<HTMLElement>('tbody tr[data-row-key]') ?? []);
      const same = rowsEls.find((el) => el.dataset.rowKey === id);
      (same ?? rowsEls[Math.min(Math.max(at, 0), rowsEls.length - 1)])?.focus();
    }, 320);
  }

  /** ↑/↓ walk the rows, Enter opens one: the list works without the mouse. */
  function onTableKey(e: KeyboardEvent<HTMLDivElement>) {
    const rowsEls = Array.from(tableBox.current?.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row-key]') ?? []);
    const at = rowsEls.indexOf(document.activeElement as HTMLTableRowElement);
    if (at < 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rowsEls[Math.min(rowsEls.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    }
  }

  const forwardable = (r: IntakeRecord) => r.next.includes('forwarded');
  const picked = shown.filter((r) => selected.includes(r.id) && forwardable(r));

  const filtered = status !== undefined || itemCode !== undefined || text.trim() !== '';

  return (
    <div className="sd-worklist" data-testid="intake-list">
      <div className="sd-views" role="tablist" aria-label={S.TAB_LIST}>
        {INTAKE_LIST_VIEWS.map((v) => {
          const key = VIEW_COUNT[v];
          const n = key && counts ? counts[key] : null;
          const tone = v === 'overdue' && n ? 'overdue' : v === 'dueSoon' && n ? 'duesoon' : '';
          return (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={`sd-view ${view === v ? 'active' : ''} ${tone}`}
              onClick={() => setView(v)}
              data-testid={`intake-list-view-${v}`}
            >
              <span>{S.VIEW_LABELS[v]}</span>
              {n !== null && (
                <span className="sd-view-count" data-testid={`intake-list-count-${v}`}>
                  {n}
                </span>
              )}
            </button>
          );
        })}
      </div>

      <div className="sd-worklist-filters">
        <Select<IntakeStatus>
          allowClear
          placeholder={S.FILTER_STATUS_ALL}
          aria-label={S.FILTER_STATUS}
          value={status}
          onChange={(v) => setStatus(v ?? undefined)}
          options={STATUS_OPTIONS}
          style={{ width: 130 }}
          data-testid="intake-filter-status"
        />
        <Select<string>
          allowClear
          showSearch={{
            filterOption: (input, option) => !!option && matchRank((option as (typeof itemOptions)[number]).item, input) !== null,
          }}
          placeholder={S.FILTER_ITEM_ALL}
          aria-label={S.FILTER_ITEM}
          value={itemCode}
          onChange={(v) => setItemCode(v ?? undefined)}
          options={itemOptions}
          style={{ width: 240 }}
          popupMatchSelectWidth={320}
          data-testid="intake-filter-item"
        />
        <Input
          allowClear
          prefix={<SearchOutlined className="sd-muted" />}
          placeholder={S.FILTER_TEXT_PH_MORE}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 280 }}
          data-testid="intake-filter-text"
          {...WORK_START}
        />
        {picked.length > 0 && (
          <Button type="primary" onClick={() => setForwarding(picked)} data-testid="intake-forward-selected">
            {S.FORWARD_SELECTED(picked.length)}
          </Button>
        )}
        <span className="sd-worklist-spacer" />
        <span className="sd-muted" data-testid="intake-list-total">
          {rows ? S.LIST_COUNT(shown.length) : ''}
        </span>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading && rows !== null} data-testid="intake-refresh">
          {S.REFRESH}
        </Button>
      </div>

      {loadError && (
        <Alert
          type="error"
          showIcon
          title={S.LIST_LOAD_FAILED}
          description={loadError}
          action={
            <Button size="small" onClick={() => void load()}>
              {S.RETRY}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {rows && rows.length >= LIMIT && <Alert type="info" showIcon title={S.LIST_LIMITED(LIMIT)} style={{ marginBottom: 12 }} />}

      {forwardError && <Alert type="warning" showIcon closable={{ onClose: () => setForwardError(null) }} title={forwardError} style={{ marginBottom: 12 }} data-testid="intake-forward-document-error" />}
      <NoticeHits query={text} onShowDocument={setShowing} onOpenRecord={setOpenId} />

      <div ref={tableBox} onKeyDown={onTableKey}>
        <Table<IntakeRecord>
          rowKey="id"
          size="small"
          className="sd-worklist-table"
          columns={columns}
          dataSource={shown}
          loading={loading && rows === null}
          pagination={false}
          scroll={{ y: 'calc(100vh - 346px)' }}
          rowClassName={rowClass}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: !forwardable(r), 'data-testid': `intake-select-${r.receiptNo}` }) as object,
            columnWidth: 36,
          }}
          locale={{ emptyText: filtered ? S.LIST_EMPTY_FILTERED : S.LIST_EMPTY[view] }}
          data-testid="intake-table"
          onRow={(r) =>
            ({
              tabIndex: 0,
              onClick: (e: MouseEvent<HTMLTableRowElement>) => {
                // ticking a row for 转报 does not open it
                if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
                open(r);
              },
              onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) {
                  e.preventDefault();
                  open(r);
                }
              },
              'data-testid': `intake-row-${r.receiptNo}`,
              'data-urgency': r.urgency,
            }) as HTMLAttributes<HTMLTableRowElement>
          }
        />
      </div>

      <IntakeDetail id={openId} onClose={closeDetail} onChanged={() => void load()} />
      <ForwardDialog
        records={forwarding}
        onClose={() => setForwarding([])}
        onDone={(documentId, documentError) => {
          setForwarding([]);
          setSelected([]);
          setShowing(documentId);
          setForwardError(documentError);
          void load();
        }}
      />
      <DocumentPreview documentId={showing} onClose={() => setShowing(null)} />
    </div>
  );
}
