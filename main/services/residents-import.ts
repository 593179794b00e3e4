/**
 * Spreadsheet import of residents: every row parsed and checked like the form would, a
 * preview that changes nothing, then one transaction that is refused whole if any row is wrong.
 * Reading the file itself (.xlsx / .csv) is residents-io.ts's.
 */
import type { ServiceContext, ApiPart } from '../context';
import { newId } from '../clock';
import { AppError } from '../../common/errors';
import { checkIdNumber, maskIdNumber, SEX_LABELS, type Sex } from '../../common/idcard';
import { stationDate } from '../../common/time';
import { AddressSchema, GridSchema, KEY_TAGS, NotesSchema, OptionalPhoneSchema, ResidentNameSchema, type ImportPreview, type ImportRowPreview, type KeyTag, type TagEntry } from '../../common/contracts/residents';
import { fieldsOf, type ResidentFields, type ResidentRow, type ResidentStore } from './residents-store';
import { changedFields, sortTags, type FieldErrors } from './residents-shared';
import { IMPORT_COLUMN_LABELS, importTemplate, type ImportColumn, type SheetRow } from './residents-io';
import { createImportReader } from './import-runner';
import { createImportJobs, inSlices, type Report } from './import-jobs';

type ImportCalls = 'residents.importPreview' | 'residents.importStart' | 'residents.importProgress' | 'residents.importCommit' | 'residents.importTemplate';

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

export function createResidentImport(ctx: ServiceContext, store: ResidentStore) {
  const { clock, write } = ctx;
  const today = () => stationDate(clock.now());
  const importReader = createImportReader();
  const importJobs = createImportJobs<ImportPreview>();

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
    // the form's own rules (common/text.ts): a cell with a lone surrogate or a bidi mark is a row error, not stored
    const texts: Partial<Record<'address' | 'grid' | 'notes', string>> = {};
    for (const [col, schema] of [['address', AddressSchema], ['grid', GridSchema], ['notes', NotesSchema]] as const) {
      const p = schema.safeParse(c[col] ?? '');
      if (p.success) texts[col] = p.data;
      else errors[col] = p.error.issues[0]?.message ?? `${IMPORT_COLUMN_LABELS[col]}格式不正确`;
    }
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
        ? { name, idNumber, sex, birthDate, phone, address: texts.address ?? '', grid: texts.grid ?? '', householdHeadId: null, relation: null, notes: texts.notes ?? '', pinyinManual: null }
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

  const api: ApiPart<ImportCalls> = {
    async 'residents.importPreview'({ fileName, base64 }) {
      return preview(fileName, base64);
    },

    async 'residents.importStart'({ fileName, base64 }, me) {
      return { jobId: importJobs.start(me.id, (report) => preview(fileName, base64, report)) };
    },

    async 'residents.importProgress'({ jobId }, me) {
      const s = await importJobs.poll(me.id, jobId);
      return s.state === 'done' ? { state: 'done' as const, preview: s.result } : s;
    },

    async 'residents.importCommit'({ requestId, fileName, base64, onExisting }, me) {
      const { rows } = await parseFile(fileName, base64);
      const bad = rows.filter((r) => Object.keys(r.errors).length > 0);
      if (bad.length > 0) {
        const lines = bad.slice(0, 10).map((r) => r.line);
        throw new AppError('VALIDATION', `有 ${bad.length} 行数据有误（第 ${lines.join('、')}${bad.length > 10 ? ' 等' : ''} 行），请修改文件后重新导入；本次未导入任何数据`);
      }
      if (rows.length === 0) throw new AppError('VALIDATION', '文件中没有可导入的居民', { fileName: '没有数据行' });
      // a repeat of the same 确认导入 (its requestId) answers with the first import's counts
      return write.once({ requestId, call: 'residents.importCommit', actorId: me.id }, (tx) => {
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
              tx.change({ actorId: me.id, action: 'resident.create', entity: 'resident', entityId: id, op: 'create', ...store.snapshot(id)!, detail: { via: 'import' } });
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
            tx.change({ actorId: me.id, action: 'resident.update', entity: 'resident', entityId: existing.id, op: 'update', ...store.snapshot(existing.id)!, detail: { changed, via: 'import' } });
            updated++;
          }
          tx.note({ actorId: me.id, action: 'resident.import', entity: 'resident', entityId: null, detail: { rows: rows.length, created, updated, skipped, onExisting } });
          return { created, updated, skipped };
        }).value;
    },

    async 'residents.importTemplate'() {
      const buffer = await importTemplate('低保（2024-03-01）、独居老人');
      return { fileName: '居民信息导入模板.xlsx', base64: buffer.toString('base64') };
    },
  };

  return { api };
}
