/**
 * 社区服务清单: the shapes of a catalogue item and of a whole published list (the
 * shipped seed and a county push share one schema), the promised time limit and its
 * Chinese wording, and the search ranking used by main and by the item picker alike.
 */
import * as z from 'zod';
import { EligibilityConditions, normalizeConditions } from './eligibility';
import { freeText } from './text';

export const CATEGORIES = ['主动服务', '可直接办结', '审核转报', '代办服务'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Code prefixes for items the station adds itself; the seed follows the same scheme. */
export const CATEGORY_CODE_PREFIX: Record<Category, string> = {
  主动服务: 'ZD',
  可直接办结: 'BJ',
  审核转报: 'ZB',
  代办服务: 'DB',
};

export const CATEGORY_HELP: Record<Category, string> = {
  主动服务: '站点主动上门或定期开展的服务',
  可直接办结: '在本站窗口当场或限时办结，不转报',
  审核转报: '本站受理、初审后转报县级部门审批',
  代办服务: '本站收件后代居民到县级部门办理',
};

/** Until common/roles.ts gains a 'catalogue.edit' permission, this list is the rule main enforces. */

export const VERSION_SOURCES = ['seed', 'station', 'county'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];
export const VERSION_SOURCE_LABELS: Record<VersionSource, string> = {
  seed: '初始清单',
  station: '本站修订',
  county: '县级下发',
};

// ---- time limit ----------------------------------------------------------

const limitValue = (max: number, unit: string) =>
  z
    .number({ error: '请填写时限数值' })
    .int({ error: '时限须为整数' })
    .min(1, { error: '时限至少为 1' })
    .max(max, { error: `时限最多 ${max} ${unit}` });

export const TimeLimit = z.discriminatedUnion(
  'unit',
  [
    z.object({ unit: z.literal('workdays'), value: limitValue(365, '个工作日') }),
    z.object({ unit: z.literal('hours'), value: limitValue(72, '小时') }),
    z.object({ unit: z.literal('immediate') }),
  ],
  { error: '请选择承诺时限的单位（工作日、小时或当场办结）' },
);
export type TimeLimit = z.infer<typeof TimeLimit>;
export type TimeLimitUnit = TimeLimit['unit'];

export const TIME_LIMIT_UNIT_LABELS: Record<TimeLimitUnit, string> = {
  workdays: '个工作日',
  hours: '小时',
  immediate: '当场办结',
};

/** "5 个工作日" / "2 小时" / "当场办结" — as printed on receipts. */
export function timeLimitText(limit: TimeLimit): string {
  switch (limit.unit) {
    case 'workdays':
      return `${limit.value} 个工作日`;
    case 'hours':
      return `${limit.value} 小时`;
    case 'immediate':
      return '当场办结';
  }
}

// ---- item fields -----------------------------------------------------------

/** A required one-line text under the free-text rule (common/text.ts). */
const text = (label: string, max: number) => freeText(label, { min: 1, max });

export const ItemCode = z
  .string({ error: '请填写事项编码' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,10}(-[A-Z0-9]{1,10}){0,3}$/, { error: '事项编码由字母、数字和连字符组成，如 DB-001' })
  .max(24, { error: '事项编码不能超过 24 个字符' });

export const MaterialName = text('材料名称', 60);

export const Materials = z
  .array(MaterialName, { error: '请填写所需材料' })
  .min(1, { error: '请至少填写一项所需材料' })
  .max(30, { error: '所需材料最多 30 项' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((m, i) => {
      if (seen.has(m)) ctx.addIssue({ code: 'custom', path: [i], message: `材料“${m}”重复填写` });
      seen.add(m);
    });
  });

const itemShape = {
  name: text('事项名称', 40),
  category: z.enum(CATEGORIES, { error: '请选择事项类别（主动服务、可直接办结、审核转报、代办服务）' }),
  department: text('责任部门', 40),
  materials: Materials,
  timeLimit: TimeLimit,
  forwarded: z.boolean({ error: '请选择是否转报县级' }),
  notes: freeText('备注', { max: 500, multiline: true })
    .nullish()
    .transform((v) => (v ? v : null)),
  /** warned about at intake, never enforced (common/eligibility.ts); none set is null */
  conditions: EligibilityConditions.nullish().transform((v) => normalizeConditions(v)),
};

/** Each field's own rule, for forms that check a field as the clerk leaves it. */
export const ITEM_FIELD_SCHEMAS = itemShape;

/**
 * The category and the forwarding flag must agree: 审核转报 is by definition decided
 * at the county, and 可直接办结 by definition is not.
 */
function categoryAgrees(v: { category: Category; forwarded: boolean }, ctx: z.RefinementCtx): void {
  if (v.category === '审核转报' && !v.forwarded) {
    ctx.addIssue({ code: 'custom', path: ['forwarded'], message: '“审核转报”类事项须转报县级' });
  }
  if (v.category === '可直接办结' && v.forwarded) {
    ctx.addIssue({ code: 'custom', path: ['forwarded'], message: '“可直接办结”类事项在本站办结，不能设为转报县级' });
  }
}

/** What the station head fills in for an item (its code is given or generated). */
export const ItemFields = z.object(itemShape).superRefine(categoryAgrees);
export type ItemFields = z.output<typeof ItemFields>;
export type ItemFieldsInput = z.input<typeof ItemFields>;

/** One item of a published list (seed file or county push). */
export const PublishedItem = z.object({ code: ItemCode, ...itemShape }).superRefine(categoryAgrees);
export type PublishedItem = z.output<typeof PublishedItem>;

const IsoDate = z
  .string({ error: '请填写发布日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '发布日期格式应为 YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: '发布日期不是有效日期' });

/** A whole list as published: the shipped seed file, or a version the county pushes. */
export const PublishedCatalogue = z
  .object({
    version: text('清单版本号', 40),
    publishedAt: IsoDate,
    source: text('清单来源说明', 60),
    items: z.array(PublishedItem, { error: '清单须包含事项列表 items' }).min(1, { error: '清单中没有任何事项' }).max(2000, { error: '清单事项不能超过 2000 项' }),
  })
  .superRefine((c, ctx) => {
    const codes = new Map<string, number>();
    const names = new Map<string, number>();
    c.items.forEach((item, i) => {
      const sameCode = codes.get(item.code);
      if (sameCode !== undefined) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `事项编码 ${item.code} 与第 ${sameCode + 1} 项重复` });
      else codes.set(item.code, i);
      const sameName = names.get(item.name);
      if (sameName !== undefined) ctx.addIssue({ code: 'custom', path: ['items', i, 'name'], message: `事项名称“${item.name}”与第 ${sameName + 1} 项重复` });
      else names.set(item.name, i);
    });
  });
