/**
 * The residents tables and their search keys: the one place that writes a resident row,
 * so the name pieces, pinyin and reversed numbers can never drift from the row they index.
 * Callers own the transaction (and the audit entry that goes with it).
 */
import { pinyin } from 'pinyin-pro';
import type { Db } from '../db/open';
import type { Sex } from '../../common/idcard';
import { phoneDigits } from '../../common/phone';
import type { KeyTag, Relation, TagEntry } from '../../common/contracts/residents';

export interface ResidentRow {
  rid: number;
  id: string;
  name: string;
  id_number: string;
  id_rev: string;
  sex: Sex;
  birth_date: string;
  phone: string | null;
  phone_digits: string | null;
  phone_rev: string | null;
  address: string;
  grid: string;
  household_head_id: string | null;
  relation: Relation | null;
  notes: string;
  key_service: 0 | 1;
  name_initials: string;
  name_pinyin: string;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** The fields a resident is made of; the search keys are derived from them here. */
export interface ResidentFields {
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  phone: string | null;
  address: string;
  grid: string;
  householdHeadId: string | null;
  relation: Relation | null;
  notes: string;
}

export const reverse = (s: string): string => Array.from(s).reverse().join('');

/** Upper bound for "starts with": U+10FFFF sorts after every character a name or number can hold. */
export const PREFIX_END = '\u{10FFFF}';

/**
 * Pinyin initials and full pinyin (surname readings for 单, 曾, 解 …; ü as v). Characters
 * pinyin-pro does not know (rare 生僻字) become '_', which no typed query contains, so the
 * other characters keep their positions; separators such as the · in 买买提·艾力 are dropped.
 */
export function pinyinKeys(name: string): { initials: string; pinyin: string } {
  const parts = pinyin(name, { mode: 'surname', toneType: 'none', type: 'array', v: true });
  let initials = '';
  let full = '';
  for (const raw of parts) {
    const p = raw.toLowerCase();
    if (/^[a-z]+$/.test(p)) {
      initials += p[0];
      full += p;
    } else if (!/^[\s·•・.\-_'’]+$/.test(p)) {
      initials += '_';
      full += '_';
    }
  }
  return { initials, pinyin: full };
}

/** The 2-character pieces of a name from its 2nd character on (code points, so 𠈌 counts as one). */
export function nameGrams(name: string): string[] {
  const cs = Array.from(name);
  const out = new Set<string>();
  for (let i = 1; i + 1 < cs.length; i++) out.add(cs[i]! + cs[i + 1]!);
  return [...out];
}

export function createResidentStore(db: Db) {
  const insertRow = db.prepare(
    `INSERT INTO residents (id, name, id_number, id_rev, sex, birth_date, phone, phone_digits, phone_rev, address, grid,
       household_head_id, relation, notes, key_service, name_initials, name_pinyin, version, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @name, @id_number, @id_rev, @sex, @birth_date, @phone, @phone_digits, @phone_rev, @address, @grid,
       @household_head_id, @relation, @notes, @key_service, @name_initials, @name_pinyin, 1, @at, @by, @at, @by)`,
  );
  const updateRow = db.prepare(
    `UPDATE residents SET name = @name, id_number = @id_number, id_rev = @id_rev, sex = @sex, birth_date = @birth_date,
       phone = @phone, phone_digits = @phone_digits, phone_rev = @phone_rev, address = @address, grid = @grid,
       household_head_id = @household_head_id, relation = @relation, notes = @notes, key_service = @key_service,
       name_initials = @name_initials, name_pinyin = @name_pinyin,
       version = version + 1, updated_at = @at, updated_by = @by
     WHERE rid = @rid AND version = @version`,
  );
  const insertGram = db.prepare('INSERT OR IGNORE INTO resident_name_grams (gram, rid) VALUES (?, ?)');
  const deleteGram = db.prepare('DELETE FROM resident_name_grams WHERE gram = ? AND rid = ?');
  const insertTag = db.prepare('INSERT INTO resident_tags (rid, tag, since) VALUES (?, ?, ?)');
  const deleteTags = db.prepare('DELETE FROM resident_tags WHERE rid = ?');
  const tagsOf = db.prepare<[number], { tag: KeyTag; since: string }>('SELECT tag, since FROM resident_tags WHERE rid = ? ORDER BY tag');
  const byId = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE id = ?');
  const byIdRev = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE id_rev = ?');

  function columns(f: ResidentFields, tags: readonly TagEntry[]) {
    const keys = pinyinKeys(f.name);
    const digits = f.phone ? phoneDigits(f.phone) : null;
    return {
      name: f.name,
      id_number: f.idNumber,
      id_rev: reverse(f.idNumber),
      sex: f.sex,
      birth_date: f.birthDate,
      phone: f.phone,
      phone_digits: digits,
      phone_rev: digits ? reverse(digits) : null,
      address: f.address,
      grid: f.grid,
      household_head_id: f.householdHeadId,
      relation: f.relation,
      notes: f.notes,
      key_service: tags.length > 0 ? 1 : 0,
      name_initials: keys.initials,
      name_pinyin: keys.pinyin,
    };
  }

  function insert(id: string, f: ResidentFields, tags: readonly TagEntry[], at: string, by: string | null): number {
    const rid = Number(insertRow.run({ id, ...columns(f, tags), at, by }).lastInsertRowid);
    for (const g of nameGrams(f.name)) insertGram.run(g, rid);
    for (const t of tags) insertTag.run(rid, t.tag, t.since);
    return rid;
  }

  /** False when the row's version moved on meanwhile (someone else saved first). */
  function update(before: ResidentRow, f: ResidentFields, tags: readonly TagEntry[], at: string, by: string | null): boolean {
    const changed = updateRow.run({ rid: before.rid, version: before.version, ...columns(f, tags), at, by }).changes;
    if (changed === 0) return false;
    if (before.name !== f.name) {
      for (const g of nameGrams(before.name)) deleteGram.run(g, before.rid);
      for (const g of nameGrams(f.name)) insertGram.run(g, before.rid);
    }
    deleteTags.run(before.rid);
    for (const t of tags) insertTag.run(before.rid, t.tag, t.since);
    return true;
  }

  return {
    insert,
    update,
    byId: (id: string) => byId.get(id),
    byIdNumber: (idNumber: string) => byIdRev.get(reverse(idNumber)),
    tags: (rid: number): TagEntry[] => tagsOf.all(rid),
  };
}

export type ResidentStore = ReturnType<typeof createResidentStore>;

export function fieldsOf(r: ResidentRow): ResidentFields {
  return {
    name: r.name,
    idNumber: r.id_number,
    sex: r.sex,
    birthDate: r.birth_date,
    phone: r.phone,
    address: r.address,
    grid: r.grid,
    householdHeadId: r.household_head_id,
    relation: r.relation,
    notes: r.notes,
  };
}
