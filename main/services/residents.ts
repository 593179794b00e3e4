/**
 * 居民 residents registry (综合信息库): register, edit, find, tag key-service targets,
 * the 重点服务对象台账 and its export, spreadsheet import, and the audited reveal of a
 * full 身份证号. Every change writes its rows and its audit entry in one transaction;
 * audit details carry ids and field names only, never a number, a phone or a tag's meaning.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext, ApiPart } from '../context';
import { newId } from '../clock';
import { AppError } from '../../common/errors';
import type { Staff } from '../../common/contract';
import { ageOn, bornOnOrBefore, checkIdNumber, maskIdNumber, SEX_LABELS, type Sex } from '../../common/idcard';
import { STATION_OFFSET_MS, stationDate } from '../../common/time';
import { maskPhone } from '../../common/phone';
import {
  KEY_TAGS,
  OptionalPhoneSchema,
  ResidentNameSchema,
  type KeyTag,
  type LedgerFilter,
  type LedgerRow,
  type ImportPreview,
  type ImportRowPreview,
  type ResidentSummary,
  type ResidentView,
  type TagEntry,
  type residentsCalls,
} from '../../common/contracts/residents';
import { createResidentStore, fieldsOf, type ResidentFields, type ResidentRow } from './residents-store';
import { createResidentSearch } from './residents-search';
import { IMPORT_COLUMN_LABELS, importTemplate, ledgerWorkbook, type ImportColumn, type SheetRow } from './residents-io';
import { createImportReader } from './import-runner';
import { createImportJobs, inSlices, type Report } from './import-jobs';

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

/** Fields whose change is audited by name; the order is the form's. */
const AUDITED_FIELDS = ['name', 'idNumber', 'sex', 'birthDate', 'phone', 'address', 'grid', 'householdHeadId', 'relation', 'notes'] as const satisfies readonly (keyof ResidentFields)[];

const EXPORT_LIMIT = 200_000;

type FieldErrors = Record<string, string>;

/** The whole-number input main accepted, before the resident-specific checks below. */
type FormInput = Omit<ResidentFields, 'sex' | 'birthDate'> & {
  sex?: Sex | undefined;
  birthDate?: string | undefined;
  tags: TagEntry[];
};

const TAG_ALIASES: Record<string, KeyTag> = {
  空巢: '空巢老人',
  独居: '独居老人',
  残疾: '残疾人',
  优抚: '优抚对象',
  低保户: '低保',
  特困供养: '特困',
  特困人员: '特困',
  留守: '留守儿童',
  大病: '重病',
};

