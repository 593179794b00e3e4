/**
 * 查找与登记: one box, results as the clerk types, the record one Enter away.
 * ↑/↓ move through the results, Enter opens the chosen one, Esc clears the box.
 * A full 身份证号 nobody has yet leads straight to registering it.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Table, Tag, type InputRef, type TableColumnsType } from 'antd';
import { ApiError } from '../../api';
import { useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { checkIdNumber, SEX_LABELS } from '../../../../common/idcard';
import { stationDate } from '../../../../common/time';
import type { ResidentView, SearchHit } from '../../../../common/contracts/residents';
import { errorText } from '../../components/feedback';
import { WORK_START } from '../../shell/work-focus';
import { ResidentDetail } from './ResidentDetail';
import { ResidentForm } from './ResidentForm';
import { useResidentSearch } from './shared';
import { TagList } from './TagList';
import * as S from './strings';

const LIMIT = 30;

type FormState = { kind: 'create'; idNumber?: string } | { kind: 'edit'; resident: ResidentView } | null;

export function SearchTab() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>(null);
  const [saved, setSaved] = useState(0);
  const [formClosed, setFormClosed] = useState(0);
  const inputRef = useRef<InputRef>(null);
  const { items, hint, error, loading, refresh } = useResidentSearch(query, LIMIT);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  useEffect(() => setActive(0), [items]);

  const typedId = query.replace(/\s/g, '').toUpperCase();
  const newIdNumber = !loading && error === null && items.length === 0 && typedId.length === 18 && checkIdNumber(typedId, stationDate(new Date())).ok ? typedId : null;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && items.length > 0) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = items[active];
      if (hit) setOpenId(hit.id);
      else if (newIdNumber) setForm({ kind: 'create', idNumber: newIdNumber });
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  }

  function afterSave(r: ResidentView) {
    setSaved((n) => n + 1);
    if (form?.kind === 'create') {
      setQuery(r.name);
      setOpenId(r.id);
    }
    refresh();
  }

  const columns: TableColumnsType<SearchHit> = [
    {
      title: S.COL_NAME,
      dataIndex: 'name',
      width: 120,
      render: (name: string) => <span className="sd-res-name">{name}</span>,
    },
    { title: S.COL_SEX, dataIndex: 'sex', width: 56, render: (s: SearchHit['sex']) => SEX_LABELS[s] },
    { title: S.COL_AGE, dataIndex: 'age', width: 64, align: 'right', render: (a: number) => S.AGE(a) },
    { title: S.COL_ID, dataIndex: 'idMasked', width: 190, render: (v: string) => <span className="sd-mono">{v}</span> },
    { title: S.COL_PHONE, dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => <span className="sd-mono">{v ?? '—'}</span> },
    { title: S.COL_ADDRESS, dataIndex: 'address', ellipsis: true },
    { title: S.COL_GRID, dataIndex: 'grid', width: 100, ellipsis: true },
    { title: S.COL_TAGS, dataIndex: 'tags', width: 200, render: (tags: SearchHit['tags']) => <TagList tags={tags} /> },
    {
      title: S.COL_MATCH,
      dataIndex: 'match',
      width: 96,
      render: (m: SearchHit['match']) => (
        <Tag bordered={false} className="sd-res-match">
          {S.MATCH_LABELS[m]}
        </Tag>
      ),
    },
  ];

  const searched = query.trim() !== '';

  return (
    <div className="sd-res-search" data-testid="resident-search-tab">
      <div className="sd-res-searchbar">
        <Input
          ref={inputRef}
          size="large"
          allowClear
          prefix={<SearchOutlined className="sd-muted" />}
          placeholder={S.SEARCH_PH}
          aria-label={S.SEARCH_LABEL}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          data-testid="resident-search"
          {...WORK_START}
        />
        <Button size="large" type="primary" icon={<PlusOutlined />} onClick={() => setForm({ kind: 'create' })} data-testid="resident-register">
          {S.REGISTER}
        </Button>
      </div>
      <div className="sd-res-search-meta">
        <span className="sd-muted">{S.SEARCH_KEYS}</span>
        {searched && items.length >= LIMIT && <span className="sd-muted">{S.SEARCH_MORE(LIMIT)}</span>}
      </div>

      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} data-testid="resident-search-hint" />}

      {searched && error !== null ? (
        // an answer that never came is not an empty answer: no 没有找到 and no 登记 offer here
        <SearchFailed error={error} onRetry={refresh} />
      ) : !searched ? (
        <div className="sd-panel sd-res-start">
          <SearchOutlined className="sd-res-start-icon" />
          <p>{S.SEARCH_START}</p>
          <ul>
            {S.SEARCH_START_EXAMPLES.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Table<SearchHit>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={loading && items.length === 0}
          pagination={false}
          data-testid="resident-results"
          rowClassName={(_, i) => (i === active ? 'sd-res-row active' : 'sd-res-row')}
          onRow={(h, i) =>
            ({
              onClick: () => {
                setActive(i ?? 0);
                setOpenId(h.id);
              },
              'data-testid': 'resident-result',
              'data-id': h.id,
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: hint ? ' ' : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.SEARCH_NONE}>
                {newIdNumber ? (
                  <Button type="primary" onClick={() => setForm({ kind: 'create', idNumber: newIdNumber })} data-testid="resident-register-typed">
                    {S.SEARCH_NONE_REGISTER}
                  </Button>
                ) : (
                  <Button onClick={() => setForm({ kind: 'create' })}>{S.REGISTER}</Button>
                )}
              </Empty>
            ),
          }}
        />
      )}

      <ResidentDetail
        id={openId}
        version={saved}
        focusSignal={formClosed}
        onClose={() => {
          setOpenId(null);
          inputRef.current?.focus();
        }}
        onOpen={setOpenId}
        onEdit={(resident) => setForm({ kind: 'edit', resident })}
      />
      <ResidentForm
        open={form !== null}
        resident={form?.kind === 'edit' ? form.resident : null}
        {...(form?.kind === 'create' && form.idNumber ? { initialIdNumber: form.idNumber } : {})}
        onSaved={afterSave}
        onClose={() => {
          setForm(null);
          setFormClosed((n) => n + 1);
        }}
        onOpenExisting={(id) => {
          setForm(null);
          setOpenId(id);
        }}
      />
    </div>
  );
}

function SearchFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const down = error instanceof ApiError && error.code === 'UNAVAILABLE';
  return (
    <Alert
      type={down ? 'warning' : 'error'}
      showIcon
      role="alert"
      className="sd-res-failed"
      data-testid="resident-search-unavailable"
      title={down ? S.SEARCH_DOWN_TITLE : S.SEARCH_FAILED_TITLE}
      description={
        <>
          <div>{errorText(error)}</div>
          <div>{S.SEARCH_DOWN_NOTE}</div>
        </>
      }
      action={
        <Button size="small" onClick={onRetry} data-testid="resident-search-retry">
          {S.SEARCH_RETRY}
        </Button>
      }
    />
  );
}
