/**
 * The residents tables and their search keys: the one place that writes a resident row,
 * so the name pieces, pinyin and reversed numbers can never drift from the row they index.
 * Callers own the transaction (and the audit entry that goes with it).
 */
import { pinyinKeys } from './resident-pinyin';
import type { Db } from '../db/open';
import type { Write } from '../db/write';
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
  /** the clerk's correction ("wei zhe"); null: derived from the name */
  pinyin_manual: string | null;
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
  /** the clerk's pinyin, syllables spaced ("wei zhe"); null: derived from the name */
  pinyinManual: string | null;
}

export const reverse = (s: string): string => Array.from(s).reverse().join('');

/** Upper bound for "starts with": U+10FFFF sorts after every character a name or number can hold. */
export const PREFIX_END = '\u{10FFFF}';

export { pinyinKeys } from './resident-pinyin';

/**
 * The pieces of a name from its 2nd character on (code points, so 𠈌 counts as one): every
 * 2-character piece, and every single character (a clerk may know only 堃 of 王堃).
 */
export function nameGrams(name: string): string[] {
  const cs = Array.from(name);
  const out = new Set<string>();
  for (let i = 1; i < cs.length; i++) {
    out.add(cs[i]!);
    if (i + 1 < cs.length) out.add(cs[i]! + cs[i + 1]!);
  }
  return [...out];
}

/** The 6-digit pieces of a phone number that neither start nor end it (see migration 0009). */
export function phoneGrams(digits: string | null): number[] {
  if (!digits) return [];
  const out = new Set<number>();
  for (let p = 1; p + 6 < digits.length; p++) out.add(Number(digits.slice(p, p + 6)));
  return [...out];
}

export function createResidentStore(db: Db, write: Write) {
  const insertRow = db.prepare(
    `INSERT INTO residents (id, name, id_number, id_rev, sex, birth_date, phone, phone_digits, phone_rev, address, grid,
       household_head_id, relation, notes, key_service, name_initials, name_pinyin, pinyin_manual, version, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @name, @id_number, @id_rev, @sex, @birth_date, @phone, @phone_digits, @phone_rev, @address, @grid,
       @household_head_id, @relation, @notes, @key_service, @name_initials, @name_pinyin, @pinyin_manual, 1, @at, @by, @at, @by)`,
  );
  const updateRow = db.prepare(
    `UPDATE residents SET name = @name, id_number = @id_number, id_rev = @id_rev, sex = @sex, birth_date = @birth_date,
       phone = @phone, phone_digits = @phone_digits, phone_rev = @phone_rev, address = @address, grid = @grid,
       household_head_id = @household_head_id, relation = @relation, notes = @notes, key_service = @key_service,
       name_initials = @name_initials, name_pinyin = @name_pinyin, pinyin_manual = @pinyin_manual,
       version = version + 1, updated_at = @at, updated_by = @by
     WHERE rid = @rid AND version = @version`,
  );
  const insertGram = db.prepare('INSERT OR IGNORE INTO resident_name_grams (gram, rid) VALUES (?, ?)');
  const deleteGram = db.prepare('DELETE FROM resident_name_grams WHERE gram = ? AND rid = ?');
  const insertPhoneGram = db.prepare('INSERT OR IGNORE INTO resident_phone_grams (gram, rid) VALUES (?, ?)');
  const deletePhoneGram = db.prepare('DELETE FROM resident_phone_grams WHERE gram = ? AND rid = ?');
  const gapRows = db.prepare<[], { rid: number; name: string; name_initials: string; name_pinyin: string }>(
    "SELECT rid, name, name_initials, name_pinyin FROM residents WHERE instr(name_initials, '_') > 0",
  );
  const setKeys = db.prepare('UPDATE residents SET name_initials = ?, name_pinyin = ? WHERE rid = ?');
  const insertTag = db.prepare('INSERT INTO resident_tags (rid, tag, since) VALUES (?, ?, ?)');
  const deleteTags = db.prepare('DELETE FROM resident_tags WHERE rid = ?');
  const tagsOf = db.prepare<[number], { tag: KeyTag; since: string }>('SELECT tag, since FROM resident_tags WHERE rid = ? ORDER BY tag');
  const byId = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE id = ?');
  const byIdRev = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE id_rev = ?');

  function columns(f: ResidentFields, tags: readonly TagEntry[]) {
    const keys = pinyinKeys(f.name, f.pinyinManual);
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
      pinyin_manual: f.pinyinManual,
    };
  }

  function insert(id: string, f: ResidentFields, tags: readonly TagEntry[], at: string, by: string | null): number {
    const rid = Number(insertRow.run({ id, ...columns(f, tags), at, by }).lastInsertRowid);
    for (const g of nameGrams(f.name)) insertGram.run(g, rid);
    for (const g of phoneGrams(phoneDigits_(f.phone))) insertPhoneGram.run(g, rid);
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
    const nextDigits = phoneDigits_(f.phone);
    if (before.phone_digits !== nextDigits) {
      for (const g of phoneGrams(before.phone_digits)) deletePhoneGram.run(g, before.rid);
      for (const g of phoneGrams(nextDigits)) insertPhoneGram.run(g, before.rid);
    }
    deleteTags.run(before.rid);
    for (const t of tags) insertTag.run(before.rid, t.tag, t.since);
    return true;
  }

  /**
   * Rows written while a character of their name had no known reading get the readings known
   * now (a newer supplement, or rows from before migration 0009). Search keys only: the row's
   * data, version and audit trail do not change. Answers how many rows changed.
   */
  function refillPinyinGaps(): number {
    const due: { rid: number; initials: string; pinyin: string }[] = [];
    for (const r of gapRows.all()) {
      const keys = pinyinKeys(r.name);
      if (keys.initials !== r.name_initials || keys.pinyin !== r.name_pinyin) due.push({ rid: r.rid, ...keys });
    }
    // no transaction when nothing changed: a read-only handle (the search bench) opens the service too
    if (due.length > 0) write(() => due.forEach((d) => setKeys.run(d.initials, d.pinyin, d.rid)));
    return due.length;
  }

  return {
    insert,
    update,
    refillPinyinGaps,
    byId: (id: string) => byId.get(id),
    byIdNumber: (idNumber: string) => byIdRev.get(reverse(idNumber)),
    tags: (rid: number): TagEntry[] => tagsOf.all(rid),
    /** The resident's whole record, as its outbox event carries it to the county; null if gone. */
    snapshot(id: string): { version: number; snapshot: ResidentSnapshot } | null {
      const r = byId.get(id);
      if (!r) return null;
      const snapshot = { id: r.id, version: r.version, ...fieldsOf(r), keyService: r.key_service === 1, tags: tagsOf.all(r.rid), createdAt: r.created_at, updatedAt: r.updated_at };
      return { version: r.version, snapshot };
    },
  };
}

export type ResidentStore = ReturnType<typeof createResidentStore>;

export type ResidentSnapshot = ResidentFields & { id: string; version: number; keyService: boolean; tags: TagEntry[]; createdAt: string; updatedAt: string };

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
    pinyinManual: r.pinyin_manual,
  };
}

const phoneDigits_ = (phone: string | null): string | null => (phone ? phoneDigits(phone) : null);
