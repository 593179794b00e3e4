/**
 * 居民 residents registry (综合信息库): register, edit, find, the audited reveal of a full
 * 身份证号, and the light checks the form makes as the clerk types. The 台账, the import and a
 * resident's history are their own modules (residents-ledger, -import, -history), wired here.
 * Every change writes its rows and its audit entry in one transaction; audit details carry ids
 * and field names only, never a number, a phone or a tag's meaning.
 */
import type { ServiceContext, ApiPart } from '../context';
import { newId } from '../clock';
import { log } from '../log';
import { AppError } from '../../common/errors';
import type { CallName } from '../../common/contract';
import type { StaffActor } from '../../common/actor';
import { DENIED_MESSAGES } from '../access';
import { can } from '../../common/roles';
import { ageOn, checkIdNumber, idDocTypeOf, maskIdNumber, SEX_LABELS, type Sex } from '../../common/idcard';
import { stationDate } from '../../common/time';
import { type KeyTag, type ResidentView, type TagEntry, type residentsCalls } from '../../common/contracts/residents';
import { createResidentStore, fieldsOf, type ResidentFields, type ResidentRow } from './residents-store';
import { createResidentSearch } from './residents-search';
import { parseManualPinyin, pinyinShown, readingsOf, syllableChars } from './resident-pinyin';
import { changedFields, sortTags, summaryOf, type FieldErrors } from './residents-shared';
import { createResidentLedger } from './residents-ledger';
import { createResidentImport } from './residents-import';
import { createResidentHistory } from './residents-history';
import { KEY_PATTERN } from '../../common/text';

