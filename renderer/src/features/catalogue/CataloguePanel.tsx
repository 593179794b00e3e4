/**
 * 服务清单: the station's service list by category, each item's materials and time
 * limit a click away; the station head adds, changes, retires and restores items
 * (each change a new version), and any version can be read back. Buttons are hidden
 * from clerks, but main is what refuses them.
 */
import { HistoryOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import {
  CATEGORIES,
  VERSION_SOURCE_LABELS,
  compareItems,
  searchItems,
  timeLimitText,
  type CatalogueItem,
  type CatalogueVersion,
  type Category,
} from '../../../../common/catalogue';
import { api } from '../../api';
import { can } from '../../../../common/roles';
import { errorText, notifyError, notifySuccess } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { CATEGORY_COLORS } from './category';
import { ItemDetail } from './ItemDetail';
import { ItemForm, RetireForm, toFields, type ItemFormValues } from './ItemForm';
import { VersionList } from './VersionList';
import * as S from './strings';
import './catalogue.css';
import { WORK_START } from '../../shell/work-focus';
import { newRequestId } from '../../request-id';

type CategoryFilter = Category | 'all';
type ForwardedFilter = 'any' | 'yes' | 'no';

interface Loaded {
  version: CatalogueVersion;
  items: CatalogueItem[];
  /** the newest version number, to tell history from the present */
  current: number;
}

export function CataloguePanel() {
  const role = useApp((s) => s.session?.staff.role);
  const mayEdit = can(role, 'catalogue.edit');
  const [viewing, setViewing] = useState<number | undefined>(undefined);
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [forwarded, setForwarded] = useState<ForwardedFilter>('any');
  const [text, setText] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [selected, setSelected] = useState<CatalogueItem | null>(null);
  // an add carries the id made when its form opened: a double submit adds one item
  const [editing, setEditing] = useState<{ item: CatalogueItem | null; requestId: string } | null>(null);
  const [retiring, setRetiring] = useState<CatalogueItem | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [itemForm] = Form.useForm<ItemFormValues>();
  const [retireForm] = Form.useForm<{ reason: string }>();

  const load = useCallback(async (version: number | undefined) => {
    setLoading(true);
    setLoadError(null);
    try {
      // retired items come too: the filter below shows them on request without another call
      const [list, current] = await Promise.all([
        api['catalogue.list'](version === undefined ? { includeRetired: true } : { version, includeRetired: true }),
        version === undefined ? Promise.resolve(null) : api['catalogue.list']({}),
      ]);
      setData({ ...list, current: current?.version.version ?? list.version.version });
    } catch (err) {
      setLoadError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(viewing);
  }, [load, viewing]);

  const isHistory = data !== null && data.version.version !== data.current;
  const editable = mayEdit && !isHistory;

  const visible = useMemo(() => {
    if (!data) return [];
    const base = data.items.filter(
      (i) => (showRetired || !i.retired) && (category === 'all' || i.category === category) && (forwarded === 'any' || i.forwarded === (forwarded === 'yes')),
    );
    return text.trim() ? searchItems(base, text) : [...base].sort(compareItems);
  }, [data, showRetired, category, forwarded, text]);

  const counts = useMemo(() => {
    const c: Record<CategoryFilter, number> = { all: 0, 主动服务: 0, 可直接办结: 0, 审核转报: 0, 代办服务: 0 };
    for (const i of data?.items ?? []) {
      if (!showRetired && i.retired) continue;
      c.all += 1;
      c[i.category] += 1;
    }
    return c;
  }, [data, showRetired]);

  const departments = useMemo(() => [...new Set((data?.items ?? []).map((i) => i.department))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [data]);

  function replaced(item: CatalogueItem) {
    setSelected(item);
    void load(undefined);
  }

  async function save(values: ItemFormValues) {
    const fields = toFields(values.fields);
    const target = editing?.item ?? null;
    if (target) {
      const item = await api['catalogue.update']({ code: target.code, revision: target.version, fields });
      notifySuccess(item.version === target.version ? S.UNCHANGED : S.SAVED_EDIT);
      replaced(item);
    } else {
      const code = values.code?.trim();
      const requestId = editing?.requestId ?? newRequestId();
      const item = await api['catalogue.add'](code ? { requestId, code, fields } : { requestId, fields });
      notifySuccess(S.SAVED_ADD(item.code));
      replaced(item);
    }
  }

  async function retire({ reason }: { reason: string }) {
    if (!retiring) return;
    const item = await api['catalogue.retire']({ code: retiring.code, revision: retiring.version, reason });
    notifySuccess(S.RETIRED_OK(item.name));
    setShowRetired(true);
    replaced(item);
  }

  async function restore(target: CatalogueItem) {
    try {
      const item = await api['catalogue.restore']({ code: target.code, revision: target.version });
      notifySuccess(S.RESTORED_OK(item.name));
      replaced(item);
    } catch (err) {
      notifyError(err);
    }
  }

  const columns: TableColumnsType<CatalogueItem> = [
    { title: S.COL_CODE, dataIndex: 'code', width: 90, render: (v: string) => <span className="sd-mono">{v}</span> },
    {
      title: S.COL_NAME,
      dataIndex: 'name',
      render: (name: string, i) => (
        <span>
          {name}
          {i.retired && <Tag style={{ marginInlineStart: 8 }}>{S.RETIRED}</Tag>}
        </span>
      ),
    },
    { title: S.COL_CATEGORY, dataIndex: 'category', width: 110, render: (c: Category) => <Tag color={CATEGORY_COLORS[c]}>{c}</Tag> },
    { title: S.COL_DEPARTMENT, dataIndex: 'department', width: 170, ellipsis: true },
    { title: S.COL_LIMIT, key: 'limit', width: 110, render: (_: unknown, i) => timeLimitText(i.timeLimit) },
    { title: S.COL_FORWARDED, dataIndex: 'forwarded', width: 70, render: (f: boolean) => (f ? S.YES : S.NO) },
    { title: S.COL_MATERIALS, key: 'materials', width: 70, align: 'right', render: (_: unknown, i) => S.MATERIALS_COUNT(i.materials.length) },
  ];

  if (loadError && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title={S.LOAD_FAILED}
        description={errorText(loadError)}
        action={
          <Button size="small" onClick={() => void load(viewing)}>
            {S.RETRY}
          </Button>
        }
        data-testid="catalogue-load-error"
      />
    );
  }

  const v = data?.version;

  return (
    <div data-testid="catalogue-panel">
      <div className="sd-toolbar">
        <span className="sd-cat-version" data-testid="catalogue-version">
          {v && `${isHistory ? S.VIEWING_VERSION : S.CURRENT_VERSION}：${v.label}（${S.VERSION_NO(v.version)}，${VERSION_SOURCE_LABELS[v.source]}，${v.publishedAt}）`}
        </span>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load(viewing)} aria-label={S.REFRESH} />
          <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)} data-testid="catalogue-versions-open">
            {S.VERSIONS}
          </Button>
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ item: null, requestId: newRequestId() })} data-testid="catalogue-add">
              {S.ADD}
            </Button>
          )}
        </Space>
      </div>
      {isHistory && (
        <Alert
          type="info"
          showIcon
          title={S.HISTORY_READ_ONLY}
          action={
            <Button size="small" onClick={() => setViewing(undefined)} data-testid="catalogue-back-current">
              {S.BACK_TO_CURRENT}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {!mayEdit && <p className="sd-muted">{S.READ_ONLY_NOTE}</p>}
      <div className="sd-toolbar sd-cat-filters">
        <Segmented<CategoryFilter>
          value={category}
          onChange={setCategory}
          options={[{ value: 'all', label: `${S.ALL} ${counts.all}` }, ...CATEGORIES.map((c) => ({ value: c, label: `${c} ${counts[c]}` }))]}
          data-testid="catalogue-category"
        />
        <Space wrap>
          <Select<ForwardedFilter>
            value={forwarded}
            onChange={setForwarded}
            style={{ width: 150 }}
            aria-label={S.FORWARDED_FILTER}
            options={[
              { value: 'any', label: `${S.FORWARDED_FILTER}：${S.FORWARDED_ANY}` },
              { value: 'yes', label: S.FORWARDED_YES },
              { value: 'no', label: S.FORWARDED_NO },
            ]}
          />
          <Input allowClear prefix={<SearchOutlined />} placeholder={S.SEARCH_PH} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} data-testid="catalogue-filter" {...WORK_START} />
          <Space size={4}>
            <Switch size="small" checked={showRetired} onChange={setShowRetired} aria-label={S.SHOW_RETIRED} data-testid="catalogue-show-retired" />
            <span>{S.SHOW_RETIRED}</span>
          </Space>
        </Space>
      </div>
      <Table<CatalogueItem>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={visible}
        loading={loading}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: text.trim() ? S.EMPTY_SEARCH : S.EMPTY }}
        rowClassName={(i) => (i.retired ? 'sd-cat-row-retired' : '')}
        data-testid="catalogue-table"
        onRow={(i) =>
          ({
            'data-testid': `catalogue-row-${i.code}`,
            onClick: () => setSelected(i),
            onKeyDown: (e) => {
              if (e.key === 'Enter') setSelected(i);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        footer={() => <span className="sd-muted">{S.COUNT(visible.length)}</span>}
      />

      <ItemDetail
        item={selected}
        editable={editable}
        onClose={() => setSelected(null)}
        onEdit={(item) => setEditing({ item, requestId: newRequestId() })}
        onRetire={(item) => setRetiring(item)}
        onRestore={restore}
      />
      <ItemForm
        open={editing !== null}
        item={editing?.item ?? null}
        defaultCategory={category === 'all' ? undefined : category}
        departments={departments}
        form={itemForm}
        onSubmit={save}
        onClose={() => setEditing(null)}
      />
      <RetireForm item={retiring} form={retireForm} onSubmit={retire} onClose={() => setRetiring(null)} />
      <VersionList
        open={versionsOpen}
        onClose={() => setVersionsOpen(false)}
        onView={(version) => {
          setVersionsOpen(false);
          setSelected(null);
          // the newest version is "current", editable, not history
          setViewing(data && version === data.current ? undefined : version);
        }}
      />
    </div>
  );
}
