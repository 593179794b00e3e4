/**
 * 居民 residents registry (综合信息库): the calls, their schemas and the domain words
 * (key-service tags, household relations). Every message is Chinese and names the field.
 */
import * as z from 'zod';
import { call, none, RequestId } from '../contract-kit';
import { checkIdNumber, ID_DOC_TYPES, isIsoDate, type Sex } from '../idcard';
import { stationDate } from '../time';
import { checkPhone } from '../phone';
import { INTAKE_STATUSES } from '../intake-status';
import { DocumentMeta } from './documents';
import { freeText, plainKey } from '../text';

/** 重点服务对象: the key-service target groups a station tracks (the issue's list, in its order). */
export const KEY_TAGS = ['空巢老人', '独居老人', '残疾人', '低保', '特困', '优抚对象', '留守儿童', '重病'] as const;
export type KeyTag = (typeof KEY_TAGS)[number];

/** 与户主关系, the wording of the 户口簿. */
export const RELATIONS = ['户主', '配偶', '子女', '父母', '孙子女', '祖父母', '兄弟姐妹', '儿媳/女婿', '其他'] as const;
export type Relation = (typeof RELATIONS)[number];

export const SEXES = ['male', 'female'] as const satisfies readonly Sex[];

export const KeyTagSchema = z.enum(KEY_TAGS, { error: '请选择重点服务对象类别' });
export const RelationSchema = z.enum(RELATIONS, { error: '请选择与户主关系' });
export const SexSchema = z.enum(SEXES, { error: '请选择性别' });

const today = () => stationDate(new Date());

/** 身份证号: trimmed, X upper-cased, checked by GB 11643; answers the canonical 18 characters. */
export const IdNumberSchema = z
  .string({ error: '请填写身份证号' })
  .max(40, { error: '身份证号应为 18 位' })
  .transform((v, ctx) => {
    const r = checkIdNumber(v, today());
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.idNumber;
  });

/**
 * 姓名: the free-text rule (no lone surrogate, control or bidi mark; NFC; 30 characters as a
 * clerk counts them, a rare CJK character of Ext B–H counting once), then a name's own: no
 * digits, no invisible format characters (zero-width space…), no markup brackets.
 */
export const ResidentNameSchema = freeText('姓名', { min: 1, max: 30 }).refine((v) => typeof v !== 'string' || (!/[\p{Cc}\p{Cf}<>]/u.test(v) && !/\d/.test(v)), { error: '姓名不能包含数字或特殊符号' });

/** YYYY-MM-DD, a real day, not after today. */
export const PastDateSchema = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isIsoDate, { error: `${label}格式应为 年-月-日（如 1956-03-08）` })
    .refine((v) => v <= today(), { error: `${label}不能晚于今天` });

