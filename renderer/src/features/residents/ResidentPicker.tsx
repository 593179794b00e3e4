/**
 * Finds the resident an affair is for, or registers them on the spot: one box with
 * results as the clerk types (name, pinyin initials, 身份证号 or phone digits), ↑/↓ to
 * move, Enter to pick, Esc to clear, and 登记新居民 opening the registration form.
 * Used by 代办 and every other capability that starts from a person.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { checkIdNumber, SEX_LABELS } from '../../../../common/idcard';
import type { ResidentSummary } from '../../../../common/contracts/residents';
import { api } from '../../api';
import { errorText, notifyError } from '../../components/feedback';
import { handlePickerKeys, usePickerList } from '../../components/picker-keys';
import { WORK_START } from '../../shell/work-focus';
import { ResidentForm } from './ResidentForm';
import { useResidentSearch } from './shared';
import { TagList } from './TagList';
import * as S from './strings';
import './residents.css';
import { stationToday } from '../../stores/clock';

export interface ResidentPickerProps {
  /** the chosen resident: picked from the list, or just registered */
  onPick: (resident: ResidentSummary) => void;
  autoFocus?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** most results shown at once */
  limit?: number;
}

export function ResidentPicker({ onPick, autoFocus = true, disabled = false, placeholder = S.SEARCH_PH, limit = 10 }: ResidentPickerProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { active, setActive, listRef } = usePickerList();
  const [registering, setRegistering] = useState<{ idNumber?: string } | null>(null);
  const inputRef = useRef<InputRef>(null);
  const listId = useId();
  const { items, hint, error, loading } = useResidentSearch(query, limit);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);
  useEffect(() => setActive(0), [items]);
  const shown = open && query.trim() !== '';
  const typedId = query.replace(/\s/g, '').toUpperCase();
  const newIdNumber = error === null && typedId.length === 18 && checkIdNumber(typedId, stationToday()).ok ? typedId : undefined;

  function pick(r: ResidentSummary) {
    setQuery('');
    setOpen(false);
    onPick(r);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    handlePickerKeys(e, {
      shown,
      count: items.length,
      setActive,
      open: () => setOpen(true),
      enter: () => {
        const hit = shown ? items[active] : undefined;
        if (hit) pick(hit);
        // nothing found for a valid 身份证号: Enter registers that person
        else if (shown && !loading && items.length === 0 && newIdNumber) setRegistering({ idNumber: newIdNumber });
        else return false;
        return true;
      },
      clear: () => {
        if (query === '') return false;
        setQuery('');
        setOpen(false);
        return true;
      },
    });
  }

  const activeId = shown && items[active] ? `${listId}-opt-${active}` : undefined;

  return (
    <div className="sd-rp" data-testid="resident-picker">
      <div className="sd-rp-bar">
        <Input
          ref={inputRef}
          value={query}
          disabled={disabled}
          allowClear
          prefix={<SearchOutlined className="sd-muted" />}
          placeholder={placeholder}
          role="combobox"
          aria-label={S.SEARCH_LABEL}
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoComplete="off"
          spellCheck={false}
          data-testid="resident-picker-search"
          {...WORK_START}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => setRegistering(newIdNumber ? { idNumber: newIdNumber } : {})} data-testid="resident-picker-register">
          {S.REGISTER}
        </Button>
      </div>
      {shown && (
        <ul className="sd-rp-list" role="listbox" id={listId} ref={listRef} aria-label={S.SEARCH_LABEL} data-testid="resident-picker-list">
          {error !== null && (
            // not 没有找到: the service did not answer, so nobody may be registered on the strength of it
            <li className="sd-rp-none sd-rp-failed" role="alert" data-testid="resident-picker-unavailable">
              <div>{errorText(error)}</div>
              <div>{S.SEARCH_DOWN_NOTE}</div>
            </li>
          )}
          {hint && <li className="sd-rp-none">{hint}</li>}
          {!hint && error === null && items.length === 0 && !loading && (
            <li className="sd-rp-none">
              {S.SEARCH_NONE}
              {newIdNumber && (
                <Button type="link" size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => setRegistering({ idNumber: newIdNumber })}>
                  {S.SEARCH_NONE_REGISTER}
                </Button>
              )}
            </li>
          )}
          {items.map((r, i) => (
            <li
              key={r.id}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              data-index={i}
              data-testid="resident-picker-option"
              className={i === active ? 'sd-rp-option active' : 'sd-rp-option'}
              // keep focus in the input so the keyboard keeps working after a click
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(r)}
            >
              <span className="sd-rp-name">{r.name}</span>
              <span className="sd-rp-meta">
                {SEX_LABELS[r.sex]} · {S.AGE(r.age)}
              </span>
              <span className="sd-mono sd-rp-id">{r.idMasked}</span>
              <span className="sd-mono sd-rp-phone">{r.phoneMasked ?? ''}</span>
              <span className="sd-rp-tags">
                <TagList tags={r.tags} />
              </span>
              {r.address && <span className="sd-rp-address">{r.address}</span>}
            </li>
          ))}
          <li className="sd-rp-hint" aria-hidden>
            {S.SEARCH_KEYS.replace('打开', '选定')}
          </li>
        </ul>
      )}
      <ResidentForm
        open={registering !== null}
        {...(registering?.idNumber ? { initialIdNumber: registering.idNumber } : {})}
        onSaved={(r) => pick(r)}
        existingLabel={S.DUPLICATE_PICK}
        onOpenExisting={(id) => {
          setRegistering(null);
          api['residents.get']({ id }).then(pick, notifyError);
        }}
        onClose={() => {
          setRegistering(null);
          inputRef.current?.focus();
        }}
      />
    </div>
  );
}