export type PublishedCatalogue = z.output<typeof PublishedCatalogue>;

const FIELD_LABELS: Record<string, string> = {
  version: '清单版本号',
  publishedAt: '发布日期',
  source: '清单来源说明',
  items: '事项列表',
  code: '事项编码',
  name: '事项名称',
  category: '事项类别',
  department: '责任部门',
  materials: '所需材料',
  timeLimit: '承诺时限',
  unit: '时限单位',
  value: '时限数值',
  forwarded: '是否转报县级',
  notes: '备注',
  conditions: '办理条件',
  minAge: '最低年龄',
  maxAge: '最高年龄',
  tags: '重点服务对象类别',
  residence: '居住在本站辖区',
};

/**
 * One sentence a county IT worker can act on: which item (by position and code),
 * which field, and what is wrong — instead of zod's raw path.
 */
export function describeCatalogueIssue(error: z.ZodError, raw: unknown): string {
  const issue = error.issues[0];
  if (!issue) return '清单内容有误';
  let path = issue.path;
  let where = '';
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const at = path[1];
    const rawItems = raw && typeof raw === 'object' ? (raw as { items?: unknown }).items : undefined;
    const rawItem = Array.isArray(rawItems) ? (rawItems[at] as { code?: unknown } | undefined) : undefined;
    where = `第 ${at + 1} 项${rawItem && typeof rawItem.code === 'string' ? `（${rawItem.code}）` : ''}`;
    path = path.slice(2);
  }
  // the most specific field named ("时限数值" rather than "承诺时限"), and which entry of a list
  let lastField = -1;
  path.forEach((p, i) => {
    if (typeof p === 'string') lastField = i;
  });
  if (lastField >= 0) {
    const key = String(path[lastField]);
    where += FIELD_LABELS[key] ?? key;
    const index = path[lastField + 1];
    if (typeof index === 'number') where += `第 ${index + 1} 条`;
  }
  return where ? `${where}：${issue.message}` : issue.message;
}