export function createResidents(ctx: ServiceContext) {
  const { db, clock, audit, auth } = ctx;
  const store = createResidentStore(db);
  const finder = createResidentSearch(db);
  const today = () => stationDate(clock.now());
  const importReader = createImportReader();
  const importJobs = createImportJobs<ImportPreview>();

  const tagsFor = db.prepare<[string], { rid: number; tag: KeyTag }>('SELECT rid, tag FROM resident_tags WHERE rid IN (SELECT value FROM json_each(?)) ORDER BY tag');
  const membersOf = db.prepare<[string], ResidentRow>('SELECT * FROM residents WHERE household_head_id = ? ORDER BY birth_date');
  const memberCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM residents WHERE household_head_id = ?');
  const gridList = db.prepare<[], { grid: string }>(
    `WITH RECURSIVE g(grid) AS (
       SELECT min(grid) FROM residents WHERE grid > ''
       UNION ALL
       SELECT (SELECT min(grid) FROM residents WHERE grid > g.grid) FROM g WHERE g.grid IS NOT NULL
     ) SELECT grid FROM g WHERE grid IS NOT NULL`,
  );

  function mustGet(id: string): ResidentRow {
    const row = store.byId(id);
    if (!row) throw new AppError('NOT_FOUND', '未找到该居民，可能已被合并或编号有误');
    return row;
  }

  function tagMap(rows: readonly ResidentRow[]): Map<number, KeyTag[]> {
    const map = new Map<number, KeyTag[]>();
    if (rows.length === 0) return map;
    for (const t of tagsFor.all(JSON.stringify(rows.map((r) => r.rid)))) {
      const list = map.get(t.rid) ?? [];
      list.push(t.tag);
      map.set(t.rid, list);
    }
    return map;
  }

  function summaryOf(r: ResidentRow, tags: KeyTag[], day: string): ResidentSummary {
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
      phone: r.phone,
      notes: r.notes,
      tagEntries: entries,
      householdHeadId: r.household_head_id,
      householdHeadName: head?.name ?? null,
      relation: r.relation,
      householdMembers: membersOf.all(r.id).map((m) => ({ id: m.id, name: m.name, relation: m.relation, age: ageOn(m.birth_date, day) })),
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  function sortTags(tags: readonly TagEntry[]): TagEntry[] {
    return [...tags].sort((a, b) => KEY_TAGS.indexOf(a.tag) - KEY_TAGS.indexOf(b.tag));
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

  function changedFields(before: ResidentFields, after: ResidentFields, beforeTags: readonly TagEntry[], afterTags: readonly TagEntry[]): string[] {
    const changed: string[] = AUDITED_FIELDS.filter((k) => before[k] !== after[k]);
    const key = (ts: readonly TagEntry[]) =>
      sortTags(ts)
        .map((t) => `${t.tag}@${t.since}`)
        .join('|');
    if (key(beforeTags) !== key(afterTags)) changed.push('tags');
    return changed;
  }

  function create(input: FormInput, me: Staff): ResidentView {
    return db
      .transaction(() => {
        const { fields, tags } = settle(input, null);
        duplicate(fields.idNumber, null);
        const id = newId(clock);
        const at = clock.now().toISOString();
        store.insert(id, fields, tags, at, me.id);
        audit.append({ actorId: me.id, action: 'resident.create', entity: 'resident', entityId: id, detail: { via: 'form' } });
        return viewOf(mustGet(id));
      })
      .immediate();
  }

  function update(input: Omit<FormInput, 'idNumber'> & { id: string; version: number; idNumber?: string | undefined }, me: Staff): ResidentView {
    return db
      .transaction(() => {
        const before = mustGet(input.id);
        if (before.version !== input.version) {
          throw new AppError('CONFLICT', '该居民信息已被他人修改，请关闭后重新打开再改');
        }
        const { fields, tags } = settle({ ...input, idNumber: input.idNumber ?? before.id_number }, before.id);
        duplicate(fields.idNumber, before.rid);
        const beforeTags = store.tags(before.rid);
        const changed = changedFields(fieldsOf(before), fields, beforeTags, tags);
        if (changed.length === 0) return viewOf(before);
        if (!store.update(before, fields, tags, clock.now().toISOString(), me.id)) {
          throw new AppError('CONFLICT', '该居民信息已被他人修改，请关闭后重新打开再改');
        }
        audit.append({ actorId: me.id, action: 'resident.update', entity: 'resident', entityId: before.id, detail: { changed } });
        return viewOf(mustGet(before.id));
      })
      .immediate();
  }

  /** A refused attempt at full numbers is itself worth a line in the audit log. */
  function requireRevealer(what: 'revealIdNumber' | 'exportLedger', residentId: string | null): Staff {
    try {
      return auth.require('residents.revealId', '只有站长或管理员可以查看完整身份证号');
    } catch (err) {
      const who = auth.session()?.staff;
      if (err instanceof AppError && err.code === 'FORBIDDEN' && who) {
        db.transaction(() => audit.append({ actorId: who.id, action: 'resident.revealRefused', entity: 'resident', entityId: residentId, detail: { via: what } })).immediate();
      }
      throw err;
    }
  }

  function ledgerWhere(f: LedgerFilter): { where: string; params: Record<string, unknown> } {
    const day = today();
    // key_service = 1 selects the partial index that holds every key-service target in 台账 order
    const clauses = ['r.key_service = 1'];
    const params: Record<string, unknown> = {};
    if ((f.tags ?? []).length > 0) {
      clauses.push('r.rid IN (SELECT rid FROM resident_tags WHERE tag IN (SELECT value FROM json_each(@tags)))');
      params.tags = JSON.stringify(f.tags);
    }
    if (f.grid) {
      clauses.push('r.grid = @grid');
      params.grid = f.grid;
    }
    if (f.ageMin !== undefined) {
      clauses.push('r.birth_date <= @bornBy');
      params.bornBy = bornOnOrBefore(day, f.ageMin);
    }
    if (f.ageMax !== undefined) {
      clauses.push('r.birth_date > @bornAfter');
      params.bornAfter = bornOnOrBefore(day, f.ageMax + 1);
    }
    return { where: clauses.join(' AND '), params };
  }

  function ledgerRows(f: LedgerFilter, limit: number, offset: number): { rows: ResidentRow[]; total: number } {
    const { where, params } = ledgerWhere(f);
    const rows = db
      .prepare<[Record<string, unknown>], ResidentRow>(`SELECT r.* FROM residents r WHERE ${where} ORDER BY r.grid, r.name, r.birth_date LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset });
    const total = db.prepare<[Record<string, unknown>], { n: number }>(`SELECT count(*) AS n FROM residents r WHERE ${where}`).get(params)?.n ?? 0;
    return { rows, total };
  }

  const tagEntriesFor = db.prepare<[string], { rid: number; tag: KeyTag; since: string }>('SELECT rid, tag, since FROM resident_tags WHERE rid IN (SELECT value FROM json_each(?))');
  function tagEntryMap(rows: readonly ResidentRow[]): Map<number, TagEntry[]> {
    const map = new Map<number, TagEntry[]>();
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      for (const t of tagEntriesFor.all(JSON.stringify(chunk.map((r) => r.rid)))) {
        const list = map.get(t.rid) ?? [];
        list.push({ tag: t.tag, since: t.since });
        map.set(t.rid, list);
      }
    }
    for (const [k, v] of map) map.set(k, sortTags(v));
    return map;
  }

  // ---------- import ----------

  interface ParsedRow {
    line: number;
    errors: FieldErrors;
    name: string;
    idNumber: string;
    fields: ResidentFields | null;
    tags: TagEntry[];
    /** columns the file filled in (a match updates only those) */
    given: Set<ImportColumn>;
    existing: ResidentRow | null;
  }

  function parseDateCell(v: string): string | null {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    if (!m) return null;
    return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }

  function parseTags(v: string, day: string, errors: FieldErrors): TagEntry[] {
    const out: TagEntry[] = [];
    for (const piece of v.split(/[,，、;；\s]+/).filter(Boolean)) {
      const m = /^([^（(：:]+)(?:[（(：:]\s*([^）)]*)\s*[）)]?)?$/.exec(piece);
      const label = (m?.[1] ?? piece).trim();
      const tag = (KEY_TAGS as readonly string[]).includes(label) ? (label as KeyTag) : TAG_ALIASES[label];
      if (!tag) {
        errors.tags = `不认识的重点服务对象类别“${label}”，可填：${KEY_TAGS.join('、')}`;
        continue;
      }
      let since = day;
      if (m?.[2]) {
        const d = parseDateCell(m[2].trim());
        if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d) || d > day) {
          errors.tags = `“${label}”的认定日期“${m[2]}”不正确（应为 年-月-日，且不晚于今天）`;
          continue;
        }
        since = d;
      }
      if (!out.some((t) => t.tag === tag)) out.push({ tag, since });
    }
    return out;
  }

  function parseRow(row: SheetRow, day: string, seen: Map<string, number>): ParsedRow {
    const c = row.cells;
    const errors: FieldErrors = {};
    const given = new Set<ImportColumn>((Object.keys(c) as ImportColumn[]).filter((k) => (c[k] ?? '') !== ''));
    const nameParse = ResidentNameSchema.safeParse(c.name ?? '');
    if (!nameParse.success) errors.name = nameParse.error.issues[0]?.message ?? '姓名不正确';
    const name = nameParse.success ? nameParse.data : (c.name ?? '');
    let idNumber = (c.idNumber ?? '').replace(/\s/g, '').toUpperCase();
    let sex: Sex = 'male';
    let birthDate = '';
    if (row.numericId && idNumber.length >= 16) {
      errors.idNumber = '身份证号被 Excel 存成了数字，后几位已丢失；请把该列设为“文本”格式后重新填写';
    } else {
      const id = checkIdNumber(idNumber, day);
      if (!id.ok) errors.idNumber = id.message;
      else {
        idNumber = id.idNumber;
        sex = id.sex;
        birthDate = id.birthDate;
        const typedSex = c.sex?.trim();
        if (typedSex && typedSex !== SEX_LABELS[id.sex]) errors.sex = typedSex === '男' || typedSex === '女' ? `性别与身份证号不符（应为${SEX_LABELS[id.sex]}）` : '性别应填“男”或“女”';
        if (c.birthDate) {
          const d = parseDateCell(c.birthDate);
          if (!d) errors.birthDate = '出生日期格式不正确（应为 年-月-日）';
          else if (d !== id.birthDate) errors.birthDate = `出生日期与身份证号不符（应为 ${id.birthDate}）`;
        }
        const earlier = seen.get(idNumber);
        if (earlier !== undefined) errors.idNumber = `与第 ${earlier} 行的身份证号重复`;
        else seen.set(idNumber, row.line);
      }
    }
    let phone: string | null = null;
    if (c.phone) {
      const p = OptionalPhoneSchema.safeParse(c.phone);
      if (!p.success) errors.phone = p.error.issues[0]?.message ?? '联系电话格式不正确';
      else phone = p.data;
    }
    const limits: [ImportColumn, number][] = [
      ['address', 120],
      ['grid', 40],
      ['notes', 500],
    ];
    for (const [col, max] of limits) if ((c[col] ?? '').length > max) errors[col] = `${IMPORT_COLUMN_LABELS[col]}不能超过 ${max} 个字`;
    const tags = c.tags ? parseTags(c.tags, day, errors) : [];
    for (const t of tags) if (birthDate && t.since < birthDate) errors.tags = `“${t.tag}”的认定日期早于出生日期`;

    const existing = errors.idNumber ? null : (store.byIdNumber(idNumber) ?? null);
    if (existing && !errors.name && existing.name !== name) {
      errors.name = `与已登记的姓名“${existing.name}”不一致，请核对身份证号或姓名`;
    }
    const ok = Object.keys(errors).length === 0;
    return {
      line: row.line,
      errors,
      name,
      idNumber,
      given,
      existing,
      tags,
      fields: ok
        ? { name, idNumber, sex, birthDate, phone, address: c.address ?? '', grid: c.grid ?? '', householdHeadId: null, relation: null, notes: c.notes ?? '' }
        : null,
    };
  }

  /** The file is read in a worker (import-runner.ts); its rows are checked here in slices, between other calls. */
  async function parseFile(fileName: string, base64: string, report: Report = () => undefined) {
    const sheet = await importReader.read(fileName, Buffer.from(base64, 'base64'), (done, total) => report('reading', done, total));
    const day = today();
    const seen = new Map<string, number>();
    const rows = await inSlices(sheet.rows, (r) => parseRow(r, day, seen), (done, total) => report('checking', done, total));
    return { rows, ignoredColumns: sheet.ignoredColumns };
  }

  async function preview(fileName: string, base64: string, report?: Report): Promise<ImportPreview> {
    const { rows, ignoredColumns } = await parseFile(fileName, base64, report);
    const previews = rows.map(previewOf);
    return {
      rows: previews,
      total: previews.length,
      newCount: previews.filter((p) => p.status === 'new').length,
      existingCount: previews.filter((p) => p.status === 'existing').length,
      errorCount: previews.filter((p) => p.status === 'error').length,
      ignoredColumns,
    };
  }

  function previewOf(p: ParsedRow): ImportRowPreview {
    const status = Object.keys(p.errors).length > 0 ? 'error' : p.existing ? 'existing' : 'new';
    return {
      line: p.line,
      name: p.name,
      idMasked: p.idNumber.length === 18 ? maskIdNumber(p.idNumber) : p.idNumber === '' ? '' : maskIdNumber(p.idNumber.padEnd(10, '*')),
      status,
      errors: Object.fromEntries(Object.entries(p.errors).map(([k, v]) => [IMPORT_COLUMN_LABELS[k as ImportColumn] ?? k, v])),
      existingId: p.existing?.id ?? null,
      tags: p.tags.map((t) => t.tag),
    };
  }

  /** A match fills in what the file gives and keeps the rest; tags are added, never removed. */
  function merged(before: ResidentRow, p: ParsedRow): { fields: ResidentFields; tags: TagEntry[] } {
    const f = fieldsOf(before);
    const from = p.fields!;
    const next: ResidentFields = {
      ...f,
      phone: p.given.has('phone') ? from.phone : f.phone,
      address: p.given.has('address') ? from.address : f.address,
      grid: p.given.has('grid') ? from.grid : f.grid,
      notes: p.given.has('notes') ? from.notes : f.notes,
    };
    const tags = store.tags(before.rid);
    for (const t of p.tags) if (!tags.some((x) => x.tag === t.tag)) tags.push(t);
    return { fields: next, tags: sortTags(tags) };
  }

  const api: ApiPart<keyof typeof residentsCalls> = {
    async 'residents.search'({ q, limit }) {
      auth.require();
      const day = today();
      const { found, hint } = finder.search(q, limit, day);
      const tags = tagMap(found.map((f) => f.row));
      return { items: found.map((f) => ({ ...summaryOf(f.row, tags.get(f.row.rid) ?? [], day), match: f.match })), hint };
    },

    async 'residents.get'({ id }) {
      auth.require();
      return viewOf(mustGet(id));
    },

    async 'residents.create'(input) {
      const me = auth.require();
      return create(input, me);
    },

    async 'residents.update'(input) {
      const me = auth.require();
      return update(input, me);
    },

    async 'residents.revealIdNumber'({ id }) {
      const me = requireRevealer('revealIdNumber', id);
      return db
        .transaction(() => {
          const row = mustGet(id);
          audit.append({ actorId: me.id, action: 'resident.revealIdNumber', entity: 'resident', entityId: row.id });
          return { idNumber: row.id_number };
        })
        .immediate();
    },

    async 'residents.grids'() {
      auth.require();
      return gridList.all().map((g) => g.grid);
    },

    async 'residents.ledger'({ filter, page, pageSize }) {
      auth.require();
      const day = today();
      const { rows, total } = ledgerRows(filter, pageSize, (page - 1) * pageSize);
      const entries = tagEntryMap(rows);
      const items: LedgerRow[] = rows.map((r) => {
        const e = entries.get(r.rid) ?? [];
        return {
          ...summaryOf(
            r,
            e.map((t) => t.tag),
            day,
          ),
          tagEntries: e,
        };
      });
      return { items, total };
    },

    async 'residents.exportLedger'({ filter, fullIdNumbers }) {
      const me = fullIdNumbers ? requireRevealer('exportLedger', null) : auth.require();
      const day = today();
      const { rows, total } = ledgerRows(filter, EXPORT_LIMIT, 0);
      if (total > EXPORT_LIMIT) throw new AppError('VALIDATION', `符合条件的有 ${total} 人，超过单次导出上限 ${EXPORT_LIMIT}，请按网格或类别分批导出`);
      const entries = tagEntryMap(rows);
      const parts = [
        (filter.tags ?? []).length > 0 ? `类别：${(filter.tags ?? []).join('、')}` : '类别：全部',
        filter.grid ? `网格：${filter.grid}` : '网格：全部',
        filter.ageMin !== undefined || filter.ageMax !== undefined ? `年龄：${filter.ageMin ?? 0}–${filter.ageMax ?? '以上'}` : '',
        `共 ${rows.length} 人`,
        `导出时间：${day}`,
        fullIdNumbers ? '含完整身份证号，请妥善保管' : '身份证号已脱敏',
      ].filter(Boolean);
      const station = ctx.station.get();
      const buffer = await ledgerWorkbook({
        title: `${station?.name ?? ''}重点服务对象台账`,
        subtitle: parts.join('　'),
        rows: rows.map((r) => {
          const e = entries.get(r.rid) ?? [];
          return {
            name: r.name,
            sex: SEX_LABELS[r.sex],
            birthDate: r.birth_date,
            age: ageOn(r.birth_date, day),
            idNumber: fullIdNumbers ? r.id_number : maskIdNumber(r.id_number),
            phone: r.phone ?? '',
            address: r.address,
            grid: r.grid,
            tags: e.map((t) => `${t.tag}（${t.since}）`).join('、'),
            notes: r.notes,
          };
        }),
      });
      // The station's wall clock (UTC+8, no daylight saving), as in the sheet's 导出时间.
      const stamp = new Date(clock.now().getTime() + STATION_OFFSET_MS).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
      const fileName = `重点服务对象台账-${stamp}${fullIdNumbers ? '-含身份证号' : ''}.xlsx`;
      const dir = path.join(ctx.dataDir, 'exports');
      fs.mkdirSync(dir, { recursive: true });
      const savedPath = path.join(dir, fileName);
      fs.writeFileSync(savedPath, buffer);
      db.transaction(() =>
        audit.append({ actorId: me.id, action: 'resident.exportLedger', entity: 'resident', entityId: null, detail: { rows: rows.length, fullIdNumbers, fileName } }),
      ).immediate();
      return { fileName, savedPath, base64: buffer.toString('base64'), rows: rows.length };
    },

    async 'residents.importPreview'({ fileName, base64 }) {
      auth.require();
      return preview(fileName, base64);
    },

    async 'residents.importStart'({ fileName, base64 }) {
      const me = auth.require();
      return { jobId: importJobs.start(me.id, (report) => preview(fileName, base64, report)) };
    },

    async 'residents.importProgress'({ jobId }) {
      const me = auth.require();
      const s = await importJobs.poll(me.id, jobId);
      return s.state === 'done' ? { state: 'done' as const, preview: s.result } : s;
    },

    async 'residents.importCommit'({ fileName, base64, onExisting }) {
      const me = requireImporter();
      const { rows } = await parseFile(fileName, base64);
      const bad = rows.filter((r) => Object.keys(r.errors).length > 0);
      if (bad.length > 0) {
        const lines = bad.slice(0, 10).map((r) => r.line);
        throw new AppError('VALIDATION', `有 ${bad.length} 行数据有误（第 ${lines.join('、')}${bad.length > 10 ? ' 等' : ''} 行），请修改文件后重新导入；本次未导入任何数据`);
      }
      if (rows.length === 0) throw new AppError('VALIDATION', '文件中没有可导入的居民', { fileName: '没有数据行' });
      return db
        .transaction(() => {
          let created = 0;
          let updated = 0;
          let skipped = 0;
          const at = clock.now().toISOString();
          for (const p of rows) {
            // Re-read inside the transaction: another PC may have registered the person since the preview.
            const existing = store.byIdNumber(p.idNumber);
            if (!existing) {
              const id = newId(clock);
              store.insert(id, p.fields!, sortTags(p.tags), at, me.id);
              audit.append({ actorId: me.id, action: 'resident.create', entity: 'resident', entityId: id, detail: { via: 'import' } });
              created++;
              continue;
            }
            if (onExisting === 'skip') {
              skipped++;
              continue;
            }
            if (existing.name !== p.name) throw new AppError('CONFLICT', `第 ${p.line} 行：姓名与已登记的不一致，本次未导入任何数据`);
            const next = merged(existing, p);
            const changed = changedFields(fieldsOf(existing), next.fields, store.tags(existing.rid), next.tags);
            if (changed.length === 0) {
              skipped++;
              continue;
            }
            if (!store.update(existing, next.fields, next.tags, at, me.id)) throw new AppError('CONFLICT', '导入期间有居民信息被他人修改，请重新导入');
            audit.append({ actorId: me.id, action: 'resident.update', entity: 'resident', entityId: existing.id, detail: { changed, via: 'import' } });
            updated++;
          }
          audit.append({ actorId: me.id, action: 'resident.import', entity: 'resident', entityId: null, detail: { rows: rows.length, created, updated, skipped, onExisting } });
          return { created, updated, skipped };
        })
        .immediate();
    },

    async 'residents.importTemplate'() {
      auth.require();
      const buffer = await importTemplate('低保（2024-03-01）、独居老人');
      return { fileName: '居民信息导入模板.xlsx', base64: buffer.toString('base64') };
    },
  };

  /** A bulk write of personal data. */
  function requireImporter(): Staff {
    return auth.require('residents.import', '只有站长或管理员可以批量导入居民');
  }

  return {
    api,
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

