/**
 * Pieces of the resident form that hold their own state: the 重点服务对象 editor, the 户主
 * search, and the two light checks made as the clerk types (who already holds a complete
 * 身份证号; the pinyin a name gets by itself, and which of its characters no dictionary knows).
 */
import { Checkbox, DatePicker, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { checkIdNumber } from '../../../../common/idcard';
import { KEY_TAGS, type TagEntry } from '../../../../common/contracts/residents';
import { api } from '../../api';
import { KEY_TAG_COLORS } from './strings';
import * as S from './strings';
import { stationToday } from '../../stores/clock';

/** 重点服务对象: one line per category, a tick and the date it applies from. */
export function TagEditor({ value = [], onChange }: { value?: TagEntry[]; onChange?: (v: TagEntry[]) => void }) {
  const today = stationToday();
  const set = (next: TagEntry[]) => onChange?.(next);
  return (
    <div className="sd-res-tag-editor" data-testid="resident-form-tags">
      {KEY_TAGS.map((tag) => {
        const entry = value.find((t) => t.tag === tag);
        return (
          <div key={tag} className={entry ? 'sd-res-tag-row on' : 'sd-res-tag-row'}>
            <Checkbox
              checked={entry !== undefined}
              data-testid={`resident-form-tag-${tag}`}
              onChange={(e) => set(e.target.checked ? [...value, { tag, since: today }] : value.filter((t) => t.tag !== tag))}
            >
              <Tag color={KEY_TAG_COLORS[tag]} className="sd-res-tag-label">
                {tag}
              </Tag>
            </Checkbox>
            {entry && (
              <DatePicker
                size="small"
                allowClear={false}
                value={dayjs(entry.since)}
                format="YYYY-MM-DD"
                aria-label={`${tag}${S.F_SINCE}`}
                disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today}
                onChange={(d: Dayjs | null) => d && set(value.map((t) => (t.tag === tag ? { tag, since: d.format('YYYY-MM-DD') } : t)))}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

/** 户主: found by search like everywhere else; the option shows a masked number to tell namesakes apart. */
export function HeadSelect({ value, onChange, initialLabel, selfId }: { value?: string | null; onChange?: (v: string | null) => void; initialLabel: string | null; selfId: string | null }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>(value && initialLabel ? [{ value, label: initialLabel }] : []);
  useEffect(() => {
    const text = q.trim();
    if (!text) return;
    let live = true;
    const t = setTimeout(() => {
      api['residents.search']({ q: text, limit: 10 }).then(
        (r) => live && setOptions(r.items.filter((h) => h.id !== selfId).map((h) => ({ value: h.id, label: [h.name, h.idMasked, h.address].filter(Boolean).join('  ') }))),
        () => live && setOptions([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q, selfId]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={S.F_HEAD_PH}
      options={options}
      notFoundContent={q.trim() ? S.SEARCH_NONE : null}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      data-testid="resident-form-head"
    />
  );
}

export interface Holder {
  id: string;
  name: string;
  idMasked: string;
}

/**
 * Who already holds this 身份证号, asked once the number is complete and valid (not on
 * every key); null while incomplete, unknown or free. selfId: the record being edited.
 */
export function useIdHolder(typed: string, selfId: string | null): Holder | null {
  const [holder, setHolder] = useState<{ for: string; who: Holder } | null>(null);
  const id = typed.replace(/\s/g, '').toUpperCase();
  const complete = id.length === 18 && checkIdNumber(id, stationToday()).ok;
  useEffect(() => {
    if (!complete) return;
    let live = true;
    api['residents.checkIdNumber']({ idNumber: id, ...(selfId ? { selfId } : {}) }).then(
      (r) => live && setHolder(r.existing ? { for: id, who: r.existing } : null),
      // a light check only: saving checks again and says so
      () => live && setHolder(null),
    );
    return () => {
      live = false;
    };
  }, [id, complete, selfId]);
  return complete && holder?.for === id ? holder.who : null;
}

/** The pinyin main derives for a name, asked a moment after the clerk stops typing it. */
export function useDerivedPinyin(name: string): { pinyin: string; unknown: string[] } | null {
  const [state, setState] = useState<{ for: string; pinyin: string; unknown: string[] } | null>(null);
  const n = name.trim();
  useEffect(() => {
    if (!n) return;
    let live = true;
    const t = setTimeout(() => {
      api['residents.pinyinOf']({ name: n }).then(
        (r) => live && setState({ for: n, ...r }),
        () => live && setState(null),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [n]);
  return state && state.for === n ? state : null;
}