// ---- items as main returns them --------------------------------------------

export const CatalogueItem = z.object({
  code: z.string(),
  name: z.string(),
  category: z.enum(CATEGORIES),
  department: z.string(),
  materials: z.array(z.string()),
  timeLimit: TimeLimit,
  forwarded: z.boolean(),
  notes: z.string().nullable(),
  conditions: EligibilityConditions.nullable(),
  /** the catalogue version this revision of the item was written in; an intake record keeps it */
  version: z.number().int(),
  /** retired in this revision: kept for history, hidden from search and from new intake */
  retired: z.boolean(),
  retiredReason: z.string().nullable(),
  /** "gljtsq" for 高龄津贴申请, and the full spelling, for search as the clerk types */
  pinyinInitials: z.string(),
  pinyinFull: z.string(),
  /** when this revision was written */
  revisedAt: z.string(),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const CatalogueVersion = z.object({
  version: z.number().int(),
  label: z.string(),
  source: z.enum(VERSION_SOURCES),
  publishedAt: z.string(),
  /** what changed, or the publisher's description for a whole list */
  summary: z.string(),
  itemCount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersion>;

// ---- search ------------------------------------------------------------------

/** Lower-case letters and digits only: "DB-001" and "db001" are the same code to a clerk. */
export function normalizeCode(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

type Searchable = Pick<CatalogueItem, 'code' | 'name' | 'pinyinInitials' | 'pinyinFull'>;

/**
 * How well an item answers a query; lower is better, null is no match. A code typed
 * in full beats everything, then the name (what the resident says at the counter),
 * then pinyin initials (how a clerk types fast), then the full pinyin spelling.
 */
export function matchRank(item: Searchable, query: string): number | null {
  const q = query.trim().replace(/\s+/g, '');
  if (!q) return null;
  const ql = q.toLowerCase();
  const qc = normalizeCode(q);
  const code = normalizeCode(item.code);
  if (qc && qc === code) return 0;
  if (qc.length >= 2 && code.startsWith(qc) && /[0-9-]/.test(q)) return 1;
  if (item.name.startsWith(q)) return 2;
  if (item.name.includes(q)) return 3;
  if (/^[a-z]+$/.test(ql)) {
    if (item.pinyinInitials.startsWith(ql)) return 4;
    if (ql.length >= 2 && item.pinyinInitials.includes(ql)) return 5;
    if (ql.length >= 2 && item.pinyinFull.startsWith(ql)) return 6;
  }
  if (qc.length >= 2 && code.startsWith(qc)) return 7;
  return null;
}

/** Items answering the query, best first; ties by code so the order is stable. */
export function searchItems<T extends Searchable>(items: readonly T[], query: string, limit = Infinity): T[] {
  const hits: { item: T; rank: number }[] = [];
  for (const item of items) {
    const rank = matchRank(item, query);
    if (rank !== null) hits.push({ item, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.item.code.localeCompare(b.item.code));
  return hits.slice(0, limit).map((h) => h.item);
}

/** Category order for lists: the order the county's list uses. */
export function compareItems(a: Pick<CatalogueItem, 'category' | 'code'>, b: Pick<CatalogueItem, 'category' | 'code'>): number {
  return CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.code.localeCompare(b.code);
}
