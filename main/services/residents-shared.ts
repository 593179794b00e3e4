/** What the residents service modules (core, ledger, import, history) share: how a row is summarised and compared. */
import { ageOn, maskIdNumber } from '../../common/idcard';
import { maskPhone } from '../../common/phone';
import { KEY_TAGS, type KeyTag, type ResidentSummary, type TagEntry } from '../../common/contracts/residents';
import type { ResidentFields, ResidentRow } from './residents-store';

export type FieldErrors = Record<string, string>;

/** Fields whose change is audited by name; the order is the form's. */
const AUDITED_FIELDS = ['name', 'idNumber', 'sex', 'birthDate', 'phone', 'address', 'grid', 'householdHeadId', 'relation', 'notes', 'pinyinManual'] as const satisfies readonly (keyof ResidentFields)[];

export function sortTags(tags: readonly TagEntry[]): TagEntry[] {
  return [...tags].sort((a, b) => KEY_TAGS.indexOf(a.tag) - KEY_TAGS.indexOf(b.tag));
}

/** The columns a summary reads: a whole row, or a search hit's (residents-search.ts HitRow). */
type SummaryColumns = Pick<ResidentRow, 'id' | 'name' | 'sex' | 'birth_date' | 'id_number' | 'phone' | 'address' | 'grid'>;

export function summaryOf(r: SummaryColumns, tags: readonly KeyTag[], day: string): ResidentSummary {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, day),
    idMasked: maskIdNumber(r.id_number),
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    address: r.address,
    grid: r.grid,
    tags: KEY_TAGS.filter((t) => tags.includes(t)),
  };
}

/** The names of the fields (and 'tags') an edit changes: what the audit entry records, never the values. */
export function changedFields(before: ResidentFields, after: ResidentFields, beforeTags: readonly TagEntry[], afterTags: readonly TagEntry[]): string[] {
  const changed: string[] = AUDITED_FIELDS.filter((k) => before[k] !== after[k]);
  const key = (ts: readonly TagEntry[]) =>
    sortTags(ts)
      .map((t) => `${t.tag}@${t.since}`)
      .join('|');
  if (key(beforeTags) !== key(afterTags)) changed.push('tags');
  return changed;
}