/** An optional phone: empty means none; otherwise a mobile or a landline with area code, stored canonically. */
export const OptionalPhoneSchema = z
  .string({ error: '联系电话格式不正确' })
  .trim()
  .max(30, { error: '联系电话过长' })
  .transform((v, ctx) => {
    if (v === '') return null;
    const r = checkPhone(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.phone;
  });

const text = (label: string, max: number, multiline = false) => freeText(label, { max, multiline });
const RecordId = plainKey('记录编号', { max: 64 });

/** The columns a form and an import row share, each under the free-text rule (the import reads its cells with these). */
export const AddressSchema = text('现住址', 120);
export const GridSchema = text('所属网格', 40);
export const NotesSchema = text('备注', 500, true);

export const TagEntrySchema = z.object({ tag: KeyTagSchema, since: PastDateSchema('认定日期') });
export type TagEntry = z.infer<typeof TagEntrySchema>;

const TagsSchema = z
  .array(TagEntrySchema)
  .max(KEY_TAGS.length)
  .refine((ts) => new Set(ts.map((t) => t.tag)).size === ts.length, { error: '同一类重点服务对象只能标注一次' });

/** What the registration and edit forms send. */
const residentFields = {
  name: ResidentNameSchema,
  /** omitted: taken from the 身份证号; given and different: refused with the reason */
  sex: SexSchema.optional(),
  birthDate: PastDateSchema('出生日期').optional(),
  phone: OptionalPhoneSchema.default(''),
  address: AddressSchema.default(''),
  grid: GridSchema.default(''),
  /** the 户主's resident id; null: not linked to a household (or is the 户主 of one) */
  householdHeadId: RecordId.nullable().default(null),
  relation: RelationSchema.nullable().default(null),
  notes: NotesSchema.default(''),
  /** the clerk's correction of the name's pinyin, one syllable per character ("wei zhe"); '': derived from the name */
  pinyin: text('拼音', 200).default(''),
  tags: TagsSchema.default([]),
};

export const ResidentInputSchema = z.object({ idNumber: IdNumberSchema, ...residentFields });
export type ResidentInput = z.input<typeof ResidentInputSchema>;

export const ResidentUpdateSchema = z.object({
  id: RecordId,
  /** the version the form was loaded at: an edit over someone else's newer one is refused */
  version: z.number().int().positive(),
  /** omitted: unchanged (a clerk who may not see the full number can still correct it by typing a new one) */
  idNumber: IdNumberSchema.optional(),
  ...residentFields,
  /** omitted: unchanged; '': back to the pinyin derived from the name */
  pinyin: text('拼音', 200).optional(),
});
export type ResidentUpdate = z.input<typeof ResidentUpdateSchema>;

/** How a search result was found, best first; the renderer may highlight accordingly. */
export const MATCH_KINDS = ['idNumber', 'phone', 'name', 'namePrefix', 'initials', 'idSuffix', 'phoneSuffix', 'nameContains', 'initialsPrefix', 'pinyin', 'phonePrefix', 'phoneContains'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const ResidentSummary = z.object({
  id: z.string(),
  name: z.string(),
  sex: SexSchema,
  birthDate: z.string(),
  age: z.number(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  address: z.string(),
  grid: z.string(),
  tags: z.array(KeyTagSchema),
});
export type ResidentSummary = z.infer<typeof ResidentSummary>;

export const SearchHit = ResidentSummary.extend({ match: z.enum(MATCH_KINDS) });
export type SearchHit = z.infer<typeof SearchHit>;

export const HouseholdMember = z.object({ id: z.string(), name: z.string(), relation: RelationSchema.nullable(), age: z.number() });

export const ResidentView = ResidentSummary.extend({
  /** 证件类型, told by the number itself (common/idcard.ts idDocTypeOf) */
  idType: z.enum(ID_DOC_TYPES),
  phone: z.string().nullable(),
  notes: z.string(),
  tagEntries: z.array(TagEntrySchema),
  householdHeadId: z.string().nullable(),
  householdHeadName: z.string().nullable(),
  relation: RelationSchema.nullable(),
  /** when this resident is a 户主: the people linked to them */
  householdMembers: z.array(HouseholdMember),
  /** the pinyin the resident is found by, syllables spaced; '?' for a character no dictionary knows */
  pinyin: z.string(),
  /** true: a clerk typed it (residents.update with pinyin '' goes back to the derived one) */
  pinyinManual: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResidentView = z.infer<typeof ResidentView>;

export const LedgerFilterSchema = z
  .object({
    /** any of these; empty: every key-service target */
    tags: z.array(KeyTagSchema).max(KEY_TAGS.length).default([]),
    grid: GridSchema.default(''),
    ageMin: z.number({ error: '年龄应为数字' }).int({ error: '年龄应为整数' }).min(0, { error: '年龄不能小于 0' }).max(150, { error: '年龄不能超过 150' }).optional(),
    ageMax: z.number({ error: '年龄应为数字' }).int({ error: '年龄应为整数' }).min(0, { error: '年龄不能小于 0' }).max(150, { error: '年龄不能超过 150' }).optional(),
  })
  .refine((f) => f.ageMin === undefined || f.ageMax === undefined || f.ageMin <= f.ageMax, { error: '最小年龄不能大于最大年龄', path: ['ageMax'] });
export type LedgerFilter = z.input<typeof LedgerFilterSchema>;

export const LedgerRow = ResidentSummary.extend({ tagEntries: z.array(TagEntrySchema) });
export type LedgerRow = z.infer<typeof LedgerRow>;

/** Spreadsheets travel as base64 inside the call; the cap keeps one import to a sane size. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
const FileUpload = z.object({
  fileName: freeText('文件名', { min: 1, max: 200 }).refine((n) => /\.(xlsx|csv)$/i.test(n), { error: '只能导入 .xlsx 或 .csv 文件' }),
  base64: z
    .string({ error: '请选择文件' })
    .min(1, { error: '文件是空的' })
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { error: `文件过大（上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），请分批导入` })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '文件内容无法读取' }),
});

export const IMPORT_ROW_STATUSES = ['new', 'existing', 'error'] as const;
export const ImportRowPreview = z.object({
  /** the row number as the spreadsheet shows it */
  line: z.number(),
  name: z.string(),
  idMasked: z.string(),
  status: z.enum(IMPORT_ROW_STATUSES),
  /** per column: what is wrong, in Chinese */
  errors: z.record(z.string(), z.string()),
  existingId: z.string().nullable(),
  tags: z.array(KeyTagSchema),
});
export type ImportRowPreview = z.infer<typeof ImportRowPreview>;

/** One resident's past at the station: 代办 items, 一次性告知书, and every document printed for them. */
export const HistoryItem = z.object({
  id: z.string(),
  receiptNo: z.string(),
  itemName: z.string(),
  status: z.enum(INTAKE_STATUSES),
  acceptedAt: z.string(),
  promisedDate: z.string(),
  completedAt: z.string().nullable(),
});
export const HistoryNotice = z.object({
  id: z.string(),
  noticeNo: z.string(),
  itemName: z.string(),
  issuedAt: z.string(),
  materialsMissing: z.array(z.string()),
  /** its printed 一次性告知书, or null when it could not be made */
  documentId: z.string().nullable(),
});
export const ResidentHistory = z.object({
  /** newest first */
  items: z.array(HistoryItem),
  notices: z.array(HistoryNotice),
  /** receipts and notices printed for this resident, newest first */
  documents: z.array(DocumentMeta),
  /** true when a list was cut at HISTORY_LIMIT */
  truncated: z.boolean(),
});
export type ResidentHistory = z.infer<typeof ResidentHistory>;
export const HISTORY_LIMIT = 200;
export const ImportPreview = z.object({
  rows: z.array(ImportRowPreview),
  total: z.number(),
  newCount: z.number(),
  existingCount: z.number(),
  errorCount: z.number(),
  /** headers that were not recognised and will be ignored */
  ignoredColumns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** reading: the file's share read; checking: rows checked against the registry */
export const IMPORT_JOB_PHASES = ['reading', 'checking'] as const;
export const ImportJobState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), phase: z.enum(IMPORT_JOB_PHASES), done: z.number(), total: z.number() }),
  z.object({ state: z.literal('done'), preview: ImportPreview }),
]);
export type ImportJobState = z.infer<typeof ImportJobState>;

