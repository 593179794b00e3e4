/**
 * The catalogue's stored rows and their shapes on screen: reading a revision or a
 * version row, the seed file, and the field-by-field comparison an edit is recorded with.
 * Pure functions, apart from reading the seed: catalogue.ts does the writing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import {
  PublishedCatalogue,
  describeCatalogueIssue,
  type CatalogueItem,
  type CatalogueVersion,
  type Category,
  type ItemFields,
  type TimeLimit,
  type VersionSource,
} from '../../common/catalogue';
import { AppError } from '../../common/errors';
import { EligibilityConditions, normalizeConditions } from '../../common/eligibility';

export interface ItemRow {
  code: string;
  version_id: number;
  name: string;
  category: Category;
  department: string;
  materials: string;
  time_limit_unit: TimeLimit['unit'];
  time_limit_value: number | null;
  forwarded: number;
  notes: string | null;
  conditions: string | null;
  retired: number;
  retired_reason: string | null;
  pinyin_initials: string;
  pinyin_full: string;
  created_at: string;
}

export interface VersionRow {
  id: number;
  label: string;
  source: VersionSource;
  published_at: string;
  summary: string;
  item_count: number;
  content_hash: string | null;
  created_at: string;
  created_by: string | null;
  created_by_name: string | null;
}

export const FIELD_LABELS: Record<keyof ItemFields, string> = {
  name: '名称',
  category: '类别',
  department: '责任部门',
  materials: '所需材料',
  timeLimit: '承诺时限',
  forwarded: '是否转报',
  notes: '备注',
  conditions: '办理条件',
};
export const FIELD_KEYS = Object.keys(FIELD_LABELS) as (keyof ItemFields)[];

/** Initials ("gljtsq") and the full spelling ("gaolingjintieshenqing"); letters and digits kept, the rest dropped. */
export function pinyinOf(name: string): { initials: string; full: string } {
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return {
    initials: clean(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })),
    full: clean(pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })),
  };
}

export function seedPath(resourcesDir: string): string {
  return path.join(resourcesDir, 'catalogue', 'seed.json');
}

/** Reads and validates the shipped seed; a broken file is refused whole, with a sentence saying where. */
export function loadSeed(file: string): PublishedCatalogue {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('UNAVAILABLE', `找不到服务清单初始数据文件（${name}），请重新安装 StationDesk 或联系县级运维人员`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('UNAVAILABLE', `服务清单初始数据文件（${name}）不是有效的 JSON，请联系县级运维人员`);
  }
  const parsed = PublishedCatalogue.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('UNAVAILABLE', `服务清单初始数据（${name}）有误：${describeCatalogueIssue(parsed.error, raw)}。请联系县级运维人员`);
  }
  return parsed.data;
}

export function toItem(r: ItemRow): CatalogueItem {
  const timeLimit: TimeLimit =
    r.time_limit_unit === 'immediate' ? { unit: 'immediate' } : { unit: r.time_limit_unit, value: r.time_limit_value ?? 1 };
  return {
    code: r.code,
    name: r.name,
    category: r.category,
    department: r.department,
    materials: JSON.parse(r.materials) as string[],
    timeLimit,
    forwarded: r.forwarded === 1,
    notes: r.notes,
    conditions: r.conditions ? normalizeConditions(EligibilityConditions.parse(JSON.parse(r.conditions))) : null,
    version: r.version_id,
    retired: r.retired === 1,
    retiredReason: r.retired_reason,
    pinyinInitials: r.pinyin_initials,
    pinyinFull: r.pinyin_full,
    revisedAt: r.created_at,
  };
}

export function toVersion(r: VersionRow): CatalogueVersion {
  return {
    version: r.id,
    label: r.label,
    source: r.source,
    publishedAt: r.published_at,
    summary: r.summary,
    itemCount: r.item_count,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
  };
}

export function fieldsOf(item: CatalogueItem): ItemFields {
  return {
    name: item.name,
    category: item.category,
    department: item.department,
    materials: item.materials,
    timeLimit: item.timeLimit,
    forwarded: item.forwarded,
    notes: item.notes,
    conditions: item.conditions,
  };
}

/** Which fields differ; JSON comparison is exact for these plain values (materials order matters on the receipt). */
export function changedFields(a: ItemFields, b: ItemFields): (keyof ItemFields)[] {
  return FIELD_KEYS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