/** What other capabilities (代办 intake, receipts) read about a resident: the full record, for use inside main only. */
export interface ResidentRecord extends ResidentFields {
  id: string;
  /** ResidentFields.idNumber is the full number: print it masked (maskIdNumber) unless the form legally needs it */
  idMasked: string;
  tags: TagEntry[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The whole-number input main accepted, before the resident-specific checks below. */
type FormInput = Omit<ResidentFields, 'sex' | 'birthDate' | 'pinyinManual'> & {
  sex?: Sex | undefined;
  birthDate?: string | undefined;
  pinyin: string;
  tags: TagEntry[];
};

type CoreCalls = 'residents.search' | 'residents.get' | 'residents.create' | 'residents.update' | 'residents.revealIdNumber' | 'residents.checkIdNumber' | 'residents.pinyinOf';

export function createResidents(ctx: ServiceContext) {
  const { db, clock, write } = ctx;
  const store = createResidentStore(db, write);
  const finder = createResidentSearch(db);
  const today = () => stationDate(clock.now());

  const refilled = store.refillPinyinGaps();
  if (refilled > 0) log.info('resident pinyin gaps refilled', { rows: refilled });

  const tagsFor = db.prepare<[string], { rid: number; tag: KeyTag }>('SELECT rid, tag FROM resident_tags WHERE rid IN (SELECT value FROM json_each(?)) ORDER BY tag');
  const membersOf = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE household_head_id = ? ORDER BY birth_date');
  const memberCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM residents WHERE household_head_id = ?');

  function mustGet(id: string): ResidentRow {
    const row = store.byId(id);
    if (!row) throw new AppError('NOT_FOUND', '未找到该居民，可能已被合并或编号有误');
    return row;
  }

  function tagMap(rows: readonly Pick<ResidentRow, 'rid'>[]): Map<number, KeyTag[]> {
    const map = new Map<number, KeyTag[]>();
    if (rows.length === 0) return map;
    for (const t of tagsFor.all(JSON.stringify(rows.map((r) => r.rid)))) {
      const list = map.get(t.rid) ?? [];
      list.push(t.tag);
      map.set(t.rid, list);
    }
    return map;
  }

  function viewOf(r: ResidentRow): ResidentView {
    const day = today();
    const entries = sortTags(store.tags(r.rid));
    const head = r.household_head_id ? store.byId(r.household_head_id) : undefined;
    return {
      ...summaryOf(
        r,
        entries.map((t) => t.tag),
        day,
      ),
      idType: idDocTypeOf(r.id_number),
      phone: r.phone,
      notes: r.notes,
      tagEntries: entries,
      householdHeadId: r.household_head_id,
      householdHeadName: head?.name ?? null,
      relation: r.relation,
      householdMembers: membersOf.all(r.id).map((m) => ({ id: m.id, name: m.name, relation: m.relation, age: ageOn(m.birth_date, day) })),
      pinyin: pinyinShown(r.name, r.pinyin_manual),
      pinyinManual: r.pinyin_manual !== null,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  function recordOf(r: ResidentRow): ResidentRecord {
    return {
      ...fieldsOf(r),
      id: r.id,
      idMasked: maskIdNumber(r.id_number),
      tags: sortTags(store.tags(r.rid)),
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** The clerk's pinyin, checked against the name; '' (or the derived pinyin itself) stores nothing. */
  function manualPinyin(typed: string, name: string, errors: FieldErrors): string | null {
    if (typed.trim() === '') return null;
    const r = parseManualPinyin(typed, name);
    if (!r.ok) {
      errors.pinyin = r.message;
      return null;
    }
    const derived = readingsOf(name);
    return r.syllables.every((s, i) => s === derived[i]) ? null : r.syllables.join(' ');
  }

  /**
   * The checks that need the clock or the database (main re-checks what the form already
   * checked: the renderer is not trusted). Answers the fields to store, or per-field errors.
   */
  function settle(input: FormInput, selfId: string | null): { fields: ResidentFields; tags: TagEntry[] } {
    const errors: FieldErrors = {};
    const day = today();
    const id = checkIdNumber(input.idNumber, day);
    let sex: Sex = input.sex ?? 'male';
    let birthDate = input.birthDate ?? '';
    if (!id.ok) errors.idNumber = id.message;
    else {
      if (input.sex && input.sex !== id.sex) errors.sex = `性别与身份证号不符：按身份证号应为“${SEX_LABELS[id.sex]}”`;
      if (input.birthDate && input.birthDate !== id.birthDate) errors.birthDate = `出生日期与身份证号不符：按身份证号应为 ${id.birthDate}`;
      sex = id.sex;
      birthDate = id.birthDate;
    }
    input.tags.forEach((t, i) => {
      if (t.since > day) errors[`tags.${i}.since`] = '认定日期不能晚于今天';
      else if (birthDate && t.since < birthDate) errors[`tags.${i}.since`] = '认定日期不能早于出生日期';
    });
    const relation = input.relation;
    if (input.householdHeadId) {
      const head = store.byId(input.householdHeadId);
      if (!head) errors.householdHeadId = '所选户主不存在，请重新选择';
      else if (head.id === selfId) errors.householdHeadId = '不能选本人作户主；本人是户主时，“与户主关系”选“户主”即可';
      else if (head.household_head_id) errors.householdHeadId = `所选居民已是另一户的成员，请选择该户的户主`;
      else if (selfId && (memberCount.get(selfId)?.n ?? 0) > 0) errors.householdHeadId = '该居民本人是户主（名下有家庭成员），不能再登记到其他户';
      if (!relation) errors.relation = '请选择与户主关系';
      else if (relation === '户主') errors.relation = '已选户主时，与户主关系不能是“户主”';
    } else if (relation && relation !== '户主') {
      errors.householdHeadId = '请选择户主';
    }
    const pinyinManual = manualPinyin(input.pinyin, input.name, errors);
    if (Object.keys(errors).length > 0) throw new AppError('VALIDATION', Object.values(errors)[0]!, errors);
    return {
      fields: {
        name: input.name,
        idNumber: id.ok ? id.idNumber : input.idNumber,
        sex,
        birthDate,
        phone: input.phone,
        address: input.address,
        grid: input.grid,
        householdHeadId: input.householdHeadId,
        relation,
        notes: input.notes,
        pinyinManual,
      },
      tags: sortTags(input.tags),
    };
  }

  function duplicate(idNumber: string, selfRid: number | null): void {
    const existing = store.byIdNumber(idNumber);
    if (existing && existing.rid !== selfRid) {
      throw new AppError('CONFLICT', `该身份证号已登记：${existing.name}（${maskIdNumber(existing.id_number)}），请打开其档案`, {
        idNumber: `该身份证号已登记为“${existing.name}”`,
        existingId: existing.id,
      });
    }
  }

  /** A repeat of the form's requestId (a double Enter, a retry) answers with the resident it registered. */
  function create(input: FormInput & { requestId: string }, me: StaffActor): ResidentView {
    const { value } = write.once({ requestId: input.requestId, call: 'residents.create', actorId: me.id }, (tx) => {
        const { fields, tags } = settle(input, null);
        duplicate(fields.idNumber, null);
        const id = newId(clock);
        const at = clock.now().toISOString();
        store.insert(id, fields, tags, at, me.id);
        tx.change({ actorId: me.id, action: 'resident.create', entity: 'resident', entityId: id, op: 'create', ...store.snapshot(id)!, detail: { via: 'form' } });
        return { id };
      });
    return viewOf(mustGet(value.id));
  }

  function update(input: Omit<FormInput, 'idNumber' | 'pinyin'> & { id: string; version: number; idNumber?: string | undefined; pinyin?: string | undefined }, me: StaffActor): ResidentView {
    return write((tx) => {
        const before = mustGet(input.id);
        if (before.version !== input.version) {
          throw new AppError('CONFLICT', '该居民信息已被他人修改，请关闭后重新打开再改');
        }
        const { fields, tags } = settle({ ...input, idNumber: input.idNumber ?? before.id_number, pinyin: input.pinyin ?? before.pinyin_manual ?? '' }, before.id);
        duplicate(fields.idNumber, before.rid);
        const beforeTags = store.tags(before.rid);
        const changed = changedFields(fieldsOf(before), fields, beforeTags, tags);
        if (changed.length === 0) return viewOf(before);
        if (!store.update(before, fields, tags, clock.now().toISOString(), me.id)) {
          throw new AppError('CONFLICT', '该居民信息已被他人修改，请关闭后重新打开再改');
        }
        tx.change({ actorId: me.id, action: 'resident.update', entity: 'resident', entityId: before.id, op: 'update', ...store.snapshot(before.id)!, detail: { changed } });
        return viewOf(mustGet(before.id));
      });
  }

  /** A refused attempt at full numbers is itself worth a line in the audit log. */
  function revealRefused(who: StaffActor, what: 'revealIdNumber' | 'exportLedger', residentId: string | null): void {
    write((tx) => tx.note({ actorId: who.id, action: 'resident.revealRefused', entity: 'resident', entityId: residentId, detail: { via: what } }));
  }

  /** Full numbers in an export: the same rule as a reveal, decided by what was asked for. */
  function requireRevealer(who: StaffActor, what: 'exportLedger', residentId: string | null): void {
    if (can(who.role, 'residents.revealId')) return;
    revealRefused(who, what, residentId);
    throw new AppError('FORBIDDEN', DENIED_MESSAGES['residents.revealId']!);
  }

  const ledger = createResidentLedger(ctx, { requireRevealer });
  const imports = createResidentImport(ctx, store);
  const history = createResidentHistory(ctx);

  const core: ApiPart<CoreCalls> = {
    async 'residents.search'({ q, limit }) {
      const day = today();
      const { found, hint } = finder.search(q, limit, day);
      const tags = tagMap(found.map((f) => f.row));
      return { items: found.map((f) => ({ ...summaryOf(f.row, tags.get(f.row.rid) ?? [], day), match: f.match })), hint };
    },

    async 'residents.get'({ id }) {
      return viewOf(mustGet(id));
    },

    async 'residents.create'(input, me) {
      return create(input, me);
    },

    async 'residents.update'(input, me) {
      return update(input, me);
    },

    async 'residents.revealIdNumber'({ id }, me) {
      return write((tx) => {
          const row = mustGet(id);
          tx.note({ actorId: me.id, action: 'resident.revealIdNumber', entity: 'resident', entityId: row.id });
          return { idNumber: row.id_number };
        });
    },

    // Says only what saving would say (name and masked number), so it reveals nothing a save would not.
    async 'residents.checkIdNumber'({ idNumber, selfId }) {
      const row = store.byIdNumber(idNumber);
      if (!row || row.id === selfId) return { existing: null };
      return { existing: { id: row.id, name: row.name, idMasked: maskIdNumber(row.id_number) } };
    },

    async 'residents.pinyinOf'({ name }) {
      const chars = syllableChars(name.trim());
      const readings = readingsOf(name.trim());
      return { pinyin: readings.map((s) => s ?? '?').join(' '), unknown: [...new Set(chars.filter((_, i) => readings[i] === null))] };
    },
  };

  const api: ApiPart<keyof typeof residentsCalls> = { ...core, ...ledger.api, ...imports.api, ...history.api };

  return {
    api,
    /** Dispatch refused a call for the caller's role: a refused reveal is itself audited. */
    refused(name: CallName, who: StaffActor, input: unknown): void {
      if (name !== 'residents.revealIdNumber') return;
      // the input as sent, not yet parsed: read with care
      const id = input && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
      revealRefused(who, 'revealIdNumber', typeof id === 'string' && id.length <= 64 && KEY_PATTERN.test(id) ? id : null);
    },
    /** The full record for other capabilities in main (intake prints from it); NOT_FOUND when unknown. */
    get(id: string): ResidentRecord {
      return recordOf(mustGet(id));
    },
    /** Exact lookup by 身份证号 for other capabilities; null when not registered. */
    findByIdNumber(idNumber: string): ResidentRecord | null {
      const row = store.byIdNumber(idNumber.trim().toUpperCase());
      return row ? recordOf(row) : null;
    },
  };
}

export type Residents = ReturnType<typeof createResidents>;
