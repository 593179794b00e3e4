/**
 * The results of 查找与登记 as a plain table. At a million residents every keystroke brings
 * thirty new rows; antd's Table spent most of a keystroke's time on them (a context per
 * cell, a style hash per tag, two or three renders per answer), so these rows are plain
 * cells, each row memoised: an answer renders its rows once, a highlight move two rows
 * (issue 6 item 16, bench/ui-search). It looks like the small antd tables elsewhere.
 */
import { Button, Empty, Spin } from 'antd';
import { memo } from 'react';
import { SEX_LABELS } from '../../../../common/idcard';
import type { SearchHit } from '../../../../common/contracts/residents';
import { TagList } from './TagList';
import * as S from './strings';
import './search-results.css';

const COLUMNS: { title: string; width?: number; align?: 'right' }[] = [
  { title: S.COL_NAME, width: 120 },
  { title: S.COL_SEX, width: 56 },
  { title: S.COL_AGE, width: 64, align: 'right' },
  { title: S.COL_ID, width: 190 },
  { title: S.COL_PHONE, width: 130 },
  { title: S.COL_ADDRESS },
  { title: S.COL_GRID, width: 100 },
  { title: S.COL_TAGS, width: 200 },
  { title: S.COL_MATCH, width: 96 },
];

const Row = memo(function Row({ hit, index, active, onOpen }: { hit: SearchHit; index: number; active: boolean; onOpen: (id: string, index: number) => void }) {
  return (
    <tr className={active ? 'sd-res-row active' : 'sd-res-row'} aria-selected={active} data-testid="resident-result" data-id={hit.id} onClick={() => onOpen(hit.id, index)}>
      <td>
        <span className="sd-res-name">{hit.name}</span>
      </td>
      <td>{SEX_LABELS[hit.sex]}</td>
      <td className="sd-right">{S.AGE(hit.age)}</td>
      <td className="sd-mono">{hit.idMasked}</td>
      <td className="sd-mono">{hit.phoneMasked ?? '—'}</td>
      <td className="sd-ellipsis" title={hit.address}>
        {hit.address}
      </td>
      <td className="sd-ellipsis" title={hit.grid}>
        {hit.grid}
      </td>
      <td>{hit.tags.length > 0 && <TagList tags={hit.tags} />}</td>
      <td>
        <span className="sd-res-match">{S.MATCH_LABELS[hit.match]}</span>
      </td>
    </tr>
  );
});

export interface SearchResultsProps {
  items: SearchHit[];
  active: number;
  /** waiting for a first answer, nothing to show meanwhile */
  waiting: boolean;
  hint: string | null;
  /** a full, valid 身份证号 nobody has: offered for registering */
  newIdNumber: string | null;
  onOpen: (id: string, index: number) => void;
  onRegister: (idNumber?: string) => void;
}

export const SearchResults = memo(function SearchResults({ items, active, waiting, hint, newIdNumber, onOpen, onRegister }: SearchResultsProps) {
  return (
    <div className="sd-res-results" data-testid="resident-results">
      <table className="sd-res-table" role="grid" aria-label={S.SEARCH_LABEL}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.title} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.title} className={c.align === 'right' ? 'sd-right' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((h, i) => (
            <Row key={h.id} hit={h} index={i} active={i === active} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
      {items.length === 0 &&
        (waiting ? (
          <div className="sd-res-empty">
            <Spin size="small" />
          </div>
        ) : hint ? null : (
          <div className="sd-res-empty">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.SEARCH_NONE}>
              {newIdNumber ? (
                <Button type="primary" onClick={() => onRegister(newIdNumber)} data-testid="resident-register-typed">
                  {S.SEARCH_NONE_REGISTER}
                </Button>
              ) : (
                <Button onClick={() => onRegister()}>{S.REGISTER}</Button>
              )}
            </Empty>
          </div>
        ))}
    </div>
  );
});
