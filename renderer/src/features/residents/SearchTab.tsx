/**
 * 查找与登记: one box, results as the clerk types, the record one Enter away.
 * ↑/↓ move through the results, Enter opens the chosen one, Esc clears the box.
 * A full 身份证号 nobody has yet leads straight to registering it.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, type InputRef } from 'antd';
import { ApiError } from '../../api';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { checkIdNumber } from '../../../../common/idcard';
import type { ResidentView } from '../../../../common/contracts/residents';
import { errorText } from '../../components/feedback';
import { WORK_START } from '../../shell/work-focus';
import { ResidentDetail } from './ResidentDetail';
import { ResidentForm } from './ResidentForm';
import { useResidentSearch } from './shared';
import { SearchResults } from './SearchResults';
import * as S from './strings';
import { stationToday } from '../../stores/clock';

const LIMIT = 30;

type FormState = { kind: 'create'; idNumber?: string } | { kind: 'edit'; resident: ResidentView } | null;

export function SearchTab() {
  const [query, setQuery] = useState('');
  // the highlight belongs to one answer: a new answer starts at its first row without a second render
  const [highlight, setHighlight] = useState<{ of: unknown; at: number }>({ of: null, at: 0 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>(null);
  const [saved, setSaved] = useState(0);
  const [formClosed, setFormClosed] = useState(0);
  const inputRef = useRef<InputRef>(null);
  const { items, hint, error, loading, refresh, for: shownFor } = useResidentSearch(query, LIMIT);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  const active = highlight.of === items ? highlight.at : 0;
  const setActive = (update: (a: number) => number) => setHighlight({ of: items, at: update(active) });
  const shown = useRef(items);
  shown.current = items;
  const openRow = useCallback((id: string, index: number) => {
    setHighlight({ of: shown.current, at: index });
    setOpenId(id);
  }, []);
  const register = useCallback((idNumber?: string) => setForm(idNumber ? { kind: 'create', idNumber } : { kind: 'create' }), []);

  const typedId = query.replace(/\s/g, '').toUpperCase();
  const newIdNumber = !loading && error === null && items.length === 0 && typedId.length === 18 && checkIdNumber(typedId, stationToday()).ok ? typedId : null;

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

  const refreshNow = useRef(refresh);
  refreshNow.current = refresh;
  function afterSave(r: ResidentView) {
    setSaved((n) => n + 1);
    if (form?.kind === 'create') {
      setQuery(r.name);
      setOpenId(r.id);
    }
    refreshNow.current();
  }

  const searched = query.trim() !== '';

  // The drawer and the dialog take no part in typing: built again only when what they show changes.
  const detail = useMemo(
    () => (
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
    ),
    [openId, saved, formClosed],
  );
  const formDialog = useMemo(
    () => (
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
    ),
    // afterSave reads only form (listed) and refreshNow (a ref)
    [form],
  );

  return (
    // data-results-for: which query the rows on screen answer (a named state for tests and bench/ui-search)
    <div className="sd-res-search" data-testid="resident-search-tab" data-results-for={shownFor}>
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
        <SearchResults items={items} active={active} waiting={loading && items.length === 0} hint={hint} newIdNumber={newIdNumber} onOpen={openRow} onRegister={register} />
      )}

      {detail}
      {formDialog}
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