export const ExportedFile = z.object({ fileName: z.string(), savedPath: z.string(), base64: z.string(), rows: z.number() });

export const residentsCalls = {
  /** one box: name or part of it, pinyin initials, the last 4+ digits of the 身份证号, phone digits */
  'residents.search': call(
    z.object({ q: freeText('查找内容', { max: 50 }), limit: z.number().int().min(1).max(50).default(20) }),
    z.object({ items: z.array(SearchHit), hint: z.string().nullable() }),
    'signedIn',
  ),
  'residents.get': call(z.object({ id: RecordId }), ResidentView, 'signedIn'),
  /** the resident's 代办 items, notices and printed documents */
  'residents.history': call(z.object({ id: RecordId }), ResidentHistory, 'signedIn'),
  /** a light check as soon as a 身份证号 is complete: who already holds it (selfId: the record being edited) */
  'residents.checkIdNumber': call(
    z.object({ idNumber: IdNumberSchema, selfId: RecordId.optional() }),
    z.object({ existing: z.object({ id: z.string(), name: z.string(), idMasked: z.string() }).nullable() }),
    'signedIn',
  ),
  /** the pinyin a name gets by itself, for the form; unknown: characters no dictionary has a reading for */
  'residents.pinyinOf': call(z.object({ name: freeText('姓名', { max: 30 }) }), z.object({ pinyin: z.string(), unknown: z.array(z.string()) }), 'signedIn'),
  'residents.create': call(ResidentInputSchema.extend({ requestId: RequestId }), ResidentView, 'signedIn'),
  'residents.update': call(ResidentUpdateSchema, ResidentView, 'signedIn'),
  /** the full 身份证号, to 站长 and 管理员 only; every reveal is audited */
  'residents.revealIdNumber': call(z.object({ id: RecordId }), z.object({ idNumber: z.string() }), 'residents.revealId'),
  /** 网格 names in use, for filters and the form's suggestions */
  'residents.grids': call(none, z.array(z.string()), 'signedIn'),
  /** 重点服务对象台账 */
  'residents.ledger': call(
    z.object({
      filter: LedgerFilterSchema,
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ items: z.array(LedgerRow), total: z.number() }),
    'signedIn',
  ),
  /**
   * the ledger as .xlsx: saved under the data folder's exports/ (removed after exportKeepDays) and
   * returned for a browser download; 站长, 管理员 or a granted clerk; phones masked unless the
   * exporter may also see full 身份证号 (residents.revealId); audited with its row count
   */
  'residents.exportLedger': call(z.object({ filter: LedgerFilterSchema, fullIdNumbers: z.boolean().default(false) }), ExportedFile, 'residents.export'),
  /** reads an .xlsx/.csv and says, row by row, what an import would do; changes nothing (it reads every row: import holders only) */
  'residents.importPreview': call(FileUpload, ImportPreview, 'residents.import'),
  /** the same preview as a job, for a progress bar: answers at once with the job's id */
  'residents.importStart': call(FileUpload, z.object({ jobId: z.string() }), 'residents.import'),
  /** the job's progress, or its preview once done (then the job is gone); a refused file is this call's error */
  'residents.importProgress': call(z.object({ jobId: plainKey('导入任务编号', { max: 64 }) }), ImportJobState, 'residents.import'),
  /** imports every row in one transaction; refused as a whole if any row has an error */
  'residents.importCommit': call(
    FileUpload.extend({ requestId: RequestId, onExisting: z.enum(['skip', 'match'], { error: '请选择已登记居民的处理方式' }) }),
    z.object({ created: z.number(), updated: z.number(), skipped: z.number() }),
    'residents.import',
  ),
  /** an empty .xlsx with the columns the import reads */
  'residents.importTemplate': call(none, z.object({ fileName: z.string(), base64: z.string() }), 'residents.import'),
} as const;
