/**
 * Picks a service item as the clerk types: name, code or pinyin initials ("gljt" finds
 * 高龄津贴申请). Keyboard first: ↑/↓ move, Enter picks, Esc clears. The list in force is
 * read once when the picker opens and ranked here with the same rule main uses, so
 * every keystroke answers at once without a round trip.
 */
import { Button, Input, Tag, type InputRef } from 'antd';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchItems, timeLimitText, type CatalogueItem } from '../../../../common/catalogue';
import { api } from '../../api';
import { errorText } from '../../components/feedback';
import { handlePickerKeys, usePickerList } from '../../components/picker-keys';
import { CATEGORY_COLORS } from './category';
import * as S from './strings';
import './catalogue.css';

export interface ItemPickerProps {
  /** called with the chosen item (in force now); the picker then shows its name */
  onPick: (item: CatalogueItem) => void;
  autoFocus?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** most options shown at once */
  limit?: number;
}

export function ItemPicker({ onPick, autoFocus = false, disabled = false, placeholder = S.PICKER_PH, limit = 12 }: ItemPickerProps) {
  const [items, setItems] = useState<CatalogueItem[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { active, setActive, listRef } = usePickerList();
  const inputRef = useRef<InputRef>(null);
  const listId = useId();

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setItems((await api['catalogue.list']({})).items);
    } catch (err) {
      setLoadError(err);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const options = useMemo(() => (items && query.trim() ? searchItems(items, query, limit) : []), [items, query, limit]);
  const shown = open && query.trim() !== '';

  function pick(item: CatalogueItem) {
    setQuery(item.name);
    setOpen(false);
    onPick(item);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    handlePickerKeys(e, {
      shown,
      count: options.length,
      setActive,
      open: () => {
        setOpen(true);
        setActive(0);
      },
      enter: () => {
        const item = shown ? options[active] : undefined;
        if (item) pick(item);
        return !!item;
      },
      clear: () => {
        if (query === '') return false;
        setQuery('');
        setOpen(false);
        return true;
      },
    });
  }

  const activeId = shown && options[active] ? `${listId}-opt-${active}` : undefined;

  return (
    <div className="sd-picker" data-testid="item-picker">
      <Input
        ref={inputRef}
        value={query}
        disabled={disabled}
        placeholder={items === null && !loadError ? S.PICKER_LOADING : placeholder}
        allowClear
        role="combobox"
        aria-label={S.PICKER_LABEL}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        data-testid="item-picker-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {loadError !== null && (
        <div className="sd-picker-error" role="alert">
          {errorText(loadError)}
          <Button type="link" size="small" onClick={() => void load()}>
            {S.RETRY}
          </Button>
        </div>
      )}
      {shown && (
        <ul className="sd-picker-list" role="listbox" id={listId} ref={listRef} aria-label={S.PICKER_LABEL}>
          {options.length === 0 && items !== null && <li className="sd-picker-none">{S.PICKER_NONE}</li>}
          {options.map((item, i) => (
            <li
              key={item.code}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              data-index={i}
              data-code={item.code}
              data-testid="item-picker-option"
              className={i === active ? 'sd-picker-option active' : 'sd-picker-option'}
              // keep focus in the input so the keyboard keeps working after a click
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(item)}
            >
              <span className="sd-mono sd-picker-code">{item.code}</span>
              <span className="sd-picker-name">{item.name}</span>
              <Tag color={CATEGORY_COLORS[item.category]} className="sd-picker-tag">
                {item.category}
              </Tag>
              <span className="sd-picker-meta">
                {item.department} · {timeLimitText(item.timeLimit)}
              </span>
            </li>
          ))}
          <li className="sd-picker-hint" aria-hidden>
            {S.PICKER_HINT}
          </li>
        </ul>
      )}
    </div>
  );
}
